/**
 * The card's state as data: closed, pending (a pointer resting on a name,
 * waiting out the hover delay) or open (what it shows, the related cards
 * stepped through for Back, where focus returns on close). Every way of
 * opening a card — hover, keyboard, selection, touch, the popup — goes
 * through these transitions; drawing is the presenter's (present.ts).
 *
 * Timers drive both delays: the open after `hoverDelayMs` of rest, and the
 * close `graceMs` after the pointer has left both the name and the card. A
 * card opened by hover whose pointer has already moved on is closed by the
 * same grace, started when the pointer's last position is re-checked on
 * opening, so a still pointer never leaves a card open.
 */
import type { CardAnchor } from '@/components/card-ui-contract';
import { back, visit } from '@/lib/card-history';
import type { PageMention } from '../page-scanner';

export interface CardTarget {
  entity: string;
  /** The mention it belongs to, when opened from one. */
  mention?: PageMention;
  anchor: CardAnchor;
}

export interface OpenCard {
  status: 'open';
  target: CardTarget;
  /** Entity ids stepped through by related chips, the shown one last. */
  history: string[];
  /** Where focus goes back to when the card closes. */
  returnFocus: HTMLElement | null;
  /** Opened by hover: closes when the pointer leaves; else stays until Esc or a click elsewhere. */
  byHover: boolean;
}

export type CardState = { status: 'closed' } | { status: 'pending'; target: CardTarget } | OpenCard;

export interface CardTimers {
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(id: number | undefined): void;
}

export interface CardMachineDeps {
  timers: CardTimers;
  hoverDelayMs: () => number;
  graceMs: number;
  /** Draws an open card; resolves once it is on screen. */
  present: (card: OpenCard) => Promise<void>;
  /** Takes the card away. */
  dismiss: (card: OpenCard) => void;
  /** The reader moved focus into the card: a hover-opened card then stays. */
  cardHasFocus: () => boolean;
  /** After every transition (the hover module re-checks the pointer when a card opens). */
  onChange?: (state: CardState) => void;
}

export interface OpenOptions {
  byHover?: boolean;
  returnFocus?: HTMLElement | null;
  /** Keep the related-card history (stepping through one entity's mentions). */
  history?: string[];
}

export function createCardMachine(deps: CardMachineDeps) {
  const { timers } = deps;
  let state: CardState = { status: 'closed' };
  /** While a card is open, the next one waiting out the hover delay. */
  let next: CardTarget | undefined;
  let openTimer: number | undefined;
  let graceTimer: number | undefined;

  const set = (s: CardState) => {
    state = s;
    deps.onChange?.(s);
  };
  const stopOpening = () => {
    timers.clearTimeout(openTimer);
    openTimer = undefined;
    next = undefined;
    if (state.status === 'pending') set({ status: 'closed' });
  };
  const stopGrace = () => {
    timers.clearTimeout(graceTimer);
    graceTimer = undefined;
  };

  async function open(target: CardTarget, options: OpenOptions = {}): Promise<void> {
    stopOpening();
    stopGrace();
    const previous = state.status === 'open' ? state : undefined;
    const card: OpenCard = {
      status: 'open',
      target,
      history: options.history ?? [target.entity],
      // Keep the first element the card took focus from, across steps and related cards.
      returnFocus: previous?.returnFocus ?? options.returnFocus ?? null,
      byHover: options.byHover ?? false,
    };
    set(card);
    await deps.present(card);
  }

  function close(): void {
    stopOpening();
    stopGrace();
    if (state.status !== 'open') return;
    const card = state;
    set({ status: 'closed' });
    deps.dismiss(card);
  }

  /** The pointer now rests on `at` (a mention), in the card, or elsewhere (`at` null). */
  function hover(at: CardTarget | null, inCard: boolean): void {
    if (inCard) {
      stopOpening();
      stopGrace();
      return;
    }
    const shown = state.status === 'open' ? state.target.mention : undefined;
    if (at?.mention && at.mention === shown) {
      stopOpening();
      stopGrace();
      return;
    }
    if (at) {
      const waiting = state.status === 'pending' ? state.target : next;
      if (waiting?.mention && waiting.mention === at.mention) return;
      stopOpening();
      if (state.status === 'open') next = at;
      else set({ status: 'pending', target: at });
      openTimer = timers.setTimeout(() => {
        openTimer = undefined;
        void open(at, { byHover: true });
      }, deps.hoverDelayMs());
      return;
    }
    stopOpening();
    if (state.status === 'open' && state.byHover && graceTimer === undefined && !deps.cardHasFocus()) {
      graceTimer = timers.setTimeout(() => {
        graceTimer = undefined;
        if (!deps.cardHasFocus()) close();
      }, deps.graceMs);
    }
  }

  /** A related chip: show that entity in the same card, remembering the way back. */
  async function related(entity: string): Promise<void> {
    if (state.status !== 'open') return;
    const card: OpenCard = { ...state, target: { entity, anchor: state.target.anchor }, history: visit(state.history, entity) };
    set(card);
    await deps.present(card);
  }

  async function goBack(): Promise<void> {
    if (state.status !== 'open' || state.history.length < 2) return;
    const history = back(state.history);
    const card: OpenCard = { ...state, target: { entity: history[history.length - 1], anchor: state.target.anchor }, history };
    set(card);
    await deps.present(card);
  }

  return { state: () => state, open, close, hover, related, back: goBack };
}

export type CardMachine = ReturnType<typeof createCardMachine>;
