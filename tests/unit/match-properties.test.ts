import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher, findMentions, normaliseText, type Candidate, type MatchEntity, type Mention } from '@/lib/match';

const alias = (text: string, caution?: 'common-word' | 'other-referent') => ({ text, origin: 'curated' as const, caution });
const ENTITIES: MatchEntity[] = [
  { id: 'donald-trump', name: 'Donald Trump', kind: 'person', aliases: [alias('Trump', 'common-word'), alias('Трамп')] },
  { id: 'volodymyr-zelenskiy', name: 'Volodymyr Zelenskiy', kind: 'person', aliases: [alias('Zelenskiy'), alias('Зеленський'), alias('Зеленский')] },
  { id: 'vladimir-putin', name: 'Vladimir Putin', kind: 'person', aliases: [alias('Putin'), alias('Путин')] },
  { id: 'yuri-ushakov', name: 'Yuri Ushakov', kind: 'person', aliases: [alias('Ushakov')] },
  { id: 'nato', name: 'NATO', kind: 'organisation', aliases: [] },
  { id: 'united-states', name: 'United States', kind: 'place', aliases: [alias('U.S.'), alias('US')] },
  { id: 'white-house', name: 'White House', kind: 'place', aliases: [alias('Weißes Haus')] },
  { id: 'washington', name: 'Washington', kind: 'place', aliases: [alias('Washington', 'other-referent')] },
  { id: 'ceasefire', name: 'ceasefire', kind: 'term', aliases: [] },
];
const matcher = compileMatcher(ENTITIES);

/** Text that mixes alias fragments, look-alikes and awkward Unicode with arbitrary characters. */
const pageText = fc.array(fc.oneof(
  fc.constantFrom(
    'Donald Trump', 'Trump', 'trump', 'Zelenskiy', 'Zelenskyy', 'Zelen\u200Bskiy', 'Путина', 'Зеленського', 'U.S.', 'US', 'us',
    'NATO', 'Nato', 'Donato', 'Ouchakov', 'Weißes Haus', 'Washington', 'President', 'ceasefire', "'s", '’s', '-', ' ', '. ',
    '\n', '\u00A0', '\u200B', '\u0301', 'ß', 'İ', '\uD800', '\uDC00', '😀', '𝐍', 'ﬁ',
  ),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
), { maxLength: 30 }).map((parts) => parts.join(''));

function expectWellFormed(text: string, spans: (Candidate | Mention)[], base = 0) {
  for (const s of spans) {
    expect(s.start).toBeGreaterThanOrEqual(base);
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.end).toBeLessThanOrEqual(base + text.length);
    expect(text.slice(s.start - base, s.end - base)).toBe(s.text);
  }
}

describe('matcher properties', () => {
  it('scan never throws and its candidates slice the original text, shifted by base', () => {
    fc.assert(fc.property(pageText, fc.nat(1_000_000), fc.constantFrom('off', 'normal', 'loose') , (text, base, fuzzy) => {
      expectWellFormed(text, matcher.scan(text, { fuzzy: fuzzy as 'off' | 'normal' | 'loose' }, base), base);
    }), { numRuns: 500 });
  });

  it('findMentions returns sorted, non-overlapping mentions that slice the original text', () => {
    fc.assert(fc.property(pageText, (text) => {
      const mentions = findMentions(matcher, text);
      expectWellFormed(text, mentions);
      for (let i = 1; i < mentions.length; i++) expect(mentions[i].start).toBeGreaterThanOrEqual(mentions[i - 1].end);
      for (const m of mentions) expect(m.score).toBeGreaterThanOrEqual(0.5);
    }), { numRuns: 500 });
  });

  it('gives the same answer when run again', () => {
    fc.assert(fc.property(pageText, (text) => {
      expect(findMentions(matcher, text)).toEqual(findMentions(matcher, text));
    }), { numRuns: 200 });
  });

  it('never throws on arbitrary UTF-16, lone surrogates included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 200 }), (a, b) => {
      expectWellFormed(a + b, findMentions(matcher, a + b));
    }), { numRuns: 300 });
  });

  it('compiles arbitrary aliases without throwing, and finds an alias in a page that is only that alias', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), (text) => {
      const m = compileMatcher([{ id: 'x', name: text, kind: 'term', aliases: [] }]);
      const mentions = findMentions(m, text);
      expectWellFormed(text, mentions);
      // Words more than three characters apart never form one alias (nothing matches them).
      const folded = normaliseText(text.trim()).lower.replace(/\s+/g, ' ');
      const gaps = [...folded.matchAll(/(?<=[\p{L}\p{N}])[^\p{L}\p{N}]+(?=[\p{L}\p{N}])/gu)].map((g) => g[0].length); // UTF-16 units
      // A name has a letter: a letterless alias ("2014", "০") is no name, and finds nothing.
      if (!/\p{L}/u.test(folded)) expect(m.scan(text)).toEqual([]);
      else if (gaps.every((g) => g <= 3)) expect(m.scan(text).map((c) => c.entity)).toEqual(['x']);
    }), { numRuns: 300 });
  });
});
