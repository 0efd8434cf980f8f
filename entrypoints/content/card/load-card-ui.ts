/**
 * Loads the card UI (entrypoints/card-ui) the first time a card opens. It is
 * a web-accessible file with `use_dynamic_url` in Chromium: its address
 * carries a per-session id instead of the extension's, so a page can't probe
 * for it to learn that Fact Cards is installed.
 */
import { browser } from 'wxt/browser';
import { CARD_UI_KEY, type CardUi } from '@/components/card-ui-contract';

let loading: Promise<CardUi> | undefined;

export function loadCardUi(): Promise<CardUi> {
  return (loading ??= import(/* @vite-ignore */ browser.runtime.getURL('/card-ui.js'))
    .then(() => {
      const ui = (globalThis as Record<symbol, CardUi | undefined>)[CARD_UI_KEY];
      if (!ui) throw new Error('The card UI did not register itself');
      return ui;
    })
    .catch((error) => {
      loading = undefined; // try again on the next card
      throw error;
    }));
}
