/**
 * The contract between the content script and the card UI it loads on first
 * use (entrypoints/card-ui): the card UI registers itself under this key on
 * the content script's global (both run in the extension's isolated world,
 * which the page cannot see). Types only otherwise, so the content script
 * carries none of the UI's code.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardHost, CardHostOptions } from './CardHost';

export const CARD_UI_KEY = Symbol.for('fact-cards.card-ui');

export interface CardUi {
  createCardHost(ctx: ContentScriptContext, options?: CardHostOptions): CardHost;
}

export type { CardAnchor, CardHost, CardHostOptions } from './CardHost';
export type { FactCardProps } from './FactCard';
