/**
 * The matcher's contract with the content script and the fact builder:
 * entities in, candidate mentions per chunk of text, mentions per page.
 */
import type { Alias, AliasCaution, EntityKind } from '../fact-index/schema';

/** What the matcher needs of an entity. `name` is also an alias (origin 'article'). */
export interface MatchEntity {
  id: string;
  name: string;
  kind: EntityKind;
  aliases: Alias[];
  /**
   * Entities the source relates to this one (NATO and Mark Rutte for
   * Article 5), by id, as the fact index lists them. The gate shows a
   * lower-case "article 5" only on a page that names one of them plainly;
   * without them, never.
   */
  related?: readonly { entity: string }[];
}

/**
 * - exact: the entity's name as written
 * - alias: another uncautioned alias
 * - gated: a cautioned alias kept because the page gives evidence for it
 * - fuzzy: a near spelling of a name (transliteration, typo)
 */
export type MatchHow = 'exact' | 'alias' | 'fuzzy' | 'gated';

/** A mention to highlight; `start`/`end` are UTF-16 offsets into the page text. */
export interface Mention {
  entity: string;
  text: string;
  start: number;
  end: number;
  score: number;
  how: MatchHow;
}

export interface MatchOptions {
  /** Default 'normal'. */
  fuzzy: 'off' | 'normal' | 'loose';
  /** Default: all kinds. */
  kinds?: EntityKind[];
}

export const DEFAULT_MATCH_OPTIONS: MatchOptions = { fuzzy: 'normal' };

/**
 * One possible mention found by `scan`, before the page-level context gate.
 * Everything the gate needs travels with it, so the gate can run on any
 * concatenation of candidates (several chunks, or a page scanned in steps).
 */
export interface Candidate {
  entity: string;
  kind: EntityKind;
  /** UTF-16 offsets into the page text: the scanned chunk's offsets plus `base`. */
  start: number;
  end: number;
  text: string;
  /** 'exact' = the entity's name; 'fuzzy' = a near spelling. */
  how: 'exact' | 'alias' | 'fuzzy';
  /** From the alias, or 'common-word' for a short acronym inside an all-caps heading ("TRUMP TELLS US"). */
  caution?: AliasCaution;
  /** The same span also names other entities; they come as sibling candidates with the same span. */
  ambiguous: boolean;
  /** A title word ("President", "Chancellor") comes right before the match. */
  titled: boolean;
  /** The match opens a sentence, so its capital letter says nothing. */
  sentenceStart: boolean;
  /** Edit distance of a fuzzy match after transliteration folding; 0 otherwise. */
  distance: number;
  /**
   * Written in lower case where the alias has capitals ("Nato's article 5"),
   * which only a term named by a number may be; set only when true.
   */
  lowercase?: boolean;
}

export interface Matcher {
  /**
   * Candidate mentions in one chunk of text (offsets are UTF-16 into `text`,
   * shifted by `base`). Pure, no page-level decisions.
   */
  scan(text: string, options?: MatchOptions, base?: number): Candidate[];
  /** The compiled entity with this id, if any. */
  entity(id: string): MatchEntity | undefined;
}
