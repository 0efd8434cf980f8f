/**
 * Word tokens of folded text and the case rules that decide whether a page
 * word may stand for an alias word. A word is a maximal run of Unicode
 * letters and digits (`\p{L}\p{N}`), so "advance" never contains "Vance".
 */

export interface Tokens {
  count: number;
  /** Folded-text offsets, `start[i]` inclusive, `end[i]` exclusive. */
  start: Int32Array;
  end: Int32Array;
}

const WORD = /^[\p{L}\p{N}]$/u;
// 0 = not yet known, 1 = word unit, 2 = not a word unit, 3 = surrogate (look at the pair).
const unitClass = new Uint8Array(65536);
for (let c = 0; c < 128; c++) unitClass[c] = WORD.test(String.fromCharCode(c)) ? 1 : 2;
unitClass.fill(3, 0xd800, 0xe000);
const astralWord = new Map<number, boolean>();

function isWordUnit(c: number): boolean {
  const k = unitClass[c];
  return k === 1 || (k === 0 && classifyUnit(c));
}

function classifyUnit(c: number): boolean {
  const word = WORD.test(String.fromCharCode(c));
  unitClass[c] = word ? 1 : 2;
  return word;
}

function isAstralWord(cp: number): boolean {
  let w = astralWord.get(cp);
  if (w === undefined) {
    w = WORD.test(String.fromCodePoint(cp));
    astralWord.set(cp, w);
  }
  return w;
}

/** Length in units of the word character at `i`, or 0 when it is not one. */
function wordUnitsAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return c >= 0xdc00 && c <= 0xdfff ? 0 : isWordUnit(c) ? 1 : 0;
  const d = text.charCodeAt(i + 1);
  if (!(d >= 0xdc00 && d <= 0xdfff)) return 0;
  return isAstralWord(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000) ? 2 : 0;
}

let startBuf = new Int32Array(1024);
let endBuf = new Int32Array(1024);

/**
 * The words of `text`. The arrays are shared between calls (the hot path
 * runs per chunk of every page); copy them to keep them past the next call.
 *
 * Units already classified are read inline rather than by `wordUnitsAt`:
 * the page is scanned once, largely before the engine optimises anything,
 * and two calls per character made this 15 ms of a cold 1 MB page.
 */
export function tokenise(text: string): Tokens {
  const len = text.length;
  const most = (len >> 1) + 2;
  if (startBuf.length < most) {
    startBuf = new Int32Array(most);
    endBuf = new Int32Array(most);
  }
  let count = 0;
  let inWord = false;
  let i = 0;
  while (i < len) {
    const k = unitClass[text.charCodeAt(i)];
    const w = k === 1 ? 1 : k === 2 ? 0 : wordUnitsAt(text, i);
    if (w === 0) {
      if (inWord) { endBuf[count++] = i; inWord = false; }
      i++;
    } else {
      if (!inWord) { startBuf[count] = i; inWord = true; }
      i += w;
    }
  }
  if (inWord) endBuf[count++] = len;
  return { count, start: startBuf, end: endBuf };
}

/**
 * How a page word must be written to stand for an alias word:
 * - any: the alias word is lower case ("ceasefire") or has no case ("5")
 * - capital: "Trump" accepts "Trump" and "TRUMP", never "trump"
 * - acronym: "NATO" accepts "NATO" and "Nato", never "nato"
 * - short-acronym: "US" accepts only "US" (the pronoun "us"/"Us" is everywhere)
 * - exact: mixed case ("McDonald") accepts itself or all capitals
 */
export type CaseRule = 'any' | 'capital' | 'acronym' | 'short-acronym' | 'exact';

/** The first letter of a word, whole even outside the BMP. */
const firstLetter = (w: string) => String.fromCodePoint(w.codePointAt(0) ?? 0);
const startsUpper = (w: string) => {
  const first = firstLetter(w);
  return first !== first.toLowerCase();
};
/** Starts with a capital or a letter without case (Hebrew, CJK, a digit): anything but lower case. */
const startsNotLower = (w: string) => {
  const first = firstLetter(w);
  return first === first.toUpperCase();
};

// 0 = not yet known, 1 = not lower case, 2 = lower case.
const notLowerClass = new Uint8Array(65536);

/**
 * `startsNotLower` of the word at `at` in `text`, without slicing it out:
 * the check the common "capital" rule makes for every alias hit.
 */
export function startsNotLowerAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c >= 0xd800 && c <= 0xdfff) return startsNotLower(text.slice(at, at + 2));
  let k = notLowerClass[c];
  if (k === 0) {
    const unit = String.fromCharCode(c);
    k = unit === unit.toUpperCase() ? 1 : 2;
    notLowerClass[c] = k;
  }
  return k === 1;
}

const afterFirst = (w: string) => w.slice(firstLetter(w).length);

export function caseRuleOf(aliasWord: string): CaseRule {
  if (aliasWord === aliasWord.toLowerCase()) return 'any';
  if (aliasWord === aliasWord.toUpperCase()) return [...aliasWord].length <= 2 ? 'short-acronym' : 'acronym';
  const rest = afterFirst(aliasWord);
  if (rest === rest.toLowerCase() && startsUpper(aliasWord)) return 'capital';
  return 'exact';
}

export const isAllCaps = (w: string) => w === w.toUpperCase() && w !== w.toLowerCase();

export function fitsCase(rule: CaseRule, aliasWord: string, pageWord: string): boolean {
  switch (rule) {
    case 'any': return true;
    case 'capital': return startsNotLower(pageWord);
    case 'acronym': {
      if (!startsNotLower(pageWord)) return false;
      const rest = afterFirst(pageWord);
      return rest === rest.toLowerCase() || rest === rest.toUpperCase();
    }
    case 'short-acronym': return isAllCaps(pageWord);
    case 'exact': return pageWord === aliasWord || isAllCaps(pageWord);
  }
}

/** . ! ? : ; line break • */
const isSentenceEnd = (c: number) => c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3a || c === 0x3b || c === 0x0a || c === 0x2022;
/** space " ' ( [ { - * */
const isOpener = (c: number) => c === 0x20 || c === 0x22 || c === 0x27 || c === 0x28 || c === 0x5b || c === 0x7b || c === 0x2d || c === 0x2a;

/** Whether the word at `start` opens a sentence (or the chunk). */
export function opensSentence(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && isOpener(text.charCodeAt(i))) i--;
  return i < 0 || isSentenceEnd(text.charCodeAt(i));
}

/** Whether `separatorBetween(text, from, to)` is a single space, without building it. */
export function isSpaceBetween(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a) return false;
  }
  return true;
}

/** Longest separator between two words of one alias ("U.S.", "Trump-Putin", "Côte d'Ivoire"). */
const MAX_SEPARATOR = 3;

/**
 * The separator between two words as the alias trie keys it: runs of
 * spaces and line breaks become one space. Null when it is too long to be
 * part of any alias.
 */
export function separatorBetween(text: string, from: number, to: number): string | null {
  if (to - from === 1) return text[from] === '\n' ? ' ' : text[from];
  let sep = '';
  for (let i = from; i < to; i++) {
    const c = text[i] === '\n' ? ' ' : text[i];
    if (c === ' ' && sep.endsWith(' ')) continue;
    sep += c;
    if (sep.length > MAX_SEPARATOR) return null;
  }
  return sep;
}
