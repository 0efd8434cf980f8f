import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addAlias, firstWordFilter, mayStartAlias, newTrieNode, parseAlias } from '@/lib/match/alias-trie';
import { startsCyrillic } from '@/lib/match/cyrillic';
import { normaliseForScan, normaliseText } from '@/lib/match/normalise';

// The scan folds most chunks in place (no offset map) and skips most words
// with a bitset; both must agree exactly with the general code they stand in for.

/** Mostly plain text with the characters that send a chunk down another path. */
const chunkText = fc.array(fc.oneof(
  fc.constantFrom(
    'Trump', 'the ', 'ΟΔΟΣ ', 'Σ', 'Ϲ', 'ς', 'İstanbul', 'Straße', 'é', 'e\u0301', '\u200B', '\uD800', '\uDC00', '😀', '𝐍',
    '“', '”', '’', '`', '\t', '\r', '\n', '\u00A0', 'Ｔ', 'ﬁ', 'Зеленський', 'Київ', 'Ёлка', '—', '«', '»', 'Æ', '\u0085',
  ),
  fc.string({ unit: 'binary', maxLength: 4 }),
  fc.string({ maxLength: 8 }),
), { maxLength: 20 }).map((parts) => parts.join(''));

describe('folding chunks in place', () => {
  it('gives what the general folding gives, offsets included', () => {
    fc.assert(fc.property(chunkText, (text) => {
      const general = normaliseText(text);
      const forScan = normaliseForScan(text);
      expect(forScan.text).toBe(general.text);
      expect(forScan.lower).toBe(general.lower);
      expect([...forScan.origin]).toEqual([...general.origin]);
    }), { numRuns: 1000 });
  });

  it('lower-cases a final capital sigma as folding does, one character at a time', () => {
    expect(normaliseForScan('ΟΔΟΣ').lower).toBe('οδοσ');
  });
});

describe('first word filter', () => {
  it('lets through the first word of every alias, and its inflections and other spellings', () => {
    const aliases = ['Donald Trump', 'Zelenskiy', 'Зеленський', 'Путин', 'U.S.', 'JD Vance', 'Weißes Haus', 'a', 'Москва', 'Russland', 'Organization of States'];
    const root = newTrieNode();
    aliases.forEach((text, n) => addAlias(root, parseAlias(text)!, n, undefined, true, { lang: text.startsWith('Wei') ? 'de' : undefined }));
    const filter = firstWordFilter(root);
    const passes = (word: string) => mayStartAlias(filter, word, 0, word.length, startsCyrillic(word, 0));
    for (const key of root.next!.keys()) expect(passes(key)).toBe(true);
    for (const form of ['путина', 'путиным', 'зеленського', 'москве', 'russlands', 'weissen', 'weissem', 'organisation']) expect(passes(form)).toBe(true);
  });

  it('turns away most other words', () => {
    const root = newTrieNode();
    addAlias(root, parseAlias('Donald Trump')!, 0, undefined, true);
    const filter = firstWordFilter(root);
    const words = 'the of and to in is that for it as was with be by on not he this are or his from at which but have an they you were'.split(' ');
    const through = words.filter((w) => mayStartAlias(filter, w, 0, w.length, false));
    expect(through.length).toBeLessThanOrEqual(2);
  });
});

describe('aliases without a letter', () => {
  it('are not names: the page walker never sends letterless text, so they could match nowhere reliably', () => {
    expect(parseAlias('2014')).toBeNull();
    expect(parseAlias('9/11')).toBeNull();
    expect(parseAlias(' – ')).toBeNull();
    expect(parseAlias('G7')).not.toBeNull();
    expect(parseAlias('Article 5')).not.toBeNull();
    expect(parseAlias('Ω')).not.toBeNull();
  });
});
