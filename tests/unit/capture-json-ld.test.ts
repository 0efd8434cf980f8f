import { describe, expect, it } from 'vitest';
import { readJsonLd } from '@/lib/capture/json-ld';

const ld = (value: unknown) => JSON.stringify(value);

describe('JSON-LD article metadata', () => {
  it('reads a top-level NewsArticle', () => {
    const out = readJsonLd([
      ld({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: ' Allies meet in Kyiv ',
        author: { '@type': 'Person', name: 'Olena Marchuk' },
        publisher: { '@type': 'Organization', name: 'The Daily Ledger' },
        datePublished: '2025-08-19T07:45:00+01:00',
        description: 'Ministers arrive.',
      }),
    ]);
    expect(out).toMatchObject({ headline: 'Allies meet in Kyiv', authors: ['Olena Marchuk'], publisher: 'The Daily Ledger', datePublished: '2025-08-19T07:45:00+01:00', description: 'Ministers arrive.' });
  });

  it('finds the article inside @graph and resolves @id references for authors and publisher', () => {
    const out = readJsonLd([
      ld({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebSite', '@id': '#site', name: 'Eastern Desk' },
          { '@type': 'Organization', '@id': '#org', name: 'Eastern Desk Media' },
          { '@type': ['NewsArticle', 'AnalysisNewsArticle'], headline: 'Guarantees', author: [{ name: 'Anna Kowalczyk' }, { '@id': '#mykola' }], publisher: { '@id': '#org' }, datePublished: '2025-08-21' },
          { '@type': 'Person', '@id': '#mykola', givenName: 'Mykola', familyName: 'Hrytsenko' },
        ],
      }),
    ]);
    expect(out).toMatchObject({ headline: 'Guarantees', authors: ['Anna Kowalczyk', 'Mykola Hrytsenko'], publisher: 'Eastern Desk Media', website: 'Eastern Desk', datePublished: '2025-08-21' });
  });

  it('finds the article in a top-level array, in a later block, or under a WebPage’s mainEntity', () => {
    expect(readJsonLd([ld([{ '@type': 'BreadcrumbList' }, { '@type': 'BlogPosting', headline: 'Notes' }])]).headline).toBe('Notes');
    expect(readJsonLd([ld({ '@type': 'Organization', name: 'X' }), ld({ '@type': 'LiveBlogPosting', headline: 'Live' })]).headline).toBe('Live');
    expect(readJsonLd([ld({ '@type': 'WebPage', mainEntity: { '@type': 'Article', headline: 'Nested', datePublished: '2025-08-01' } })])).toMatchObject({ headline: 'Nested', datePublished: '2025-08-01' });
    expect(readJsonLd([ld({ '@type': 'http://schema.org/ReportageNewsArticle', headline: 'Typed by URL' })]).headline).toBe('Typed by URL');
  });

  it('takes author names as strings, skips addresses, and lists each name once', () => {
    expect(readJsonLd([ld({ '@type': 'Article', author: 'Tom Reed' })]).authors).toEqual(['Tom Reed']);
    expect(readJsonLd([ld({ '@type': 'Article', author: ['https://ledger.example/profile/x', { name: 'Tom Reed' }, 'Tom Reed'] })]).authors).toEqual(['Tom Reed']);
  });

  it('ignores broken blocks, CDATA wrappers and pages with no article node', () => {
    expect(readJsonLd(['{ not json', '<![CDATA[' + ld({ '@type': 'Article', headline: 'Wrapped' }) + ']]>']).headline).toBe('Wrapped');
    expect(readJsonLd([ld({ '@type': 'Organization', name: 'Ledger' })])).toEqual({ authors: [] });
    expect(readJsonLd([])).toEqual({ authors: [] });
    expect(readJsonLd(['null', '42', '"text"'])).toEqual({ authors: [] });
  });

  it('survives self-referencing and deeply nested data', () => {
    let deep: Record<string, unknown> = { '@type': 'Article', headline: 'Too deep' };
    for (let i = 0; i < 50; i++) deep = { child: deep };
    expect(readJsonLd([ld(deep)])).toEqual({ authors: [] });
    const out = readJsonLd([ld({ '@graph': [{ '@type': 'Article', '@id': '#a', author: { '@id': '#a' } }] })]);
    expect(out.authors).toEqual([]);
  });
});
