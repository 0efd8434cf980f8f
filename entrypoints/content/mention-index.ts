/**
 * Lookups over the page's mentions: which mention sits at a text position
 * (hit-testing) and the mentions of one entity in document order (card
 * navigation, the popup's scroll-to).
 */
import type { PageMention } from './page-mention';

export interface MentionIndex {
  at(node: Node, offset: number): PageMention | undefined;
  ofEntity(entity: string): PageMention[];
  all(): readonly PageMention[];
  /** Open shadow roots holding mentions, with the roots around them (for hit-testing). */
  shadowRoots(): ShadowRoot[];
}

function before(a: PageMention, b: PageMention): number {
  if (a.range.startContainer === b.range.startContainer) return a.range.startOffset - b.range.startOffset;
  return a.range.startContainer.compareDocumentPosition(b.range.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

export function indexMentions(mentions: readonly PageMention[]): MentionIndex {
  // Built on first use: a page is indexed on every update, hit-tested far less often.
  let byNode: Map<Node, PageMention[]> | undefined;
  const nodeIndex = () => {
    if (byNode) return byNode;
    const index = new Map<Node, PageMention[]>();
    const add = (node: Node, m: PageMention) => {
      const list = index.get(node);
      if (list) list.push(m);
      else index.set(node, [m]);
    };
    for (const m of mentions) {
      add(m.range.startContainer, m);
      if (m.range.endContainer !== m.range.startContainer) add(m.range.endContainer, m);
    }
    return (byNode = index);
  };
  let byEntity: Map<string, PageMention[]> | undefined;
  let roots: ShadowRoot[] | undefined;
  return {
    at(node, offset) {
      return nodeIndex().get(node)?.find((m) => {
        const { startContainer, startOffset, endContainer, endOffset } = m.range;
        const afterStart = node !== startContainer || offset >= startOffset;
        const beforeEnd = node !== endContainer || offset < endOffset;
        return afterStart && beforeEnd;
      });
    },
    ofEntity(entity) {
      // Built on first use: hovering is far more common than navigating.
      if (!byEntity) {
        byEntity = new Map();
        for (const m of mentions) {
          const list = byEntity.get(m.entity);
          if (list) list.push(m);
          else byEntity.set(m.entity, [m]);
        }
        for (const list of byEntity.values()) list.sort(before);
      }
      return byEntity.get(entity) ?? [];
    },
    all: () => mentions,
    shadowRoots() {
      if (roots) return roots;
      const found = new Set<ShadowRoot>();
      let last: Node | undefined;
      for (const m of mentions) {
        const root = m.range.startContainer.getRootNode();
        if (root === last) continue;
        last = root;
        // Nested roots: the caret only enters a root whose outer roots are listed too.
        for (let r: Node = root; r instanceof ShadowRoot && !found.has(r); r = r.host.getRootNode()) found.add(r);
      }
      return (roots = [...found]);
    },
  };
}

/** A temporary live Range for measuring (never registered as a highlight). */
export function measuringRange(m: PageMention): Range {
  const r = document.createRange();
  r.setStart(m.range.startContainer, m.range.startOffset);
  r.setEnd(m.range.endContainer, m.range.endOffset);
  return r;
}

function caretAt(x: number, y: number, shadowRoots: ShadowRoot[]): { node: Node; offset: number } | undefined {
  const doc = document as Document & {
    caretPositionFromPoint?: (
      x: number,
      y: number,
      options?: { shadowRoots?: ShadowRoot[] },
    ) => { offsetNode: Node; offset: number } | null;
  };
  if (doc.caretPositionFromPoint) {
    // Without `shadowRoots` the caret is retargeted to the shadow host, so a
    // mention inside an open shadow root could never be hovered (Chrome 128+).
    const p = doc.caretPositionFromPoint(x, y, shadowRoots.length ? { shadowRoots } : undefined);
    return p ? { node: p.offsetNode, offset: p.offset } : undefined;
  }
  const r = document.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : undefined;
}

/**
 * The mention under a point. The caret snaps to the nearest character even
 * beside a line's end, so the hit is confirmed against the mention's rects.
 */
export function mentionAtPoint(index: MentionIndex, x: number, y: number): PageMention | undefined {
  const caret = caretAt(x, y, index.shadowRoots());
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return undefined;
  // The caret lands after the character under the pointer's right half.
  const m = index.at(caret.node, caret.offset) ?? (caret.offset > 0 ? index.at(caret.node, caret.offset - 1) : undefined);
  if (!m) return undefined;
  for (const rect of measuringRange(m).getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return m;
  }
  return undefined;
}
