/**
 * The page's mentions: reads chunks of text, has the library's matcher scan
 * them (in the background, off the page's main thread), keeps each chunk's
 * candidates, resolves them page-wide (the context gate needs the whole
 * page as evidence) and hands the result to the painter.
 *
 * Chunks get a serial number; a candidate's page offset is
 * `serial * CHUNK_SPAN + offset`, so chunks can be replaced one at a time
 * without renumbering the rest, and a mention finds its chunk in O(1).
 */
import type { Candidate, MatchOptions, Mention } from '@/lib/match/types';
import { gateEvidence, resolveMentions, type EntityLookup } from '@/lib/match/gate';
import { chunkCursor, isInsideSkipped, positionAt, type TextChunk } from '@/dom/text-walker';
import type { MentionPainter } from '@/dom/mention-painter';
import { afterNextFrame } from '@/dom/first-frame';
import { createHighlightWindow } from './highlight-window';
import type { PageMention } from './page-mention';
export type { PageMention } from './page-mention';

const CHUNK_SPAN = 2 ** 24; // longest chunk scanned (16M UTF-16 units)
const NO_EVIDENCE: ReadonlySet<string> = new Set();
/** How long a slice of work may hold the main thread before yielding. */
const SLICE_MS = 8;
/**
 * Text sent to be scanned in one message. Larger batches cost fewer round
 * trips; smaller ones let scanning start while the page is still read, and
 * keep each reply's handling short: on a page naming someone every ~15
 * words, a 256,000-character batch's reply took ~100 ms to receive, check
 * and decode in one task (CPU profile of the bench's dense page).
 */
const BATCH_CHARS = 64_000;
/**
 * Texts sent in one message. The reply is checked and decoded in one task,
 * at a cost per text: on a 25,000-row table (a chunk per cell, ~100,000
 * chunks) a 256,000-character batch held tens of thousands of texts and its
 * reply took 110–240 ms (CPU profile, `npm run bench -- --profile table`).
 */
const BATCH_ITEMS = 1_000;
/** Candidates resolved in one go after a full scan (a few ms of work). */
const RESOLVE_GROUP = 1_000;


interface ScannedChunk {
  chunk: TextChunk;
  candidates: Candidate[];
  /** What this chunk adds to the gate's page-wide evidence (worked out on the first rescan). */
  evidence?: ReadonlySet<string>;
  /** This chunk's mentions, and the page evidence they were resolved with. */
  resolved?: { with: string; mentions: PageMention[] };
  /** Mentions already built for this chunk, by entity and offsets: re-resolving reuses their ranges. */
  painted?: Map<string, PageMention>;
}

/** A chunk a rescan may find again unchanged, under its serial number. */
interface Reusable {
  id: number;
  entry: ScannedChunk;
}

/**
 * True when `chunk`, just read, is `was` as it was: same block, same nodes,
 * same text. Its candidates still hold: they follow from the text alone.
 */
function sameChunk(was: TextChunk, chunk: TextChunk): boolean {
  if (was.owner !== chunk.owner || was.text !== chunk.text || was.parts.length !== chunk.parts.length) return false;
  for (let i = 0; i < chunk.parts.length; i++) {
    if (was.parts[i] !== chunk.parts[i] || was.starts[i] !== chunk.starts[i]) return false;
  }
  return true;
}

/**
 * Takes an unchanged chunk's entry back with the chunk as just read. Its
 * ranges are kept unless a leaf's text nodes were replaced, or the same text
 * split differently (`textContent` set to what it was): then they are built
 * again, from the same candidates.
 */
function takeBack(entry: ScannedChunk, chunk: TextChunk): void {
  entry.chunk = chunk;
  if (!entry.painted) return;
  for (const m of entry.painted.values()) {
    if (rangeHolds(chunk, m)) continue;
    entry.painted = undefined;
    entry.resolved = undefined;
    return;
  }
}

/** The mention's range is where the chunk's text puts it now. */
function rangeHolds(chunk: TextChunk, m: PageMention): boolean {
  const r = m.range;
  const start = positionAt(chunk, m.start);
  const end = positionAt(chunk, m.end, true);
  return r.startContainer === start.node && r.startOffset === start.offset && r.endContainer === end.node && r.endOffset === end.offset;
}

