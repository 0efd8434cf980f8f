import { test, expect } from './fixtures';
import { readPageMentions } from '../../scripts/harness/page-mentions';
import type { Page } from '@playwright/test';

/** Every highlighted range as [text, inside an editor or field?, still in the document?]. */
function highlightedRanges(page: Page) {
  return page.evaluate(() => {
    const h = CSS.highlights.get('fact-cards');
    return [...(h ?? [])].map((r) => {
      const range = r as StaticRange;
      const el = range.startContainer.parentElement;
      const text = range.startContainer === range.endContainer
        ? (range.startContainer as Text).data.slice(range.startOffset, range.endOffset)
        : `${(range.startContainer as Text).data.slice(range.startOffset)}…`;
      return {
        text,
        inEditor: !!el?.closest('textarea, input, [contenteditable]'),
        connected: range.startContainer.isConnected,
      };
    });
  });
}

test('highlights the article names on the demo page, with the Highlight API', async ({ page, context, server }) => {
  await page.goto(server.url('pages/demo.html'));
  const reply = await readPageMentions(context, page);
  const names = reply.entities.map((e) => e.entity);
  for (const id of ['mark-rutte', 'volodymyr-zelenskiy', 'donald-trump', 'nato', 'article-5', 'kyiv', 'yuri-ushakov']) {
    expect(names).toContain(id);
  }
  const ranges = await highlightedRanges(page);
  expect(ranges.length).toBe(reply.mentions.length);
  expect(ranges.map((r) => r.text)).toEqual(expect.arrayContaining(['Zelensky', 'Nato', 'KYIV', 'Putin', 'Путин']));
  // Look-alike words on the page are not names.
  for (const word of ['advance', 'Donato', 'route', 'hungry', 'Ukrainian', 'European']) {
    expect(ranges.map((r) => r.text)).not.toContain(word);
  }
});

test('never highlights inside a textarea or a contenteditable region', async ({ page, context, server }) => {
  await page.goto(server.url('pages/demo.html'));
  await readPageMentions(context, page);
  await expect(page.locator('textarea')).toHaveValue(/Trump and Zelenskiy/);
  const ranges = await highlightedRanges(page);
  expect(ranges.length).toBeGreaterThan(50);
  expect(ranges.filter((r) => r.inEditor)).toEqual([]);
});

test('leaves the page DOM and text byte-identical', async ({ page, context, server }) => {
  await page.goto(server.url('pages/demo.html'));
  await readPageMentions(context, page);
  const [live, parsed] = await page.evaluate(async () => {
    const source = await (await fetch(location.href)).text();
    const fresh = new DOMParser().parseFromString(source, 'text/html');
    return [document.documentElement.outerHTML, fresh.documentElement.outerHTML];
  });
  expect(live).toBe(parsed);
});

test('highlights an inserted paragraph and drops the highlights of removed text', async ({ page, context, server }) => {
  await page.goto(server.url('pages/demo.html'));
  const before = (await readPageMentions(context, page)).mentions.length;
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.id = 'late';
    p.textContent = 'Late update: Mark Rutte spoke to Friedrich Merz about Crimea.';
    document.querySelector('article')!.append(p);
  });
  await expect.poll(async () => (await highlightedRanges(page)).map((r) => r.text)).toEqual(
    expect.arrayContaining(['Mark Rutte', 'Friedrich Merz']),
  );
  await expect.poll(async () => (await readPageMentions(context, page)).mentions.length).toBe(before + 3);

  await page.evaluate(() => document.getElementById('late')!.remove());
  await expect.poll(async () => (await readPageMentions(context, page)).mentions.length).toBe(before);
  expect((await highlightedRanges(page)).filter((r) => !r.connected)).toEqual([]);
});

test('follows edits to existing text', async ({ page, context, server }) => {
  await page.goto(server.url('pages/demo.html'));
  await readPageMentions(context, page);
  await page.evaluate(() => {
    const h1 = document.querySelector('h1')!;
    h1.textContent = 'Ushakov meets Rutte in Donetsk';
  });
  await expect.poll(async () => (await highlightedRanges(page)).map((r) => r.text)).toEqual(
    expect.arrayContaining(['Ushakov', 'Rutte', 'Donetsk']),
  );
});

