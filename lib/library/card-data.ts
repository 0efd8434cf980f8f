/**
 * The shape of a fact card as it crosses from the background to a page or an
 * extension page: schemas only, so that whoever validates a card (the content
 * script, the popup) does not pull in the code that builds one.
 */
import * as v from 'valibot';
import { ENTITY_KINDS, FactSchema, RoleSchema } from '../fact-index/schema';

const str = v.pipe(v.string(), v.maxLength(2000));

export const CardArticleSchema = v.object({
  id: str,
  title: str,
  source: v.optional(str),
  url: v.optional(str),
  /** YYYY-MM-DD */
  published: v.optional(str),
  /** When the reader saved it (ISO); absent for the bundled article. */
  addedAt: v.optional(str),
});
export type CardArticle = v.InferOutput<typeof CardArticleSchema>;

export const CardQuoteSchema = v.object({
  sentence: str,
  text: v.string(),
  /** The speaker's name, when the article names one. */
  speaker: v.optional(str),
});
export type CardQuote = v.InferOutput<typeof CardQuoteSchema>;

export const CardGroupSchema = v.object({
  article: CardArticleSchema,
  role: v.optional(RoleSchema),
  /** Best first. */
  facts: v.array(FactSchema),
  quotes: v.array(CardQuoteSchema),
  figures: v.array(v.string()),
});
export type CardGroup = v.InferOutput<typeof CardGroupSchema>;

export const CardRoleSchema = v.object({ text: v.string(), sentence: str, article: CardArticleSchema });
export type CardRole = v.InferOutput<typeof CardRoleSchema>;

export const CardRelatedSchema = v.object({ id: str, name: str, kind: v.picklist(ENTITY_KINDS), weight: v.number() });
export type CardRelated = v.InferOutput<typeof CardRelatedSchema>;

export const CardDataSchema = v.object({
  /** Library entity id. */
  id: str,
  name: str,
  kind: v.picklist(ENTITY_KINDS),
  /** Distinct roles, newest article first: one entry when every article agrees. */
  roles: v.array(CardRoleSchema),
  /** Newest article first; at most MAX_GROUPS. */
  groups: v.array(CardGroupSchema),
  /** How many articles name it (groups may show fewer). */
  articleCount: v.number(),
  related: v.array(CardRelatedSchema),
});
export type CardData = v.InferOutput<typeof CardDataSchema>;

/** Articles shown on one card; the count says how many there are in all. */
export const MAX_GROUPS = 20;
/** Facts sent per article: the card opens with two or three and can show these. */
export const MAX_FACTS_PER_GROUP = 12;

/** The day an article speaks for: its published date, else the day it was saved. */
export const articleDay = (a: { published?: string; addedAt?: string }): string => a.published ?? a.addedAt?.slice(0, 10) ?? '';
