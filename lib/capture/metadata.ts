/**
 * The rules that turn what a page says about itself (`PageMetadata`) into the
 * article's title, address, site, byline, date, language and excerpt.
 */
import type { CapturedArticle, PageMetadata } from './types';
import { readJsonLd } from './json-ld';
import { chooseArticleUrl, chooseSiteName, siteKeys } from './site';
import { chooseTitle } from './title';
import { chooseByline } from './byline';
import { choosePublishedDate } from './dates';

export type ArticleMetadata = Omit<CapturedArticle, 'text' | 'title'> & { title?: string };

/** Meta keys that carry a publication date, most specific first. */
const DATE_META = [
  'article:published_time', 'og:published_time', 'itemprop:datepublished', 'date', 'pubdate', 'publishdate',
  'publish-date', 'publish_date', 'publication_date', 'dc.date.issued', 'dc.date', 'dcterms.issued',
  'dcterms.date', 'dcterms.created', 'sailthru.date', 'parsely-pub-date',
];
/** A summary is a sentence or two; longer "descriptions" are cut at a word. */
const MAX_EXCERPT_CHARS = 400;

const tidy = (s: string | undefined) => s?.replace(/\s+/gu, ' ').trim() || undefined;

/** `en_GB` → `en-GB`; undefined for anything that is not a language tag. */
export function normaliseLang(raw: string | undefined): string | undefined {
  // Content-Language may list several: the first is the main one.
  const tag = raw?.split(',')[0].trim().replace(/_/g, '-');
  if (!tag || !/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(tag)) return undefined;
  const [language, ...rest] = tag.split('-');
  return [language.toLowerCase(), ...rest.map((p) => (p.length === 2 ? p.toUpperCase() : p))].join('-');
}

function excerptOf(candidates: (string | undefined)[]): string | undefined {
  for (const c of candidates) {
    const text = tidy(c);
    if (!text || !/\p{L}/u.test(text)) continue;
    if (text.length <= MAX_EXCERPT_CHARS) return text;
    const cut = text.slice(0, MAX_EXCERPT_CHARS);
    return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_EXCERPT_CHARS / 2)).trimEnd()}…`;
  }
  return undefined;
}

export function chooseMetadata(page: PageMetadata, now: Date): ArticleMetadata {
  const meta = (key: string) => page.meta[key] ?? [];
  const first = (key: string) => meta(key).map(tidy).find(Boolean);
  const ld = readJsonLd(page.jsonLd);
  const r = page.extracted ?? {};

  const source = chooseSiteName([first('og:site_name'), ld.publisher, ld.website, first('application-name'), r.siteName], page.location);
  const keys = siteKeys([source, first('og:site_name'), ld.publisher, ld.website, first('application-name')], page.location);
  const title = chooseTitle(
    {
      ogTitle: first('og:title'),
      headings: page.headings,
      jsonLdHeadline: ld.headline,
      twitterTitle: first('twitter:title'),
      readabilityTitle: r.title,
      documentTitle: page.documentTitle,
    },
    keys,
  );
  const url = chooseArticleUrl(page.location, [page.canonical, first('og:url')]);
  const byline = chooseByline({ jsonLdAuthors: ld.authors, metaAuthors: meta('author'), pageByline: r.byline }, source);
  const published = choosePublishedDate(
    [ld.datePublished, ...DATE_META.flatMap(meta), ...page.times, r.publishedTime],
    now,
  );
  const lang = normaliseLang(page.htmlLang) ?? normaliseLang(first('http-equiv:content-language')) ?? normaliseLang(first('og:locale'));
  const excerpt = excerptOf([first('og:description'), first('description'), ld.description, first('twitter:description'), r.excerpt]);

  return {
    ...(title ? { title } : {}),
    url,
    ...(source ? { source } : {}),
    ...(byline ? { byline } : {}),
    ...(published ? { published } : {}),
    ...(lang ? { lang } : {}),
    ...(excerpt ? { excerpt } : {}),
  };
}
