import { describe, expect, it } from 'vitest';
import { BROWSER_PAGE_ERROR, captureBlockedReason, NO_RESULT_ERROR, parseCaptureResult } from '@/lib/capture/capture-result';

const article = { title: 'Allies meet in Kyiv', text: 'Allies meet in Kyiv\n\nBody.', url: 'https://ledger.example/a' };

describe('which tabs can be read', () => {
  it('refuses browser pages, extension pages and extension stores with one sentence', () => {
    for (const url of ['chrome://extensions', 'about:blank', 'edge://settings', 'chrome-extension://abc/popup.html', 'moz-extension://x/y', 'view-source:https://a.example', 'https://chromewebstore.google.com/detail/x', 'https://addons.mozilla.org/en-GB/firefox/', undefined]) {
      expect(captureBlockedReason(url), String(url)).toBe(BROWSER_PAGE_ERROR);
    }
  });

  it('lets ordinary pages be tried', () => {
    for (const url of ['https://ledger.example/a', 'http://127.0.0.1:8080/x.html', 'file:///home/me/article.html', 'https://addons.mozilla.org.example/']) {
      expect(captureBlockedReason(url), url).toBeUndefined();
    }
  });
});

describe('the extractor’s result, checked', () => {
  it('passes a well-formed article through, keeping only known string fields', () => {
    const value = { ok: true, article: { ...article, byline: 'Olena Marchuk', published: '2025-08-19', lang: 'en-GB', source: 'The Daily Ledger', excerpt: 'x', extra: 'dropped', lang2: 3 } };
    expect(parseCaptureResult(value)).toEqual({ ok: true, article: { ...article, byline: 'Olena Marchuk', published: '2025-08-19', lang: 'en-GB', source: 'The Daily Ledger', excerpt: 'x' } });
  });

  it('passes the extractor’s own error sentence through', () => {
    expect(parseCaptureResult({ ok: false, error: "This page doesn't look like an article." })).toEqual({ ok: false, error: "This page doesn't look like an article." });
  });

  it('turns no result, a thrown script or a malformed object into a readable error', () => {
    for (const value of [undefined, null, 42, 'text', {}, { ok: true }, { ok: false }, { ok: false, error: ' ' }, { ok: true, article: { ...article, title: '' } }, { ok: true, article: { ...article, url: 'javascript:alert(1)' } }, { ok: true, article: { ...article, text: 7 } }]) {
      expect(parseCaptureResult(value), JSON.stringify(value)).toEqual({ ok: false, error: NO_RESULT_ERROR });
    }
  });
});
