/** Figures (median of runs, with the spread) and the Markdown report the bench prints. */
import type { PageResult } from './browser-bench';
import type { SearchTiming, Throughput } from './node-bench';
import type { BundleSize } from './sizes';

export interface Figure {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export function figure(runs: number[]): Figure {
  const sorted = [...runs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0] ?? NaN, max: sorted[sorted.length - 1] ?? NaN, runs };
}

/** A number with sensible precision: 0.42, 4.2, 42, 420. */
export function num(value: number | undefined | null): string {
  if (value === undefined || value === null || Number.isNaN(value)) return 'n/a';
  if (Number.isInteger(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** "123 (110–140)": median, then min–max when there was more than one run. */
export function fig(f: Figure | undefined | null): string {
  if (!f || f.runs.length === 0) return 'n/a';
  return f.runs.length > 1 ? `${num(f.median)} (${num(f.min)}–${num(f.max)})` : num(f.median);
}

export function ratio(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? 'n/a' : `${num(value)}×`;
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** A Markdown table; columns after the first are right-aligned (they hold numbers). */
export function table(title: string, headers: string[], rows: string[][], note?: string): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length), 3));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? (c ?? '').padEnd(widths[i]) : (c ?? '').padStart(widths[i]))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`;
  return [`### ${title}`, '', line(headers), rule, ...rows.map(line), ...(note ? ['', note] : []), ''].join('\n');
}

// ---------------------------------------------------------------------------
// The report

export interface BenchResults {
  date: string;
  machine: { cpu: string; cores: number; node: string; chromium: string; platform: string; /** 1-minute load average at the start and the end: other work on the machine skews the figures. */ loadAverage: [number, number] };
  runtimeSeconds: number;
  pages: { name: string; file: string; textBytes: number; htmlBytes: number; planted: number }[];
  browser: PageResult[];
  throughput: { rows: Throughput[]; missing?: string; textBytes: number };
  search: SearchTiming[] | string;
  sizes: BundleSize[];
  /** gzip of the bundled fact index as JSON: the part of the content script that is data. */
  indexGzip: number;
  notes: string[];
  targets: Target[];
}

export interface Target {
  name: string;
  figure: string;
  /** null: could not be measured. */
  pass: boolean | null;
}

const verdict = (pass: boolean | null) => (pass === null ? 'n/a' : pass ? 'PASS' : 'MISS');

export function targetsOf(r: Omit<BenchResults, 'targets'>): Target[] {
  const targets: Target[] = [];
  const mb = r.browser.find((p) => p.name === '1 MB');
  if (mb) {
    const floor = mb.scan.busyMs.median / mb.floor.ms.median;
    const settled = mb.settled.busyMs.median / mb.floor.ms.median;
    targets.push({
      name: 'scan + highlight ≤ 4× the floor (1 MB, main thread)',
      figure: `${ratio(floor)} the floor (settled page: ${ratio(settled)})`,
      pass: floor <= 4,
    });
    const mark = mb.markjs ? mb.markjs.ms.median / mb.scan.busyMs.median : undefined;
    targets.push({ name: '≥ 20× faster than mark.js (1 MB)', figure: mark ? `${ratio(mark)} faster` : 'mark.js not run', pass: mark ? mark >= 20 : null });
  }
  for (const p of r.browser) {
    const longest = p.responsiveness.longestTaskMs;
    targets.push({
      name: `no task over 50 ms (${p.name})`,
      figure: `longest ${num(longest.median)} ms (max ${num(longest.max)}), ${num(p.responsiveness.tasksOver50.median)} over 50 ms`,
      pass: longest.median <= 50,
    });
  }
  if (mb) {
    const cost = mb.domWork.on.totalMs.median / mb.domWork.off.totalMs.median;
    targets.push({
      name: 'page DOM work ≤ 1.1× slower with highlights (1 MB)',
      figure: `${ratio(cost)} (longest task after, the extension's rescan: ${num(mb.domWork.on.longestTaskMs.median)} ms; without it ${num(mb.domWork.off.longestTaskMs.median)} ms)`,
      pass: cost <= 1.1,
    });
  }
  const bundled = r.throughput.rows[0];
  const tenK = r.throughput.rows.find((t) => t.label.includes('10,000'));
  targets.push({
    name: 'matcher throughput at 10k entities ≥ 0.7× bundled',
    figure: tenK ? `${ratio(tenK.mbPerSecond.median / bundled.mbPerSecond.median)} (${num(tenK.mbPerSecond.median)} vs ${num(bundled.mbPerSecond.median)} MB/s)` : 'n/a',
    pass: tenK ? tenK.mbPerSecond.median / bundled.mbPerSecond.median >= 0.7 : null,
  });
  const content = r.sizes.find((s) => s.name === 'content script');
  targets.push({ name: 'content script ≤ 30 KB gzip', figure: content ? kb(content.gzip) : 'n/a', pass: content ? content.gzip <= 30 * 1024 : null });
  const search = typeof r.search === 'string' ? [] : r.search;
  const [sb, s10k] = [search[0], search[1]];
  targets.push({ name: 'search ≤ 5 ms/query (bundled)', figure: sb ? `${num(sb.msPerQuery.median)} ms` : 'n/a', pass: sb ? sb.msPerQuery.median <= 5 : null });
  targets.push({ name: 'search ≤ 30 ms/query (10,000 entities)', figure: s10k ? `${num(s10k.msPerQuery.median)} ms` : 'n/a', pass: s10k ? s10k.msPerQuery.median <= 30 : null });
  return targets;
}

