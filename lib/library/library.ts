/**
 * The reader's article library, as the background runs it: the bundled
 * article and every saved one, merged into one entity per person, place,
 * organisation or term (merge.ts), compiled into one matcher, and asked for
 * cards, search results and articles. DOM-free: the background gives it an
 * ArticleStore (IndexedDB) and the fact builder; tests give it the same
 * store over an in-memory IndexedDB.
 *
 * Everything derived (the merge, the matcher, the search) is built on first
 * use after a change and kept until the next change, so a page's scan after
 * the background wakes pays for it once.
 */
import * as v from 'valibot';
import type { FactIndex } from '../fact-index/schema';
import { ArticleTextError, checkArticleText, MAX_ARTICLE_CHARS } from '../facts/input';
import { compileMatcher, type Matcher } from '../match';
import { createCardSearch, type CardSearch, type SearchCard } from '../search/card-search';
import { problemsOf } from '../schema/problems';
import { cardArticleOf, libraryCard, newestFirst } from './card';
import { type CardArticle, type CardData } from './card-data';
import { articleFileOf, libraryFileOf, readLibraryFile } from './library-file';
import { mergeLibrary, refKey, type ArticleToMerge, type LibraryEntity, type MergedLibrary } from './merge';
import { summaryOf, type ArticleStore, type ArticleSummary } from './store';
import {
  BUILTIN_ARTICLE_ID, entityIndex, expandEntity, isoDay, sameText, textKeyOf, toFactIndex, toStoredArticle,
  type ArticleMeta, type StoredArticle,
} from './stored-article';

/** What a reader (or the capture) hands the library to save. */
export const ArticleInputSchema = v.object({
  title: v.pipe(v.string(), v.trim(), v.maxLength(300, 'the title is longer than 300 characters')),
  // Checked by checkArticleText for a sentence a reader can act on; the cap
  // here only keeps a hostile message from costing memory first.
  text: v.pipe(v.string(), v.maxLength(MAX_ARTICLE_CHARS * 2)),
  url: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  pageUrl: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  source: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200))),
  byline: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(300))),
  published: v.optional(v.pipe(v.string(), v.maxLength(40))),
});
export type ArticleInput = v.InferOutput<typeof ArticleInputSchema>;

export type SaveReply = { ok: true; packId: string; title: string; entities: number } | { ok: false; error: string };

/** One line of the options page's article list. */
export interface ListedArticle extends CardArticle {
  enabled: boolean;
  builtin: boolean;
  entities: number;
  chars: number;
  /** Bytes as stored (the bundled article is not stored). */
  size: number;
  byline?: string;
}

export interface PreviewEntity {
  id: string;
  name: string;
  kind: FactIndex['entities'][number]['kind'];
  role?: string;
  facts: number;
}

export interface Preview {
  title: string;
  published?: string;
  source?: string;
  entities: PreviewEntity[];
  cards: CardData[];
  /** Set when the same text is already in the library. */
  alreadySaved?: { id: string; title: string; addedAt?: string };
}

export interface LibraryDeps {
  store: ArticleStore;
  /** The bundled article's index and what is known about it. */
  bundled: { index: FactIndex; meta: ArticleMeta };
  /** May resolve later: the background loads the builder on its first article. */
  build: (text: string, meta: ArticleMeta & { id: string }) => FactIndex | Promise<FactIndex>;
  now?: () => Date;
  /** After every change: the background tells open tabs to rescan. */
  onChange?: () => void;
}

/** Deleted articles stay restorable (Undo) this long, then go at the next start. */
export const TRASH_KEEP_MS = 10 * 60_000;
/** Stored articles kept in memory for cards: the newest few dozen cover a reading session. */
const ARTICLE_CACHE = 64;

const BUILTIN_ENABLED = 'builtinEnabled';

/** An address as two copies of one article share it: no fragment, no trailing slash. */
function addressKey(url: string): string | undefined {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href.replace(/\/$/, '');
  } catch {
    return undefined;
  }
}

export class LibraryError extends Error {
  override name = 'LibraryError';
}

function articleId(title: string, taken: (id: string) => boolean): string {
  const base = `a-${title.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'article'}`.replace(/-$/, '');
  let id = base;
  for (let n = 2; taken(id) || id === BUILTIN_ARTICLE_ID; n++) id = `${base}-${n}`;
  return id;
}

