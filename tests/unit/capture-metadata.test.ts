import { describe, expect, it } from 'vitest';
import { chooseTitle, stripSiteAffixes } from '@/lib/capture/title';
import { chooseArticleUrl, chooseSiteName, isSameSite, readableHost, siteKeys, siteOf } from '@/lib/capture/site';
import { chooseByline, cleanByline } from '@/lib/capture/byline';
import { chooseMetadata, normaliseLang } from '@/lib/capture/metadata';
import type { PageMetadata } from '@/lib/capture/types';

const NOW = new Date('2025-09-01T12:00:00Z');
const LEDGER = 'https://www.dailyledger.example/world/2025/aug/19/allies';
const ledgerKeys = siteKeys(['The Daily Ledger'], LEDGER);

describe('titles', () => {
  it('strips the site’s name after or before the headline', () => {
    expect(stripSiteAffixes('Allies meet in Kyiv | The Daily Ledger', ledgerKeys)).toBe('Allies meet in Kyiv');
    expect(stripSiteAffixes('The Daily Ledger – Allies meet in Kyiv', ledgerKeys)).toBe('Allies meet in Kyiv');
    expect(stripSiteAffixes('The Daily Ledger: Allies meet in Kyiv', ledgerKeys)).toBe('Allies meet in Kyiv');
    expect(stripSiteAffixes('Allies meet in Kyiv - Daily Ledger', ledgerKeys)).toBe('Allies meet in Kyiv');
    expect(stripSiteAffixes('Allies meet in Kyiv :: dailyledger.example', ledgerKeys)).toBe('Allies meet in Kyiv');
    expect(stripSiteAffixes('Allies meet in Kyiv | The Daily Ledger Online', ledgerKeys)).toBe('Allies meet in Kyiv');
  });

  it('keeps separators inside the headline and segments that are not the site', () => {
    expect(stripSiteAffixes('Trump – Putin talks end without a deal | The Daily Ledger', ledgerKeys)).toBe('Trump – Putin talks end without a deal');
    expect(stripSiteAffixes('Allies meet in Kyiv | Europe | The Daily Ledger', ledgerKeys)).toBe('Allies meet in Kyiv | Europe');
    expect(stripSiteAffixes('Zelenskiy: U.S. pledge is a major step forward', ledgerKeys)).toBe('Zelenskiy: U.S. pledge is a major step forward');
    expect(stripSiteAffixes('Why the ceasefire question still divides Europe – Notes from the Dnipro', ledgerKeys)).toBe(
      'Why the ceasefire question still divides Europe – Notes from the Dnipro',
    );
  });

  it('gives nothing for a title that is only the site’s name', () => {
    expect(stripSiteAffixes('The Daily Ledger', ledgerKeys)).toBe('');
    expect(stripSiteAffixes('  ', ledgerKeys)).toBe('');
  });

  it('prefers og:title and the article’s <h1> over <title>', () => {
    const base = { headings: [], documentTitle: 'Allies meet in Kyiv as ministers arrive | The Daily Ledger' };
    expect(chooseTitle({ ...base, ogTitle: 'Allies meet in Kyiv', headings: ['Other'] }, ledgerKeys)).toBe('Allies meet in Kyiv');
    expect(chooseTitle({ ...base, headings: ['Allies meet in Kyiv as Washington weighs a pledge'] }, ledgerKeys)).toBe('Allies meet in Kyiv as Washington weighs a pledge');
    expect(chooseTitle({ ...base, jsonLdHeadline: 'From JSON-LD' }, ledgerKeys)).toBe('From JSON-LD');
    expect(chooseTitle(base, ledgerKeys)).toBe('Allies meet in Kyiv as ministers arrive');
  });

  it('skips candidates that are the site’s name (a logo in an <h1>), empty or far too long', () => {
    expect(chooseTitle({ ogTitle: 'The Daily Ledger', headings: ['The Daily Ledger', 'x'.repeat(400), 'Allies meet'], documentTitle: 'Other' }, ledgerKeys)).toBe('Allies meet');
    expect(chooseTitle({ headings: ['   ', '123'] }, ledgerKeys)).toBeUndefined();
  });
});

