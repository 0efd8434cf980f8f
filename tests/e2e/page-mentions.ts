import type { BrowserContext, Page } from '@playwright/test';
import type { PageMentionsReply } from '../../lib/messages';

/**
 * Asks the page's content script what it found, through the extension's own
 * messaging (from the service worker), once its scan has finished.
 */
export async function readPageMentions(context: BrowserContext, page: Page, timeoutMs = 10_000): Promise<PageMentionsReply> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reply = await worker.evaluate(async (url): Promise<PageMentionsReply | undefined> => {
      const api = (globalThis as any).chrome;
      for (const tab of await api.tabs.query({})) {
        try {
          const r = await api.tabs.sendMessage(tab.id, { type: 'page-mentions' });
          if (r?.url === url) return r;
        } catch {
          // No content script in that tab.
        }
      }
      return undefined;
    }, page.url());
    if (reply && !reply.scanning) return reply;
    if (Date.now() > deadline) throw new Error(`no finished scan reported for ${page.url()}`);
    await page.waitForTimeout(100);
  }
}

/** Sends a message to the content script of `page`'s tab, as the background would. */
export async function sendToPage(context: BrowserContext, page: Page, message: object): Promise<unknown> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return worker.evaluate(
    async ({ url, message }) => {
      const api = (globalThis as any).chrome;
      for (const tab of await api.tabs.query({})) {
        try {
          const r = await api.tabs.sendMessage(tab.id, { type: 'page-mentions' });
          if (r?.url === url) return await api.tabs.sendMessage(tab.id, message);
        } catch {
          // No content script in that tab.
        }
      }
      throw new Error(`no content script answers for ${url}`);
    },
    { url: page.url(), message },
  );
}
