/**
 * Browser figures, all in one Chromium build: persistent contexts with the
 * built extension and without it (the page's own behaviour, and the
 * baselines). Every run is a fresh page load.
 *
 * ## The bench's contract with the extension
 *
 * The bench treats the extension as a black box except for these four
 * points; a rewrite of the content script keeps the bench working as long as
 * it keeps them.
 *
 * 1. Required. After its first full scan of a page, the content script
 *    records `performance.measure('fact-cards:scan', { start, end, detail })`
 *    in the page's performance timeline (shared with the page's main world),
 *    once its highlights are registered. `start`–`end` is the scan's wall
 *    time; `detail` holds numbers: `busyMs` (main-thread time, time yielded
 *    to the page excluded), `scanMs` (reading + matching), `publishMs`
 *    (resolving + registering), `mentions`, `chunks`, `slices`. Work the
 *    extension moves off the main thread belongs in neither `busyMs` nor the
 *    heartbeat gaps, which is the point.
 * 2. Required. The named highlight `fact-cards` in `CSS.highlights`: when
 *    the measure is recorded it holds no more ranges than `mentions` (not
 *    checked on a page that changes itself), and one second later (the end
 *    of the load window) at least one when `mentions > 0` (a highlight
 *    window may register them a little after the scan).
 * 3. The setting `enabled` in `chrome.storage.sync` under `settings`
 *    (`{ settings: { enabled } }`), written from the service worker, switches
 *    the extension off and on in open tabs (the settled-page runs).
 * 4. The `page-mentions` message (scripts/harness/page-mentions.ts): its
 *    `scanning` flag tells when the extension is idle again after the
 *    page's DOM work, and its `entities` list is counted for the report.
 *
 * A scenario (scenarios.ts) may import saved articles or change settings
 * through the extension before pages load.
 *
 * ## Runs, per page
 *
 * - load, side by side, each round in three fresh browsers (RoundBrowsers,
 *   each warmed by one load of the page): a fresh load with the extension,
 *   then the same page without it, then without it in the round's control
 *   browser, each with the load probe's heartbeat (load-probe.ts) from the
 *   page's first contentful paint. The window runs to the extension's scan
 *   end plus SCAN_TAIL_MS (at least the page's `minWindowMs`); the runs
 *   without the extension count the same span. With the extension the page
 *   then does its own DOM work with our highlights present; without it, the
 *   floor and regex baselines run, then the same DOM work.
 * - settled: the page loads with the extension switched off and settles,
 *   the heartbeat starts, then the extension is switched on and scans. Page
 *   load work (parsing, first layout) cannot then pass for ours.
 * - mark.js: a load of its own (it rewrites the DOM).
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { createRequire } from 'node:module';
import { launchWithExtension, QUIET_BROWSER_ARGS } from '../harness/launch-chromium';
import { readPageMentions } from '../harness/page-mentions';
import type { FixtureServer } from '../harness/serve-fixtures';
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
import { SCAN_TAIL_MS, type BenchPageDef } from './catalog';
import { BEAT_PARAM, installLoadProbe, probeReady, probeScanEnd, probeStop, probeWaitUntil, restlessWork, SCAN_PARAM } from './load-probe';
import type { Scenario } from './scenarios';
import { figure, pick, type Figure } from './stats';

const MARK_JS = createRequire(import.meta.url).resolve('mark.js/dist/mark.min.js');
/** mark.js "exactly": a match must sit between whitespace or these characters (its word boundary). */
export const MARK_LIMITERS = [',', '.', ';', ':', '!', '?', '"', "'", '’', '‘', '“', '”', '«', '»', '(', ')', '[', ']', '-', '–', '—', '/'];
const LOAD_TIMEOUT = 180_000;

