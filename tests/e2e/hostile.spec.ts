/**
 * Hostile pages: editors, frames, shadow DOM, SVG, huge and restless pages,
 * strict CSP, patched built-ins, right-to-left text, pages with highlights of
 * their own, text/plain and XHTML documents. Each page is a team-written
 * fixture in tests/fixtures/hostile.
 *
 * Page-side helpers below avoid Array.prototype.map/filter/forEach/includes,
 * JSON and toLowerCase: one fixture replaces them in the page's main world,
 * where `page.evaluate` runs.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, FIXTURES_DIR } from './fixtures';
import { highlightStyleOf, readPageMentions } from '../../scripts/harness/page-mentions';
import { cardHeadings, cardText, cardVisible } from './card-probe';

interface RangeReport {
  text: string;
  /** `document`, `open-shadow`, `closed-shadow` or `other` (a detached tree). */
  root: string;
  /** Inside an editor, a form field or a region the walker must skip. */
  inSkipped: boolean;
  connected: boolean;
  /** id of the nearest ancestor with one (crossing shadow boundaries). */
  id: string;
}

/** Every range of the extension's highlight, described from the page. */
function highlightedRanges(page: Page): Promise<RangeReport[]> {
  return page.evaluate(() => {
    const skipped: Record<string, true> = {
      textarea: true, input: true, select: true, option: true, button: true, script: true, style: true,
      noscript: true, title: true, svg: true, math: true, head: true, iframe: true,
    };
    const closed = (window as any).__closedRoots as ShadowRoot[] | undefined;
    const out: RangeReport[] = [];
    const ranges = [...(CSS.highlights.get('fact-cards') ?? [])] as StaticRange[];
    for (const r of ranges) {
      const live = new Range();
      let text = '';
      try {
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        text = live.toString();
      } catch {
        text = '<invalid range>';
      }
      let inSkipped = r.startContainer.ownerDocument?.designMode === 'on';
      let id = '';
      for (let n: Node | null = r.startContainer; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) {
        if (n.nodeType !== 1) continue;
        const el = n as HTMLElement;
        if (skipped[el.localName] === true || el.isContentEditable) inSkipped = true;
        if (!id && el.id) id = el.id;
      }
      const rootNode = r.startContainer.getRootNode();
      let root = 'other';
      if (rootNode === document) root = 'document';
      else if (rootNode instanceof ShadowRoot) {
        root = rootNode.mode === 'open' ? 'open-shadow' : 'closed-shadow';
        if (closed) for (const c of closed) if (c === rootNode) root = 'closed-shadow';
      }
      out.push({ text, root, inSkipped, connected: r.startContainer.isConnected, id });
    }
    return out;
  });
}

const texts = (ranges: RangeReport[]) => ranges.map((r) => r.text);

/** The live document against a fresh parse of the file it was served from. */
async function expectDomAsServed(page: Page, fixture: string) {
  const source = await readFile(join(FIXTURES_DIR, fixture), 'utf8');
  const [live, parsed] = await page.evaluate((src) => {
    const type = document.contentType === 'application/xhtml+xml' ? 'application/xhtml+xml' : 'text/html';
    const fresh = new DOMParser().parseFromString(src, type);
    return [document.documentElement.outerHTML, fresh.documentElement.outerHTML];
  }, source);
  expect(live).toBe(parsed);
}

/** Elements the extension might have left in the page, other than its card host. */
function foreignElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const all = document.getElementsByTagName('*');
    for (let i = 0; i < all.length; i++) {
      const el = all[i];
      if (el.localName === 'fact-cards-card') continue;
      if (el.localName.indexOf('fact-cards') === 0 || el.hasAttribute('data-fact-cards-ui')) found.push(el.localName);
    }
    return found;
  });
}

