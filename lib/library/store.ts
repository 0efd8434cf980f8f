/**
 * The article library's database: IndexedDB in the extension's origin,
 * through `idb` (a ~1.2 KB promise wrapper; the library needs three object
 * stores and get/put/delete in transactions, none of Dexie's query
 * language or live queries). Only the background opens it.
 *
 * - `articles`: one StoredArticle per saved article (text once, offsets for
 *   the rest), read when a card or the viewer needs it;
 * - `summaries`: per article, what the list, merging and the matcher need
 *   (metadata and the entities' names, kinds and aliases, no text), so a
 *   waking background reads a few KB per article instead of its text;
 * - `prefs`: small flags (the bundled article on or off).
 *
 * An article and its summary are written in one transaction: both or
 * neither. A full disk or quota surfaces as a LibraryStorageError with a
 * sentence for the reader; nothing already stored is touched.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import * as v from 'valibot';
import { AliasSchema, ENTITY_KINDS } from '../fact-index/schema';
import { problemsOf } from '../schema/problems';
import { ArticleMetaSchema, entityAliases, entityHead, relatedOf, storedArticleProblems, storedSize, type StoredArticle } from './stored-article';

const MAX_TERM_RELATED = 8;

export const SummarySchema = v.object({
  id: v.string(),
  ...ArticleMetaSchema.entries,
  addedAt: v.string(),
  enabled: v.boolean(),
  /** Set while a deleted article can still be restored (Undo). */
  trashedAt: v.optional(v.string()),
  textKey: v.string(),
  /** Characters of text, and of the stored record. */
  chars: v.number(),
  size: v.number(),
  entities: v.array(
    v.object({
      id: v.string(),
      name: v.string(),
      kind: v.picklist(ENTITY_KINDS),
      aliases: v.array(AliasSchema),
      /** A term's most related entities (this article's ids): the gate's evidence for its lower-case form. */
      related: v.optional(v.array(v.string())),
    }),
  ),
});
export type ArticleSummary = v.InferOutput<typeof SummarySchema>;

interface LibrarySchema extends DBSchema {
  articles: { key: string; value: StoredArticle; indexes: { textKey: string } };
  summaries: { key: string; value: ArticleSummary };
  prefs: { key: string; value: unknown };
}

export class LibraryStorageError extends Error {
  override name = 'LibraryStorageError';
}

/** The reader's sentence for a failed write, and whether it is the disk or quota. */
export function storageErrorMessage(error: unknown): string {
  const name = (error as { name?: string } | null)?.name ?? '';
  if (name === 'QuotaExceededError' || /quota|space|disk/i.test(String((error as Error)?.message ?? ''))) {
    return 'There is no room left to store this in your browser (its storage quota is full). Nothing was changed: delete some articles or free disk space, then try again.';
  }
  return `The library could not be written (${name || 'storage error'}). Nothing was changed; try again.`;
}

export function summaryOf(article: StoredArticle): ArticleSummary {
  return {
    id: article.id,
    title: article.title,
    ...(article.source ? { source: article.source } : {}),
    ...(article.url ? { url: article.url } : {}),
    ...(article.pageUrl ? { pageUrl: article.pageUrl } : {}),
    ...(article.byline ? { byline: article.byline } : {}),
    ...(article.published ? { published: article.published } : {}),
    addedAt: article.addedAt,
    enabled: article.enabled,
    textKey: article.textKey,
    chars: article.text.length,
    size: storedSize(article),
    entities: article.entities.map((_, i) => {
      const head = entityHead(article, i);
      // Only terms ("Article 5") are matched in lower case, and only where the page names what they relate to.
      const related = head.kind === 'term' ? relatedOf(article, i).slice(0, MAX_TERM_RELATED).map((r) => r.entity) : [];
      return { ...head, aliases: entityAliases(article, i), ...(related.length ? { related } : {}) };
    }),
  };
}

