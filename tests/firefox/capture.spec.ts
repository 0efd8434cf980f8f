/**
 * Saving the article on a tab, in Firefox. The shipped add-on injects the
 * extractor with `activeTab`, which Firefox grants only for a real click on
 * the toolbar button or a menu item — something WebDriver cannot make. So,
 * as in the Chromium suite, these tests install a copy of the build whose
 * manifest also grants the fixture server's address; everything else is the
 * shipped add-on.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from './fixtures';
import { FIREFOX_EXTENSION_DIR, launchFirefoxWithAddon } from '../../scripts/harness/launch-firefox';
import { NOT_AN_ARTICLE } from '../../lib/capture/article-check';

const test = base.extend<{}, { testBuild: string }>({
  testBuild: [
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'fact-cards-firefox-capture-'));
      cpSync(FIREFOX_EXTENSION_DIR, dir, { recursive: true });
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      manifest.permissions = [...manifest.permissions, 'http://127.0.0.1/*'];
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
      await use(dir);
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  firefox: async ({ testBuild }, use) => {
    const firefox = await launchFirefoxWithAddon({ extensionDir: testBuild });
    try {
      await use(firefox);
    } finally {
      await firefox.close();
    }
    expect(firefox.addonErrors(), 'uncaught errors in the add-on').toEqual([]);
    expect(firefox.outsideRequests(), 'requests for non-local addresses').toEqual([]);
  },
});

const send = (run: (fn: (m: object) => unknown, arg: object) => Promise<any>, message: object) =>
  run((m) => (globalThis as any).browser.runtime.sendMessage(m), message);

test('capture-tab previews a news page, saves it once, refuses it twice, and the page is left as it was', async ({ tab, addon, server }) => {
  test.slow(); // extracts and builds in the background
  await tab.goto(server.url('capture/news-site.html'));
  const before = await tab.evaluate(() => document.documentElement.outerHTML);
  const tabId = await addon.tabIdOf(tab);
  const preview = await send(addon.run, { type: 'capture-tab', tabId, save: false });
  expect(preview).toMatchObject({ ok: true, preview: { title: 'Allies meet in Kyiv as Washington weighs security pledge', source: 'The Daily Ledger' } });
  const names = (preview.preview.entities as { name: string }[]).map((e) => e.name);
  expect(names).toEqual(expect.arrayContaining(['Mark Rutte', 'Volodymyr Zelenskiy']));

  const saved = await send(addon.run, { type: 'capture-tab', tabId });
  expect(saved).toMatchObject({ ok: true, title: preview.preview.title, published: '2025-08-19', entities: names.length });
  expect(await send(addon.run, { type: 'capture-tab', tabId })).toEqual({ ok: false, error: expect.stringMatching(/already in your library/) });
  expect(await tab.evaluate(() => document.documentElement.outerHTML)).toBe(before);
});

test('capture-tab refuses a sign-in page in a sentence and saves nothing', async ({ tab, addon, server }) => {
  await tab.goto(server.url('capture/sign-in.html'));
  const tabId = await addon.tabIdOf(tab);
  expect(await send(addon.run, { type: 'capture-tab', tabId })).toEqual({ ok: false, error: NOT_AN_ARTICLE });
  expect((await send(addon.run, { type: 'library-list' })).articles).toHaveLength(1);
});
