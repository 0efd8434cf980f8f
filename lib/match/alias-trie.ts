/**
 * The alias trie: one edge per folded alias word, so a single left-to-right
 * pass over a page's words finds the longest alias starting at each word
 * ("Mark Rutte" over "Rutte") with one map lookup per word, whatever the
 * size of the index. Edges after the first word are keyed by separator plus
 * word (" trump", ".s") so "U.S." needs its dots and "Trump-Putin" splits.
 */
import type { AliasCaution } from '../fact-index/schema';
import { cyrillicStem } from './cyrillic';
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
}

/** An alias's words (case kept) and the case rule of each. */
export interface CasedWords {
  words: string[];
  rules: CaseRule[];
}

export interface TrieNode {
  next: Map<string, TrieNode> | null;
  /** Cyrillic stems of the words on `next` edges, pointing at the same children. */
  stems: Map<string, TrieNode> | null;
  ends: AliasEnd[] | null;
}

export const newTrieNode = (): TrieNode => ({ next: null, stems: null, ends: null });

export const hasChildren = (node: TrieNode): boolean => node.next !== null;

export const childOf = (node: TrieNode, key: string): TrieNode | undefined => node.next?.get(key);

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
  /** Separator before each word ('' for the first). */
  separators: string[];
  tail: string;
}

const MAX_TAIL = 2;

export function parseAlias(text: string): ParsedAlias | null {
  const folded = foldText(text.trim());
  const t = tokenise(folded.text); // shared arrays: read before anything else tokenises
  if (t.count === 0) return null;
  if (t.count === 1 && t.start[0] === 0 && t.end[0] === folded.text.length) {
    return { folded: folded.text, words: [folded.lower], separators: [''], tail: '' };
  }
  const words: string[] = [];
  const separators: string[] = [];
  for (let i = 0; i < t.count; i++) {
    const sep = i === 0 ? '' : separatorBetween(folded.lower, t.end[i - 1], t.start[i]);
    if (sep === null) return null; // words too far apart to ever match as one alias
    separators.push(sep);
    words.push(folded.lower.slice(t.start[i], t.end[i]));
  }
  const tail = folded.lower.slice(t.end[t.count - 1]);
  return { folded: folded.text, words, separators, tail: tail.length <= MAX_TAIL && !/\s/.test(tail) ? tail : '' };
}

export function addAlias(root: TrieNode, alias: ParsedAlias, entity: number, caution: AliasCaution | undefined, isName: boolean): void {
  let node = root;
  for (let i = 0; i < alias.words.length; i++) {
    const child = addChild(node, edgeKey(alias.separators[i], alias.words[i]));
    const stem = cyrillicStem(alias.words[i]);
    if (stem !== null) {
      node.stems ??= new Map();
      // Two words sharing a stem is rare; the first keeps it.
      const stemKey = edgeKey(alias.separators[i], stem);
      if (!node.stems.has(stemKey)) node.stems.set(stemKey, child);
    }
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
  };
  const same = sameListing(node.ends, end);
  if (same) {
    // The same spelling listed twice: a caution on either listing stands.
    same.caution ??= caution;
    same.isName ||= isName;
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
 * first three units, which any inflection of them starts with.
 */
export interface FirstWordFilter {
  bits: Uint32Array;
  /** 32 minus log2 of the number of bits. */
  shift: number;
}

/**
 * The hash of the whole word `text[from, to)`, Fibonacci-style: its top
 * bits pick the filter bit. Written out without helpers because it runs
 * for every word of a page, mostly in the interpreter.
 */
function wordHash(text: string, from: number, to: number): number {
  const length = to - from;
  const second = length > 1 ? text.charCodeAt(from + 1) : 0;
  const h = Math.imul(Math.imul(Math.imul(length, 0x10001) ^ text.charCodeAt(from), 0x01000193) ^ second, 0x01000193) ^ text.charCodeAt(to - 1);
  return Math.imul(h, 0x9e3779b1);
}

/** The hash of the first three units from `from`, salted apart from `wordHash`. */
function stemStartHash(text: string, from: number): number {
  const h = Math.imul(Math.imul(0x27d4eb2f ^ text.charCodeAt(from), 0x01000193) ^ text.charCodeAt(from + 1), 0x01000193) ^ text.charCodeAt(from + 2);
  return Math.imul(h, 0x9e3779b1);
}

const STEM_START = 3;

function setBit(filter: FirstWordFilter, hash: number): void {
  const bit = hash >>> filter.shift;
  filter.bits[bit >>> 5] |= 1 << (bit & 31);
}

function hasBit(filter: FirstWordFilter, hash: number): boolean {
  const bit = hash >>> filter.shift;
  return (filter.bits[bit >>> 5] & (1 << (bit & 31))) !== 0;
}

/** The filter of `root`'s edges; build it once the trie is complete. */
export function firstWordFilter(root: TrieNode): FirstWordFilter {
  const keys = (root.next?.size ?? 0) + (root.stems?.size ?? 0);
  let log2 = 12;
  while (log2 < 24 && 1 << log2 < keys * 64) log2++; // under 2% false "maybe"
  const filter: FirstWordFilter = { bits: new Uint32Array((1 << log2) >>> 5), shift: 32 - log2 };
  for (const key of root.next?.keys() ?? []) setBit(filter, wordHash(key, 0, key.length));
  for (const stem of root.stems?.keys() ?? []) setBit(filter, stemStartHash(stem, 0));
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
  return cyrillic && to - from > STEM_START && hasBit(filter, stemStartHash(lower, from));
}

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
