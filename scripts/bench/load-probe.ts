/**
 * The load probe: an init script in the page's main world, installed in both
 * browser contexts (with and without the extension), that runs before any
 * page script on pages opened with `?bench-beat` (heartbeat and scan end) or
 * `?bench-scan` (scan end only, for profiles). The other functions here run
 * in the page through `page.evaluate` and read it. Each must be
 * self-contained (Playwright sends its source, not its closure).
 *
 * Heartbeat: a chain of `scheduler.postTask` beats at `user-blocking`
 * priority, 1 ms apart, from document start. Counting starts once the page
 * has painted: when the `first-contentful-paint` entry is delivered, a task
 * after the frame that painted it. An earlier frame may be empty: a page
 * that builds its content by script (the table page) paints nothing until
 * it has, and counting from there would count its own building and first
 * layout (seconds on a busy 2-core machine) in both runs. Counting from the
 * load event instead would miss the extension: its scan starts at
 * document_idle and can end before `load` (which it delays). The gap
 * between two beats is how long an input handler would have waited.
 * Chromium reports no long-task entries for content-script tasks, so the
 * page's own `PerformanceObserver('longtask')` would miss ours; a beat sees
 * every task. A second chain, the page's own 10 ms `setTimeout`, is queued
 * like any page task: how late it runs shows work that keeps the page's
 * tasks waiting without being long itself (continuations that jump the
 * queue, as `scheduler.yield()`'s do). The paint and load times are reported too: work before the
 * paint shows there.
 */

export const BEAT_PARAM = 'bench-beat';
export const SCAN_PARAM = 'bench-scan';

interface ProbeState {
  beats: boolean;
  /** Page time of the first contentful paint, or -1. */
  fcp: number;
  /** Page time of the load event, or -1. */
  load: number;
  /** When counting started: a task after the first contentful paint's frame, or -1. */
  ready: number;
  last: number;
  /** Each gap's end time and length, after the start. */
  ends: number[];
  gaps: number[];
  /** The page timer's lateness past its 10 ms, with each one's end time, after the start. */
  lastTimer: number;
  timerEnds: number[];
  timerLate: number[];
  stop: boolean;
  /** End of the first `fact-cards:scan` measure (page time), or -1. */
  scanEnd: number;
  /** Size of the `fact-cards` highlight when the measure was seen (a restless page's rescans change it later). */
  highlightsAtScan: number;
  waiters: (() => void)[];
}

export function installLoadProbe(params: { beat: string; scan: string }): void {
  const search = new URLSearchParams(location.search);
  const beats = search.has(params.beat);
  if (!beats && !search.has(params.scan)) return;
  const state: ProbeState = { beats, fcp: -1, load: -1, ready: -1, last: -1, ends: [], gaps: [], lastTimer: -1, timerEnds: [], timerLate: [], stop: false, scanEnd: -1, highlightsAtScan: -1, waiters: [] };
  (window as unknown as { __benchProbe: ProbeState }).__benchProbe = state;
  // The paint entry is delivered in a task after the frame that painted it.
  new PerformanceObserver((list, observer) => {
    const fcp = list.getEntriesByName('first-contentful-paint')[0];
    if (!fcp) return;
    observer.disconnect();
    state.fcp = fcp.startTime;
    state.ready = performance.now();
    state.last = state.ready;
    state.lastTimer = state.ready;
  }).observe({ type: 'paint', buffered: true });
  addEventListener('load', () => (state.load = performance.now()));
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name !== 'fact-cards:scan' || state.scanEnd >= 0) continue;
      state.scanEnd = entry.startTime + entry.duration;
      state.highlightsAtScan = CSS.highlights.get('fact-cards')?.size ?? 0;
      for (const wake of state.waiters.splice(0)) wake();
    }
  }).observe({ type: 'measure', buffered: true });
  if (!beats) return;
  const scheduler = (window as unknown as { scheduler: { postTask(cb: () => void, o: object): Promise<void> } }).scheduler;
  const beat = () => {
    const now = performance.now();
    if (state.ready >= 0) {
      state.gaps.push(now - state.last);
      state.ends.push(now);
      state.last = now;
    }
    if (!state.stop) void scheduler.postTask(beat, { priority: 'user-blocking', delay: 1 });
  };
  void scheduler.postTask(beat, { priority: 'user-blocking', delay: 1 });
  const timer = () => {
    const now = performance.now();
    if (state.ready >= 0 && state.lastTimer >= 0) {
      state.timerLate.push(Math.max(0, now - state.lastTimer - 10));
      state.timerEnds.push(now);
      state.lastTimer = now;
    }
    if (!state.stop) setTimeout(timer, 10);
  };
  setTimeout(timer, 10);
}

