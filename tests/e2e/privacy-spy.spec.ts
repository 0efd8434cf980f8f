/**
 * The spy page (tests/fixtures/spy/spy.html): a team-written page whose own
 * script tries to learn what the reader has saved. The reader's library
 * holds one article the extension does not ship (the Baltic cable story,
 * saved through the real background as the options page saves it); the page
 * names Liisa Harjula, known only from that article, and Mark Rutte, known
 * from the bundled one. Every attempt must learn nothing of the saved
 * article: not its title, not what it says, not that Liisa Harjula is in it.
 * What the extension really shows is read through the browser (card-probe.ts).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, FIXTURES_DIR } from './fixtures';
import { readPageMentions, sendToPage } from '../../scripts/harness/page-mentions';
import { cardFrames, cardHeadings, cardText, cardVisible, hostFrameKeys, noticeText } from './card-probe';
import { textPoint } from './page-text';

const TITLE = 'Ferry tanker inquiry';
/** Strings only the saved article (or the library's record of it) holds. */
const SECRETS = [TITLE, 'Finnish Foreign Minister', 'Ust-Luga', 'shadow fleet', 'liisa-harjula', 'a-ferry-tanker-inquiry'];

type Observed = {
  hosts: number;
  highlights: Record<string, string[]>;
  [key: string]: unknown;
};

const spy = <T = Observed>(page: Page, attempt: string) => page.evaluate((a) => (window as any).spy[a](), attempt) as Promise<T>;

function expectNoSecrets(seen: unknown) {
  const text = JSON.stringify(seen);
  for (const secret of SECRETS) expect(text, `the page learned “${secret}”`).not.toContain(secret);
}

/** Ranges naming Harjula in any highlight the page can read (ours: `fact-cards`, and `fact-cards-active` while a card is open). */
const harjulaHighlighted = (seen: Observed) => Object.values(seen.highlights).flat().filter((t) => t.includes('Harjula'));
const harjulaUnderlined = (seen: Observed) => (seen.highlights['fact-cards'] ?? []).filter((t) => t.includes('Harjula'));