describe('sites and addresses', () => {
  it('finds the registrable domain of a host', () => {
    expect(siteOf('www.dailyledger.example')).toBe('dailyledger.example');
    expect(siteOf('news.ledger.co.uk')).toBe('ledger.co.uk');
    expect(siteOf('edition.ledger.com.au')).toBe('ledger.com.au');
    expect(siteOf('localhost')).toBe('localhost');
    expect(siteOf('127.0.0.1')).toBe('127.0.0.1');
  });

  it('tells the same site from another', () => {
    expect(isSameSite('https://m.ledger.example/a', 'https://www.ledger.example/b')).toBe(true);
    expect(isSameSite('http://ledger.example/a', 'https://ledger.example/b')).toBe(true);
    expect(isSameSite('https://ledger.co.uk/a', 'https://other.co.uk/a')).toBe(false);
    expect(isSameSite('https://syndicator.example/a', 'https://ledger.example/a')).toBe(false);
    expect(isSameSite('ftp://ledger.example/a', 'https://ledger.example/a')).toBe(false);
    expect(isSameSite('not a url', 'https://ledger.example/a')).toBe(false);
  });

  it('uses the canonical link, else og:url, when same-site; else the tab’s address', () => {
    const here = 'https://www.ledger.example/world/allies?utm_source=x#comments';
    expect(chooseArticleUrl(here, ['/world/allies', undefined])).toBe('https://www.ledger.example/world/allies');
    expect(chooseArticleUrl(here, ['https://amp.ledger.example/world/allies'])).toBe('https://amp.ledger.example/world/allies');
    expect(chooseArticleUrl(here, ['https://aggregator.example/copy', 'https://ledger.example/world/allies'])).toBe('https://ledger.example/world/allies');
    expect(chooseArticleUrl(here, ['https://aggregator.example/copy'])).toBe(here);
    expect(chooseArticleUrl(here, ['javascript:alert(1)', '  ', undefined])).toBe(here);
  });

  it('names the site by og:site_name or publisher, else by its host', () => {
    expect(chooseSiteName([' The  Daily Ledger ', 'Ledger Media'], LEDGER)).toBe('The Daily Ledger');
    expect(chooseSiteName([undefined, 'Ledger Media'], LEDGER)).toBe('Ledger Media');
    expect(chooseSiteName([undefined, 'https://ledger.example'], LEDGER)).toBe('dailyledger.example');
    expect(readableHost('http://127.0.0.1:8080/x')).toBe('127.0.0.1');
    expect(readableHost('nonsense')).toBeUndefined();
  });
});

describe('bylines', () => {
  it('drops "By" and separators, keeps the names', () => {
    expect(cleanByline('By Olena Marchuk')).toBe('Olena Marchuk');
    expect(cleanByline('  by:  Tom Reed ')).toBe('Tom Reed');
    expect(cleanByline('Written by Anna Kowalczyk |')).toBe('Anna Kowalczyk');
    expect(cleanByline('Byron Hale')).toBe('Byron Hale');
  });

  it('drops the dates and times printed beside the names', () => {
    expect(cleanByline('By Helen Marsh in Washington and Ola Brandt in Berlin · 21 August 2025, 07:40 · Updated 11:15')).toBe(
      'Helen Marsh in Washington and Ola Brandt in Berlin',
    );
    expect(cleanByline('Anna Kowalczyk and Mykola Hrytsenko · 21.08.2025')).toBe('Anna Kowalczyk and Mykola Hrytsenko');
    expect(cleanByline('Tom Reed | Staff writer')).toBe('Tom Reed · Staff writer');
    expect(cleanByline('21 August 2025 · 07:40')).toBeUndefined();
  });

  it('rejects addresses, numbers and paragraphs', () => {
    expect(cleanByline('https://ledger.example/profile/olena')).toBeUndefined();
    expect(cleanByline('12:30')).toBeUndefined();
    expect(cleanByline('x '.repeat(100))).toBeUndefined();
    expect(cleanByline(undefined)).toBeUndefined();
  });

  it('takes JSON-LD authors, then meta author, then the page’s byline; never the site’s own name', () => {
    expect(chooseByline({ jsonLdAuthors: ['Sara Lindholm', 'Daniel Brandt'], metaAuthors: ['X'], pageByline: 'By Y' }, 'Eastwire')).toBe('Sara Lindholm, Daniel Brandt');
    expect(chooseByline({ jsonLdAuthors: [], metaAuthors: ['Olena Marchuk'], pageByline: 'By Y' }, undefined)).toBe('Olena Marchuk');
    expect(chooseByline({ jsonLdAuthors: [], metaAuthors: [], pageByline: 'By Tom Reed' }, undefined)).toBe('Tom Reed');
    expect(chooseByline({ jsonLdAuthors: ['The Daily Ledger'], metaAuthors: [], pageByline: 'By Olena Marchuk' }, 'The Daily Ledger')).toBe('Olena Marchuk');
    expect(chooseByline({ jsonLdAuthors: [], metaAuthors: [] }, undefined)).toBeUndefined();
  });
});

