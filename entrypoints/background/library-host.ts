/**
 * The one library of the extension, opened on first use in the background:
 * the IndexedDB store, the fact builder with the bundled curated spellings,
 * and the bundled article. On opening, packs saved by versions before the
 * library (storage.local, key `packs`) move into it, and deleted articles
 * past their Undo window are purged.
 */
import { browser } from 'wxt/browser';
import bundledIndex from '@/data/facts.json';
import type { FactIndex } from '@/lib/fact-index/schema';
import { curatedAliases } from '@/lib/library/curated-aliases';
import { createLibrary, type Library } from '@/lib/library/library';
import { libraryVersionItem } from '@/lib/library/library-version';
import { openArticleStore } from '@/lib/library/store';

const LEGACY_PACKS_KEY = 'packs';
/** WXT keeps an item's schema version under its key plus `$`. */
const LEGACY_PACKS_META_KEY = 'packs$';

/**
 * The fact builder, loaded when the first article is read. Its language
 * model (compromise) sets itself up when loaded, and the service worker
 * starts again after every 30 s idle: loaded at start, it made the first
 * answer after each restart take 230 ms instead of 95 ms. The bundle keeps
 * it inline, evaluated on first use.
 */
const loadBuilder = () => import('@/lib/facts/build');

let opened: Promise<Library> | undefined;
/** What could not be moved from the old pack store, for the options page. */
let legacyProblems: string[] = [];
export const legacyPackProblems = () => legacyProblems;

export function library(): Promise<Library> {
  return (opened ??= open().catch((error) => {
    opened = undefined; // try again on the next request
    throw error;
  }));
}

async function open(): Promise<Library> {
  const index = bundledIndex as FactIndex;
  const lib = createLibrary({
    store: await openArticleStore(),
    bundled: {
      index,
      meta: { title: index.article.title, ...(index.article.source ? { source: index.article.source } : {}), ...(index.article.date ? { published: index.article.date } : {}) },
    },
    build: async (text, meta) => {
      const { buildFactIndex } = await loadBuilder();
      return buildFactIndex(text, { id: meta.id, title: meta.title, source: meta.source, date: meta.published, curatedAliases: curatedAliases() });
    },
    onChange: () => void libraryVersionItem.setValue(Date.now()),
  });
  await moveLegacyPacks(lib);
  await lib.purgeTrash();
  return lib;
}

/**
 * Version 1 of the pack store kept a map `{ [id]: FactIndex }`, version 2 a
 * list of `{ id, enabled, addedAt, index }`. Entries that can't be moved stay
 * under the old key, never erased.
 */
async function moveLegacyPacks(lib: Library): Promise<void> {
  const raw = (await browser.storage.local.get(LEGACY_PACKS_KEY))[LEGACY_PACKS_KEY];
  if (raw === undefined) return;
  const entries: unknown[] = Array.isArray(raw)
    ? raw
    : raw && typeof raw === 'object'
      ? Object.entries(raw as Record<string, unknown>).map(([id, index]) => ({ id, enabled: true, index }))
      : [raw];
  const { kept } = await lib.migratePacks(entries);
  legacyProblems = kept.length
    ? [`${kept.length} fact pack${kept.length === 1 ? '' : 's'} saved by an earlier version could not be read; ${kept.length === 1 ? 'it is' : 'they are'} kept in the extension's storage, not used.`]
    : [];
  if (kept.length) await browser.storage.local.set({ [LEGACY_PACKS_KEY]: kept, [LEGACY_PACKS_META_KEY]: { v: 2 } });
  else await browser.storage.local.remove([LEGACY_PACKS_KEY, LEGACY_PACKS_META_KEY]);
}
