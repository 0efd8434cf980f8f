// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compileMatcher } from '@/lib/match';
import type { Candidate, MatchOptions } from '@/lib/match/types';
import type { MentionPainter, PaintRange } from '@/dom/mention-painter';
import { createPageScanner, type PageScanner } from '@/entrypoints/content/page-scanner';

// happy-dom has no StaticRange; the browser's is a plain record of its four fields.
if (typeof globalThis.StaticRange === 'undefined') {
  (globalThis as { StaticRange?: unknown }).StaticRange = class {
    startContainer: Node;
    startOffset: number;
    endContainer: Node;
    endOffset: number;
    constructor(init: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number }) {
      this.startContainer = init.startContainer;
      this.startOffset = init.startOffset;
      this.endContainer = init.endContainer;
      this.endOffset = init.endOffset;
    }
  };
}

const matcher = compileMatcher([
  { id: 'mark-rutte', name: 'Mark Rutte', kind: 'person', aliases: [{ text: 'Rutte', origin: 'derived' }] },
  { id: 'kyiv', name: 'Kyiv', kind: 'place', aliases: [] },
]);

let sent: string[][];
let answering: boolean;
let painted: PaintRange[];
let scanner: PageScanner;
let controller: AbortController;

const painter: MentionPainter = {
  mode: 'highlight',
  paint: (ranges) => (painted = ranges),
  clear: () => (painted = []),
  setActive: () => {},
  setStyle: () => {},
  dispose: () => {},
};

/** The matcher in this process instead of the background's; every message's texts are recorded. */
async function scan(items: readonly { text: string; base: number }[], options: MatchOptions): Promise<((k: number) => Candidate[]) | undefined> {
  sent.push(items.map((i) => i.text));
  if (!answering) return undefined;
  return (k) => matcher.scan(items[k].text, options, items[k].base);
}

const texts = () => sent.flat();
/** What each painted range covers on the page now. */
const coveredText = () => painted.map((r) => (r.startContainer === r.endContainer ? (r.startContainer as Text).data.slice(r.startOffset, r.endOffset) : '(across nodes)'));

beforeEach(async () => {
  document.body.innerHTML =
    '<main><section id="feed">' +
    '<article id="a"><time>just now</time><p id="pa">Mark Rutte spoke in Kyiv.</p></article>' +
    '<article id="b"><time>1 min ago</time><p id="pb">Rain fell on <b>Kyiv</b> again.</p></article>' +
    '</section></main>';
  sent = [];
  answering = true;
  painted = [];
  // The first scan waits for a frame of the page's.
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation((f) => setTimeout(() => f(performance.now()), 0) as unknown as number);
  controller = new AbortController();
  scanner = createPageScanner({
    root: () => document.body,
    scan,
    entities: matcher,
    options: { fuzzy: 'normal' },
    painter: () => painter,
    onUpdate: () => {},
  });
  await scanner.scanAll(controller.signal);
  sent = [];
});

afterEach(() => {
  controller.abort();
  scanner.dispose();
  vi.restoreAllMocks();
});

const el = (id: string) => document.getElementById(id)!;

