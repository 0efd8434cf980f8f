/**
 * Who wrote the article: JSON-LD authors, then `<meta name="author">`, then
 * the byline printed on the page, without "By ".
 */

/** Longer than this, a "byline" is a paragraph that happened to have an author class. */
const MAX_BYLINE_CHARS = 120;

/** "By Olena Marchuk" → "Olena Marchuk"; undefined for an address, a number or an empty string. */
export function cleanByline(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  // "Helen Marsh in Washington · 21 August 2025, 07:40 · Updated 11:15": the dates and times are not the byline.
  const text = raw
    .replace(/\s+/gu, ' ')
    .trim()
    .split(/\s+[|·•–—]\s+/u)
    .filter((segment) => !/\d/u.test(segment))
    .join(' · ')
    .replace(/^(?:(?:written|words|text|reported|posted)\s+)?by\b\s*:?\s*/iu, '')
    .replace(/^[\s|·•,–—-]+|[\s|·•,–—-]+$/gu, '');
  if (!text || text.length > MAX_BYLINE_CHARS || !/\p{L}/u.test(text) || /^(?:https?:\/\/|www\.)/iu.test(text)) return undefined;
  return text;
}

export interface BylineCandidates {
  jsonLdAuthors: string[];
  /** `<meta name="author">` contents, in order. */
  metaAuthors: string[];
  /** The byline printed on the page (found by its markup, or as a "By …" line above the text). */
  pageByline?: string;
}

/**
 * The first usable byline. Several authors are joined with ", ". A byline
 * that only repeats the site's name says nothing about who wrote the piece.
 */
export function chooseByline(c: BylineCandidates, siteName: string | undefined): string | undefined {
  const join = (names: string[]) => {
    const clean = [...new Set(names.map(cleanByline).filter((n): n is string => !!n))];
    return clean.length ? clean.join(', ') : undefined;
  };
  const site = siteName?.toLowerCase();
  for (const byline of [join(c.jsonLdAuthors), join(c.metaAuthors), cleanByline(c.pageByline)]) {
    if (byline && byline.toLowerCase() !== site) return byline;
  }
  return undefined;
}
