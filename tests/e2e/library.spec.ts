/**
 * The article library end to end: articles saved through `save-article`
 * (as the options page and the capture do), merged with the bundled one
 * into one card per entity, surviving a browser restart, and a full
 * quota reported in words with nothing lost.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, FIXTURES_DIR } from './fixtures';
import { mentionPoint, readPageMentions } from '../../scripts/harness/page-mentions';
import { extensionIdOf, launchWithExtension } from '../../scripts/harness/launch-chromium';
import { cardText, cardTexts, cardVisible } from './card-probe';

const article = async (name: string) => readFile(join(FIXTURES_DIR, 'articles', `${name}.txt`), 'utf8');

const COALITION = { title: 'Coalition of Willing Drafts Plan for Postwar Ukraine Force', source: 'Harbour Wire', published: '2025-09-02' };
const CEASEFIRE = { title: 'Rutte Urges Allies to Stand Behind Any Ceasefire Deal', source: 'Harbour Wire', published: '2025-10-14', url: 'https://harbour-wire.example/ceasefire' };

/** Sends a message from an extension page, as the options page and popup do. */
async function send(extensionPage: Page, message: object): Promise<any> {
  return extensionPage.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), message);
}

async function saveStory(context: BrowserContext, openExtensionPage: (path: string) => Promise<Page>) {
  const options = await openExtensionPage('options.html');
  for (const [meta, name] of [[COALITION, 'story-coalition'], [CEASEFIRE, 'story-ceasefire']] as const) {
    const reply = await send(options, { type: 'save-article', article: { ...meta, text: await article(name) } });
    expect(reply).toMatchObject({ ok: true, packId: expect.stringMatching(/^a-/), entities: expect.any(Number) });
  }
  return options;
}

/** The text of every highlighted range on the page, in document order. */
const highlighted = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    for (const r of (CSS.highlights.get('fact-cards') ?? []) as Iterable<StaticRange>) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      out.push(range.toString());
    }
    return out;
  });

test('two saved articles about one story: one highlight per shared name, one card drawing on every article', async ({ page, context, server, openExtensionPage }) => {
  test.slow(); // builds two articles
  const options = await saveStory(context, openExtensionPage);
  const again = await send(options, { type: 'save-article', article: { ...COALITION, text: await article('story-coalition') } });
  expect(again).toEqual({ ok: false, error: expect.stringMatching(/already in your library/) });

  // Every name underlined, saved-only ones too: this test is about merging
  // (the private library, where they are not, is privacy-spy.spec.ts's).
  await options.evaluate(() => (globalThis as any).chrome.storage.sync.set({ settings: { privateLibrary: false } }));
  await page.bringToFront();
  await page.goto(server.url('pages/story-shared.html'));
  const reply = await readPageMentions(context, page);
  const lead = reply.mentions.slice(0, 7).map((m) => `${m.text}=${m.entity}`);
  expect(lead).toEqual([
    'NATO=nato', 'Mark Rutte=mark-rutte', 'Volodymyr Zelenskiy=volodymyr-zelenskiy', 'Kyiv=kyiv',
    'Keir Starmer=keir-starmer', 'Donald Trump=donald-trump', 'White House=white-house',
  ]);
  // Each name once in the lead paragraph: no name dropped as ambiguous, none doubled.
  expect((await highlighted(page)).slice(0, 7)).toEqual(['NATO', 'Mark Rutte', 'Volodymyr Zelenskiy', 'Kyiv', 'Keir Starmer', 'Donald Trump', 'White House']);
  expect(reply.entities.find((e) => e.entity === 'mark-rutte')).toMatchObject({ name: 'Mark Rutte', count: 2 });

  const p = await mentionPoint(page, 'Mark Rutte');
  await page.mouse.move(p.x, p.y);
  await expect.poll(() => cardVisible(page)).toBe(true);
  await expect.poll(() => cardText(page)).toContain('in 3 articles');
  const heads = await cardTexts(page, '.fc-group-head');
  expect(heads).toHaveLength(3);
  expect(heads[0]).toContain(`${CEASEFIRE.title} · Harbour Wire · `);
  expect(heads[0]).toContain('14 Oct 2025');
  expect(heads[1]).toContain(`${COALITION.title} · Harbour Wire · `);
  expect(heads[1]).toContain('2 Sep 2025');
  expect(heads[2]).toContain('Reuters');
  expect(heads[2]).toContain('18 Aug 2025');
  expect(await cardText(page)).toContain('NATO Secretary General');
});

