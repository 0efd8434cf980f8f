import { describe, expect, it } from 'vitest';
import facts from '@/data/facts.json';
import type { FactIndex } from '@/lib/fact-index/schema';
import { createCardSearch, MAX_QUERY_LENGTH } from '@/lib/search/card-search';
import { excerpt } from '@/lib/search/search-result';
import { searchCardsOfIndex, type SearchCard } from '@/lib/search/card-search';
import { syntheticEntities } from '../../scripts/bench/synthetic';

const bundled = facts as unknown as FactIndex;
const entities = searchCardsOfIndex(bundled);
const cards = createCardSearch(entities);
const top = (query: string) => cards.search(query)[0]?.id;

describe('card search over the bundled index', () => {
  it.each([
    ['Rute', 'mark-rutte'],
    ['Zelensky', 'volodymyr-zelenskiy'],
    ['artcle 5', 'article-5'],
    ['Ушаков', 'yuri-ushakov'],
    ['nato', 'nato'],
    ['kiev', 'kyiv'],
    ['Oval Ofice', 'oval-office'],
    ['ZELENSKYY', 'volodymyr-zelenskiy'],
    ['Zelenskíy', 'volodymyr-zelenskiy'], // diacritics on the query side
    ['etats-unis', 'united-states'], // and on the text side ("États-Unis")
  ])('matches %j to %s first', (query, id) => {
    expect(top(query)).toBe(id);
  });

  it('ranks an exact name above cards whose facts or role mention it', () => {
    const results = cards.search('NATO');
    expect(results[0]).toMatchObject({ id: 'nato', field: 'name', text: 'NATO', ranges: [[0, 4]] });
    expect(results[1]).toMatchObject({ id: 'mark-rutte', field: 'role', text: 'NATO Secretary General' });
    const byFacts = results.filter((r) => r.field === 'fact');
    expect(byFacts.length).toBeGreaterThan(2);
    expect(byFacts.every((r) => r.score > results[1].score)).toBe(true);
  });

  it('says which alias matched and where, in the text as written', () => {
    const [first] = cards.search('kiev');
    expect(first).toMatchObject({ id: 'kyiv', name: 'Kyiv', kind: 'place', field: 'alias', text: 'Kiev', ranges: [[0, 4]] });
    const [ushakov] = cards.search('Ушаков');
    expect(ushakov.text.slice(...ushakov.ranges[0])).toBe('Ушаков');
  });

  it('finds cards by their facts, with the sentence to link to', () => {
    const results = cards.search('peace settlement');
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.field).toBe('fact');
      expect(r.sentence).toMatch(/^s\d+$/);
      const [start, end] = r.ranges[0];
      expect(r.text.slice(start, end).toLowerCase()).toBe('peace settlement');
    }
  });

  it('finds roles', () => {
    const ids = cards.search('Kremlin aide').map((r) => r.id);
    expect(ids[0]).toBe('yuri-ushakov');
  });

  it('does not search facts for very short queries', () => {
    expect(cards.search('th').every((r) => r.field !== 'fact')).toBe(true);
  });

  it('gives every entity for an empty query, most facts first', () => {
    for (const query of ['', '   ', '\n\t']) {
      const results = cards.search(query);
      expect(results).toHaveLength(bundled.entities.length);
      expect(results[0].id).toBe('donald-trump');
      const counts = results.map((r) => r.facts);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    }
    expect(cards.search('', 5)).toHaveLength(5);
  });

  it('returns at most `limit` results, 20 by default', () => {
    expect(cards.search('a').length).toBeLessThanOrEqual(20);
    expect(cards.search('president', 3)).toHaveLength(3);
  });

  it('cuts very long queries instead of throwing', () => {
    const long = 'Zelensky '.repeat(100);
    expect(long.length).toBeGreaterThan(MAX_QUERY_LENGTH);
    expect(() => cards.search(long)).not.toThrow();
    expect(() => cards.search('x'.repeat(10_000))).not.toThrow();
  });

  it('finds nothing for gibberish', () => {
    expect(cards.search('qqqxxzzv')).toEqual([]);
  });
});

describe('card search across articles', () => {
  const shared = 'Officials said the summit in Geneva would decide the ceasefire.';
  const card = (id: string, name: string, facts: string[]): SearchCard => ({
    id, name, kind: 'person', aliases: [], roles: [], facts: facts.map((text, i) => ({ text, sentence: `s${i}`, article: 'a-1' })),
  });
  const search = createCardSearch([
    card('anna-berg', 'Anna Berg', [shared, 'Anna Berg flew home.']),
    card('tom-lind', 'Tom Lind', [shared]),
    card('eva-holm', 'Eva Holm', [shared, 'Eva Holm chaired it.', 'Holm spoke.']),
  ]);

  it('lists a sentence several cards share once, under the card with the most facts', () => {
    const found = search.search('summit in Geneva');
    expect(found.map((r) => [r.id, r.field])).toEqual([['eva-holm', 'fact']]);
    expect(found[0]).toMatchObject({ sentence: 's0', article: 'a-1' });
  });

  it('shows a card once, by its best match', () => {
    const found = search.search('Holm');
    expect(found.filter((r) => r.id === 'eva-holm')).toHaveLength(1);
    expect(found[0]).toMatchObject({ id: 'eva-holm', field: 'name' });
  });
});

describe('excerpt', () => {
  const text = 'One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen';

  it('keeps short texts whole', () => {
    expect(excerpt('short', [[0, 5]])).toEqual({ text: 'short', ranges: [[0, 5]] });
  });

  it('cuts around the first range on word boundaries and moves the ranges', () => {
    const at = text.indexOf('eleven');
    const cut = excerpt(text, [[at, at + 6]], 40);
    expect(cut.text.startsWith('…')).toBe(true);
    expect(cut.text.endsWith('…')).toBe(true);
    expect(cut.text.length).toBeLessThanOrEqual(42);
    const [start, end] = cut.ranges[0];
    expect(cut.text.slice(start, end)).toBe('eleven');
  });
});

describe('generated indexes (for the bench)', () => {
  it('are plausible: a generated name is found by its name', () => {
    const big = syntheticEntities(2_000, 7);
    expect(big.length).toBe(2_000);
    const search = createCardSearch(big);
    const someone = big.find((e) => e.kind === 'person')!;
    expect(search.search(someone.name)[0].name).toBe(someone.name);
  });
});
