/**
 * Paints mentions on the page. Two ways:
 * - `highlight` (default): the CSS Custom Highlight API with StaticRanges. The
 *   page's DOM is never touched. StaticRange, not Range: live Ranges make every
 *   later DOM change on the page 50–200× slower in Chromium (2,000 appends:
 *   5–9 ms without, 0.4–1.2 s with 2,300 registered Ranges; StaticRange does not).
 * - `marks`: wraps each mention in a <fact-cards-mark> element, for browsers
 *   without the API and for assistive technology that reads elements.
 * Styles go into a constructed stylesheet on `adoptedStyleSheets`, which works
 * on strict-CSP pages where a <style> element would be blocked.
 */
import type { HighlightStyle, PaintMode } from '@/lib/settings/settings';
import type { HighlightGate } from '@/lib/settings/private-library';

export type { HighlightStyle, PaintMode };

export const HIGHLIGHT_NAME = 'fact-cards';
export const ACTIVE_HIGHLIGHT_NAME = 'fact-cards-active';
export const MARK_TAG = 'fact-cards-mark';

export interface PaintRange {
  startContainer: Node;
  startOffset: number;
  endContainer: Node;
  endOffset: number;
}

export interface MentionPainter {
  readonly mode: PaintMode;
  /** Replaces everything painted with `ranges`. */
  paint(ranges: PaintRange[]): void;
  /** Removes everything painted (marks mode: restores the page's elements). */
  clear(): void;
  /** Emphasises one mention (the one whose card is open), or none. */
  setActive(range: PaintRange | null): void;
  setStyle(style: HighlightStyle, colour: string): void;
  dispose(): void;
}

export function highlightApiAvailable(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function' && typeof StaticRange === 'function';
}

/**
 * Gecko only: Firefox (ESR 153) still reads the prefixed property, Chromium
 * never did. Firefox gives highlight pseudo-elements no inheritance (below).
 */
const GECKO = '@supports (-moz-appearance: none)';

/**
 * A style's declarations. Each sets both the underline and the background, so
 * that it overrides the default rules the content script's manifest CSS
 * already gives the page (see `preStyled`).
 */
function declarations(style: HighlightStyle, colour: string) {
  const decoration =
    style === 'background'
      ? `text-decoration-line: none; background-color: color-mix(in srgb, ${colour} 28%, transparent);`
      : `text-decoration-line: underline; text-decoration-style: ${style === 'dotted' ? 'dotted' : 'solid'}; text-decoration-color: ${colour}; text-decoration-thickness: 2px; text-underline-offset: 2px; background-color: transparent;`;
  return { decoration, active: `background-color: color-mix(in srgb, ${colour} 35%, transparent);` };
}

/**
 * The rules of a style, as the manifest CSS gives them to every page.
 *
 * Chromium gives highlight pseudo-elements highlight inheritance: one
 * `:root::highlight()` rule reaches the text of every element, in open shadow
 * trees too, and costs the style of one element. A bare `::highlight()` rule
 * is matched and computed for every element at every style recalc: the first
 * style of a 125,000-element table took 1.14–1.27 s with it and 0.74–0.85 s
 * without (same Chromium, same page, three runs). Firefox inherits nothing
 * into highlights, so there, and only there, the rule is on every element.
 */
export function highlightCss(style: HighlightStyle, colour: string): string {
  const { decoration, active } = declarations(style, colour);
  return `
:root::highlight(${HIGHLIGHT_NAME}) { ${decoration} }
:root::highlight(${ACTIVE_HIGHLIGHT_NAME}) { ${active} }
${GECKO} { ::highlight(${HIGHLIGHT_NAME}) { ${decoration} } ::highlight(${ACTIVE_HIGHLIGHT_NAME}) { ${active} } }
${MARK_TAG} { all: unset; display: inline; ${decoration} }
${MARK_TAG}[data-active] { ${active} }
`;
}

/**
 * The rules of a style for a sheet we adopt: into the document when the
 * style is not the manifest's, and into every shadow root we paint in.
 * - In the document they must outrank the manifest's rules whatever order a
 *   browser puts the two sheets in (Firefox puts content-script CSS after
 *   adopted sheets, Chromium before): `:root:root::highlight()` over
 *   `:root::highlight()` in Chromium, `:root ::highlight()` over
 *   `::highlight()` in Firefox, `:root` before a mark.
 * - In a shadow root `:root` matches nothing: Chromium's shadow trees inherit
 *   the document root's highlight style, Firefox's get the bare rules.
 */
