/**
 * Collects the page text the matcher sees, in chunks that never cross a
 * block boundary, with the nodes behind each chunk so offsets can be
 * turned back into DOM positions in one lookup.
 *
 * Walks with firstChild/nextSibling instead of a TreeWalker with a filter:
 * a JS `acceptNode` makes the walk ~10× slower than filtering in our own loop.
 */

export interface TextChunk {
  /** Nearest block-level ancestor (or shadow root host): what to rescan when it changes. */
  owner: Element;
  text: string;
  /**
   * Where the text came from, in order: text nodes, and elements without
   * element children (a table cell, a link), whose text is read in one
   * `textContent` call. A content script gets a wrapper object for every
   * node it touches, which the garbage collector processes one by one: after
   * a 225,000-node table was walked, an 81 ms pause spent 43 ms on them
   * (trace). A leaf's text nodes are touched only when a mention in them is
   * painted (`positionAt`).
   */
  parts: (Text | Element)[];
  /** `starts[i]` is where `parts[i]` begins in `text`. */
  starts: number[];
}

// Keyed by localName, not tagName: tagName is upper-case only for HTML
// elements in HTML documents, so in XHTML (application/xhtml+xml) it reads
// "textarea", "p" … and an upper-case set would skip nothing.

/** Elements whose text is never page prose, or that the user is editing. */
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'button',
  'iframe', 'frame', 'object', 'embed', 'canvas', 'video', 'audio', 'svg', 'math', 'head', 'title',
]);

/** Elements that start a new line of text: a name never runs across them. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'dd', 'details', 'dialog', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr',
  'html', 'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot',
  'th', 'thead', 'tr', 'ul', 'hgroup', 'menu', 'optgroup',
]);

/** Marks our own UI so the walker (and the mutation observer) ignore it. */
export const OWN_UI_ATTRIBUTE = 'data-fact-cards-ui';

export function isSkipped(el: Element): boolean {
  // isContentEditable also covers editing inherited from an ancestor.
  return skippedOnTheWay(el) || (el as HTMLElement).isContentEditable === true;
}

/**
 * isSkipped for an element met on the walk down from a root that is not
 * itself skipped: nothing above it is an editor, so only an editing host of
 * its own (the attribute) can make it one. Cheaper than isContentEditable,
 * which Chromium answers from the element's computed style, on a walk that
 * visits every element of the page; most elements have no attributes at all.
 */
function skippedOnTheWay(el: Element): boolean {
  if (SKIP.has(el.localName)) return true;
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute(OWN_UI_ATTRIBUTE)) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

/**
 * Elements that may have a shadow root: custom elements and the few built-in
 * ones attachShadow() accepts. Reading `shadowRoot` crosses into the browser
 * and was the walk's single largest cost on a 225,000-node table (CPU
 * profile), so a <td>, <a> or <li> is never asked.
 */
const SHADOW_HOSTS = new Set([
  'article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main', 'nav', 'p',
  'section', 'span',
]);
const mayHostShadow = (name: string) => SHADOW_HOSTS.has(name) || name.includes('-');

export function isBlock(el: Element): boolean {
  return BLOCKS.has(el.localName);
}

/** The element to rescan when `node` changes: its nearest block ancestor. */
export function ownerBlock(node: Node): Element | null {
  let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (el && !isBlock(el)) {
    const parent: Element | null = el.parentElement ?? ((el.parentNode as ShadowRoot | null)?.host ?? null);
    if (!parent) return el;
    el = parent;
  }
  return el;
}

/** True when `node` sits inside a region the walker skips (editor, field, our UI …). */
export function isInsideSkipped(node: Node): boolean {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement ?? ((el.parentNode as ShadowRoot | null)?.host ?? null)) {
    if (isSkipped(el)) return true;
  }
  return false;
}

const HAS_LETTER = /\p{L}/u;
const ONE_NODE: number[] = Object.freeze([0]) as unknown as number[];

/** Where the walk resumes: the next sibling to visit under one parent. */
interface Frame {
  next: Node | null;
  /** The owner to restore when this frame ends. */
  exitOwner: Element;
  /** A block (or a shadow root) ends its chunk when its frame ends. */
  ends: boolean;
}

export interface ChunkCursor {
  /** Chunks found until `deadline` (a performance.now() time) passes; call again to go on. */
  take(deadline: number): TextChunk[];
  readonly done: boolean;
}

/**
 * Walks every chunk of text under `root`, in document order, including open
 * shadow roots, and can stop at a deadline and resume: a large page is read
 * in slices that yield to the page. An explicit stack instead of recursion
 * makes the pause possible. `root` itself is not checked for skipping:
 * callers that rescan a subtree check `isInsideSkipped(root)` first; an
 * editable root reads as empty.
 * `onShadowRoot` hears of every open shadow root on the way, so the mutation
 * observer can watch it (a subtree observer stops at shadow boundaries).
 */
