import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { findMentions } from '@/lib/match';
import { createLibrary, TRASH_KEEP_MS } from '@/lib/library/library';
import { LibraryStorageError, openArticleStore, storageErrorMessage, type ArticleStore } from '@/lib/library/store';
import { articleText, build, BUNDLED, BUNDLED_META } from './helpers/articles';

let dbCount = 0;
async function setup(options: { store?: (s: ArticleStore) => ArticleStore; now?: () => Date; later?: boolean } = {}) {
  const real = await openArticleStore(`library-test-${++dbCount}`);
  const store = options.store ? options.store(real) : real;
  let changes = 0;
  const library = createLibrary({
    store,
    bundled: { index: BUNDLED, meta: BUNDLED_META },
    // `later`: the index comes a few turns later, as from a builder loaded on first use.
    build: options.later ? async (text, meta) => new Promise((resolve) => setTimeout(() => resolve(build(text, meta)), 5)) : (text, meta) => build(text, meta),
    now: options.now,
    onChange: () => changes++,
  });
  return { library, store: real, changes: () => changes };
}

const COALITION = { title: 'Coalition of Willing Drafts Plan', text: articleText('story-coalition'), source: 'Harbour Wire', published: '2025-09-02' };
const CEASEFIRE = { title: 'Rutte Urges Allies to Stand Behind Any Ceasefire Deal', text: articleText('story-ceasefire'), source: 'Harbour Wire', published: '2025-10-14T08:30:00Z' };
const PAGE = 'NATO Secretary General Mark Rutte met Volodymyr Zelenskiy in Kyiv. Keir Starmer and Giorgia Meloni joined Donald Trump at the White House.';