export function renderReport(r: BenchResults): string {
  const out: string[] = [];
  const m = r.machine;
  out.push(`## Fact Cards bench, ${r.date}`, '');
  out.push(`Machine: ${m.cpu}, ${m.cores} cores, Node ${m.node}, ${m.chromium}, ${m.platform}; load average ${m.loadAverage.map((l) => l.toFixed(1)).join(' → ')}. Bench took ${r.runtimeSeconds.toFixed(0)} s.`, '');
  const runs = (p: PageResult) => p.scan.busyMs.runs.length;

  out.push(table(
    'Scan + highlight with the extension (ms; median (min–max))',
    ['page', 'text', 'runs', 'mentions', 'busy (main thread)', 'wall', 'read + match / publish', 'busy, settled page'],
    r.browser.map((p) => [
      p.name,
      kb(p.textBytes),
      String(runs(p)),
      `${p.scan.mentions} (${p.scan.entities} entities)`,
      fig(p.scan.busyMs),
      fig(p.scan.wallMs),
      `${num(p.scan.scanMs.median)} / ${num(p.scan.publishMs.median)}`,
      fig(p.settled.busyMs),
    ]),
    'busy: main-thread time of the content script\'s full scan (collect text, match, resolve, register StaticRanges in CSS.highlights), without the time yielded to the page; wall: the same scan start to end, yields included. ' +
      'Fresh load: the scan the content script starts at document_idle (after loading settings and compiling the matcher, which are not included), while the page may still be loading. ' +
      'Settled page: the page loads with the extension switched off, settles, then the extension is switched on.',
  ));

  out.push(table(
    'Baselines (same Chromium, same page, extension off; ms)',
    ['page', 'floor', 'ext / floor', 'regex + Highlight', 'ext / regex', 'mark.js', 'ext faster than mark.js'],
    r.browser.map((p) => {
      const ext = p.scan.busyMs.median;
      return [
        p.name,
        fig(p.floor.ms),
        ratio(ext / p.floor.ms.median),
        fig(p.regex.ms),
        ratio(ext / p.regex.ms.median),
        p.markjs ? fig(p.markjs.ms) : 'skipped',
        p.markjs ? ratio(p.markjs.ms.median / ext) : 'n/a',
      ];
    }),
    'ext = the busy time above (fresh load). floor: one TreeWalker pass over every text node with /[\\p{L}\\p{N}]+/gu. ' +
      'regex + Highlight: one alternation of every alias of the bundled index (escaped, longest first, (?<![\\p{L}\\p{N}])…(?![\\p{L}\\p{N}]), flags giu) over every text node, a StaticRange per match, all registered in one Highlight. ' +
      'mark.js 8.11.1: the same alias list, separateWordSearch false, caseSensitive false, diacritics false, accuracy "exactly" (between whitespace or punctuation limiters); it wraps each match in <mark>. ' +
      'mark.js runs 5 times on the demo and 100 KB pages, twice on 1 MB (about 20 s a run) and not on 5 MB (about 5× its 1 MB time; BENCH_MARKJS_5MB=1 runs it once).',
  ));

  out.push(table(
    'Responsiveness during the scan (settled page; ms)',
    ['page', 'longest task', 'tasks > 50 ms', 'longest frame gap'],
    r.browser.map((p) => [p.name, fig(p.responsiveness.longestTaskMs), fig(p.responsiveness.tasksOver50), fig(p.responsiveness.longestFrameGapMs)]),
    'Method: a heartbeat, not PerformanceObserver("longtask"): Chromium reports no long-task entries for content-script tasks. ' +
      'A chain of scheduler.postTask user-blocking beats (1 ms delay) runs in the page from just before the extension is switched on until two frames and 300 ms after its highlights are registered; ' +
      'the gap between beats is the longest stretch an input handler would have waited. Frame gap: between requestAnimationFrame callbacks over the same span.',
  ));

  out.push(table(
    'Cost to the page: its own script appends 2,000 paragraphs with names, then edits 2,000 text nodes (ms)',
    ['page', 'extension off', 'on (highlights present)', 'on / off', 'script alone: off → on', 'longest task after: off → on'],
    r.browser.map((p) => [
      p.name,
      fig(p.domWork.off.totalMs),
      fig(p.domWork.on.totalMs),
      ratio(p.domWork.on.totalMs.median / p.domWork.off.totalMs.median),
      `${num(p.domWork.off.syncMs.median)} → ${num(p.domWork.on.syncMs.median)}`,
      `${num(p.domWork.off.longestTaskMs.median)} → ${num(p.domWork.on.longestTaskMs.median)}`,
    ]),
    'Each phase starts at a frame and is timed to the next frame\'s requestAnimationFrame: the synchronous script plus the style, layout and paint it causes; the two phases are summed. ' +
      'With the extension on, the page holds the highlights of its scan, and each phase waits for the extension to finish rescanning before the next. ' +
      'Longest task after: the heartbeat (as above) from the start of each phase until the extension is idle again: the page\'s own rendering, and with the extension on, its rescans (batched, 150 ms after the changes).',
  ));

  const t = r.throughput;
  out.push(table(
    `Matcher throughput in Node (the 1 MB page's text, ${kb(t.textBytes)}; after one warm-up pass, indexes taking turns)`,
    ['index', 'entities', 'aliases', 'compile ms', 'MB/s', 'vs bundled'],
    t.rows.map((row) => [
      row.label,
      row.entities.toLocaleString('en'),
      row.aliases.toLocaleString('en'),
      num(row.compileMs),
      fig(row.mbPerSecond),
      ratio(row.mbPerSecond.median / t.rows[0].mbPerSecond.median),
    ]),
    (t.missing ? `Generated indexes: n/a, ${t.missing}. ` : '') +
      'One matcher.scan per text block, then resolveMentions over all candidates, as the content script does. Generated entities come from syntheticPack (scripts/bench/synthetic.ts), added to the bundled index.',
  ));

  out.push(
    typeof r.search === 'string'
      ? `### Popup search\n\nn/a: ${r.search}\n`
      : table(
          'Popup search (benchSearch: 16 typed queries × 5 rounds; ms)',
          ['index', 'entities', 'build', 'per query', 'slowest query'],
          r.search.map((s) => [s.label, s.entities.toLocaleString('en'), fig(s.buildMs), fig(s.msPerQuery), fig(s.maxMs)]),
        ),
  );

  out.push(table(
    'Bundle sizes (.output/chrome-mv3; gzip level 9, per file)',
    ['bundle', 'files', 'raw', 'gzip'],
    r.sizes.map((s) => [s.name, s.files.join(', '), kb(s.raw), kb(s.gzip)]),
    `The bundled fact index alone is ${kb(r.indexGzip)} gzip (as minified JSON); the content script embeds it.`,
  ));

  out.push(table('Targets', ['target', 'figure', 'result'], r.targets.map((tg) => [tg.name, tg.figure, verdict(tg.pass)])));
  if (r.notes.length) out.push(r.notes.map((n) => `- ${n}`).join('\n'), '');
  return out.join('\n');
}