describe('rescanning a changed block', () => {
  it('finds every mention on the first scan', () => {
    expect(coveredText().sort()).toEqual(['Kyiv', 'Kyiv', 'Mark Rutte']);
  });

  it('sends only the text that changed: a paragraph read again unchanged keeps its candidates and its very ranges', async () => {
    const before = [...painted];
    el('a').querySelector('time')!.textContent = '5 s ago';
    await scanner.rescan([el('a')], controller.signal);
    expect(painted).toHaveLength(3);
    for (const r of painted) expect(before).toContain(r);
    expect(texts()).toEqual(['5 s ago']);
  });

  it('sends a changed paragraph and paints its new mentions on the right characters', async () => {
    (el('pa').firstChild as Text).data = 'In Kyiv, Rutte and Mark Rutte met.';
    await scanner.rescan([el('a')], controller.signal);
    expect(texts()).toEqual(['In Kyiv, Rutte and Mark Rutte met.']);
    expect(coveredText().sort()).toEqual(['Kyiv', 'Kyiv', 'Mark Rutte', 'Rutte']);
  });

  it('builds the ranges again, without sending the text, when a leaf gets the same text in new nodes', async () => {
    const p = el('pa');
    const old = p.firstChild;
    p.textContent = 'Mark Rutte spoke in Kyiv.';
    expect(p.firstChild).not.toBe(old);
    await scanner.rescan([el('a')], controller.signal);
    expect(texts()).toEqual([]);
    const inP = painted.filter((r) => p.contains(r.startContainer));
    expect(inP.map((r) => r.startContainer)).toEqual([p.firstChild, p.firstChild]);
    expect(coveredText().sort()).toEqual(['Kyiv', 'Kyiv', 'Mark Rutte']);
  });

  it('builds the ranges again when the same text is split across nodes differently', async () => {
    const b = el('b').querySelector('b')!;
    b.textContent = '';
    b.append('Ky', 'iv');
    await scanner.rescan([el('b')], controller.signal);
    // The same parts (<b> is read as one leaf) and text: not sent, but the range now spans both nodes.
    expect(texts()).toEqual([]);
    const inB = painted.filter((r) => el('b').contains(r.startContainer));
    expect(inB).toHaveLength(1);
    expect(inB[0].startContainer).toBe(b.firstChild);
    expect(inB[0].endContainer).toBe(b.lastChild);
  });

  it('forgets the mentions of a removed block', async () => {
    el('b').remove();
    await scanner.rescan([el('feed')], controller.signal);
    expect(coveredText()).toEqual(['Mark Rutte', 'Kyiv']);
  });
});

describe('texts known to name nobody', () => {
  it('are not sent again by later rescans, and are again after a full scan', async () => {
    const time = el('a').querySelector('time')!;
    time.textContent = '5 s ago';
    await scanner.rescan([el('a')], controller.signal);
    time.textContent = '10 s ago';
    await scanner.rescan([el('a')], controller.signal);
    time.textContent = '5 s ago';
    await scanner.rescan([el('a')], controller.signal);
    expect(texts()).toEqual(['5 s ago', '10 s ago']);
    sent = [];
    await scanner.scanAll(controller.signal);
    expect(texts()).toContain('5 s ago');
  });

  it('are not remembered from a scan the background did not answer', async () => {
    el('pa').textContent = 'Rutte waited.';
    answering = false;
    await scanner.rescan([el('a')], controller.signal);
    expect(coveredText().sort()).toEqual(['Kyiv']);
    answering = true;
    el('a').querySelector('time')!.textContent = 'now';
    await scanner.rescan([el('a')], controller.signal);
    expect(texts().filter((t) => t === 'Rutte waited.')).toHaveLength(2);
    expect(coveredText().sort()).toEqual(['Kyiv', 'Rutte']);
  });
});

describe('a large page', () => {
  it('reads a reply of many texts in slices, giving the main thread back between them', async () => {
    document.body.innerHTML = Array.from({ length: 1500 }, (_, i) => `<p>Rutte met Kyiv's envoys, round ${i}.</p>`).join('');
    // A clock that reading the reply moves on: each text costs a millisecond.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const log: string[] = [];
    const realSetTimeout = globalThis.setTimeout;
    // Without scheduler.postTask (happy-dom) the scanner yields with a 0 ms timeout.
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((f: () => void, ms?: number) => {
      if (!ms) log.push('yield');
      return realSetTimeout(f, ms);
    }) as typeof setTimeout);
    let replies = 0;
    const big = createPageScanner({
      root: () => document.body,
      scan: async (items, options) => {
        const reply = replies++;
        return (k) => {
          log.push(`read ${reply}`);
          clock += 1;
          return matcher.scan(items[k].text, options, items[k].base);
        };
      },
      entities: matcher,
      options: { fuzzy: 'normal' },
      painter: () => painter,
      onUpdate: () => {},
    });
    await big.scanAll(controller.signal);
    // 1,500 texts go in two messages (at most 1,000 each).
    expect(replies).toBe(2);
    const first = log.indexOf('read 0');
    const last = log.lastIndexOf('read 0');
    expect(log.slice(first, last).filter((e) => e === 'read 0')).toHaveLength(999);
    // A slice is 8 ms; the clock is read every 64 texts: ~15 slices for 1,000 texts.
    expect(log.slice(first, last).filter((e) => e === 'yield').length).toBeGreaterThanOrEqual(10);
    expect(big.mentions().filter((m) => m.entity === 'mark-rutte')).toHaveLength(1500);
    big.dispose();
  });
});
