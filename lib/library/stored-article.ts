/**
 * One saved article as the library stores it: the text once, and everything
 * else as offsets into it. The fact builder's FactIndex copies each sentence
 * into every fact that cites it (an 85,000-character article made a 920 KB
 * pack); here facts, quotes, roles and figures point at sentences and spans,
 * so a stored article stays within about twice its text.
 *
 * `toStoredArticle` and `toFactIndex` convert both ways without loss: the
 * builder's index comes back identical (block and sentence ids are their
 * positions, "b3", "s12", as the builder numbers them).
 */
import * as v from 'valibot';
import {
  ALIAS_CAUTIONS, BLOCK_TYPES, ENTITY_KINDS, FACT_INDEX_VERSION, factIndexProblems,
  type Alias, type Entity, type EntityKind, type FactIndex,
} from '../fact-index/schema';
import { slugify } from '../facts/slug';
import { curatedAliasesOf } from './curated-aliases';
import { problemsOf } from '../schema/problems';

export const STORED_ARTICLE_FORMAT = 1;
export const BUILTIN_ARTICLE_ID = 'builtin';

const int = v.pipe(v.number(), v.integer(), v.minValue(0));
const short = (max: number) => v.pipe(v.string(), v.maxLength(max));
/** [start, end) in the article text. */
const span = v.tuple([int, int]);

const ORIGINS = ['article', 'curated', 'derived'] as const;

/**
 * An alias: its text alone when the article wrote it with no caution (most
 * are), else [text, origin, caution (-1 none), lang ('' none)].
 */
const StoredAliasSchema = v.union([
  v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  v.tuple([
    v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
    v.pipe(int, v.maxValue(ORIGINS.length - 1)),
    v.pipe(v.number(), v.integer(), v.minValue(-1), v.maxValue(ALIAS_CAUTIONS.length - 1)),
    short(35),
  ]),
]);
type StoredAlias = v.InferOutput<typeof StoredAliasSchema>;

const flat = v.array(v.pipe(v.number(), v.finite()));

/**
 * An entity, positionally (a short article names twenty entities: field
 * names alone would outweigh its text):
 * [id ('' when it is the name's slug), name, kind, aliases,
 *  facts: sentence, score, …
 *  role: [sentence, start, end] or 0,
 *  quotes: sentence, start, end, speaker entity index (-1 none), …
 *  figures: sentence, start, end, …
 *  related: entity index, weight, … (later entities only: relations are
 *  symmetric, each pair is stored once),
 *  curated: the curated entry whose spellings end the alias list, read from
 *  the bundled list (curated-aliases.ts): 1 for the entity's own id, a key,
 *  or '' for none]
 */
const StoredEntitySchema = v.tuple([
  short(200),
  v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  v.pipe(int, v.maxValue(ENTITY_KINDS.length - 1)),
  v.array(StoredAliasSchema),
  flat,
  v.union([v.literal(0), v.tuple([int, int, int])]),
  flat,
  flat,
  flat,
  v.union([v.literal(1), short(200)]),
]);
export type StoredEntity = v.InferOutput<typeof StoredEntitySchema>;

/** What a reader knows about an article besides its text. */
export const ArticleMetaSchema = v.object({
  title: v.pipe(v.string(), v.trim(), v.minLength(1, 'an article needs a title'), v.maxLength(300)),
  /** The outlet ("Reuters", "The Daily Ledger") or a host name. */
  source: v.optional(short(200)),
  url: v.optional(short(2000)),
  /** The tab's own address when it was saved from a page whose canonical address (`url`) differs. */
  pageUrl: v.optional(short(2000)),
  byline: v.optional(short(300)),
  /** Published date, ISO: YYYY-MM-DD or a full ISO time. */
  published: v.optional(v.pipe(v.string(), v.isoDate('published: expected a date as YYYY-MM-DD'))),
});
export type ArticleMeta = v.InferOutput<typeof ArticleMetaSchema>;

