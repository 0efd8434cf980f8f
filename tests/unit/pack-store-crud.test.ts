import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildFactIndex } from '@/lib/facts/build';
import type { FactIndex } from '@/lib/fact-index/schema';
import {
  addPack,
  loadStoredPacks,
  MAX_PACK_BYTES,
  migratePacksV1,
  packFileOf,
  PackError,
  packIdFor,
  packsItem,
  parsePackFile,
  removePack,
  renamePack,
  restorePack,
  setPackEnabled,
} from '@/lib/pack-store';
import { BUILTIN_PACK_ID } from '@/lib/packs';

// Short articles written for these tests.
const HARBOUR = `Gdynia Mayor Marta Kowalczyk said on Monday that the new ferry terminal would open in June. Kowalczyk told reporters the terminal had cost 40 million złoty.

The Baltic Ferry Company will run three crossings a day from Gdynia to Karlskrona.`;
const ORCHARD = `Farmer Tomas Lindqvist grows pears on the slopes above Lake Vättern. Lindqvist said the spring frost in Jönköping had cost him half the blossom.`;

const indexOf = (text: string, id: string, title = id): FactIndex => buildFactIndex(text, { id, title });
const raw = async () => (await fakeBrowser.storage.local.get('packs')).packs as unknown[];

beforeEach(() => fakeBrowser.reset());

describe('pack store', () => {
  it('adds a pack, enabled, and loads it back', async () => {
    const stored = await addPack(indexOf(HARBOUR, 'pack-harbour'), '2025-01-02T00:00:00.000Z');
    expect(stored).toMatchObject({ id: 'pack-harbour', enabled: true, addedAt: '2025-01-02T00:00:00.000Z' });
    const { packs, problems } = await loadStoredPacks();
    expect(problems).toEqual([]);
    expect(packs.map((p) => p.id)).toEqual(['pack-harbour']);
    expect(packs[0].index.entities.map((e) => e.name)).toContain('Marta Kowalczyk');
  });

  it('refuses the same article twice, a taken id, and the built-in id', async () => {
    await addPack(indexOf(HARBOUR, 'pack-harbour', 'Harbour'));
    await expect(addPack(indexOf(HARBOUR, 'pack-other'))).rejects.toThrow(/already a pack \(“Harbour”\)/);
    await expect(addPack(indexOf(ORCHARD, 'pack-harbour'))).rejects.toThrow(/id “pack-harbour” already exists/);
    await expect(addPack(indexOf(ORCHARD, BUILTIN_PACK_ID))).rejects.toThrow(PackError);
    expect((await loadStoredPacks()).packs).toHaveLength(1);
  });

  it('refuses an invalid index without storing anything', async () => {
    const broken = { ...indexOf(HARBOUR, 'pack-harbour'), entities: 'none' } as unknown as FactIndex;
    await expect(addPack(broken)).rejects.toThrow(/not valid/);
    expect(await raw()).toBeUndefined();
  });

  it('renames, and refuses an empty title', async () => {
    await addPack(indexOf(HARBOUR, 'pack-harbour', 'Harbour'));
    await renamePack('pack-harbour', '  Gdynia ferry terminal ');
    expect((await loadStoredPacks()).packs[0].index.article.title).toBe('Gdynia ferry terminal');
    await expect(renamePack('pack-harbour', '   ')).rejects.toThrow(/needs a title/);
  });

  it('turns a pack off and on', async () => {
    await addPack(indexOf(HARBOUR, 'pack-harbour'));
    await setPackEnabled('pack-harbour', false);
    expect((await loadStoredPacks()).packs[0].enabled).toBe(false);
    await setPackEnabled('pack-harbour', true);
    expect((await loadStoredPacks()).packs[0].enabled).toBe(true);
  });

  it('removes a pack and restores exactly what was removed', async () => {
    await addPack(indexOf(HARBOUR, 'pack-harbour'));
    await addPack(indexOf(ORCHARD, 'pack-orchard'));
    const before = (await raw())[0];
    const removed = await removePack('pack-harbour');
    expect(removed).toEqual(before);
    expect((await loadStoredPacks()).packs.map((p) => p.id)).toEqual(['pack-orchard']);
    await restorePack(removed);
    await restorePack(removed); // a second Undo doesn't duplicate it
    expect((await loadStoredPacks()).packs.map((p) => p.id)).toEqual(['pack-orchard', 'pack-harbour']);
  });

  it('keeps an invalid stored entry through edits of other packs, and reports it', async () => {
    const unreadable = { id: 'pack-future', enabled: true, index: { version: 99, shape: 'from a newer release' } };
    await fakeBrowser.storage.local.set({ packs: [unreadable] });
    await addPack(indexOf(HARBOUR, 'pack-harbour'));
    await setPackEnabled('pack-harbour', false);
    await renamePack('pack-harbour', 'Renamed');
    await removePack('pack-harbour');

    expect(await raw()).toEqual([unreadable]);
    const { packs, problems } = await loadStoredPacks();
    expect(packs).toEqual([]);
    expect(problems).toEqual([expect.stringMatching(/^pack "pack-future": .*; kept but not used$/)]);
  });

  it('keeps a stored value that is not a list when a pack is added', async () => {
    await fakeBrowser.storage.local.set({ packs: { weird: true } });
    expect((await loadStoredPacks()).problems).toEqual(['stored packs are not a list; none loaded']);
    await addPack(indexOf(HARBOUR, 'pack-harbour'));
    expect((await raw())[0]).toEqual({ weird: true });
    expect((await loadStoredPacks()).packs.map((p) => p.id)).toEqual(['pack-harbour']);
  });
});

