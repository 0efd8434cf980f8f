/**
 * Gathers what a page says about itself (meta tags, JSON-LD, canonical link,
 * headings, dates) without choosing anything: the rules live in
 * `lib/capture/metadata.ts`. Reads the live page; changes nothing.
 */
import type { PageMetadata } from '@/lib/capture/types';

/** Bounds for pages that carry thousands of meta tags or scripts. */
const MAX_META = 500;
const MAX_JSON_LD = 20;
const MAX_TIMES = 8;
const MAX_CHARS = 2_000;

const ARTICLE_SCOPE = 'article, main, [role="main"]';
/** Places a page puts its own name and links, never the article's headline. */
const CHROME = 'header, nav, footer, aside, [role="banner"], [role="navigation"], [role="contentinfo"], [role="complementary"]';

const clip = (s: string | null | undefined) => (s ?? '').slice(0, MAX_CHARS);

function metaTags(doc: Document): Record<string, string[]> {
  const meta: Record<string, string[]> = {};
  const add = (key: string | null, content: string) => {
    if (!key) return;
    const k = key.trim().toLowerCase();
    (meta[k] ??= []).push(content);
  };
  for (const el of Array.from(doc.querySelectorAll('meta[content]')).slice(0, MAX_META)) {
    const content = clip(el.getAttribute('content'));
    add(el.getAttribute('property'), content);
    add(el.getAttribute('name'), content);
    const itemprop = el.getAttribute('itemprop');
    if (itemprop) add(`itemprop:${itemprop}`, content);
    const httpEquiv = el.getAttribute('http-equiv');
    if (httpEquiv) add(`http-equiv:${httpEquiv}`, content);
  }
  return meta;
}

/** The article's `<h1>`s: inside the article or `<main>` first, then any outside the site's header and menus. */
export function articleHeadings(doc: Document): Element[] {
  const all = Array.from(doc.getElementsByTagName('h1'));
  const inArticle = all.filter((h) => h.closest(ARTICLE_SCOPE));
  const elsewhere = all.filter((h) => !h.closest(ARTICLE_SCOPE) && !h.closest(CHROME));
  return [...inArticle, ...elsewhere];
}

function publicationTimes(doc: Document): string[] {
  const marked = Array.from(doc.querySelectorAll('[itemprop~="datePublished"]:not(meta), time[pubdate]')).map(
    (el) => el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.textContent,
  );
  const inArticle = Array.from(doc.querySelectorAll('article time[datetime], main time[datetime], [role="main"] time[datetime]')).map((el) =>
    el.getAttribute('datetime'),
  );
  return [...marked, ...inArticle].filter((t): t is string => !!t?.trim()).slice(0, MAX_TIMES).map(clip);
}

export function collectPageMetadata(doc: Document): PageMetadata {
  const canonical = doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href') ?? undefined;
  const lang = doc.documentElement.getAttribute('lang') ?? doc.documentElement.getAttribute('xml:lang') ?? undefined;
  return {
    location: doc.location?.href ?? doc.URL,
    documentTitle: clip(doc.title) || undefined,
    headings: articleHeadings(doc).map((h) => clip(h.textContent)).filter((t) => t.trim()),
    meta: metaTags(doc),
    jsonLd: Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))
      .slice(0, MAX_JSON_LD)
      .map((s) => s.textContent ?? ''),
    ...(canonical ? { canonical: clip(canonical) } : {}),
    times: publicationTimes(doc),
    ...(lang ? { htmlLang: clip(lang) } : {}),
  };
}