/** Resolves once counting has started and the extension's first scan has ended: their page times, and the highlights then. */
export function probeScanEnd(): Promise<{ ready: number; scanEnd: number; highlights: number }> {
  const state = (window as unknown as { __benchProbe?: ProbeState }).__benchProbe;
  if (!state) throw new Error('no load probe on this page (open it with ?bench-beat or ?bench-scan)');
  return new Promise((resolve) => {
    const done = () => {
      // The page may paint after the scan.
      if (state.ready < 0) setTimeout(done, 20);
      else resolve({ ready: state.ready, scanEnd: state.scanEnd, highlights: state.highlightsAtScan });
    };
    if (state.scanEnd >= 0) done();
    else state.waiters.push(done);
  });
}

/** Resolves with the page time counting started (after the first contentful paint), once it has. */
export function probeReady(): Promise<number> {
  const state = (window as unknown as { __benchProbe?: ProbeState }).__benchProbe;
  if (!state) throw new Error('no load probe on this page (open it with ?bench-beat or ?bench-scan)');
  return new Promise((resolve) => {
    const check = () => (state.ready >= 0 ? resolve(state.ready) : setTimeout(check, 20));
    check();
  });
}

/** Waits until the page's clock reaches `until` (a timer, so the wait itself stays out of the page's way). */
export function probeWaitUntil(until: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      const left = until - performance.now();
      if (left <= 0) resolve();
      else setTimeout(check, Math.min(left, 250));
    };
    check();
  });
}

/**
 * Stops the heartbeat; the gaps that started within `windowMs` of the start:
 * the longest, and how many were over 50 ms; and the paint and load times.
 */
export function probeStop(windowMs: number): { longestMs: number; over50: number; beats: number; timerLateMs: number; fcpMs: number; loadMs: number } {
  const state = (window as unknown as { __benchProbe?: ProbeState }).__benchProbe;
  if (!state?.beats) throw new Error('no heartbeat on this page (open it with ?bench-beat)');
  state.stop = true;
  const end = state.ready + windowMs;
  let longestMs = 0;
  let over50 = 0;
  let beats = 0;
  for (let i = 0; i < state.gaps.length; i++) {
    const gap = state.gaps[i];
    if (state.ends[i] - gap >= end) break;
    beats++;
    if (gap > longestMs) longestMs = gap;
    if (gap > 50) over50++;
  }
  let timerLateMs = 0;
  for (let i = 0; i < state.timerLate.length; i++) {
    if (state.timerEnds[i] - state.timerLate[i] - 10 >= end) break;
    timerLateMs = Math.max(timerLateMs, state.timerLate[i]);
  }
  return { longestMs, over50, beats, timerLateMs, fcpMs: state.fcp, loadMs: state.load };
}

/** The restless page's own work so far: mean ms per timer tick (NaN elsewhere). */
export function restlessWork(): { ms: number; ticks: number } {
  const work = (window as unknown as { __restless?: { ms: number; ticks: number } }).__restless;
  return work ? { ms: work.ms, ticks: work.ticks } : { ms: NaN, ticks: 0 };
}
