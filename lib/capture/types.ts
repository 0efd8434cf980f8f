/**
 * What saving the article of a tab produces, and what the extractor reads
 * from the page to get there. Plain, JSON-safe data: it crosses from the tab
 * to the background as `scripting.executeScript`'s result.
 */

export interface CapturedArticle {
  /** The article's headline, without the site's name. */
  title: string;
  /** Plain text: the headline, then blocks (paragraphs, headings, list items, captions) separated by blank lines. */
  text: string;
  /** The article's own address: its canonical URL when that is on the same site, else the tab's. */
  url: string;
  /** The publication's name. */
  source?: string;
  byline?: string;
  /** `YYYY-MM-DD`, or a full ISO 8601 instant in UTC when the page gives a time with its zone. */
  published?: string;
  /** BCP 47 tag (`en-GB`). */
  lang?: string;
  /** The page's own summary, or the article's first paragraph. */
  excerpt?: string;
}

export type CaptureResult = { ok: true; article: CapturedArticle } | { ok: false; error: string };

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