async function setup(context: BrowserContext, page: Page, server: { url(p: string): string }, openExtensionPage: (p: string) => Promise<Page>, settings: object = {}) {
  const options = await openExtensionPage('options.html');
  const text = await readFile(join(FIXTURES_DIR, 'articles', 'baltic-cable.txt'), 'utf8');
  const saved = await options.evaluate((article) => (globalThis as any).chrome.runtime.sendMessage({ type: 'save-article', article }), { title: TITLE, text });
  expect(saved).toMatchObject({ ok: true });
  // No hover delay: anything that could open a card does so within a frame or two.
  await options.evaluate((s) => (globalThis as any).chrome.storage.sync.set({ settings: { hoverDelayMs: 0, ...s } }), settings);
  await options.close();
  await page.bringToFront();
  await page.goto(server.url('spy/spy.html'));
  const reply = await readPageMentions(context, page);
  // The extension did find the saved-only name: what follows hides it, not misses it.
  expect(reply.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Liisa Harjula', 'Mark Rutte']));
}

/** The reader's own pointer comes to rest on the name (trusted events), and its card opens. */
async function readerHovers(page: Page, text: string, heading: string) {
  const p = await textPoint(page, text);
  await page.mouse.move(p.x, p.y + 80);
  await page.mouse.move(p.x, p.y, { steps: 3 });
  await expect.poll(() => cardHeadings(page)).toContain(heading);
}

test.describe('a spy page learns nothing of an article only the library holds', () => {
  test.beforeEach(() => test.slow()); // each saves an article first (the fact builder runs)

  test('synthetic pointer, mouse, touch, focus and key events at the name open no card', async ({ context, page, server, openExtensionPage }) => {
    await setup(context, page, server, openExtensionPage);
    const seen = await spy(page, 'syntheticEvents');
    await readPageMentions(context, page); // a round trip through the content script after the events
    expect(seen.hosts).toBe(0);
    expect(await cardVisible(page)).toBe(false);
    expect(harjulaHighlighted(seen)).toEqual([]);
    expectNoSecrets(seen);
    // The scan's timing entry says nothing that depends on the library.
    expect((seen.measures as string[]).filter((m) => /mentions|busyMs/.test(m))).toEqual([]);
    // The reader's real pointer on the same name does open it.
    await readerHovers(page, 'Liisa Harjula', 'Liisa Harjula');
    expect(await cardText(page)).toContain('Finnish Foreign Minister');
  });

  test('a selection the page makes, with the events a reader’s would send, opens no card', async ({ context, page, server, openExtensionPage }) => {
    await setup(context, page, server, openExtensionPage);
    const seen = await spy(page, 'selectionTricks');
    await readPageMentions(context, page);
    expect(seen.hosts).toBe(0);
    expect(await cardVisible(page)).toBe(false);
    expectNoSecrets(seen);
  });

  test('messages in the extension’s own shapes, posted or dispatched by the page, get no answer and open nothing', async ({ context, page, server, openExtensionPage }) => {
    await setup(context, page, server, openExtensionPage);
    const seen = await spy<Observed & { heard: string[]; runtime: string }>(page, 'messages');
    await readPageMentions(context, page);
    expect(seen.runtime).toBe('absent');
    // Nothing answers, and nothing announces the extension (WXT's start-up postMessage is off).
    expect(seen.heard).toEqual([]);
    expect(seen.hosts).toBe(0);
    expect(await cardVisible(page)).toBe(false);
    expect(harjulaHighlighted(seen)).toEqual([]);
    expectNoSecrets(seen);
  });

  test('the highlight registry shows bundled names only, then just the one range the reader opened; the setting applies live', async ({ context, page, server, openExtensionPage }) => {
    await setup(context, page, server, openExtensionPage);
    let seen = await spy(page, 'observe');
    expect(seen.highlights['fact-cards']).toContain('Mark Rutte');
    expect(harjulaHighlighted(seen)).toEqual([]);
    expect(await spy<string[]>(page, 'patches')).toEqual([]);

    await readerHovers(page, 'Liisa Harjula', 'Liisa Harjula');
    seen = await spy(page, 'observe');
    // Only the hovered range: the page learns what the reader pointed at, not the name's other mentions.
    expect(seen.highlights['fact-cards'].filter((t) => t.includes('Harjula'))).toEqual(['Liisa Harjula']);
    const first = await page.evaluate(() => {
      const r = [...(CSS.highlights.get('fact-cards') as any)].find((s: StaticRange) => s.startContainer.parentElement?.id === 'secret-name');
      return !!r;
    });
    expect(first).toBe(true);
    expectNoSecrets(seen);

    // Off: every name underlined, the saved-only ones too (what the options say a page can then learn).
    const options = await openExtensionPage('options.html');
    await options.getByRole('checkbox', { name: 'Keep my saved articles private from pages' }).uncheck();
    await page.bringToFront();
    await expect.poll(async () => harjulaUnderlined(await spy(page, 'observe')).length).toBe(3);
    await options.getByRole('checkbox', { name: 'Keep my saved articles private from pages' }).check();
    await page.bringToFront();
    await expect.poll(async () => harjulaUnderlined(await spy(page, 'observe')).length).toBe(0);
    expect((await spy(page, 'observe')).highlights['fact-cards']).toContain('Mark Rutte');
  });

  test('with the card open, shadow-root reads, serialising, selecting, find, layout and focus probes read none of it', async ({ context, page, server, openExtensionPage }) => {
    await setup(context, page, server, openExtensionPage);
    await readerHovers(page, 'Liisa Harjula', 'Liisa Harjula');
    // The card really shows the saved article (read through the browser)…
    const shown = (await cardText(page))!;
    expect(shown).toContain('Finnish Foreign Minister');
    expect(shown).toContain(TITLE);
    // …and the page, probing while it is open, gets none of it.
    const seen = await spy<Observed & { reads: string[]; patches: string[]; resources: string[] }>(page, 'readOpenCard');
    // window.find() is checked on its own below (a known leak).
    seen.reads = seen.reads.filter((r) => !r.startsWith('find:'));
    expect(seen.hosts).toBe(1);
    expect(seen.reads[0]).toBe('null'); // host.shadowRoot
    expect(seen.reads[1]).toBe('NotSupportedError'); // a second attachShadow
    expect(seen.ariaLive).toEqual([]);
    expect(seen.titles).toEqual([]);
    expect(seen.patches).toEqual([]);
    expectNoSecrets(seen);
    expect(await cardVisible(page)).toBe(true);
  });

  test('the on-page notice is drawn in the extension’s frame: the page cannot read it', async ({ context, page, server, openExtensionPage }) => {
    await setup(context, page, server, openExtensionPage);
    const notice = `Saved “${TITLE}” · 12 names`;
    expect(await sendToPage(context, page, { type: 'show-notice', text: notice })).toBe(true);
    await expect.poll(() => noticeText(page)).toBe(notice);
    const seen = await spy(page, 'observe');
    expect(seen.hosts).toBe(1);
    expect(seen.ariaLive).toEqual([]);
    expectNoSecrets(seen);
  });

  // window.find() searches closed shadow roots in Chromium (the flat tree),
  // so with the card in the page's document a page could test guesses
  // against its text ("does it say Ust-Luga?"). The card is in an
  // extension-origin frame, another origin's document, which find() never
  // searches. The page's own text is found: the probe itself works.
  test('window.find() cannot test guesses against an open card’s text', async ({ context, page, server, openExtensionPage }) => {
    await setup(context, page, server, openExtensionPage);
    await readerHovers(page, 'Liisa Harjula', 'Liisa Harjula');
    expect(await cardText(page)).toContain('Ust-Luga'); // what the guesses would find, were the card in the page
    const seen = await spy<Observed & { reads: string[] }>(page, 'readOpenCard');
    expect(seen.reads.find((r) => r.startsWith('find:'))).toBe('find:{"Gulls followed the ship":true,"Finnish Foreign Minister":false,"Baltic cable breach":false,"shadow fleet":false,"Ust-Luga":false}');
  });

  test('forged frame handshakes and card messages, posted to every frame the page can reach, hear nothing and change nothing', async ({ context, page, server, openExtensionPage }) => {
    await setup(context, page, server, openExtensionPage);
    await readerHovers(page, 'Liisa Harjula', 'Liisa Harjula');
    const before = (await cardText(page))!;
    const seen = await spy<Observed & { frames: number; ownFrameReceived: number; portHeard: string[]; heard: string[] }>(page, 'forgeFrameMessages');
    // The posts reach what the page can address (its own frame); the card's frame, in a closed root, is not among them.
    expect(seen.frames).toBe(1);
    expect(seen.ownFrameReceived).toBeGreaterThan(0);
    expect(seen.portHeard).toEqual([]);
    // No message comes back to the page (the reader's own pointer events are heard, as on any page).
    expect(seen.heard.filter((h) => h.startsWith('message:'))).toEqual([]);
    expectNoSecrets(seen);
    await readPageMentions(context, page); // a round trip through the content script after the attempt
    expect(await cardText(page)).toBe(before);
    expect(await noticeText(page)).toBe('');
  });

  test('navigating the frames the page can reach learns nothing; a card frame navigated away is replaced and the card drawn again', async ({ context, page, server, openExtensionPage }) => {
    await setup(context, page, server, openExtensionPage);
    await readerHovers(page, 'Liisa Harjula', 'Liisa Harjula');
    const before = (await cardText(page))!;
    const seen = await spy<Observed & { frames: number; read: string[] }>(page, 'navigateFrames');
    expect(seen.frames).toBe(1);
    expect(seen.read.join('\n')).toContain('about:blank#spy'); // the page's own frame did navigate
    expectNoSecrets(seen);
    expect(await cardText(page)).toBe(before);

    // Were the page able to address the card's frame and navigate it (the
    // browser does it here): the old frame and its port are dropped, and the
    // card is drawn again in a new frame with a new key.
    const [frame] = cardFrames(page);
    const oldUrl = frame.url();
    const oldKey = new URL(oldUrl).hash;
    expect(await hostFrameKeys(page)).toEqual([oldKey]);
    // The host removes the frame as soon as the new document loads, which may end the navigation's wait.
    await frame.goto(server.url('spy/spy.html')).catch(() => {});
    // The host's elements, not Playwright's Frame: the removed frame's
    // process goes with it, and Playwright may list it for a while after.
    await expect.poll(() => hostFrameKeys(page)).not.toContain(oldKey);
    await expect.poll(() => cardText(page)).toBe(before);
    const keys = await hostFrameKeys(page);
    expect(keys).toHaveLength(1);
    expect(cardFrames(page).map((f) => new URL(f.url()).hash)).toContain(keys[0]);
    expect(cardFrames(page).map((f) => f.url())).not.toContain(oldUrl);
    expect((await spy(page, 'observe')).hosts).toBe(1);
  });
});
