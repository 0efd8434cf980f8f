/**
 * The alias trie: one edge per folded alias word, so a single left-to-right
 * pass over a page's words finds the longest alias starting at each word
 * ("Mark Rutte" over "Rutte") with one map lookup per word, whatever the
 * size of the index. Edges after the first word are keyed by separator plus
 * word (" trump", ".s") so "U.S." needs its dots and "Trump-Putin" splits.
 *
 * Beside the exact edges, a node has form edges for words written another
 * way: inflected (Путина, im Weißen Haus) or spelt the other side of the
 * Atlantic (Organisation). A form edge is keyed by a stem and lists the
 * endings it takes; the scan splits a page word into stem and ending. The
 * German genitive (Russlands, Putins) needs no edges: an alias end says
 * whether it takes one, and the scan tries the page word without -s, -es.
 */
import type { AliasCaution } from '../fact-index/schema';
import { cyrillicForms, startsCyrillic } from './cyrillic';
import { GENITIVE_ENDINGS, latinForms, mayHaveLatinForms, takesGenitive, type WordPlace } from './latin-forms';
import { newFormList } from './form-list';
import { foldText } from './normalise';
import { caseRuleOf, separatorBetween, tokenise, type CaseRule } from './tokens';

/** One alias where it ends in the trie. */
export interface AliasEnd {
  entity: number;
  /** The folded alias, case kept: its words are what the case rules compare against. */
  folded: string;
  /** Its words and their case rules, worked out on first use (most aliases never meet a page). */
  cased: CasedWords | null;
  wordCount: number;
  /** Punctuation that closes the alias ("." of "U.S."), folded; usually empty. */
  tail: string;
  caution?: AliasCaution;
  /** The alias is the entity's name. */
  isName: boolean;
  /**
   * The alias may also be written in lower case ("Nato's article 5"): a
   * term named by a number keeps its meaning in lower case, where a
   * lower-cased name is just words. The gate asks more of such a match.
   */
  lowercaseOk: boolean;
  /** The alias's language (BCP 47), when curated. */
  lang?: string;
  /**
   * The last word may take a German genitive -s or -es ("Russlands", "des
   * Weißen Hauses"). Known from the start for one-word aliases (the
   * first-word filter needs it); null for longer ones until a page word
   * asks (see `takesGenitiveEnd`), as most aliases never meet a page.
   */
  genitive: boolean | null;
}

/** An alias's words (case kept) and the case rule of each. */
export interface CasedWords {
  words: string[];
  rules: CaseRule[];
}

export interface TrieNode {
  next: Map<string, TrieNode> | null;
  /** Form edges by separator plus stem (see `edgeKey`); set only where `next` is. */
  forms: Map<string, FormEdge> | null;
  /** Scripts of the stems in `forms`: CYRILLIC_FORMS, LATIN_FORMS or both. */
  formScripts: number;
  ends: AliasEnd[] | null;
}

export const CYRILLIC_FORMS = 1;
export const LATIN_FORMS = 2;

/** A page word "stem + ending" leads to `child` when `endings` has the ending. */
export interface FormEdge {
  child: TrieNode;
  endings: ReadonlySet<string>;
  /** Another edge with the same stem (two alias words sharing a stem), or null. */
  next: FormEdge | null;
}

export const newTrieNode = (): TrieNode => ({ next: null, forms: null, formScripts: 0, ends: null });

export const hasChildren = (node: TrieNode): boolean => node.next !== null;

export const childOf = (node: TrieNode, key: string): TrieNode | undefined => node.next?.get(key);

function addForm(node: TrieNode, key: string, endings: ReadonlySet<string>, child: TrieNode, script: number): void {
  node.forms ??= new Map();
  node.formScripts |= script;
  const head = node.forms.get(key);
  for (let e: FormEdge | null | undefined = head; e; e = e.next) if (e.child === child && e.endings === endings) return;
  node.forms.set(key, { child, endings, next: head ?? null });
}

function addChild(node: TrieNode, key: string): TrieNode {
  node.next ??= new Map();
  let child = node.next.get(key);
  if (child === undefined) {
    child = newTrieNode();
    node.next.set(key, child);
  }
  return child;
}

