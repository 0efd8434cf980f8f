/**
 * The contract between the content script and the card UI it loads on first
 * use (entrypoints/card-ui): the card UI registers itself under this key on
 * the content script's global (both run in the extension's isolated world,
 * which the page cannot see). Types only otherwise, so the content script
 * carries none of the UI's code.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardData } from '@/lib/library/card-data';

export const CARD_UI_KEY = Symbol.for('fact-cards.card-ui');

/** What the card points at: a mention's range, or a selection's. */
export interface CardAnchor {
  getBoundingClientRect(): DOMRect;
  getClientRects(): DOMRectList | DOMRect[];
  contextElement?: Element;
  /** Pointer position, so a wrapped mention's card sits by the hovered line. */
  point?: { x: number; y: number };
}

/**
 * One card as the content script shows it: the data the card draws, and
 * what to do when the reader acts in it (the card itself is drawn in the
 * extension's own frame; these run in the content script).
 */
export interface CardView {
  card: CardData;
  theme: 'auto' | 'light' | 'dark';
  /** Switch the card to a related entity (the machine keeps the history). */
  onOpenRelated: (id: string) => void;
  /** Shown as a "Back to X" button when set. */
  back?: { name: string; onBack: () => void };
  /** "2 of 5 on this page" (index 0-based), with ‹ › when total > 1. */
  onPage?: { index: number; total: number; onPrev: () => void; onNext: () => void };
  /** A source link: the background opens the article viewer (a page may not). */
  onOpenSource: (articleId: string, sentenceId: string) => void;
  /** The close button and Escape. */
  onClose: () => void;
  /** The reader's pointer entered (true) or left the card, whose own moves never reach the page's document. */
  onPointer?: (inside: boolean) => void;
}

export interface CardHost {
  /** Shows the card by `anchor`; resolves once it is on screen (the host and its frame are made on first use). */
  show(view: CardView, anchor: CardAnchor): Promise<void>;
  hide(): void;
  /** True when an event's path goes through the card. */
  contains(event: Event): boolean;
  /** Moves focus into the card's dialog. */
  focusCard(): void;
  /** True while focus is in the card. */
  hasFocus(): boolean;
  /** The card's box on screen, when it is shown. */
  rect(): DOMRect | undefined;
  /** A short notice in the corner for a few seconds ("Saved …"), announced politely. */
  notice(text: string): Promise<void>;
}

export interface CardUi {
  createCardHost(ctx: ContentScriptContext): CardHost;
}