/** Centre of the first highlighted mention reading `text`, scrolled into view. */
async function mentionPoint(page: Page, text: string) {
  const point = await page.evaluate((wanted) => {
    const ranges = [...(CSS.highlights.get('fact-cards') ?? [])] as StaticRange[];
    for (const r of ranges) {
      const live = new Range();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      if (live.toString() !== wanted) continue;
      (r.startContainer.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const rect = live.getClientRects()[0];
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  }, text);
  if (!point) throw new Error(`no highlighted mention "${text}"`);
  return point;
}

async function expectCardOnHover(page: Page, text: string, heading: string) {
  const p = await mentionPoint(page, text);
  await page.mouse.move(p.x, p.y);
  await expect.poll(() => cardVisible(page)).toBe(true);
  await expect.poll(() => cardHeadings(page)).toContain(heading);
}

async function open(page: Page, context: BrowserContext, url: string, timeoutMs?: number) {
  await page.goto(url);
  return readPageMentions(context, page, timeoutMs);
}

const fullScans = (page: Page) => page.evaluate(() => performance.getEntriesByName('fact-cards:scan').length);

test.describe('editors and form fields', () => {
  test('never highlights contenteditable, plaintext-only, inherited editors, fields or buttons, and leaves them as written', async ({ page, context, server }) => {
    await open(page, context, server.url('hostile/editors.html'));
    const ranges = await highlightedRanges(page);
    expect(ranges.filter((r) => r.inSkipped)).toEqual([]);
    const ids = new Set(ranges.map((r) => r.id));
    expect([...ids].sort()).toEqual(['late-editor', 'prose', 'tail']);
    expect(texts(ranges)).toEqual(expect.arrayContaining(['Mark Rutte', 'NATO', 'Article 5', 'Volodymyr Zelenskiy', 'Kyiv']));
    await expect(page.locator('#area')).toHaveValue('Textarea notes: Donald Trump, Vladimir Putin, Mark Rutte, NATO, Kyiv, Crimea.');
    await expect(page.locator('#field')).toHaveValue('Search: Volodymyr Zelenskiy in Kyiv');
    await expectDomAsServed(page, 'hostile/editors.html');
  });

  test('typing names into an editor and a textarea highlights nothing there', async ({ page, context, server }) => {
    await open(page, context, server.url('hostile/editors.html'));
    const before = (await highlightedRanges(page)).length;
    await page.locator('#rich p').first().click();
    await page.keyboard.type(' Later: Mark Rutte met Donald Trump in Kyiv.');
    await page.locator('#area').click();
    await page.keyboard.type(' Vladimir Putin again.');
    // Past the mutation batch interval, so a rescan would have happened.
    await page.waitForTimeout(600);
    const ranges = await highlightedRanges(page);
    expect(ranges.filter((r) => r.inSkipped)).toEqual([]);
    expect(ranges.length).toBe(before);
  });

  test('a block that becomes contenteditable after the scan loses its highlights, and regains them when editing ends', async ({ page, context, server }) => {
    await open(page, context, server.url('hostile/editors.html'));
    const inLate = async () => (await highlightedRanges(page)).filter((r) => r.id === 'late-editor').length;
    expect(await inLate()).toBeGreaterThan(0);
    await page.evaluate(() => document.getElementById('late-editor')!.setAttribute('contenteditable', 'true'));
    await expect.poll(inLate).toBe(0);
    await page.evaluate(() => document.getElementById('late-editor')!.removeAttribute('contenteditable'));
    await expect.poll(inLate).toBeGreaterThan(0);
  });

  test('a document in designMode is an editor throughout: nothing highlighted', async ({ page, context, server }) => {
    const reply = await open(page, context, server.url('hostile/design-mode.html'));
    expect(reply.mentions).toEqual([]);
    expect(await highlightedRanges(page)).toEqual([]);
    await expectDomAsServed(page, 'hostile/design-mode.html');
    await page.locator('p').first().click();
    await page.keyboard.type(' Mark Rutte in Kyiv.');
    await page.waitForTimeout(600);
    expect(await highlightedRanges(page)).toEqual([]);
  });
});

test.describe('frames', () => {
  test('the content script runs only in the top frame: top-level names highlighted, frames untouched', async ({ page, context, server }) => {
    const reply = await open(page, context, server.url('hostile/iframes.html'));
    const ranges = await highlightedRanges(page);
    expect(ranges.length).toBe(reply.mentions.length);
    expect(new Set(ranges.map((r) => r.id))).toEqual(new Set(['top', 'after']));
    expect(ranges.every((r) => r.root === 'document')).toBe(true);
    const frames = await page.evaluate(() => {
      const out: { id: string; highlight: boolean; own: number }[] = [];
      for (const id of ['same', 'inline']) {
        const frame = document.getElementById(id) as HTMLIFrameElement;
        const win = frame.contentWindow as (Window & typeof globalThis) | null;
        out.push({
          id,
          highlight: !!win?.CSS.highlights.get('fact-cards'),
          own: frame.contentDocument?.querySelectorAll('fact-cards-card, fact-cards-mark, [data-fact-cards-ui]').length ?? -1,
        });
      }
      return out;
    });
    expect(frames).toEqual([
      { id: 'same', highlight: false, own: 0 },
      { id: 'inline', highlight: false, own: 0 },
    ]);
    // The same-origin frame's document is as served.
    const frame = page.frame({ url: /frame-inner\.html$/ })!;
    const source = await readFile(join(FIXTURES_DIR, 'hostile/frame-inner.html'), 'utf8');
    expect(await frame.evaluate(() => document.documentElement.outerHTML)).toBe(
      await frame.evaluate((src) => new DOMParser().parseFromString(src, 'text/html').documentElement.outerHTML, source),
    );
    await expectDomAsServed(page, 'hostile/iframes.html');
  });
});

test.describe('shadow DOM', () => {
  test('highlights inside open shadow roots (nested and slotted too), with styles adopted there; closed roots stay unread', async ({ page, context, server }) => {
    await open(page, context, server.url('hostile/shadow-dom.html'));
    const ranges = await highlightedRanges(page);
    const shadowTexts = ranges.filter((r) => r.root === 'open-shadow').map((r) => r.text);
    // The top-level and the nested <news-quote>, and the panel heading.
    expect(shadowTexts.filter((t) => t === 'Mark Rutte')).toHaveLength(2);
    expect(shadowTexts).toEqual(expect.arrayContaining(['NATO', 'Article 5', 'Crimea']));
    expect(ranges.filter((r) => r.id === 'slotted').map((r) => r.text)).toEqual(['Moscow']);
    expect(ranges.filter((r) => r.root === 'closed-shadow')).toEqual([]);
    expect(texts(ranges)).not.toContain('Vladimir Putin');
    // Styled as the browser really paints it: document rules don't reach a
    // shadow tree, highlight inheritance (Chromium) and the adopted sheet do.
    const shadowStyle = await page.evaluate(() => {
      const inShadow = [...((CSS.highlights.get('fact-cards') ?? []) as Iterable<StaticRange>)].find((r) => r.startContainer.getRootNode() !== document);
      const el = inShadow?.startContainer.parentElement;
      return el ? getComputedStyle(el, '::highlight(fact-cards)').textDecorationLine : null;
    });
    expect(shadowStyle).toBe('underline');
    // Shadow trees hold exactly what the components rendered.
    const changed = await page.evaluate(() =>
      ((window as any).__shadowSources as { root: ShadowRoot; html: string }[])
        .filter(({ root, html }) => root.innerHTML !== html)
        .map(({ html }) => html),
    );
    expect(changed).toEqual([]);
    await expectDomAsServed(page, 'hostile/shadow-dom.html');
  });

  test('hovering a mention inside an open shadow root opens its card', async ({ page, context, server }) => {
    await open(page, context, server.url('hostile/shadow-dom.html'));
    await expectCardOnHover(page, 'Article 5', 'Article 5');
  });

  test('text that changes inside an open shadow root is rescanned', async ({ page, context, server }) => {
    await open(page, context, server.url('hostile/shadow-dom.html'));
    await page.evaluate(() => {
      (document.querySelector('live-ticker') as any).headline = 'Breaking: Volodymyr Zelenskiy meets Friedrich Merz.';
    });
    await expect
      .poll(async () => (await highlightedRanges(page)).filter((r) => r.root === 'open-shadow').map((r) => r.text))
      .toEqual(expect.arrayContaining(['Volodymyr Zelenskiy', 'Friedrich Merz']));
  });

  // Known gap: defining a custom element upgrades the elements already in the
  // page and fills their shadow roots without any mutation record or event a
  // content script can hear (its isolated world has no usable
  // customElements.whenDefined), so the text stays unscanned until the
  // component's light DOM changes.
  test.fixme('a component upgraded after the scan gets its shadow text highlighted', async ({ page, context, server }) => {
    await open(page, context, server.url('hostile/shadow-dom.html'));
    await page.evaluate(() => (window as any).__defineLateCard());
    await expect
      .poll(async () => (await highlightedRanges(page)).filter((r) => r.root === 'open-shadow').map((r) => r.text))
      .toEqual(expect.arrayContaining(['Donald Trump', 'Oval Office']));
  });
});

test.describe('SVG and MathML', () => {
  test('skips SVG text (including foreignObject) and MathML, highlights the prose around them', async ({ page, context, server }) => {
    await open(page, context, server.url('hostile/svg.html'));
    const ranges = await highlightedRanges(page);
    expect(ranges.filter((r) => r.inSkipped)).toEqual([]);
    expect(new Set(ranges.map((r) => r.id))).toEqual(new Set(['caption', 'below']));
    expect(texts(ranges)).toEqual(['Mark Rutte', 'NATO', 'Donald Trump', 'Vladimir Putin']);
    await expectDomAsServed(page, 'hostile/svg.html');
  });
});

test.describe('huge pages', () => {
  test('a 200,000-node page is scanned in full, in many slices, and only names near the viewport are registered', async ({ page, context, server }) => {
    test.slow();
    const reply = await open(page, context, server.url('hostile/huge-dom.html'), 40_000);
    const facts = await page.evaluate(() => {
      const w = window as any;
      const scans = performance.getEntriesByName('fact-cards:scan') as PerformanceMeasure[];
      const slices = scans.length ? (scans[scans.length - 1].detail as { slices: number }).slices : 0;
      const nodes = document.getElementsByTagName('*').length + document.evaluate('count(//text())', document, null, XPathResult.NUMBER_TYPE).numberValue;
      return { named: w.__named as number, nodes, slices, highlights: CSS.highlights.get('fact-cards')?.size ?? 0, animations: document.getAnimations().length };
    });
    expect(facts.nodes).toBeGreaterThan(200_000);
    expect(reply.mentions.length).toBe(facts.named);
    // Past 2,000 mentions only those within a screen of the viewport are
    // registered (Chromium's rendering slows with every range): the first
    // screen's names are, the far end of the ledger's are not.
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('fact-cards')?.size ?? 0)).toBeGreaterThan(5);
    const registered = await page.evaluate(() => {
      let near = 0;
      let far = 0;
      for (const r of CSS.highlights.get('fact-cards') ?? []) {
        const top = (r as StaticRange).startContainer.parentElement!.getBoundingClientRect().top;
        if (top < innerHeight * 2.5) near++;
        else far++;
      }
      return { near, far };
    });
    expect(registered.far).toBe(0);
    expect(registered.near).toBeGreaterThan(5);
    // Scrolling to the end brings that end's names in.
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await expect
      .poll(() =>
        page.evaluate(() => {
          let visible = 0;
          for (const r of CSS.highlights.get('fact-cards') ?? []) {
            const rect = (r as StaticRange).startContainer.parentElement!.getBoundingClientRect();
            if (rect.bottom > 0 && rect.top < innerHeight) visible++;
          }
          return visible;
        }),
      )
      .toBeGreaterThan(2);
    // The scan gave the page its main thread back many times on the way
    // (how long each slice took is the bench's business, not a test's).
    expect(facts.slices).toBeGreaterThan(10);
    expect(facts.animations).toBe(0);
    expect(await foreignElements(page)).toEqual([]);
  });

  test('a ~2 MB single text node is scanned and every name lands on the right characters', async ({ page, context, server }) => {
    test.slow();
    const reply = await open(page, context, server.url('hostile/huge-text.html'), 40_000);
    const facts = await page.evaluate(() => {
      const w = window as any;
      const node = document.getElementById('wall')!.firstChild as Text;
      const names = new Set(['Donald Trump', 'Mark Rutte', 'Vladimir Putin', 'Volodymyr Zelenskiy']);
      let wrong = 0;
      let outside = 0;
      let total = 0;
      for (const r of (CSS.highlights.get('fact-cards') ?? []) as Iterable<StaticRange>) {
        total++;
        if (r.startContainer !== node || r.endContainer !== node) outside++;
        else if (!names.has(node.data.slice(r.startOffset, r.endOffset))) wrong++;
      }
      return { named: w.__named as number, length: w.__length as number, single: node.nextSibling === null, total, wrong, outside };
    });
    expect(facts.length).toBeGreaterThan(1_900_000);
    expect(facts.single).toBe(true);
    expect(facts.wrong).toBe(0);
    expect(facts.outside).toBe(0);
    expect(facts.total).toBe(facts.named);
    expect(reply.mentions.length).toBe(facts.named);
    expect(await foreignElements(page)).toEqual([]);
  });
});

