// `npm run eval`: precision and recall of the matcher on the team-written,
// hand-labelled pages in tests/fixtures/devset (and the demo page).
// A predicted mention counts only with the labelled entity and exact span.
// `--verbose` lists every miss and every false hit.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundledMatcher } from './load-index';
import { readPageText, scanPageText } from './page-text';
import { locateLabels, type Labels } from './labels';

const verbose = process.argv.includes('--verbose');
const FIXTURES = resolve(import.meta.dirname, '../tests/fixtures');
const pages = [
  ...readdirSync(join(FIXTURES, 'devset')).filter((f) => /\.(html|txt)$/.test(f)).map((f) => join(FIXTURES, 'devset', f)),
  join(FIXTURES, 'pages/demo.html'),
].sort();

const { matcher } = bundledMatcher();
let tp = 0, fp = 0, fn = 0;
const rows: string[][] = [];
for (const page of pages) {
  const labels = JSON.parse(readFileSync(page.replace(/\.(html|txt)$/, '.expected.json'), 'utf8')) as Labels;
  const text = await readPageText(page);
  const expected = locateLabels(text.text, labels.mentions);
  const key = (m: { entity: string; start: number; end: number }) => `${m.entity}@${m.start}-${m.end}`;
  const want = new Map(expected.found.map((m) => [key(m), m]));
  const got = new Map(scanPageText(matcher, text).map((m) => [key(m), m]));
  const hits = [...got.keys()].filter((k) => want.has(k)).length;
  const falseHits = [...got.values()].filter((m) => !want.has(key(m)));
  const misses = [...want.values()].filter((m) => !got.has(key(m)));
  tp += hits;
  fp += falseHits.length;
  fn += misses.length + expected.unlocated.length;
  rows.push([page.slice(FIXTURES.length + 1), String(want.size + expected.unlocated.length), String(got.size), String(hits), String(falseHits.length), String(misses.length + expected.unlocated.length)]);
  if (verbose) {
    for (const m of falseHits) console.log(`  false hit  ${rows.at(-1)![0]}: "${m.text}" → ${m.entity} (${m.how} ${m.score})`);
    for (const m of misses) console.log(`  missed     ${rows.at(-1)![0]}: "${m.text}" → ${m.entity}`);
    for (const u of expected.unlocated) console.log(`  bad label  ${rows.at(-1)![0]}: "${u[0]}" not found in the page text`);
  }
}

const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : 'n/a');
const header = ['page', 'labelled', 'found', 'correct', 'false', 'missed'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r: string[]) => r.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
console.log(line(header));
for (const r of rows) console.log(line(r));
const precision = tp / (tp + fp);
const recall = tp / (tp + fn);
console.log(`\nprecision ${pct(precision)}  recall ${pct(recall)}  F1 ${pct((2 * precision * recall) / (precision + recall))}  (${tp} correct, ${fp} false, ${fn} missed, ${pages.length} pages)`);
