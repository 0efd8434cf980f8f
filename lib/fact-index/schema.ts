/**
 * The fact index: what the fact builder makes of one article, and the
 * contract between the builder, the article library, the matcher and the UI.
 * Types are derived from the schema, so what is checked at a trust boundary
 * (an imported file, an old stored pack) is exactly what the code assumes.
 * `factIndexProblems` adds what a shape can't say: ids resolve, spans lie
 * inside the text, and every fact, quote, role and figure is text of the
 * article.
 */
import * as v from 'valibot';
import { problemsOf, summarise } from '../schema/problems';

export const FACT_INDEX_VERSION = 1;

export const ENTITY_KINDS = ['person', 'place', 'organisation', 'term'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const BLOCK_TYPES = ['section', 'headline', 'standfirst', 'caption', 'heading', 'paragraph'] as const;
export type BlockType = (typeof BLOCK_TYPES)[number];

/**
 * Why an alias needs care before it is highlighted:
 * - `common-word`: also an ordinary word ("trump", "macron", "merge")
 * - `other-referent`: also names something else (Washington the person,
 *   Article 5 of other laws, a bare surname shared by many people)
 */
export const ALIAS_CAUTIONS = ['common-word', 'other-referent'] as const;
export type AliasCaution = (typeof ALIAS_CAUTIONS)[number];

const offset = v.pipe(v.number(), v.integer(), v.minValue(0));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const text = v.string();

/** A visual block of the article; `start`/`end` are UTF-16 offsets into `article.text`. */
export const BlockSchema = v.object({ id, type: v.picklist(BLOCK_TYPES), start: offset, end: offset });
export type Block = v.InferOutput<typeof BlockSchema>;

/** A sentence; `text === article.text.slice(start, end)`. */
export const SentenceSchema = v.object({ id, block: id, start: offset, end: offset, text });
export type Sentence = v.InferOutput<typeof SentenceSchema>;

export const AliasSchema = v.object({
  /** As written ("Zelenskiy", "Зеленський", "Nato"). */
  text: v.pipe(v.string(), v.trim(), v.minLength(1, 'an alias needs text'), v.maxLength(200)),
  /** article: written in the article; curated: data/aliases.json; derived: built by rule (surname …). */
  origin: v.picklist(['article', 'curated', 'derived']),
  /** BCP 47 for curated foreign spellings ("de", "ru"). */
  lang: v.optional(v.pipe(v.string(), v.maxLength(35))),
  caution: v.optional(v.picklist(ALIAS_CAUTIONS)),
});
export type Alias = v.InferOutput<typeof AliasSchema>;

/** A sentence about the entity; `text` is the sentence's text, verbatim. Higher `score` is more informative. */
export const FactSchema = v.object({ sentence: id, text, score: v.pipe(v.number(), v.finite()) });
export type Fact = v.InferOutput<typeof FactSchema>;

/** Quoted words, verbatim, without the quote marks; `speaker` is an entity id when the article names one. */
export const QuoteSchema = v.object({ sentence: id, text, speaker: v.optional(id) });
export type Quote = v.InferOutput<typeof QuoteSchema>;

/** A number, amount or span of time in a sentence about the entity ("$90 bn", "within ten days"). */
export const FigureSchema = v.object({ sentence: id, text });
export type Figure = v.InferOutput<typeof FigureSchema>;

/** `weight`: sentences the two entities share (higher = more related). */
export const RelationSchema = v.object({ entity: id, weight: v.pipe(v.number(), v.finite()) });
export type Relation = v.InferOutput<typeof RelationSchema>;

/** "NATO Secretary General", verbatim, and the sentence it comes from. */
export const RoleSchema = v.object({ text, sentence: id });
export type Role = v.InferOutput<typeof RoleSchema>;

export const EntitySchema = v.object({
  /** Slug, unique within the index ("mark-rutte"). */
  id,
  /** Canonical display name. */
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)),
  kind: v.picklist(ENTITY_KINDS),
  role: v.optional(RoleSchema),
  aliases: v.array(AliasSchema),
  facts: v.array(FactSchema),
  quotes: v.array(QuoteSchema),
  figures: v.array(FigureSchema),
  related: v.array(RelationSchema),
});
export type Entity = v.InferOutput<typeof EntitySchema>;