test.describe('restless pages', () => {
  test('a page that mutates continuously (timers, infinite scroll): bounded rescans, highlights keep up, page timers on schedule', async ({ page, context, server }) => {
    await open(page, context, server.url('hostile/mutating.html'));
    const scansBefore = await fullScans(page);
    const ticksBefore = await page.evaluate(() => (window as any).__ticks as number);
    // Scroll to the bottom a few times: the page loads more items each time.
    for (let i = 0; i < 6; i++) {
      await page.mouse.wheel(0, 4000);
      await page.waitForTimeout(500);
    }
    const window3s = await page.evaluate(() => (window as any).__ticks as number);
    expect(window3s - ticksBefore).toBeGreaterThan(25); // 60 on an idle machine
    expect((await fullScans(page)) - scansBefore).toBeLessThanOrEqual(1);

    // The newest item now is highlighted soon after.
    const newest = await page.evaluate(() => (window as any).__newest as number);
    await expect
      .poll(async () => {
        const ranges = await page.evaluate((n) => {
          const item = document.querySelector(`.item[data-n="${n}"] p`)!.firstChild!;
          let found = 0;
          for (const r of (CSS.highlights.get('fact-cards') ?? []) as Iterable<StaticRange>) if (r.startContainer === item) found++;
          return found;
        }, newest);
        return ranges;
      })
      .toBe(2); // the person and Kyiv

    // The DOM holds what the page wrote, and nothing of ours.
    const { written, shown } = await page.evaluate(() => ({
      written: (window as any).__written as string[],
      shown: [...document.querySelectorAll('#feed .item')].map((el) => el.textContent),
    }));
    expect(shown).toEqual(written.slice(0, shown.length));
    expect(shown.length).toBeGreaterThan(30);
    expect(await foreignElements(page)).toEqual([]);
    expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
  });

  test('a page that replaces its whole body every second: highlights follow the newest render, no runaway scanning', async ({ page, context, server }) => {
    await open(page, context, server.url('hostile/rerender.html'));
    const scansBefore = await fullScans(page);
    const before = await page.evaluate(() => ({ ticks: (window as any).__ticks as number, renders: (window as any).__renders as number }));
    // Three of the page's own re-renders.
    await expect.poll(() => page.evaluate(() => (window as any).__renders as number), { timeout: 30_000 }).toBeGreaterThanOrEqual(before.renders + 3);
    const after = await page.evaluate(() => ({ ticks: (window as any).__ticks as number, renders: (window as any).__renders as number }));
    expect(after.ticks - before.ticks).toBeGreaterThan(25);
    // At most one full scan per render; re-renders are usually handled as one block rescan.
    expect((await fullScans(page)) - scansBefore).toBeLessThanOrEqual(after.renders - before.renders + 1);

    // Some moment shows the current render highlighted, with no stale ranges.
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const headline = document.getElementById('headline')!;
            let stale = 0;
            let inHeadline = '';
            let total = 0;
            for (const r of (CSS.highlights.get('fact-cards') ?? []) as Iterable<StaticRange>) {
              total++;
              if (!r.startContainer.isConnected) stale++;
              else if (headline.contains(r.startContainer)) inHeadline = (r.startContainer as Text).data.slice(r.startOffset, r.endOffset);
            }
            const expected = (window as any).__headlineName as string;
            // 30 rows name NATO, the lede names Kyiv and Crimea, the headline one person.
            return stale === 0 && total === 33 && inHeadline === expected;
          }),
        { intervals: [50, 100, 150, 200] },
      )
      .toBe(true);
    expect(await page.evaluate(() => document.body.innerHTML === (window as any).__lastHtml)).toBe(true);
    expect(await foreignElements(page)).toEqual([]);
  });
});