test('a label changing in a block leaves the highlights of its unchanged text as they were', async ({ page, context, server }) => {
  await page.goto(server.url('pages/demo.html'));
  await readPageMentions(context, page);
  await page.evaluate(() => {
    const post = document.createElement('article');
    post.id = 'live';
    post.innerHTML = '<time>just now</time><p>Mark Rutte spoke to Friedrich Merz about Crimea.</p>';
    document.querySelector('article')!.append(post);
  });
  const inPost = () =>
    page.evaluate(() => {
      const post = document.getElementById('live')!;
      const kept = [...(CSS.highlights.get('fact-cards') ?? [])].filter((r) => post.contains((r as StaticRange).startContainer));
      const w = window as unknown as { kept?: unknown[] };
      if (kept.length >= 2) w.kept ??= kept;
      return kept.length;
    });
  await expect.poll(inPost).toBeGreaterThanOrEqual(2);
  // The post's label changes, and now names a place: the block is rescanned.
  await page.evaluate(() => (document.querySelector('#live time')!.textContent = 'Donetsk, 5 s ago'));
  const inLabel = () =>
    page.evaluate(() => {
      const time = document.querySelector('#live time')!;
      return [...(CSS.highlights.get('fact-cards') ?? [])]
        .map((r) => r as StaticRange)
        .filter((r) => time.contains(r.startContainer))
        .map((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset));
    });
  await expect.poll(inLabel).toEqual(['Donetsk']);
  // The paragraph was read again unchanged: its ranges are the very ones registered before.
  const stillThere = await page.evaluate(() => {
    const h = CSS.highlights.get('fact-cards')!;
    return ((window as unknown as { kept: AbstractRange[] }).kept).map((r) => h.has(r));
  });
  expect(stillThere.length).toBeGreaterThanOrEqual(2);
  expect(stillThere.every(Boolean)).toBe(true);
});

test('inline marks mode wraps mentions in elements, and switching back restores the page', async ({ page, context, server }) => {
  await page.goto(server.url('pages/demo.html'));
  const { mentions } = await readPageMentions(context, page);
  const original = await page.evaluate(() => document.body.outerHTML);
  const worker = context.serviceWorkers()[0];
  const setSettings = (value: object) =>
    worker.evaluate((v) => (globalThis as any).chrome.storage.sync.set({ settings: v }), value);

  await setSettings({ paintMode: 'marks' });
  // Mentions that span several text nodes are left unwrapped in marks mode.
  await expect.poll(() => page.locator('fact-cards-mark').count()).toBeGreaterThan(mentions.length - 10);
  await expect(page.locator('fact-cards-mark').filter({ hasText: /^Mark Rutte$/ }).first()).toBeVisible();
  expect(await page.evaluate(() => CSS.highlights.get('fact-cards')?.size ?? 0)).toBe(0);
  expect(await page.locator('textarea fact-cards-mark, [contenteditable] fact-cards-mark').count()).toBe(0);
  // The text a reader sees is unchanged.
  expect(await page.evaluate(() => document.body.innerText)).toContain('Mark Rutte');

  await setSettings({ paintMode: 'highlight' });
  await expect.poll(() => page.locator('fact-cards-mark').count()).toBe(0);
  await expect.poll(() => page.evaluate(() => CSS.highlights.get('fact-cards')?.size ?? 0)).toBe(mentions.length);
  expect(await page.evaluate(() => document.body.outerHTML)).toBe(original);
});

test('switching the extension off removes every highlight, and on brings them back', async ({ page, context, server }) => {
  await page.goto(server.url('pages/demo.html'));
  const { mentions } = await readPageMentions(context, page);
  const worker = context.serviceWorkers()[0];
  await worker.evaluate(() => (globalThis as any).chrome.storage.sync.set({ settings: { enabled: false } }));
  await expect.poll(() => page.evaluate(() => CSS.highlights.get('fact-cards')?.size ?? 0)).toBe(0);
  await worker.evaluate(() => (globalThis as any).chrome.storage.sync.set({ settings: { enabled: true } }));
  await expect.poll(() => page.evaluate(() => CSS.highlights.get('fact-cards')?.size ?? 0)).toBe(mentions.length);
});

test('a lower-case "article 5" is a mention on a page about NATO, and not on a page about another law', async ({ page, context, server }) => {
  await page.goto(server.url('devset/nato-house-style.html'));
  const nato = await readPageMentions(context, page);
  const lower = nato.mentions.filter((m) => m.entity === 'article-5' && m.text === 'article 5');
  expect(lower.length).toBeGreaterThanOrEqual(3);

  await page.goto(server.url('devset/privacy-law-article5.html'));
  const other = await readPageMentions(context, page);
  expect(other.mentions.filter((m) => m.entity === 'article-5')).toEqual([]);
});
