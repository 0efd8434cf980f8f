/**
 * Which mentions to register as highlights. Up to WINDOW_LIMIT, all of them.
 * Beyond that, only those whose block is within a screen of the viewport:
 * Chromium's rendering slows with every registered range (a 5 MB page with
 * 15,000 ranges spent 228 ms in one frame after registering them, and the
 * page's own DOM work got 1.2–1.6× slower with 3,000 — `npm run bench`).
 * An IntersectionObserver over the mentions' blocks keeps the window current
 * as the reader scrolls; hit-testing and navigation still use every mention.
 */
import type { PageMention } from './page-mention';

export const WINDOW_LIMIT = 2000;
const OBSERVE_PER_FRAME = 2000;

export interface HighlightWindow {
  /** The page's mentions changed. */
  update(mentions: readonly PageMention[]): void;
  dispose(): void;
}

export function createHighlightWindow(paint: (mentions: readonly PageMention[]) => void, limit = WINDOW_LIMIT): HighlightWindow {
  let all: readonly PageMention[] = [];
  let byOwner = new Map<Element, PageMention[]>();
  const near = new Set<Element>();
  let observer: IntersectionObserver | undefined;
  let frame = 0;
  /** Blocks still to observe: a few thousand a frame, so starting the observer never blocks the page. */
  let toObserve: Element[] = [];
  let observing = 0;
  const observeSome = () => {
    observing = 0;
    const io = observer;
    if (!io) return;
    for (const owner of toObserve.splice(0, OBSERVE_PER_FRAME)) if (byOwner.has(owner)) io.observe(owner);
    if (toObserve.length) observing = requestAnimationFrame(observeSome);
  };

  const paintNear = () => {
    frame = 0;
    const shown: PageMention[] = [];
    for (const owner of near) {
      const list = byOwner.get(owner);
      if (list) for (const m of list) shown.push(m);
    }
    paint(shown);
  };

  const observe = () =>
    (observer ??= new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          if (e.isIntersecting) near.add(e.target);
          else near.delete(e.target);
        }
        frame ||= requestAnimationFrame(paintNear);
      },
      // A screen above and below, so scrolling rarely reaches unpainted text.
      { rootMargin: '100% 0px 100% 0px' },
    ));

  return {
    update(mentions) {
      all = mentions;
      if (all.length <= limit) {
        observer?.disconnect();
        observer = undefined;
        toObserve = [];
        near.clear();
        byOwner.clear();
        paint(all);
        return;
      }
      const next = new Map<Element, PageMention[]>();
      for (const m of all) {
        const list = next.get(m.owner);
        if (list) list.push(m);
        else next.set(m.owner, [m]);
      }
      const io = observe();
      for (const owner of byOwner.keys()) {
        if (!next.has(owner)) {
          io.unobserve(owner);
          near.delete(owner);
        }
      }
      for (const owner of next.keys()) if (!byOwner.has(owner)) toObserve.push(owner);
      byOwner = next;
      observing ||= requestAnimationFrame(observeSome);
      // Blocks already known to be near are painted now; new ones when the observer reports them.
      paintNear();
    },
    dispose() {
      observer?.disconnect();
      if (frame) cancelAnimationFrame(frame);
      if (observing) cancelAnimationFrame(observing);
    },
  };
}