/**
 * The key of the edge for `word` after separator `sep`. A single space, by
 * far the most common separator, is left out of the key to save building
 * a string per word.
 */
export const edgeKey = (sep: string, word: string): string => (sep === '' || sep === ' ' ? word : sep + word);

export interface ParsedAlias {
  folded: string;
  /** Folded, lower-cased words. */
  words: string[];
  /** Folded words, case kept. */
  cased: string[];
  /** Separator before each word ('' for the first). */
  separators: string[];
  tail: string;
}

const MAX_TAIL = 2;

const HAS_LETTER = /\p{L}/u;

export function parseAlias(text: string): ParsedAlias | null {
  const folded = foldText(text.trim());
  // A name has a letter. Pages are read on that rule too: text with no
  // letter (the figures, dates and amounts that fill most cells of a table)
  // is never sent to be scanned, so a letterless alias ("2014") could only
  // ever match in running text, which would be no rule at all.
  if (!HAS_LETTER.test(folded.text)) return null;
  const t = tokenise(folded.text); // shared arrays: read before anything else tokenises
  if (t.count === 0) return null;
  if (t.count === 1 && t.start[0] === 0 && t.end[0] === folded.text.length) {
    return { folded: folded.text, words: [folded.lower], cased: [folded.text], separators: [''], tail: '' };
  }
  const words: string[] = [];
  const cased: string[] = [];
  const separators: string[] = [];
  for (let i = 0; i < t.count; i++) {
    const sep = i === 0 ? '' : separatorBetween(folded.lower, t.end[i - 1], t.start[i]);
    if (sep === null) return null; // words too far apart to ever match as one alias
    separators.push(sep);
    words.push(folded.lower.slice(t.start[i], t.end[i]));
    cased.push(folded.text.slice(t.start[i], t.end[i]));
  }
  const tail = folded.lower.slice(t.end[t.count - 1]);
  return { folded: folded.text, words, cased, separators, tail: tail.length <= MAX_TAIL && !/\s/.test(tail) ? tail : '' };
}

/** What else the trie keeps of an alias besides its words. */
export interface AliasDetails {
  /** BCP 47; none for the source's own names. */
  lang?: string;
  /** See `AliasEnd.lowercaseOk`. */
  lowercaseOk?: boolean;
}

/** Where word `i` sits in `alias`, for the Latin forms. */
function placeOf(alias: ParsedAlias, i: number, caution: AliasCaution | undefined, lang: string | undefined): WordPlace {
  return { isLast: i === alias.words.length - 1, wordCount: alias.words.length, cased: alias.cased[i], lang, otherReferent: caution === 'other-referent' };
}

/** Whether alias end `e` takes a German genitive (worked out on first use for multi-word aliases). */
export function takesGenitiveEnd(e: AliasEnd): boolean {
  if (e.genitive === null) {
    const words = caseRulesOf(e).words;
    const cased = words[words.length - 1] ?? '';
    e.genitive = e.tail === '' && takesGenitive(cased.toLowerCase(), {
      isLast: true, wordCount: words.length, cased, lang: e.lang, otherReferent: e.caution === 'other-referent',
    });
  }
  return e.genitive;
}

/** `takesGenitiveEnd` for a one-word alias, while it is added. */
const oneWordGenitive = (alias: ParsedAlias, caution: AliasCaution | undefined, lang: string | undefined) =>
  alias.tail === '' && !startsCyrillic(alias.words[0], 0) && takesGenitive(alias.words[0], placeOf(alias, 0, caution, lang));

const forms = newFormList();

/** An acronym (НАТО, США): its second letter is a capital too. Cheaper than `caseRuleOf`, run for every alias word. */
const isAcronym = (cased: string, lower: string) => cased.length > 1 && cased.charCodeAt(1) !== lower.charCodeAt(1);

