import { describe, expect, it } from 'vitest';
import { findFigures } from '@/lib/facts/figures';
import { roleOf } from '@/lib/facts/roles';
import { slugify } from '@/lib/facts/slug';
import { parseCuratedAliases, curatedIdFinder } from '@/lib/facts/curated';
import { buildFactIndex } from '@/lib/facts/build';
import { cleanName, isDemonym } from '@/lib/facts/candidates';

const role = (sentence: string, name: string) => {
  const at = sentence.indexOf(name);
  return roleOf(sentence, at, at + name.length);
};

describe('findFigures', () => {
  it('finds amounts, deadlines, spans and counts as written', () => {
    expect(findFigures('He confirmed plans to purchase around $90 bn worth of American arms.')).toEqual(['$90 bn']);
    expect(findFigures('They would be formalised on paper within ten days.')).toEqual(['within ten days']);
    expect(findFigures('A meeting in Hungary within two weeks.')).toEqual(['within two weeks']);
    expect(findFigures('The war, now in its fourth year, has claimed more than a million people.')).toEqual(['fourth year', 'more than a million people']);
    expect(findFigures('The deadliest in Europe in eight decades.')).toEqual(['eight decades']);
    expect(findFigures('Turnout was 61.5% on 24 February 2022, up from 2019.')).toEqual(['61.5%', '24 February 2022', '2019']);
  });

  it('ignores numbers that are not figures', () => {
    expect(findFigures('Guarantees akin to Article 5 and a three-way summit for one side or the other.')).toEqual([]);
    expect(findFigures('Two major powers met for a day.')).toEqual([]);
  });
});

describe('roleOf', () => {
  it('reads pre-name appositions', () => {
    expect(role('NATO Secretary General Mark Rutte said Ukraine’s membership was not on the table.', 'Mark Rutte')).toBe('NATO Secretary General');
    expect(role('Kremlin aide Yuri Ushakov said Trump and Putin had spoken.', 'Yuri Ushakov')).toBe('Kremlin aide');
    expect(role('when Trump and Vice President JD Vance publicly criticised Zelenskiy.', 'JD Vance')).toBe('Vice President');
    expect(role('The talks were led by former Prime Minister Ann Berg.', 'Ann Berg')).toBe('former Prime Minister');
  });

  it('reads appositions set off by commas, on either side of the name', () => {
    expect(role('Mark Rutte, the alliance\'s secretary general, said NATO was ready.', 'Mark Rutte')).toBe('the alliance\'s secretary general');
    expect(role('Speaking in Brussels, the alliance\'s secretary general, Mark Rutte, said more.', 'Mark Rutte')).toBe('the alliance\'s secretary general');
    expect(role('Ann Berg, the prime minister, said no.', 'Ann Berg')).toBe('prime minister');
  });

  it('gives no role where the words around a name are not an office', () => {
    expect(role('Trump hosted Ukrainian leaders and Vladimir Putin in Alaska.', 'Vladimir Putin')).toBeUndefined();
    expect(role('Macron and Merz said a halt to fighting should be a precondition.', 'Merz')).toBeUndefined();
    expect(role('Ann Berg, who said she was tired, left.', 'Ann Berg')).toBeUndefined();
  });
});

describe('names and ids', () => {
  it('slugs canonical names', () => {
    expect(slugify('JD Vance')).toBe('jd-vance');
    expect(slugify('Article 5')).toBe('article-5');
    expect(slugify('Volodymyr Zelenskiy')).toBe('volodymyr-zelenskiy');
    expect(slugify('Crimée')).toBe('crimee');
  });

  it('cleans compromise’s noisy spans', () => {
    expect(cleanName('Putin-')).toBe('Putin');
    expect(cleanName('Ukraine’s')).toBe('Ukraine');
    expect(cleanName('Alaska.')).toBe('Alaska');
    expect(cleanName('NATO.')).toBe('NATO');
    expect(cleanName('U.S.')).toBe('U.S.');
  });

  it('treats nationality words as demonyms, not places', () => {
    for (const w of ['Ukrainian', 'Russian', 'European', 'American', 'Finnish', 'French']) expect(isDemonym(w), w).toBe(true);
    for (const w of ['Ukraine', 'Russia', 'Europe', 'Kremlin']) expect(isDemonym(w), w).toBe(false);
  });
});

describe('curated aliases', () => {
  it('rejects a malformed file with a readable message', () => {
    expect(() => parseCuratedAliases([])).toThrow(/entities/u);
    expect(() => parseCuratedAliases({ entities: { 'Not A Slug': { aliases: [] } } })).toThrow(/slug/u);
    expect(() => parseCuratedAliases({ entities: { kyiv: { aliases: [{ text: 'Kiev', caution: 'maybe' }] } } })).toThrow(/caution/u);
  });

  it('does not resolve forms that name other things', () => {
    const find = curatedIdFinder(parseCuratedAliases({ entities: {
      'united-states': { aliases: [{ text: 'U.S.' }, { text: 'America', caution: 'other-referent' }] },
    } }));
    expect(find('U.S.')).toBe('united-states');
    expect(find('America')).toBeUndefined();
  });

  it('merges a bare surname into the article’s own full name, not a curated namesake', () => {
    const curatedAliases = parseCuratedAliases({ entities: { 'donald-trump': { kind: 'person', aliases: [{ text: 'Trump', caution: 'common-word' }] } } });
    const ix = buildFactIndex('First Lady Melania Trump visited Paris on Monday. Trump met children there.', { id: 't', curatedAliases });
    expect(ix.entities.map((e) => e.id)).not.toContain('donald-trump');
    expect(ix.entities.find((e) => e.id === 'melania-trump')?.facts).toHaveLength(2);
  });
});

describe('quotes and pronouns', () => {
  const ix = buildFactIndex(
    'Ann Berg, the mayor, opened the bridge on Monday. “This is a great day for Leeds,” she said. She added that it cost £12 million.\n\nCritics said “the money was wasted”.',
    { id: 't' },
  );
  const berg = ix.entities.find((e) => e.id === 'ann-berg')!;

  it('follows "she said" back to the person named in the sentence before', () => {
    expect(berg.quotes.map((q) => q.text)).toEqual(['This is a great day for Leeds,']);
    expect(berg.figures.map((f) => f.text)).toEqual(['£12 million']);
  });

  it('leaves a quote without a named speaker unattributed', () => {
    expect(ix.entities.flatMap((e) => e.quotes).map((q) => q.text)).not.toContain('the money was wasted');
  });
});
