/**
 * Keyboard: Esc closes the card (focus goes back where it was), Tab from the
 * page moves into an open card, ← → in the card step through the entity's
 * mentions on the page. The open-card command arrives as a message (index.ts).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { MentionIndex } from '../mention-index';
import type { PageMention } from '../page-scanner';
import type { CardMachine, OpenCard } from './machine';

export function registerKeyboard(ctx: ContentScriptContext, deps: {
  machine: CardMachine;
  mentions: () => MentionIndex;
  cardHasFocus: () => boolean;
  focusCard: () => void;
  step: (to: PageMention, card: OpenCard) => void;
}): void {
  ctx.addEventListener(document, 'keydown', (event) => {
    const state = deps.machine.state();
    if (!event.isTrusted || state.status !== 'open') return;
    if (event.key === 'Escape') {
      deps.machine.close();
      return;
    }
    if (event.key === 'Tab' && !deps.cardHasFocus()) {
      event.preventDefault();
      state.returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      deps.focusCard();
      return;
    }
    const mention = state.target.mention;
    if (deps.cardHasFocus() && mention && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) {
      const list = deps.mentions().ofEntity(state.target.entity);
      if (list.length < 2) return;
      event.preventDefault();
      const at = list.indexOf(mention);
      deps.step(list[(at + (event.key === 'ArrowRight' ? 1 : -1) + list.length) % list.length], state);
    }
  }, { capture: true });
}
