/**
 * In-page functions for `page.evaluate`: the baselines the extension is
 * compared with, the responsiveness heartbeat and the page's own DOM work.
 * Each must be self-contained (Playwright sends its source, not its closure).
 */

export interface BaselineTiming {
  ms: number;
  /** Words (floor), matches (regex) or marks (mark.js): shows the work was done. */
  count: number;
}

/** The floor: one TreeWalker pass over every text node, one word regex over each. */
export function floorPass(): BaselineTiming {
  const start = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const word = /[\p{L}\p{N}]+/gu;
  let count = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node as Text).data;
    word.lastIndex = 0;
    while (word.exec(text)) count++;
  }
  return { ms: performance.now() - start, count };
}

/**
 * One alternation of every alias over every text node, a StaticRange per
 * match, all registered in one Highlight: find + register, like the extension.
 */
export function regexHighlight(alternation: string): BaselineTiming {
  const start = performance.now();
  const names = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation})(?![\\p{L}\\p{N}])`, 'giu');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const highlight = new Highlight();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node as Text).data;
    names.lastIndex = 0;
    for (let m = names.exec(text); m; m = names.exec(text)) {
      highlight.add(new StaticRange({ startContainer: node, startOffset: m.index, endContainer: node, endOffset: m.index + m[0].length }));
    }
  }
  CSS.highlights.set('bench-regex', highlight);
  return { ms: performance.now() - start, count: highlight.size };
}

export function clearRegexHighlight(): void {
  CSS.highlights.delete('bench-regex');
}

/** mark.js (already injected as `window.Mark`) over the body with every alias. */
export function markJs(args: { terms: string[]; accuracy: unknown }): Promise<BaselineTiming> {
  const MarkCtor = (window as unknown as { Mark: new (ctx: Element) => { mark(t: string[], o: object): void } }).Mark;
  return new Promise((resolve) => {
    const start = performance.now();
    new MarkCtor(document.body).mark(args.terms, {
      separateWordSearch: false,
      caseSensitive: false,
      diacritics: false,
      accuracy: args.accuracy,
      done: (marks: number) => resolve({ ms: performance.now() - start, count: marks }),
    });
  });
}

/**
 * Responsiveness probe, started in the page's main world before the scan.
 *
 * Tasks: a chain of `user-blocking` postTask beats, each posting the next
 * with a 1 ms delay. A beat outranks `scheduler.yield` continuations, so it
 * runs between the scanner's slices and waits only for the task running when
 * it fell due: the gap between beats is the longest an input handler would
 * wait. (A MessageChannel loop does not work: continuations run ahead of it,
 * and one "gap" spans a whole scan.) The page's `longtask` observer cannot be
 * used: Chromium does not report content-script tasks to it (seen here: a
 * 377 ms synchronous block of the content script left no entry, while
 * `long-animation-frame` saw the frame but listed no script).
 *
 * Frames: the gap between requestAnimationFrame callbacks.
 */
export function startHeartbeat(): void {
  type Beat = { gaps: number[]; frames: number[]; timers: number[]; last: number; lastFrame: number; lastTimer: number; stop: boolean };
  const w = window as unknown as { __benchBeat: Beat; scheduler: { postTask(cb: () => void, o: object): Promise<void> } };
  const state: Beat = { gaps: [], frames: [], timers: [], last: performance.now(), lastFrame: performance.now(), lastTimer: performance.now(), stop: false };
  w.__benchBeat = state;
  // The page's own timer (10 ms), queued like any page task: how late it runs
  // is what the page feels when other work jumps the queue.
  const timer = () => {
    const now = performance.now();
    state.timers.push(now - state.lastTimer - 10);
    state.lastTimer = now;
    if (!state.stop) setTimeout(timer, 10);
  };
  setTimeout(timer, 10);
  const beat = () => {
    const now = performance.now();
    state.gaps.push(now - state.last);
    state.last = now;
    if (!state.stop) void w.scheduler.postTask(beat, { priority: 'user-blocking', delay: 1 });
  };
  const frame = (now: number) => {
    state.frames.push(now - state.lastFrame);
    state.lastFrame = now;
    if (!state.stop) requestAnimationFrame(frame);
  };
  void w.scheduler.postTask(beat, { priority: 'user-blocking', delay: 1 });
  requestAnimationFrame(frame);
}

export function stopHeartbeat(): { longestMs: number; over50: number; longestFrameMs: number; timerLateMs: number } {
  const state = (window as unknown as { __benchBeat: { gaps: number[]; frames: number[]; timers: number[]; stop: boolean } }).__benchBeat;
  state.stop = true;
  return {
    longestMs: Math.max(0, ...state.gaps),
    over50: state.gaps.filter((g) => g > 50).length,
    longestFrameMs: Math.max(0, ...state.frames),
    timerLateMs: Math.max(0, ...state.timers),
  };
}

/**
 * The page's own DOM work: append `count` items that name people, or edit
 * `count` of the page's text nodes (the original ones, most likely under
 * highlights). Items go into the page's `[data-bench-host]` element (its
 * main content; rows when that is a table body), else its first `article`,
 * else the body. Runs at the start of a frame and is timed to the next
 * frame's callback: the synchronous script plus the style, layout and paint
 * it causes (`syncMs` is the script alone).
 */
export function pageDomWork(args: { count: number; phase: 'append' | 'edit' }): Promise<{ syncMs: number; totalMs: number }> {
  const names = ['Volodymyr Zelenskiy', 'Donald Trump', 'Mark Rutte', 'Kyiv', 'Friedrich Merz', 'NATO'];
  const host = document.querySelector('[data-bench-host]') ?? document.querySelector('article') ?? document.body;
  const rows = host.tagName === 'TBODY';
  const nodes: Text[] = [];
  if (args.phase === 'edit') {
    const walker = document.createTreeWalker(host, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n && nodes.length < args.count; n = walker.nextNode()) {
      if ((n as Text).data.trim()) nodes.push(n as Text);
    }
  }
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const start = performance.now();
      if (args.phase === 'append') {
        for (let i = 0; i < args.count; i++) {
          const text = `Update ${i}: ${names[i % names.length]} spoke with ${names[(i + 3) % names.length]} about the talks.`;
          if (rows) {
            const tr = document.createElement('tr');
            for (const cell of [`U${i}`, '2025-12-01', text, '0.00']) tr.appendChild(document.createElement('td')).textContent = cell;
            host.appendChild(tr);
          } else {
            const p = document.createElement('p');
            p.textContent = text;
            host.appendChild(p);
          }
        }
      } else {
        for (let i = 0; i < nodes.length; i++) nodes[i].data = `${nodes[i].data} (edited ${i})`;
      }
      const syncMs = performance.now() - start;
      requestAnimationFrame(() => resolve({ syncMs, totalMs: performance.now() - start }));
    });
  });
}
