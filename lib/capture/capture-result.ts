/**
 * The boundary between the tab and the extension: which tabs can be read at
 * all, and a check of what the injected extractor handed back.
 */
import type { CapturedArticle, CaptureResult } from './types';
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

const isStr = (v: unknown): v is string => typeof v === 'string';
const OPTIONAL: (keyof CapturedArticle)[] = ['source', 'byline', 'published', 'lang', 'excerpt'];
/** Generous bounds for metadata fields; an article's own text is bounded by the fact builder's limit. */
const MAX_FIELD_CHARS = 2_000;

/**
 * `scripting.executeScript`'s result for the extractor, checked field by
 * field: a well-formed result as is, anything else (no result, a script that
 * threw, a malformed object) as a readable error.
 */
export function parseCaptureResult(value: unknown): CaptureResult {
  if (typeof value !== 'object' || value === null) return { ok: false, error: NO_RESULT_ERROR };
  const v = value as Record<string, unknown>;
  if (v.ok === false) return { ok: false, error: isStr(v.error) && v.error.trim() ? v.error.slice(0, MAX_FIELD_CHARS) : NO_RESULT_ERROR };
  const a = v.article as Record<string, unknown> | undefined;
  if (v.ok !== true || typeof a !== 'object' || a === null) return { ok: false, error: NO_RESULT_ERROR };
  if (!isStr(a.title) || !a.title.trim() || a.title.length > MAX_FIELD_CHARS) return { ok: false, error: NO_RESULT_ERROR };
  if (!isStr(a.text) || !a.text.trim() || a.text.length > MAX_ARTICLE_CHARS) return { ok: false, error: NO_RESULT_ERROR };
  if (!isStr(a.url) || !/^(?:https?|file):\/\//i.test(a.url) || a.url.length > MAX_FIELD_CHARS) return { ok: false, error: NO_RESULT_ERROR };
  const article: CapturedArticle = { title: a.title, text: a.text, url: a.url };
  for (const key of OPTIONAL) {
    const field = a[key];
    if (isStr(field) && field.trim() && field.length <= MAX_FIELD_CHARS) article[key] = field;
  }
  return { ok: true, article };
}
