/**
 * Hover intent: the name under a resting pointer opens its card after the
 * hover delay; leaving the name and the card closes it after a grace.
 * Hit-testing needs no elements (mention-index.ts). Only the reader's own
 * pointer counts: events a page script dispatches (`isTrusted` false) are
 * ignored, so a page can't open a card to read what the library holds.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { mentionAtPoint, type MentionIndex } from '../mention-index';
import { mentionAnchor } from './anchors';
import type { CardMachine } from './machine';

export function registerHover(ctx: ContentScriptContext, deps: {
  machine: CardMachine;
  mentions: () => MentionIndex;
  inCard: (event: Event) => boolean;
}): { recheck(): void; pointerInCard(inside: boolean): void } {
  let frame = 0;
  let last: { x: number; y: number; inCard: boolean } | undefined;
  /**
   * The card's frame says the pointer is in it. This document then hears
   * nothing more until the pointer is back on the page, so a decision still
   * pending from the pointer's way across the gap must not start the close.
   */
  let inFrame = false;

  const decide = () => {
    frame = 0;
    if (!last) return;
    if (last.inCard || inFrame) return deps.machine.hover(null, true);
    const m = mentionAtPoint(deps.mentions(), last.x, last.y);
    deps.machine.hover(m ? { entity: m.entity, mention: m, anchor: mentionAnchor(m, { x: last.x, y: last.y }) } : null, false);
  };

  const onPointer = (event: PointerEvent) => {
    if (!event.isTrusted || event.pointerType === 'touch') return;
    // composedPath() is empty once dispatch ends: read it now, hit-test in the next frame.
    last = { x: event.clientX, y: event.clientY, inCard: deps.inCard(event) };
    // Back on the page: this document decides again.
    if (!last.inCard) inFrame = false;
    frame ||= requestAnimationFrame(decide);
  };
  ctx.addEventListener(document, 'pointermove', onPointer, { passive: true, capture: true });
  // The card is drawn in a frame: moves inside it reach the frame's document,
  // not this one, which sees only the pointer entering the frame's element.
  ctx.addEventListener(document, 'pointerover', onPointer, { passive: true, capture: true });

  return {
    /** Where the pointer last was, decided again (a card just opened: is the pointer still on its name?). */
    recheck() {
      if (last && !last.inCard && !inFrame) frame ||= requestAnimationFrame(decide);
    },
    /**
     * From the card's frame. In, the card stays; out, nothing yet: the
     * page's own next pointer event says where the pointer went (back on the
     * name, or away, which starts the close).
     */
    pointerInCard(inside) {
      inFrame = inside;
      if (inside) deps.machine.hover(null, true);
    },
  };
}