/**
 * Texts known to name nobody under the current options, so a rescan that
 * reads them again need not send them: a live page's "2 min ago" labels,
 * bylines and buttons come back every few seconds. Bounded in count and in
 * characters (a content script runs on every page), and cleared by every
 * full scan (new options or a changed library).
 */
function createQuietTexts(limit = 4096, charLimit = 256_000) {
  const texts = new Set<string>();
  let chars = 0;
  const clear = () => {
    texts.clear();
    chars = 0;
  };
  return {
    has: (text: string) => texts.has(text),
    add(text: string) {
      if (text.length > 2048 || texts.has(text)) return;
      if (texts.size >= limit || chars + text.length > charLimit) clear();
      texts.add(text);
      chars += text.length;
    },
    clear,
  };
}

export interface PageScanner {
  /** Scans the whole document, replacing what was known. */
  scanAll(signal: AbortSignal): Promise<void>;
  /** Rescans these blocks (and drops what lived in removed ones). */
  rescan(owners: Iterable<Element>, signal: AbortSignal): Promise<void>;
  mentions(): readonly PageMention[];
  /** New matcher options (or first-only); rescans everything. */
  setOptions(options: ScanOptions, signal: AbortSignal): Promise<void>;
  /** Forgets everything found (the extension was switched off here). */
  reset(): void;
  /**
   * True while a full scan is running (the popup says "Scanning…"). Rescans
   * of a page that keeps changing don't count: such a page would never be done.
   */
  busy(): boolean;
  /** Main-thread time of the last scan or rescan (without the time yielded to the page). */
  lastBusyMs(): number;
  /** Stops observing where the highlights are (the content script is going away). */
  dispose(): void;
}

/**
 * Gives the main thread back: a task of the page's own priority, queued
 * behind the tasks already waiting — its timers, input and loading. Not
 * scheduler.yield(), whose continuation goes ahead of them: while a
 * 25,000-row table was scanned that way, the page's own 10 ms timer ran
 * 1.2–2.9 s late, and its load event came seconds later (`npm run bench`).
 */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { postTask?: (task: () => void, options: { priority: string }) => Promise<void> } }).scheduler;
  if (s?.postTask) return s.postTask(() => {}, { priority: 'user-visible' });
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface ScanOptions extends MatchOptions {
  /** Keep only the first mention of each entity. */
  firstOnly?: boolean;
}