test.describe('strict Content-Security-Policy', () => {
  test("highlights and styles a default-src 'none' page, leaves it as served, and the card opens", async ({ page, context, server }) => {
    const reply = await open(page, context, server.url('hostile/strict-csp.html'));
    expect(reply.entities.map((e) => e.entity)).toEqual(expect.arrayContaining(['mark-rutte', 'nato', 'article-5', 'donald-trump', 'kyiv']));
    // Styled by the manifest's CSS, which no page CSP can block.
    expect(await highlightStyleOf(page)).toMatchObject({ line: 'underline', colour: 'rgb(217, 130, 43)' });
    await expectDomAsServed(page, 'hostile/strict-csp.html');
    await expectCardOnHover(page, 'Mark Rutte', 'Mark Rutte');
    expect(await cardText(page)).toContain('NATO Secretary General');
  });
});

test.describe('patched built-ins in the main world', () => {
  test('Array, JSON, Node, MutationObserver, Promise and friends replaced by the page: the isolated content script still highlights, follows changes and opens cards', async ({ page, context, server }) => {
    const reply = await open(page, context, server.url('hostile/builtins.html'));
    expect(reply.entities.length).toBeGreaterThanOrEqual(7);
    const ranges = await highlightedRanges(page);
    expect(ranges.length).toBe(reply.mentions.length);
    expect(texts(ranges)).toEqual(expect.arrayContaining(['Mark Rutte', 'NATO', 'Article 5', 'Donald Trump', 'Kyiv']));
    await expectDomAsServed(page, 'hostile/builtins.html');

    // Changes still reach the extension's own MutationObserver.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'added';
      p.textContent = 'Added later: Friedrich Merz visited Crimea.';
      document.body.append(p);
    });
    await expect
      .poll(async () => (await highlightedRanges(page)).filter((r) => r.id === 'added').map((r) => r.text))
      .toEqual(['Friedrich Merz', 'Crimea']);

    await expectCardOnHover(page, 'Mark Rutte', 'Mark Rutte');
    // The page's replacements were never called by the extension.
    expect(await page.evaluate(() => Object.keys((window as any).__patchedCalls))).toEqual([]);
  });
});

