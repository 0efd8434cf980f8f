/**
 * Every message between the extension's contexts, and its reply, as one
 * schema each. Receivers parse requests with `parseRequest` (a message that
 * does not fit is dropped, never trusted); senders go through the typed
 * helpers in send.ts, which check the reply against its schema too.
 *
 * Who may send what is part of the protocol: `from` says whether a request
 * is for the content script of a page, for extension pages only (the
 * library's writes, search, capture), or for both. The background checks
 * it against the sender (no page can reach `runtime.onMessage` without
 * `externally_connectable`, but a compromised content process could, so
 * the library is not writable from content scripts).
 */
import * as v from 'valibot';
import { ENTITY_KINDS } from '../fact-index/schema';
import { CardArticleSchema, CardDataSchema } from '../library/card-data';
import { SearchResultSchema, type SearchResult } from '../search/search-result';

const int = v.pipe(v.number(), v.integer(), v.minValue(0));
const short = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const id = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,79}$/));
const kind = v.picklist(ENTITY_KINDS);
const fuzzy = v.picklist(['off', 'normal', 'loose']);
const ok = v.object({ ok: v.literal(true) });
const failure = v.object({ ok: v.literal(false), error: v.string() });
const done = v.union([ok, failure]);
/**
 * A long list of finite numbers, checked in one loop: a page's scan reply
 * holds tens of thousands, and a schema check per item took 20–40 ms of the
 * page's main thread per reply (CPU profile of the dense bench page).
 */
const numbers = v.custom<number[]>((x) => Array.isArray(x) && x.every(Number.isFinite), 'a list of numbers');

/** Most text one scan request carries (a 5 MB page is scanned in several). */
export const MAX_SCAN_CHARS = 4_000_000;
/** Longest library or article file accepted through a message. */
export const MAX_FILE_CHARS = 100_000_000;

const ScanReplySchema = v.object({
  entities: v.array(
    v.union([
      v.tuple([short, v.pipe(v.string(), v.maxLength(200)), v.pipe(int, v.maxValue(ENTITY_KINDS.length - 1)), v.pipe(v.array(short), v.maxLength(50))]),
      v.tuple([short, v.pipe(v.string(), v.maxLength(200)), v.pipe(int, v.maxValue(ENTITY_KINDS.length - 1))]),
    ]),
  ),
  /** Runs per text with candidates (lib/match/candidate-wire.ts); one flat list. */
  candidates: numbers,
  /**
   * Ids of `entities` the bundled article names too. The others are known
   * only from the reader's saved articles: private from pages when the
   * reader keeps the library private. Absent: none is bundled.
   */
  bundled: v.optional(v.array(short)),
});

export const PageEntitySchema = v.object({ entity: short, name: v.pipe(v.string(), v.maxLength(200)), kind, count: v.pipe(int, v.minValue(1)) });
export type PageEntitySummary = v.InferOutput<typeof PageEntitySchema>;

export const PageMentionsReplySchema = v.object({
  url: v.string(),
  scanning: v.boolean(),
  /** False when the extension is off, or paused on this site. */
  active: v.optional(v.boolean(), true),
  entities: v.array(PageEntitySchema),
  /** Every mention in document order (entity id and matched text). */
  mentions: v.array(v.object({ entity: short, text: v.string() })),
});
export type PageMentionsReply = v.InferOutput<typeof PageMentionsReplySchema>;

export const ListedArticleSchema = v.object({
  ...CardArticleSchema.entries,
  byline: v.optional(v.string()),
  enabled: v.boolean(),
  builtin: v.boolean(),
  entities: int,
  chars: int,
  size: int,
});
export type ListedArticle = v.InferOutput<typeof ListedArticleSchema>;

const PreviewSchema = v.object({
  title: v.string(),
  published: v.optional(v.string()),
  source: v.optional(v.string()),
  entities: v.array(v.object({ id: short, name: v.string(), kind, role: v.optional(v.string()), facts: int })),
  cards: v.array(CardDataSchema),
  alreadySaved: v.optional(v.object({ id: v.string(), title: v.string(), addedAt: v.optional(v.string()) })),
});
export type ArticlePreview = v.InferOutput<typeof PreviewSchema>;

