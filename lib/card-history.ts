/**
 * The cards a reader stepped through by related chips, for "Back": the
 * shown card last, at most MAX_CARD_HISTORY of them (the oldest go first).
 * Used by the page's card and the popup alike.
 */
export const MAX_CARD_HISTORY = 20;

export const visit = (history: readonly string[], id: string): string[] =>
  history[history.length - 1] === id ? [...history] : [...history, id].slice(-MAX_CARD_HISTORY);

export const back = (history: readonly string[]): string[] => history.slice(0, -1);

export const shown = (history: readonly string[]): string | undefined => history[history.length - 1];
