// `npm run eval`: precision and recall of the matcher on the team-written,
// hand-labelled pages in tests/fixtures/devset (and the demo page), overall
// and per tag. A predicted mention counts only with the labelled entity and
// exact span. `--verbose` lists every miss and every false hit.
import { bundledMatcher } from './load-index';
import { devsetPages, scorePage, totalsOf, type PageScore, type Totals } from './labels';

const verbose = process.argv.includes('--verbose');
const { matcher } = bundledMatcher();
const scores: PageScore[] = [];
for (const page of devsetPages()) {
  const s = await scorePage(matcher, page);
  scores.push(s);
  if (verbose) {
    for (const m of s.falseHits) console.log(`  false hit  ${s.page}: "${m.text}" → ${m.entity} (${m.how} ${m.score})`);
    for (const m of s.misses) console.log(`  missed     ${s.page}: "${m.text}" → ${m.entity}`);
    for (const u of s.unlocated) console.log(`  bad label  ${s.page}: "${u[0]}" not found in the page text`);
  }
}

const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : 'n/a');
const rows = scores.map((s) => [s.page, String(s.labelled), String(s.found), String(s.correct), String(s.falseHits.length), String(s.misses.length + s.unlocated.length)]);
const header = ['page', 'labelled', 'found', 'correct', 'false', 'missed'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r: string[]) => r.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
console.log(line(header));
for (const r of rows) console.log(line(r));

const figures = (t: Totals) =>
  `precision ${pct(t.precision)}  recall ${pct(t.recall)}  F1 ${pct((2 * t.precision * t.recall) / (t.precision + t.recall))}  (${t.correct} correct, ${t.falseHits} false, ${t.missed} missed, ${t.pages} pages)`;
const tags = [...new Set(scores.flatMap((s) => s.tags))].sort();
if (tags.length > 0) {
  console.log('');
  const tagWidth = Math.max(...tags.map((t) => t.length));
  for (const tag of tags) console.log(`${tag.padEnd(tagWidth)}  ${figures(totalsOf(scores.filter((s) => s.tags.includes(tag))))}`);
  console.log(`${'any tag'.padEnd(tagWidth)}  ${figures(totalsOf(scores.filter((s) => s.tags.length > 0)))}`);
}
console.log(`\n${figures(totalsOf(scores))}`);