export function adoptedCss(style: HighlightStyle, colour: string): string {
  const { decoration, active } = declarations(style, colour);
  const mark = `${MARK_TAG} { all: unset; display: inline; ${decoration} }`;
  const activeMark = `${MARK_TAG}[data-active] { ${active} }`;
  const gecko = (scope: string) => `${scope}::highlight(${HIGHLIGHT_NAME}) { ${decoration} } ${scope}::highlight(${ACTIVE_HIGHLIGHT_NAME}) { ${active} }`;
  return `
:root:root::highlight(${HIGHLIGHT_NAME}) { ${decoration} }
:root:root::highlight(${ACTIVE_HIGHLIGHT_NAME}) { ${active} }
${GECKO} { ${gecko('')} ${gecko(':root ')} }
${mark}
${activeMark}
:root ${mark}
:root ${activeMark}
`;
}

/**
 * Rules the document already has before we paint: the content script's
 * manifest CSS, which the browser adds before the page is first styled. A
 * stylesheet added later restyles every element of the page (1.3 s on a
 * 225,000-node table in a CPU profile), so with these rules the document
 * gets a sheet of its own only for a style other than the default; shadow
 * roots, which document styles don't reach, always get one.
 */
export interface PreStyled {
  style: HighlightStyle;
  colour: string;
}

/** One constructed sheet shared by the document and any open shadow roots we paint in. */
function createSheet(doc: Document, style: HighlightStyle, colour: string, preStyled?: PreStyled) {
  const sheet = new (doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet)();
  sheet.replaceSync(adoptedCss(style, colour));
  const documentHasIt = (s: HighlightStyle, c: string) => !!preStyled && preStyled.style === s && preStyled.colour.toLowerCase() === c.toLowerCase();
  const adopters = new Set<Document | ShadowRoot>();
  const adopt = (target: Document | ShadowRoot) => {
    if (adopters.has(target)) return;
    adopters.add(target);
    try {
      target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
    } catch {
      // A page that froze adoptedStyleSheets: highlights still exist, unstyled.
    }
  };
  if (!documentHasIt(style, colour)) adopt(doc);
  return {
    adopt,
    update: (s: HighlightStyle, c: string) => {
      sheet.replaceSync(adoptedCss(s, c));
      if (!documentHasIt(s, c)) adopt(doc);
    },
    dispose: () => {
      for (const target of adopters) {
        try {
          target.adoptedStyleSheets = target.adoptedStyleSheets.filter((s) => s !== sheet);
        } catch {}
      }
      adopters.clear();
    },
  };
}

/** Shadow roots a range lives in need the sheet too: document styles don't reach them. */
function adoptShadowRoots(ranges: PaintRange[], adopt: (root: ShadowRoot) => void) {
  let last: Node | null = null;
  for (const r of ranges) {
    const root = r.startContainer.getRootNode();
    if (root !== last && root.nodeType === 11 && (root as ShadowRoot).host) adopt(root as ShadowRoot);
    last = root;
  }
}

export function createHighlightPainter(doc: Document, style: HighlightStyle, colour: string, preStyled?: PreStyled): MentionPainter {
  const sheet = createSheet(doc, style, colour, preStyled);
  const highlight = new Highlight();
  const active = new Highlight();
  // Above page highlights of the default priority, so ours stay visible.
  highlight.priority = 1;
  active.priority = 2;
  CSS.highlights.set(HIGHLIGHT_NAME, highlight);
  CSS.highlights.set(ACTIVE_HIGHLIGHT_NAME, active);
  const toStatic = (r: PaintRange) => (r instanceof StaticRange ? r : new StaticRange(r));
  // What we registered, kept on our side: a Firefox content script cannot
  // iterate the page's Highlight ("Xray wrapping of iterators not supported").
  const registered = new Set<StaticRange>();
  return {
    mode: 'highlight',
    paint(ranges) {
      adoptShadowRoots(ranges, sheet.adopt);
      // A diff, not clear-and-refill: rescans reuse the StaticRanges of
      // unchanged text, so a small change touches few entries.
      const next = new Set(ranges.map(toStatic));
      for (const r of registered) {
        if (next.has(r)) continue;
        highlight.delete(r);
        registered.delete(r);
      }
      for (const r of next) {
        // Asked of the highlight itself: the page may have removed entries.
        if (!highlight.has(r)) highlight.add(r);
        registered.add(r);
      }
    },
    clear() {
      highlight.clear();
      registered.clear();
      active.clear();
    },
    setActive(range) {
      active.clear();
      if (range) active.add(toStatic(range));
    },
    setStyle: sheet.update,
    dispose() {
      // Only delete our own entries: the page may keep highlights of its own.
      if (CSS.highlights.get(HIGHLIGHT_NAME) === highlight) CSS.highlights.delete(HIGHLIGHT_NAME);
      if (CSS.highlights.get(ACTIVE_HIGHLIGHT_NAME) === active) CSS.highlights.delete(ACTIVE_HIGHLIGHT_NAME);
      sheet.dispose();
    },
  };
}

