/**
 * The fact card's UI (Preact, the card components and styles, floating-ui),
 * loaded by the content script the first time a card opens, so pages that
 * never show a card never parse it.
 */
import { createCardHost } from '@/components/CardHost';
import { CARD_UI_KEY, type CardUi } from '@/components/card-ui-contract';

export default defineUnlistedScript(() => {
  const ui: CardUi = { createCardHost };
  (globalThis as Record<symbol, unknown>)[CARD_UI_KEY] = ui;
});
