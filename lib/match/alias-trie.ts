/**
 * The alias trie: one edge per folded alias word, so a single left-to-right
 * pass over a page's words finds the longest alias starting at each word
 * ("Mark Rutte" over "Rutte") with one map lookup per word, whatever the
 * size of the index. Edges after the first word are keyed by separator plus
 * word (" trump", ".s") so "U.S." needs its dots and "Trump-Putin" splits.
 */
import type { AliasCaution } from '../facts/schema';
import { cyrillicStem } from './cyrillic';
import { foldText } from './normalise';
import { caseRuleOf, separatorBetween, tokenise, type CaseRule } from './tokens';

/** One alias where it ends in the trie. */
export interface AliasEnd {
  entity: number;
  /** The folded alias, case kept: its words are what the case rules compare against. */
  folded: string;
  /** Its words and their case rules, worked out on first use (most aliases never meet a page). */
  words: string[] | null;
  rules: CaseRule[] | null;
  wordCount: number;
  /** Punctuation that closes the alias ("." of "U.S."), folded; usually empty. */
  tail: string;
  caution?: AliasCaution;
  /** The alias is the entity's name. */
  isName: boolean;
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
    words: null,
    rules: null,
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

// Its own regex, not `tokenise`: this runs in the middle of a scan, whose
// words live in tokenise's shared arrays. Same definition of a word.
const WORDS = /[\p{L}\p{N}]+/gu;

/** The alias's words (case kept) and their case rules. */
export function caseRulesOf(end: AliasEnd): { words: string[]; rules: CaseRule[] } {
  if (end.words === null || end.rules === null) {
    end.words = end.folded.match(WORDS) ?? [];
    end.rules = end.words.map(caseRuleOf);
  }
  return { words: end.words, rules: end.rules };
}
