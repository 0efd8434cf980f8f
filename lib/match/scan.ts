/**
 * The scan of one chunk of text: fold it, split it into words, walk the
 * alias trie from each word (longest alias wins), and offer words the trie
 * did not explain to the fuzzy index. Produces candidates only; whether a
 * candidate is shown is the context gate's decision (gate.ts).
 *
 * Hand-written because it is the hot path (fuse.js takes 35-95 ms per query
 * over 10k items). Measured on ~1 MB of English in 7,600 chunks (Node 20,
 * esbuild bundle): ~30 MB/s with the article's 30 entities, ~26 MB/s with
 * 10,000 more; one map lookup per word keeps it nearly independent of the
 * index size.
 *
 * The content script scans a page once, so what counts is the cold pass,
 * run mostly before the engine has optimised anything: per word, only a few
 * typed-array entries and char codes are read, and only words that may
 * start an alias (the first word filter) or may be a misspelt name
 * (capitalised, long enough) go further. Measured on a generated 1 MB page
 * (3,255 chunks, 717 K characters, bundled index; Node 20, esbuild bundle,
 * fresh process, median of 5 on a shared 2-core machine): cold pass 75 ms
 * before, 50-57 ms after (main thread on CPU: 55 ms before, 36-39 ms
 * after); warm 26 → 58 M characters/s, 22 → 50 with 10,000 more entities.
 */
import type { EntityKind } from '../fact-index/schema';
import {
  caseRulesOf, CYRILLIC_FORMS, edgeKey, LATIN_FORMS, mayBeLatinForm, mayStartAlias, takesGenitiveEnd,
  type AliasEnd, type FirstWordFilter, type FormEdge, type TrieNode,
} from './alias-trie';
import { otherNameAfter } from './compounds';
import { CASE_ENDINGS, MIN_STEM, startsCyrillic } from './cyrillic';
import { findFuzzy, fuzzyBudget, MIN_FUZZY_LENGTH, type FuzzyIndex } from './fuzzy';
import { GENITIVE_ENDINGS, LATIN_ENDINGS, MIN_LATIN_STEM } from './latin-forms';
import { normaliseForScan, originalEnd, type NormalisedText } from './normalise';
import { TITLE_WORDS } from './titles';
import { fitsCase, isAllCaps, isSpaceBetween, opensSentence, separatorBetween, startsNotLowerAt, tokenise, type Tokens } from './tokens';
import type { Candidate, MatchEntity, MatchOptions } from './types';

export interface CompiledIndex {
  entities: MatchEntity[];
  root: TrieNode;
  /** Built from `root` once it is complete. */
  firstWords: FirstWordFilter;
  fuzzy: FuzzyIndex;
}

/** Everything one scan reads, passed as one value to keep the helpers' signatures short. */
interface ScanState {
  index: CompiledIndex;
  original: string;
  norm: NormalisedText;
  words: Tokens;
  kinds: ReadonlySet<EntityKind> | null;
  base: number;
  out: Candidate[];
}

const HAS_DIGIT = /\p{N}/u;

export function scanText(index: CompiledIndex, text: string, options: MatchOptions, base: number): Candidate[] {
  const out: Candidate[] = [];
  if (text.length === 0) return out;
  const norm = normaliseForScan(text);
  const s: ScanState = {
    index, original: text, norm, words: tokenise(norm.text),
    kinds: options.kinds ? new Set(options.kinds) : null, base, out,
  };
  const fuzzy = options.fuzzy;
  const picked = pickWords(s, fuzzy !== 'off');
  // Words before `next` are part of an alias already found.
  let next = 0;
  for (let k = 0; k < picked; k++) {
    const i = picks[k] >> 2;
    if (i < next) continue;
    if ((picks[k] & MAY_START_ALIAS) !== 0) {
      const used = matchAliasAt(s, i);
      if (used > 0) { next = i + used; continue; }
    }
    if (fuzzy !== 'off' && (picks[k] & MAY_BE_NAME) !== 0) matchFuzzyAt(s, i, fuzzy);
  }
  return out;
}

const MAY_START_ALIAS = 1;
const MAY_BE_NAME = 2;
/** Word index times four, plus the flags above; shared between scans. */
let picks = new Int32Array(1024);

