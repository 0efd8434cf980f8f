/**
 * The card's host on the page (the extension frames that draw the card and
 * the notice, their private channel, floating-ui positioning), loaded by the
 * content script the first time a card or notice shows, so pages that never
 * show one never parse it. The card itself is drawn by card-frame.html.
 */
import { CARD_UI_KEY, type CardUi } from '@/components/card-ui-contract';
import { createCardHost } from './card-host';

export default defineUnlistedScript(() => {
  const ui: CardUi = { createCardHost };
  (globalThis as Record<symbol, unknown>)[CARD_UI_KEY] = ui;
});