export function createPageScanner(deps: {
  root: () => Element | null;
  /**
   * Has texts scanned by the library's matcher (in the background); reads
   * each one's candidates, shifted by its base. Undefined when the
   * background could not answer.
   */
  scan: (items: readonly { text: string; base: number }[], options: MatchOptions) => Promise<((k: number) => Candidate[]) | undefined>;
  /** The entities the scans named: the gate drops candidates of entities that no longer exist. */
  entities: EntityLookup;
  options: ScanOptions;
  /** The current painter: it changes when the user switches paint mode. */
  painter: () => MentionPainter;
  onUpdate: (mentions: readonly PageMention[]) => void;
  /** Each open shadow root the scan walks into. */
  onShadowRoot?: (root: ShadowRoot) => void;
}): PageScanner {
  let options = deps.options;
  let serial = 0;
  const highlightWindow = createHighlightWindow((shown) => {
    // The window only ever drives the Highlight API painter; marks wrap every mention.
    const painter = deps.painter();
    if (painter.mode === 'highlight') painter.paint(shown.map((m) => m.range));
  });
  const scanned = new Map<number, ScannedChunk>();
  const quiet = createQuietTexts();
  let current: PageMention[] = [];
  let running = 0;
  /** The first full scan waits for a frame of the page's (afterNextFrame); later ones need not. */
  let painted = false;

  /** Main-thread time of the current full scan, without the time yielded to the page. */
  let busyMs = 0;
  /** Times the current scan gave the main thread back to the page. */
  let yields = 0;
  const yieldNow = () => {
    yields++;
    return yieldToPage();
  };

  /**
   * Work in slices of SLICE_MS, its time counted in `busyMs`. Loops over
   * every chunk (100,000 on a large table) ask `due()` each step, so it reads
   * the clock every 64 steps and costs nothing otherwise: an `await` per
   * chunk alone held the main thread for tens of milliseconds.
   */
  const slicer = (signal: AbortSignal) => {
    let start = performance.now();
    let steps = 0;
    /** Yields to the page; false when the scan was cancelled meanwhile. */
    const pause = async () => {
      busyMs += performance.now() - start;
      await yieldNow();
      start = performance.now();
      return !signal.aborted;
    };
    return {
      /** True when the slice is spent (asked once per step). */
      due: () => (++steps & 63) === 0 && performance.now() - start > SLICE_MS,
      pause,
      /** Yields when the slice is spent (once per group of work that may take a while). */
      keepGoing: async () => (performance.now() - start <= SLICE_MS ? true : pause()),
      /** Counts the last slice's time. */
      end: () => {
        busyMs += performance.now() - start;
      },
    };
  };

  /**
   * Reads the text under `root` in slices of SLICE_MS, yielding to the page
   * between them, and has it scanned in batches while reading goes on.
   */
  async function scanTrees(roots: readonly Element[], signal: AbortSignal, reusable?: Map<Node, Reusable>): Promise<number> {
    const pending: Promise<void>[] = [];
    type Item = { id: number; entry: ScannedChunk; text: string };
    let batch: Item[] = [];
    let batchChars = 0;
    /** Full batches, sent one at the start of each slice, within its time. */
    const ready: Item[][] = [];
    const close = () => {
      if (!batch.length) return;
      ready.push(batch);
      batch = [];
      batchChars = 0;
    };
    /**
     * Sends a batch and reads its reply in slices. Sending a full batch where
     * it filled up, after the slice had read its chunks, and reading its
     * reply's texts in one go made tasks of 25–35 ms; with two of them in a
     * row the page's own timer ran up to 70 ms late (a trace of the bench's
     * dense page being switched on).
     */
    const send = (items: Item[]) => {
      pending.push(
        deps.scan(items.map(({ id, text }) => ({ text, base: id * CHUNK_SPAN })), options).then(async (found) => {
          const slice = slicer(signal);
          // A chunk replaced by a rescan meanwhile keeps the newer entry. One
          // that names nobody (most of them) is not kept: it would add nothing,
          // and holding its nodes keeps their wrappers alive for the garbage
          // collector to go through again and again.
          for (let k = 0; k < items.length; k++) {
            if (slice.due() && !(await slice.pause())) return;
            const { id, entry, text } = items[k];
            if (scanned.get(id) !== entry) continue;
            entry.candidates = found ? found(k) : [];
            if (!entry.candidates.length) {
              scanned.delete(id);
              if (found) quiet.add(text);
            }
          }
          slice.end();
        }),
      );
    };
    let count = 0;
    for (const root of roots) {
      const cursor = chunkCursor(root, deps.onShadowRoot);
      while (!signal.aborted) {
        const sliceStart = performance.now();
        const deadline = sliceStart + SLICE_MS;
        const next = ready.shift();
        if (next) send(next);
        for (const chunk of cursor.take(deadline)) {
          count++;
          const old = reusable?.get(chunk.parts[0]);
          if (old && sameChunk(old.entry.chunk, chunk)) {
            reusable!.delete(chunk.parts[0]);
            takeBack(old.entry, chunk);
            scanned.set(old.id, old.entry);
            continue;
          }
          const text = chunk.text.length > CHUNK_SPAN ? chunk.text.slice(0, CHUNK_SPAN) : chunk.text;
          if (quiet.has(text)) continue;
          const id = ++serial;
          const entry: ScannedChunk = { chunk, candidates: [] };
          scanned.set(id, entry);
          batch.push({ id, entry, text });
          batchChars += text.length;
          if (batchChars >= BATCH_CHARS || batch.length >= BATCH_ITEMS) close();
        }
        busyMs += performance.now() - sliceStart;
        if (cursor.done) break;
        await yieldNow();
      }
    }
    close();
    for (const items of ready.splice(0)) send(items);
    await Promise.all(pending);
    return count;
  }

  /** A chunk's resolved mentions with StaticRanges (reused when the same mention was built before). */
  function toPageMentions(id: number, entry: ScannedChunk, resolved: Mention[]): PageMention[] {
    const offset = id * CHUNK_SPAN;
    const mentions: PageMention[] = [];
    for (const m of resolved) {
      const key = `${m.entity} ${m.start} ${m.end}`;
      let mention = entry.painted?.get(key);
      if (!mention) {
        const start = positionAt(entry.chunk, m.start - offset);
        const end = positionAt(entry.chunk, m.end - offset, true);
        mention = {
          ...m,
          start: m.start - offset,
          end: m.end - offset,
          owner: entry.chunk.owner,
          range: new StaticRange({
            startContainer: start.node,
            startOffset: start.offset,
            endContainer: end.node,
            endOffset: end.offset,
          }),
        };
        (entry.painted ??= new Map()).set(key, mention);
      }
      mentions.push(mention);
    }
    return mentions;
  }

  /** A chunk's mentions under the page's evidence. */
  function resolveChunk(id: number, entry: ScannedChunk, evidence: ReadonlySet<string>): PageMention[] {
    if (!entry.candidates.length) return [];
    return toPageMentions(id, entry, resolveMentions(deps.entities, entry.candidates, options, evidence));
  }

  /**
   * Resolves and paints, chunk by chunk in slices. The gate's evidence is the
   * union of the chunks' own; while it is unchanged, chunks keep their
   * resolved mentions, so a rescan costs what changed, not the whole page.
   */
  async function publish(signal: AbortSignal) {
    let stale = 0;
    for (const entry of scanned.values()) if (!entry.resolved) stale++;
    let evidence: ReadonlySet<string>;
    let signature: string;
    /** After a full scan: every chunk's mentions, resolved in groups with the page's evidence. */
    let fromPage: Map<number, Mention[]> | undefined;
    const { due, pause, keepGoing, end } = slicer(signal);
    if (stale === scanned.size) {
      // A full scan: resolving groups of chunks is several times cheaper than
      // one chunk at a time (1 MB page, cold: 2–8 ms against 11 ms + 7 ms of
      // per-chunk evidence), so the per-chunk bookkeeping waits for a rescan.
      // Groups, not the whole page in one call: on a page that names someone
      // every few words that call held the main thread for 100–160 ms. The
      // gate's evidence is the union of the groups', and resolution is
      // chunk-local once the evidence is known.
      const groups: { ids: number[]; candidates: Candidate[] }[] = [];
      let group: { ids: number[]; candidates: Candidate[] } = { ids: [], candidates: [] };
      for (const [id, { candidates }] of scanned) {
        if (due() && !(await pause())) return;
        if (!candidates.length) continue;
        group.ids.push(id);
        for (const c of candidates) group.candidates.push(c);
        if (group.candidates.length >= RESOLVE_GROUP) {
          groups.push(group);
          group = { ids: [], candidates: [] };
        }
      }
      if (group.candidates.length) groups.push(group);
      const union = new Set<string>();
      for (const g of groups) {
        for (const e of gateEvidence(deps.entities, g.candidates, options)) union.add(e);
        if (!(await keepGoing())) return;
      }
      evidence = union;
      signature = [...evidence].sort().join('|');
      fromPage = new Map();
      for (const g of groups) {
        for (const m of resolveMentions(deps.entities, g.candidates, options, evidence)) {
          const id = Math.floor(m.start / CHUNK_SPAN);
          const list = fromPage.get(id);
          if (list) list.push(m);
          else fromPage.set(id, [m]);
        }
        if (!(await keepGoing())) return;
      }
    } else {
      const union = new Set<string>();
      for (const entry of scanned.values()) {
        if (due() && !(await pause())) return;
        // Most chunks name nobody: they add no evidence.
        entry.evidence ??= entry.candidates.length ? gateEvidence(deps.entities, entry.candidates, options) : NO_EVIDENCE;
        for (const e of entry.evidence) union.add(e);
      }
      evidence = union;
      signature = [...evidence].sort().join('|');
    }
    const seen = new Set<string>();
    const next: PageMention[] = [];
    for (const [id, entry] of scanned) {
      if (entry.resolved?.with !== signature) {
        const mentions = fromPage ? toPageMentions(id, entry, fromPage.get(id) ?? []) : resolveChunk(id, entry, evidence);
        entry.resolved = { with: signature, mentions };
      }
      for (const m of entry.resolved.mentions) {
        if (options.firstOnly) {
          if (seen.has(m.entity)) continue;
          seen.add(m.entity);
        }
        next.push(m);
      }
      if (due() && !(await pause())) return;
    }
    const painter = deps.painter();
    current = next;
    if (painter.mode === 'marks') {
      painter.clear();
      painter.paint(next.map((m) => m.range));
    } else {
      highlightWindow.update(next);
    }
    deps.onUpdate(current);
    end();
  }

  async function scanAll(signal: AbortSignal) {
    running++;
    try {
      if (!painted) {
        // Counted as scanning (the popup says so) while the page gets its first frame out.
        await afterNextFrame();
        painted = true;
        if (signal.aborted) return;
      }
      const started = performance.now();
      busyMs = 0;
      yields = 0;
      const root = deps.root();
      // Marks mode must restore the page's own nodes before reading them.
      if (deps.painter().mode === 'marks') deps.painter().clear();
      scanned.clear();
      quiet.clear();
      const chunks = root ? await scanTrees([root], signal) : 0;
      if (signal.aborted) return;
      const scanMs = busyMs;
      await publish(signal);
      if (signal.aborted) return;
      const publishMs = busyMs - scanMs;
      // Read by `npm run bench` and the e2e tests from the page's performance
      // timeline, which is the page's too: what depends on the reader's
      // library (mentions found, time spent) only in the bench's build. The
      // chunks and slices follow the page's own size.
      const library = import.meta.env.WXT_SCAN_MEASURE === '1' ? { busyMs, scanMs, publishMs, mentions: current.length } : {};
      performance.measure('fact-cards:scan', {
        start: started,
        end: performance.now(),
        detail: { ...library, chunks, slices: yields + 1 },
      });
    } finally {
      running--;
    }
  }

  async function rescan(owners: Iterable<Element>, signal: AbortSignal) {
    if (deps.painter().mode === 'marks') return scanAll(signal);
    busyMs = 0;
    const cleanupStart = performance.now();
    const targets = new Set(topmost([...owners]));
    // Drop chunks that lived inside a changed block or left the document.
    // Walking up from each chunk (memoised per element) keeps this linear:
    // testing every chunk against every target with contains() took 700 ms
    // on a 1 MB page after 2,000 edits (npm run bench).
    const inside = new Map<Element, boolean>();
    const isInTarget = (el: Element | null): boolean => {
      const path: Element[] = [];
      let found = false;
      for (let e = el; e; e = e.parentElement ?? ((e.parentNode as ShadowRoot | null)?.host ?? null)) {
        const known = inside.get(e);
        if (known !== undefined) {
          found = known;
          break;
        }
        if (targets.has(e)) {
          found = true;
          break;
        }
        path.push(e);
      }
      for (const e of path) inside.set(e, found);
      return found;
    };
    // A chunk inside a changed block may be read again unchanged (a live
    // page rewrites a post's "2 min ago" label, and the post's paragraphs
    // are read again with it): it keeps its candidates and its ranges.
    const reusable = new Map<Node, Reusable>();
    for (const [id, entry] of scanned) {
      const { chunk } = entry;
      const gone = !chunk.owner.isConnected || !chunk.parts[0].isConnected;
      if (gone) scanned.delete(id);
      else if (isInTarget(chunk.owner)) {
        scanned.delete(id);
        reusable.set(chunk.parts[0], { id, entry });
      }
    }
    busyMs += performance.now() - cleanupStart;
    await scanTrees([...targets].filter((t) => t.isConnected && !isInsideSkipped(t)), signal, reusable);
    if (!signal.aborted) await publish(signal);
  }

  return {
    scanAll,
    rescan,
    mentions: () => current,
    busy: () => running > 0,
    lastBusyMs: () => busyMs,
    async setOptions(next, signal) {
      options = next;
      await scanAll(signal);
    },
    dispose: () => highlightWindow.dispose(),
    reset() {
      scanned.clear();
      current = [];
      highlightWindow.update(current);
      deps.painter().clear();
      deps.onUpdate(current);
    },
  };
}

/** Drops elements contained in another element of the list. */
function topmost(elements: Element[]): Element[] {
  const set = new Set(elements);
  return [...set].filter((el) => {
    for (let p = el.parentElement; p; p = p.parentElement) if (set.has(p)) return false;
    return true;
  });
}