export interface ArticleStore {
  /** Every summary; `problems` names records that could not be read (kept, not used). */
  summaries(): Promise<{ summaries: ArticleSummary[]; problems: string[] }>;
  article(id: string): Promise<StoredArticle | undefined>;
  articles(ids: readonly string[]): Promise<StoredArticle[]>;
  withTextKey(key: string): Promise<StoredArticle[]>;
  /** Writes the article and its summary together. */
  put(article: StoredArticle, summary: ArticleSummary): Promise<void>;
  /** Changes a summary (and the article's copy of the same fields) together. */
  update(id: string, change: Partial<Pick<ArticleSummary, 'enabled' | 'title' | 'trashedAt'>>): Promise<void>;
  remove(id: string): Promise<void>;
  pref<T>(key: string): Promise<T | undefined>;
  setPref(key: string, value: unknown): Promise<void>;
  close(): void;
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof LibraryStorageError) throw error;
    throw new LibraryStorageError(storageErrorMessage(error));
  }
}

export async function openArticleStore(name = 'fact-cards-library'): Promise<ArticleStore> {
  const db: IDBPDatabase<LibrarySchema> = await openDB<LibrarySchema>(name, 1, {
    upgrade(database) {
      const articles = database.createObjectStore('articles', { keyPath: 'id' });
      articles.createIndex('textKey', 'textKey');
      database.createObjectStore('summaries', { keyPath: 'id' });
      database.createObjectStore('prefs');
    },
  });
  const readArticle = (value: StoredArticle | undefined) => (value && storedArticleProblems(value).length === 0 ? value : undefined);

  return {
    async summaries() {
      const raw = await db.getAll('summaries');
      const summaries: ArticleSummary[] = [];
      const problems: string[] = [];
      for (const value of raw) {
        const parsed = v.safeParse(SummarySchema, value);
        if (parsed.success) summaries.push(parsed.output);
        else problems.push(`article “${String((value as { title?: unknown }).title ?? (value as { id?: unknown }).id)}” could not be read (${problemsOf(parsed.issues)[0]}); it is kept but not used`);
      }
      return { summaries, problems };
    },
    article: async (id) => readArticle(await db.get('articles', id)),
    async articles(ids) {
      const tx = db.transaction('articles');
      const found = await Promise.all(ids.map((id) => tx.store.get(id)));
      await tx.done;
      return found.map(readArticle).filter((a): a is StoredArticle => a !== undefined);
    },
    withTextKey: async (key) => (await db.getAllFromIndex('articles', 'textKey', key)).map(readArticle).filter((a): a is StoredArticle => !!a),
    put: (article, summary) =>
      guarded(async () => {
        const tx = db.transaction(['articles', 'summaries'], 'readwrite');
        await Promise.all([tx.objectStore('articles').put(article), tx.objectStore('summaries').put(summary), tx.done]);
      }),
    update: (id, change) =>
      guarded(async () => {
        const tx = db.transaction(['articles', 'summaries'], 'readwrite');
        const summaries = tx.objectStore('summaries');
        const articles = tx.objectStore('articles');
        const [summary, article] = await Promise.all([summaries.get(id), articles.get(id)]);
        if (summary) {
          const next = { ...summary, ...change };
          if (change.trashedAt === undefined && 'trashedAt' in change) delete next.trashedAt;
          await summaries.put(next);
        }
        if (article && (change.enabled !== undefined || change.title !== undefined)) {
          await articles.put({ ...article, ...(change.enabled !== undefined ? { enabled: change.enabled } : {}), ...(change.title !== undefined ? { title: change.title } : {}) });
        }
        await tx.done;
      }),
    remove: (id) =>
      guarded(async () => {
        const tx = db.transaction(['articles', 'summaries'], 'readwrite');
        await Promise.all([tx.objectStore('articles').delete(id), tx.objectStore('summaries').delete(id), tx.done]);
      }),
    pref: async <T,>(key: string) => (await db.get('prefs', key)) as T | undefined,
    setPref: (key, value) => guarded(async () => void (await db.put('prefs', value, key))),
    close: () => db.close(),
  };
}
