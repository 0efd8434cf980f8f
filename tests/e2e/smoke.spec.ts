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
