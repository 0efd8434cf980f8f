/**
 * Name candidates from the article's own capitalisation: runs of capitalised
 * words in body text ("Kremlin", "White House", "Vice President JD Vance"),
 * acronyms ("NATO", "U.S."), numbered terms ("Article 5"). Each candidate
 * carries the evidence for its kind that the surrounding words give.
 */
import type { EntityKind, Sentence } from '../fact-index/schema';
import { cleanName, isDemonym, isKnownName, kindFromWords } from './candidates';
import { isRoleHead, isRoleWord } from './titles';

export interface Candidate {
  text: string; // cleaned surface form, text of the article
  kind?: EntityKind;
  /** How much the kind can be trusted: curated hints > explicit patterns > nlp > context clues. */
  weight: number;
  /** Set when a curated entry named this candidate. */
  curatedId?: string;
}

interface Token {
  text: string;
  start: number; // offset in the sentence
  end: number;
  /** Starts a sentence or a quotation, so its capital says nothing. */
  initial: boolean;
}

// "St. Petersburg", "Mt. Everest": the abbreviation belongs to the name.
const TOKEN = /(?:\p{L}\.){2,}|(?:St|Mt|Ft)\.(?= \p{Lu})|[\p{L}\p{N}]+(?:[’'‐-][\p{L}\p{N}]+)*/gu;
const CONNECTORS = new Set(['of', 'de', 'du', 'des', 'del', 'della', 'da', 'di', 'von', 'van', 'der', 'den', 'al', 'bin', 'ibn', 'la', 'le']);
/** Month and day names are capitalised but are dates, not entities. */
const CALENDAR = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/u;
const LOCATIVE = new Set(['in', 'at', 'near', 'from', 'across', 'outside', 'inside', 'throughout', 'around']);
/** Common nouns that introduce an organisation's name: "the grid company Elering". */
const ORGANISATION_NOUNS = new Set([
  'company', 'firm', 'operator', 'agency', 'group', 'bank', 'party', 'ministry', 'organisation',
  'organization', 'union', 'broadcaster', 'newspaper', 'carrier', 'airline', 'manufacturer', 'insurer',
  'utility', 'charity', 'network', 'regulator', 'court', 'parliament', 'council', 'institute', 'university',
]);
const CREDIT_BEFORE = /(?:Photos?|Photograph|Picture|Image|Illustration|Foto|Credit)\s*:\s*$/u;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let prevEnd = 0;
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index!;
    const gap = text.slice(prevEnd, start);
    const initial = out.length === 0 || /[«“„"(:—–]|[.!?]\s/u.test(gap);
    out.push({ text: m[0], start, end: start + m[0].length, initial });
    prevEnd = start + m[0].length;
  }
  return out;
}

const isCapitalised = (t: string) => /^\p{Lu}/u.test(t);
const isAcronym = (t: string) => /^(?:\p{Lu}{2,6}|(?:\p{Lu}\.){2,})$/u.test(t);
const isNumber = (t: string) => /^(?:\d+[a-z]?|[IVX]{1,4})$/u.test(t);

/** Runs of capitalised tokens joined by single spaces, with "of"-style connectors and a trailing number. */
function capitalisedRuns(text: string, tokens: Token[]): Token[][] {
  const runs: Token[][] = [];
  const spaced = (a: Token, b: Token) => /^[ \u00A0]$/u.test(text.slice(a.end, b.start));
  let i = 0;
  while (i < tokens.length) {
    if (!isCapitalised(tokens[i].text)) { i++; continue; }
    const run = [tokens[i]];
    let j = i + 1;
    while (j < tokens.length && spaced(tokens[j - 1], tokens[j])) {
      const t = tokens[j].text;
      if (isCapitalised(t)) run.push(tokens[j]);
      else if (CONNECTORS.has(t) && tokens[j + 1] && isCapitalised(tokens[j + 1].text) && spaced(tokens[j], tokens[j + 1])) run.push(tokens[j]);
      else if (isNumber(t) && !isAcronym(run[run.length - 1].text)) { run.push(tokens[j]); j++; break; }
      else break;
      j++;
    }
    runs.push(run);
    i = j;
  }
  return runs;
}

/** Splits a run at calendar words and the pronoun "I", which are never part of a name. */
function splitAtNonNames(run: Token[]): Token[][] {
  const parts: Token[][] = [[]];
  for (const t of run) {
    if (CALENDAR.test(cleanName(t.text)) || /^I(?:[’'].*)?$/u.test(t.text)) parts.push([]);
    else parts[parts.length - 1].push(t);
  }
  return parts.filter((p) => p.length > 0);
}

/**
 * Capitalised words that appear somewhere other than the start of a sentence
 * or quotation: evidence that their capital is a name's, not the sentence's.
 */
export function namelikeWords(sentences: Sentence[]): Set<string> {
  const words = new Set<string>();
  for (const s of sentences) {
    for (const t of tokenize(s.text)) if (!t.initial && isCapitalised(t.text)) words.add(cleanName(t.text));
  }
  return words;
}

/** Candidates from one body sentence. `namelike` comes from `namelikeWords` over the whole body. */
export function capitalisedNames(sentence: Sentence, namelike: Set<string>): Candidate[] {
  const text = sentence.text;
  const tokens = tokenize(text);
  const out: Candidate[] = [];
  const slice = (ts: Token[]) => cleanName(text.slice(ts[0].start, ts[ts.length - 1].end));
  const push = (ts: Token[], kind?: EntityKind, weight = 0) => {
    while (ts.length && CONNECTORS.has(ts[ts.length - 1].text)) ts = ts.slice(0, -1);
    if (!ts.length) return;
    const name = slice(ts);
    if (name.length < 2 || (ts.length === 1 && isDemonym(name))) return;
    if (ts.every((t) => isRoleWord(cleanName(t.text)))) return;
    out.push({ text: name, kind, weight });
  };

  for (const whole of capitalisedRuns(text, tokens)) {
    for (let run of splitAtNonNames(whole)) {
      const first = run[0];
      const known = (t: Token) => isAcronym(t.text) || namelike.has(cleanName(t.text)) || isKnownName(cleanName(t.text));
      if (first.initial && !known(first)) run = run.slice(1);
      if (!run.length) continue;

      // "NATO Secretary General Mark Rutte": the name follows the last role word,
      // and the words before the role ("NATO", "U.S.") are names of their own.
      let lastRole = -1;
      run.forEach((t, k) => { if (isRoleWord(cleanName(t.text))) lastRole = k; });
      const hasHead = run.slice(0, lastRole + 1).some((t) => isRoleHead(cleanName(t.text)));
      if (hasHead && lastRole >= 0) {
        let segment: Token[] = [];
        for (const t of run.slice(0, lastRole + 1)) {
          if (isRoleWord(cleanName(t.text))) { if (segment.length) push(segment); segment = []; } else segment.push(t);
        }
        if (segment.length) push(segment);
        const name = run.slice(lastRole + 1);
        if (name.length) push(name, 'person', 5);
        continue;
      }

      const before = text.slice(0, run[0].start);
      const after = text.slice(run[run.length - 1].end);
      const wordBefore = /(\p{Ll}+)\s+$/u.exec(before)?.[1];
      const roleAfter = /^ (\p{Ll}+)/u.exec(after)?.[1];
      const last = run[run.length - 1].text;
      if (run.length > 1 && isNumber(last)) push(run, 'term', 5); // Article 5, Resolution 2231
      else if (CREDIT_BEFORE.test(before)) push(run, 'organisation', 4); // Photo: Reuters
      else if (roleAfter && isRoleHead(roleAfter)) push(run, 'organisation', 1); // Kremlin aide
      else if (run.length === 1 && isAcronym(last)) push(run, 'organisation', 1);
      else if (wordBefore && ORGANISATION_NOUNS.has(wordBefore)) push(run, 'organisation', 2);
      else if (wordBefore && LOCATIVE.has(wordBefore)) push(run, 'place', 1);
      else push(run, kindFromWords(slice(run)), 2);
    }
  }
  return out;
}
