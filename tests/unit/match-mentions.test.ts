import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileMatcher, findMentions, gateEvidence, resolveMentions, type MatchEntity, type MatchOptions } from '@/lib/match';
import type { Alias, EntityKind } from '@/lib/fact-index/schema';

type AliasSpec = string | (Partial<Alias> & { text: string });
const entity = (id: string, name: string, kind: EntityKind, aliases: AliasSpec[] = []): MatchEntity => ({
  id, name, kind,
  aliases: [
    { text: name, origin: 'article' },
    ...aliases.map((a): Alias => (typeof a === 'string' ? { text: a, origin: 'derived' } : { origin: 'curated', ...a })),
  ],
});

/** The article's entities, with the cautions and curated foreign spellings the fact builder gives them. */
export const ARTICLE_ENTITIES: MatchEntity[] = [
  entity('donald-trump', 'Donald Trump', 'person', [{ text: 'Trump', origin: 'derived', caution: 'common-word' }, { text: 'Трамп', lang: 'ru' }, { text: 'Трампа', lang: 'ru' }]),
  entity('volodymyr-zelenskiy', 'Volodymyr Zelenskiy', 'person', [
    'Zelenskiy', { text: 'Zelensky', lang: 'en' }, { text: 'Zelenskyy', lang: 'en' }, { text: 'Selenskyj', lang: 'de' },
    { text: 'Zelenski', lang: 'fr' }, { text: 'Владимир Зеленский', lang: 'ru' }, { text: 'Зеленский', lang: 'ru' },
    { text: 'Володимир Зеленський', lang: 'uk' }, { text: 'Зеленський', lang: 'uk' },
  ]),
  entity('vladimir-putin', 'Vladimir Putin', 'person', ['Putin', { text: 'Poutine', lang: 'fr', caution: 'common-word' }, { text: 'Putyin', lang: 'hu' }, { text: 'Владимир Путин', lang: 'ru' }, { text: 'Путин', lang: 'ru' }, { text: 'Путін', lang: 'uk' }]),
  entity('jd-vance', 'JD Vance', 'person', ['Vance', { text: 'J.D. Vance', lang: 'en' }, { text: 'Вэнс', lang: 'ru' }]),
  entity('emmanuel-macron', 'Emmanuel Macron', 'person', [{ text: 'Macron', origin: 'derived', caution: 'common-word' }, { text: 'Макрон', lang: 'ru' }]),
  entity('friedrich-merz', 'Friedrich Merz', 'person', ['Merz', { text: 'Мерц', lang: 'ru' }]),
  entity('yuri-ushakov', 'Yuri Ushakov', 'person', ['Ushakov', { text: 'Uschakow', lang: 'de' }, { text: 'Ушаков', lang: 'ru' }]),
  entity('mark-rutte', 'Mark Rutte', 'person', ['Rutte', { text: 'Рютте', lang: 'ru' }]),
  entity('nato', 'NATO', 'organisation', [{ text: 'Nato', lang: 'en' }, { text: 'North Atlantic Treaty Organization', lang: 'en' }, { text: 'OTAN', lang: 'fr' }, { text: 'НАТО', lang: 'ru' }]),
  entity('kremlin', 'Kremlin', 'organisation', [{ text: 'Кремль', lang: 'ru' }]),
  entity('reuters', 'Reuters', 'organisation', []),
  entity('white-house', 'White House', 'place', [{ text: 'Weißes Haus', lang: 'de' }, { text: 'Белый дом', lang: 'ru' }]),
  entity('oval-office', 'Oval Office', 'place', []),
  entity('kyiv', 'Kyiv', 'place', [{ text: 'Kiev', lang: 'en' }, { text: 'Kiew', lang: 'de' }, { text: 'Киев', lang: 'ru' }, { text: 'Київ', lang: 'uk' }]),
  entity('moscow', 'Moscow', 'place', [{ text: 'Moskau', lang: 'de' }, { text: 'Moscou', lang: 'fr' }, { text: 'Москва', lang: 'ru' }]),
  entity('hungary', 'Hungary', 'place', [{ text: 'Ungarn', lang: 'de' }, { text: 'Hongrie', lang: 'fr' }, { text: 'Венгрия', lang: 'ru' }]),
  entity('crimea', 'Crimea', 'place', [{ text: 'Krim', lang: 'de' }, { text: 'Crimée', lang: 'fr' }, { text: 'Крым', lang: 'ru' }, { text: 'Крим', lang: 'uk' }]),
  entity('donetsk', 'Donetsk', 'place', [{ text: 'Donezk', lang: 'de' }, { text: 'Донецк', lang: 'ru' }]),
  entity('alaska', 'Alaska', 'place', [{ text: 'Аляска', lang: 'ru' }]),
  entity('ukraine', 'Ukraine', 'place', [{ text: 'Украина', lang: 'ru' }, { text: 'Україна', lang: 'uk' }]),
  entity('russia', 'Russia', 'place', [{ text: 'Russland', lang: 'de' }, { text: 'Russie', lang: 'fr' }, { text: 'Россия', lang: 'ru' }]),
  entity('united-states', 'United States', 'place', ['U.S.', 'US', 'USA', { text: 'United States of America', lang: 'en' }, { text: 'США', lang: 'ru' }]),
  entity('europe', 'Europe', 'place', [{ text: 'Europa', lang: 'de' }, { text: 'Европа', lang: 'ru' }]),
  entity('washington', 'Washington', 'place', [{ text: 'Washington', origin: 'article', caution: 'other-referent' }, { text: 'Вашингтон', lang: 'ru' }]),
  entity('article-5', 'Article 5', 'term', [{ text: 'Article 5', origin: 'article', caution: 'other-referent' }, { text: 'Artikel 5', lang: 'de', caution: 'other-referent' }]),
  entity('ceasefire', 'ceasefire', 'term', ['cease-fire', { text: 'Waffenstillstand', lang: 'de' }, { text: 'перемирие', lang: 'ru' }]),
  entity('referendum', 'referendum', 'term', [{ text: 'референдум', lang: 'ru' }]),
  entity('security-guarantees', 'security guarantees', 'term', ['security guarantee', { text: 'Sicherheitsgarantien', lang: 'de' }]),
  entity('peace-settlement', 'peace settlement', 'term', []),
];

