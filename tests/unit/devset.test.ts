import { beforeAll, describe, expect, it } from 'vitest';
import { bundledMatcher } from '../../scripts/load-index';
import { devsetPages, scorePage, totalsOf, type PageScore } from '../../scripts/labels';

// The labelled dev set as a regression test: `npm run eval` prints the same
// figures. When the floors were set, overall precision was 99.5% and recall
// 99.6% (749 correct, 4 false, 3 missed, 26 pages), and the tagged pages
// scored 100% and 99.5% (190 correct, 0 false, 1 missed). The overall precision floor is the figure before
// the tagged pages were added (99.3%): one new false hit passes, two fail.
const FLOORS = {
  overall: { precision: 0.993, recall: 0.985 },
  /** Pages written for look-alike compounds, inflection, lower-case terms and spelling (any tag). */
  tagged: { precision: 0.99, recall: 0.97 },
  /** Pages that must stay empty, and so have no precision of their own: false hits allowed. */
  emptyPagesFalseHits: 0,
};

let scores: PageScore[] = [];

beforeAll(async () => {
  const { matcher } = bundledMatcher();
  scores = await Promise.all(devsetPages().map((page) => scorePage(matcher, page)));
}, 60_000);

const describeMisses = (list: PageScore[]) =>
  list.flatMap((s) => [
    ...s.falseHits.map((m) => `false hit ${s.page}: "${m.text}" → ${m.entity}`),
    ...s.misses.map((m) => `missed ${s.page}: "${m.text}" → ${m.entity}`),
  ]).join('\n');

describe('labelled dev set', () => {
  it('has every label located in its page', () => {
    expect(scores.flatMap((s) => s.unlocated.map((u) => `${s.page}: "${u[0]}"`))).toEqual([]);
  });

  it(`keeps overall precision ≥ ${FLOORS.overall.precision * 100}% and recall ≥ ${FLOORS.overall.recall * 100}%`, () => {
    const t = totalsOf(scores);
    expect(t.pages).toBeGreaterThanOrEqual(26);
    expect(t.precision, describeMisses(scores)).toBeGreaterThanOrEqual(FLOORS.overall.precision);
    expect(t.recall, describeMisses(scores)).toBeGreaterThanOrEqual(FLOORS.overall.recall);
  });

  it(`keeps precision ≥ ${FLOORS.tagged.precision * 100}% and recall ≥ ${FLOORS.tagged.recall * 100}% on the tagged pages`, () => {
    const tagged = scores.filter((s) => s.tags.length > 0);
    expect(new Set(tagged.flatMap((s) => s.tags))).toEqual(new Set(['inflection', 'look-alike-compounds', 'lower-case-term', 'spelling']));
    const t = totalsOf(tagged);
    expect(t.precision, describeMisses(tagged)).toBeGreaterThanOrEqual(FLOORS.tagged.precision);
    expect(t.recall, describeMisses(tagged)).toBeGreaterThanOrEqual(FLOORS.tagged.recall);
  });

  it('finds nothing on the tagged look-alike pages that must stay empty', () => {
    const empty = scores.filter((s) => s.tags.length > 0 && s.labelled === 0);
    expect(empty.length).toBeGreaterThanOrEqual(2);
    expect(empty.flatMap((s) => s.falseHits.map((m) => `${s.page}: "${m.text}" → ${m.entity}`))).toHaveLength(FLOORS.emptyPagesFalseHits);
  });
});
