/**
 * The article's title: the page's own headline (og:title, the article's
 * `<h1>`, JSON-LD) over `<title>`, with the site's name taken off its ends
 * ("Allies meet in Kyiv | The Daily Ledger" → "Allies meet in Kyiv").
 */
import { siteKey } from './site';

/** Separators sites put between a headline and their name: " | ", " - ", " – ", " — ", " · ", " • ", " » ", " / ", " :: ", " ~ ". */
const SEPARATOR = /\s+(?:[|·•»~/–—-]|::)\s+/u;
/** Titles longer than this are a page's text caught in a heading, not a headline. */
const MAX_TITLE_CHARS = 300;
/** A site's name with a tagline ("The Daily Ledger Online") is short. */
const MAX_SITE_WORDS = 5;

const tidy = (s: string | undefined) => s?.replace(/\s+/gu, ' ').trim() ?? '';

function namesSite(segment: string, siteKeys: ReadonlySet<string>): boolean {
  const key = siteKey(segment);
  if (!key) return false;
  if (siteKeys.has(key)) return true;
  if (segment.split(' ').length > MAX_SITE_WORDS) return false;
  for (const k of siteKeys) if (k.length >= 5 && key.includes(k)) return true;
  return false;
}

/**
 * Drops segments naming the site from either end of `title`, keeping at
 * least one segment; "" when the whole title is the site's name.
 */
export function stripSiteAffixes(title: string, siteKeys: ReadonlySet<string>): string {
  const text = tidy(title);
  if (!text) return '';
  if (siteKeys.has(siteKey(text))) return '';
  // Segments and the separators between them, so inner separators survive ("Trump – Putin talks | Ledger").
  const segments: string[] = [];
  const separators: string[] = [];
  let rest = text;
  for (let m = SEPARATOR.exec(rest); m; m = SEPARATOR.exec(rest)) {
    segments.push(rest.slice(0, m.index));
    separators.push(m[0]);
    rest = rest.slice(m.index + m[0].length);
  }
  segments.push(rest);
  let first = 0;
  let last = segments.length - 1;
  while (last > first && namesSite(segments[last], siteKeys)) last--;
  while (first < last && namesSite(segments[first], siteKeys)) first++;
  let out = segments[first];
  for (let i = first + 1; i <= last; i++) out += separators[i - 1] + segments[i];
  // "The Daily Ledger: Allies meet in Kyiv"
  const prefixed = /^([^:]{2,60}):\s+(.+)$/u.exec(out);
  if (prefixed && siteKeys.has(siteKey(prefixed[1]))) out = prefixed[2];
  return out.trim();
}

export interface TitleCandidates {
  ogTitle?: string;
  /** The article's `<h1>`s, best first. */
  headings: string[];
  jsonLdHeadline?: string;
  twitterTitle?: string;
  readabilityTitle?: string;
  documentTitle?: string;
}

/** The first candidate that is still a title once the site's name is taken off. */
export function chooseTitle(c: TitleCandidates, siteKeys: ReadonlySet<string>): string | undefined {
  const ordered = [c.ogTitle, ...c.headings, c.jsonLdHeadline, c.twitterTitle, c.readabilityTitle, c.documentTitle];
  for (const candidate of ordered) {
    const title = stripSiteAffixes(candidate ?? '', siteKeys);
    if (title && title.length <= MAX_TITLE_CHARS && /\p{L}/u.test(title)) return title;
  }
  return undefined;
}
