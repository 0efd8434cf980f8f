/**
 * Library scale: what a page costs, and how soon a card shows, with 0, 50
 * and 500 generated articles saved (library-gen.ts) besides the bundled
 * one. Each size gets its own fresh Chromium profile; the articles go in
 * through the background's `import-library` message, as a reader's import
 * does. Then, per run, fresh loads of the pages: the content script's
 * main-thread time for its first scan (`busyMs` of the `fact-cards:scan`
 * measure) and that scan's wall time (which includes the background's
 * matching), and on the demo page two hovers: the first card of the page
 * (its UI chunk loads on first use) and a second, of another entity.
 *
 * Card latency: from the pointer's arrival on the mention (the page's
 * `pointermove` event time) to the first frame in which the card frame
 * draws the card, minus the hover delay (set to the default, 300 ms, in the
 * profile), so it is what the extension adds to the delay the reader chose.
 * The page's first card also makes the frame and loads the card's code.
 * The frame draws the card before the host shows it (the host waits for the
 * card's size, then places the frame): on screen it is about a frame later.
 */
import type { BrowserContext, Frame, Page } from '@playwright/test';
import { launchWithExtension } from '../harness/launch-chromium';
import type { FixtureServer } from '../harness/serve-fixtures';
import type { FactIndex } from '../../lib/fact-index/schema';
import { NAME_SHIM } from './browser-bench';
import { generateLibrary, libraryFileText } from './library-gen';
import { importLibrary } from './library-import';
import { figure, type Figure } from './stats';

export const LIBRARY_SIZES = [0, 50, 500];
/** The hover delay the bench sets (the setting's default); card latency is counted after it. */
const HOVER_DELAY_MS = 300;
const TIMEOUT = 120_000;

export interface LibraryPageFigures {
  page: string;
  busyMs: Figure;
  wallMs: Figure;
  mentions: number;
}

export interface LibraryRow {
  /** Saved articles besides the bundled one. */
  articles: number;
  /** Entity records in those articles, before merging. */
  entityRecords: number;
  /** Stored text of those articles (characters). */
  textChars: number;
  /** Wall time of the import (the background stores and reindexes). */
  importMs: number;
  pages: LibraryPageFigures[];
  /** ms after the hover delay until the card is on screen: the page's first card, and a second one. */
  card: { firstMs: Figure; nextMs: Figure };
}

export interface LibraryResults {
  sizes: LibraryRow[];
  hoverDelayMs: number;
  runs: number;
}

/** Waits for the first scan's measure and reads it. */
async function firstScan(page: Page): Promise<{ busyMs: number; wallMs: number; mentions: number }> {
  const handle = await page.waitForFunction(() => {
    const m = performance.getEntriesByName('fact-cards:scan')[0] as PerformanceMeasure | undefined;
    if (!m) return null;
    const d = m.detail as { busyMs: number; mentions: number };
    return { busyMs: d.busyMs, wallMs: m.duration, mentions: d.mentions };
  }, undefined, { timeout: TIMEOUT, polling: 50 });
  return (await handle.jsonValue())!;
}

/** Two highlighted mentions of different texts (the first in document order), as the page shows them. */
async function twoMentions(page: Page): Promise<[string, string]> {
  const texts = await page.evaluate(() => {
    const seen: string[] = [];
    for (const r of CSS.highlights.get('fact-cards') ?? []) {
      const s = r as StaticRange;
      const range = document.createRange();
      range.setStart(s.startContainer, s.startOffset);
      range.setEnd(s.endContainer, s.endOffset);
      const t = range.toString();
      if (t.length > 3 && !seen.includes(t)) seen.push(t);
      if (seen.length === 2) break;
    }
    return seen;
  });
  if (texts.length < 2) throw new Error(`fewer than two highlighted names on ${page.url()}`);
  return [texts[0], texts[1]];
}

/** The card is drawn in an extension frame (card-frame.html) the page cannot see into; the bench reads it through Playwright. */
const isCardFrame = (f: Frame) => /^chrome-extension:\/\/[a-z]+\/card-frame\.html/.test(f.url());

/**
 * In a card frame: the epoch time of the first animation frame that shows
 * the card's dialog. An expression, not a function: the extension page's
 * CSP forbids building functions from strings.
 */
const ARM_IN_FRAME = `window.__cardShown = new Promise((resolve) => {
  const tick = (now) => {
    const dialog = document.querySelector('[role="dialog"]');
    if (dialog && dialog.checkVisibility()) resolve(performance.timeOrigin + now);
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}); 0`;
const SHOWN_IN_FRAME = `!!document.querySelector('[role="dialog"]')?.checkVisibility()`;

async function cardShown(page: Page): Promise<boolean> {
  for (const frame of page.frames().filter(isCardFrame)) if (await frame.evaluate(SHOWN_IN_FRAME).catch(() => false)) return true;
  return false;
}

/**
 * From the pointer's arrival on the mention (the page's `pointermove` event
 * time) to the first frame in which the card frame draws the card, as epoch
 * times of both documents. A card frame made for this card (the page's
 * first) is armed as soon as it is attached, before its channel is up.
 */