export const ArticleInfoSchema = v.object({
  id,
  title: v.string(),
  /** As named by the article or the user ("Reuters", a URL). */
  source: v.optional(v.string()),
  /** Published date, ISO (YYYY-MM-DD or a full ISO time). */
  date: v.optional(v.string()),
  text: v.string(),
});
export type ArticleInfo = v.InferOutput<typeof ArticleInfoSchema>;

export const FactIndexSchema = v.object({
  version: v.literal(FACT_INDEX_VERSION),
  article: ArticleInfoSchema,
  blocks: v.array(BlockSchema),
  sentences: v.array(SentenceSchema),
  entities: v.array(EntitySchema),
});
export type FactIndex = v.InferOutput<typeof FactIndexSchema>;

export class FactIndexError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid fact index: ${summarise(problems, 5)}`);
    this.name = 'FactIndexError';
  }
}

/** What the shape can't say: ids resolve, spans lie inside the text, texts are text of the article. */
function consistencyProblems(index: FactIndex): string[] {
  const p: string[] = [];
  const articleText = index.article.text;
  const within = (s: number, e: number) => s <= e && e <= articleText.length;

  const blockIds = new Set<string>();
  index.blocks.forEach((b, i) => {
    if (!within(b.start, b.end)) p.push(`blocks[${i}]: span outside the text`);
    blockIds.add(b.id);
  });
  const sentenceIds = new Set<string>();
  index.sentences.forEach((s, i) => {
    if (!within(s.start, s.end)) p.push(`sentences[${i}]: span outside the text`);
    else if (articleText.slice(s.start, s.end) !== s.text) p.push(`sentences[${i}]: text differs from the article at its span`);
    if (!blockIds.has(s.block)) p.push(`sentences[${i}]: unknown block ${s.block}`);
    sentenceIds.add(s.id);
  });
  const entityIds = new Set(index.entities.map((e) => e.id));
  if (entityIds.size !== index.entities.length) p.push('entities: ids not unique');

  index.entities.forEach((e, i) => {
    const at = `entities[${i}]`;
    const inArticle = (what: string, value: string, sentence: string) => {
      if (!sentenceIds.has(sentence)) p.push(`${at}.${what}: unknown sentence ${sentence}`);
      else if (!articleText.includes(value)) p.push(`${at}.${what}: "${value.slice(0, 40)}" is not text of the article`);
    };
    if (e.role) inArticle('role', e.role.text, e.role.sentence);
    e.facts.forEach((f, k) => inArticle(`facts[${k}]`, f.text, f.sentence));
    e.quotes.forEach((q, k) => {
      inArticle(`quotes[${k}]`, q.text, q.sentence);
      if (q.speaker !== undefined && !entityIds.has(q.speaker)) p.push(`${at}.quotes[${k}]: unknown speaker`);
    });
    e.figures.forEach((f, k) => inArticle(`figures[${k}]`, f.text, f.sentence));
    e.related.forEach((r, k) => {
      if (!entityIds.has(r.entity)) p.push(`${at}.related[${k}]: unknown entity ${r.entity}`);
    });
  });
  return p;
}

/** The problems with `value` as a FactIndex; empty when it is a valid one. Never throws. */
export function factIndexProblems(value: unknown): string[] {
  const shape = v.safeParse(FactIndexSchema, value);
  if (!shape.success) return problemsOf(shape.issues);
  return consistencyProblems(shape.output);
}

/** Throws a FactIndexError listing what is wrong. */
export function assertFactIndex(value: unknown): asserts value is FactIndex {
  const problems = factIndexProblems(value);
  if (problems.length) throw new FactIndexError(problems);
}
