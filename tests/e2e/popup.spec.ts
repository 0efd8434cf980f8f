import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openPopupOver, readPageMentions, tabIdOf } from '../../scripts/harness/page-mentions';

/**
 * Opens popup.html as the toolbar popup would see `page`: the popup reads the
 * active tab, so the page's tab is activated behind it and the popup reloaded.
 */

const highlightCount = (page: Page) => page.evaluate(() => CSS.highlights.get('fact-cards')?.size ?? 0);

test('search finds cards despite typos and opens the full card', async ({ context, page, server }) => {
  await page.goto(server.url('pages/demo.html'));
  await readPageMentions(context, page);
  const popup = await openPopupOver(context, page);
  const box = popup.getByRole('combobox', { name: 'Search facts' });
  await expect(box).toBeFocused();
  await box.fill('Rute');
  await expect(popup.getByRole('option').first()).toContainText('Mark Rutte');
  await expect(popup.getByRole('option').first().locator('mark')).toHaveCount(1);
  await box.fill('artcle 5');
  await expect(popup.getByRole('option').first()).toContainText('Article 5');
  await box.fill('Ушаков');
  await expect(popup.getByRole('option').first()).toContainText('Yuri Ushakov');
  await box.press('ArrowDown');
  await box.press('Enter');
  const card = popup.getByRole('dialog', { name: 'Yuri Ushakov' });
  await expect(card).toBeVisible();
  await expect(card).toContainText('Kremlin aide');
  const results = await new AxeBuilder({ page: popup }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('lists what the page mentions and scrolls to a mention', async ({ context, page, server }) => {
  await page.goto(server.url('pages/demo.html'));
  const reply = await readPageMentions(context, page);
  const popup = await openPopupOver(context, page);
  const list = popup.getByRole('region', { name: /On this page/i });
  await expect(list).toContainText('Volodymyr Zelenskiy');
  const zelenskiy = reply.entities.find((e) => e.entity === 'volodymyr-zelenskiy')!;
  await expect(list).toContainText(String(zelenskiy.count));
  expect(await page.evaluate(() => scrollY)).toBe(0);
  await list.getByRole('button', { name: /Donetsk/ }).first().click();
  // The page scrolls to the mention and flashes it.
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(200);
  await expect.poll(() => page.evaluate(() => CSS.highlights.get('fact-cards-active')?.size ?? 0)).toBe(1);
  const results = await new AxeBuilder({ page: popup }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('pausing on a site removes its highlights and resuming restores them', async ({ context, page, server }) => {
  await page.goto(server.url('pages/demo.html'));
  const { mentions } = await readPageMentions(context, page);
  const popup = await openPopupOver(context, page);
  const pause = popup.getByRole('checkbox', { name: /Pause on 127\.0\.0\.1/ });
  await pause.check();
  await expect.poll(() => highlightCount(page)).toBe(0);
  // Remembered: a new page on the same site stays paused.
  const other = await context.newPage();
  await other.goto(server.url('pages/corner.html'));
  // Its content script answers once it has settled: paused, nothing painted.
  expect(await readPageMentions(context, other)).toMatchObject({ active: false, mentions: [] });
  expect(await highlightCount(other)).toBe(0);
  await pause.uncheck();
  await expect.poll(() => highlightCount(page)).toBe(mentions.length);
  await expect.poll(() => highlightCount(other)).toBe(1);
});

test('the global switch turns every tab off and on', async ({ context, page, server }) => {
  await page.goto(server.url('pages/demo.html'));
  const { mentions } = await readPageMentions(context, page);
  const popup = await openPopupOver(context, page);
  await popup.getByRole('checkbox', { name: 'Fact Cards on' }).uncheck();
  await expect.poll(() => highlightCount(page)).toBe(0);
  await popup.getByRole('checkbox', { name: 'Fact Cards on' }).check();
  await expect.poll(() => highlightCount(page)).toBe(mentions.length);
});

test('says so on pages content scripts cannot run on', async ({ context, extensionId }) => {
  const popup = await context.newPage();
  // The popup's own tab is the active one: an extension page, where no content script runs.
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByText(/can't read this page/)).toBeVisible();
});

test('the toolbar badge shows how many entities the tab mentions, unless switched off', async ({ context, page, server }) => {
  await page.goto(server.url('pages/demo.html'));
  const { entities } = await readPageMentions(context, page);
  const worker = context.serviceWorkers()[0];
  const tabId = await tabIdOf(context, page);
  const badge = () => worker.evaluate((id) => (globalThis as any).chrome.action.getBadgeText({ tabId: id }), tabId);
  await expect.poll(badge).toBe(String(entities.length));
  await worker.evaluate(() => (globalThis as any).chrome.storage.sync.set({ settings: { badge: false } }));
  await expect.poll(badge).toBe('');
});

test('a badge switched off while the service worker slept is cleared, and comes back when switched on', async ({ context, page, server, extensionId }) => {
  await page.goto(server.url('pages/demo.html'));
  const { entities } = await readPageMentions(context, page);
  const tabId = await tabIdOf(context, page);
  // Stop the service worker: the tab keeps its badge, the new worker has no counts.
  const browserCdp = await context.browser()!.newBrowserCDPSession();
  const workerTargets = async () =>
    (await browserCdp.send('Target.getTargets')).targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
  const [worker] = await workerTargets();
  expect(worker).toBeTruthy();
  await browserCdp.send('Target.closeTarget', { targetId: worker.targetId });
  await expect.poll(async () => (await workerTargets()).length).toBe(0);
  const extensionPage = await context.newPage();
  await extensionPage.goto(`chrome-extension://${extensionId}/article.html`);
  const badge = () => extensionPage.evaluate((id) => (globalThis as any).chrome.action.getBadgeText({ tabId: id }), tabId);
  expect(await badge()).toBe(String(entities.length));
  await extensionPage.evaluate(() => (globalThis as any).chrome.storage.sync.set({ settings: { badge: false } }));
  await expect.poll(badge).toBe('');
  await extensionPage.evaluate(() => (globalThis as any).chrome.storage.sync.set({ settings: { badge: true } }));
  await expect.poll(badge).toBe(String(entities.length));
});

