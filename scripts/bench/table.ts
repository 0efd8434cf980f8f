/** The Markdown report the bench prints. */
import { BUDGETS } from './budgets';
import { delta, fig, kb, num, ratio, ratios } from './format';
import type { BenchResults } from './results';

/** A Markdown table; columns after the first are right-aligned (they hold numbers). */
export function table(title: string, headers: string[], rows: string[][], note?: string): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length), 3));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? (c ?? '').padEnd(widths[i]) : (c ?? '').padStart(widths[i]))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`;
  return [`### ${title}`, '', line(headers), rule, ...rows.map(line), ...(note ? ['', note] : []), ''].join('\n');
}

const verdict = (pass: boolean | null) => (pass === null ? 'n/a' : pass ? 'PASS' : 'MISS');

export function renderReport(r: BenchResults): string {
  const out: string[] = [];
  const m = r.machine;
  out.push(`## Fact Cards bench, ${r.date}`, '');
  out.push(
    `Machine: ${m.cpu}, ${m.cores} cores, Node ${m.node}, ${m.chromium}, ${m.platform}; load average ${m.loadAverage.map((l) => l.toFixed(1)).join(' → ')}. ` +
      `Bench took ${r.runtimeSeconds.toFixed(0)} s. Scenario: ${r.scenario}.${r.only ? ` Only: ${r.only.join(', ')}.` : ''}`,
    '',
  );
  const page = (id: string) => r.pages.find((p) => p.id === id);
  if (r.browser.length) out.push(...browserTables(r, page));
  if (r.library) out.push(...libraryTables(r.library));
  out.push(...nodeTables(r));
  const general = r.targets.filter((tg) => !tg.page);
  const perPage = r.targets.filter((tg) => tg.page);
  out.push(table('Targets', ['target', 'figure', 'result'], general.map((tg) => [tg.name, tg.figure, verdict(tg.pass)])));
  if (perPage.length) {
    out.push(table('Targets per page', ['page', 'target', 'figure', 'result'], perPage.map((tg) => [tg.page!, tg.name, tg.figure, verdict(tg.pass)])));
  }
  if (r.notes.length) out.push(r.notes.map((n) => `- ${n}`).join('\n'), '');
  return out.join('\n');
}

