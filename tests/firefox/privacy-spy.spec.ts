/**
 * The spy page in Firefox (see tests/e2e/privacy-spy.spec.ts for the same
 * attempts in Chromium): the reader's library holds one article the add-on
 * does not ship; the page's own script tries to learn anything of it. What
 * the add-on really shows is read through WebDriver BiDi (card-probe.ts).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { test, expect, FIXTURES_DIR, type AddonControl } from './fixtures';
import { cardText, noticeText } from './card-probe';

const TITLE = 'Ferry tanker inquiry';
const SECRETS = [TITLE, 'Finnish Foreign Minister', 'Ust-Luga', 'shadow fleet', 'liisa-harjula', 'a-ferry-tanker-inquiry'];

type Observed = { hosts: number; highlights: Record<string, string[]>; [key: string]: unknown };

const spy = <T = Observed>(tab: Page, attempt: string) => tab.evaluate((a) => (window as any).spy[a](), attempt) as Promise<T>;

function expectNoSecrets(seen: unknown) {
  const text = JSON.stringify(seen);
  for (const secret of SECRETS) expect(text, `the page learned “${secret}”`).not.toContain(secret);
}
const underlined = (seen: Observed) => (seen.highlights['fact-cards'] ?? []).filter((t) => t.includes('Harjula'));
const anyHarjula = (seen: Observed) => Object.values(seen.highlights).flat().filter((t) => t.includes('Harjula'));

async function setup(tab: Page, addon: AddonControl, server: { url(p: string): string }, settings: object = {}) {
  const text = await readFile(join(FIXTURES_DIR, 'articles', 'baltic-cable.txt'), 'utf8');
  const saved = await addon.run((article) => (globalThis as any).browser.runtime.sendMessage({ type: 'save-article', article }), { title: TITLE, text });
  expect(saved).toMatchObject({ ok: true });
  await addon.setSettings({ hoverDelayMs: 0, ...settings });
  await tab.bringToFront();
  await tab.goto(server.url('spy/spy.html'));
  const reply = await addon.readPageMentions(tab, 30_000);
  expect(reply.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Liisa Harjula', 'Mark Rutte']));
}

async function readerHovers(tab: Page, text: string) {
  const p = await tab.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      const at = node.data.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const r = range.getClientRects()[0];
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    return null;
  }, text);
  if (!p) throw new Error(`no "${text}" on the page`);
  await tab.mouse.move(p.x, p.y + 80);
  await tab.mouse.move(p.x, p.y, { steps: 4 });
  await expect.poll(() => cardText(tab), { timeout: 15_000 }).toContain(text);
}

test('synthetic events, page-made selections and messages in our shapes open nothing and learn nothing; the reader’s hover does open the card', async ({ tab, addon, server }) => {
  await setup(tab, addon, server);
  for (const attempt of ['syntheticEvents', 'selectionTricks', 'messages']) {
    const seen = await spy<Observed & { heard?: string[]; runtime?: string }>(tab, attempt);
    await addon.readPageMentions(tab); // a round trip through the content script after the attempt
    expect(seen.hosts, attempt).toBe(0);
    expect(await cardText(tab), attempt).toBeNull();
    expect(anyHarjula(seen), attempt).toEqual([]);
    // No message from anyone but the page (its own focus and selection calls are trusted events in Firefox).
    if (seen.heard) expect(seen.heard.filter((h) => h.startsWith('message:'))).toEqual([]);
    expectNoSecrets(seen);
  }
  await readerHovers(tab, 'Liisa Harjula');
  expect(await cardText(tab)).toContain('Finnish Foreign Minister');
});

test('the highlight registry shows bundled names only, then the one range the reader opened; reads of the open card get none of it', async ({ tab, addon, server }) => {
  await setup(tab, addon, server);
  let seen = await spy(tab, 'observe');
  expect(seen.highlights['fact-cards']).toContain('Mark Rutte');
  expect(anyHarjula(seen)).toEqual([]);

  await readerHovers(tab, 'Liisa Harjula');
  expect(await cardText(tab)).toContain(TITLE);
  seen = await spy(tab, 'observe');
  expect(underlined(seen)).toEqual(['Liisa Harjula']);

  const probed = await spy<Observed & { reads: string[]; patches: string[] }>(tab, 'readOpenCard');
  expect(probed.hosts).toBe(1);
  expect(probed.reads[0]).toBe('null');
  expect(probed.reads[1]).toBe('NotSupportedError');
  probed.reads = probed.reads.filter((r) => !r.startsWith('find:')); // window.find(): its own test below
  expect(probed.ariaLive).toEqual([]);
  expect(probed.titles).toEqual([]);
  expect(probed.patches).toEqual([]);
  expectNoSecrets(probed);

  // Not private: every mention of the name is underlined (the setting applies live).
  await addon.setSettings({ hoverDelayMs: 0, privateLibrary: false });
  await expect.poll(async () => underlined(await spy(tab, 'observe')).length).toBe(3);
});

test('the on-page notice lives inside the closed root', async ({ tab, addon, server }) => {
  await setup(tab, addon, server);
  const notice = `Saved “${TITLE}” · 12 names`;
  const tabId = await addon.tabIdOf(tab);
  expect(await addon.run(({ id, text }) => (globalThis as any).browser.tabs.sendMessage(id, { type: 'show-notice', text }), { id: tabId, text: notice })).toBe(true);
  await expect.poll(() => noticeText(tab)).toBe(notice);
  const seen = await spy(tab, 'observe');
  expect(seen.hosts).toBe(1);
  expect(seen.ariaLive).toEqual([]);
  expectNoSecrets(seen);
});

// KNOWN LEAK, kept visible (as in Chromium): window.find() searches closed
// shadow roots, so while a card is open a page can test guesses against its
// text. Marked as failing so that the fix turns this test green.
test('window.find() cannot test guesses against an open card’s text', async ({ tab, addon, server }) => {
  test.fail(true, 'window.find() searches closed shadow roots in Firefox');
  await setup(tab, addon, server);
  await readerHovers(tab, 'Liisa Harjula');
  const probed = await spy<Observed & { reads: string[] }>(tab, 'readOpenCard');
  expect(probed.reads.find((r) => r.startsWith('find:'))).toBe('find:{"Finnish Foreign Minister":false,"Baltic cable breach":false,"shadow fleet":false,"Ust-Luga":false}');
});
