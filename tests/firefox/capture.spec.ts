/**
 * Saving the article on a tab, in Firefox, with the copy of the build that
 * also grants the fixture server's address (scripts/harness/
 * build-with-host-access.ts says why); everything else is the shipped add-on.
 */
import { test as base, expect } from './fixtures';
import { FIREFOX_EXTENSION_DIR } from '../../scripts/harness/launch-firefox';
import { NOT_AN_ARTICLE } from '../../lib/capture/article-check';
import { buildWithHostAccess } from '../../scripts/harness/build-with-host-access';

const test = base.extend({
  addonDir: [
    async ({}, use) => {
      const build = buildWithHostAccess(FIREFOX_EXTENSION_DIR);
      await use(build.dir);
      build.remove();
    },
    { scope: 'worker' },
  ],
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
