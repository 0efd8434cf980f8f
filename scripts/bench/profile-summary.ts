/**
 * Reads a Chromium trace (devtools.timeline categories) and, when there is
 * one, a V8 CPU profile of the same page load, and says where the page's
 * main thread spent its time: by kind of work (script, style, layout,
 * paint, …, from the trace's event nesting), by origin of JavaScript
 * (content script, page, from the profile's samples), the functions with
 * the most self time, and the longest tasks with what ran in them. Both
 * files use the same clock (microseconds of the browser's monotonic time).
 */

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: Record<string, unknown>; beginData?: Record<string, unknown> } & Record<string, unknown>;
}

export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number; scriptId?: string };
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export type Kind = 'script' | 'style' | 'layout' | 'paint' | 'observers' | 'parse' | 'gc' | 'other';
export const KINDS: Kind[] = ['script', 'style', 'layout', 'paint', 'observers', 'parse', 'gc', 'other'];
const KIND_LABEL: Record<Kind, string> = {
  script: 'script (JS, compile, timers, events, microtasks)',
  style: 'style (UpdateLayoutTree, style sheets)',
  layout: 'layout (Layout, hit tests)',
  paint: 'paint (PrePaint, Paint, Layerize, Commit)',
  observers: 'intersection/resize observers',
  parse: 'HTML loading and parsing',
  gc: 'garbage collection',
  other: 'other (task overhead, messages, loading)',
};

const STYLE = new Set(['UpdateLayoutTree', 'RecalculateStyles', 'ParseAuthorStyleSheet', 'UpdateStyle']);
const LAYOUT = new Set(['Layout', 'HitTest', 'UpdateLayerTree']);
const PAINT = new Set(['PrePaint', 'Paint', 'PaintImage', 'Layerize', 'Commit', 'UpdateLayer', 'CompositeLayers', 'Decode Image', 'PaintSetup']);
const OBSERVERS = new Set(['IntersectionObserverController::computeIntersections', 'ResizeObserverController::DeliverObservations']);
const SCRIPT = new Set(['FunctionCall', 'EvaluateScript', 'TimerFire', 'FireAnimationFrame', 'FireIdleCallback', 'RunMicrotasks',
  'EventDispatch', 'RunYieldContinuation', 'RunPostTaskCallback', 'XHRReadyStateChange', 'ScheduledAction::execute']);
/** Events that only wrap the work of a task. */
const WRAPPERS = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'BlinkScheduler_PerformMicrotaskCheckpoint', 'Receive mojo message',
  'Receive mojo reply', 'SimpleWatcher::OnHandleReady', 'v8.callFunction', 'v8.run', 'RunMicrotasks']);

function kindOf(name: string, parent: Kind | null): Kind {
  if (/^(MinorGC|MajorGC|V8\.GC|BlinkGC|CppGC|GCEvent|ThreadState::)/.test(name)) return 'gc';
  if (STYLE.has(name)) return 'style';
  if (LAYOUT.has(name)) return 'layout';
  if (PAINT.has(name)) return 'paint';
  if (OBSERVERS.has(name)) return 'observers';
  if (name === 'ParseHTML' || /DocumentParser|^DocumentLoader::Body/.test(name)) return 'parse';
  if (SCRIPT.has(name) || /^v8\./i.test(name)) return 'script';
  return parent ?? 'other';
}

interface Node {
  e: TraceEvent;
  end: number;
  kind: Kind;
  self: number;
  children: Node[];
  parent: Node | null;
}

/** Main-thread events as a tree (complete events and begin/end pairs), top-level tasks first. */
function buildTree(events: TraceEvent[]): Node[] {
  const complete: TraceEvent[] = [];
  const open: TraceEvent[] = [];
  for (const e of events) {
    if (e.ph === 'X') complete.push(e);
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const b = open.pop();
      if (b) complete.push({ ...b, ph: 'X', dur: e.ts - b.ts });
    }
  }
  complete.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const e of complete) {
    const end = e.ts + (e.dur ?? 0);
    while (stack.length && stack[stack.length - 1].end <= e.ts) stack.pop();
    const parent = stack[stack.length - 1] ?? null;
    // An event that outlasts its parent (clock rounding) is clipped to it.
    const node: Node = { e, end: parent ? Math.min(end, parent.end) : end, kind: kindOf(e.name, parent?.kind ?? null), self: 0, children: [], parent };
    if (parent) parent.children.push(node);
    else roots.push(node);
    stack.push(node);
  }
  const selfOf = (n: Node) => {
    let inner = 0;
    for (const c of n.children) {
      inner += c.end - c.e.ts;
      selfOf(c);
    }
    n.self = Math.max(0, n.end - n.e.ts - inner);
  };
  roots.forEach(selfOf);
  return roots;
}

