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
 */
import type { EntityKind } from '../facts/schema';
import { caseRulesOf, childOf, edgeKey, hasChildren, type AliasEnd, type TrieNode } from './alias-trie';
import { possibleStems, startsCyrillic } from './cyrillic';
import { findFuzzy, fuzzyBudget, MIN_FUZZY_LENGTH, type FuzzyIndex } from './fuzzy';
import { normaliseForScan, originalEnd, type NormalisedText } from './normalise';
import { TITLE_WORDS } from './titles';
import { fitsCase, isAllCaps, opensSentence, separatorBetween, tokenise, type Tokens } from './tokens';
import type { Candidate, MatchEntity, MatchOptions } from './types';

export interface CompiledIndex {
  entities: MatchEntity[];
  root: TrieNode;
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
  const count = s.words.count;
  for (let i = 0; i < count;) {
    const used = matchAliasAt(s, i);
    if (used > 0) { i += used; continue; }
    if (options.fuzzy !== 'off') matchFuzzyAt(s, i, options.fuzzy);
    i++;
  }
  return out;
}

/** The child of `node` for page word `word` after separator `sep`, by exact word or Cyrillic stem. */
function childFor(node: TrieNode, sep: string, word: string, cyrillic: boolean): TrieNode | undefined {
  const exact = childOf(node, edgeKey(sep, word));
  if (exact !== undefined || !cyrillic || node.stems === null) return exact;
  for (const stem of possibleStems(word)) {
    const child = node.stems.get(edgeKey(sep, stem));
    if (child !== undefined) return child;
  }
  return undefined;
}

/** Matches the longest alias starting at word `i`; returns how many words it used (0: none). */
function matchAliasAt(s: ScanState, i: number): number {
  const { start, end, count } = s.words;
  const lower = s.norm.lower;
  let node = childFor(s.index.root, '', lower.slice(start[i], end[i]), startsCyrillic(lower, start[i]));
  if (node === undefined) return 0;
  let best: AliasEnd[] | null = null;
  let bestLast = i;
  for (let j = i; ; j++) {
    if (node.ends !== null) {
      const fitting = node.ends.filter((e) => fits(s, e, i));
      if (fitting.length > 0) { best = fitting; bestLast = j; }
    }
    if (!hasChildren(node) || j + 1 >= count) break;
    const sep = separatorBetween(lower, end[j], start[j + 1]);
    if (sep === null) break;
    const child = childFor(node, sep, lower.slice(start[j + 1], end[j + 1]), startsCyrillic(lower, start[j + 1]));
    if (child === undefined) break;
    node = child;
  }
  if (best === null) return 0;
  emitAliasCandidates(s, i, bestLast, best);
  return bestLast - i + 1;
}

/** Whether the page words from `first` fit alias end `e`: kind allowed, case rules, closing punctuation. */
function fits(s: ScanState, e: AliasEnd, first: number): boolean {
  if (s.kinds !== null && !s.kinds.has(s.index.entities[e.entity].kind)) return false;
  const { start, end } = s.words;
  const last = first + e.wordCount - 1;
  if (e.tail !== '' && !s.norm.lower.startsWith(e.tail, end[last])) return false;
  const { words, rules } = caseRulesOf(e);
  for (let k = 0; k < words.length; k++) {
    if (rules[k] === 'any') continue;
    if (!fitsCase(rules[k], words[k], s.norm.text.slice(start[first + k], end[first + k]))) return false;
  }
  return true;
}

/** One alias per entity: the uncautioned one, else the name, else the first. */
function bestPerEntity(ends: AliasEnd[]): AliasEnd[] {
  const chosen = new Map<number, AliasEnd>();
  for (const e of ends) {
    const had = chosen.get(e.entity);
    if (had === undefined || (had.caution && !e.caution) || (!had.caution === !e.caution && e.isName && !had.isName)) {
      chosen.set(e.entity, e);
    }
  }
  return [...chosen.values()];
}

function emitAliasCandidates(s: ScanState, first: number, last: number, ends: AliasEnd[]): void {
  const { start, end } = s.words;
  const chosen = bestPerEntity(ends);
  const titled = isTitled(s, first);
  const sentenceStart = opensSentence(s.norm.text, start[first]);
  const from = s.norm.origin[start[first]];
  for (const e of chosen) {
    const to = originalEnd(s.original, s.norm, end[last] + e.tail.length - 1);
    const entity = s.index.entities[e.entity];
    s.out.push({
      entity: entity.id,
      kind: entity.kind,
      start: from + s.base,
      end: to + s.base,
      text: s.original.slice(from, to),
      how: e.isName ? 'exact' : 'alias',
      caution: e.caution ?? (isShortAcronymInCaps(s, e, first) ? 'common-word' : undefined),
      ambiguous: chosen.length > 1,
      titled,
      sentenceStart,
      distance: 0,
    });
  }
}

/** A title word ("President", "Chancellor") directly before word `i`, separated by a space only. */
function isTitled(s: ScanState, i: number): boolean {
  if (i === 0) return false;
  const { start, end } = s.words;
  if (separatorBetween(s.norm.lower, end[i - 1], start[i]) !== ' ') return false;
  return TITLE_WORDS.has(s.norm.lower.slice(start[i - 1], end[i - 1]));
}

/** "US" in "TRUMP TELLS US": in an all-caps heading a short acronym may be a plain word. */
function isShortAcronymInCaps(s: ScanState, e: AliasEnd, i: number): boolean {
  if (e.wordCount !== 1 || caseRulesOf(e).rules[0] !== 'short-acronym') return false;
  const { start, end, count } = s.words;
  const last = i + e.wordCount - 1;
  const capsWord = (k: number) => k >= 0 && k < count && end[k] - start[k] >= 2 && isAllCaps(s.norm.text.slice(start[k], end[k]));
  const spaced = (a: number, b: number) => separatorBetween(s.norm.lower, end[a], start[b]) === ' ';
  return (i > 0 && spaced(i - 1, i) && capsWord(i - 1)) || (last + 1 < count && spaced(last, last + 1) && capsWord(last + 1));
}

/** Offers word `i` to the fuzzy index when it looks like a name: capitalised, long enough, no digits. */
function matchFuzzyAt(s: ScanState, i: number, mode: 'normal' | 'loose'): void {
  const a = s.words.start[i];
  const b = s.words.end[i];
  const length = b - a;
  if (length < MIN_FUZZY_LENGTH || s.norm.text[a] === s.norm.lower[a]) return;
  const word = s.norm.lower.slice(a, b);
  if (HAS_DIGIT.test(word)) return;
  let hits = findFuzzy(s.index.fuzzy, word, fuzzyBudget(length, mode));
  if (s.kinds !== null) hits = hits.filter((h) => s.kinds!.has(s.index.entities[h.entity].kind));
  if (hits.length === 0) return;
  const from = s.norm.origin[a];
  const to = originalEnd(s.original, s.norm, b - 1);
  const titled = isTitled(s, i);
  const sentenceStart = opensSentence(s.norm.text, a);
  for (const h of hits) {
    const entity = s.index.entities[h.entity];
    s.out.push({
      entity: entity.id,
      kind: entity.kind,
      start: from + s.base,
      end: to + s.base,
      text: s.original.slice(from, to),
      how: 'fuzzy',
      ambiguous: hits.length > 1,
      titled,
      sentenceStart,
      distance: h.distance,
    });
  }
}