export interface ScanMeasure {
  busyMs: number;
  wallMs: number;
  scanMs: number;
  publishMs: number;
  mentions: number;
  chunks: number;
  slices: number;
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

export interface LoadFigures {
  /** Longest gap between heartbeats after the page's first contentful paint, within the window. */
  longestMs: Figure;
  /** Gaps over 50 ms in the window. */
  over50: Figure;
  /** How late the page's own 10 ms timer ran at the worst, past its delay, within the window. */
  timerLateMs: Figure;
  /** The window after that start. */
  windowMs: Figure;
  /** First contentful paint and load event, from navigation start. */
  fcpMs: Figure;
  loadMs: Figure;
}

export interface PageResult {
  id: string;
  name: string;
  file: string;
  /** UTF-8 bytes of the body's text content. */
  textBytes: number;
  /** DOM nodes of the loaded page (elements, text, comments). */
  nodes: number;
  /** Fresh load with the extension on: the scan at content-script start. */
  scan: { busyMs: Figure; wallMs: Figure; scanMs: Figure; publishMs: Figure; slices: Figure; mentions: number; chunks: number; entities: number | null };
  /** The same scan on a settled page, switched on after load. */
  settled: { busyMs: Figure; wallMs: Figure; scanMs: Figure; publishMs: Figure };
  /** Heartbeat on the settled page while the extension scans. */
  responsiveness: { longestTaskMs: Figure; tasksOver50: Figure; longestFrameGapMs: Figure; timerLateMs: Figure };
  /** Heartbeat from the first contentful paint of a fresh load, with and without the extension, over the same window. */
  load: { on: LoadFigures; off: LoadFigures };
  floor: { ms: Figure; words: number };
  regex: { ms: Figure; matches: number };
  markjs: { ms: Figure; marks: number } | null;
  /**
   * The page's own DOM work (`nodes` appends, then `nodes` edits); null on a page that changes itself.
   * `ratio`: each round's load with ÷ its load without. Loads vary by ±15 % on a 2-core machine, so
   * the median of the rounds' ratios drifts less than the ratio of the two medians.
   * `noise`: the same measure with no extension on either side — each round's load without ÷ its
   * control, a second browser without: how far apart two browsers land on this machine.
   */
  domWork: { nodes: number; off: DomWorkFigures; on: DomWorkFigures; ratio: Figure; noise: Figure } | null;
  /**
   * A restless page's own timer ticks over the load window: mean ms per tick.
   * `ratio` and `noise` as for `domWork`.
   */
  ownTicks: { off: Figure; on: Figure; ratio: Figure; noise: Figure } | null;
}

// tsx compiles with esbuild's keepNames, which wraps inner functions in a
// `__name(...)` helper; functions sent to page.evaluate need it defined.
export const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((f) => f);';

export interface Browsers {
  /** Long-lived: the settled runs (the extension switched off and on again). */
  withExtension: BrowserContext;
  /** Long-lived: mark.js. */
  plain: BrowserContext;
  /** Fresh browsers for one round of side-by-side loads (see RoundBrowsers). */
  round(warmUrl: string): Promise<RoundBrowsers>;
  version: string;
  close(): Promise<void>;
}

/**
 * One round of side-by-side loads gets browsers of its own: one with the
 * extension, one without, and a second one without as the noise control.
 * Two Chromium instances on this machine differ by themselves: in a side
 * test two browsers, both without the extension, gave a restless page mean
 * ticks 15 % apart over six loads each. With the same two browsers for every
 * round that bias is in every pair, and a control loaded in the same browser
 * as "without" cannot see it; with three fresh browsers per round the bias
 * varies from pair to pair, and the control (without ÷ without, two
 * browsers) shows how large it is. Each browser loads the page once before
 * the measured load, as a reader's browser has loaded pages before. A
 * scenario prepares each round's browser with the extension too, so
 * `--scenario library-500` imports its library once per round.
 */
export interface RoundBrowsers {
  withExtension: BrowserContext;
  plain: BrowserContext;
  control: BrowserContext;
  close(): Promise<void>;
}

async function withProbe(context: BrowserContext): Promise<BrowserContext> {
  await context.addInitScript({ content: NAME_SHIM });
  await context.addInitScript(installLoadProbe, { beat: BEAT_PARAM, scan: SCAN_PARAM });
  return context;
}

/** Chromium without the extension, with the same flags as launchWithExtension. */
function launchPlain(): Promise<BrowserContext> {
  return chromium
    .launchPersistentContext('', { executablePath: findChromium(), headless: true, viewport: { width: 1280, height: 900 }, args: QUIET_BROWSER_ARGS })
    .then(withProbe);
}

/** Chromium with the extension, its service worker up and the scenario prepared. */
async function launchExtension(scenario: Scenario, extensionDir?: string): Promise<BrowserContext> {
  const context = await withProbe(await launchWithExtension({ headless: true, extensionDir }));
  await worker(context);
  if (scenario.prepare) await scenario.prepare(context);
  return context;
}

/** One load of `url`, not measured: the browser's caches and the extension's worker are warm after it. */
async function warmUp(context: BrowserContext, url: string, extension: boolean): Promise<void> {
  const page = await context.newPage();
  page.setDefaultTimeout(LOAD_TIMEOUT);
  await page.goto(withParam(url, SCAN_PARAM), { waitUntil: 'load', timeout: LOAD_TIMEOUT });
  if (extension) await page.evaluate(probeScanEnd);
  else await settle(page);
  await page.close();
}

/** Chromium with the extension (prepared by the scenario) and without it; the load probe in both. */
export async function launchBrowsers(scenario: Scenario, extensionDir?: string): Promise<Browsers> {
  const withExtension = await launchExtension(scenario, extensionDir);
  const plain = await launchPlain();
  const page = await plain.newPage();
  const cdp = await plain.newCDPSession(page);
  const { product } = (await cdp.send('Browser.getVersion')) as { product: string };
  await page.close();
  return {
    withExtension,
    plain,
    version: product,
    async round(warmUrl) {
      const set = { withExtension: await launchExtension(scenario, extensionDir), plain: await launchPlain(), control: await launchPlain() };
      const close = async () => {
        for (const context of Object.values(set)) await context.close();
      };
      try {
        await warmUp(set.withExtension, warmUrl, true);
        await warmUp(set.plain, warmUrl, false);
        await warmUp(set.control, warmUrl, false);
      } catch (error) {
        await close();
        throw error;
      }
      return { ...set, close };
    },
    close: async () => {
      await withExtension.close();
      await plain.close();
    },
  };
}

export async function worker(context: BrowserContext) {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

export async function setEnabled(context: BrowserContext, enabled: boolean): Promise<void> {
  const sw = await worker(context);
  await sw.evaluate((on) => (globalThis as any).chrome.storage.sync.set({ settings: { enabled: on } }), enabled);
}

export async function open(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(LOAD_TIMEOUT);
  await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
  return page;
}

/** Two frames and a pause: parsing, first layout and paint are over. */
export async function settle(page: Page): Promise<void> {
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
    slices: d.slices,
    highlights: CSS.highlights.get('fact-cards')?.size ?? 0,
  };
}

/**
 * The first `fact-cards:scan` measure, checked against the registered
 * highlights (contract points 1 and 2): at the measure (`atScan`, as the
 * probe saw them, else now) no more ranges than mentions — unless the page
 * changes itself, when rescans may have added some since; by `later` (the
 * end of the load window, when given) at least one when there are mentions.
 */
async function scanMeasure(page: Page, highlights?: { atScan: number; later: number }, changing = false): Promise<ScanMeasure> {
  const read = await page.evaluate(readScanMeasure);
  if (!read) throw new Error(`no fact-cards:scan measure on ${page.url()}`);
  const m = { ...read, highlights: highlights?.atScan ?? read.highlights };
  for (const key of ['busyMs', 'scanMs', 'publishMs', 'mentions', 'chunks', 'slices'] as const) {
    if (typeof m[key] !== 'number') throw new Error(`fact-cards:scan detail.${key} is not a number on ${page.url()}`);
  }
  if (!changing && m.highlights > m.mentions) throw new Error(`${m.mentions} mentions but ${m.highlights} highlights registered on ${page.url()}`);
  const later = highlights?.later ?? m.highlights;
  if ((m.mentions > 0) !== (later > 0)) throw new Error(`${m.mentions} mentions but ${later} highlights registered after the scan on ${page.url()}`);
  return m;
}

/** Waits until the extension has no scan running (contract point 4). */
async function extensionIdle(context: BrowserContext, page: Page, timeoutMs = LOAD_TIMEOUT) {
  return readPageMentions(context, page, timeoutMs);
}

type DomWork = { appendMs: number; editMs: number; totalMs: number; syncMs: number; longestTaskMs: number };

/**
 * The page's DOM work, phase by phase, each followed by what the extension
 * does about it (its rescan): the heartbeat runs from just before the phase
 * until the extension is idle again (without the extension: 400 ms and two
 * frames).
 */
async function domWork(page: Page, nodes: number, context: BrowserContext | null): Promise<DomWork> {
  const phases: { syncMs: number; totalMs: number; longestMs: number }[] = [];
  for (const phase of ['append', 'edit'] as const) {
    await page.evaluate(startHeartbeat);
    const timing = await page.evaluate(pageDomWork, { count: nodes, phase });
    await page.waitForTimeout(400);
    if (context) await extensionIdle(context, page);
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

const withParam = (url: string, param: string) => `${url}${url.includes('?') ? '&' : '?'}${param}`;

type LoadRun = { longestMs: number; over50: number; timerLateMs: number; windowMs: number; fcpMs: number; loadMs: number };

/** With the extension: a fresh load; the heartbeat from the first contentful paint to the scan's end plus the tail. */
async function loadWithExtension(context: BrowserContext, url: string, def: BenchPageDef) {
  const page = await context.newPage();
  page.setDefaultTimeout(LOAD_TIMEOUT);
  await page.goto(withParam(url, BEAT_PARAM), { waitUntil: 'commit', timeout: LOAD_TIMEOUT });
  const { ready, scanEnd, highlights } = await page.evaluate(probeScanEnd);
  const windowMs = Math.max(def.minWindowMs, scanEnd + SCAN_TAIL_MS - ready);
  await page.evaluate(probeWaitUntil, ready + windowMs);
  const beats = await page.evaluate(probeStop, windowMs);
  const later = await page.evaluate(() => CSS.highlights.get('fact-cards')?.size ?? 0);
  await page.waitForLoadState('load', { timeout: LOAD_TIMEOUT });
  return { page, highlights: { atScan: highlights, later }, load: { ...beats, windowMs } satisfies LoadRun, work: await page.evaluate(restlessWork) };
}

/** Without the extension: the same page, the heartbeat over the same window after its own first contentful paint. */
async function loadWithout(context: BrowserContext, url: string, windowMs: number) {
  const page = await context.newPage();
  page.setDefaultTimeout(LOAD_TIMEOUT);
  await page.goto(withParam(url, BEAT_PARAM), { waitUntil: 'commit', timeout: LOAD_TIMEOUT });
  const ready = await page.evaluate(probeReady);
  await page.evaluate(probeWaitUntil, ready + windowMs);
  const beats = await page.evaluate(probeStop, windowMs);
  await page.waitForLoadState('load', { timeout: LOAD_TIMEOUT });
  return { page, load: { ...beats, windowMs } satisfies LoadRun, work: await page.evaluate(restlessWork) };
}

const countNodes = () => {
  let n = 0;
  const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
  while (walker.nextNode()) n++;
  return n;
};

export async function benchPage(
  browsers: Browsers,
  server: FixtureServer,
  def: BenchPageDef,
  runs: { runs: number; settledRuns: number; markRuns: number },
  aliases: { list: string[]; alternation: string },
  log: (line: string) => void,
): Promise<PageResult> {
  const url = server.url(def.file);
  const { withExtension, plain } = browsers;

  // 1. Fresh loads side by side, each round in fresh browsers (RoundBrowsers): with the extension,
  // then without, then without again (the noise control); then the page's DOM work and the baselines.
  const scans: ScanMeasure[] = [];
  const loadOn: LoadRun[] = [];
  const loadOff: LoadRun[] = [];
  const ticksOn: number[] = [];
  const ticksOff: number[] = [];
  const ticksAgain: number[] = [];
  const domOn: DomWork[] = [];
  const domOff: DomWork[] = [];
  const domAgain: DomWork[] = [];
  const floors: BaselineTiming[] = [];
  const regexes: BaselineTiming[] = [];
  let entities: number | null = null;
  let textBytes = 0;
  let nodes = 0;
  /** A load without the extension, then, on the same page, the baselines and the page's DOM work. */
  const without = async (context: BrowserContext, windowMs: number, i: number) => {
    const off = await loadWithout(context, url, windowMs);
    if (i === 0) {
      textBytes = await off.page.evaluate(() => new TextEncoder().encode(document.body.textContent ?? '').length);
      nodes = await off.page.evaluate(countNodes);
    }
    let floor: BaselineTiming;
    let regex: BaselineTiming;
    let dom: DomWork | null = null;
    if (def.domWorkNodes > 0) {
      await settle(off.page);
      // Alternate the order: whichever runs second finds the DOM warm.
      if (i % 2 === 0) {
        floor = await off.page.evaluate(floorPass);
        regex = await off.page.evaluate(regexHighlight, aliases.alternation);
      } else {
        regex = await off.page.evaluate(regexHighlight, aliases.alternation);
        floor = await off.page.evaluate(floorPass);
      }
      await off.page.evaluate(clearRegexHighlight);
      await off.page.waitForTimeout(100);
      dom = await domWork(off.page, def.domWorkNodes, null);
    } else {
      floor = await off.page.evaluate(floorPass);
      regex = await off.page.evaluate(regexHighlight, aliases.alternation);
    }
    await off.page.close();
    return { load: off.load, ticks: off.work.ms / off.work.ticks, floor, regex, dom };
  };
  for (let i = 0; i < runs.runs; i++) {
    const round = await browsers.round(url);
    try {
      const on = await loadWithExtension(round.withExtension, url, def);
      scans.push(await scanMeasure(on.page, on.highlights, def.domWorkNodes === 0));
      loadOn.push(on.load);
      ticksOn.push(on.work.ms / on.work.ticks);
      if (def.domWorkNodes > 0) {
        const idle = await extensionIdle(round.withExtension, on.page);
        if (i === 0) entities = idle.entities.length;
        await settle(on.page);
        domOn.push(await domWork(on.page, def.domWorkNodes, round.withExtension));
      } else if (i === 0) {
        // A page that never stops changing may keep the extension busy: count its entities if it answers soon.
        entities = await extensionIdle(round.withExtension, on.page, 5000).then((r) => r.entities.length, () => null);
      }
      await on.page.close();

      const off = await without(round.plain, on.load.windowMs, i);
      loadOff.push(off.load);
      ticksOff.push(off.ticks);
      floors.push(off.floor);
      regexes.push(off.regex);
      if (off.dom) domOff.push(off.dom);
      // The noise control: the same page and steps in the round's second browser without the extension.
      const again = await without(round.control, on.load.windowMs, i);
      ticksAgain.push(again.ticks);
      if (again.dom) domAgain.push(again.dom);
    } finally {
      await round.close();
    }
  }
  const ms = (rows: { longestMs: number }[]) => rows.map((r) => r.longestMs.toFixed(0)).join(', ');
  log(`${def.name}: scan ${scans.map((s) => s.busyMs.toFixed(0)).join(', ')} ms busy; longest gap after first paint ${ms(loadOn)} ms with, ${ms(loadOff)} ms without`);

  // 2. Settled page: switched on after load, with the heartbeat.
  const settled: ScanMeasure[] = [];
  const beats: { longestMs: number; over50: number; longestFrameMs: number; timerLateMs: number }[] = [];
  for (let i = 0; i < runs.settledRuns; i++) {
    await setEnabled(withExtension, false);
    const page = await open(withExtension, withParam(url, SCAN_PARAM));
    await settle(page);
    await page.evaluate(startHeartbeat);
    await setEnabled(withExtension, true);
    const { highlights } = await page.evaluate(probeScanEnd);
    // As on a fresh load, a highlight window may register its ranges a few frames after the scan.
    const later = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const until = performance.now() + 1000;
          const check = () => {
            const size = CSS.highlights.get('fact-cards')?.size ?? 0;
            if (size > 0 || performance.now() > until) resolve(size);
            else setTimeout(check, 20);
          };
          check();
        }),
    );
    const m = await scanMeasure(page, { atScan: highlights, later }, def.domWorkNodes === 0);
    // Keep beating through the frame that paints the new highlights.
    await settle(page);
    beats.push(await page.evaluate(stopHeartbeat));
    settled.push(m);
    await page.close();
  }
  await setEnabled(withExtension, true);
  log(`${def.name}: settled scan ${settled.map((s) => s.busyMs.toFixed(0)).join(', ')} ms busy, longest task ${ms(beats)} ms`);

