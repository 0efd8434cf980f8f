/**
 * `npm run bench -- --profile PAGE`: one load of a bench page with the
 * extension, recorded with a V8 CPU profile (CDP `Profiler`, a sample every
 * 200 µs) and a trace (CDP `Tracing`, devtools.timeline categories), from
 * navigation start to the end of the extension's first scan plus
 * SCAN_TAIL_MS; then the same page without the extension, traced over the
 * same span. Writes bench/profiles/PAGE-ext.cpuprofile, PAGE-ext.trace.json,
 * PAGE-plain.trace.json (open them in Chrome DevTools' Performance panel or
 * https://ui.perfetto.dev) and PAGE-summary.md, and prints the summary.
 *
 * The extension is a build of the same code without minification and with
 * source maps (scripts/bench/wxt-profile.config.ts, into
 * .output/bench-profile), so profiles name functions as the source does and
 * say which file and line they are in.
 */
import type { BrowserContext, CDPSession } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { FactIndex } from '../../lib/fact-index/schema';
import { serveFixtures, type FixtureServer } from '../harness/serve-fixtures';
import { launchBrowsers, setEnabled, settle, worker } from './browser-bench';
import { SCAN_TAIL_MS, selectPages, type BenchPageDef } from './catalog';
import { probeReady, probeScanEnd, probeWaitUntil, SCAN_PARAM } from './load-probe';
import { pageDomWork } from './baselines';
import { readPageMentions } from '../harness/page-mentions';
import { renderSummary, summarise, type CpuProfile, type TraceEvent } from './profile-summary';
import type { Scenario } from './scenarios';
import { sourceMapLookup, type RawSourceMap } from './sourcemap';

const ROOT = resolve(import.meta.dirname, '../..');
const PROFILE_BUILD = join(ROOT, '.output/bench-profile/chrome-mv3');
const OUT = join(ROOT, 'bench/profiles');
const SAMPLING_US = 200;
const LOAD_TIMEOUT = 180_000;

/** The timeline categories of DevTools' Performance panel (its JS samples come from the separate CPU profile). */
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  // Stacks of the scripts that invalidated style or layout (ScheduleStyleRecalculation, InvalidateLayout).
  'disabled-by-default-devtools.timeline.stack',
  'toplevel',
  'blink.user_timing',
  'loading',
  'v8.execute',
  'v8',
];

async function readStream(cdp: CDPSession, handle: string): Promise<string> {
  const parts: string[] = [];
  for (;;) {
    const chunk = (await cdp.send('IO.read', { handle, size: 1 << 20 })) as { data: string; eof: boolean; base64Encoded?: boolean };
    parts.push(chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data);
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle });
  return parts.join('');
}

interface Recording {
  trace: string;
  profile: CpuProfile | null;
  /** From navigation start. */
  windowMs: number;
  /** Where the recorded work starts, from navigation start: 0 for a load. */
  fromMs: number;
}

/**
 * What is recorded: `load`, a fresh load with the extension on; `settled`,
 * the page loaded with the extension off and settled, then the extension
 * switched on (as the bench's settled runs do), so only the extension's own
 * scan and the rendering it causes fall in the window; `domwork`, the page's
 * own DOM work (the bench's appends, then edits) once the extension is idle
 * on it, so what observing the page's changes costs, and what the highlights
 * under them cost its frames, are in the window.
 */
export type ProfilePhase = 'load' | 'settled' | 'domwork';

/**
 * Loads the page from a blank page of the same origin (so the renderer, and
 * with it the profiler, stays the same across the navigation) and records
 * until `windowMs` after navigation start — with the extension, until its
 * first scan ends plus the tail.
 */
async function record(
  context: BrowserContext,
  server: FixtureServer,
  def: BenchPageDef,
  options: { cpu: boolean; windowMs?: number; fromMs?: number; phase: ProfilePhase; extension: boolean },
): Promise<Recording> {
  const settled = options.phase === 'settled';
  const domwork = options.phase === 'domwork';
  if (settled && options.extension) await setEnabled(context, false);
  const page = await context.newPage();
  page.setDefaultTimeout(LOAD_TIMEOUT);
  await page.goto(server.url('blank.html'));
  const cdp = await context.newCDPSession(page);
  if (options.cpu) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
    await cdp.send('Profiler.start');
  }
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: CATEGORIES, excludedCategories: ['*'], recordMode: 'recordAsMuchAsPossible' },
    transferMode: 'ReturnAsStream',
  } as never);
  await page.goto(`${server.url(def.file)}?${SCAN_PARAM}`, { waitUntil: settled || domwork ? 'load' : 'commit', timeout: LOAD_TIMEOUT });
  let fromMs = 0;
  let windowMs = options.windowMs;
  if (domwork) {
    if (options.extension) await readPageMentions(context, page, LOAD_TIMEOUT);
    await settle(page);
    fromMs = await page.evaluate(() => performance.now());
    for (const phase of ['append', 'edit'] as const) await page.evaluate(pageDomWork, { count: def.domWorkNodes, phase });
    // The extension's rescan of what changed, and its frames.
    await page.waitForTimeout(400);
    if (options.extension) await readPageMentions(context, page, LOAD_TIMEOUT);
    await settle(page);
    windowMs = await page.evaluate(() => performance.now());
  } else if (settled) {
    await settle(page);
    fromMs = options.fromMs ?? (await page.evaluate(() => performance.now()));
    if (options.extension) await setEnabled(context, true);
  }
  if (windowMs === undefined) {
    const { ready, scanEnd } = await page.evaluate(probeScanEnd);
    windowMs = Math.max(ready + def.minWindowMs, scanEnd + SCAN_TAIL_MS);
  } else {
    await page.evaluate(probeReady);
  }
  await page.evaluate(probeWaitUntil, windowMs);
  const profile = options.cpu ? ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile : null;
  const complete = new Promise<{ stream: string }>((done) => cdp.once('Tracing.tracingComplete', (e) => done(e as { stream: string })));
  await cdp.send('Tracing.end');
  const trace = await readStream(cdp, (await complete).stream);
  await page.close();
  return { trace, profile, windowMs, fromMs };
}

