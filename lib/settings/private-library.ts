/**
 * Which mentions may be registered as highlights when the reader keeps their
 * saved articles private from pages. The highlight registry (`CSS.highlights`)
 * is shared with the page's own scripts, so a page can read every registered
 * range's text: registering a name only the reader's articles know tells the
 * page what the reader has saved. The bundled article ships with the
 * extension, so its names tell a page nothing about the reader.
 *
 * In private mode a range is shown when its entity is named by the bundled
 * article, or when the reader has opened a card from that very range (the
 * page could already tell a card opened under the pointer). Only that range,
 * not the name's other mentions: those would add the name's other spellings
 * and places on the page, which the reader has not pointed at. Anything
 * unknown is kept private: an entity the gate has not been told about, or a
 * range it can't place.
 */
export interface HighlightGateDeps<R> {
  /** The private-library setting, read on every decision (it applies live). */
  isPrivate(): boolean;
  /** The entity a painted range belongs to, if known. */
  entityOf(range: R): string | undefined;
  /** True when the bundled article names the entity (so the page learns nothing from seeing it). */
  isBundled(entity: string): boolean;
}

export interface HighlightGate<R extends object> {
  /** The ranges of `ranges` that may be registered now, in order. */
  visible(ranges: readonly R[]): R[];
  /** The reader opened a card from `range`: it may be shown from now on. True when that changes what is shown. */
  reveal(range: R): boolean;
  /** Forgets the reader's reveals (the library or the setting changed). */
  reset(): void;
}

export function createHighlightGate<R extends object>(deps: HighlightGateDeps<R>): HighlightGate<R> {
  let revealed = new WeakSet<R>();
  const shows = (range: R): boolean => {
    if (!deps.isPrivate() || revealed.has(range)) return true;
    const entity = deps.entityOf(range);
    return entity !== undefined && deps.isBundled(entity);
  };
  return {
    visible: (ranges) => (deps.isPrivate() ? ranges.filter(shows) : [...ranges]),
    reveal(range) {
      const before = shows(range);
      revealed.add(range);
      return !before;
    },
    reset() {
      revealed = new WeakSet();
    },
  };
}

export const PRIVATE_LIBRARY_LABEL = 'Keep my saved articles private from pages';

/** One sentence, for the options page and the popup: what a page's own scripts can learn in each mode. */
export function whatPagesLearn(privateLibrary: boolean): string {
  return privateLibrary
    ? 'Pages can see only which names of the bundled article are underlined, and a name from your saved articles once you open its card there; never a card’s text.'
    : 'Pages can read which names are underlined, so a page can tell which people, places and terms your saved articles are about; never a card’s text.';
}