export function chunkCursor(root: Element, onShadowRoot?: (root: ShadowRoot) => void): ChunkCursor {
  const doc = root.ownerDocument;
  let owner: Element = ownerBlock(root) ?? root;
  let parts: (Text | Element)[] = [];
  let starts: number[] = [];
  let text = '';
  let out: TextChunk[] = [];
  // An editable root (designMode, or a <body contenteditable> as rich-text
  // editors' frames have) is never read; below it the walk checks only each
  // element's own attribute (skippedOnTheWay).
  const editable = (doc && doc.designMode === 'on') || (root as HTMLElement).isContentEditable === true;
  const stack: Frame[] = editable ? [] : [{ next: root.firstChild, exitOwner: owner, ends: true }];

  const flush = () => {
    // Most blocks end with no text of their own (a row, a list): nothing to replace.
    if (!parts.length) return;
    if (!HAS_LETTER.test(text)) {
      // No letter, so no name: whitespace between blocks, and the numbers,
      // dates and amounts that fill most cells of a table (three in four on
      // the bench's register). The lists are reused, not handed out.
      parts.length = 0;
      starts.length = 0;
    } else if (parts.length === 1) {
      // Most chunks are one part (a table cell): they share one `starts`.
      out.push({ owner, text, parts, starts: ONE_NODE });
      parts = [];
      starts.length = 0;
    } else {
      out.push({ owner, text, parts, starts });
      parts = [];
      starts = [];
    }
    text = '';
  };
  const add = (part: Text | Element, data: string) => {
    starts.push(text.length);
    parts.push(part);
    text += data;
  };

  return {
    get done() {
      return stack.length === 0;
    },
    take(deadline) {
      out = [];
      let visited = 0;
      while (stack.length) {
        // The clock every 32 nodes: a node the content script touches for the
        // first time costs it a wrapper, and on a settled 1 MB page 256 such
        // visits took 12–35 ms, so slices meant to last 8 ms ran far over.
        if ((++visited & 31) === 0 && performance.now() > deadline) return out;
        const frame = stack[stack.length - 1];
        const child = frame.next;
        if (child === null) {
          stack.pop();
          if (frame.ends) flush();
          owner = frame.exitOwner;
          continue;
        }
        frame.next = child.nextSibling;
        if (child.nodeType === 3) {
          const data = (child as Text).data;
          if (data.length !== 0) add(child as Text, data);
        } else if (child.nodeType === 1) {
          const el = child as Element;
          const name = el.localName;
          if (skippedOnTheWay(el)) {
            // A skipped inline element (a button, an input) still separates words.
            if (parts.length) text += ' ';
            continue;
          }
          const block = BLOCKS.has(name);
          const shadow = mayHostShadow(name) ? (el as HTMLElement).shadowRoot : null;
          if (!shadow && el.firstElementChild === null) {
            // A leaf: all of its text at once, without touching its text nodes.
            const data = el.textContent ?? '';
            if (block) {
              flush();
              const outer = owner;
              owner = el;
              if (data.length !== 0) add(el, data);
              flush();
              owner = outer;
            } else if (data.length !== 0) add(el, data);
            continue;
          }
          if (block) flush();
          const outer = owner;
          if (block) owner = el;
          stack.push({ next: el.firstChild, exitOwner: outer, ends: block });
          if (shadow) {
            // Open shadow roots render instead of the light children (which
            // reach the page only through slots): walk both, the shadow first,
            // as chunks of their own.
            flush();
            onShadowRoot?.(shadow);
            stack.push({ next: shadow.firstChild, exitOwner: owner, ends: true });
            owner = el;
          }
        }
      }
      flush();
      return out;
    },
  };
}

/** Every chunk of text under `root` at once (rescans of one block, the scan CLI). */
export function collectChunks(root: Element): TextChunk[] {
  return chunkCursor(root).take(Infinity);
}

/**
 * Finds the text node and offset for a chunk offset (binary search over
 * `starts`, then through a leaf element's text nodes). For an end offset on a
 * node boundary (`preferEnd`) it stays in the earlier node.
 */
export function positionAt(chunk: TextChunk, offset: number, preferEnd = false): { node: Node; offset: number } {
  const { starts, parts } = chunk;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] < offset || (!preferEnd && starts[mid] === offset)) lo = mid;
    else hi = mid - 1;
  }
  const part = parts[lo];
  let rest = offset - starts[lo];
  if (part.nodeType !== 1) return { node: part, offset: Math.min(rest, (part as Text).length) };
  // A leaf element: its text is that of its text (and CDATA) children, in order.
  let last: Text | null = null;
  for (let n = part.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 3 && n.nodeType !== 4) continue;
    const length = (n as Text).length;
    if (rest < length || (preferEnd && rest === length)) return { node: n, offset: rest };
    rest -= length;
    last = n as Text;
  }
  // The text got shorter since it was read (a rescan is on its way): its end.
  return last ? { node: last, offset: last.length } : { node: part, offset: 0 };
}