describe('all metadata of a page', () => {
  const page = (over: Partial<PageMetadata> = {}): PageMetadata => ({ location: LEDGER, headings: [], meta: {}, jsonLd: [], times: [], ...over });

  it('follows the rules for each field', () => {
    const out = chooseMetadata(
      page({
        documentTitle: 'Allies meet in Kyiv | The Daily Ledger',
        headings: ['Allies meet in Kyiv'],
        meta: {
          'og:site_name': ['The Daily Ledger'],
          author: ['Olena Marchuk'],
          'article:published_time': ['2025-08-19T07:45:00+01:00'],
          description: ['Ministers arrive in Kyiv.'],
        },
        canonical: '/world/2025/aug/19/allies',
        htmlLang: 'en-GB',
      }),
      NOW,
    );
    expect(out).toEqual({
      title: 'Allies meet in Kyiv',
      url: 'https://www.dailyledger.example/world/2025/aug/19/allies',
      source: 'The Daily Ledger',
      byline: 'Olena Marchuk',
      published: '2025-08-19T06:45:00Z',
      lang: 'en-GB',
      excerpt: 'Ministers arrive in Kyiv.',
    });
  });

  it('reads a page that has only JSON-LD', () => {
    const jsonLd = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Organization', '@id': '#org', name: 'Eastern Desk Media' },
        { '@type': 'NewsArticle', headline: 'What a guarantee could mean', author: [{ name: 'Anna Kowalczyk' }], publisher: { '@id': '#org' }, datePublished: '2025-08-21T06:00:00+03:00' },
      ],
    });
    const out = chooseMetadata(page({ location: 'https://easterndesk.example/x', documentTitle: 'Eastern Desk Media — What a guarantee could mean', jsonLd: [jsonLd] }), NOW);
    expect(out).toMatchObject({ title: 'What a guarantee could mean', source: 'Eastern Desk Media', byline: 'Anna Kowalczyk', published: '2025-08-21T03:00:00Z' });
  });

  it('prefers JSON-LD datePublished, then meta dates, then <time>, skipping dates that cannot be right', () => {
    const jsonLd = JSON.stringify({ '@type': 'Article', datePublished: '2045-01-01' });
    const out = chooseMetadata(page({ jsonLd: [jsonLd], meta: { date: ['1970-01-01'], pubdate: ['garbage'] }, times: ['2025-08-20'] }), NOW);
    expect(out.published).toBe('2025-08-20');
  });

  it('strips the WebSite’s name from <title> and names the site by it when there is no publisher', () => {
    const jsonLd = JSON.stringify({ '@graph': [{ '@type': 'WebSite', name: 'Eastern Desk' }, { '@type': 'NewsArticle', datePublished: '2025-08-21' }] });
    const out = chooseMetadata(page({ location: 'https://ed.example/x', documentTitle: 'Eastern Desk — What a guarantee could mean', jsonLd: [jsonLd] }), NOW);
    expect(out).toMatchObject({ title: 'What a guarantee could mean', source: 'Eastern Desk' });
  });

  it('falls back to the host as source and the tab’s address as url, and leaves unknown fields out', () => {
    const out = chooseMetadata(page({ location: 'http://127.0.0.1:4000/blog/post.html', canonical: 'https://elsewhere.example/post' }), NOW);
    expect(out).toEqual({ url: 'http://127.0.0.1:4000/blog/post.html', source: '127.0.0.1' });
  });

  it('normalises language tags', () => {
    expect(normaliseLang('en-gb')).toBe('en-GB');
    expect(normaliseLang('EN_us')).toBe('en-US');
    expect(normaliseLang('uk')).toBe('uk');
    expect(normaliseLang('de, en')).toBe('de');
    expect(normaliseLang('sr-Latn-RS')).toBe('sr-Latn-RS');
    expect(normaliseLang('')).toBeUndefined();
    expect(normaliseLang('english please')).toBeUndefined();
  });

  it('takes the language from <html lang>, then Content-Language, then og:locale', () => {
    expect(chooseMetadata(page({ htmlLang: 'uk', meta: { 'og:locale': ['en_GB'] } }), NOW).lang).toBe('uk');
    expect(chooseMetadata(page({ meta: { 'http-equiv:content-language': ['de'], 'og:locale': ['en_GB'] } }), NOW).lang).toBe('de');
    expect(chooseMetadata(page({ meta: { 'og:locale': ['en_GB'] } }), NOW).lang).toBe('en-GB');
  });

  it('cuts a long description at a word', () => {
    const long = `${'word '.repeat(120)}end`;
    const excerpt = chooseMetadata(page({ meta: { description: [long] } }), NOW).excerpt!;
    expect(excerpt.length).toBeLessThanOrEqual(401);
    expect(excerpt.endsWith('word…')).toBe(true);
  });
});
