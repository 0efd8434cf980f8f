import type { Mention } from '@/lib/match/types';

/** A mention found on this page: where it is, as a range the painter and the card anchor to, and the element that holds it. */
export interface PageMention extends Mention {
  range: StaticRange;
  owner: Element;
}
