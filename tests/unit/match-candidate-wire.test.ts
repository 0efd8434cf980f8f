import { describe, expect, it } from 'vitest';
import { compileMatcher } from '@/lib/match';
import { candidateRuns, decodeCandidates, encodeCandidates, NO_CANDIDATES, WIRE_STRIDE } from '@/lib/match/candidate-wire';
import { BUNDLED } from './helpers/articles';

describe('candidates on the wire', () => {
  it('decode(encode(candidates)) gives the matcher’s candidates back', () => {
    const matcher = compileMatcher(BUNDLED.entities);
    const texts = [
      'NATO Secretary General Mark Rutte met Volodymyr Zelenskiy in Kyiv.',
      'TRUMP TELLS US: Zelenskyy and Selensky are spelled differently; President Trump agreed.',
      'Nothing here.',
      "Nato's article 5 covers every member.",
    ];
    const perText = texts.map((t) => matcher.scan(t, { fuzzy: 'normal' }));
    expect(perText[1].some((c) => c.how === 'fuzzy')).toBe(true);
    // The gate holds a lower-case term to a stricter rule: the flag must survive the trip.
    expect(perText[3].some((c) => c.lowercase)).toBe(true);
    expect(perText[2]).toEqual([]);
    const wire = JSON.parse(JSON.stringify(encodeCandidates(perText, (id) => matcher.entity(id)?.name)));
    const runs = candidateRuns(wire.candidates, texts.length);
    // A text without candidates has no run, and costs nothing on the wire.
    expect([...runs.keys()]).toEqual([0, 1, 3]);
    const total = perText.reduce((n, list) => n + list.length, 0);
    expect(wire.candidates).toHaveLength(total * WIRE_STRIDE + 3 * 2);
    const decode = (i: number, base: number) => {
      const run = runs.get(i);
      return run ? decodeCandidates(wire.candidates, wire.entities, texts[i], base, run) : NO_CANDIDATES;
    };
    texts.forEach((_, i) => expect(decode(i, 0)).toEqual(perText[i]));
    // Shifted by a base, as the page numbers its chunks.
    expect(decode(0, 1000)[0].start).toBe(perText[0][0].start + 1000);
  });

  it('reads runs up to the first one that does not fit, and never past the texts it was sent', () => {
    const c = [0, 0, 4, 0, 0];
    // text 0: one candidate; text 5 (only 2 texts were sent): dropped with everything after it.
    expect([...candidateRuns([0, 1, ...c, 5, 1, ...c, 1, 1, ...c], 2).keys()]).toEqual([0]);
    // A count that runs past the end, a negative or fractional index, a zero count: nothing from there on.
    expect([...candidateRuns([1, 1, ...c, 0, 2, ...c], 2).keys()]).toEqual([1]);
    expect(candidateRuns([-1, 1, ...c], 2).size).toBe(0);
    expect(candidateRuns([0.5, 1, ...c], 2).size).toBe(0);
    expect(candidateRuns([0, 0, 1, 1, ...c], 2).size).toBe(0);
    expect(candidateRuns([], 2).size).toBe(0);
  });

  it('the shared empty list cannot be filled by mistake', () => {
    expect(() => (NO_CANDIDATES as unknown[]).push(1)).toThrow();
    expect(decodeCandidates([], [], 'text', 0)).toBe(NO_CANDIDATES);
  });

  it('drops entries that point outside the text or the entity table', () => {
    const entities: [string, string, number][] = [['nato', 'NATO', 2]];
    expect(decodeCandidates([0, 0, 4, 0, 0, 5, 0, 4, 0, 0, 0, 3, 99, 0, 0, 0, 4, 2, 3, 0], entities, 'NATO met.', 0)).toEqual([
      expect.objectContaining({ entity: 'nato', start: 0, end: 4, text: 'NATO', how: 'exact' }),
    ]);
  });

  it('sends the related entities of an entity with a lower-case candidate, and only of those', () => {
    const matcher = compileMatcher(BUNDLED.entities);
    const perText = [matcher.scan("Mark Rutte said Nato's article 5 covers every member.", { fuzzy: 'normal' })];
    const wire = encodeCandidates(perText, (id) => matcher.entity(id)?.name, (id) => matcher.entity(id)?.related);
    const article5 = wire.entities.find((e) => e[0] === 'article-5');
    expect(article5?.[3]).toEqual(expect.arrayContaining(['nato']));
    expect(wire.entities.find((e) => e[0] === 'mark-rutte')).toHaveLength(3);
  });
});