function browserTables(r: BenchResults, page: (id: string) => BenchResults['pages'][number] | undefined): string[] {
  const out: string[] = [];
  out.push(table(
    'Pages',
    ['page', 'what it is', 'text', 'DOM nodes', 'mentions written'],
    r.browser.map((p) => [p.name, page(p.id)?.about ?? '', kb(p.textBytes), p.nodes.toLocaleString('en'), num(page(p.id)?.planted ?? null)]),
    'Generated pages are seeded (the same HTML every run) and procedural: no web text. Mentions written: names in the spellings pages use, before the matcher\'s own decisions (some are look-alikes or typos it should leave).',
  ));

  out.push(table(
    'Scan + highlight with the extension (ms; median (min–max))',
    ['page', 'runs', 'mentions', 'busy (main thread)', 'wall', 'read + match / publish', 'slices', 'busy, settled page'],
    r.browser.map((p) => [
      p.name,
      String(p.scan.busyMs.runs.length),
      `${p.scan.mentions} (${num(p.scan.entities)} entities)`,
      fig(p.scan.busyMs),
      fig(p.scan.wallMs),
      `${num(p.scan.scanMs.median)} / ${num(p.scan.publishMs.median)}`,
      num(p.scan.slices.median),
      fig(p.settled.busyMs),
    ]),
    'From the content script\'s `fact-cards:scan` measure. busy: main-thread time of its full scan (collect text, match, resolve, register ranges in CSS.highlights), without the time yielded to the page; wall: the same scan start to end, yields included. ' +
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
      'mark.js runs 5 times on the demo page, 3 times on 100 KB and once on 1 MB (about 20 s a run); not on the larger or web-like pages.',
  ));

  out.push(table(
    `Responsiveness after the first paint of a fresh load: with the extension vs without it (ms; target: ≤ ${BUDGETS.gapAboveOwnMs} ms above the page's own)`,
    ['page', 'window', 'longest gap, with', 'without', 'with − without', 'gaps > 50 ms, with', 'without', 'page timer late, with', 'without', 'first paint / load, with', 'without'],
    r.browser.map((p) => [
      p.name,
      num(p.load.on.windowMs.median),
      fig(p.load.on.longestMs),
      fig(p.load.off.longestMs),
      delta(p.load.on.longestMs.median - p.load.off.longestMs.median),
      fig(p.load.on.over50),
      fig(p.load.off.over50),
      fig(p.load.on.timerLateMs),
      fig(p.load.off.timerLateMs),
      `${num(p.load.on.fcpMs.median)} / ${num(p.load.on.loadMs.median)}`,
      `${num(p.load.off.fcpMs.median)} / ${num(p.load.off.loadMs.median)}`,
    ]),
    'Each round loads the page with the extension, then the same page without it, each in a fresh browser of the same Chromium warmed by one load of the page. ' +
      'A heartbeat installed before any page script (a chain of scheduler.postTask user-blocking beats, 1 ms apart) counts from the page\'s first contentful paint (a task after the frame that painted it): ' +
      'the gap between two beats is the longest an input handler would have waited. Page timer late: how far past its 10 ms the page\'s own setTimeout chain ran at the worst — a page task waiting behind work that jumps the queue. The window runs to the end of the extension\'s first scan plus 1 s (at least 1 s; 4 s on the restless page); the run without the extension counts the same span after its own first paint. ' +
      'Without the extension, the gaps are the page\'s own parsing, layout, paint and scripts (on a static page, parsing goes on after the first paint). First paint / load: first-contentful-paint and the load event from navigation start: work the extension does before the first paint shows there, not in the gaps.',
  ));

  out.push(table(
    'Responsiveness while the extension scans a settled page (ms)',
    ['page', 'longest task', 'tasks > 50 ms', 'longest frame gap', 'page timer late'],
    r.browser.map((p) => [p.name, fig(p.responsiveness.longestTaskMs), fig(p.responsiveness.tasksOver50), fig(p.responsiveness.longestFrameGapMs), fig(p.responsiveness.timerLateMs)]),
    'Method: a heartbeat, not PerformanceObserver("longtask"): Chromium reports no long-task entries for content-script tasks. ' +
      'The same heartbeat runs from just before the extension is switched on until two frames and 300 ms after its highlights are registered. ' +
      'Frame gap: between requestAnimationFrame callbacks over the same span. Page timer late: how far past its 10 ms a page setTimeout chain ran at the worst.',
  ));

  const withDom = r.browser.filter((p) => p.domWork);
  if (withDom.length) {
    out.push(table(
      `Cost to the page: its own script appends N items that name people, then edits N text nodes (ms; target ≤ ${BUDGETS.domWorkRatio}×)`,
      ['page', 'N', 'extension off', 'on (highlights present)', 'on / off', 'off / off (noise)', 'script alone: off → on', 'longest task after: off → on'],
      withDom.map((p) => {
        const d = p.domWork!;
        return [
          p.name,
          d.nodes.toLocaleString('en'),
          fig(d.off.totalMs),
          fig(d.on.totalMs),
          ratios(d.ratio),
          ratios(d.noise),
          `${num(d.off.syncMs.median)} → ${num(d.on.syncMs.median)}`,
          `${num(d.off.longestTaskMs.median)} → ${num(d.on.longestTaskMs.median)}`,
        ];
      }),
      'On / off: the median over the rounds (each in fresh browsers) of the load with the extension over the load without it. ' +
        'Off / off: the load without the extension over the same steps in the round\'s second browser without it — the spread two browsers show on this machine, against which on / off is read. ' +
        'Items are paragraphs in the page\'s main content (rows on the table page). Each phase starts at a frame and is timed to the next frame\'s requestAnimationFrame: the synchronous script plus the style, layout and paint it causes; the two phases are summed. ' +
        'With the extension on, the page holds the highlights of its scan, and each phase waits for the extension to finish rescanning before the next. ' +
        'Longest task after: a heartbeat from the start of each phase until the extension is idle again: the page\'s own rendering, and with the extension on, its rescans.',
    ));
  }
  const restless = r.browser.filter((p) => p.ownTicks);
  if (restless.length) {
    out.push(table(
      'Cost to a page that never stops changing: its own timer ticks (ms per tick, over the load window)',
      ['page', 'extension off', 'on', 'on / off', 'off / off (noise)'],
      restless.map((p) => [p.name, fig(p.ownTicks!.off), fig(p.ownTicks!.on), ratios(p.ownTicks!.ratio), ratios(p.ownTicks!.noise)]),
      'The restless page\'s five timers (ticker, new posts, edits, "N s ago" labels, infinite feed) time each tick, layout reads included; the mean tick from load to the end of the load window. ' +
        'On / off: the median over the rounds (each in fresh browsers) of the load with the extension over the load without it. ' +
        'Off / off: the load without the extension over a load in the round\'s second browser without it, over the same window — the spread two browsers show on this machine, against which on / off is read.',
    ));
  }

  return out;
}

