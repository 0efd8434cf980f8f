/**
 * Touch and clicks: a tap on a name opens its card instead of following a
 * link underneath; a tap or click elsewhere closes an open card. Trusted
 * events only.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { mentionAtPoint, type MentionIndex } from '../mention-index';
import { mentionAnchor } from './anchors';
import type { CardMachine } from './machine';

export function registerTouch(ctx: ContentScriptContext, deps: {
  machine: CardMachine;
  mentions: () => MentionIndex;
  inCard: (event: Event) => boolean;
}): void {
  let lastPointerType = 'mouse';

  ctx.addEventListener(document, 'pointerdown', (event) => {
    if (!event.isTrusted) return;
    lastPointerType = event.pointerType;
    if (deps.machine.state().status !== 'open' || deps.inCard(event)) return;
    const onName = event.pointerType === 'touch' && mentionAtPoint(deps.mentions(), event.clientX, event.clientY);
    if (!onName) deps.machine.close();
  }, { capture: true });

  ctx.addEventListener(document, 'click', (event) => {
    if (!event.isTrusted || lastPointerType !== 'touch' || deps.inCard(event)) return;
    const m = mentionAtPoint(deps.mentions(), event.clientX, event.clientY);
    if (!m) return;
    event.preventDefault();
    event.stopPropagation();
    void deps.machine.open({ entity: m.entity, mention: m, anchor: mentionAnchor(m, { x: event.clientX, y: event.clientY }) });
  }, { capture: true });
}