function traceEvents(json: string): TraceEvent[] {
  const parsed = JSON.parse(json) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/** Maps content-script bundle positions to source files, from the profile build's source maps. */
function contentScriptLocator(): (url: string, line: number, column: number) => string | null {
  const lookups = new Map<string, ReturnType<typeof sourceMapLookup> | null>();
  return (url, line, column) => {
    const path = new URL(url).pathname;
    if (!lookups.has(path)) {
      const mapFile = join(PROFILE_BUILD, `${path}.map`);
      lookups.set(path, existsSync(mapFile) ? sourceMapLookup(JSON.parse(readFileSync(mapFile, 'utf8')) as RawSourceMap) : null);
    }
    const at = lookups.get(path)?.(line, column);
    return at ? `${at.source.replace(/^.*?node_modules\//, 'node_modules/')}:${at.line}` : null;
  };
}

export async function runProfile(options: { pageId: string; phase: ProfilePhase; scenario: Scenario; index: FactIndex; log: (line: string) => void }): Promise<void> {
  const { log, phase } = options;
  const [def] = selectPages([options.pageId]);
  log('building the extension without minification, with source maps (.output/bench-profile)');
  execFileSync('npx', ['wxt', 'build', '-c', 'scripts/bench/wxt-profile.config.ts'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

  const dir = mkdtempSync(join(tmpdir(), 'fact-cards-profile-'));
  writeFileSync(join(dir, def.file), def.make(options.index).html);
  writeFileSync(join(dir, 'blank.html'), '<!DOCTYPE html><title>blank</title>');
  const server = await serveFixtures(dir);
  const browsers = await launchBrowsers(options.scenario, PROFILE_BUILD);
  let ext: Recording;
  let plain: Recording;
  let extensionHost: string;
  try {
    extensionHost = new URL((await worker(browsers.withExtension)).url()).host;
    log(`recording ${def.name} with the extension (${phase})`);
    ext = await record(browsers.withExtension, server, def, { cpu: true, phase, extension: true });
    log(`recording ${def.name} without the extension (${ext.windowMs.toFixed(0)} ms)`);
    // The same span of the page's clock, except for DOM work, which takes the time it takes without us.
    const same = phase === 'domwork' ? {} : { windowMs: ext.windowMs, fromMs: phase === 'settled' ? ext.fromMs : undefined };
    plain = await record(browsers.plain, server, def, { cpu: false, ...same, phase, extension: false });
  } finally {
    await browsers.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }

  mkdirSync(OUT, { recursive: true });
  const name = phase === 'load' ? def.id : `${def.id}-${phase}`;
  const files = {
    cpu: join(OUT, `${name}-ext.cpuprofile`),
    trace: join(OUT, `${name}-ext.trace.json`),
    plainTrace: join(OUT, `${name}-plain.trace.json`),
    summary: join(OUT, `${name}-summary.md`),
  };
  writeFileSync(files.cpu, JSON.stringify(ext.profile));
  writeFileSync(files.trace, ext.trace);
  writeFileSync(files.plainTrace, plain.trace);

  const pageUrl = `/${def.file}`;
  const common = {
    isContentScript: (url: string) => url.startsWith(`chrome-extension://${extensionHost}/content-scripts/`),
    locate: contentScriptLocator(),
  };
  const findUrl = (events: TraceEvent[]) =>
    String(events.find((e) => e.name === 'navigationStart' && String(e.args?.data?.documentLoaderURL ?? '').includes(pageUrl))?.args?.data?.documentLoaderURL ?? pageUrl);
  const extEvents = traceEvents(ext.trace);
  const plainEvents = traceEvents(plain.trace);
  const what = {
    load: 'one load with the extension',
    settled: 'the settled page, the extension switched on',
    domwork: "the page's own DOM work (appends, then edits) with the extension idle on it",
  }[phase];
  const withExt = summarise({ ...common, label: `${def.name} (${def.file}), ${what}`, trace: extEvents, profile: ext.profile, pageUrl: findUrl(extEvents), windowMs: ext.windowMs, fromMs: ext.fromMs });
  const without = summarise({ ...common, label: `${def.name} without the extension`, trace: plainEvents, profile: null, pageUrl: findUrl(plainEvents), windowMs: plain.windowMs, fromMs: plain.fromMs });
  const text = renderSummary(withExt, without, Object.values(files).map((f) => relative(ROOT, f)));
  writeFileSync(files.summary, `${text}\n`);
  process.stdout.write(`${text}\n`);
  log(`wrote ${relative(ROOT, OUT)}/${name}-*`);
}