/** Adds the form edges from `node` to `child` for other ways of writing word `i` of `alias`. */
function addForms(node: TrieNode, child: TrieNode, alias: ParsedAlias, i: number, caution: AliasCaution | undefined, lang: string | undefined): void {
  const word = alias.words[i];
  const cyrillic = startsCyrillic(word, 0);
  forms.count = 0;
  if (cyrillic) cyrillicForms(word, i === 0, isAcronym(alias.cased[i], word), forms);
  else if (alias.words.length > 1 && mayHaveLatinForms(word, lang)) latinForms(word, placeOf(alias, i, caution, lang), forms);
  const sep = alias.separators[i];
  for (let k = 0; k < forms.count; k++) addForm(node, edgeKey(sep, forms.stems[k]), forms.endings[k], child, cyrillic ? CYRILLIC_FORMS : LATIN_FORMS);
}

export function addAlias(
  root: TrieNode,
  alias: ParsedAlias,
  entity: number,
  caution: AliasCaution | undefined,
  isName: boolean,
  details: AliasDetails = {},
): void {
  let node = root;
  for (let i = 0; i < alias.words.length; i++) {
    const child = addChild(node, edgeKey(alias.separators[i], alias.words[i]));
    addForms(node, child, alias, i, caution, details.lang);
    node = child;
  }
  const end: AliasEnd = {
    entity,
    folded: alias.folded,
    cased: null,
    wordCount: alias.words.length,
    tail: alias.tail,
    caution,
    isName,
    lowercaseOk: details.lowercaseOk ?? false,
    lang: details.lang,
    genitive: alias.words.length === 1 ? oneWordGenitive(alias, caution, details.lang) : null,
  };
  const same = sameListing(node.ends, end);
  if (same) {
    // The same spelling listed twice: a caution on either listing stands.
    same.caution ??= caution;
    same.isName ||= isName;
    // A caution on either listing takes the genitive away.
    if (same.genitive !== null && end.genitive !== null) same.genitive &&= end.genitive;
    same.lowercaseOk ||= end.lowercaseOk;
    return;
  }
  (node.ends ??= []).push(end);
}

/**
 * The entity's earlier listing of the same spelling at this node, if any.
 * An entity's aliases are added together, so its ends sit at the back:
 * stopping at the first other entity keeps shared aliases linear to build.
 */
function sameListing(ends: AliasEnd[] | null, end: AliasEnd): AliasEnd | undefined {
  if (ends === null) return undefined;
  for (let k = ends.length - 1; k >= 0 && ends[k].entity === end.entity; k--) {
    const e = ends[k];
    if (e.tail === end.tail && e.folded === end.folded) return e;
  }
  return undefined;
}

/**
 * A bitset over the first words of all aliases (the root's edges), so the
 * scan skips most page words without slicing them into a string for a map
 * lookup: on a 1 MB page, 119,000 slices and lookups were 25 ms of a cold
 * 130 ms pass and a good part of its garbage. A set bit means "maybe"; the
 * trie still decides.
 *
 * A word is hashed by its length and first, second and last units. A
 * Cyrillic page word may also be an inflection of a stem (stem plus case
 * ending, the stem three letters or more), so stems are entered by their
 * first three units, which any inflection of them starts with. Latin forms
 * (a first word with a genitive -s, an adjective ending, the other
 * spelling) are entered whole, hashed from their parts without building
 * them; the Latin forms of the root's form edges go into `forms` too, so
 * the scan splits a Latin word into stem and ending only when they may
 * exist.
 */
export interface FirstWordFilter {
  bits: Uint32Array;
  /** Latin words the root's form edges may take, hashed like `bits`. */
  forms: Uint32Array;
  /** 32 minus log2 of the number of bits. */
  shift: number;
}

/**
 * The hash of a word of `length` units with these first, second and last
 * units, Fibonacci-style: its top bits pick the filter bit. Written out
 * without helpers because it runs for every word of a page, mostly in the
 * interpreter.
 */
function hashOfParts(length: number, first: number, second: number, last: number): number {
  const h = Math.imul(Math.imul(Math.imul(length, 0x10001) ^ first, 0x01000193) ^ second, 0x01000193) ^ last;
  return Math.imul(h, 0x9e3779b1);
}

/** The hash of the whole word `text[from, to)`. */
function wordHash(text: string, from: number, to: number): number {
  const length = to - from;
  const second = length > 1 ? text.charCodeAt(from + 1) : 0;
  const h = Math.imul(Math.imul(Math.imul(length, 0x10001) ^ text.charCodeAt(from), 0x01000193) ^ second, 0x01000193) ^ text.charCodeAt(to - 1);
  return Math.imul(h, 0x9e3779b1);
}

