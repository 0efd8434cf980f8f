/** Where a card points: a mention's text, a selection, or the top of the viewport. */
import type { CardAnchor } from '@/components/card-ui-contract';
import { measuringRange } from '../mention-index';
import type { PageMention } from '../page-scanner';

export function mentionAnchor(m: PageMention, point?: { x: number; y: number }): CardAnchor {
  return {
    getBoundingClientRect: () => measuringRange(m).getBoundingClientRect(),
    getClientRects: () => measuringRange(m).getClientRects(),
    contextElement: m.range.startContainer.parentElement ?? undefined,
    point,
  };
}

export function rangeAnchor(range: Range): CardAnchor {
  return {
    getBoundingClientRect: () => range.getBoundingClientRect(),
    getClientRects: () => range.getClientRects(),
    contextElement: range.commonAncestorContainer.parentElement ?? undefined,
  };
}

export const viewportAnchor = (): CardAnchor => ({
  getBoundingClientRect: () => new DOMRect(innerWidth / 2 - 180, 80, 0, 0),
  getClientRects: () => [],
});