  const marks: BaselineTiming[] = [];
  for (let i = 0; i < runs.markRuns; i++) {
    const page = await open(plain, url);
    await settle(page);
    await page.addScriptTag({ path: MARK_JS });
    marks.push(await page.evaluate(markJs, { terms: aliases.list, accuracy: { value: 'exactly', limiters: MARK_LIMITERS } }));
    await page.close();
  }
  if (marks.length) log(`${def.name}: mark.js ${marks.map((f) => f.ms.toFixed(0)).join(', ')} ms`);

  const dom = (rows: DomWork[]): DomWorkFigures => ({
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
  const load = (rows: LoadRun[]): LoadFigures => ({
    longestMs: pick(rows, 'longestMs'),
    over50: pick(rows, 'over50'),
    timerLateMs: pick(rows, 'timerLateMs'),
    windowMs: pick(rows, 'windowMs'),
    fcpMs: pick(rows, 'fcpMs'),
    loadMs: pick(rows, 'loadMs'),
  });
  return {
    id: def.id,
    name: def.name,
    file: def.file,
    textBytes,
    nodes,
    scan: { ...timings(scans), slices: pick(scans, 'slices'), mentions: scans[0].mentions, chunks: scans[0].chunks, entities },
    settled: timings(settled),
    responsiveness: {
      longestTaskMs: pick(beats, 'longestMs'),
      tasksOver50: pick(beats, 'over50'),
      longestFrameGapMs: pick(beats, 'longestFrameMs'),
      timerLateMs: pick(beats, 'timerLateMs'),
    },
    load: { on: load(loadOn), off: load(loadOff) },
    floor: { ms: pick(floors, 'ms'), words: floors[0].count },
    regex: { ms: pick(regexes, 'ms'), matches: regexes[0].count },
    markjs: marks.length ? { ms: pick(marks, 'ms'), marks: marks[0].count } : null,
    domWork:
      def.domWorkNodes > 0
        ? {
            nodes: def.domWorkNodes,
            off: dom(domOff),
            on: dom(domOn),
            ratio: figure(domOn.map((on, i) => on.totalMs / domOff[i].totalMs)),
            noise: figure(domOff.map((off, i) => off.totalMs / domAgain[i].totalMs)),
          }
        : null,
    ownTicks:
      def.domWorkNodes > 0
        ? null
        : {
            off: figure(ticksOff),
            on: figure(ticksOn),
            ratio: figure(ticksOn.map((on, i) => on / ticksOff[i])),
            noise: figure(ticksOff.map((off, i) => off / ticksAgain[i])),
          },
  };
}