/**
 * The words worth a closer look, into `picks`; returns how many. A word may
 * start an alias (the first word filter says maybe) or may be a misspelt
 * name (capitalised, MIN_FUZZY_LENGTH or more); on English pages four
 * words in five are neither and cost only this loop.
 *
 * Its own small function so the engine optimises it within the first
 * chunks: in one loop with the matching itself, which it inlines, the
 * optimised code took several times longer to compile while the page went
 * on in the interpreter.
 */
function pickWords(s: ScanState, fuzzy: boolean): number {
  const { count, start, end } = s.words;
  const { text: folded, lower } = s.norm;
  const filter = s.index.firstWords;
  if (picks.length < count) picks = new Int32Array(Math.max(count, 2 * picks.length));
  let picked = 0;
  for (let i = 0; i < count; i++) {
    const a = start[i];
    const b = end[i];
    const first = lower.charCodeAt(a);
    let flags = mayStartAlias(filter, lower, a, b, first >= 0x400 && first <= 0x4ff) ? MAY_START_ALIAS : 0;
    if (fuzzy && b - a >= MIN_FUZZY_LENGTH && folded.charCodeAt(a) !== first) flags |= MAY_BE_NAME;
    if (flags !== 0) picks[picked++] = (i << 2) | flags;
  }
  return picked;
}

// The longest fitting alias found so far by `walk`; one scan at a time, and
// module state rather than a result object spares an allocation per try.
let bestEnds: AliasEnd[] | null = null;
let bestLast = -1;

/**
 * Matches the longest alias starting at word `i`; returns how many words it
 * used (0: none). A match that runs on into a longer name that is not ours
 * ("the Moscow Times") uses those words too, but yields no candidate.
 */
function matchAliasAt(s: ScanState, i: number): number {
  const { start, end } = s.words;
  const root = s.index.root;
  const word = s.norm.lower.slice(start[i], end[i]);
  bestEnds = null;
  bestLast = -1;
  const exact = root.next?.get(word);
  if (exact !== undefined) walk(s, exact, i, i);
  // Forms are for words the exact edges did not explain (a stem shared with
  // a longer alias of another spelling is rare enough to give up).
  if (root.forms !== null && bestLast < i) {
    const cyrillic = startsCyrillic(word, 0);
    if ((cyrillic && (root.formScripts & CYRILLIC_FORMS) !== 0) || (!cyrillic && mayBeLatinForm(s.index.firstWords, word))) {
      walkForms(s, root, '', word, i, i, exact, cyrillic);
    }
  }
  if (exact === undefined || bestLast < i) genitiveAt(s, root, '', word, i, i);
  const best = bestEnds;
  const last = bestLast;
  bestEnds = null;
  if (best === null) return 0;
  const longer = otherNameAfter(s.norm.text, s.norm.lower, s.words, last);
  if (longer === 0) emitAliasCandidates(s, i, last, best);
  return last - i + 1 + longer;
}

/**
 * From `node`, reached by word `j` of a match starting at word `first`:
 * records the ends there that fit, then follows the next word by its exact
 * edge, then, when that found nothing longer, by its form edges and as a
 * genitive. The longest match wins.
 */
function walk(s: ScanState, node: TrieNode, first: number, j: number): void {
  if (node.ends !== null && j > bestLast) {
    const fitting = fittingEnds(s, node.ends, first);
    if (fitting !== null) { bestEnds = fitting; bestLast = j; }
  }
  const { start, end, count } = s.words;
  if (node.next === null || j + 1 >= count) return;
  const lower = s.norm.lower;
  const sep = separatorBetween(lower, end[j], start[j + 1]);
  if (sep === null) return;
  const word = lower.slice(start[j + 1], end[j + 1]);
  const exact = node.next.get(edgeKey(sep, word));
  if (exact !== undefined) walk(s, exact, first, j + 1);
  if (node.forms !== null && bestLast <= j) {
    const cyrillic = startsCyrillic(word, 0);
    if ((node.formScripts & (cyrillic ? CYRILLIC_FORMS : LATIN_FORMS)) !== 0) walkForms(s, node, sep, word, first, j + 1, exact, cyrillic);
  }
  if (exact === undefined) genitiveAt(s, node, sep, word, first, j + 1);
}

/** Page-word endings by their last unit: a word is tried only against the endings it could have. */
function byLastUnit(endings: readonly string[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const e of [...endings].sort((a, b) => b.length - a.length)) {
    const unit = e.charCodeAt(e.length - 1);
    const list = out.get(unit);
    if (list) list.push(e); else out.set(unit, [e]);
  }
  return out;
}
const CYRILLIC_ENDINGS = byLastUnit(CASE_ENDINGS);
const LATIN_ENDINGS_BY_LAST = byLastUnit(LATIN_ENDINGS);