function* walk(n: Node): Generator<Node> {
  yield n;
  for (const c of n.children) yield* walk(c);
}

// ---------------------------------------------------------------------------
// The CPU profile

type Origin = 'content' | 'page' | 'otherJs' | 'gc' | 'program' | 'idle';

interface Samples {
  times: Float64Array;
  durations: Float64Array;
  nodes: Int32Array;
  byId: Map<number, CpuProfileNode>;
  parent: Map<number, number>;
  origin: Map<number, Origin>;
  intervalUs: number;
}

function readSamples(profile: CpuProfile, isContent: (url: string) => boolean): Samples {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const origin = new Map<number, Origin>();
  const originOf = (id: number): Origin => {
    const known = origin.get(id);
    if (known) return known;
    const { functionName, url } = byId.get(id)!.callFrame;
    let o: Origin;
    if (functionName === '(idle)') o = 'idle';
    else if (functionName === '(garbage collector)') o = 'gc';
    else if (functionName === '(program)' || functionName === '(root)') o = 'program';
    else if (url && isContent(url)) o = 'content';
    else {
      const up = parent.get(id);
      const above = up === undefined ? 'program' : originOf(up);
      o = above === 'content' || above === 'page' ? above : /^https?:/.test(url) ? 'page' : 'otherJs';
    }
    origin.set(id, o);
    return o;
  };
  const count = profile.samples.length;
  const times = new Float64Array(count);
  const durations = new Float64Array(count);
  let t = profile.startTime;
  for (let i = 0; i < count; i++) {
    t += profile.timeDeltas[i] ?? 0;
    times[i] = t;
  }
  const gaps: number[] = [];
  for (let i = 0; i + 1 < count; i++) {
    durations[i] = Math.max(0, times[i + 1] - times[i]);
    gaps.push(durations[i]);
  }
  gaps.sort((a, b) => a - b);
  const intervalUs = gaps[gaps.length >> 1] ?? 0;
  if (count) durations[count - 1] = intervalUs;
  for (const n of profile.nodes) originOf(n.id);
  return { times, durations, nodes: Int32Array.from(profile.samples), byId, parent, origin, intervalUs };
}

/** Index of the first sample at or after `ts`. */
function firstSample(s: Samples, ts: number): number {
  let lo = 0;
  let hi = s.times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s.times[mid] < ts) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface FunctionTime {
  name: string;
  where: string;
  ms: number;
  origin: Origin;
}

// ---------------------------------------------------------------------------
// The summary

export interface TaskSummary {
  startMs: number;
  durationMs: number;
  byKind: Partial<Record<Kind, number>>;
  /** What the task ran, below its wrappers: the largest events, with detail. */
  ran: string[];
  /** Functions with the most self time in the task (CPU samples). */
  functions: FunctionTime[];
  /** Samples in the task with a content-script frame on the stack. */
  contentScriptMs: number | null;
}

export interface ProfileSummary {
  label: string;
  windowMs: number;
  fromMs: number;
  marks: { name: string; ms: number }[];
  scan: { startMs: number; endMs: number } | null;
  tasks: { count: number; busyMs: number; over50: number };
  byKind: Record<Kind, number>;
  /** Style and layout run inside script (forced by a script's read or call), by whose script the samples show. */
  forced: { content: number; page: number; unknown: number };
  /**
   * Style and layout run by the frames, by what invalidated them (the stacks
   * of ScheduleStyleRecalculation and InvalidateLayout events since the
   * previous run): the content script (alone or with others), page scripts
   * only, or no stack recorded (parsing, loading, and changes Chromium
   * records without one).
   */
  invalidatedBy: { content: number; page: number; none: number; initiators: { what: string; ms: number }[] };
  samples: { intervalUs: number; ms: Record<Origin, number> } | null;
  topSelf: FunctionTime[];
  topContentTotal: FunctionTime[];
  longestTasks: TaskSummary[];
}