test('the library survives a browser restart', async ({ server }) => {
  test.slow();
  const profile = await mkdtemp(join(tmpdir(), 'fact-cards-profile-'));
  try {
    const first = await launchWithExtension({ userDataDir: profile });
    const id = await extensionIdOf(first);
    const options = await first.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    for (const [meta, name] of [[COALITION, 'story-coalition'], [CEASEFIRE, 'story-ceasefire']] as const) {
      expect((await send(options, { type: 'save-article', article: { ...meta, text: await article(name) } })).ok).toBe(true);
    }
    await first.close();

    const second = await launchWithExtension({ userDataDir: profile });
    const again = await second.newPage();
    await again.goto(`chrome-extension://${await extensionIdOf(second)}/options.html`);
    const titles = ((await send(again, { type: 'library-list' })).articles as { title: string }[]).map((a) => a.title).sort();
    expect(titles).toEqual([COALITION.title, CEASEFIRE.title, 'Zelenskiy: U.S. Security Pledge is “a Major Step Forward”'].sort());
    await expect(again.getByRole('heading', { level: 3, name: CEASEFIRE.title })).toBeVisible();
    // And the merged card is back too, built from the stored articles.
    const page = await second.newPage();
    await page.goto(server.url('pages/story-shared.html'));
    const reply = await readPageMentions(second, page);
    expect(reply.entities.find((e) => e.entity === 'keir-starmer')).toMatchObject({ name: 'Keir Starmer' });
    await second.close();
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
});

test('a full quota is reported in words and nothing is lost', async () => {
  test.slow(); // builds articles, launches twice
  const profile = await mkdtemp(join(tmpdir(), 'fact-cards-profile-'));
  try {
    const first = await launchWithExtension({ userDataDir: profile });
    const options = await first.newPage();
    await options.goto(`chrome-extension://${await extensionIdOf(first)}/options.html`);
    expect((await send(options, { type: 'save-article', article: { ...COALITION, text: await article('story-coalition') } })).ok).toBe(true);
    await first.close();

    // The browser's own quota for the extension's origin, set below what it
    // already stores before the library opens again (Chromium applies an
    // override to storage opened after it).
    const second = await launchWithExtension({ userDataDir: profile });
    const id = await extensionIdOf(second);
    const blank = second.pages()[0] ?? (await second.newPage());
    const cdp = await second.newCDPSession(blank);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: `chrome-extension://${id}`, quotaSize: 1 });
    const again = await second.newPage();
    await again.goto(`chrome-extension://${id}/options.html`);
    const full = await send(again, { type: 'save-article', article: { ...CEASEFIRE, text: await article('story-ceasefire') } });
    expect(full).toEqual({ ok: false, error: expect.stringMatching(/no room left.*Nothing was changed/) });
    const titles = (await send(again, { type: 'library-list' })).articles.map((a: { title: string }) => a.title);
    expect(titles).toContain(COALITION.title);
    expect(titles).not.toContain(CEASEFIRE.title);
    // The card built from what was stored still opens.
    expect((await send(again, { type: 'card', entity: 'keir-starmer' }))?.articleCount).toBe(1);
    await second.close();
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
});

test('a content script cannot write to the library: the background ignores save-article from it', async ({ page, context, server, openExtensionPage }) => {
  test.slow();
  await page.goto(server.url('pages/story-shared.html'));
  await readPageMentions(context, page);
  // Run in the content script's own isolated world (where a compromised
  // renderer could call runtime.sendMessage), found through CDP.
  const reply = await inContentScript(page, `chrome.runtime.sendMessage({ type: 'save-article', article: { title: 'Planted', text: 'Mark Rutte met Kaja Kallas in Tallinn on Friday to discuss the Baltic Sea.' } })`);
  expect(reply).toBeUndefined();
  const scan = await inContentScript(page, `chrome.runtime.sendMessage({ type: 'scan', texts: ['Mark Rutte'], fuzzy: 'normal' })`);
  expect(scan).toMatchObject({ entities: [['mark-rutte', 'Mark Rutte', 0]] });
  const options = await openExtensionPage('options.html');
  const titles = (await send(options, { type: 'library-list' })).articles.map((a: { title: string }) => a.title);
  expect(titles).not.toContain('Planted');
});

/** Evaluates an expression in the extension's isolated world on `page` (the content script's), awaiting promises. */
async function inContentScript(page: Page, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const isolated = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Fact Cards');
  if (!isolated) throw new Error(`no content-script world among ${contexts.map((c) => c.name).join(', ')}`);
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId: isolated.id, awaitPromise: true, returnByValue: true });
  await cdp.detach();
  if (exceptionDetails) throw new Error(exceptionDetails.text);
  return result.value;
}

test('packs saved by an earlier version move into the library when the new version starts, and only unreadable ones stay', async () => {
  test.slow();
  const profile = await mkdtemp(join(tmpdir(), 'fact-cards-profile-'));
  try {
    // What version 0.1 stored: a list of packs (a FactIndex each) under `packs`, and one it could not read.
    const legacyIndex = JSON.parse(await readFile(join(FIXTURES_DIR, 'articles', 'legacy-pack.json'), 'utf8'));
    const first = await launchWithExtension({ userDataDir: profile });
    const worker = first.serviceWorkers()[0] ?? (await first.waitForEvent('serviceworker'));
    await worker.evaluate(
      (index) => (globalThis as any).chrome.storage.local.set({
        packs: [{ id: 'pack-baltic', enabled: false, addedAt: '2026-01-05T09:00:00.000Z', index }, { id: 'pack-broken', enabled: true, index: { version: 1 } }],
        packs$: { v: 2 },
      }),
      legacyIndex,
    );
    await first.close();

    const second = await launchWithExtension({ userDataDir: profile });
    const options = await second.newPage();
    await options.goto(`chrome-extension://${await extensionIdOf(second)}/options.html`);
    const list = await send(options, { type: 'library-list' });
    expect(list.articles.map((a: { id: string; enabled: boolean; addedAt?: string }) => `${a.id}:${a.enabled}:${a.addedAt}`)).toContain('pack-baltic:false:2026-01-05T09:00:00.000Z');
    expect(list.problems).toEqual([expect.stringMatching(/1 fact pack saved by an earlier version could not be read/)]);
    // Only the unreadable entry stays where it was, never erased.
    const worker2 = second.serviceWorkers()[0];
    expect((await worker2.evaluate(() => (globalThis as any).chrome.storage.local.get('packs'))).packs).toEqual([{ id: 'pack-broken', enabled: true, index: { version: 1 } }]);
    await expect(options.getByText(/1 fact pack saved by an earlier version could not be read/)).toBeVisible();
    await second.close();
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
});