/** Follows the form edges of `node` that `word` (page word `j`) fits as a stem plus one of their endings. */
function walkForms(s: ScanState, node: TrieNode, sep: string, word: string, first: number, j: number, exact: TrieNode | undefined, cyrillic: boolean): void {
  const endings = (cyrillic ? CYRILLIC_ENDINGS : LATIN_ENDINGS_BY_LAST).get(word.charCodeAt(word.length - 1));
  if (endings === undefined) return;
  const forms = node.forms!;
  const min = cyrillic ? MIN_STEM : MIN_LATIN_STEM;
  for (const ending of endings) {
    const stemLength = word.length - ending.length;
    if (stemLength < min || !word.endsWith(ending)) continue;
    for (let e: FormEdge | null | undefined = forms.get(edgeKey(sep, word.slice(0, stemLength))); e; e = e.next) {
      if (e.child !== exact && e.endings.has(ending)) walk(s, e.child, first, j);
    }
  }
}

/**
 * "Russlands", "Wladimir Putins", "des Weißen Hauses": page word `j` as an
 * alias's last word plus a German genitive -s or -es. Only the ends that
 * take a genitive count, and the match stops there.
 */
function genitiveAt(s: ScanState, node: TrieNode, sep: string, word: string, first: number, j: number): void {
  if (node.next === null || word.charCodeAt(word.length - 1) !== 0x73 || j <= bestLast) return; // s
  for (const ending of GENITIVE_ENDINGS) {
    if (word.length - ending.length < MIN_LATIN_STEM || !word.endsWith(ending)) continue;
    const child = node.next.get(edgeKey(sep, word.slice(0, word.length - ending.length)));
    if (child === undefined || child.ends === null) continue;
    const taking = child.ends.filter(takesGenitiveEnd);
    const fitting = taking.length > 0 ? fittingEnds(s, taking, first) : null;
    if (fitting !== null) { bestEnds = fitting; bestLast = j; return; }
  }
}

/** The ends that fit the page words from `first`, or null; `ends` itself when all do (most often one end, which fits). */
function fittingEnds(s: ScanState, ends: AliasEnd[], first: number): AliasEnd[] | null {
  let k = 0;
  while (k < ends.length && fits(s, ends[k], first) !== NO_FIT) k++;
  if (k === ends.length) return ends;
  const fitting = ends.slice(0, k);
  for (k++; k < ends.length; k++) if (fits(s, ends[k], first) !== NO_FIT) fitting.push(ends[k]);
  return fitting.length > 0 ? fitting : null;
}

const NO_FIT = 0;
const FITS = 1;
/** Fits, but in lower case where the alias has capitals ("article 5"): allowed for `lowercaseOk` ends only. */
const FITS_LOWERCASE = 2;

/** Whether the page words from `first` fit alias end `e`: kind allowed, case rules, closing punctuation. */
function fits(s: ScanState, e: AliasEnd, first: number): number {
  if (s.kinds !== null && !s.kinds.has(s.index.entities[e.entity].kind)) return NO_FIT;
  const { start, end } = s.words;
  const last = first + e.wordCount - 1;
  if (e.tail !== '' && !s.norm.lower.startsWith(e.tail, end[last])) return NO_FIT;
  const { words, rules } = caseRulesOf(e);
  let fit = FITS;
  for (let k = 0; k < words.length; k++) {
    const rule = rules[k];
    if (rule === 'any') continue;
    // The common rule, read off the text without slicing the word out of it.
    if (rule === 'capital') {
      if (startsNotLowerAt(s.norm.text, start[first + k])) continue;
      if (!e.lowercaseOk) return NO_FIT;
      fit = FITS_LOWERCASE;
      continue;
    }
    if (!fitsCase(rule, words[k], s.norm.text.slice(start[first + k], end[first + k]))) return NO_FIT;
  }
  return fit;
}

/**
 * One alias per entity: the uncautioned one, else the name, else the first.
 * In the order each entity first appears. A node holds a handful of ends,
 * so a linear search beats a map (and compiles to far less code).
 */
