/**
 * Playwright test fixtures for the add-on in real Firefox. Playwright runs the
 * tests; Firefox itself is driven by puppeteer-core over WebDriver BiDi (the
 * launcher in scripts/harness/launch-firefox.ts), because Playwright's own
 * Firefox cannot install add-ons.
 *
 * Each test gets a fresh Firefox with the add-on, a control tab (the add-on's
 * popup.html, opened as a tab: an extension page, so it can use the add-on's
 * APIs the way the Chromium suite uses the service worker) and a page tab,
 * opened last so that it is the active tab and renders frames.
 */
import { test as base, expect } from '@playwright/test';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { serveFixtures, type FixtureServer } from '../../scripts/harness/serve-fixtures';
import { FIREFOX_EXTENSION_DIR, launchFirefoxWithAddon, type FirefoxWithAddon } from '../../scripts/harness/launch-firefox';
import type { PageMentionsReply } from '../../lib/messages/protocol';
import { cardText } from './card-probe';

export const FIXTURES_DIR = resolve(import.meta.dirname, '../fixtures');

/** What tests do through the add-on's own APIs, from its control tab. */
export interface AddonControl {
  /** The control tab itself (popup.html). */
  page: Page;
  /** Asks `page`'s content script what it found, once its scan has finished. */
  readPageMentions(page: Page, timeoutMs?: number): Promise<PageMentionsReply>;
  /** The id of `page`'s tab (found by asking each tab's content script for its URL). */
  tabIdOf(page: Page): Promise<number>;
  /** Writes settings to storage.sync, as the options page would. */
  setSettings(settings: object): Promise<void>;
  /** Runs `fn(arg)` in the control tab, where `globalThis.browser` is the add-on's API. */
  run<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

interface TestFixtures {
  firefox: FirefoxWithAddon;
  addon: AddonControl;
  /** A fresh tab for the test's web page, the active one. */
  tab: Page;
}
interface WorkerFixtures {
  server: FixtureServer;
  /** The built add-on to install (a spec may swap in a copy of the build). */
  addonDir: string;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  server: [
    async ({}, use) => {
      const server = await serveFixtures(FIXTURES_DIR);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  addonDir: [async ({}, use) => use(FIREFOX_EXTENSION_DIR), { scope: 'worker' }],
  firefox: async ({ addonDir }, use) => {
    const firefox = await launchFirefoxWithAddon({ extensionDir: addonDir });
    try {
      await use(firefox);
    } finally {
      await firefox.close();
    }
    expect(firefox.addonErrors(), 'uncaught errors in the add-on').toEqual([]);
    expect(firefox.outsideRequests(), 'requests for non-local addresses').toEqual([]);
  },
  addon: async ({ firefox }, use) => {
    const control = await firefox.openExtensionPage('popup.html');
    const run: AddonControl['run'] = (fn, arg) => control.evaluate(fn as (a: unknown) => any, arg);
    const askTabs = (url: string) =>
      run(async (wanted: string) => {
        const api = (globalThis as any).browser;
        for (const tab of await api.tabs.query({})) {
          try {
            const reply = await api.tabs.sendMessage(tab.id, { type: 'page-mentions' });
            if (reply?.url === wanted) return { tabId: tab.id as number, reply: reply as PageMentionsReply };
          } catch {
            // No content script in that tab.
          }
        }
        return undefined;
      }, url);
    await use({
      page: control,
      run,
      async readPageMentions(page, timeoutMs = 25_000) {
        let last: PageMentionsReply | undefined;
        await expect
          .poll(async () => {
            last = (await askTabs(page.url()))?.reply;
            return last ? !last.scanning : false;
          }, { timeout: timeoutMs, message: `no finished scan reported for ${page.url()}` })
          .toBe(true);
        return last!;
      },
      async tabIdOf(page) {
        // The content script answers once it has started (document_idle, then its setup): wait for it.
        let found: Awaited<ReturnType<typeof askTabs>>;
        await expect
          .poll(async () => (found = await askTabs(page.url())) !== undefined, { timeout: 25_000, message: `no content script answers for ${page.url()}` })
          .toBe(true);
        if (!found) throw new Error(`no content script answers for ${page.url()}`);
        return found.tabId;
      },
      async setSettings(settings) {
        await run((s) => (globalThis as any).browser.storage.sync.set({ settings: s }), settings);
      },
    });
  },
  tab: async ({ firefox, addon }, use) => {
    // Opened after the control tab, so it is the active tab: Firefox runs no
    // animation frames in background tabs, and hover intent waits for one.
    void addon;
    const page = await firefox.browser.newPage();
    await use(page);
  },
});

export { expect };

/** Sum of highlight sizes the page itself reads from its CSS.highlights registry. */
export const highlightCount = (page: Page, name = 'fact-cards') =>
  page.evaluate((n) => CSS.highlights.get(n)?.size ?? 0, name);

/** Every highlighted range's text, read by the page from CSS.highlights. */
export function highlightedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const r of CSS.highlights.get('fact-cards') ?? []) {
      const s = r as StaticRange;
      const live = new Range();
      live.setStart(s.startContainer, s.startOffset);
      live.setEnd(s.endContainer, s.endOffset);
      out.push(live.toString());
    }
    return out;
  });
}

/** Centre of the first highlighted mention reading `text`, scrolled into view (the page reads the registry). */
export async function mentionPoint(page: Page, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((wanted) => {
    for (const r of CSS.highlights.get('fact-cards') ?? []) {
      const s = r as StaticRange;
      const live = new Range();
      live.setStart(s.startContainer, s.startOffset);
      live.setEnd(s.endContainer, s.endOffset);
      if (live.toString() !== wanted) continue;
      (s.startContainer.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const rect = live.getClientRects()[0];
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  }, text);
  if (!point) throw new Error(`no highlighted mention "${text}"`);
  return point;
}

/** Text of the open card, or null while none is shown (read through WebDriver BiDi: the card's shadow root is closed). */
export { cardText };

/** Moves the real pointer onto a mention and waits for its card. */
export async function hoverForCard(page: Page, text: string): Promise<string> {
  const p = await mentionPoint(page, text);
  // Approach from outside, as a reader's pointer would.
  await page.mouse.move(p.x, p.y + 120);
  await page.mouse.move(p.x, p.y, { steps: 4 });
  await expect.poll(() => cardText(page)).not.toBeNull();
  return (await cardText(page))!;
}

/** The computed style of the first highlighted mention's `::highlight(fact-cards)`: what the browser really applies. */
export const highlightStyleOf = (page: Page) =>
  page.evaluate(() => {
    const first = [...((CSS.highlights.get('fact-cards') ?? []) as Iterable<StaticRange>)][0];
    const el = first?.startContainer.parentElement;
    if (!el) return null;
    const cs = getComputedStyle(el, '::highlight(fact-cards)');
    return { line: cs.textDecorationLine, style: cs.textDecorationStyle, colour: cs.textDecorationColor, background: cs.backgroundColor };
  });