async function cardLatency(page: Page, text: string, delayMs: number): Promise<number> {
  // Away from any mention, and no card open.
  await page.mouse.move(2, 2);
  for (const end = Date.now() + TIMEOUT; await cardShown(page); ) {
    if (Date.now() > end) throw new Error(`a card stays open on ${page.url()}`);
    await page.waitForTimeout(20);
  }
  const point = await page.evaluate((t) => {
    for (const r of CSS.highlights.get('fact-cards') ?? []) {
      const s = r as StaticRange;
      const range = document.createRange();
      range.setStart(s.startContainer, s.startOffset);
      range.setEnd(s.endContainer, s.endOffset);
      if (range.toString() !== t) continue;
      (s.startContainer.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0];
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  }, text);
  if (!point) throw new Error(`no highlighted "${text}" on ${page.url()}`);
  await page.evaluate(() => {
    const w = window as unknown as { __pointerAt: Promise<number> };
    w.__pointerAt = new Promise((resolve) => addEventListener('pointermove', (e) => resolve(performance.timeOrigin + e.timeStamp), { capture: true, once: true }));
  });
  const armed = new Set<Frame>();
  const arm = (frame: Frame) => {
    if (!isCardFrame(frame) || armed.has(frame)) return;
    armed.add(frame);
    void frame.evaluate(ARM_IN_FRAME).catch(() => {});
  };
  page.frames().forEach(arm);
  page.on('framenavigated', arm);
  try {
    await page.mouse.move(point.x, point.y);
    const from = await page.evaluate(() => (window as unknown as { __pointerAt: Promise<number> }).__pointerAt);
    for (const end = Date.now() + TIMEOUT; ; await page.waitForTimeout(20)) {
      for (const frame of armed) {
        const at = (await frame.evaluate('window.__cardShown && Promise.race([window.__cardShown, null])').catch(() => null)) as number | null;
        if (typeof at === 'number') return at - from - delayMs;
      }
      if (Date.now() > end) throw new Error(`no card for "${text}" on ${page.url()}`);
    }
  } finally {
    page.off('framenavigated', arm);
  }
}

async function measureSize(
  articles: number,
  server: FixtureServer,
  pages: { name: string; file: string }[],
  index: FactIndex,
  runs: number,
  log: (line: string) => void,
): Promise<LibraryRow> {
  const library = generateLibrary(articles, 500, index);
  const context: BrowserContext = await launchWithExtension({ headless: true });
  const delayMs = HOVER_DELAY_MS;
  try {
    await context.addInitScript({ content: NAME_SHIM });
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await sw.evaluate((ms) => (globalThis as any).chrome.storage.sync.set({ settings: { hoverDelayMs: ms } }), delayMs);
    const t0 = performance.now();
    if (articles > 0) await importLibrary(context, libraryFileText(library), articles);
    const importMs = performance.now() - t0;
    // A warm-up load: the background builds its match table once after a change.
    const warm = await context.newPage();
    await warm.goto(server.url(pages[0].file), { timeout: TIMEOUT });
    await firstScan(warm);
    await warm.close();

    const scans = new Map(pages.map((p) => [p.name, [] as { busyMs: number; wallMs: number; mentions: number }[]]));
    const first: number[] = [];
    const next: number[] = [];
    for (let r = 0; r < runs; r++) {
      for (const [k, def] of pages.entries()) {
        const page = await context.newPage();
        page.setDefaultTimeout(TIMEOUT);
        await page.goto(server.url(def.file), { timeout: TIMEOUT });
        scans.get(def.name)!.push(await firstScan(page));
        if (k === 0) {
          const [a, b] = await twoMentions(page);
          first.push(await cardLatency(page, a, delayMs));
          next.push(await cardLatency(page, b, delayMs));
        }
        await page.close();
      }
    }
    const row: LibraryRow = {
      articles,
      entityRecords: library.entityRecords,
      textChars: library.textChars,
      importMs,
      pages: pages.map((p) => {
        const rows = scans.get(p.name)!;
        return { page: p.name, busyMs: figure(rows.map((s) => s.busyMs)), wallMs: figure(rows.map((s) => s.wallMs)), mentions: rows[0]?.mentions ?? 0 };
      }),
      card: { firstMs: figure(first), nextMs: figure(next) },
    };
    log(`library ${articles}: ${row.pages.map((p) => `${p.page} ${p.busyMs.runs.map((x) => x.toFixed(0)).join(', ')} ms busy`).join('; ')}; cards ${first.map((x) => x.toFixed(0)).join(', ')} / ${next.map((x) => x.toFixed(0)).join(', ')} ms after the delay`);
    return row;
  } finally {
    await context.close();
  }
}

/** Every library size in turn; `pages[0]` is the page hovered for card latency. */
export async function benchLibrary(
  server: FixtureServer,
  pages: { name: string; file: string }[],
  index: FactIndex,
  runs: number,
  log: (line: string) => void,
  sizes = LIBRARY_SIZES,
): Promise<LibraryResults> {
  const rows: LibraryRow[] = [];
  for (const n of sizes) rows.push(await measureSize(n, server, pages, index, runs, log));
  return { sizes: rows, hoverDelayMs: HOVER_DELAY_MS, runs };
}
