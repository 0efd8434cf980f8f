/**
 * Browser figures, all in one Chromium build: two persistent contexts, one
 * with the built extension and one without (the baselines, and the page's
 * own DOM work without us). Every run is a fresh page load.
 *
 * - scan: a plain load with the extension on; the content script's
 *   `fact-cards:scan` measure (busy and wall time, and where it went).
 * - settled: the page loads with the extension switched off and settles,
 *   the heartbeats start, then the extension is switched on and scans. Page
 *   load work (parsing, first layout) cannot then pass for ours. Then the
 *   page's DOM work runs with our highlights present.
 * - plain: floor and regex baselines (alternating which goes first), then
 *   the page's DOM work without the extension.
 * - mark.js: a load of its own (it rewrites the DOM).
 */
import { WINDOW_LIMIT } from '../../entrypoints/content/highlight-window';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { createRequire } from 'node:module';
import { launchWithExtension } from '../harness/launch-chromium';
import type { FixtureServer } from '../harness/serve-fixtures';
import { readPageMentions } from '../harness/page-mentions';
// @ts-expect-error plain ESM helper shared with the bootstrap script
import { findChromium } from '../find-chromium.mjs';
import {
  clearRegexHighlight,
  floorPass,
  markJs,
  pageDomWork,
  regexHighlight,
  startHeartbeat,
  stopHeartbeat,
  type BaselineTiming,
} from './baselines';
import { figure, type Figure } from './table';

const MARK_JS = createRequire(import.meta.url).resolve('mark.js/dist/mark.min.js');
/** mark.js "exactly": a match must sit between whitespace or these characters (its word boundary). */
export const MARK_LIMITERS = [',', '.', ';', ':', '!', '?', '"', "'", '’', '‘', '“', '”', '«', '»', '(', ')', '[', ']', '-', '–', '—', '/'];
const DOM_WORK_NODES = 2000;
const LOAD_TIMEOUT = 180_000;

export interface BenchPageSpec {
  name: string;
  file: string;
  runs: number;
  /** mark.js runs (0: skipped, it is far too slow on large pages). */
  markRuns: number;
}

export interface ScanMeasure {
  busyMs: number;
  wallMs: number;
  scanMs: number;
  publishMs: number;
  mentions: number;
  chunks: number;
  highlights: number;
}

export interface DomWorkFigures {
  appendMs: Figure;
  editMs: Figure;
  /** Both phases: script plus the frame that renders it. */
  totalMs: Figure;
  /** Both phases: the script alone. */
  syncMs: Figure;
  /** Longest main-thread task from each phase until the extension is idle again. */
  longestTaskMs: Figure;
}

export interface PageResult {
  name: string;
  file: string;
  /** UTF-8 bytes of the body's text content. */
  textBytes: number;
  /** Fresh load with the extension on: the scan at content-script start. */
  scan: { busyMs: Figure; wallMs: Figure; scanMs: Figure; publishMs: Figure; mentions: number; chunks: number; entities: number };
  /** The same scan on a settled page, switched on after load. */
  settled: { busyMs: Figure; wallMs: Figure; scanMs: Figure; publishMs: Figure };
  responsiveness: { longestTaskMs: Figure; tasksOver50: Figure; longestFrameGapMs: Figure };
  floor: { ms: Figure; words: number };
  regex: { ms: Figure; matches: number };
  markjs: { ms: Figure; marks: number } | null;
  domWork: {
    off: DomWorkFigures;
    on: DomWorkFigures;
  };
}

// tsx compiles with esbuild's keepNames, which wraps inner functions in a
// `__name(...)` helper; functions sent to page.evaluate need it defined.
const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((f) => f);';

