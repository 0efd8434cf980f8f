import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { mentionPoint, readPageMentions } from '../../scripts/harness/page-mentions';
import { cardCount, cardText, cardVisible } from './card-probe';
import { textPoint } from './page-text';

/** Everything fetched by pages, extension pages and the service worker, by their own resource timing. */
async function resourcesFetched(context: BrowserContext): Promise<string[]> {
  const urls: string[] = [];
  for (const p of context.pages()) {
    urls.push(...(await p.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name)).catch(() => [])));
  }
  for (const w of context.serviceWorkers()) {
    urls.push(...(await w.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))));
  }
  return urls;
}

const isLocal = (url: string) => /^(chrome-extension:|data:|blob:|about:|http:\/\/127\.0\.0\.1:\d+\/)/.test(url);

async function hover(page: Page, text: string) {
  const point = await mentionPoint(page, text);
  await page.mouse.move(point.x, point.y);
}

test('makes no network requests: pages, card, popup, options and viewer only load local files', async ({ context, page, server, extensionId, openExtensionPage }) => {
  const requested: string[] = [];
  context.on('request', (r) => requested.push(r.url()));
  await page.goto(server.url('pages/demo.html'));
  await readPageMentions(context, page);
  await hover(page, 'Mark Rutte');
  await expect.poll(() => cardVisible(page)).toBe(true);
  const popup = await openExtensionPage('popup.html');
  await popup.getByRole('combobox', { name: 'Search facts' }).fill('Zelensky');
  await popup.getByRole('combobox', { name: 'Search facts' }).press('Enter');
  await openExtensionPage('options.html');
  const viewer = await openExtensionPage('article.html?article=builtin#s3');
  await expect(viewer.locator('[aria-current="true"]')).toBeVisible();
  const all = [...requested, ...(await resourcesFetched(context))];
  expect(all.length).toBeGreaterThan(3);
  expect(all.filter((u) => !isLocal(u))).toEqual([]);
  // Two files are web-accessible (the card's host, loaded on first use, and
  // the frame the card is drawn in), only at a per-session address; the
  // extension pages keep the default CSP.
  const manifest = await popup.evaluate(() => (globalThis as any).chrome.runtime.getManifest());
  expect(manifest.web_accessible_resources).toEqual([{ resources: ['card-ui.js', 'card-frame.html'], matches: ['<all_urls>'], use_dynamic_url: true }]);
  expect(manifest.content_security_policy).toBeUndefined();
  expect(manifest.externally_connectable).toBeUndefined();
  // scripting + activeTab: the article extractor, run in a tab only when the user asks; no host permissions.
  expect([...manifest.permissions].sort()).toEqual(['activeTab', 'contextMenus', 'scripting', 'storage']);
  expect(manifest.host_permissions).toBeUndefined();
  expect(extensionId).toMatch(/^[a-p]{32}$/);
});

test('a page cannot probe for the extension: its files are not reachable at the extension’s own address', async ({ page, server, extensionId }) => {
  await page.goto(server.url('pages/demo.html'));
  const probe = await page.evaluate(async (id) => {
    const tries: Record<string, string> = {};
    for (const file of ['card-ui.js', 'card-frame.html', 'manifest.json', 'popup.html', 'content-scripts/content.js']) {
      try {
        const r = await fetch(`chrome-extension://${id}/${file}`);
        tries[file] = `status ${r.status}`;
      } catch {
        tries[file] = 'refused';
      }
    }
    return tries;
  }, extensionId);
  expect(probe).toEqual({ 'card-ui.js': 'refused', 'card-frame.html': 'refused', 'manifest.json': 'refused', 'popup.html': 'refused', 'content-scripts/content.js': 'refused' });
});

test("a pack whose text contains HTML and script shows it as inert text everywhere", async ({ context, page, server, extensionId, openExtensionPage }) => {
  const text = [
    'Test Desk',
    '',
    'Harbour Talks Resume',
    '',
    'Mayor Elena Marsh <img src=x onerror="document.title=\'pwned\'"> opened the talks in Riga on Monday.',
    '',
    '“<script>document.title=\'pwned\'</script> is not a plan,” Elena Marsh said, before leaving Riga for Tallinn.',
  ].join('\n');
  const saver = await openExtensionPage('options.html');
  const saved = await saver.evaluate((article) => (globalThis as any).chrome.runtime.sendMessage({ type: 'save-article', article }), { title: 'Harbour <b>talks</b>', text });
  expect(saved).toMatchObject({ ok: true });

  await page.goto(server.url('pages/harbour-notes.html'));
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Later, Elena Marsh spoke again.';
    document.body.append(p);
  });
  await expect.poll(async () => (await readPageMentions(context, page)).entities.map((e) => e.name)).toContain('Elena Marsh');
  // Known only from a saved article: private from the page, so not in the
  // highlight registry; the reader's hover still opens its card.
  const p = await textPoint(page, 'Elena Marsh');
  await page.mouse.move(p.x, p.y);
  await expect.poll(() => cardText(page)).toContain('<img src=x onerror=');
  expect(await cardText(page)).toContain('Harbour <b>talks</b>');
  expect(await cardCount(page, 'img, script, b')).toBe(0);

  const popup = await openExtensionPage('popup.html');
  await popup.getByRole('combobox', { name: 'Search facts' }).fill('Elena Marsh');
  await popup.getByRole('combobox', { name: 'Search facts' }).press('Enter');
  const popupCard = popup.getByRole('dialog', { name: 'Elena Marsh' });
  await expect(popupCard).toContainText('<img src=x');
  expect(await popupCard.locator('img, script, b').count()).toBe(0);

  const viewer = await openExtensionPage(`article.html?article=${saved.packId}#s3`);
  await expect(viewer.locator('body')).toContainText('<script>document.title');
  expect(await viewer.locator('main img, main script, main b').count()).toBe(0);

  const options = await openExtensionPage('options.html');
  await expect(options.locator('body')).toContainText('Harbour <b>talks</b>');
  for (const p of [page, popup, viewer, options]) expect(await p.title()).not.toBe('pwned');
  expect(extensionId).toBeTruthy();
});
