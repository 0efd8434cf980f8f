import { describe, expect, it } from 'vitest';
import { compileMatcher, findMentions, type MatchEntity } from '@/lib/match';
import type { Alias, EntityKind } from '@/lib/fact-index/schema';

type AliasSpec = string | (Partial<Alias> & { text: string });
const entity = (id: string, name: string, kind: EntityKind, aliases: AliasSpec[] = [], related?: string[]): MatchEntity => ({
  id, name, kind,
  aliases: [
    { text: name, origin: 'article' },
    ...aliases.map((a): Alias => (typeof a === 'string' ? { text: a, origin: 'derived' } : { origin: 'curated', ...a })),
  ],
  ...(related ? { related: related.map((r) => ({ entity: r })) } : {}),
});

const ENTITIES: MatchEntity[] = [
  entity('vladimir-putin', 'Vladimir Putin', 'person', ['Putin', { text: 'Wladimir Putin', lang: 'de' }, { text: 'Путин', lang: 'ru' }]),
  entity('donald-trump', 'Donald Trump', 'person', [{ text: 'Trump', origin: 'derived', caution: 'common-word' }]),
  entity('mark-rutte', 'Mark Rutte', 'person', ['Rutte'], ['nato', 'article-5']),
  entity('nato', 'NATO', 'organisation', [{ text: 'Nato', lang: 'en' }, { text: 'North Atlantic Treaty Organization', lang: 'en' }, { text: 'НАТО', lang: 'ru' }], ['article-5', 'mark-rutte']),
  entity('kremlin', 'Kremlin', 'organisation', [{ text: 'Kremlin', origin: 'article', caution: 'other-referent' }]),
  entity('white-house', 'White House', 'place', [{ text: 'Weißes Haus', lang: 'de' }, { text: 'Белый дом', lang: 'ru' }, { text: 'Білий дім', lang: 'uk' }]),
  entity('united-states', 'United States', 'place', [{ text: 'Vereinigte Staaten', lang: 'de' }, { text: 'America', lang: 'en', caution: 'other-referent' }]),
  entity('russia', 'Russia', 'place', [{ text: 'Russian Federation', lang: 'en' }, { text: 'Russische Föderation', lang: 'de' }, { text: 'Russland', lang: 'de' }, { text: 'Россия', lang: 'ru' }, { text: 'Росія', lang: 'uk' }]),
  entity('kyiv', 'Kyiv', 'place', [{ text: 'Київ', lang: 'uk' }, { text: 'Харків', lang: 'uk' }]),
  entity('moscow', 'Moscow', 'place', [{ text: 'Moskau', lang: 'de' }]),
  entity('donetsk', 'Donetsk', 'place', [{ text: 'Донецк', lang: 'ru' }]),
  entity('alaska', 'Alaska', 'place', [{ text: 'Аляска', lang: 'ru' }]),
  entity('hungary', 'Hungary', 'place', []),
  entity('europe', 'Europe', 'place', []),
  entity('article-5', 'Article 5', 'term', [
    { text: 'Article 5', origin: 'article', caution: 'other-referent' },
    { text: 'Статья 5', lang: 'ru', caution: 'other-referent' },
  ], ['nato', 'mark-rutte']),
  entity('labour-party', 'Labor Party', 'organisation', []),
  entity('center', 'Center', 'place', []),
];
const matcher = compileMatcher(ENTITIES);

/** "entity-id:matched text" per mention, in text order. */
const found = (text: string, m = matcher) => findMentions(m, text).map((x) => `${x.entity}:${x.text}`);
/** "entity-id:matched text" per candidate, before the gate. */
const candidates = (text: string, m = matcher) => m.scan(text).map((c) => `${c.entity}:${c.text}`);

describe('German inflection', () => {
  it('reads adjective endings on every word before the last of a German alias', () => {
    expect(found('Treffen im Weißen Haus mit den Vereinigten Staaten und der Russischen Föderation')).toEqual([
      'white-house:Weißen Haus', 'united-states:Vereinigten Staaten', 'russia:Russischen Föderation',
    ]);
  });

  it('reads a genitive -s or -es on the last word', () => {
    expect(found('Russlands Nachbarn, Wladimir Putins Sprecher, ein Sprecher des Weißen Hauses, Moskaus Bürgermeister')).toEqual([
      'russia:Russlands', 'vladimir-putin:Wladimir Putins', 'white-house:Weißen Hauses', 'moscow:Moskaus',
    ]);
  });

  it('gives adjective endings to German aliases only: "Whiter House" is not the White House', () => {
    expect(candidates('the Whiter House and the Whites House')).toEqual([]);
  });

  it('adds no genitive to a lower-case word, to an alias naming something else, or to an acronym', () => {
    expect(candidates('putins, the Americas, the Kremlins, NATOs')).toEqual([]);
  });
});

describe('Russian and Ukrainian inflection', () => {
  it('inflects every word of a multi-word alias, short words included', () => {
    expect(found('в Белом доме; у Білому домі; возле Белого дома')).toEqual([
      'white-house:Белом доме', 'white-house:Білому домі', 'white-house:Белого дома',
    ]);
  });

  it('finds a stem with one final vowel shed as well as two: Россией, Росії, Росією', () => {
    expect(found('с Россией; до Росії; з Росією; о России')).toEqual([
      'russia:Россией', 'russia:Росії', 'russia:Росією', 'russia:России',
    ]);
  });

  it('follows Ukrainian alternations: і opening to о or є (Києва, Харкова), к softening before -і (на Алясці)', () => {
    expect(found('до Києва, з Харкова, на Алясці, в Аляске')).toEqual([
      'kyiv:Києва', 'kyiv:Харкова', 'alaska:Алясці', 'alaska:Аляске',
    ]);
  });

  it('reads a derived adjective built on the stem before a region: Донецкой области', () => {
    expect(found('жители Донецкой области')).toEqual(['donetsk:Донецкой']);
  });

  it('does not decline acronyms: "Ната" is a name, not NATO', () => {
    expect(candidates('Ната и Натой')).toEqual([]);
  });

  it('still does not stretch a stem over longer words', () => {
    expect(candidates('Москвич, путинизм, Путинская, Россиянин, Аляскинский')).toEqual([]);
  });
});

