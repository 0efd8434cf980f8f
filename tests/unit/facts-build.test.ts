import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildFactIndex } from '@/lib/facts/build';
import { parseCuratedAliases } from '@/lib/facts/curated';
import { factIndexProblems, type Entity } from '@/lib/fact-index/schema';
import { fidelityProblems } from '@/lib/facts/fidelity';
import { buildBuiltinJson } from '../../scripts/build-facts';

const article = readFileSync('data/article.txt', 'utf8');
const curatedAliases = parseCuratedAliases(JSON.parse(readFileSync('data/aliases.json', 'utf8')));
const index = buildFactIndex(article, { id: 'builtin', curatedAliases });
const entity = (id: string): Entity => {
  const e = index.entities.find((x) => x.id === id);
  if (!e) throw new Error(`no entity ${id}; have ${index.entities.map((x) => x.id).join(', ')}`);
  return e;
};

describe('buildFactIndex on the bundled article', () => {
  it('produces a valid index', () => {
    expect(factIndexProblems(index)).toEqual([]);
  });

  it('keeps every fact, quote, figure and role verbatim from the sentence it cites', () => {
    expect(fidelityProblems(index)).toEqual([]);
  });

  it('finds the people, places, organisations and terms under their fixed ids', () => {
    const kinds: Record<string, string[]> = {
      person: ['donald-trump', 'volodymyr-zelenskiy', 'vladimir-putin', 'jd-vance', 'emmanuel-macron', 'friedrich-merz', 'yuri-ushakov', 'mark-rutte'],
      place: ['ukraine', 'russia', 'united-states', 'europe', 'white-house', 'oval-office', 'alaska', 'hungary', 'kyiv', 'moscow', 'washington', 'crimea', 'donetsk'],
      organisation: ['nato', 'kremlin', 'reuters'],
      term: ['article-5', 'ceasefire', 'security-guarantees', 'referendum'],
    };
    for (const [kind, ids] of Object.entries(kinds)) for (const id of ids) expect(entity(id).kind, id).toBe(kind);
  });

  it('names United States in full although the article only writes "U.S."', () => {
    expect(entity('united-states').name).toBe('United States');
    expect(entity('united-states').aliases).toContainEqual({ text: 'U.S.', origin: 'article' });
  });

  it('has one entity per referent: no bare surnames, no "Putin-", no demonyms', () => {
    const ids = index.entities.map((e) => e.id);
    for (const bad of ['trump', 'zelenskiy', 'putin', 'macron', 'merz', 'vance', 'putin-', 'major', 'territory', 'ukrainian', 'russian', 'european', 'american', 'french', 'german', 'february', 'photo', 'u-s']) {
      expect(ids, bad).not.toContain(bad);
    }
    const names = index.entities.flatMap((e) => e.aliases.map((a) => a.text));
    for (const demonym of ['Ukrainian', 'Russian', 'European', 'American']) expect(names).not.toContain(demonym);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('takes roles from the article’s appositions, verbatim', () => {
    expect(entity('mark-rutte').role?.text).toBe('NATO Secretary General');
    expect(entity('yuri-ushakov').role?.text).toBe('Kremlin aide');
    expect(entity('friedrich-merz').role?.text).toBe('German Chancellor');
    expect(entity('jd-vance').role?.text).toBe('Vice President');
    expect(entity('donald-trump').role?.text).toBe('U.S. President');
    expect(entity('volodymyr-zelenskiy').role?.text).toBe('Ukrainian President');
    expect(entity('emmanuel-macron').role?.text).toBe('French President');
  });

  it('finds mentions by bare surname and possessive', () => {
    const trump = entity('donald-trump').facts.map((f) => f.text);
    expect(trump.some((t) => t.startsWith('Trump has been pushing for a swift end to the war'))).toBe(true);
    expect(trump.some((t) => t.includes('following Trump’s recent meeting with Vladimir Putin'))).toBe(true);
    expect(entity('vladimir-putin').facts.some((f) => f.text.includes('Putin-Zelenskiy meeting'))).toBe(true);
  });

  it('attributes quotes to their speakers', () => {
    const trump = entity('donald-trump').quotes;
    expect(trump).toContainEqual(expect.objectContaining({ text: 'I wish they could stop, I’d like them to stop,', speaker: 'donald-trump' }));
    expect(trump).toContainEqual(expect.objectContaining({ text: 'but strategically that could be a disadvantage for one side or the other.', speaker: 'donald-trump' }));
    expect(trump.some((q) => q.text.startsWith('When it comes to security'))).toBe(true);
    expect(entity('volodymyr-zelenskiy').quotes).toContainEqual(expect.objectContaining({ text: 'a major step forward,', speaker: 'volodymyr-zelenskiy' }));
  });

  it('lists the same quotation once even when the standfirst repeats it', () => {
    expect(entity('donald-trump').quotes.filter((q) => q.text.startsWith('When it comes to security'))).toHaveLength(1);
  });

  it('collects figures from the entity’s sentences, including "he" sentences', () => {
    const figures = entity('volodymyr-zelenskiy').figures.map((f) => f.text);
    expect(figures).toContain('$90 bn');
    expect(figures).toContain('within ten days');
    const all = index.entities.flatMap((e) => e.figures.map((f) => f.text));
    for (const f of ['two weeks', 'fourth year', 'eight decades', 'more than a million people']) expect(all.some((x) => x.includes(f)), f).toBe(true);
  });

  it('relates entities mentioned together, strongest first', () => {
    const rutte = entity('mark-rutte').related.map((r) => r.entity);
    expect(rutte).toContain('nato');
    expect(rutte).toContain('article-5');
    for (const e of index.entities) {
      const w = e.related.map((r) => r.weight);
      expect(w).toEqual([...w].sort((a, b) => b - a));
    }
    expect(entity('donald-trump').related[0].entity).toBe('volodymyr-zelenskiy');
  });

  it('leads each card with an informative body sentence, not a caption or headline', () => {
    expect(entity('donald-trump').facts[0].text).toMatch(/^U\.S\. President Donald Trump has promised/u);
    const types = new Map(index.blocks.map((b) => [b.id, b.type]));
    const blockOf = new Map(index.sentences.map((s) => [s.id, s.block]));
    for (const e of index.entities) expect(types.get(blockOf.get(e.facts[0].sentence)!), e.id).toBe('paragraph');
  });

  it('adds derived surnames and curated spellings with their language and cautions', () => {
    expect(entity('mark-rutte').aliases).toContainEqual({ text: 'Rutte', origin: 'derived' });
    const zelensky = entity('volodymyr-zelenskiy').aliases;
    for (const [text, lang] of [['Zelensky', 'en'], ['Zelenskyy', 'en'], ['Selenskyj', 'de'], ['Зеленський', 'uk'], ['Зеленский', 'ru']]) {
      expect(zelensky).toContainEqual({ text, origin: 'curated', lang });
    }
    expect(entity('donald-trump').aliases).toContainEqual({ text: 'Trump', origin: 'article', caution: 'common-word' });
    expect(entity('washington').aliases.find((a) => a.text === 'Washington')?.caution).toBe('other-referent');
    expect(entity('united-states').aliases.find((a) => a.text === 'US')?.caution).toBe('common-word');
    expect(entity('kyiv').aliases.map((a) => a.text)).toEqual(expect.arrayContaining(['Kiev', 'Kiew', 'Київ', 'Киев']));
  });

  it('applies curated entries only to entities the article names', () => {
    const curatedOnly = Object.keys(curatedAliases).filter((id) => !index.entities.some((e) => e.id === id));
    expect(curatedOnly).toEqual([]); // every curated id is named here…
    const other = buildFactIndex('Mark Rutte spoke in The Hague on Monday. NATO met.', { id: 't', curatedAliases });
    expect(other.entities.map((e) => e.id).sort()).toEqual(['mark-rutte', 'nato', 'the-hague']); // …and none leaks into another article
  });

  it('builds the same JSON twice, and data/facts.json is current', () => {
    const again = buildFactIndex(article, { id: 'builtin', curatedAliases });
    expect(JSON.stringify(again)).toBe(JSON.stringify(index));
    expect(readFileSync('data/facts.json', 'utf8')).toBe(buildBuiltinJson());
  });
});