/**
 * Inline marks. `withoutObserving` runs our DOM writes with the page's
 * mutation observer paused, so we never react to our own work.
 */
export function createMarkPainter(
  doc: Document,
  style: HighlightStyle,
  colour: string,
  withoutObserving: (write: () => void) => void,
  preStyled?: PreStyled,
): MentionPainter {
  const sheet = createSheet(doc, style, colour, preStyled);
  let marks: HTMLElement[] = [];
  let activeMark: HTMLElement | null = null;

  const unwrapAll = () => {
    for (const mark of marks) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      parent.removeChild(mark);
    }
    marks = [];
  };

  const wrap = (r: PaintRange) => {
    // Only single-text-node mentions are wrapped: splitting across elements
    // would change the page's structure more than a mark is worth.
    if (r.startContainer !== r.endContainer || r.startContainer.nodeType !== 3) return;
    const text = r.startContainer as Text;
    if (!text.parentNode || r.endOffset > text.length) return;
    const middle = r.startOffset > 0 ? text.splitText(r.startOffset) : text;
    if (r.endOffset - r.startOffset < middle.length) middle.splitText(r.endOffset - r.startOffset);
    const mark = doc.createElement(MARK_TAG);
    middle.parentNode!.insertBefore(mark, middle);
    mark.appendChild(middle);
    marks.push(mark);
  };

  return {
    mode: 'marks',
    paint(ranges) {
      adoptShadowRoots(ranges, sheet.adopt);
      withoutObserving(() => {
        unwrapAll();
        // Back to front (ranges come in document order), so a split never
        // shifts the offsets of a mention still to be wrapped.
        for (let i = ranges.length - 1; i >= 0; i--) wrap(ranges[i]);
      });
    },
    clear() {
      withoutObserving(unwrapAll);
      activeMark = null;
    },
    setActive(range) {
      activeMark?.removeAttribute('data-active');
      activeMark = null;
      const el = range?.startContainer.parentElement;
      if (el?.tagName.toLowerCase() === MARK_TAG) {
        withoutObserving(() => el.setAttribute('data-active', ''));
        activeMark = el as HTMLElement;
      }
    },
    setStyle: sheet.update,
    dispose() {
      withoutObserving(unwrapAll);
      sheet.dispose();
    },
  };
}

/**
 * A painter that registers only what the gate lets a page see (the
 * private-library setting, lib/settings/private-library.ts). Opening a card
 * makes its range the active one: that reveals the range, and the
 * Highlight API painter then shows it among the rest. Marks are only ever
 * painted whole, from a fresh scan (wrapping splits the page's text nodes,
 * so the same ranges can't be painted twice): in marks mode a private name
 * stays unmarked, and its card still opens.
 */
export function createGatedPainter(inner: MentionPainter, gate: HighlightGate<PaintRange>): MentionPainter {
  let requested: PaintRange[] = [];
  return {
    get mode() {
      return inner.mode;
    },
    paint(ranges) {
      requested = ranges;
      inner.paint(gate.visible(ranges));
    },
    clear() {
      requested = [];
      inner.clear();
    },
    setActive(range) {
      if (range && gate.reveal(range) && inner.mode === 'highlight') inner.paint(gate.visible(requested));
      inner.setActive(range);
    },
    setStyle: (style, colour) => inner.setStyle(style, colour),
    dispose: () => inner.dispose(),
  };
}
