import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Matcher, Mention } from '../lib/match';
import { readPageText, scanPageText } from './page-text';

// Dev-set labels: the expected mentions of a page, in document order, as
// [matched text, entity id] or [matched text, entity id, text right before
// it]. Located in the page text one after another; the third element skips
// earlier occurrences that are not mentions ("the Kyiv Protocol ... held in
// Kyiv": ["Kyiv", "kyiv", "held in "]).
export type Label = [text: string, entity: string, before?: string];

export interface Labels {
  description: string;
  lang?: string;
  /** What the page exercises ("look-alike-compounds", "inflection" …); `npm run eval` gives figures per tag. */
  tags?: string[];
  mentions: Label[];
}

export interface LocatedLabel {
  entity: string;
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]/u;

export function locateLabels(text: string, mentions: Label[]) {
  const found: LocatedLabel[] = [];
  const unlocated: Label[] = [];
  let from = 0;
  for (const label of mentions) {
    const [mention, entity, before] = label;
    const fits = (at: number) =>
      !WORD.test(text[at - 1] ?? '') && !WORD.test(text[at + mention.length] ?? '') &&
      (before === undefined || text.slice(at - before.length, at) === before);
    let at = text.indexOf(mention, from);
    // A label is a whole word (and follows its `before`): skip other occurrences.
    while (at >= 0 && !fits(at)) at = text.indexOf(mention, at + 1);
    if (at < 0) {
      unlocated.push(label);
      continue;
    }
    found.push({ entity, text: mention, start: at, end: at + mention.length });
    from = at + mention.length;
  }
  return { found, unlocated };
}

// ---------------------------------------------------------------------------
// Scoring a matcher against the labelled pages (used by `npm run eval` and
// by the dev-set regression test).

export const FIXTURES = resolve(import.meta.dirname, '../tests/fixtures');

/** Every labelled page: the dev set and the demo page. */
export function devsetPages(): string[] {
  return [
    ...readdirSync(join(FIXTURES, 'devset')).filter((f) => /\.(html|txt)$/.test(f)).map((f) => join(FIXTURES, 'devset', f)),
    join(FIXTURES, 'pages/demo.html'),
  ].sort();
}

export interface PageScore {
  /** Path under tests/fixtures. */
  page: string;
  tags: string[];
  labelled: number;
  found: number;
  correct: number;
  falseHits: Mention[];
  misses: LocatedLabel[];
  unlocated: Label[];
}

/**
 * A page's labels against what the matcher finds in it, read and resolved
 * as the content script does. A mention counts only with the labelled
 * entity and exact span.
 */
export async function scorePage(matcher: Matcher, page: string): Promise<PageScore> {
  const labels = JSON.parse(readFileSync(page.replace(/\.(html|txt)$/, '.expected.json'), 'utf8')) as Labels;
  const text = await readPageText(page);
  const expected = locateLabels(text.text, labels.mentions);
  const key = (m: { entity: string; start: number; end: number }) => `${m.entity}@${m.start}-${m.end}`;
  const want = new Map(expected.found.map((m) => [key(m), m]));
  const got = new Map(scanPageText(matcher, text).map((m) => [key(m), m]));
  return {
    page: relative(FIXTURES, page),
    tags: labels.tags ?? [],
    labelled: want.size + expected.unlocated.length,
    found: got.size,
    correct: [...got.keys()].filter((k) => want.has(k)).length,
    falseHits: [...got.values()].filter((m) => !want.has(key(m))),
    misses: [...want.values()].filter((m) => !got.has(key(m))),
    unlocated: expected.unlocated,
  };
}

export interface Totals {
  pages: number;
  correct: number;
  falseHits: number;
  missed: number;
  precision: number;
  recall: number;
}

export function totalsOf(scores: PageScore[]): Totals {
  let correct = 0, falseHits = 0, missed = 0;
  for (const s of scores) {
    correct += s.correct;
    falseHits += s.falseHits.length;
    missed += s.misses.length + s.unlocated.length;
  }
  return {
    pages: scores.length, correct, falseHits, missed,
    precision: correct / (correct + falseHits),
    recall: correct / (correct + missed),
  };
}