/** What a reader or the capture hands the library (checked in full by the library). */
const ArticleDraft = v.object({
  title: v.string(),
  text: v.string(),
  url: v.optional(v.string()),
  pageUrl: v.optional(v.string()),
  source: v.optional(v.string()),
  byline: v.optional(v.string()),
  published: v.optional(v.string()),
});

type Sender = 'content' | 'extension-page' | 'any';

const message = <T extends string, E extends v.ObjectEntries, R extends v.GenericSchema>(type: T, entries: E, reply: R, from: Sender) => ({
  request: v.object({ type: v.literal(type), ...entries }),
  reply,
  from,
});

/** Requests handled by the background. */
export const BACKGROUND = {
  ping: message('ping', {}, v.object({ ok: v.literal(true), version: v.string() }), 'any'),
  /** Content script: the page's distinct entity count changed (the badge). */
  'mentions-changed': message('mentions-changed', { count: v.pipe(int, v.maxValue(1e6)) }, v.undefined(), 'content'),
  /** Card: open the article viewer at a sentence. */
  'open-source': message('open-source', { article: id, sentence: v.pipe(v.string(), v.regex(/^s\d{1,6}$/)) }, v.boolean(), 'any'),
  /** Content script: candidates in these texts (offsets relative to each text). */
  scan: message(
    'scan',
    {
      texts: v.pipe(v.array(v.string()), v.maxLength(100_000), v.check((t) => t.reduce((n, s) => n + s.length, 0) <= MAX_SCAN_CHARS, 'too much text for one scan')),
      fuzzy,
      kinds: v.optional(v.array(kind)),
    },
    ScanReplySchema,
    'any',
  ),
  /** The card for a library entity (undefined when the library has no such entity any more). */
  card: message('card', { entity: short }, v.optional(CardDataSchema), 'any'),
  /** The entity a selection names, exactly or fuzzily, ignoring the page's evidence. */
  'entity-for-text': message('entity-for-text', { text: short }, v.nullable(v.object({ id: short, name: v.string() })), 'any'),
  search: message('search', { query: v.pipe(v.string(), v.maxLength(200)), limit: v.optional(v.pipe(int, v.maxValue(200))) }, v.array(SearchResultSchema), 'extension-page'),
  'library-list': message('library-list', {}, v.object({ articles: v.array(ListedArticleSchema), problems: v.array(v.string()) }), 'extension-page'),
  'save-article': message('save-article', { article: ArticleDraft }, v.union([v.object({ ok: v.literal(true), packId: v.string(), title: v.string(), entities: int }), failure]), 'extension-page'),
  'preview-article': message('preview-article', { article: ArticleDraft }, v.union([v.object({ ok: v.literal(true), preview: PreviewSchema }), failure]), 'extension-page'),
  'set-article-enabled': message('set-article-enabled', { id, enabled: v.boolean() }, done, 'extension-page'),
  'rename-article': message('rename-article', { id, title: v.pipe(v.string(), v.maxLength(300)) }, done, 'extension-page'),
  'delete-article': message('delete-article', { id }, done, 'extension-page'),
  'restore-article': message('restore-article', { id }, done, 'extension-page'),
  'export-library': message('export-library', {}, v.union([v.object({ ok: v.literal(true), text: v.string() }), failure]), 'extension-page'),
  'export-article': message('export-article', { id }, v.union([v.object({ ok: v.literal(true), text: v.string() }), failure]), 'extension-page'),
  'import-library': message(
    'import-library',
    { text: v.pipe(v.string(), v.maxLength(MAX_FILE_CHARS)) },
    v.union([v.object({ ok: v.literal(true), added: int, skipped: int }), v.object({ ok: v.literal(false), problems: v.array(v.string()) })]),
    'extension-page',
  ),
  /**
   * Reads the article of a tab (the extractor, injected on request) and
   * saves it (`save`, the default: the context menu) or previews it (the
   * popup, which then saves the draft through save-article).
   */
  'capture-tab': message(
    'capture-tab',
    { tabId: int, save: v.optional(v.boolean(), true) },
    v.union([
      v.object({ ok: v.literal(true), packId: v.string(), title: v.string(), published: v.optional(v.string()), entities: int }),
      v.object({ ok: v.literal(true), preview: PreviewSchema, article: ArticleDraft }),
      failure,
    ]),
    'extension-page',
  ),
  /** The saved article at this address, if any (the popup's "Saved 18 Aug 2025 · 23 names"). */
  'saved-for-url': message(
    'saved-for-url',
    { url: v.pipe(v.string(), v.maxLength(2000)) },
    v.nullable(v.object({ id: v.string(), title: v.string(), addedAt: v.optional(v.string()), published: v.optional(v.string()), entities: int })),
    'extension-page',
  ),
  /** The article viewer: one article, its blocks and sentences. */
  'get-article': message(
    'get-article',
    { id },
    v.optional(v.object({
      article: v.object({ ...CardArticleSchema.entries, byline: v.optional(v.string()) }),
      text: v.string(),
      blocks: v.array(v.object({ id: v.string(), type: v.string(), start: int, end: int })),
      sentences: v.array(v.object({ id: v.string(), block: v.string(), start: int, end: int })),
    })),
    'extension-page',
  ),
} as const;