function libraryTables(lib: NonNullable<BenchResults['library']>): string[] {
  const pages = lib.sizes[0]?.pages.map((p) => p.page) ?? [];
  const base = lib.sizes.find((s) => s.articles === 0);
  return [table(
    `Library scale: per-page cost and card latency by saved articles (ms; median (min–max) of ${lib.runs} runs)`,
    ['saved articles', 'entity records', 'import', ...pages.flatMap((p) => [`${p}: busy`, 'vs 0', 'scan wall']), 'first card', 'later card'],
    lib.sizes.map((s) => [
      String(s.articles),
      s.entityRecords.toLocaleString('en'),
      s.articles ? `${(s.importMs / 1000).toFixed(1)} s` : '–',
      ...s.pages.flatMap((p) => {
        const b = base?.pages.find((x) => x.page === p.page);
        return [fig(p.busyMs), ratio(b ? p.busyMs.median / b.busyMs.median : undefined), fig(p.wallMs)];
      }),
      fig(s.card.firstMs),
      fig(s.card.nextMs),
    ]),
    'Each size is a fresh Chromium profile; the generated articles (scripts/bench/library-gen.ts: seeded, a shared cast of recurring names including the bundled article\'s people, ~20 entities an article) go in through the background\'s import-library message, besides the bundled article. ' +
      'Busy: the content script\'s main-thread time for its first scan of a fresh load (the fact-cards:scan measure); scan wall: that scan start to end, including the background\'s matching. ' +
      `Cards: on the demo page, from the pointer's arrival on a mention to the first frame showing the card, minus the ${lib.hoverDelayMs} ms hover delay; the first card of a page also loads the card UI.`,
  )];
}

function nodeTables(r: BenchResults): string[] {
  const out: string[] = [];
  const t = r.throughput;
  if (t) {
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
  }

  if (r.search !== null) {
    out.push(
      typeof r.search === 'string'
        ? `### Popup search\n\nn/a: ${r.search}\n`
        : table(
            'Popup search (benchSearch: 16 typed queries × 5 rounds; ms)',
            ['index', 'entities', 'build', 'per query', 'slowest query'],
            r.search.map((s) => [s.label, s.entities.toLocaleString('en'), fig(s.buildMs), fig(s.msPerQuery), fig(s.maxMs)]),
          ),
    );
  }

  out.push(table(
    'Bundle sizes (.output/chrome-mv3; gzip level 9, per file)',
    ['bundle', 'files', 'raw', 'gzip'],
    r.sizes.map((s) => [s.name, s.files.join(', '), kb(s.raw), kb(s.gzip)]),
    `The bundled fact index alone is ${kb(r.indexGzip)} gzip (as minified JSON); it lives in the background, not in the content script. ` +
      'The content script figure is what every page parses; card-ui.js loads on the first card.',
  ));
  return out;
}
