/**
 * Collects the page text the matcher sees, in chunks that never cross a
 * block boundary, with the text nodes behind each chunk so offsets can be
 * turned back into DOM positions in one lookup.
 *
 * Walks with firstChild/nextSibling instead of a TreeWalker with a filter:
 * a JS `acceptNode` makes the walk ~10× slower (TOOLCHAIN.md).
 */

export interface TextChunk {
  /** Nearest block-level ancestor (or shadow root host): what to rescan when it changes. */
  owner: Element;
  text: string;
  nodes: Text[];
  /** `starts[i]` is where `nodes[i]` begins in `text`. */
  starts: number[];
}

/** Elements whose text is never page prose, or that the user is editing. */
const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'svg', 'SVG', 'math', 'MATH', 'HEAD', 'TITLE',
]);

/** Elements that start a new line of text: a name never runs across them. */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'BR', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL',
  'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR',
  'HTML', 'LEGEND', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT',
  'TH', 'THEAD', 'TR', 'UL', 'HGROUP', 'MENU', 'OPTGROUP',
]);

/** Marks our own UI so the walker (and the mutation observer) ignore it. */
export const OWN_UI_ATTRIBUTE = 'data-fact-cards-ui';

export function isSkipped(el: Element): boolean {
  if (SKIP.has(el.tagName) || el.hasAttribute(OWN_UI_ATTRIBUTE)) return true;
  // isContentEditable covers contenteditable="true|plaintext-only" and inherited editing hosts.
  return (el as HTMLElement).isContentEditable === true;
}

export function isBlock(el: Element): boolean {
  return BLOCKS.has(el.tagName);
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

/**
 * Every chunk of text under `root`, in document order, including open shadow
 * roots. `root` itself is not checked for skipping: callers that rescan a
 * subtree check `isInsideSkipped(root)` first.
 */
export function collectChunks(root: Element): TextChunk[] {
  const doc = root.ownerDocument;
  if (doc && doc.designMode === 'on') return [];
  const chunks: TextChunk[] = [];
  let owner: Element = ownerBlock(root) ?? root;
  let nodes: Text[] = [];
  let starts: number[] = [];
  let text = '';

  const flush = () => {
    if (nodes.length && /\S/.test(text)) chunks.push({ owner, text, nodes, starts });
    nodes = [];
    starts = [];
    text = '';
  };

  const visit = (parent: Node) => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const data = (child as Text).data;
        if (data.length === 0) continue;
        starts.push(text.length);
        nodes.push(child as Text);
        text += data;
      } else if (child.nodeType === 1) {
        const el = child as Element;
        if (isSkipped(el)) {
          // A skipped inline element (a button, an input) still separates words.
          if (nodes.length) text += ' ';
          continue;
        }
        const block = isBlock(el);
        if (block) {
          flush();
        }
        const outer = owner;
        if (block) owner = el;
        const shadow = (el as HTMLElement).shadowRoot;
        if (shadow) {
          // Open shadow roots render instead of the light children (which reach
          // the page only through slots), so walk both as separate chunks.
          flush();
          const host = owner;
          owner = el;
          visit(shadow);
          flush();
          owner = host;
        }
        visit(el);
        if (block) {
          flush();
          owner = outer;
        }
      }
    }
  };
  visit(root);
  flush();
  return chunks;
}

/** Finds the text node and offset for a chunk offset (binary search over `starts`). */
export function positionAt(chunk: TextChunk, offset: number, preferEnd = false): { node: Text; offset: number } {
  const { starts, nodes } = chunk;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    // For an end offset on a node boundary, stay in the earlier node.
    if (starts[mid] < offset || (!preferEnd && starts[mid] === offset)) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo];
  return { node, offset: Math.min(offset - starts[lo], node.data.length) };
}
