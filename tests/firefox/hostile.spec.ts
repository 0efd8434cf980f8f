import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { test, expect, FIXTURES_DIR, hoverForCard } from './fixtures';

/** The live document against a fresh parse of the file it was served from. */
async function expectDomAsServed(tab: Page, fixture: string) {
  const source = await readFile(join(FIXTURES_DIR, fixture), 'utf8');
  const [live, parsed] = await tab.evaluate((src) => {
    const fresh = new DOMParser().parseFromString(src, 'text/html');
    return [document.documentElement.outerHTML, fresh.documentElement.outerHTML];
  }, source);
  expect(live).toBe(parsed);
}

/**
 * Whether our highlight is styled as the browser really paints it (computed
 * style): in the document by the manifest's CSS, in a shadow root (which
 * document styles don't reach) by the sheet the painter adopts there.
 */
const styled = (tab: Page, inShadow = false) =>
  tab.evaluate((shadow) => {
    const ranges = [...((CSS.highlights.get('fact-cards') ?? []) as Iterable<StaticRange>)];
    const range = ranges.find((r) => (r.startContainer.getRootNode() !== document) === shadow);
    const el = range?.startContainer.parentElement;
    return el ? getComputedStyle(el, '::highlight(fact-cards)').textDecorationLine === 'underline' : false;
  }, inShadow);

test("a default-src 'none' page is highlighted and styled, left as served, and the card opens", async ({ tab, addon, server }) => {
  await tab.goto(server.url('hostile/strict-csp.html'));
  const reply = await addon.readPageMentions(tab);
  expect(reply.entities.map((e) => e.entity)).toEqual(expect.arrayContaining(['mark-rutte', 'nato', 'article-5', 'donald-trump', 'kyiv']));
  expect(await styled(tab)).toBe(true);
  await expectDomAsServed(tab, 'hostile/strict-csp.html');
  expect(await hoverForCard(tab, 'Mark Rutte')).toContain('NATO Secretary General');
});

test('open shadow roots are highlighted and styled, closed ones stay unread, and a mention in a shadow root opens its card', async ({ tab, addon, server }) => {
  await tab.goto(server.url('hostile/shadow-dom.html'));
  await addon.readPageMentions(tab);
  const ranges = await tab.evaluate(() => {
    const out: { text: string; root: string }[] = [];
    for (const r of CSS.highlights.get('fact-cards') ?? []) {
      const s = r as StaticRange;
      const live = new Range();
      live.setStart(s.startContainer, s.startOffset);
      live.setEnd(s.endContainer, s.endOffset);
      const root = s.startContainer.getRootNode();
      out.push({ text: live.toString(), root: root === document ? 'document' : root instanceof ShadowRoot ? root.mode : 'other' });
    }
    return out;
  });
  const inShadow = ranges.filter((r) => r.root === 'open').map((r) => r.text);
  expect(inShadow.filter((t) => t === 'Mark Rutte')).toHaveLength(2);
  expect(inShadow).toEqual(expect.arrayContaining(['NATO', 'Article 5', 'Crimea']));
  expect(ranges.map((r) => r.text)).not.toContain('Vladimir Putin');
  expect(await styled(tab, true)).toBe(true);
  await expectDomAsServed(tab, 'hostile/shadow-dom.html');
  expect(await hoverForCard(tab, 'Article 5')).toContain('Article 5');
});

test('a ~2 MB single text node is scanned and every name lands on the right characters', async ({ tab, addon, server }) => {
  await tab.goto(server.url('hostile/huge-text.html'));
  const reply = await addon.readPageMentions(tab, 40_000);
  const facts = await tab.evaluate(() => {
    const w = window as any;
    const node = document.getElementById('wall')!.firstChild as Text;
    const data = node.data;
    const names = new Set(['Donald Trump', 'Mark Rutte', 'Vladimir Putin', 'Volodymyr Zelenskiy']);
    let wrong = 0;
    let outside = 0;
    let total = 0;
    for (const r of (CSS.highlights.get('fact-cards') ?? []) as Iterable<StaticRange>) {
      total++;
      if (r.startContainer !== node || r.endContainer !== node) outside++;
      else if (!names.has(data.slice(r.startOffset, r.endOffset))) wrong++;
    }
    return { named: w.__named as number, length: data.length, total, wrong, outside };
  });
  expect(facts.length).toBeGreaterThan(1_900_000);
  expect(facts).toMatchObject({ wrong: 0, outside: 0, total: facts.named });
  expect(reply.mentions.length).toBe(facts.named);
});