export const StoredArticleSchema = v.object({
  format: v.literal(STORED_ARTICLE_FORMAT),
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'id: lowercase letters, digits and dashes')),
  ...ArticleMetaSchema.entries,
  /** When it was saved (ISO time). */
  addedAt: v.pipe(v.string(), v.isoTimestamp()),
  enabled: v.boolean(),
  /** Hash of the text with whitespace collapsed: the same article is saved once. */
  textKey: short(40),
  text: v.string(),
  /** [type, start, end] */
  blocks: v.array(v.tuple([v.pipe(int, v.maxValue(BLOCK_TYPES.length - 1)), int, int])),
  /** [block, start, end] */
  sentences: v.array(v.tuple([int, int, int])),
  entities: v.array(StoredEntitySchema),
});
export type StoredArticle = v.InferOutput<typeof StoredArticleSchema>;

/** Dates are kept as the day (YYYY-MM-DD); full ISO times are cut to their date. */
export function isoDay(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  return m && !Number.isNaN(Date.parse(m[1])) ? m[1] : undefined;
}

/**
 * A short, stable key for an article's text, whitespace collapsed: two
 * copies of one article pasted with different line breaks are the same.
 * (cyrb53; a collision only means a full-text comparison follows.)
 */
export function textKeyOf(text: string): string {
  const s = text.replace(/\s+/gu, ' ').trim();
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${s.length.toString(36)}-${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
}

export const sameText = (a: string, b: string) => a.replace(/\s+/gu, ' ').trim() === b.replace(/\s+/gu, ' ').trim();

export class StoredArticleError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid article: ${problems.slice(0, 3).join('; ')}`);
    this.name = 'StoredArticleError';
  }
}

/** Where `needle` sits in the sentence at [from, to), else anywhere in the text. */
function locate(text: string, needle: string, from: number, to: number): [number, number] {
  let at = text.indexOf(needle, from);
  if (at < 0 || at + needle.length > to) at = text.indexOf(needle);
  if (at < 0) throw new StoredArticleError([`"${needle.slice(0, 40)}" is not text of the article`]);
  return [at, at + needle.length];
}

function storeAlias(a: Alias): StoredAlias {
  if (a.origin === 'article' && !a.caution && !a.lang) return a.text;
  return [a.text, ORIGINS.indexOf(a.origin), a.caution ? ALIAS_CAUTIONS.indexOf(a.caution) : -1, a.lang ?? ''];
}

function expandAlias(a: StoredAlias): Alias {
  if (typeof a === 'string') return { text: a, origin: 'article' };
  const [text, origin, caution, lang] = a;
  return { text, origin: ORIGINS[origin], ...(lang ? { lang } : {}), ...(caution >= 0 ? { caution: ALIAS_CAUTIONS[caution] } : {}) };
}

/** Splits a flat list into groups of `n`. */
function groups(list: readonly number[], n: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i + n <= list.length; i += n) out.push(list.slice(i, i + n));
  return out;
}

/** The id, name and kind of an article's `i`-th entity. */
export function entityHead(article: StoredArticle, i: number): { id: string; name: string; kind: EntityKind } {
  const [id, name, kind] = article.entities[i];
  return { id: id || slugify(name), name, kind: ENTITY_KINDS[kind] };
}

/** The position of an entity by its id in the article, or -1. */
export function entityIndex(article: StoredArticle, id: string): number {
  return article.entities.findIndex((e) => (e[0] || slugify(e[1])) === id);
}

/** An entity's aliases as the matcher reads them. */
export function entityAliases(article: StoredArticle, i: number): Alias[] {
  const [, , , stored, , , , , , curated] = article.entities[i];
  const own = stored.map(expandAlias);
  if (!curated) return own;
  const curatedKey = curated === 1 ? entityHead(article, i).id : curated;
  const written = new Set(own.map((a) => a.text));
  return [...own, ...curatedAliasesOf(curatedKey).filter((a) => !written.has(a.text))];
}

const sameAlias = (a: Alias, b: Alias) => a.text === b.text && a.origin === b.origin && a.lang === b.lang && a.caution === b.caution;

/**
 * The stored form of an entity's aliases: when they end with exactly what
 * the curated list gives for the entity, only the list's key is kept.
 */
function storeAliases(e: Entity): { aliases: StoredAlias[]; curatedKey: 1 | '' } {
  const listed = curatedAliasesOf(e.id);
  const own = e.aliases.filter((a) => a.origin !== 'curated');
  const written = new Set(own.map((a) => a.text));
  const expected = listed.filter((a) => !written.has(a.text));
  const tail = e.aliases.slice(own.length);
  const reproducible = listed.length > 0 && tail.length === expected.length && tail.every((a, k) => sameAlias(a, expected[k])) &&
    e.aliases.slice(0, own.length).every((a) => a.origin !== 'curated');
  return reproducible ? { aliases: own.map(storeAlias), curatedKey: 1 } : { aliases: e.aliases.map(storeAlias), curatedKey: '' };
}

/** A built index plus what the reader knows of the article → the stored record. */
export function toStoredArticle(
  index: FactIndex,
  meta: ArticleMeta,
  extra: { id: string; addedAt: string; enabled?: boolean },
): StoredArticle {
  const problems = factIndexProblems(index);
  if (problems.length) throw new StoredArticleError(problems);
  const text = index.article.text;
  const blockAt = new Map(index.blocks.map((b, i) => [b.id, i]));
  const sentenceAt = new Map(index.sentences.map((s, i) => [s.id, i]));
  const entityAt = new Map(index.entities.map((e, i) => [e.id, i]));
  const spanIn = (sentence: string, needle: string): [number, number, number] => {
    const s = index.sentences[sentenceAt.get(sentence)!];
    const [start, end] = locate(text, needle, s.start, s.end);
    return [sentenceAt.get(sentence)!, start, end];
  };
  return {
    format: STORED_ARTICLE_FORMAT,
    id: extra.id,
    title: meta.title,
    ...(meta.source ? { source: meta.source } : {}),
    ...(meta.url ? { url: meta.url } : {}),
    ...(meta.pageUrl ? { pageUrl: meta.pageUrl } : {}),
    ...(meta.byline ? { byline: meta.byline } : {}),
    ...(meta.published ? { published: meta.published } : {}),
    addedAt: extra.addedAt,
    enabled: extra.enabled ?? true,
    textKey: textKeyOf(text),
    text,
    blocks: index.blocks.map((b) => [BLOCK_TYPES.indexOf(b.type), b.start, b.end]),
    sentences: index.sentences.map((s) => [blockAt.get(s.block)!, s.start, s.end]),
    entities: index.entities.map((e, i): StoredEntity => {
      const { aliases, curatedKey } = storeAliases(e);
      return [
      e.id === slugify(e.name) ? '' : e.id,
      e.name,
      ENTITY_KINDS.indexOf(e.kind),
      aliases,
      e.facts.flatMap((f) => [sentenceAt.get(f.sentence)!, f.score]),
      e.role ? spanIn(e.role.sentence, e.role.text) : 0,
      e.quotes.flatMap((q) => [...spanIn(q.sentence, q.text), q.speaker ? entityAt.get(q.speaker)! : -1]),
      e.figures.flatMap((f) => spanIn(f.sentence, f.text)),
      e.related.flatMap((r) => {
        const j = entityAt.get(r.entity)!;
        return j > i ? [j, r.weight] : [];
      }),
      curatedKey,
      ];
    }),
  };
}

/** Both directions of the pairs stored once, most related first (as the builder orders them). */
export function relatedOf(article: StoredArticle, index: number): Entity['related'] {
  const out: Entity['related'] = [];
  const idOf = (j: number) => entityHead(article, j).id;
  for (const [j, weight] of groups(article.entities[index][8], 2)) if (article.entities[j]) out.push({ entity: idOf(j), weight });
  for (let j = 0; j < index; j++) {
    for (const [k, weight] of groups(article.entities[j][8], 2)) if (k === index) out.push({ entity: idOf(j), weight });
  }
  return out.sort((x, y) => y.weight - x.weight || (x.entity < y.entity ? -1 : 1));
}

/** An article's `i`-th entity with its texts filled in (what a card shows). */
export function expandEntity(article: StoredArticle, i: number): Entity {
  const { text, sentences, entities } = article;
  const [, , , , facts, role, quotes, figures] = entities[i];
  const sid = (n: number) => `s${n}`;
  const sentenceText = (n: number) => text.slice(sentences[n][1], sentences[n][2]);
  return {
    ...entityHead(article, i),
    ...(role ? { role: { text: text.slice(role[1], role[2]), sentence: sid(role[0]) } } : {}),
    aliases: entityAliases(article, i),
    facts: groups(facts, 2).map(([s, score]) => ({ sentence: sid(s), text: sentenceText(s), score })),
    quotes: groups(quotes, 4).map(([s, start, end, speaker]) => ({
      sentence: sid(s),
      text: text.slice(start, end),
      ...(speaker >= 0 && entities[speaker] ? { speaker: entityHead(article, speaker).id } : {}),
    })),
    figures: groups(figures, 3).map(([s, start, end]) => ({ sentence: sid(s), text: text.slice(start, end) })),
    related: relatedOf(article, i),
  };
}

/** The stored record → the builder's FactIndex (for the article viewer and exports of old format). */
export function toFactIndex(article: StoredArticle): FactIndex {
  const { text } = article;
  return {
    version: FACT_INDEX_VERSION,
    article: {
      id: article.id,
      title: article.title,
      ...(article.source ? { source: article.source } : {}),
      ...(article.published ? { date: article.published } : {}),
      text,
    },
    blocks: article.blocks.map(([type, start, end], i) => ({ id: `b${i}`, type: BLOCK_TYPES[type], start, end })),
    sentences: article.sentences.map(([block, start, end], i) => ({ id: `s${i}`, block: `b${block}`, start, end, text: text.slice(start, end) })),
    entities: article.entities.map((_, i) => expandEntity(article, i)),
  };
}

/**
 * Checks a record read from the database or a file: its shape, and that
 * every index and span points inside the article.
 */
export function storedArticleProblems(value: unknown): string[] {
  const shape = v.safeParse(StoredArticleSchema, value);
  if (!shape.success) return problemsOf(shape.issues);
  const a = shape.output;
  const p: string[] = [];
  const n = a.text.length;
  const inText = (s: number, e: number) => Number.isInteger(s) && Number.isInteger(e) && 0 <= s && s <= e && e <= n;
  a.blocks.forEach(([, s, e], i) => inText(s, e) || p.push(`blocks[${i}]: span outside the text`));
  a.sentences.forEach(([b, s, e], i) => {
    if (!inText(s, e)) p.push(`sentences[${i}]: span outside the text`);
    if (b >= a.blocks.length) p.push(`sentences[${i}]: unknown block`);
  });
  const sentence = (i: number) => Number.isInteger(i) && i >= 0 && i < a.sentences.length;
  const entity = (i: number) => Number.isInteger(i) && i >= 0 && i < a.entities.length;
  a.entities.forEach(([, , , , facts, role, quotes, figures, related], i) => {
    const at = `entities[${i}]`;
    if (role && (!sentence(role[0]) || !inText(role[1], role[2]))) p.push(`${at}.role: outside the article`);
    if (facts.length % 2 || groups(facts, 2).some(([s]) => !sentence(s))) p.push(`${at}.facts: unknown sentence`);
    if (quotes.length % 4 || groups(quotes, 4).some(([s, start, end, speaker]) => !sentence(s) || !inText(start, end) || !(speaker === -1 || entity(speaker)))) {
      p.push(`${at}.quotes: outside the article`);
    }
    if (figures.length % 3 || groups(figures, 3).some(([s, start, end]) => !sentence(s) || !inText(start, end))) p.push(`${at}.figures: outside the article`);
    if (related.length % 2 || groups(related, 2).some(([j]) => !entity(j))) p.push(`${at}.related: unknown entity`);
  });
  return p;
}

/** Size of the record as stored (its JSON), for the README's figure and the limit. */
export const storedSize = (a: StoredArticle) => JSON.stringify(a).length;
