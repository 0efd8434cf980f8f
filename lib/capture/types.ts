/**
 * What saving the article of a tab produces, and what the extractor reads
 * from the page to get there. Plain, JSON-safe data: it crosses from the tab
 * to the background as `scripting.executeScript`'s result.
 */

export type { CapturedArticle, CaptureResult } from './capture-result';

/**
 * Everything the page says about itself, as found, before any choice is made.
 * The extractor fills it from the DOM; `chooseMetadata` applies the rules.
 */
export interface PageMetadata {
  /** The tab's address (`location.href`). */
  location: string;
  /** `<title>`. */
  documentTitle?: string;
  /** Text of the article's `<h1>`s, the one inside the article or `<main>` first. */
  headings: string[];
  /**
   * `<meta>` contents by key, in document order. Keys are lowercased:
   * `property` or `name` as written (`og:title`, `author`), `itemprop:NAME`,
   * `http-equiv:NAME`.
   */
  meta: Record<string, string[]>;
  /** Raw text of each `<script type="application/ld+json">`. */
  jsonLd: string[];
  /** `href` of `<link rel="canonical">`, as written. */
  canonical?: string;
  /** `datetime` of `<time>` elements that mark publication, then of those in the article, in order. */
  times: string[];
  /** `<html lang>`. */
  htmlLang?: string;
  /** What extracting the article found: Readability's title, site name and date, the byline taken out of the page, the lead paragraph. */
  extracted?: {
    title?: string;
    byline?: string;
    excerpt?: string;
    siteName?: string;
    publishedTime?: string;
  };
}