/** Requests handled by a page's content script. */
export const CONTENT = {
  'page-mentions': message('page-mentions', {}, PageMentionsReplySchema, 'any'),
  /** Open the card for the selection, or else the next mention in view (keyboard command). */
  'open-card': message('open-card', {}, v.boolean(), 'any'),
  /** Open the card for this text (context menu on a selection). */
  'open-card-for-text': message('open-card-for-text', { text: short }, v.boolean(), 'any'),
  /** Scroll to mention `index` (wrapping) of an entity and flash it. */
  'reveal-mention': message('reveal-mention', { entity: short, index: int }, v.boolean(), 'any'),
  /** A short notice on the page (the context menu's "Saved …"), read out politely. */
  'show-notice': message('show-notice', { text: v.pipe(v.string(), v.minLength(1), v.maxLength(300)) }, v.boolean(), 'any'),
} as const;

type Table = Record<string, { request: v.GenericSchema; reply: v.GenericSchema; from: Sender }>;
export type BackgroundRequest = { [K in keyof typeof BACKGROUND]: v.InferOutput<(typeof BACKGROUND)[K]['request']> }[keyof typeof BACKGROUND];
export type ContentRequest = { [K in keyof typeof CONTENT]: v.InferOutput<(typeof CONTENT)[K]['request']> }[keyof typeof CONTENT];
export type ReplyOf<T extends Table, K extends keyof T> = v.InferOutput<T[K]['reply']>;
export type BackgroundReply<K extends keyof typeof BACKGROUND> = ReplyOf<typeof BACKGROUND, K>;
export type ContentReply<K extends keyof typeof CONTENT> = ReplyOf<typeof CONTENT, K>;
export type ScanReply = BackgroundReply<'scan'>;
export type { SearchResult };

function parseIn<T extends Table>(table: T, value: unknown) {
  const type = (value as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !Object.hasOwn(table, type)) return undefined;
  const entry = table[type];
  const parsed = v.safeParse(entry.request, value);
  return parsed.success ? { request: parsed.output, from: entry.from } : undefined;
}

/** The request when `value` is a well-formed background request, else undefined. */
export function parseBackgroundRequest(value: unknown): { request: BackgroundRequest; from: Sender } | undefined {
  return parseIn(BACKGROUND, value) as { request: BackgroundRequest; from: Sender } | undefined;
}

/** The request when `value` is a well-formed content-script request, else undefined. */
export function parseContentRequest(value: unknown): ContentRequest | undefined {
  return parseIn(CONTENT, value)?.request as ContentRequest | undefined;
}

/** A reply checked against its schema; throws a readable error when it does not fit. */
export function checkReply<T extends Table, K extends keyof T & string>(table: T, type: K, value: unknown): ReplyOf<T, K> {
  const parsed = v.safeParse(table[type].reply, value);
  if (!parsed.success) throw new Error(`Malformed reply to ${type}: ${parsed.issues[0]?.message ?? 'unexpected shape'}`);
  return parsed.output as ReplyOf<T, K>;
}