export async function launchBrowsers(): Promise<{ withExtension: BrowserContext; plain: BrowserContext; version: string }> {
  const withExtension = await launchWithExtension({ headless: true });
  const plain = await chromium.launchPersistentContext('', {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1280, height: 900 },
    // As launchWithExtension, without the extension.
    args: ['--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  for (const context of [withExtension, plain]) await context.addInitScript({ content: NAME_SHIM });
  const page = await plain.newPage();
  const cdp = await plain.newCDPSession(page);
  const { product } = (await cdp.send('Browser.getVersion')) as { product: string };
  await page.close();
  return { withExtension, plain, version: product };
}

async function worker(context: BrowserContext) {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

async function setEnabled(context: BrowserContext, enabled: boolean): Promise<void> {
  const sw = await worker(context);
  await sw.evaluate((on) => (globalThis as any).chrome.storage.sync.set({ settings: { enabled: on } }), enabled);
}

async function open(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(LOAD_TIMEOUT);
  await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
  return page;
}

/** Two frames and a pause: parsing, first layout and paint are over. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  await page.waitForTimeout(300);
}

function readScanMeasure(): ScanMeasure | null {
  const m = performance.getEntriesByName('fact-cards:scan')[0] as PerformanceMeasure | undefined;
  if (!m) return null;
  const d = m.detail as Record<string, number>;
  return {
    busyMs: d.busyMs,
    wallMs: m.duration,
    scanMs: d.scanMs,
    publishMs: d.publishMs,
    mentions: d.mentions,
    chunks: d.chunks,
    highlights: CSS.highlights.get('fact-cards')?.size ?? 0,
  };
}

async function waitForScan(page: Page): Promise<ScanMeasure> {
  await page.waitForFunction(() => performance.getEntriesByName('fact-cards:scan').length > 0, null, { polling: 50, timeout: LOAD_TIMEOUT });
  const m = await page.evaluate(readScanMeasure);
  if (!m) throw new Error('fact-cards:scan measure vanished');
  // Up to WINDOW_LIMIT mentions all are registered; past it only those near the viewport.
  const expected = m.mentions <= WINDOW_LIMIT;
  if (expected ? m.highlights !== m.mentions : m.highlights > m.mentions) {
    throw new Error(`${m.mentions} mentions but ${m.highlights} highlights registered on ${page.url()}`);
  }
  return m;
}

type DomWork = { appendMs: number; editMs: number; totalMs: number; syncMs: number; longestTaskMs: number };

/**
 * The page's DOM work, phase by phase, each followed by what the extension
 * does about it (its rescan, batched 150 ms after the changes): the
 * heartbeat runs from just before the phase until the extension is idle
 * again (without the extension: 400 ms and two frames).
 */
async function domWork(page: Page, context: BrowserContext | null): Promise<DomWork> {
  const phases: { syncMs: number; totalMs: number; longestMs: number }[] = [];
  for (const phase of ['append', 'edit'] as const) {
    await page.evaluate(startHeartbeat);
    const timing = await page.evaluate(pageDomWork, { count: DOM_WORK_NODES, phase });
    await page.waitForTimeout(400);
    if (context) await readPageMentions(context, page, LOAD_TIMEOUT); // waits until no scan is running
    await settle(page);
    phases.push({ ...timing, longestMs: (await page.evaluate(stopHeartbeat)).longestMs });
  }
  const [append, edit] = phases;
  return {
    appendMs: append.totalMs,
    editMs: edit.totalMs,
    totalMs: append.totalMs + edit.totalMs,
    syncMs: append.syncMs + edit.syncMs,
    longestTaskMs: Math.max(append.longestMs, edit.longestMs),
  };
}

const pick = <T, K extends keyof T>(rows: T[], key: K) => figure(rows.map((r) => r[key] as number));

export async function benchPage(
  browsers: { withExtension: BrowserContext; plain: BrowserContext },
  server: FixtureServer,
  spec: BenchPageSpec,
  aliases: { list: string[]; alternation: string },
  log: (line: string) => void,
): Promise<PageResult> {
  const url = server.url(spec.file);
  const { withExtension, plain } = browsers;

  // 1. Scan at content-script start, on a fresh load.
  await setEnabled(withExtension, true);
  const scans: ScanMeasure[] = [];
  let entities = 0;
  for (let i = 0; i < spec.runs; i++) {
    const page = await open(withExtension, url);
    scans.push(await waitForScan(page));
    if (i === 0) entities = (await readPageMentions(withExtension, page, LOAD_TIMEOUT)).entities.length;
    await page.close();
  }
  log(`${spec.name}: scan ${scans.map((s) => s.busyMs.toFixed(0)).join(', ')} ms busy`);

  // 2. Settled page: switched on after load, with the heartbeats; then DOM work with highlights.
  const settled: ScanMeasure[] = [];
  const beats: { longestMs: number; over50: number; longestFrameMs: number }[] = [];
  const domOn: DomWork[] = [];
  for (let i = 0; i < spec.runs; i++) {
    await setEnabled(withExtension, false);
    const page = await open(withExtension, url);
    await settle(page);
    await page.evaluate(startHeartbeat);
    await setEnabled(withExtension, true);
    const m = await waitForScan(page);
    // Keep beating through the frame that paints the new highlights.
    await settle(page);
    beats.push(await page.evaluate(stopHeartbeat));
    settled.push(m);
    domOn.push(await domWork(page, withExtension));
    await page.close();
  }
  log(`${spec.name}: settled scan ${settled.map((s) => s.busyMs.toFixed(0)).join(', ')} ms busy, longest task ${beats.map((b) => b.longestMs.toFixed(0)).join(', ')} ms`);

  // 3. Baselines without the extension, and the page's DOM work without highlights.
  const floors: BaselineTiming[] = [];
  const regexes: BaselineTiming[] = [];
  const domOff: DomWork[] = [];
  let textBytes = 0;
  for (let i = 0; i < spec.runs; i++) {
    const page = await open(plain, url);
    await settle(page);
    if (i === 0) textBytes = await page.evaluate(() => new TextEncoder().encode(document.body.textContent ?? '').length);
    // Alternate the order: whichever runs second finds the DOM warm.
    if (i % 2 === 0) {
      floors.push(await page.evaluate(floorPass));
      regexes.push(await page.evaluate(regexHighlight, aliases.alternation));
    } else {
      regexes.push(await page.evaluate(regexHighlight, aliases.alternation));
      floors.push(await page.evaluate(floorPass));
    }
    await page.evaluate(clearRegexHighlight);
    await page.waitForTimeout(100);
    domOff.push(await domWork(page, null));
    await page.close();
  }
  log(`${spec.name}: floor ${floors.map((f) => f.ms.toFixed(0)).join(', ')} ms, regex ${regexes.map((f) => f.ms.toFixed(0)).join(', ')} ms`);

  const marks: BaselineTiming[] = [];
  for (let i = 0; i < spec.markRuns; i++) {
    const page = await open(plain, url);
    await settle(page);
    await page.addScriptTag({ path: MARK_JS });
    marks.push(await page.evaluate(markJs, { terms: aliases.list, accuracy: { value: 'exactly', limiters: MARK_LIMITERS } }));
    await page.close();
  }
  if (marks.length) log(`${spec.name}: mark.js ${marks.map((f) => f.ms.toFixed(0)).join(', ')} ms`);

  const dom = (rows: DomWork[]) => ({
    appendMs: pick(rows, 'appendMs'),
    editMs: pick(rows, 'editMs'),
    totalMs: pick(rows, 'totalMs'),
    syncMs: pick(rows, 'syncMs'),
    longestTaskMs: pick(rows, 'longestTaskMs'),
  });
  const timings = (rows: ScanMeasure[]) => ({
    busyMs: pick(rows, 'busyMs'),
    wallMs: pick(rows, 'wallMs'),
    scanMs: pick(rows, 'scanMs'),
    publishMs: pick(rows, 'publishMs'),
  });
  return {
    name: spec.name,
    file: spec.file,
    textBytes,
    scan: { ...timings(scans), mentions: scans[0].mentions, chunks: scans[0].chunks, entities },
    settled: timings(settled),
    responsiveness: {
      longestTaskMs: pick(beats, 'longestMs'),
      tasksOver50: pick(beats, 'over50'),
      longestFrameGapMs: pick(beats, 'longestFrameMs'),
    },
    floor: { ms: pick(floors, 'ms'), words: floors[0].count },
    regex: { ms: pick(regexes, 'ms'), matches: regexes[0].count },
    markjs: marks.length ? { ms: pick(marks, 'ms'), marks: marks[0].count } : null,
    domWork: { off: dom(domOff), on: dom(domOn) },
  };
}