export function createLibrary(deps: LibraryDeps) {
  const now = () => (deps.now ? deps.now() : new Date());
  const bundled = toStoredArticle(deps.bundled.index, deps.bundled.meta, { id: BUILTIN_ARTICLE_ID, addedAt: '1970-01-01T00:00:00.000Z' });
  const bundledSummary = summaryOf(bundled);

  interface State {
    summaries: ArticleSummary[];
    problems: string[];
    builtinEnabled: boolean;
    merged?: MergedLibrary;
    matcher?: Matcher;
    search?: CardSearch;
  }
  let state: Promise<State> | undefined;
  const cache = new Map<string, StoredArticle>();

  async function load(): Promise<State> {
    const [{ summaries, problems }, builtin] = await Promise.all([deps.store.summaries(), deps.store.pref<boolean>(BUILTIN_ENABLED)]);
    return { summaries, problems, builtinEnabled: builtin !== false };
  }
  const current = () => (state ??= load());
  function changed() {
    state = undefined;
    deps.onChange?.();
  }

  /** Enabled, not deleted: what merging, matching, cards and search use. Bundled first, then oldest saved first. */
  function active(s: State): ArticleSummary[] {
    const saved = s.summaries.filter((a) => a.enabled && !a.trashedAt).sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id));
    return s.builtinEnabled ? [bundledSummary, ...saved] : saved;
  }

  async function merged(): Promise<MergedLibrary> {
    const s = await current();
    if (!s.merged) {
      const articles: ArticleToMerge[] = active(s).map((a) => ({ id: a.id, entities: a.entities }));
      s.merged = mergeLibrary(articles);
    }
    return s.merged;
  }

  async function matcher(): Promise<Matcher> {
    const s = await current();
    if (!s.matcher) {
      const m = await merged();
      const relatedIn = new Map<string, readonly string[]>();
      for (const a of active(s)) for (const e of a.entities) if (e.related) relatedIn.set(`${a.id}/${e.id}`, e.related.map((r) => `${a.id}/${r}`));
      // A term's related entities, library-wide: what any article relates it to.
      const relatedOf = (e: LibraryEntity) => {
        const ids = new Set<string>();
        for (const ref of e.refs) for (const key of relatedIn.get(refKey(ref)) ?? []) {
          const id = m.idOf.get(key);
          if (id && id !== e.id) ids.add(id);
        }
        return [...ids].map((entity) => ({ entity }));
      };
      s.matcher = compileMatcher(
        m.entities.map((e) => ({ id: e.id, name: e.name, kind: e.kind, aliases: e.aliases, ...(e.kind === 'term' ? { related: relatedOf(e) } : {}) })),
      );
    }
    return s.matcher;
  }

  async function articles(ids: readonly string[]): Promise<Map<string, StoredArticle>> {
    const out = new Map<string, StoredArticle>();
    const missing: string[] = [];
    for (const id of ids) {
      if (id === BUILTIN_ARTICLE_ID) out.set(id, bundled);
      else if (cache.has(id)) {
        const a = cache.get(id)!;
        cache.delete(id);
        cache.set(id, a); // most recently used last
        out.set(id, a);
      } else missing.push(id);
    }
    if (missing.length) {
      for (const a of await deps.store.articles(missing)) {
        out.set(a.id, a);
        cache.set(a.id, a);
      }
      while (cache.size > ARTICLE_CACHE) cache.delete(cache.keys().next().value!);
    }
    return out;
  }

  async function card(id: string): Promise<CardData | undefined> {
    const m = await merged();
    const entity = m.byId.get(id);
    if (!entity) return undefined;
    const found = await articles([...new Set(entity.refs.map((r) => r.article))]);
    return libraryCard(entity, m, (aid) => found.get(aid));
  }

  async function searchIndex(): Promise<CardSearch> {
    const s = await current();
    if (!s.search) {
      const m = await merged();
      const all = await articles(active(s).map((a) => a.id));
      const cards: SearchCard[] = m.entities.map((e) => {
        const facts: SearchCard['facts'][number][] = [];
        const roles: { text: string; article: StoredArticle }[] = [];
        const aliases = new Set<string>();
        for (const ref of e.refs) {
          const article = all.get(ref.article);
          const at = article ? entityIndex(article, ref.entity) : -1;
          if (!article || at < 0) continue;
          const full = expandEntity(article, at);
          for (const a of full.aliases) aliases.add(a.text);
          if (full.role) roles.push({ text: full.role.text, article });
          for (const f of full.facts) facts.push({ text: f.text, sentence: f.sentence, article: article.id });
        }
        roles.sort((a, b) => newestFirst(a.article, b.article));
        return { id: e.id, name: e.name, kind: e.kind, role: roles[0]?.text, aliases: [...aliases], roles: [...new Set(roles.map((r) => r.text))], facts };
      });
      s.search = createCardSearch(cards);
    }
    return s.search;
  }

  function listed(summary: ArticleSummary, enabled: boolean, builtin: boolean): ListedArticle {
    return {
      id: summary.id,
      title: summary.title,
      ...(summary.source ? { source: summary.source } : {}),
      ...(summary.url ? { url: summary.url } : {}),
      ...(summary.byline ? { byline: summary.byline } : {}),
      ...(summary.published ? { published: summary.published } : {}),
      ...(builtin ? {} : { addedAt: summary.addedAt }),
      enabled,
      builtin,
      entities: summary.entities.length,
      chars: summary.chars,
      size: builtin ? 0 : summary.size,
    };
  }

  /** Same text already saved (or bundled)? */
  async function duplicateOf(text: string): Promise<{ id: string; title: string; addedAt?: string } | undefined> {
    if (sameText(text, bundled.text)) return { id: bundled.id, title: bundled.title };
    const s = await current();
    const key = textKeyOf(text);
    const candidates = s.summaries.filter((a) => a.textKey === key);
    if (!candidates.length) return undefined;
    for (const a of await deps.store.withTextKey(key)) {
      if (sameText(a.text, text)) {
        const summary = s.summaries.find((x) => x.id === a.id);
        return { id: a.id, title: a.title, addedAt: summary?.trashedAt ? undefined : a.addedAt };
      }
    }
    return undefined;
  }

  /** Validates the input and builds its index; throws LibraryError with the reader's sentence. */
  async function buildFrom(input: unknown, id: string): Promise<{ index: FactIndex; meta: ArticleMeta }> {
    const parsed = v.safeParse(ArticleInputSchema, input);
    if (!parsed.success) throw new LibraryError(`This article can't be saved: ${problemsOf(parsed.issues)[0]}.`);
    const a = parsed.output;
    try {
      checkArticleText(a.text);
    } catch (e) {
      throw new LibraryError((e as Error).message);
    }
    const meta: ArticleMeta = {
      title: a.title || a.text.trim().split('\n')[0].slice(0, 120).trim() || 'Untitled article',
      ...(a.source ? { source: a.source } : {}),
      ...(a.url ? { url: a.url } : {}),
      ...(a.pageUrl && a.pageUrl !== a.url ? { pageUrl: a.pageUrl } : {}),
      ...(a.byline ? { byline: a.byline } : {}),
      ...(isoDay(a.published) ? { published: isoDay(a.published) } : {}),
    };
    try {
      return { index: await deps.build(a.text, { ...meta, id }), meta };
    } catch (e) {
      if (e instanceof ArticleTextError) throw new LibraryError(e.message);
      throw new LibraryError(`The article could not be read into facts (${(e as Error).message}).`);
    }
  }

  function alreadyMessage(d: { title: string; addedAt?: string }): string {
    return `This article is already in your library (“${d.title}”${d.addedAt ? `, saved ${d.addedAt.slice(0, 10)}` : ''}).`;
  }

  async function saveStored(article: StoredArticle): Promise<void> {
    await deps.store.put(article, summaryOf(article));
    cache.set(article.id, article);
  }

  /** The save in progress; the next waits for it. */
  let saving: Promise<void> = Promise.resolve();

  async function saveNow(input: unknown): Promise<SaveReply> {
    try {
      const s = await current();
      const text = (input as { text?: unknown } | null)?.text;
      if (typeof text === 'string') {
        const already = await duplicateOf(text);
        if (already) return { ok: false, error: alreadyMessage(already) };
      }
      const taken = new Set(s.summaries.map((a) => a.id));
      const title = (input as { title?: unknown } | null)?.title;
      const id = articleId(typeof title === 'string' && title.trim() ? title : 'article', (x) => taken.has(x));
      const { index, meta } = await buildFrom(input, id);
      const article = toStoredArticle(index, meta, { id, addedAt: now().toISOString() });
      await saveStored(article);
      changed();
      return { ok: true, packId: id, title: meta.title, entities: article.entities.length };
    } catch (e) {
      return { ok: false, error: (e as Error).message };
    }
  }

  const library = {
    bundled,

    async list(): Promise<{ articles: ListedArticle[]; problems: string[] }> {
      const s = await current();
      const saved = s.summaries.filter((a) => !a.trashedAt).sort((a, b) => newestFirst(a, b));
      return { articles: [listed(bundledSummary, s.builtinEnabled, true), ...saved.map((a) => listed(a, a.enabled, false))], problems: s.problems };
    },

    async preview(input: unknown): Promise<{ ok: true; preview: Preview } | { ok: false; error: string }> {
      try {
        const { index, meta } = await buildFrom(input, 'preview');
        const stored = toStoredArticle(index, meta, { id: 'preview', addedAt: now().toISOString() });
        const single = mergeLibrary([{ id: stored.id, entities: summaryOf(stored).entities }]);
        const already = await duplicateOf(index.article.text);
        return {
          ok: true,
          preview: {
            title: meta.title,
            ...(meta.published ? { published: meta.published } : {}),
            ...(meta.source ? { source: meta.source } : {}),
            entities: index.entities.map((e) => ({ id: e.id, name: e.name, kind: e.kind, ...(e.role ? { role: e.role.text } : {}), facts: e.facts.length })),
            cards: single.entities.map((e) => libraryCard(e, single, () => stored)),
            ...(already ? { alreadySaved: already } : {}),
          },
        };
      } catch (e) {
        return { ok: false, error: (e as Error).message };
      }
    },

    save(input: unknown): Promise<SaveReply> {
      // One save at a time: each picks its id, and looks for the same text,
      // among what the saves before it stored (a build can take seconds).
      const run = saving.then(() => saveNow(input));
      saving = run.then(
        () => {},
        () => {},
      );
      return run;
    },

    async setEnabled(id: string, enabled: boolean): Promise<void> {
      if (id === BUILTIN_ARTICLE_ID) await deps.store.setPref(BUILTIN_ENABLED, enabled);
      else await deps.store.update(id, { enabled });
      changed();
    },

    async rename(id: string, title: string): Promise<void> {
      const clean = title.trim().slice(0, 300);
      if (!clean) throw new LibraryError('An article needs a title.');
      if (id === BUILTIN_ARTICLE_ID) throw new LibraryError('The bundled article keeps its title.');
      await deps.store.update(id, { title: clean });
      cache.delete(id);
      changed();
    },

    /** Moves an article to the trash, from where `restore` brings it back (Undo). */
    async remove(id: string): Promise<void> {
      if (id === BUILTIN_ARTICLE_ID) throw new LibraryError('The bundled article can be switched off, not deleted.');
      await deps.store.update(id, { trashedAt: now().toISOString() });
      changed();
    },

    async restore(id: string): Promise<boolean> {
      const s = await current();
      if (!s.summaries.some((a) => a.id === id && a.trashedAt)) return false;
      await deps.store.update(id, { trashedAt: undefined });
      changed();
      return true;
    },

    /** Deletes for good what was trashed more than TRASH_KEEP_MS ago. */
    async purgeTrash(): Promise<number> {
      const s = await current();
      const cutoff = now().getTime() - TRASH_KEEP_MS;
      const old = s.summaries.filter((a) => a.trashedAt && Date.parse(a.trashedAt) < cutoff);
      for (const a of old) await deps.store.remove(a.id);
      if (old.length) changed();
      return old.length;
    },

    merged,
    matcher,
    card,

    /** The saved article at `url` (its own or the tab's it was saved from, without #fragment), if any. */
    async savedAt(url: string): Promise<{ id: string; title: string; addedAt?: string; published?: string; entities: number } | undefined> {
      const key = addressKey(url);
      if (!key) return undefined;
      const s = await current();
      const at = (u: string | undefined) => !!u && addressKey(u) === key;
      const found = s.summaries.find((a) => !a.trashedAt && (at(a.url) || at(a.pageUrl)));
      return found && { id: found.id, title: found.title, addedAt: found.addedAt, ...(found.published ? { published: found.published } : {}), entities: found.entities.length };
    },

    async search(query: string, limit?: number) {
      return (await searchIndex()).search(query, limit);
    },

    async article(id: string): Promise<{ article: CardArticle & { byline?: string }; index: FactIndex } | undefined> {
      const a = (await articles([id])).get(id);
      if (!a) return undefined;
      return { article: { ...cardArticleOf(a), ...(a.byline ? { byline: a.byline } : {}) }, index: toFactIndex(a) };
    },

    /** The whole library (saved articles; the bundled one ships with the extension) as one file. */
    async exportAll(): Promise<string> {
      const s = await current();
      const ids = s.summaries.filter((a) => !a.trashedAt).map((a) => a.id);
      const found = await deps.store.articles(ids);
      found.sort((a, b) => a.addedAt.localeCompare(b.addedAt));
      return JSON.stringify(libraryFileOf(found, now().toISOString()));
    },

    async exportOne(id: string): Promise<string | undefined> {
      const a = id === BUILTIN_ARTICLE_ID ? bundled : await deps.store.article(id);
      return a ? JSON.stringify(articleFileOf(a)) : undefined;
    },

    /**
     * Imports a library or article file (or an old pack file). All or
     * nothing when the file is bad; articles already in the library are
     * skipped and counted.
     */
    async import(text: string): Promise<{ ok: true; added: number; skipped: number } | { ok: false; problems: string[] }> {
      const read = readLibraryFile(text);
      if (!read.ok) return read;
      const s = await current();
      const taken = new Set(s.summaries.map((a) => a.id));
      let added = 0;
      let skipped = 0;
      const incoming: StoredArticle[] = [...read.articles];
      for (const index of read.packs) {
        const meta: ArticleMeta = { title: index.article.title || 'Imported article', ...(index.article.source ? { source: index.article.source } : {}), ...(isoDay(index.article.date) ? { published: isoDay(index.article.date) } : {}) };
        incoming.push(toStoredArticle(index, meta, { id: index.article.id, addedAt: now().toISOString() }));
      }
      const seen = new Set<string>();
      const toSave: StoredArticle[] = [];
      for (const a of incoming) {
        if ((await duplicateOf(a.text)) || seen.has(a.textKey + a.text.length)) {
          skipped++;
          continue;
        }
        seen.add(a.textKey + a.text.length);
        const id = taken.has(a.id) || a.id === BUILTIN_ARTICLE_ID ? articleId(a.title, (x) => taken.has(x)) : a.id;
        taken.add(id);
        toSave.push({ ...a, id });
      }
      try {
        for (const a of toSave) {
          await saveStored(a);
          added++;
        }
      } finally {
        if (added) changed();
      }
      return { ok: true, added, skipped };
    },

    /**
     * Moves packs stored by earlier versions (storage.local, a list of
     * `{ id, enabled, addedAt, index }`) into the library. Returns the
     * entries that could not be moved, to be kept where they were.
     */
    async migratePacks(entries: readonly unknown[]): Promise<{ moved: number; kept: unknown[] }> {
      const kept: unknown[] = [];
      let moved = 0;
      const s = await current();
      const taken = new Set(s.summaries.map((a) => a.id));
      for (const entry of entries) {
        const e = entry as { id?: unknown; enabled?: unknown; addedAt?: unknown; index?: FactIndex } | null;
        try {
          if (!e || typeof e !== 'object' || !e.index) throw new LibraryError('not a pack');
          const index = e.index;
          if (await duplicateOf(index.article.text)) {
            moved++;
            continue;
          }
          const wanted = typeof e.id === 'string' && /^[a-z0-9][a-z0-9-]{0,79}$/.test(e.id) ? e.id : articleId(index.article.title, () => false);
          const id = taken.has(wanted) ? articleId(index.article.title, (x) => taken.has(x)) : wanted;
          const addedAt = typeof e.addedAt === 'string' && !Number.isNaN(Date.parse(e.addedAt)) ? new Date(e.addedAt).toISOString() : now().toISOString();
          const meta: ArticleMeta = {
            title: index.article.title || 'Untitled article',
            ...(index.article.source ? { source: index.article.source } : {}),
            ...(isoDay(index.article.date) ? { published: isoDay(index.article.date) } : {}),
          };
          const article = toStoredArticle(index, meta, { id, addedAt, enabled: e.enabled !== false });
          await saveStored(article);
          taken.add(id);
          moved++;
        } catch (error) {
          if ((error as Error).name === 'LibraryStorageError') throw error;
          kept.push(entry);
        }
      }
      if (moved) changed();
      return { moved, kept };
    },
  };
  return library;
}

export type Library = ReturnType<typeof createLibrary>;
