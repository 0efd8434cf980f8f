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
import { cardFrameContexts, cardText, noticeText } from './card-probe';

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

test('the on-page notice is drawn in the extension’s frame: the page cannot read it', async ({ tab, addon, server }) => {
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

// window.find() searches closed shadow roots in Firefox too, so with the
// card in the page's document a page could test guesses against its text.
// The card is in an extension-origin frame, which find() never searches;
// the page's own text is found, so the probe itself works.
test('window.find() cannot test guesses against an open card’s text', async ({ tab, addon, server }) => {
  await setup(tab, addon, server);
  await readerHovers(tab, 'Liisa Harjula');
  expect(await cardText(tab)).toContain('Ust-Luga'); // what the guesses would find, were the card in the page
  const probed = await spy<Observed & { reads: string[] }>(tab, 'readOpenCard');
  expect(probed.reads.find((r) => r.startsWith('find:'))).toBe('find:{"Gulls followed the ship":true,"Finnish Foreign Minister":false,"Baltic cable breach":false,"shadow fleet":false,"Ust-Luga":false}');
});

test('forged frame handshakes and card messages to every frame, and navigating them, learn nothing and change nothing; a card frame navigated away is replaced', async ({ tab, addon, server }) => {
  await setup(tab, addon, server);
  await readerHovers(tab, 'Liisa Harjula');
  const before = (await cardText(tab))!;

  const forged = await spy<Observed & { frames: number; ownFrameReceived: number; portHeard: string[]; heard: string[] }>(tab, 'forgeFrameMessages');
  // The posts reach what the page can address (its own frame); the card's frame, in a closed root, is not among them.
  expect(forged.frames).toBe(1);
  expect(forged.ownFrameReceived).toBeGreaterThan(0);
  expect(forged.portHeard).toEqual([]);
  expect(forged.heard.filter((h) => h.startsWith('message:'))).toEqual([]);
  expectNoSecrets(forged);
  await addon.readPageMentions(tab);
  expect(await cardText(tab)).toBe(before);
  expect(await noticeText(tab)).toBe('');

  const navigated = await spy<Observed & { frames: number; read: string[] }>(tab, 'navigateFrames');
  expect(navigated.frames).toBe(1);
  expect(navigated.read.join('\n')).toContain('about:blank#spy');
  expectNoSecrets(navigated);
  expect(await cardText(tab)).toBe(before);

  // Were the page able to address the card's frame and navigate it (WebDriver
  // BiDi does it here), the old frame is dropped and the card drawn again in
  // a new frame with a new key.
  const [old] = await cardFrameContexts(tab);
  const connection = (tab.browser() as any).connection;
  await connection.send('browsingContext.navigate', { context: old, url: server.url('spy/spy.html'), wait: 'none' });
  await expect.poll(async () => (await cardFrameContexts(tab)).includes(old), { timeout: 15_000 }).toBe(false);
  await expect.poll(() => cardText(tab), { timeout: 15_000 }).toBe(before);
  expect((await spy(tab, 'observe')).hosts).toBe(1);
});
