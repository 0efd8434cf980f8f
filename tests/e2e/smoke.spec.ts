import { chromium, type Page } from '@playwright/test';
// @ts-expect-error plain ESM helper shared with the bootstrap script
import { findChromium } from '../../scripts/find-chromium.mjs';
import { test, expect } from './fixtures';

test('the content script runs on the demo page', async ({ page, server }) => {
  await page.goto(server.url('pages/demo.html'));
  // The named highlight lives in the CSS.highlights registry shared with the page.
  await expect.poll(() => page.evaluate(() => CSS.highlights.get('fact-cards')?.size ?? 0), { timeout: 10_000 }).toBeGreaterThan(0);
});

test('the popup and options pages render without console errors', async ({ openExtensionPage }) => {
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByRole('heading', { name: 'Fact Cards' })).toBeVisible();
  const options = await openExtensionPage('options.html');
  await expect(options.getByRole('heading', { name: /options/i })).toBeVisible();
});

test('the background answers a message', async ({ openExtensionPage }) => {
  const popup = await openExtensionPage('popup.html');
  const reply = await popup.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: "ping" }));
  expect(reply).toMatchObject({ ok: true, version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
});

/** The features a browser runs with disabled, as Chromium itself reports them (command-line variations). */
async function disabledFeatures(page: Page): Promise<string[]> {
  await page.goto('chrome://version/?show-variations-cmd');
  const text = await page.locator('body').innerText();
  // The effective list is the last, quoted one; the raw switches come before it.
  const quoted = [...text.matchAll(/--disable-features="([^"]*)"/g)].at(-1);
  if (!quoted) throw new Error('chrome://version shows no effective --disable-features');
  return quoted[1].split(',').filter(Boolean);
}

test('the test browser keeps every feature Playwright disables, and runs without the omnibox popup', async ({ page }) => {
  const ours = await disabledFeatures(page);
  const bare = await chromium.launch({ executablePath: findChromium() });
  try {
    const playwrights = await disabledFeatures(await bare.newPage());
    expect(playwrights.length).toBeGreaterThan(5);
    expect(ours).toEqual(expect.arrayContaining(playwrights));
  } finally {
    await bare.close();
  }
  expect(ours).toEqual(expect.arrayContaining(['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup']));
  const targets = (await (await page.context().newCDPSession(page)).send('Target.getTargets')).targetInfos;
  expect(targets.filter((t) => t.url.startsWith('chrome://omnibox'))).toEqual([]);
});