const article = compileMatcher(ARTICLE_ENTITIES);
/** The same entities without curated spellings, so near spellings must come from the fuzzy pass. */
const withoutCurated = compileMatcher(ARTICLE_ENTITIES.map((e) => ({ ...e, aliases: e.aliases.filter((a) => a.origin !== 'curated') })));

/** "entity-id:matched text" per mention, in text order. */
const found = (text: string, options?: MatchOptions, matcher = article) =>
  findMentions(matcher, text, options).map((m) => `${m.entity}:${m.text}`);
/** "entity-id:matched text" per candidate, before the context gate. */
const candidates = (text: string, options?: MatchOptions, matcher = article) =>
  matcher.scan(text, options).map((c) => `${c.entity}:${c.text}`);

/** Plainly named entities that give a page enough context for cautioned and fuzzy hits. */
const CONTEXT = ' Kyiv and NATO met.';

describe('exact matching', () => {
  it('prefers the longest alias: "Mark Rutte" over "Rutte"', () => {
    expect(found('NATO chief Mark Rutte spoke; Rutte left.')).toEqual(['nato:NATO', 'mark-rutte:Mark Rutte', 'mark-rutte:Rutte']);
  });

  it('matches whole words only: no "Vance" in "advance", no "NATO" in "Donato"', () => {
    expect(candidates('Talks could advance, Donato said, and Vancouver agreed.')).toEqual([]);
  });

  it('resolves possessives to the entity and leaves the "\'s" out of the match', () => {
    expect(found('Putin\'s envoy met Zelenskiy’s aide.')).toEqual(['vladimir-putin:Putin', 'volodymyr-zelenskiy:Zelenskiy']);
  });

  it('reads a German genitive as the name: "Putins", "Russlands"', () => {
    expect(found('Putins Sprecher und Russlands Außenminister')).toEqual(['vladimir-putin:Putins', 'russia:Russlands']);
  });

  it('does not add a genitive to a name that also names something else: "Americas"', () => {
    const americas = compileMatcher([{ id: 'us', name: 'United States', kind: 'place', aliases: [{ text: 'America', origin: 'curated', caution: 'other-referent' }] }]);
    expect(candidates('the Americas', undefined, americas)).toEqual([]);
  });

  it('splits hyphenated compounds into two mentions', () => {
    expect(found('a possible Putin-Zelenskiy meeting')).toEqual(['vladimir-putin:Putin', 'volodymyr-zelenskiy:Zelenskiy']);
    expect(found('Donald Trump hailed the Trump-Putin summit.')).toEqual(['donald-trump:Donald Trump', 'donald-trump:Trump', 'vladimir-putin:Putin']);
  });

  it('matches headings in capitals', () => {
    expect(found('KYIV WAITS FOR ZELENSKIY')).toEqual(['kyiv:KYIV', 'volodymyr-zelenskiy:ZELENSKIY']);
  });

  it('resolves Russian and Ukrainian case endings to the entity, matching the whole inflected word', () => {
    const text = 'Путина, Путину, Путиным, Зеленським, Зеленского, Зеленському, Киева, Москве, Москвой, Украины, России, Трампа';
    expect(found(text)).toEqual([
      'vladimir-putin:Путина', 'vladimir-putin:Путину', 'vladimir-putin:Путиным',
      'volodymyr-zelenskiy:Зеленським', 'volodymyr-zelenskiy:Зеленского', 'volodymyr-zelenskiy:Зеленському',
      'kyiv:Киева', 'moscow:Москве', 'moscow:Москвой', 'ukraine:Украины', 'russia:России', 'donald-trump:Трампа',
    ]);
  });

  it('inflects every word of a multi-word Cyrillic alias', () => {
    expect(found('встреча с Владимиром Путиным')).toEqual(['vladimir-putin:Владимиром Путиным']);
  });

  it('does not stretch a Cyrillic stem over longer words', () => {
    expect(candidates('Москвич, путинизм, Путинская, Киевский')).toEqual([]);
  });

  it('needs the dots of "U.S.", and the pronoun "us" never matches', () => {
    expect(found('U.S. officials told us that US aid and the USA would help.')).toEqual([
      'united-states:U.S.', 'united-states:US', 'united-states:USA',
    ]);
    expect(candidates('Let us go. Tell Us more. u.s. style')).toEqual([]);
  });

  it('never matches lower-case page words to capitalised names', () => {
    expect(candidates('to trump a card, the macron sign, crimea in lower case, a putin')).toEqual([]);
  });

  it('matches aliases written in lower case in any case', () => {
    expect(found('A ceasefire. Ceasefire now! CEASEFIRE. Security guarantees and a cease-fire.')).toEqual([
      'ceasefire:ceasefire', 'ceasefire:Ceasefire', 'ceasefire:CEASEFIRE',
      'security-guarantees:Security guarantees', 'ceasefire:cease-fire',
    ]);
  });

  it('accepts an acronym in capitals or capitalised, never in lower case', () => {
    const nato = compileMatcher([{ id: 'nato', name: 'NATO', kind: 'organisation', aliases: [] }]);
    expect(found('NATO, Nato and nato', undefined, nato)).toEqual(['nato:NATO', 'nato:Nato']);
  });

  it('holds back a two-letter acronym inside an all-caps heading', () => {
    const c = article.scan('TRUMP TELLS US TO WAIT');
    expect(c.find((x) => x.entity === 'united-states')?.caution).toBe('common-word');
    expect(found('TRUMP TELLS US TO WAIT')).toEqual([]);
  });

  it('matches curated foreign spellings', () => {
    expect(found('Selenskyj traf Uschakow im Weißes Haus, in Moskau.')).toEqual([
      'volodymyr-zelenskiy:Selenskyj', 'yuri-ushakov:Uschakow', 'white-house:Weißes Haus', 'moscow:Moskau',
    ]);
  });

  it('keeps offsets in the original text across ß, zero-width characters and curly quotes', () => {
    const text = 'Straße\u200B: Zelen\u200Bskiy’s Weißes\u00A0Haus';
    const mentions = findMentions(article, text);
    expect(mentions.map((m) => m.text)).toEqual(['Zelen\u200Bskiy', 'Weißes\u00A0Haus']);
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('keeps a combining mark with the letter it belongs to', () => {
    const text = 'Зеленски\u0306 и Путин';
    expect(findMentions(article, text).map((m) => m.text)).toEqual(['Зеленски\u0306', 'Путин']);
  });

  it('filters entities by kind', () => {
    expect(found('Ukraine asked Donald Trump for a ceasefire.', { fuzzy: 'normal', kinds: ['place'] })).toEqual(['ukraine:Ukraine']);
  });

  it('shifts candidate offsets by the base the caller passes', () => {
    const [c] = article.scan('Hello Kyiv', undefined, 1000);
    expect([c.start, c.end, c.text]).toEqual([1006, 1010, 'Kyiv']);
  });

  it('scores the name 1.0 and other aliases 0.9', () => {
    const m = findMentions(article, 'Volodymyr Zelenskiy, or Zelenskiy.');
    expect(m.map((x) => [x.how, x.score])).toEqual([['exact', 1], ['alias', 0.9]]);
  });
});

describe('fuzzy matching', () => {
  it.each([
    ['Zelenskyy', 'volodymyr-zelenskiy'],
    ['Zelensky', 'volodymyr-zelenskiy'],
    ['Selensky', 'volodymyr-zelenskiy'],
    ['Zelenski', 'volodymyr-zelenskiy'],
    ['Zelenskij', 'volodymyr-zelenskiy'],
    ['Ouchakov', 'yuri-ushakov'],
    ['Uschakow', 'yuri-ushakov'],
    ['Ruttte', 'mark-rutte'],
  ])('matches "%s" to %s', (word, entity) => {
    const m = findMentions(withoutCurated, `${word} spoke.${CONTEXT}`);
    expect(m[0]).toMatchObject({ entity, text: word, how: 'fuzzy' });
  });

  it.each(['Route', 'Hungry', 'Crime', 'Merge', 'Donato', 'Vancouver', 'Macro', 'Rusty', 'Ukrainians'])(
    'does not take the word "%s" for a name', (word) => {
      expect(candidates(`${word} was the word. ${word} again, said ${word}.`, { fuzzy: 'normal' }, withoutCurated)).toEqual([]);
    });

  it.each(['Ukrainian', 'Russian', 'European', 'American', 'Hungarian', 'Crimean', 'Russians'])(
    'does not take the demonym "%s" for its place', (word) => {
      const americas = compileMatcher([...ARTICLE_ENTITIES, { id: 'america', name: 'America', kind: 'place', aliases: [] }]);
      expect(candidates(`${word} officials said`, { fuzzy: 'loose' }, americas)).toEqual([]);
    });

  it('never fuzzy-matches lower-case words or cautioned aliases', () => {
    expect(candidates('the zelenskyy, Macroon and Trumpp', { fuzzy: 'loose' }, withoutCurated)).toEqual([]);
  });

  it('scores fuzzy hits between 0.5 and 0.7, lower the more edits', () => {
    const [same, oneEdit] = findMentions(withoutCurated, `Zelenskyy and Ouchakov.${CONTEXT}`);
    expect(same.score).toBe(0.7);
    expect(oneEdit.score).toBe(0.6);
  });

  it('allows one more edit when loose, none when off', () => {
    const text = `Donezk is far.${CONTEXT}`;
    expect(found(text, { fuzzy: 'normal' }, withoutCurated)).not.toContain('donetsk:Donezk');
    expect(found(text, { fuzzy: 'loose' }, withoutCurated)).toContain('donetsk:Donezk');
    expect(found(`Zelenskyy spoke.${CONTEXT}`, { fuzzy: 'off' }, withoutCurated)).not.toContain('volodymyr-zelenskiy:Zelenskyy');
  });
});

describe('context gate', () => {
  it('finds nothing on a page about bridge', () => {
    const bridge = 'Trump suits outrank the others. Trump is led when the declarer wants to draw trumps. ' +
      'A trump lead from the North hand is rarely right; Trump early, says the Washington club.';
    expect(found(bridge)).toEqual([]);
  });

  it('finds nothing on a page about the macron diacritic', () => {
    const page = 'Macron: a diacritic placed over a vowel. Macron and breve differ; a macron marks a long vowel.';
    expect(found(page)).toEqual([]);
  });

  it('finds nothing on a page about Article 5 of a national constitution', () => {
    const page = 'Article 5 of the Constitution sets out the powers of the President. Article 5 was amended in 1992.';
    expect(found(page)).toEqual([]);
  });

  it('keeps a bare "Trump" when the page names Donald Trump', () => {
    expect(found('Trump spoke first. Later Donald Trump left.')).toEqual(['donald-trump:Trump', 'donald-trump:Donald Trump']);
  });

  it('keeps "President Trump", and takes it as evidence for the bare mentions', () => {
    const m = findMentions(article, 'Trump arrived. President Trump spoke.');
    expect(m.map((x) => `${x.text}:${x.how}:${x.score}`)).toEqual(['Trump:gated:0.8', 'Trump:gated:0.8']);
  });

  it('keeps a cautioned alias when two other entities are named plainly', () => {
    expect(found(`Talks in Washington.${CONTEXT}`)).toEqual(['washington:Washington', 'kyiv:Kyiv', 'nato:NATO']);
  });

  it('drops a cautioned alias when only one other entity is named', () => {
    expect(found('Talks in Washington and Kyiv.')).toEqual(['kyiv:Kyiv']);
  });

  it('does not take "President Washington" for the city', () => {
    expect(found(`President Washington crossed the river.${CONTEXT}`)).toEqual(['kyiv:Kyiv', 'nato:NATO']);
  });

  it('drops a lone fuzzy hit and keeps one the page backs', () => {
    expect(found('Ouchakov a parlé.', undefined, withoutCurated)).toEqual([]);
    expect(found('Ouchakov a parlé au Kremlin.', undefined, withoutCurated)).toEqual(['yuri-ushakov:Ouchakov', 'kremlin:Kremlin']);
  });

  it('gives a shared alias to the entity the page names in full, and drops it otherwise', () => {
    const trumps = compileMatcher([
      { id: 'donald-trump', name: 'Donald Trump', kind: 'person', aliases: [{ text: 'Trump', origin: 'derived' }] },
      { id: 'melania-trump', name: 'Melania Trump', kind: 'person', aliases: [{ text: 'Trump', origin: 'derived' }] },
    ]);
    expect(found('Melania Trump arrived; Trump waved.', undefined, trumps)).toEqual(['melania-trump:Melania Trump', 'melania-trump:Trump']);
    expect(found('Trump waved.', undefined, trumps)).toEqual([]);
  });

  it('lets evidence from a later chunk turn on a held-back mention', () => {
    const first = article.scan('Trump spoke.', undefined, 0);
    expect(resolveMentions(article, first)).toEqual([]);
    const second = article.scan('Donald Trump left.', undefined, 100);
    expect(resolveMentions(article, [...first, ...second]).map((m) => [m.entity, m.start, m.how])).toEqual([
      ['donald-trump', 0, 'gated'], ['donald-trump', 100, 'exact'],
    ]);
  });

  it('ignores candidates of kinds the options leave out, as evidence too', () => {
    const c = article.scan('Trump in Kyiv, NATO and a ceasefire. Donald Trump too.');
    expect(resolveMentions(article, c, { fuzzy: 'normal', kinds: ['place'] }).map((m) => m.entity)).toEqual(['kyiv']);
  });
});

describe('the article', () => {
  const text = readFileSync('data/article.txt', 'utf8');

  it('finds every entity of the article in it, and nothing inside other words', () => {
    const mentions = findMentions(article, text);
    expect(new Set(mentions.map((m) => m.entity))).toEqual(new Set(ARTICLE_ENTITIES.map((e) => e.id)));
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    const texts = new Set(mentions.map((m) => m.text));
    for (const word of ['advance', 'Ukrainian', 'European', 'American', 'disadvantage']) expect(texts).not.toContain(word);
  });

  it.skipIf(!existsSync('data/facts.json'))('finds most entities of the built fact index in its own article', () => {
    const index = JSON.parse(readFileSync('data/facts.json', 'utf8')) as { article: { text: string }; entities: MatchEntity[] };
    const matcher = compileMatcher(index.entities);
    const mentions = findMentions(matcher, index.article.text);
    for (const m of mentions) expect(index.article.text.slice(m.start, m.end)).toBe(m.text);
    const seen = new Set(mentions.map((m) => m.entity));
    expect(seen.size).toBeGreaterThanOrEqual(Math.ceil(index.entities.length * 0.8));
  });
});

describe('resolving chunk by chunk with the page evidence', () => {
  it('gives the same mentions as resolving the whole page at once', () => {
    const chunks = [
      'Trump spoke first.',
      'Later, Donald Trump and Vladimir Putin met in Washington.',
      'Critics said Trump gave too much away; Zelenskyy disagreed.',
    ];
    let base = 0;
    const perChunk = chunks.map((text) => {
      const candidates = article.scan(text, undefined, base);
      base += 1000;
      return candidates;
    });
    const whole = resolveMentions(article, perChunk.flat());
    const evidence = new Set(perChunk.flatMap((c) => [...gateEvidence(article, c)]));
    const pieced = perChunk.flatMap((c) => resolveMentions(article, c, undefined, evidence));
    expect(pieced).toEqual(whole);
    // The first chunk alone has no evidence for a bare "Trump"; with the page's it is shown.
    expect(resolveMentions(article, perChunk[0])).toEqual([]);
    expect(resolveMentions(article, perChunk[0], undefined, evidence).map((m) => m.text)).toEqual(['Trump']);
  });
});