export interface SummaryInput {
  label: string;
  trace: TraceEvent[];
  profile: CpuProfile | null;
  /** The measured page (query and hash ignored): finds its renderer's main thread and its navigation start. */
  pageUrl: string;
  /** From navigation start. */
  windowMs: number;
  /** Where the window opens, from navigation start (0: the whole load). */
  fromMs?: number;
  isContentScript(url: string): boolean;
  /** Source position of a bundle position (0-based), for content-script functions. */
  locate?(url: string, line: number, column: number): string | null;
}

const bare = (url: string) => url.replace(/[?#].*$/, '');

interface StackFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

/**
 * For each style or layout run of the frames, the invalidations that led to
 * it: ScheduleStyleRecalculation events (style) or InvalidateLayout events
 * (layout) after the previous run of the same kind, with their scripts'
 * stacks (recorded with disabled-by-default-devtools.timeline.stack).
 */
function invalidationsBefore(main: TraceEvent[]): (n: Node) => StackFrame[][] {
  const byKind = {
    style: main.filter((e) => e.name === 'ScheduleStyleRecalculation').sort((a, b) => a.ts - b.ts),
    layout: main.filter((e) => e.name === 'InvalidateLayout').sort((a, b) => a.ts - b.ts),
  };
  const previous = { style: -Infinity, layout: -Infinity };
  return (n) => {
    const kind = n.kind === 'style' ? 'style' : 'layout';
    const from = previous[kind];
    previous[kind] = n.e.ts;
    return byKind[kind]
      .filter((e) => e.ts > from && e.ts <= n.e.ts)
      .map((e) => ((e.args?.data?.stackTrace as StackFrame[] | undefined) ?? []).filter(Boolean));
  };
}

export function summarise(input: SummaryInput): ProfileSummary {
  const { trace } = input;
  const page = bare(input.pageUrl);
  const nav = trace.find((e) => e.name === 'navigationStart' && bare(String(e.args?.data?.documentLoaderURL ?? '')) === page);
  if (!nav) throw new Error(`the trace has no navigation to ${page}`);
  const navStart = nav.ts;
  const start = navStart + (input.fromMs ?? 0) * 1000;
  const end = navStart + input.windowMs * 1000;
  const ms = (us: number) => us / 1000;
  const main = trace.filter((e) => e.pid === nav.pid && e.tid === nav.tid);
  const tree = buildTree(main);
  const roots = tree.filter((n) => n.e.ts >= start && n.e.ts < end);

  // The page's own marks: the latest of each name (the page it replaced may still report its own).
  const latest = new Map<string, number>();
  for (const e of main) {
    if (e.ph === 'R' && e.ts >= start && e.ts < end && ['firstContentfulPaint', 'domContentLoadedEventStart', 'loadEventStart'].includes(e.name)) {
      latest.set(e.name, Math.max(latest.get(e.name) ?? 0, e.ts));
    }
  }
  const marks = [...latest].map(([name, ts]) => ({ name, ms: ms(ts - start) })).sort((a, b) => a.ms - b.ms);
  const scanBegin = trace.find((e) => e.name === 'fact-cards:scan' && e.ph === 'b' && e.pid === nav.pid && e.ts >= start);
  const scanEnd = scanBegin && trace.find((e) => e.name === 'fact-cards:scan' && e.ph === 'e' && e.pid === nav.pid && e.ts >= scanBegin.ts);

  const samples = input.profile ? readSamples(input.profile, input.isContentScript) : null;
  const nodeWhere = (id: number) => {
    const { functionName, url, lineNumber, columnNumber } = samples!.byId.get(id)!.callFrame;
    const name = functionName || '(anonymous)';
    let where = '(native)';
    if (url && input.isContentScript(url)) where = input.locate?.(url, lineNumber, columnNumber) ?? `content script ${lineNumber + 1}:${columnNumber + 1}`;
    else if (url) where = `${bare(url) === page ? 'page' : url.replace(/^.*\//, '')} ${lineNumber + 1}:${columnNumber + 1}`;
    return { name, where, key: `${name}\u0000${where}` };
  };
  /** Self time of functions (and of the idle, program and GC pseudo-frames) in [from, to). */
  const selfIn = (from: number, to: number, keep: (o: Origin) => boolean) => {
    const acc = new Map<string, FunctionTime>();
    if (!samples) return [];
    for (let i = firstSample(samples, from); i < samples.times.length && samples.times[i] < to; i++) {
      const id = samples.nodes[i];
      const origin = samples.origin.get(id)!;
      if (!keep(origin)) continue;
      const { name, where, key } = nodeWhere(id);
      const f = acc.get(key) ?? { name, where, ms: 0, origin };
      f.ms += samples.durations[i] / 1000;
      acc.set(key, f);
    }
    return [...acc.values()].sort((a, b) => b.ms - a.ms);
  };
  const contentIn = (from: number, to: number) => {
    if (!samples) return null;
    let sum = 0;
    for (let i = firstSample(samples, from); i < samples.times.length && samples.times[i] < to; i++) {
      if (samples.origin.get(samples.nodes[i]) === 'content') sum += samples.durations[i];
    }
    return sum / 1000;
  };
  /** Whose script the samples in [from, to) show on the stack. */
  const scriptIn = (from: number, to: number): 'content' | 'page' | 'unknown' => {
    if (!samples) return 'unknown';
    let content = 0;
    let pageJs = 0;
    for (let i = firstSample(samples, from); i < samples.times.length && samples.times[i] < to; i++) {
      const o = samples.origin.get(samples.nodes[i]);
      if (o === 'content') content++;
      else if (o === 'page') pageJs++;
    }
    // A forced style or layout shows as (program) in the samples; look at the script around it.
    if (!content && !pageJs && to - from < 50_000) return scriptIn(from - 2000, to + 2000);
    return content > pageJs ? 'content' : pageJs > content ? 'page' : 'unknown';
  };

  // Trace stacks count lines and columns from 1 (CPU profiles from 0).
  const frameOf = (f: StackFrame) => {
    const where = input.isContentScript(f.url)
      ? (input.locate?.(f.url, f.lineNumber - 1, f.columnNumber - 1) ?? 'content script')
      : f.url
        ? `${bare(f.url) === page ? 'page' : f.url.replace(/^.*\//, '')} ${f.lineNumber}:${f.columnNumber}`
        : '(native)';
    return `${f.functionName || '(anonymous)'} [${where}]`;
  };
  const invalidations = invalidationsBefore(main);
  /** What invalidated each frame-time style or layout run, for the task list. */
  const triggers = new Map<Node, string[]>();
  const initiators = new Map<string, number>();
  const invalidatedBy = { content: 0, page: 0, none: 0 };

  const byKind = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  const forced = { content: 0, page: 0, unknown: 0 };
  let busy = 0;
  let over50 = 0;
  for (const root of tree) {
    const inWindow = root.e.ts >= start && root.e.ts < end;
    for (const n of walk(root)) {
      const renders = n.kind === 'style' || n.kind === 'layout';
      const frameRun = renders && (n.e.name === 'UpdateLayoutTree' || n.e.name === 'Layout') && !insideScript(n);
      // Every run moves the invalidation cursor, in the window or not.
      const stacks = frameRun ? invalidations(n) : [];
      if (!inWindow) continue;
      byKind[n.kind] += n.self;
      if (renders && insideScript(n)) forced[scriptIn(n.e.ts, n.end)] += n.self;
      if (frameRun) {
        const tops = [...new Set(stacks.filter((st) => st.length).map((st) => `${frameOf(st[0])}${st[1] ? ` ← ${frameOf(st[1])}` : ''}`))];
        const content = stacks.some((st) => st.some((f) => input.isContentScript(f.url)));
        const pageJs = stacks.some((st) => st.length > 0);
        const dur = n.end - n.e.ts;
        invalidatedBy[content ? 'content' : pageJs ? 'page' : 'none'] += dur;
        for (const t of tops) initiators.set(t, (initiators.get(t) ?? 0) + dur);
        if (tops.length) triggers.set(n, tops);
      }
    }
    if (inWindow) {
      busy += root.end - root.e.ts;
      if (root.end - root.e.ts > 50_000) over50++;
    }
  }
  for (const k of KINDS) byKind[k] = ms(byKind[k]);

  let sampleMs: Record<Origin, number> | null = null;
  let topContentTotal: FunctionTime[] = [];
  if (samples) {
    sampleMs = { content: 0, page: 0, otherJs: 0, gc: 0, program: 0, idle: 0 };
    const totals = new Map<string, FunctionTime>();
    for (let i = firstSample(samples, start); i < samples.times.length && samples.times[i] < end; i++) {
      const id = samples.nodes[i];
      const origin = samples.origin.get(id)!;
      const d = samples.durations[i] / 1000;
      sampleMs[origin] += d;
      if (origin !== 'content') continue;
      // Total (inclusive) time: each content-script function on the stack, once per sample.
      const seen = new Set<string>();
      for (let n: number | undefined = id; n !== undefined; n = samples.parent.get(n)) {
        const frame = samples.byId.get(n)!.callFrame;
        if (!frame.url || !input.isContentScript(frame.url)) continue;
        const { name, where, key } = nodeWhere(n);
        if (seen.has(key)) continue;
        seen.add(key);
        const f = totals.get(key) ?? { name, where, ms: 0, origin };
        f.ms += d;
        totals.set(key, f);
      }
    }
    topContentTotal = [...totals.values()].sort((a, b) => b.ms - a.ms).slice(0, 15);
  }

  const longest = [...roots].sort((a, b) => b.end - b.e.ts - (a.end - a.e.ts));
  const pickTasks = longest.filter((n, i) => i < 3 || (i < 10 && n.end - n.e.ts > 50_000));
  const longestTasks = pickTasks.map((task): TaskSummary => {
    const kinds: Partial<Record<Kind, number>> = {};
    for (const n of walk(task)) kinds[n.kind] = (kinds[n.kind] ?? 0) + ms(n.self);
    return {
      startMs: ms(task.e.ts - start),
      durationMs: ms(task.end - task.e.ts),
      byKind: kinds,
      ran: whatRan(task, scriptIn, triggers),
      functions: selfIn(task.e.ts, task.end, (o) => o !== 'idle').slice(0, 6),
      contentScriptMs: contentIn(task.e.ts, task.end),
    };
  });

  return {
    label: input.label,
    windowMs: input.windowMs,
    fromMs: input.fromMs ?? 0,
    marks,
    scan: scanBegin && scanEnd ? { startMs: ms(scanBegin.ts - start), endMs: ms(scanEnd.ts - start) } : null,
    tasks: { count: roots.length, busyMs: ms(busy), over50 },
    byKind,
    forced: { content: ms(forced.content), page: ms(forced.page), unknown: ms(forced.unknown) },
    invalidatedBy: {
      content: ms(invalidatedBy.content),
      page: ms(invalidatedBy.page),
      none: ms(invalidatedBy.none),
      initiators: [...initiators].map(([what, us]) => ({ what, ms: ms(us) })).sort((a, b) => b.ms - a.ms).slice(0, 10),
    },
    samples: samples && sampleMs ? { intervalUs: samples.intervalUs, ms: sampleMs } : null,
    topSelf: selfIn(start, end, (o) => o !== 'idle').slice(0, 25),
    topContentTotal,
    longestTasks,
  };
}

/** Style or layout inside script: a script's call or read forced it (the frame's own runs directly under the task). */
function insideScript(n: Node): boolean {
  for (let p = n.parent; p; p = p.parent) if (p.kind === 'script') return true;
  return false;
}

/** The largest events of a task below its wrappers, e.g. "FunctionCall observeSome (content script) 12 ms". */
function whatRan(task: Node, scriptIn: (from: number, to: number) => 'content' | 'page' | 'unknown', triggers: Map<Node, string[]>): string[] {
  const found: Node[] = [];
  const visit = (n: Node, depth: number) => {
    if (WRAPPERS.has(n.e.name) && depth < 8) {
      for (const c of n.children) visit(c, depth + 1);
      if (n.self > 0.1 * (task.end - task.e.ts) && n.e.name === 'RunMicrotasks') found.push(n);
      return;
    }
    found.push(n);
  };
  visit(task, 0);
  const total = task.end - task.e.ts;
  return found
    .filter((n) => n.end - n.e.ts >= Math.max(1000, 0.05 * total))
    .sort((a, b) => b.end - b.e.ts - (a.end - a.e.ts))
    .slice(0, 5)
    .map((n) => {
      const data = n.e.args?.data ?? {};
      let detail = '';
      if (n.e.name === 'FunctionCall' || n.e.name === 'EvaluateScript') {
        const url = String(data.url ?? '');
        const who = url.startsWith('chrome-extension://') ? 'content script' : url ? 'page' : '';
        detail = [data.functionName, who && `(${who})`].filter(Boolean).join(' ');
      } else if (n.e.name === 'EventDispatch') detail = String(data.type ?? '');
      else if (n.e.name === 'RunMicrotasks' || n.e.name === 'RunYieldContinuation') detail = `(${scriptIn(n.e.ts, n.end)} script)`;
      else if (n.kind === 'style' || n.kind === 'layout') {
        const size = n.e.name === 'UpdateLayoutTree' ? `${n.e.args?.elementCount ?? '?'} elements` : n.e.name === 'Layout' ? `${data.dirtyObjects ?? n.e.args?.beginData?.dirtyObjects ?? '?'} of ${n.e.args?.beginData?.totalObjects ?? '?'} objects` : '';
        const cause = insideScript(n) ? `forced, ${scriptIn(n.e.ts, n.end)} script` : `frame${triggers.get(n) ? `; invalidated by ${triggers.get(n)!.slice(0, 3).join(', ')}` : ''}`;
        detail = `(${[size, cause].filter(Boolean).join('; ')})`;
      }
      return `${n.e.name}${detail ? ` ${detail}` : ''} ${fmt((n.end - n.e.ts) / 1000)} ms`;
    });
}

// ---------------------------------------------------------------------------
// Text

const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const pad = (s: string, n: number) => s.padStart(n);

/** The summary as text: with the extension, and the same page without it where given. */
export function renderSummary(ext: ProfileSummary, plain: ProfileSummary | null, files: string[]): string {
  const out: string[] = [];
  out.push(`# Profile: ${ext.label}`, '');
  out.push(`Files: ${files.join(', ')}`);
  const window = ext.fromMs > 0
    ? `navigation start + ${fmt(ext.fromMs)}–${fmt(ext.windowMs)} ms (tasks that start in it; times below from its start)`
    : `navigation start + ${fmt(ext.windowMs)} ms (tasks that start in it)`;
  out.push(`Window: ${window}.` +
    (ext.scan ? ` The extension's first scan (fact-cards:scan): ${fmt(ext.scan.startMs)}–${fmt(ext.scan.endMs)} ms.` : ' No fact-cards:scan measure in the window.'));
  if (ext.marks.length) out.push(`Page: ${ext.marks.map((m) => `${m.name} ${fmt(m.ms)} ms`).join(', ')}.`);
  out.push('');

  out.push(`## Main thread by kind of work (trace; self time of events, ms)`, '');
  out.push(`| kind | with the extension | without | difference |`, '| --- | ---: | ---: | ---: |');
  const row = (label: string, a: number, b: number | null) => `| ${label} | ${fmt(a)} | ${b === null ? 'n/a' : fmt(b)} | ${b === null ? 'n/a' : `${a - b >= 0 ? '+' : '−'}${fmt(Math.abs(a - b))}`} |`;
  out.push(row('busy (all tasks)', ext.tasks.busyMs, plain?.tasks.busyMs ?? null));
  for (const k of KINDS) out.push(row(KIND_LABEL[k], ext.byKind[k], plain?.byKind[k] ?? null));
  out.push(row('tasks over 50 ms (count)', ext.tasks.over50, plain?.tasks.over50 ?? null));
  out.push('');
  const rendering = ext.byKind.style + ext.byKind.layout + ext.byKind.paint + ext.byKind.observers;
  const plainRendering = plain ? plain.byKind.style + plain.byKind.layout + plain.byKind.paint + plain.byKind.observers : null;
  out.push(`Rendering outside JS (style + layout + paint + observers): ${fmt(rendering)} ms with the extension` +
    (plainRendering !== null ? `, ${fmt(plainRendering)} ms without (${rendering - plainRendering >= 0 ? '+' : '−'}${fmt(Math.abs(rendering - plainRendering))} ms).` : '.'));
  out.push(`Style and layout forced inside script (a script read layout or changed what it depends on): content script ${fmt(ext.forced.content)} ms, page ${fmt(ext.forced.page)} ms, unattributed ${fmt(ext.forced.unknown)} ms; the rest ran in the frames.`);
  const inv = ext.invalidatedBy;
  out.push(`Style and layout run by the frames, by what invalidated them (stacks of ScheduleStyleRecalculation / InvalidateLayout since the previous run): ` +
    `the content script (alone or with others) ${fmt(inv.content)} ms, page scripts only ${fmt(inv.page)} ms, no script stack recorded (parsing, loading, text and attribute changes) ${fmt(inv.none)} ms` +
    (plain ? `; without the extension: page scripts ${fmt(plain.invalidatedBy.page)} ms, no stack ${fmt(plain.invalidatedBy.none)} ms.` : '.'));
  if (inv.initiators.length) {
    out.push('', 'Invalidating scripts (top of stack ← caller; ms of the style/layout runs that followed):', '');
    for (const i of inv.initiators) out.push(`- ${fmt(i.ms)} ms: ${i.what}`);
  }
  out.push('');

  if (ext.samples) {
    const s = ext.samples.ms;
    out.push(`## JavaScript by origin (CPU profile, a sample every ~${fmt(ext.samples.intervalUs)} µs; ms)`, '');
    out.push(`content script (a content-script frame on the stack, including the browser functions it calls): ${fmt(s.content)}`);
    out.push(`page scripts: ${fmt(s.page)}; other JS (V8 and extension internals): ${fmt(s.otherJs)}; garbage collector: ${fmt(s.gc)}`);
    out.push(`outside JS ("(program)": parsing, style, layout, paint, task overhead): ${fmt(s.program)}; idle: ${fmt(s.idle)}`);
    out.push('');
    out.push('## Top self time (CPU profile, with the extension)', '');
    out.push('|    ms | function | where |', '| ---: | --- | --- |');
    for (const f of ext.topSelf) out.push(`| ${pad(fmt(f.ms), 5)} | ${f.name} | ${f.where}${f.origin === 'content' && f.where === '(native)' ? ', called by the content script' : ''} |`);
    out.push('');
    out.push('## Content-script functions by total time (self + what they call)', '');
    out.push('|    ms | function | where |', '| ---: | --- | --- |');
    for (const f of ext.topContentTotal) out.push(`| ${pad(fmt(f.ms), 5)} | ${f.name} | ${f.where} |`);
    out.push('');
  }

  const tasks = (s: ProfileSummary, title: string) => {
    out.push(`## ${title}`, '');
    s.longestTasks.forEach((t, i) => {
      const kinds = KINDS.filter((k) => (t.byKind[k] ?? 0) >= 0.5).sort((a, b) => (t.byKind[b] ?? 0) - (t.byKind[a] ?? 0));
      out.push(`${i + 1}. at ${fmt(t.startMs)} ms, ${fmt(t.durationMs)} ms: ${kinds.map((k) => `${k} ${fmt(t.byKind[k]!)}`).join(', ')}` +
        (t.contentScriptMs !== null ? `; content-script samples ${fmt(t.contentScriptMs)} ms` : ''));
      if (t.ran.length) out.push(`   ran: ${t.ran.join('; ')}`);
      if (t.functions.length) out.push(`   self time: ${t.functions.map((f) => `${f.name} [${f.where}] ${fmt(f.ms)}`).join('; ')}`);
    });
    out.push('');
  };
  tasks(ext, 'Longest tasks with the extension');
  if (plain) tasks(plain, 'Longest tasks without the extension (same page, same window)');
  return out.join('\n');
}
