/**
 * The performance targets, in one place: every timing goal of the project
 * lives here and is checked by `npm run bench` against baselines measured in
 * the same run — never in tests, which must hold on a busy machine.
 */
import { delta, kb, num, ratio, ratios } from './format';
import type { BenchResults, Target } from './results';

export const BUDGETS = {
  /** Scan + highlight main-thread time on the 1 MB page, in multiples of the floor (one TreeWalker + word regex pass). */
  scanVsFloor: 4,
  /** mark.js time over ours on the 1 MB page, at least. */
  fasterThanMarkJs: 20,
  /** Longest heartbeat gap while the extension scans a settled page. */
  longestTaskMs: 50,
  /** How late the page's own timer may run while the extension scans a settled page. */
  timerLateMs: 50,
  /** Longest heartbeat gap after the first contentful paint of a fresh load, above the same page's own without the extension. */
  gapAboveOwnMs: 50,
  /** The page's own DOM work (script + the frame it causes), with the extension over without. */
  domWorkRatio: 1.1,
  /** Matcher throughput with 10,000 generated entities added, over the bundled index alone. */
  throughputAt10k: 0.7,
  /** The content script and everything it loads, gzip. */
  contentScriptGzipBytes: 30 * 1024,
  /** Popup search, per query. */
  searchBundledMs: 5,
  search10kMs: 30,
  /** A page's content-script main-thread time with 500 saved articles, over the bundled article alone. */
  libraryPageCostRatio: 1.2,
  /** A card on screen after the hover delay, with 500 saved articles. */
  cardAfterDelayMs: 50,
} as const;

const B = BUDGETS;