/** The hash of `stem + ending` (the stem two units or more), without building it. */
const formHash = (stem: string, ending: string) =>
  hashOfParts(stem.length + ending.length, stem.charCodeAt(0), stem.charCodeAt(1), ending.charCodeAt(ending.length - 1));

/** The hash of the first three units from `from`, salted apart from `wordHash`. */
function stemStartHash(text: string, from: number): number {
  const h = Math.imul(Math.imul(0x27d4eb2f ^ text.charCodeAt(from), 0x01000193) ^ text.charCodeAt(from + 1), 0x01000193) ^ text.charCodeAt(from + 2);
  return Math.imul(h, 0x9e3779b1);
}

const STEM_START = 3;

function setBit(bits: Uint32Array, shift: number, hash: number): void {
  const bit = hash >>> shift;
  bits[bit >>> 5] |= 1 << (bit & 31);
}

function hasBit(bits: Uint32Array, shift: number, hash: number): boolean {
  const bit = hash >>> shift;
  return (bits[bit >>> 5] & (1 << (bit & 31))) !== 0;
}


/** The filter of `root`'s edges; build it once the trie is complete. */
export function firstWordFilter(root: TrieNode): FirstWordFilter {
  const genitives: string[] = [];
  root.next?.forEach((child, key) => { if (child.ends?.some((e) => e.genitive === true)) genitives.push(key); });
  const keys = (root.next?.size ?? 0) + genitives.length * GENITIVE_ENDINGS.length + (root.forms?.size ?? 0);
  let log2 = 12;
  while (log2 < 24 && 1 << log2 < keys * 64) log2++; // under 2% false "maybe"
  const shift = 32 - log2;
  const filter: FirstWordFilter = { bits: new Uint32Array((1 << log2) >>> 5), forms: new Uint32Array((1 << log2) >>> 5), shift };
  root.next?.forEach((_, key) => setBit(filter.bits, shift, wordHash(key, 0, key.length)));
  for (const key of genitives) for (const ending of GENITIVE_ENDINGS) setBit(filter.bits, shift, formHash(key, ending));
  root.forms?.forEach((head, stem) => {
    if (startsCyrillic(stem, 0)) {
      setBit(filter.bits, shift, stemStartHash(stem, 0));
      return;
    }
    for (let e: FormEdge | null = head; e !== null; e = e.next) {
      for (const ending of e.endings) {
        setBit(filter.bits, shift, formHash(stem, ending));
        setBit(filter.forms, shift, formHash(stem, ending));
      }
    }
  });
  return filter;
}

/**
 * Whether the folded, lower-cased page word `lower[from, to)` may start an
 * alias. `cyrillic`: the word starts with a Cyrillic letter, so it may be
 * an inflected stem (see cyrillic.ts).
 */
export function mayStartAlias(filter: FirstWordFilter, lower: string, from: number, to: number, cyrillic: boolean): boolean {
  const bit = wordHash(lower, from, to) >>> filter.shift;
  if ((filter.bits[bit >>> 5] & (1 << (bit & 31))) !== 0) return true;
  return cyrillic && to - from > STEM_START && hasBit(filter.bits, filter.shift, stemStartHash(lower, from));
}

/** Whether the Latin page word `word` may be a form on one of the root's form edges. */
export const mayBeLatinForm = (filter: FirstWordFilter, word: string): boolean =>
  hasBit(filter.forms, filter.shift, wordHash(word, 0, word.length));

// Its own regex, not `tokenise`: this runs in the middle of a scan, whose
// words live in tokenise's shared arrays. Same definition of a word.
const WORDS = /[\p{L}\p{N}]+/gu;

/** The alias's words (case kept) and their case rules; kept on the end, as every hit asks again. */
export function caseRulesOf(end: AliasEnd): CasedWords {
  if (end.cased === null) {
    const words = end.folded.match(WORDS) ?? [];
    end.cased = { words, rules: words.map(caseRuleOf) };
  }
  return end.cased;
}