describe('pack ids', () => {
  it('makes a slug from the title, unique and never the built-in id', () => {
    expect(packIdFor('Gdynia’s new Ferry Terminal!', new Set())).toBe('pack-gdynia-s-new-ferry-terminal');
    expect(packIdFor('Harbour', new Set(['pack-harbour', 'pack-harbour-2']))).toBe('pack-harbour-3');
    expect(packIdFor('!!!', new Set())).toBe('pack-article');
  });
});

describe('pack files', () => {
  it('round-trips a pack through its export file', async () => {
    const stored = await addPack(indexOf(HARBOUR, 'pack-harbour'));
    expect(parsePackFile(JSON.stringify(packFileOf(stored)))).toEqual(stored.index);
  });

  it('says what is wrong with a bad file', () => {
    expect(() => parsePackFile('{"format":')).toThrow(/not valid JSON/);
    expect(() => parsePackFile('{"format":"fact-cards-settings"}')).toThrow(/not a Fact Cards pack/);
    expect(() => parsePackFile('{"format":"fact-cards-pack","version":3}')).toThrow(/Unknown pack file version 3/);
    expect(() => parsePackFile('{"format":"fact-cards-pack","version":1,"pack":{"id":"x","index":{}}}')).toThrow(/pack inside the file is not valid/);
    expect(() => parsePackFile('x'.repeat(MAX_PACK_BYTES + 1))).toThrow(/larger than 2 MB/);
  });
});

describe('v1 → v2 migration', () => {
  const NOW = '2024-05-06T07:08:09.000Z';

  it('turns the v1 map into a list of enabled packs', () => {
    const harbour = indexOf(HARBOUR, 'pack-harbour');
    expect(migratePacksV1({ 'pack-harbour': harbour }, NOW)).toEqual([{ id: 'pack-harbour', enabled: true, addedAt: NOW, index: harbour }]);
    expect(migratePacksV1([1, 2])).toEqual([1, 2]); // not v1: left alone, reported on load
  });

  it('runs through packsItem.migrate() on a stored v1 value (meta key "packs$" = { v: 1 })', async () => {
    const harbour = indexOf(HARBOUR, 'pack-harbour');
    await fakeBrowser.storage.local.set({ packs: { 'pack-harbour': harbour }, packs$: { v: 1 } });
    await packsItem.migrate();
    const stored = await fakeBrowser.storage.local.get(['packs', 'packs$']);
    expect(stored.packs$).toEqual({ v: 2 });
    expect(stored.packs).toEqual([{ id: 'pack-harbour', enabled: true, addedAt: expect.any(String), index: harbour }]);
    const { packs, problems } = await loadStoredPacks();
    expect(problems).toEqual([]);
    expect(packs.map((p) => p.id)).toEqual(['pack-harbour']);
  });

  it('leaves a current v2 value alone', async () => {
    await addPack(indexOf(HARBOUR, 'pack-harbour'));
    await fakeBrowser.storage.local.set({ packs$: { v: 2 } });
    const before = await raw();
    await packsItem.migrate();
    expect(await raw()).toEqual(before);
  });
});