describe('British and American spelling', () => {
  it('matches the other spelling of any word of a multi-word alias', () => {
    expect(found('the North Atlantic Treaty Organisation and the Labour Party')).toEqual([
      'nato:North Atlantic Treaty Organisation', 'labour-party:Labour Party',
    ]);
  });

  it('leaves one-word names alone: "Centre" is not "Center" (by spelling rules; fuzzy matching is its own pass)', () => {
    expect(matcher.scan('the Centre', { fuzzy: 'off' })).toEqual([]);
  });
});

describe('names inside longer names', () => {
  it.each([
    'the Moscow Times reported',
    'a reporter for the Kyiv Independent',
    'under the Moscow Agreement',
    'the Donetsk People\'s Republic',
    'the Trump Tower lobby',
    'graduates of Moscow State University',
    'a flat on Kyiv Street',
    'the Alaska Railroad Gazette',
    'the White House Historical Review',
  ])('finds nothing in "%s"', (text) => {
    expect(candidates(text)).toEqual([]);
  });

  it('keeps names followed by a title, another of our names or a possessive', () => {
    expect(found('Kyiv Mayor spoke. The Moscow Kremlin said so. NATO Secretary General Mark Rutte agreed. Kyiv\'s Independence Square filled.'))
      .toEqual(['kyiv:Kyiv', 'moscow:Moscow', 'kremlin:Kremlin', 'nato:NATO', 'mark-rutte:Mark Rutte', 'kyiv:Kyiv']);
  });

  it('needs the head noun in the same sentence, and a capital: "in Kyiv. Times are hard", "Kyiv times"', () => {
    expect(candidates('He stayed in Kyiv. Times are hard. Kyiv times its curfews.')).toEqual(['kyiv:Kyiv', 'kyiv:Kyiv']);
  });

  it('in a headline in capitals or title case, takes only a head noun right after the name', () => {
    expect(candidates('RUSSIA REJECTS NATO TROOPS IN POST-WAR PLAN')).toEqual(['russia:RUSSIA', 'nato:NATO']);
    expect(candidates('Russia Rejects NATO Troops In Post-War Plan')).toEqual(['russia:Russia', 'nato:NATO']);
    expect(candidates('Moscow Times Editors Say Coverage Will Go On')).toEqual([]);
    expect(candidates('graduates of Moscow State University')).toEqual([]);
  });

  it('applies to near spellings too: "the Moskow Times"', () => {
    expect(candidates('NATO met in Moskow. Moskow.')).toEqual(['nato:NATO', 'moscow:Moskow', 'moscow:Moskow']);
    expect(candidates('NATO and the Moskow Times')).toEqual(['nato:NATO']);
  });

  it('lets a longer alias of ours win: a newspaper in the index is found whole', () => {
    const withPaper = compileMatcher([...ENTITIES, entity('kyiv-independent', 'Kyiv Independent', 'organisation')]);
    expect(found('the Kyiv Independent reported from Kyiv', withPaper)).toEqual(['kyiv-independent:Kyiv Independent', 'kyiv:Kyiv']);
  });
});

describe('terms named by a number, in lower case', () => {
  const NATO_PAGE = 'Nato allies met. Mark Rutte said Nato\'s article 5 applies. Hungary agreed.';

  it('shows "article 5" on a page that plainly names entities related to it', () => {
    const m = findMentions(matcher, NATO_PAGE).filter((x) => x.entity === 'article-5');
    expect(m.map((x) => [x.text, x.how])).toEqual([['article 5', 'gated']]);
  });

  it('leaves "article 5" of another law plain, even with other entities on the page', () => {
    expect(found('Hungary and Europe argued over article 5 of the media law. In Moscow, article 5 was cited too.'))
      .toEqual(['hungary:Hungary', 'europe:Europe', 'moscow:Moscow']);
  });

  it('never shows it when the entity has no related entities', () => {
    const unrelated = compileMatcher(ENTITIES.map((e) => (e.id === 'article-5' ? { ...e, related: undefined } : e)));
    expect(found(NATO_PAGE, unrelated)).not.toContain('article-5:article 5');
  });

  it('inflects it in Russian: "статьи 5" beside НАТО and Рютте', () => {
    const ru = compileMatcher([...ENTITIES, entity('rutte-ru', 'Марк Рютте', 'person', [], ['article-5'])]);
    expect(found('Марк Рютте допустил гарантии по образцу статьи 5. НАТО согласно.', ru)).toEqual([
      'rutte-ru:Марк Рютте', 'article-5:статьи 5', 'nato:НАТО',
    ]);
  });

  it('does not let a lower-case term count as evidence for other cautioned names', () => {
    expect(found('the Kremlin and article 5 and article 5')).toEqual([]);
  });

  it('keeps lower-case names out: a lower-case "trump" or "putin" is never a name', () => {
    expect(candidates('to trump a card; a putin')).toEqual([]);
  });
});
