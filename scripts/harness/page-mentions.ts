import type { BrowserContext, Page } from '@playwright/test';
import type { PageMentionsReply } from '../../lib/messages/protocol';

/**
 * Asks the page's content script what it found, through the extension's own
 * messaging (from the service worker), once its scan has finished.
 */
export async function readPageMentions(context: BrowserContext, page: Page, timeoutMs = 25_000): Promise<PageMentionsReply> {
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

/** The id of `page`'s tab, found by asking each tab's content script for its URL (no `tabs` permission needed). */
export async function tabIdOf(context: BrowserContext, page: Page): Promise<number> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = await worker.evaluate(async (url) => {
    const api = (globalThis as any).chrome;
    for (const tab of await api.tabs.query({})) {
      try {
        const r = await api.tabs.sendMessage(tab.id, { type: 'page-mentions' });
        if (r?.url === url) return tab.id as number;
      } catch {
        // No content script in that tab.
      }
    }
    return undefined;
  }, page.url());
  if (id === undefined) throw new Error(`no content script answers for ${page.url()}`);
  return id;
}

/** Sends a message to the content script of `page`'s tab, as the background would. */
export async function sendToPage(context: BrowserContext, page: Page, message: object): Promise<unknown> {
  const tabId = await tabIdOf(context, page);
  const worker = context.serviceWorkers()[0];
  return worker.evaluate(({ tabId, message }) => (globalThis as any).chrome.tabs.sendMessage(tabId, message), { tabId, message });
}

/** Centre of the n-th highlighted mention whose text is `text`, scrolled into view first. */
export async function mentionPoint(page: Page, text: string, nth = 0): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    ({ text, nth }) => {
      let seen = 0;
      for (const r of CSS.highlights.get('fact-cards') ?? []) {
        const s = r as StaticRange;
        const range = document.createRange();
        range.setStart(s.startContainer, s.startOffset);
        range.setEnd(s.endContainer, s.endOffset);
        if (range.toString() !== text || seen++ < nth) continue;
        (s.startContainer.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
        const rect = range.getClientRects()[0];
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      return null;
    },
    { text, nth },
  );
  if (!point) throw new Error(`no highlighted mention "${text}"`);
  return point;
}

/** Opens the popup as a page, over `page`'s tab: the tab is made active, so the popup reads it as it would from the toolbar. */
export async function openPopupOver(context: BrowserContext, page: Page): Promise<Page> {
  const tabId = await tabIdOf(context, page);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${new URL(worker.url()).host}/popup.html`);
  await popup.evaluate((id) => (globalThis as any).chrome.tabs.update(id, { active: true }), tabId);
  await popup.reload();
  return popup;
}

/**
 * How the browser styles the page's first highlighted mention: the computed
 * style of its element's `::highlight(fact-cards)` pseudo-element. Tests read
 * what is really applied, whichever stylesheet it comes from.
 */
export async function highlightStyleOf(page: Page): Promise<{ line: string; style: string; colour: string; background: string } | null> {
  return page.evaluate(() => {
    const first = [...((CSS.highlights.get('fact-cards') ?? []) as Iterable<StaticRange>)][0];
    const el = first?.startContainer.parentElement;
    if (!el) return null;
    const cs = getComputedStyle(el, '::highlight(fact-cards)');
    return { line: cs.textDecorationLine, style: cs.textDecorationStyle, colour: cs.textDecorationColor, background: cs.backgroundColor };
  });
}
