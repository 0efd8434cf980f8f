import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { hostMatches, isActiveOn, loadSiteRules, MAX_PATTERNS, normalisePattern, parseSiteRules, saveSiteRules, setPaused } from '@/lib/settings/site-rules';
import { checkNewPattern } from '@/entrypoints/options/new-pattern';

beforeEach(() => fakeBrowser.reset());

describe('site patterns', () => {
  it('*.example.com matches the site and its subdomains, not a look-alike', () => {
    expect(hostMatches('news.example.com', '*.example.com')).toBe(true);
    expect(hostMatches('a.b.example.com', '*.example.com')).toBe(true);
    expect(hostMatches('example.com', '*.example.com')).toBe(true);
    expect(hostMatches('badexample.com', '*.example.com')).toBe(false);
    expect(hostMatches('example.com.evil.net', '*.example.com')).toBe(false);
  });

  it('a plain host matches only itself (and its www.)', () => {
    expect(hostMatches('example.com', 'example.com')).toBe(true);
    expect(hostMatches('www.example.com', 'example.com')).toBe(true);
    expect(hostMatches('news.example.com', 'example.com')).toBe(false);
  });

  it('normalises pasted addresses to their host', () => {
    expect(normalisePattern('https://www.Example.com/news/today?x=1#top')).toBe('example.com');
    expect(normalisePattern('http://localhost:8080/')).toBe('localhost');
    expect(normalisePattern('  *.Example.COM  ')).toBe('*.example.com');
  });

  it('rejects what is not a host pattern', () => {
    for (const bad of ['', 'not a site', 'exa_mple.com', '*.', '*example.com', 'foo.*.com', 'a'.repeat(254)]) {
      expect(normalisePattern(bad), bad).toBeUndefined();
    }
  });
});

describe('site rules', () => {
  it('pauses win over "only on"', () => {
    const rules = { paused: ['news.example.com'], onlyOn: ['*.example.com'] };
    expect(isActiveOn('example.com', rules)).toBe(true);
    expect(isActiveOn('news.example.com', rules)).toBe(false);
    expect(isActiveOn('other.org', rules)).toBe(false);
    expect(isActiveOn('other.org', { paused: [], onlyOn: [] })).toBe(true);
  });

  it('keeps the valid patterns of a corrupt stored value and reports the rest', async () => {
    await fakeBrowser.storage.sync.set({ siteRules: { paused: ['ok.example', 7, 'bad pattern'], onlyOn: 'everywhere' } });
    const { rules, problems } = await loadSiteRules();
    expect(rules).toEqual({ paused: ['ok.example'], onlyOn: [] });
    expect(problems).toHaveLength(3);
  });

  it('caps each list', () => {
    const many = Array.from({ length: MAX_PATTERNS + 5 }, (_, i) => `site${i}.example`);
    const { rules, problems } = parseSiteRules({ paused: many });
    expect(rules.paused).toHaveLength(MAX_PATTERNS);
    expect(problems).toEqual([expect.stringMatching(/more than 200/)]);
  });

  it('pauses and unpauses a host', async () => {
    await saveSiteRules({ paused: [], onlyOn: [] });
    expect((await setPaused('https://news.example.com/a', true)).paused).toEqual(['news.example.com']);
    expect((await setPaused('news.example.com', false)).paused).toEqual([]);
  });
});

describe('adding a pattern on the options page', () => {
  it('explains each reason a pattern is refused', () => {
    expect(checkNewPattern('', [])).toEqual({ error: expect.stringMatching(/Type a site/) });
    expect(checkNewPattern('not a site', [])).toEqual({ error: expect.stringMatching(/“not a site” is not a site/) });
    expect(checkNewPattern('https://example.com/x', ['example.com'])).toEqual({ error: 'example.com is already in this list.' });
    expect(checkNewPattern('news.example.com', ['*.example.com'])).toEqual({ error: 'news.example.com is already covered by *.example.com.' });
    const full = Array.from({ length: MAX_PATTERNS }, (_, i) => `s${i}.example`);
    expect(checkNewPattern('new.example', full)).toEqual({ error: expect.stringMatching(/full/) });
  });

  it('accepts a pasted URL as its host', () => {
    expect(checkNewPattern('https://www.example.org/page', [])).toEqual({ pattern: 'example.org' });
  });
});
