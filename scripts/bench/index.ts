/**
 * `npm run bench`: the extension's speed, responsiveness, cost to the page,
 * scale and size, against baselines in the same Chromium. Prints Markdown
 * tables and writes the same figures to bench/results.json.
 *
 *   npm run bench -- --only dense,table   only these pages (ids in catalog.ts; `node` = matcher and search figures;
 *                                         `library` = per-page cost and card latency with 0, 50, 500 saved articles)
 *   npm run bench -- --profile dense      a CPU profile and a trace of one load of the page (profile.ts), nothing else
 *   npm run bench -- --profile table --phase settled
 *                                         the same of the settled page as the extension is switched on
 *                                         (--phase domwork: of the page's own DOM work, the extension idle on it)
 *   npm run bench -- --quick              one run of everything (a smoke test of the bench, not figures to quote)
 *   npm run bench -- --scenario ID        what the extension holds (scenarios.ts); default: bundled
 *   npm run bench -- --extension DIR      the pages measured with another build (say, an earlier commit's, built
 *                                         with WXT_SCAN_MEASURE=1), for before/after figures from one machine
 *
 * BENCH_QUICK=1 is the same as --quick.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../harness/launch-chromium';
import { serveFixtures } from '../harness/serve-fixtures';
import { loadBundledIndex } from '../load-index';
import { benchPage, launchBrowsers, type PageResult } from './browser-bench';
import { targetsOf } from './budgets';
import { CATALOG, selectPages } from './catalog';
import { benchLibrary } from './library-bench';
import { loadSearchBench, searchAtScale, throughputAtScale } from './node-bench';
import { runProfile, type ProfilePhase } from './profile';
import type { BenchResults } from './results';
import { scenarioById } from './scenarios';
import { bundleSizes } from './sizes';
import { renderReport } from './table';

const ROOT = resolve(import.meta.dirname, '../..');
const RESULTS = join(ROOT, 'bench/results.json');
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    profile: { type: 'string' },
    phase: { type: 'string', default: 'load' },
    extension: { type: 'string' },
    quick: { type: 'boolean', default: process.env.BENCH_QUICK === '1' },
    scenario: { type: 'string', default: 'bundled' },
  },
});
const scenario = scenarioById(args.scenario!);
const index = loadBundledIndex();

if (args.profile) {
  const phase = args.phase as ProfilePhase;
  if (!['load', 'settled', 'domwork'].includes(phase)) throw new Error(`--phase is load, settled or domwork, not ${phase}`);
  await runProfile({ pageId: args.profile, phase, scenario, index, log });
  process.exit(0);
}

const started = performance.now();
const loadBefore = loadavg()[0];
const only = args.only ? args.only.split(',').map((s) => s.trim()).filter(Boolean) : null;
const NOT_PAGES = ['node', 'library'];
const defs = selectPages((only ?? []).filter((id) => !NOT_PAGES.includes(id)));
const pages = only && only.every((id) => NOT_PAGES.includes(id)) ? [] : defs;
const nodeFigures = !only || only.includes('node');
const libraryFigures = !only || only.includes('library');
const notes: string[] = [];
if (args.quick) notes.push('--quick: one run per figure; not figures to quote.');
const runs = (n: number) => (args.quick ? Math.min(n, 1) : n);

// Pages: generated into a temp folder (the demo is copied there).
const dir = mkdtempSync(join(tmpdir(), 'fact-cards-bench-'));
const made = pages.map((def) => ({ def, page: def.make(index) }));
for (const { def, page } of made) writeFileSync(join(dir, def.file), page.html);
// The library bench loads the demo (hovered for card latency) and the 100 KB page.
const libraryPages = selectPages(['demo', '100k']);
if (libraryFigures) for (const def of libraryPages) if (!made.some((m) => m.def.id === def.id)) writeFileSync(join(dir, def.file), def.make(index).html);
log(`${made.length} pages in ${dir}`);

// Node: sizes, matcher throughput (over the 1 MB page's text), search.
const sizes = bundleSizes(args.extension ? resolve(args.extension) : EXTENSION_DIR);
let throughput: BenchResults['throughput'] = null;
let search: BenchResults['search'] = null;
if (nodeFigures) {
  const searchModule = await loadSearchBench();
  if (typeof searchModule === 'string') log(searchModule);
  const mb = CATALOG.find((p) => p.id === '1m')!.make(index);
  log('matcher throughput');
  throughput = { ...throughputAtScale(index, searchModule, mb.blocks!, mb.textBytes!, runs(15), [1_000, 10_000]), textBytes: mb.textBytes! };
  log('search');
  search = searchAtScale(index, searchModule, runs(3), 10_000);
}

// The browser.
const aliases = [...new Set(index.entities.flatMap((e) => e.aliases.map((a) => a.text)))];
const alternation = [...aliases]
  .sort((a, b) => b.length - a.length)
  .map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');
const browser: PageResult[] = [];
let chromiumVersion = 'not run';
let library: BenchResults['library'] = null;
if (made.length || libraryFigures) {
  const server = await serveFixtures(dir);
  try {
    if (made.length) {
      const browsers = await launchBrowsers(scenario, args.extension ? resolve(args.extension) : undefined);
      chromiumVersion = browsers.version;
      try {
        for (const { def } of made) {
          const counts = { runs: runs(def.runs), settledRuns: runs(def.settledRuns), markRuns: runs(def.markRuns) };
          browser.push(await benchPage(browsers, server, def, counts, { list: aliases, alternation }, log));
        }
      } finally {
        await browsers.close();
      }
    }
    if (libraryFigures) {
      log('library scale');
      library = await benchLibrary(server, libraryPages.map((d) => ({ name: d.name, file: d.file })), index, runs(5), log);
    }
  } finally {
    await server.close();
  }
}
rmSync(dir, { recursive: true, force: true });

const cpu = cpus();
const partial: Omit<BenchResults, 'targets'> = {
  date: new Date().toISOString(),
  machine: {
    cpu: cpu[0]?.model.trim() ?? 'unknown CPU',
    cores: cpu.length,
    node: process.version,
    chromium: chromiumVersion,
    platform: `${platform()} ${release()}`,
    loadAverage: [loadBefore, loadavg()[0]],
  },
  runtimeSeconds: (performance.now() - started) / 1000,
  scenario: scenario.id,
  only,
  pages: made.map(({ def, page }) => ({
    id: def.id,
    name: def.name,
    file: def.file,
    about: def.about,
    textBytes: page.textBytes ?? null,
    htmlBytes: Buffer.byteLength(page.html),
    planted: page.planted ?? null,
  })),
  browser,
  throughput,
  search,
  library,
  sizes,
  indexGzip: gzipSync(JSON.stringify(index), { level: 9 }).length,
  notes,
};
const results: BenchResults = { ...partial, targets: targetsOf(partial) };
process.stdout.write(`${renderReport(results)}\n`);
mkdirSync(join(ROOT, 'bench'), { recursive: true });
writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
log(`wrote ${RESULTS}`);