test.describe('right-to-left text', () => {
  test('highlights Latin names inside Arabic and Hebrew prose, leaves the page as served, and the card opens', async ({ page, context, server }) => {
    await open(page, context, server.url('hostile/rtl.html'));
    const ranges = await highlightedRanges(page);
    const inArabic = ranges.filter((r) => r.id === 'ar1').map((r) => r.text);
    expect(inArabic).toEqual(['Mark Rutte', 'NATO', 'Donald Trump', 'Volodymyr Zelenskiy', 'Kyiv']);
    expect(ranges.filter((r) => r.id === 'he').map((r) => r.text)).toEqual(
      expect.arrayContaining(['Mark Rutte', 'NATO', 'Article 5', 'Donald Trump', 'Vladimir Putin']),
    );
    expect(ranges.filter((r) => r.id === 'ar2').map((r) => r.text)).toEqual(expect.arrayContaining(['Vladimir Putin', 'Donetsk', 'Crimea']));
    await expectDomAsServed(page, 'hostile/rtl.html');
    await expectCardOnHover(page, 'Volodymyr Zelenskiy', 'Volodymyr Zelenskiy');
  });
});

test.describe("the page's own CSS highlights", () => {
  test('leaves highlights the page registered (same objects, sizes, ranges, priority, type) untouched', async ({ page, context, server }) => {
    await page.goto(server.url('hostile/own-highlights.html'));
    const snapshot = () =>
      page.evaluate(() => {
        const { search, spelling } = (window as any).__pageHighlights as { search: Highlight; spelling: Highlight };
        const describe = (h: Highlight) => ({
          size: h.size,
          priority: h.priority,
          type: h.type,
          ranges: [...(h as unknown as Iterable<AbstractRange>)].map((r) => `${r.startContainer.parentElement?.id}:${r.startOffset}-${r.endOffset}:${r.toString?.() ?? ''}`),
        });
        return {
          sameSearch: CSS.highlights.get('page-search') === search,
          sameSpelling: CSS.highlights.get('page-spelling') === spelling,
          search: describe(search),
          spelling: describe(spelling),
          names: [...CSS.highlights.keys()].sort(),
        };
      });
    const before = await snapshot();
    await readPageMentions(context, page);
    const after = await snapshot();
    expect(after.sameSearch && after.sameSpelling).toBe(true);
    expect(after.search).toEqual(before.search);
    expect(after.spelling).toEqual(before.spelling);
    expect(before.search.size).toBe(3);
    expect(after.names).toEqual(['fact-cards', 'fact-cards-active', 'page-search', 'page-spelling']);
    expect(texts(await highlightedRanges(page))).toEqual(expect.arrayContaining(['Mark Rutte', 'NATO', 'Donald Trump', 'Zelenskiy']));

    await expectDomAsServed(page, 'hostile/own-highlights.html');

    // Hovering (which paints the active highlight) leaves them alone too.
    await expectCardOnHover(page, 'Donald Trump', 'Donald Trump');
    expect(await snapshot()).toEqual(after);
  });
});

