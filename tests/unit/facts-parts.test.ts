import { describe, expect, it } from 'vitest';
import { findFigures } from '@/lib/facts/figures';
import { roleOf } from '@/lib/facts/roles';
import { slugify } from '@/lib/facts/slug';
import { parseCuratedAliases, curatedIdFinder } from '@/lib/facts/curated';
import { buildFactIndex } from '@/lib/facts/build';
import { cleanName, isDemonym } from '@/lib/facts/candidates';
import { findDateline, ordinaryCase } from '@/lib/facts/dateline';
import { dictionaryForm, sameLemma } from '@/lib/facts/inflection';
import { articleLanguage } from '@/lib/facts/language';

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

describe('datelines', () => {
  it('reads the place of a capitals dateline, in ordinary case', () => {
    expect(findDateline('WASHINGTON, Sept 4 (Meridian Wire) - U.S. officials said…')?.places).toEqual(['Washington']);
    expect(findDateline('WASHINGTON: The United States will share intelligence…')?.places).toEqual(['Washington']);
    expect(findDateline('PARIS (mdw) – Bundeskanzler Friedrich Merz hat…')?.places).toEqual(['Paris']);
    expect(findDateline('МОСКВА, 5 сентября. Помощник президента…')?.places).toEqual(['Москва']);
    expect(findDateline('THE HAGUE, Sept 4 - Ministers met…')?.places).toEqual(['The Hague']);
    expect(findDateline('KYIV/MOSCOW, March 3 (Reuters) - Both sides…')?.places).toEqual(['Kyiv', 'Moscow']);
    expect(ordinaryCase('RIO DE JANEIRO')).toBe('Rio de Janeiro');
  });

  it('reads no dateline in acronyms, kickers or ordinary sentences', () => {
    for (const line of ['NATO: allies agree on patrols', 'BREAKING: Trump says talks will go on', 'EU - more money', 'The talks, officials said, went well.', 'A NEW DEAL, SAYS TRUMP']) {
      expect(findDateline(line), line).toBeUndefined();
    }
  });
});

describe('case forms of Cyrillic names', () => {
  it('tells the same name in another case from another name', () => {
    for (const [a, b] of [['Путин', 'Путина'], ['Москва', 'Москве'], ['Кремль', 'Кремле'], ['Зеленский', 'Зеленского'], ['Песков', 'Пескова'], ['Владимир Путин', 'Владимира Путина']]) {
      expect(sameLemma(a, b), `${a} ${b}`).toBe(true);
    }
    for (const [a, b] of [['Иран', 'Ирак'], ['Рим', 'Рига'], ['Путин', 'Владимир Путин'], ['Paris', 'Parise']]) expect(sameLemma(a, b), `${a} ${b}`).toBe(false);
  });

  it('names an entity in its dictionary form where the endings allow', () => {
    expect(dictionaryForm(['Путина', 'Путин', 'Путиным'])).toBe('Путин');
    expect(dictionaryForm(['Москве', 'Москва'])).toBe('Москва');
    expect(dictionaryForm(['Франции'])).toBe('Франция');
    expect(dictionaryForm(['Украины'])).toBe('Украина');
    expect(dictionaryForm(['Европейской комиссии'])).toBe('Европейская комиссия');
    expect(dictionaryForm(['коалиции желающих'])).toBe('коалиция желающих');
    expect(dictionaryForm(['Женеве'])).toBe('Женеве'); // Женева or Женев? the ending does not say
  });
});

describe('roleOf on the styles of other house styles', () => {
  it('keeps conjunctions, honorifics and what follows a comma out', () => {
    expect(role('But US Secretary of State Marco Rubio said the plan was defensive.', 'Marco Rubio')).toBe('US Secretary of State');
    expect(role('UK Prime Minister Sir Keir Starmer told reporters.', 'Keir Starmer')).toBe('UK Prime Minister');
    expect(role('Our Paris correspondent Lucy Marlow says the mood is cautious.', 'Lucy Marlow')).toBe('Paris correspondent');
    expect(role('For a man who once cycled to meet the king, Mark Rutte has grown used to it.', 'Mark Rutte')).toBeUndefined();
  });

  it('reads offices with a field or body, and German and Russian titles', () => {
    expect(role('Kaja Kallas, High Representative for Foreign Affairs and Security Policy, added: "No."', 'Kaja Kallas')).toBe('High Representative for Foreign Affairs and Security Policy');
    expect(role('Kyiv would send Rustem Umerov, the secretary of its national security council, to lead it.', 'Rustem Umerov')).toBe('secretary of its national security council');
    expect(role('Gastgeber war der französische Präsident Emmanuel Macron.', 'Emmanuel Macron')).toBe('französische Präsident');
    expect(role('Auch EU-Kommissionspräsidentin Ursula von der Leyen war nach Paris gereist.', 'Ursula von der Leyen')).toBe('EU-Kommissionspräsidentin');
    expect(role('В Вашингтоне госсекретарь США Марко Рубио сообщил об этом.', 'Марко Рубио')).toBe('госсекретарь США');
    expect(role('Генеральный секретарь НАТО Марк Рютте сказал, что…', 'Марк Рютте')).toBe('Генеральный секретарь НАТО');
  });
});

describe('word classes', () => {
  it('tells demonyms and their people from names', () => {
    for (const w of ['Dutchman', 'Frenchmen', 'Moldovan', 'Polish']) expect(isDemonym(w), w).toBe(true);
    for (const w of ['Meridian', 'Chairman', 'Truman', 'Christian']) expect(isDemonym(w), w).toBe(false);
  });

  it('reads the article’s language from its function words and script', () => {
    expect(articleLanguage('The talks in Geneva were, officials said, a first step for the alliance.').code).toBe('en');
    expect(articleLanguage('Der Kanzler hat die Ukraine unterstützt und sagte, das sei nicht genug.').code).toBe('de');
    expect(articleLanguage('Президент заявил, что переговоры продолжатся.').code).toBe('cyrillic');
  });
});