function bestPerEntity(ends: AliasEnd[]): AliasEnd[] {
  if (ends.length === 1) return ends;
  const chosen: AliasEnd[] = [];
  for (const e of ends) {
    let k = 0;
    while (k < chosen.length && chosen[k].entity !== e.entity) k++;
    const had = chosen[k];
    if (had === undefined) chosen.push(e);
    else if ((had.caution && !e.caution) || (!had.caution === !e.caution && e.isName && !had.isName)) chosen[k] = e;
  }
  return chosen;
}

function emitAliasCandidates(s: ScanState, first: number, last: number, ends: AliasEnd[]): void {
  const { start, end } = s.words;
  const chosen = bestPerEntity(ends);
  const titled = isTitled(s, first);
  const sentenceStart = opensSentence(s.norm.text, start[first]);
  const from = s.norm.origin[start[first]];
  for (const e of chosen) {
    const to = originalEnd(s.original, s.norm, end[last] + e.tail.length - 1);
    const fields: CandidateFields = {
      how: e.isName ? 'exact' : 'alias',
      caution: e.caution ?? (isShortAcronymInCaps(s, e, first) ? 'common-word' : undefined),
      ambiguous: chosen.length > 1,
      titled,
      sentenceStart,
      distance: 0,
    };
    if (e.lowercaseOk && fits(s, e, first) === FITS_LOWERCASE) fields.lowercase = true;
    push(s, e.entity, from, to, fields);
  }
}

type CandidateFields = Pick<Candidate, 'how' | 'caution' | 'ambiguous' | 'titled' | 'sentenceStart' | 'distance' | 'lowercase'>;

/** Adds a candidate for entity number `entityIndex` over original text [from, to). */
function push(
  s: ScanState,
  entityIndex: number,
  from: number,
  to: number,
  fields: CandidateFields,
): void {
  const entity = s.index.entities[entityIndex];
  s.out.push({
    entity: entity.id,
    kind: entity.kind,
    start: from + s.base,
    end: to + s.base,
    text: s.original.slice(from, to),
    ...fields,
  });
}

/** A title word ("President", "Chancellor") directly before word `i`, separated by a space only. */
function isTitled(s: ScanState, i: number): boolean {
  if (i === 0) return false;
  const { start, end } = s.words;
  if (!isSpaceBetween(s.norm.lower, end[i - 1], start[i])) return false;
  return TITLE_WORDS.has(s.norm.lower.slice(start[i - 1], end[i - 1]));
}

/** "US" in "TRUMP TELLS US": in an all-caps heading a short acronym may be a plain word. */
function isShortAcronymInCaps(s: ScanState, e: AliasEnd, i: number): boolean {
  if (e.wordCount !== 1 || caseRulesOf(e).rules[0] !== 'short-acronym') return false;
  const last = i + e.wordCount - 1;
  return (i > 0 && isSpacedCapsWord(s, i - 1, i - 1, i)) || (last + 1 < s.words.count && isSpacedCapsWord(s, last + 1, last, last + 1));
}

/** Word `k` is in capitals, two letters or more, and words `a` and `b` are separated by a space. */
function isSpacedCapsWord(s: ScanState, k: number, a: number, b: number): boolean {
  const { start, end } = s.words;
  return isSpaceBetween(s.norm.lower, end[a], start[b]) && end[k] - start[k] >= 2 && isAllCaps(s.norm.text.slice(start[k], end[k]));
}

/**
 * Offers word `i` to the fuzzy index when it looks like a name: capitalised,
 * long enough (both checked by the caller), no digits.
 */
function matchFuzzyAt(s: ScanState, i: number, mode: 'normal' | 'loose'): void {
  const a = s.words.start[i];
  const b = s.words.end[i];
  const length = b - a;
  const word = s.norm.lower.slice(a, b);
  if (HAS_DIGIT.test(word)) return;
  let hits = findFuzzy(s.index.fuzzy, word, fuzzyBudget(length, mode));
  if (s.kinds !== null) hits = hits.filter((h) => s.kinds!.has(s.index.entities[h.entity].kind));
  if (hits.length === 0 || otherNameAfter(s.norm.text, s.norm.lower, s.words, i) > 0) return;
  const from = s.norm.origin[a];
  const to = originalEnd(s.original, s.norm, b - 1);
  const titled = isTitled(s, i);
  const sentenceStart = opensSentence(s.norm.text, a);
  for (const h of hits) {
    push(s, h.entity, from, to, { how: 'fuzzy', ambiguous: hits.length > 1, titled, sentenceStart, distance: h.distance });
  }
}