test.describe('non-HTML documents', () => {
  test('a text/plain document is highlighted (Chrome renders it in a <pre>) and its text is unchanged', async ({ page, context, server }) => {
    const reply = await open(page, context, server.url('hostile/plain.txt'));
    const source = await readFile(join(FIXTURES_DIR, 'hostile/plain.txt'), 'utf8');
    const ranges = await highlightedRanges(page);
    expect(ranges.length).toBe(reply.mentions.length);
    expect(texts(ranges)).toEqual(expect.arrayContaining(['Mark Rutte', 'NATO', 'Article 5', 'Donald Trump', 'Vladimir Putin', 'Kyiv', 'Crimea']));
    const facts = await page.evaluate(() => ({
      type: document.contentType,
      text: document.body.textContent,
      pres: document.body.querySelectorAll('pre').length,
      inPre: [...(CSS.highlights.get('fact-cards') ?? [])].every((r) => r.startContainer.parentElement?.localName === 'pre'),
    }));
    expect(facts).toEqual({ type: 'text/plain', text: source, pres: 1, inPre: true });
    expect(await foreignElements(page)).toEqual([]);
  });

  test('an XHTML document is highlighted, skipping its script, style, textarea, editor, button and SVG like HTML', async ({ page, context, server }) => {
    await open(page, context, server.url('hostile/document.xhtml'));
    expect(await page.evaluate(() => document.contentType)).toBe('application/xhtml+xml');
    const ranges = await highlightedRanges(page);
    expect(ranges.filter((r) => r.inSkipped)).toEqual([]);
    expect(ranges.filter((r) => r.id === 'first').map((r) => r.text)).toEqual(['Mark Rutte', 'NATO', 'Article 5', 'Donald Trump', 'ceasefire']);
    expect(ranges.filter((r) => r.id === 'last').map((r) => r.text)).toEqual(['Vladimir Putin', 'Moscow']);
    // Table cells are blocks: "Vladimir" | "Putin" never joins into one name.
    expect(ranges.filter((r) => r.id === 'c1')).toEqual([]);
    expect(ranges.filter((r) => r.id === 'c2').map((r) => r.text)).toEqual(['Putin']);
    await expectDomAsServed(page, 'hostile/document.xhtml');
  });
});
