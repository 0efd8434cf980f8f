/**
 * The boundary between the tab and the extension: which tabs can be read at
 * all, and a check of what the injected extractor handed back.
 */
import * as v from 'valibot';
import { MAX_ARTICLE_CHARS } from '../facts/input';

/** Address schemes and hosts where browsers let no extension run scripts. */
const BROWSER_PAGE = /^(?:chrome|chrome-extension|chrome-search|chrome-untrusted|devtools|edge|brave|opera|vivaldi|about|moz-extension|resource|view-source|data|blob|javascript):/i;
const EXTENSION_STORE = /^https:\/\/(?:chromewebstore\.google\.com|chrome\.google\.com\/webstore|microsoftedge\.microsoft\.com\/addons|addons\.mozilla\.org)(?:[/?#]|$)/i;

export const BROWSER_PAGE_ERROR = "Fact Cards can't read browser pages, extension pages or extension stores: open the article in a normal tab.";
export const NO_RESULT_ERROR = "Fact Cards couldn't read this page (the page blocked the extension or was still loading). Reload it and try again.";

/** Why no article can be read from a tab at `url`, before trying; undefined when it may be tried. */
export function captureBlockedReason(url: string | undefined): string | undefined {
  if (!url || BROWSER_PAGE.test(url) || EXTENSION_STORE.test(url)) return BROWSER_PAGE_ERROR;
  return undefined;
}

/** Generous bounds for metadata fields; an article's own text is bounded by the fact builder's limit. */
const MAX_FIELD_CHARS = 2_000;
const filled = (s: string) => s.trim() !== '';
/** An optional field: dropped (not fatal) when it is not a short, non-blank string. */
const optional = v.fallback(v.optional(v.pipe(v.string(), v.check(filled), v.maxLength(MAX_FIELD_CHARS))), undefined);

export const CapturedArticleSchema = v.object({
  /** The article's headline, without the site's name. */
  title: v.pipe(v.string(), v.check(filled), v.maxLength(MAX_FIELD_CHARS)),
  /** Plain text: the headline, then blocks (paragraphs, headings, list items, captions) separated by blank lines. */
  text: v.pipe(v.string(), v.check(filled), v.maxLength(MAX_ARTICLE_CHARS)),
  /** The article's own address: its canonical URL when that is on the same site, else the tab's. */
  url: v.pipe(v.string(), v.regex(/^(?:https?|file):\/\//i), v.maxLength(MAX_FIELD_CHARS)),
  /** The tab's own address, added by the background when the page names another as canonical. */
  pageUrl: optional,
  /** The publication's name. */
  source: optional,
  byline: optional,
  /** `YYYY-MM-DD`, or a full ISO 8601 instant in UTC when the page gives a time with its zone. */
  published: optional,
  /** BCP 47 tag (`en-GB`). */
  lang: optional,
  /** The page's own summary, or the article's first paragraph. */
  excerpt: optional,
});
export type CapturedArticle = v.InferOutput<typeof CapturedArticleSchema>;

const CaptureResultSchema = v.variant('ok', [
  v.object({ ok: v.literal(true), article: CapturedArticleSchema }),
  v.object({ ok: v.literal(false), error: v.pipe(v.string(), v.check(filled), v.transform((e) => e.slice(0, MAX_FIELD_CHARS))) }),
]);
export type CaptureResult = { ok: true; article: CapturedArticle } | { ok: false; error: string };

/**
 * `scripting.executeScript`'s result for the extractor, checked: a
 * well-formed result as is (optional fields that don't fit dropped),
 * anything else (no result, a script that threw, a malformed object) as a
 * readable error.
 */
export function parseCaptureResult(value: unknown): CaptureResult {
  const parsed = v.safeParse(CaptureResultSchema, value);
  if (!parsed.success) return { ok: false, error: NO_RESULT_ERROR };
  if (!parsed.output.ok) return parsed.output;
  const article = Object.fromEntries(Object.entries(parsed.output.article).filter(([, x]) => x !== undefined)) as CapturedArticle;
  return { ok: true, article };
}
