import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchFirefoxWithAddon } from '../../scripts/harness/launch-firefox';
import { test, expect } from './fixtures';

// Every test in this folder fails when the add-on logs an uncaught error (see
// the `firefox` fixture). These check the background's start, and that the
// check itself notices the errors it is there for.

test('the background starts cleanly and answers messages', async ({ addon, firefox }) => {
  const reply = await addon.run(() => (globalThis as any).browser.runtime.sendMessage({ type: 'ping' }), null);
  expect(reply).toMatchObject({ ok: true, version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
  expect(firefox.addonErrors()).toEqual([]);
});

test('errors thrown by a background script and a content script are caught by the check', async ({ server }) => {
  // A throwaway add-on that makes the two mistakes the Firefox build first
  // made: MV2 has no `browser.action`, and a content script cannot iterate
  // page objects (Xray wrappers) such as CSS.highlights.
  const dir = await mkdtemp(join(tmpdir(), 'fact-cards-broken-addon-'));
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({
    manifest_version: 2,
    name: 'Broken on purpose',
    version: '0.0.1',
    browser_specific_settings: { gecko: { id: 'broken@fact-cards.example' } },
    background: { scripts: ['background.js'] },
    content_scripts: [{ matches: ['<all_urls>'], js: ['content.js'], run_at: 'document_idle' }],
  }));
  await writeFile(join(dir, 'background.js'), 'browser.action.setBadgeText({ text: "x" });\n');
  await writeFile(join(dir, 'content.js'), 'CSS.highlights.set("probe", new Highlight());\nfor (const entry of CSS.highlights) void entry;\n');
  const firefox = await launchFirefoxWithAddon({ extensionDir: dir });
  try {
    const tab = await firefox.browser.newPage();
    await tab.goto(server.url('pages/corner.html'));
    await expect.poll(() => firefox.addonErrors().join('\n')).toMatch(/background\.js.*action is undefined/);
    await expect.poll(() => firefox.addonErrors().join('\n')).toMatch(/content\.js.*Xray wrapping of iterators not supported/);
  } finally {
    await firefox.close();
    await rm(dir, { recursive: true, force: true });
  }
});
