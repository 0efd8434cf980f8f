import { describe, expect, it } from 'vitest';
import { compileMatcher } from '@/lib/match';
import { decodeCandidates, encodeCandidates } from '@/lib/match/candidate-wire';
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
    const wire = JSON.parse(JSON.stringify(encodeCandidates(perText, (id) => matcher.entity(id)?.name)));
    texts.forEach((t, i) => expect(decodeCandidates(wire.candidates[i], wire.entities, t, 0)).toEqual(perText[i]));
    // Shifted by a base, as the page numbers its chunks.
    expect(decodeCandidates(wire.candidates[0], wire.entities, texts[0], 1000)[0].start).toBe(perText[0][0].start + 1000);
  });

  it('drops entries that point outside the text or the entity table', () => {
    const entities: [string, string, number][] = [['nato', 'NATO', 2]];
    expect(decodeCandidates([0, 0, 4, 0, 0, 5, 0, 4, 0, 0, 0, 3, 99, 0, 0, 0, 4, 2, 3, 0], entities, 'NATO met.', 0)).toEqual([
      expect.objectContaining({ entity: 'nato', start: 0, end: 4, text: 'NATO', how: 'exact' }),
    ]);
  });
});
