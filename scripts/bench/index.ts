/**
 * `npm run bench`: the extension's speed, responsiveness, cost to the page,
 * scale and size, against baselines in the same Chromium. Prints Markdown
 * tables and writes the same figures to bench/results.json.
 *
 * BENCH_QUICK=1: one run of everything and mark.js on the small pages only
 * (a smoke test of the bench itself, not figures to quote).
 * BENCH_MARKJS_5MB=1: also run mark.js once on the 5 MB page (about 90 s).
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../harness/launch-chromium';
import { serveFixtures } from '../harness/serve-fixtures';
import { loadBundledIndex } from '../load-index';
import { benchPage, launchBrowsers, type BenchPageSpec, type PageResult } from './browser-bench';
import { loadSearchBench, searchAtScale, throughputAtScale } from './node-bench';
import { generatePage, PAGE_SIZES, type BenchPage } from './pages';
import { bundleSizes } from './sizes';
import { renderReport, targetsOf, type BenchResults } from './table';

const ROOT = resolve(import.meta.dirname, '../..');
const DEMO_PAGE = join(ROOT, 'tests/fixtures/pages/demo.html');
const RESULTS = join(ROOT, 'bench/results.json');
const QUICK = process.env.BENCH_QUICK === '1';
const runs = (n: number) => (QUICK ? 1 : n);
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

const started = performance.now();
const loadBefore = loadavg()[0];
const index = loadBundledIndex();
const notes: string[] = [];
if (QUICK) notes.push('BENCH_QUICK=1: one run per figure; not figures to quote.');

// Pages: generated into a temp folder with the demo page beside them.
const dir = mkdtempSync(join(tmpdir(), 'fact-cards-bench-'));
const generated: BenchPage[] = PAGE_SIZES.map((size) => generatePage({ ...size, index }));
for (const page of generated) writeFileSync(join(dir, page.file), page.html);
copyFileSync(DEMO_PAGE, join(dir, 'demo.html'));
const onePage = generated.find((p) => p.file === 'page-1m.html')!;
log(`pages generated in ${dir}`);

const specs: BenchPageSpec[] = [
  { name: 'demo', file: 'demo.html', runs: runs(5), markRuns: runs(5) },
  { name: '100 KB', file: 'page-100k.html', runs: runs(5), markRuns: runs(5) },
  { name: '1 MB', file: 'page-1m.html', runs: runs(5), markRuns: QUICK ? 0 : 2 }, // mark.js: ~20 s a run
  { name: '5 MB', file: 'page-5m.html', runs: runs(3), markRuns: process.env.BENCH_MARKJS_5MB === '1' ? 1 : 0 },
];

// Node: sizes, matcher throughput, search.
const sizes = bundleSizes(EXTENSION_DIR);
const search = await loadSearchBench();
if (typeof search === 'string') log(search);
log('matcher throughput');
const throughput = throughputAtScale(index, search, onePage.blocks, onePage.textBytes, runs(15), [1_000, 10_000]);
log('search');
const searchRows = searchAtScale(index, search, runs(3), 10_000);

// The browser.
const aliases = [...new Set(index.entities.flatMap((e) => e.aliases.map((a) => a.text)))];
const alternation = [...aliases]
  .sort((a, b) => b.length - a.length)
  .map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');
const server = await serveFixtures(dir);
const browsers = await launchBrowsers();
const browser: PageResult[] = [];
try {
  for (const spec of specs) browser.push(await benchPage(browsers, server, spec, { list: aliases, alternation }, log));
} finally {
  await browsers.withExtension.close();
  await browsers.plain.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}

const cpu = cpus();
const partial: Omit<BenchResults, 'targets'> = {
  date: new Date().toISOString(),
  machine: {
    cpu: cpu[0]?.model.trim() ?? 'unknown CPU',
    cores: cpu.length,
    node: process.version,
    chromium: browsers.version,
    platform: `${platform()} ${release()}`,
    loadAverage: [loadBefore, loadavg()[0]],
  },
  runtimeSeconds: (performance.now() - started) / 1000,
  pages: [
    ...generated.map((p, i) => ({ name: PAGE_SIZES[i].name, file: p.file, textBytes: p.textBytes, htmlBytes: Buffer.byteLength(p.html), planted: p.planted })),
  ],
  browser,
  throughput: { ...throughput, textBytes: onePage.textBytes },
  search: searchRows,
  sizes,
  indexGzip: gzipSync(JSON.stringify(index), { level: 9 }).length,
  notes,
};
const results: BenchResults = { ...partial, targets: targetsOf(partial) };
process.stdout.write(`${renderReport(results)}\n`);
mkdirSync(join(ROOT, 'bench'), { recursive: true });
writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
log(`wrote ${RESULTS}`);