describe('the article library', () => {
  it('saves an article, lists it after the bundled one, and refuses the same text twice', async () => {
    const { library, changes } = await setup();
    const saved = await library.save(COALITION);
    expect(saved).toMatchObject({ ok: true, title: COALITION.title });
    if (!saved.ok) return;
    expect(saved.entities).toBeGreaterThan(10);
    const { articles } = await library.list();
    expect(articles.map((a) => [a.id, a.builtin, a.enabled])).toEqual([['builtin', true, true], [saved.packId, false, true]]);
    expect(articles[1]).toMatchObject({ source: 'Harbour Wire', published: '2025-09-02' });
    expect(changes()).toBe(1);

    const again = await library.save({ ...COALITION, title: 'Another title', text: `${COALITION.text}\n\n` });
    expect(again).toEqual({ ok: false, error: expect.stringMatching(/already in your library/) });
    const bundled = await library.save({ title: 'x', text: BUNDLED.article.text });
    expect(bundled).toEqual({ ok: false, error: expect.stringMatching(/already in your library/) });
    expect((await library.list()).articles).toHaveLength(2);
  });

  it('saves one article at a time: saves sent together get their own ids, and the same text is saved once', async () => {
    const { library } = await setup({ later: true });
    const [a, b, same] = await Promise.all([
      library.save(COALITION),
      library.save({ ...CEASEFIRE, title: COALITION.title }),
      library.save({ ...COALITION, title: 'The same text again' }),
    ]);
    expect(a).toMatchObject({ ok: true });
    expect(b).toMatchObject({ ok: true });
    expect(same).toEqual({ ok: false, error: expect.stringMatching(/already in your library/) });
    if (!a.ok || !b.ok) return;
    expect(a.packId).not.toBe(b.packId);
    const { articles } = await library.list();
    expect(articles.map((x) => x.id).sort()).toEqual(['builtin', a.packId, b.packId].sort());
  });

  it('answers bad input with a sentence and saves nothing', async () => {
    const { library } = await setup();
    const cases: [unknown, RegExp][] = [
      [{ title: 'Empty', text: '   ' }, /empty/],
      [{ title: 'Long', text: 'Word '.repeat(50_000) }, /too long/],
      [{ title: 'Binary', text: '\u0000\u0001\u0002\uFFFD'.repeat(200) }, /does not look like article text/],
      [{ title: 7, text: 'Mark Rutte spoke.' }, /can't be saved: title/],
      [null, /can't be saved/],
    ];
    for (const [input, message] of cases) expect(await library.save(input)).toEqual({ ok: false, error: expect.stringMatching(message) });
    expect((await library.list()).articles).toHaveLength(1);
  });

  it('merges the shared people of two saved articles and the bundled one: one highlight per name', async () => {
    const { library } = await setup();
    await library.save(COALITION);
    await library.save(CEASEFIRE);
    const mentions = findMentions(await library.matcher(), PAGE);
    expect(mentions.map((m) => [m.text, m.entity])).toEqual([
      ['NATO', 'nato'],
      ['Mark Rutte', 'mark-rutte'],
      ['Volodymyr Zelenskiy', 'volodymyr-zelenskiy'],
      ['Kyiv', 'kyiv'],
      ['Keir Starmer', 'keir-starmer'],
      ['Donald Trump', 'donald-trump'],
      ['White House', 'white-house'],
    ]);
  });

  it('builds one card from every article, newest first, with titles, sources and dates', async () => {
    const { library } = await setup();
    await library.save(COALITION);
    await library.save(CEASEFIRE);
    const card = (await library.card('mark-rutte'))!;
    expect(card.articleCount).toBe(3);
    expect(card.groups.map((g) => [g.article.title, g.article.published])).toEqual([
      [CEASEFIRE.title, '2025-10-14'],
      [COALITION.title, '2025-09-02'],
      [BUNDLED.article.title, '2025-08-18'],
    ]);
    expect(card.groups[0].article.source).toBe('Harbour Wire');
    for (const g of card.groups) for (const f of g.facts) expect(f.text).toMatch(/Rutte/);
    expect(card.roles.map((r) => r.text)).toEqual(expect.arrayContaining(['NATO Secretary General']));
    // Zelensky is spelled two ways across the articles; his card has all three.
    expect((await library.card('volodymyr-zelenskiy'))!.articleCount).toBe(3);
  });

  it('deletes with undo, switches articles off, and purges the trash after a while', async () => {
    let clock = new Date('2025-11-01T12:00:00Z');
    const { library } = await setup({ now: () => clock });
    const saved = await library.save(COALITION);
    if (!saved.ok) throw new Error(saved.error);
    expect((await library.card('keir-starmer'))?.articleCount).toBe(1);

    await library.remove(saved.packId);
    expect((await library.list()).articles.map((a) => a.id)).toEqual(['builtin']);
    expect(await library.card('keir-starmer')).toBeUndefined();
    expect(await library.restore(saved.packId)).toBe(true);
    expect((await library.card('keir-starmer'))?.articleCount).toBe(1);

    await library.setEnabled(saved.packId, false);
    expect(await library.card('keir-starmer')).toBeUndefined();
    await library.setEnabled('builtin', false);
    expect(await library.card('yuri-ushakov')).toBeUndefined();
    await library.setEnabled(saved.packId, true);
    expect((await library.card('yuri-ushakov'))?.articleCount).toBe(1);

    await library.remove(saved.packId);
    expect(await library.purgeTrash()).toBe(0);
    clock = new Date(clock.getTime() + TRASH_KEEP_MS + 1000);
    expect(await library.purgeTrash()).toBe(1);
    expect(await library.restore(saved.packId)).toBe(false);
  });

  it('exports the library and one article, and imports them into another browser’s library', async () => {
    const a = await setup();
    const first = await a.library.save(COALITION);
    await a.library.save(CEASEFIRE);
    if (!first.ok) throw new Error(first.error);
    const file = await a.library.exportAll();
    const one = (await a.library.exportOne(first.packId))!;

    const b = await setup();
    expect(await b.library.import(file)).toEqual({ ok: true, added: 2, skipped: 0 });
    expect(await b.library.import(one)).toEqual({ ok: true, added: 0, skipped: 1 });
    const listed = (await b.library.list()).articles.map((x) => x.title);
    expect(listed).toEqual(['Zelenskiy: U.S. Security Pledge is “a Major Step Forward”', CEASEFIRE.title, COALITION.title]);
    expect((await b.library.card('mark-rutte'))!.articleCount).toBe(3);
  });

  it('refuses a damaged file whole, saying what is wrong', async () => {
    const a = await setup();
    await a.library.save(COALITION);
    const file = JSON.parse(await a.library.exportAll());
    file.articles[0].sentences[3][2] = 10 ** 9;
    const b = await setup();
    const result = await b.library.import(JSON.stringify(file));
    expect(result).toEqual({ ok: false, problems: [expect.stringMatching(/article 1 \(“Coalition.*sentences\[3\]/)] });
    expect(await b.library.import('{"format":"fact-cards-library","version":9}')).toEqual({ ok: false, problems: [expect.stringMatching(/unknown version 9/)] });
    expect(await b.library.import('not json')).toEqual({ ok: false, problems: [expect.stringMatching(/not valid JSON/)] });
    expect((await b.library.list()).articles).toHaveLength(1);
  });

  it('moves packs stored by earlier versions into the library, keeping what it cannot read', async () => {
    const { library } = await setup();
    const coalition = build(COALITION.text, { id: 'pack-coalition', title: COALITION.title, published: '2025-09-02' });
    const legacy = [
      { id: 'pack-coalition', enabled: false, addedAt: '2025-09-03T10:00:00.000Z', index: coalition },
      { id: 'pack-broken', enabled: true, addedAt: '2025-09-04T10:00:00.000Z', index: { version: 1, article: 'nope' } },
      'junk',
    ];
    const result = await library.migratePacks(legacy);
    expect(result.moved).toBe(1);
    expect(result.kept).toEqual([legacy[1], legacy[2]]);
    const listed = (await library.list()).articles.find((a) => a.id === 'pack-coalition')!;
    expect(listed).toMatchObject({ title: COALITION.title, enabled: false, addedAt: '2025-09-03T10:00:00.000Z', published: '2025-09-02' });
    const viewer = (await library.article('pack-coalition'))!;
    expect(viewer.index.entities).toEqual(coalition.entities);
    // Moving again changes nothing.
    expect((await library.migratePacks(legacy.slice(0, 1))).moved).toBe(1);
    expect((await library.list()).articles).toHaveLength(2);
  });

  it('reports a full disk in words and keeps the library as it was', async () => {
    const { library } = await setup({
      store: (s) => ({ ...s, put: () => Promise.reject(new LibraryStorageError(storageErrorMessage(new DOMException('Quota exceeded', 'QuotaExceededError')))) }),
    });
    const result = await library.save(COALITION);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/no room left.*Nothing was changed/) });
    expect((await library.list()).articles).toHaveLength(1);
  });

  it('searches every article: one result per entity, a shared sentence once', async () => {
    const { library } = await setup();
    await library.save(COALITION);
    await library.save(CEASEFIRE);
    const byName = await library.search('Zelensky');
    expect(byName[0]).toMatchObject({ id: 'volodymyr-zelenskiy' });
    expect(new Set(byName.map((r) => r.id)).size).toBe(byName.length);
    const fact = await library.search('recipe for endless war');
    expect(fact.filter((r) => r.field === 'fact')).toHaveLength(1);
    expect(fact[0]).toMatchObject({ field: 'fact', sentence: expect.stringMatching(/^s\d+$/), article: expect.stringMatching(/^a-coalition/) });
  });
});