export function targetsOf(r: Omit<BenchResults, 'targets'>): Target[] {
  const targets: Target[] = [];
  const mb = r.browser.find((p) => p.id === '1m');
  if (mb) {
    const floor = mb.scan.busyMs.median / mb.floor.ms.median;
    const settled = mb.settled.busyMs.median / mb.floor.ms.median;
    targets.push({
      name: `scan + highlight ≤ ${B.scanVsFloor}× the floor (1 MB, main thread)`,
      figure: `${ratio(floor)} the floor (settled page: ${ratio(settled)})`,
      pass: floor <= B.scanVsFloor,
    });
    const mark = mb.markjs ? mb.markjs.ms.median / mb.scan.busyMs.median : undefined;
    targets.push({
      name: `≥ ${B.fasterThanMarkJs}× faster than mark.js (1 MB)`,
      figure: mark ? `${ratio(mark)} faster` : 'mark.js not run',
      pass: mark ? mark >= B.fasterThanMarkJs : null,
    });
  }
  for (const p of r.browser) {
    const { on, off } = p.load;
    const above = on.longestMs.median - off.longestMs.median;
    targets.push({
      name: `longest gap after first paint ≤ ${B.gapAboveOwnMs} ms above the page's own`,
      page: p.name,
      figure:
        `${delta(above)} (${num(on.longestMs.median)} with, ${num(off.longestMs.median)} without; gaps > 50 ms: ${num(on.over50.median)} with, ${num(off.over50.median)} without; ` +
        `page timer late ${num(on.timerLateMs.median)} with, ${num(off.timerLateMs.median)} without; ` +
        `first paint ${delta(on.fcpMs.median - off.fcpMs.median)}, load ${delta(on.loadMs.median - off.loadMs.median)})`,
      pass: above <= B.gapAboveOwnMs,
    });
    if (p.domWork) {
      const cost = p.domWork.ratio.median;
      targets.push({
        name: `page DOM work ≤ ${B.domWorkRatio}× with the extension`,
        page: p.name,
        figure:
          `${ratios(p.domWork.ratio)}, median of ${p.domWork.ratio.runs.length} rounds' ratios ` +
          `(${p.domWork.nodes.toLocaleString('en')} appends + edits: ${num(p.domWork.on.totalMs.median)} vs ${num(p.domWork.off.totalMs.median)} ms; ` +
          `without ÷ without, the same measure's noise: ${ratios(p.domWork.noise)})`,
        pass: cost <= B.domWorkRatio,
      });
    } else if (p.ownTicks) {
      const cost = p.ownTicks.ratio.median;
      targets.push({
        name: `page DOM work ≤ ${B.domWorkRatio}× with the extension`,
        page: p.name,
        figure:
          `${ratios(p.ownTicks.ratio)}, median of ${p.ownTicks.ratio.runs.length} rounds' ratios ` +
          `(its timers' mean tick: ${num(p.ownTicks.on.median)} vs ${num(p.ownTicks.off.median)} ms; ` +
          `without ÷ without, the same measure's noise: ${ratios(p.ownTicks.noise)})`,
        pass: cost <= B.domWorkRatio,
      });
    }
    const longest = p.responsiveness.longestTaskMs;
    targets.push({
      name: `no task over ${B.longestTaskMs} ms while scanning a settled page`,
      page: p.name,
      figure: `longest ${num(longest.median)} ms (max ${num(longest.max)}), ${num(p.responsiveness.tasksOver50.median)} over 50 ms`,
      pass: longest.median <= B.longestTaskMs,
    });
    const late = p.responsiveness.timerLateMs;
    targets.push({
      name: `the page's own timer runs ≤ ${B.timerLateMs} ms late while a settled page is scanned`,
      page: p.name,
      figure: `${num(late.median)} ms at the worst (max ${num(late.max)})`,
      pass: late.median <= B.timerLateMs,
    });
  }
  if (r.throughput) {
    const bundled = r.throughput.rows[0];
    const tenK = r.throughput.rows.find((t) => t.entities > 10_000);
    const share = tenK ? tenK.mbPerSecond.median / bundled.mbPerSecond.median : NaN;
    targets.push({
      name: `matcher throughput at 10k entities ≥ ${B.throughputAt10k}× bundled`,
      figure: tenK ? `${ratio(share)} (${num(tenK.mbPerSecond.median)} vs ${num(bundled.mbPerSecond.median)} MB/s)` : 'n/a',
      pass: tenK ? share >= B.throughputAt10k : null,
    });
  }
  const content = r.sizes.find((s) => s.name === 'content script');
  targets.push({
    name: `content script ≤ ${kb(B.contentScriptGzipBytes).replace('.0 ', ' ')} gzip`,
    figure: content ? kb(content.gzip) : 'n/a',
    pass: content ? content.gzip <= B.contentScriptGzipBytes : null,
  });
  if (r.search !== null) {
    const search = typeof r.search === 'string' ? [] : r.search;
    const [sb, s10k] = [search[0], search[1]];
    targets.push({ name: `search ≤ ${B.searchBundledMs} ms/query (bundled)`, figure: sb ? `${num(sb.msPerQuery.median)} ms` : 'n/a', pass: sb ? sb.msPerQuery.median <= B.searchBundledMs : null });
    targets.push({ name: `search ≤ ${B.search10kMs} ms/query (10,000 entities)`, figure: s10k ? `${num(s10k.msPerQuery.median)} ms` : 'n/a', pass: s10k ? s10k.msPerQuery.median <= B.search10kMs : null });
  }
  if (r.library) {
    const none = r.library.sizes.find((s) => s.articles === 0);
    const most = r.library.sizes.reduce((a, b) => (b.articles > a.articles ? b : a));
    if (none && most.articles > 0) {
      for (const page of most.pages) {
        const base = none.pages.find((p) => p.page === page.page);
        const cost = base ? page.busyMs.median / base.busyMs.median : NaN;
        targets.push({
          name: `page cost with ${most.articles} saved articles ≤ ${B.libraryPageCostRatio}× the bundled article alone`,
          page: page.page,
          figure: `${ratio(cost)} (${num(page.busyMs.median)} vs ${num(base?.busyMs.median)} ms content-script main thread)`,
          pass: Number.isFinite(cost) ? cost <= B.libraryPageCostRatio : null,
        });
      }
    }
    for (const which of ['firstMs', 'nextMs'] as const) {
      const f = most.card[which];
      targets.push({
        name: `${which === 'firstMs' ? "a page's first card" : 'a later card'} ≤ ${B.cardAfterDelayMs} ms after the hover delay (${most.articles} saved articles)`,
        figure: `${num(f.median)} ms (max ${num(f.max)})`,
        pass: Number.isFinite(f.median) ? f.median <= B.cardAfterDelayMs : null,
      });
    }
  }
  return targets;
}
