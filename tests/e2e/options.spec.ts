import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, FIXTURES_DIR } from './fixtures';
import { highlightStyleOf, readPageMentions } from '../../scripts/harness/page-mentions';

/** The page highlight's computed style, as one string to match against. */
const highlightRule = async (page: Page) => {
  const s = await highlightStyleOf(page);
  return s ? `${s.line} ${s.style} background ${s.background}` : '';
};

test('changing the highlight style restyles an open tab without a reload', async ({ context, page, server, openExtensionPage }) => {
  await page.goto(server.url('pages/demo.html'));
  await readPageMentions(context, page);
  expect(await highlightRule(page)).toMatch(/^underline solid background rgba\(0, 0, 0, 0\)$/);
  const options = await openExtensionPage('options.html');
  await options.getByRole('radio', { name: 'Background' }).check();
  await expect.poll(() => highlightRule(page)).toMatch(/^none .* background (?!rgba\(0, 0, 0, 0\))/);
  await options.getByRole('radio', { name: 'Dotted underline' }).check();
  await expect.poll(() => highlightRule(page)).toMatch(/^underline dotted /);
  const results = await new AxeBuilder({ page: options }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('a site added to the pause list loses its highlights', async ({ context, page, server, openExtensionPage }) => {
  await page.goto(server.url('pages/demo.html'));
  await readPageMentions(context, page);
  const options = await openExtensionPage('options.html');
  const input = options.getByRole('textbox', { name: 'Add a site to “Paused on these sites”' });
  await input.fill('127.0.0.1');
  await input.press('Enter');
  await expect.poll(() => page.evaluate(() => CSS.highlights.get('fact-cards')?.size ?? 0)).toBe(0);
});

test("an article the reader adds is highlighted on pages and searchable", async ({ context, page, server, extensionId, openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await options.getByRole('textbox', { name: 'Title (required)' }).fill('Baltic cable breach');
  await options.getByRole('textbox', { name: 'Article text' }).fill(readFileSync(resolve(FIXTURES_DIR, 'articles/baltic-cable.txt'), 'utf8'));
  await options.getByRole('button', { name: 'Preview' }).click();
  await expect(options.getByRole('table')).toContainText('Liisa Harjula');
  await options.getByRole('button', { name: 'Save article' }).click();
  await expect(options.getByRole('status')).toContainText(/saved/i);
  await expect(options.getByRole('heading', { level: 3, name: 'Baltic cable breach' })).toBeVisible();

  await page.goto(server.url('pages/harbour-notes.html'));
  const reply = await readPageMentions(context, page);
  const names = reply.entities.map((e) => e.name);
  expect(names).toEqual(expect.arrayContaining(['Liisa Harjula', 'Elering', 'Porvoo', 'Tallinn', 'Tomas Berzins']));

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('combobox', { name: 'Search facts' }).fill('Harjula');
  await expect(popup.getByRole('option').first()).toContainText('Liisa Harjula');
  await popup.getByRole('combobox', { name: 'Search facts' }).press('Enter');
  const card = popup.getByRole('dialog', { name: 'Liisa Harjula' });
  await expect(card).toContainText('Finnish Foreign Minister');
  await expect(card).toContainText('Baltic cable breach');
});

test('importing a broken settings file shows what is wrong and changes nothing', async ({ openExtensionPage, context }) => {
  const options = await openExtensionPage('options.html');
  await options.getByRole('radio', { name: 'Dotted underline' }).check();
  const worker = context.serviceWorkers()[0];
  const stored = () => worker.evaluate(() => (globalThis as any).chrome.storage.sync.get(null));
  // The settings and their schema version (`settings$`) are written separately: wait for both.
  await expect.poll(async () => {
    const now = await stored();
    return now.settings?.highlightStyle === 'dotted' && now.settings$ !== undefined;
  }).toBe(true);
  const before = await stored();
  await options.getByLabel('Import settings from a file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"fact-cards-settings","version":1,"settings":{"hoverDelayMs":"fast","colour":"red"'),
  });
  await expect(options.getByText(/not valid JSON/)).toBeVisible();
  await options.getByLabel('Import settings from a file').setInputFiles({
    name: 'wrong.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"fact-cards-settings","version":1,"settings":{"hoverDelayMs":"fast","colour":"red"}}'),
  });
  await expect(options.getByText(/hoverDelayMs/)).toBeVisible();
  await expect(options.getByText(/colour/).first()).toBeVisible();
  expect(await stored()).toEqual(before);
});

test('the options page has no accessibility violations, in light and dark', async ({ openExtensionPage }) => {
  test.slow(); // axe walks the whole page twice
  const options = await openExtensionPage('options.html');
  for (const colorScheme of ['light', 'dark'] as const) {
    await options.emulateMedia({ colorScheme });
    await expect(options.getByRole('heading', { level: 1 })).toBeVisible();
    const results = await new AxeBuilder({ page: options }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`), colorScheme).toEqual([]);
  }
});
