/**
 * The popup's search box: fuse.js over every card's name, aliases, role and
 * facts, typo-tolerant ("Rute" finds Mark Rutte, "artcle 5" Article 5).
 *
 * Texts are folded once, when the search is built, with the page matcher's
 * own normalisation (case, diacritics, ß→ss, curly quotes), and the query the
 * same way; Fuse then compares plain strings. Fuse's `ignoreDiacritics` would
 * re-fold every text on every keystroke (+15–20% per scan, measured over
 * 38,000 labels) and could not feed the bigram filter, which needs the folded
 * texts.
 *
 * Labels (names, aliases, roles) and facts are searched apart: labels always,
 * facts only from FACT_MIN_QUERY characters (a 2-letter query is in nearly
 * every sentence), exactly first and fuzzily only when nothing holds the
 * query as typed, with a stricter threshold, because a loose pattern always
 * matches somewhere in a long sentence. Fuse sees only the candidates a
 * bigram index lets through (bigrams.ts): over a 10,000-entity pack that is
 * ~5 ms a query instead of ~150 ms.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import * as v from 'valibot';
import { ENTITY_KINDS, type EntityKind, type FactIndex } from '../fact-index/schema';
import { foldText, normaliseText, originalEnd } from '../match/normalise';
import { BigramIndex } from './bigrams';
import { SEARCH_FIELDS, type SearchField, type SearchResult, type TextRange } from './search-result';

/** What search reads of one entity: its labels and the facts about it, from every article. */
export interface SearchCard {
  id: string;
  name: string;
  kind: EntityKind;
  /** The role shown in results (the newest article's). */
  role?: string;
  aliases: readonly string[];
  /** Every role the articles give it. */
  roles: readonly string[];
  facts: readonly { text: string; sentence: string; article: string }[];
}


export interface CardSearch {
  /**
   * The best `limit` (default 20) cards for `query`. An empty query gives the
   * browse list: every entity (or the first `limit`), most facts first.
   */
  search(query: string, limit?: number): SearchResult[];
}

/** Queries are cut here rather than refused: Fuse splits long patterns into 32-character chunks, each a full scan. */
export const MAX_QUERY_LENGTH = 200;
/** Shorter queries search labels only. */
export const FACT_MIN_QUERY = 4;
/** Fact search uses at most one Bitap chunk of the query. */
const FACT_MAX_QUERY = 32;

/** Added to a match's score by field, so an exact name beats an alias beats a role beats a fact. */
const FIELD_PENALTY: Record<SearchField, number> = { name: 0, alias: 0.05, role: 0.2, fact: 0.35 };
/** Matches starting at a word boundary are what people type ("ush" → Ushakov, not "bush"). */
const MID_WORD_PENALTY = 0.05;
/** And with the query's first letter, which people rarely mistype ("kalas" → Kallas, not Alaska). */
const FIRST_LETTER_PENALTY = 0.05;
/**
 * Times the share of the touched words left unmatched. Bitap scores a
 * pattern anywhere in a text, so "rute" is one error from both "Rutte" and
 * "Reuters"; the whole word tells them apart.
 */
const PARTIAL_WORD_PENALTY = 0.15;
/**
 * Hits whose marked letters are fewer than this share of the query are
 * dropped: Bitap's loosest matches mark two stray letters ("rute" in
 * "Waffenruhe"), which reads as noise in the list.
 */
const MIN_MARKED_SHARE = 0.6;

const BASE_OPTIONS = {
  isCaseSensitive: true, // texts and query are folded already
  ignoreLocation: true,
  includeScore: true,
  includeMatches: true,
  minMatchCharLength: 2,
  // Field norm off. Labels: PARTIAL_WORD_PENALTY already prefers labels the
  // query fills. Facts: a sentence is not a worse match for being long.
  ignoreFieldNorm: true,
} satisfies IFuseOptions<string>;
const LABEL_OPTIONS = { ...BASE_OPTIONS, threshold: 0.34 };
// Facts: exact words up to 6 letters, one typo up to 13 ("artcle 5").
const FACT_OPTIONS = { ...BASE_OPTIONS, threshold: 0.15 };
/** At most this many texts go to Fuse (the bigram filter's best); see bigrams.ts for the cost. */
const LABEL_CANDIDATES = 1500;
const FACT_CANDIDATES = 400;

interface Owner {
  entity: number;
  field: SearchField;
  text: string; // as written
  sentence?: string;
  article?: string;
}

interface Card {
  id: string;
  name: string;
  kind: EntityKind;
  role?: string;
  facts: number;
}

type FoldedRanges = readonly (readonly [number, number])[]; // inclusive, over the folded text

/** A folded text that matched. */
interface Hit {
  text: number;
  score: number;
  ranges: FoldedRanges;
}

/** Folded strings, each listed once, with every card field it came from. */
class FoldedTexts {
  readonly texts: string[] = [];
  readonly owners: Owner[][] = [];
  private readonly at = new Map<string, number>();
  private bigrams?: BigramIndex;

  add(owner: Owner): void {
    const folded = fold(owner.text);
    if (!folded.trim()) return;
    let i = this.at.get(folded);
    if (i === undefined) {
      i = this.texts.length;
      this.at.set(folded, i);
      this.texts.push(folded);
      this.owners.push([]);
    }
    // One owner per entity and text: the name is usually an alias too.
    if (!this.owners[i].some((o) => o.entity === owner.entity)) this.owners[i].push(owner);
  }

  /** Fuse over the texts the bigram filter lets through. */
  fuzzy(pattern: string, options: typeof LABEL_OPTIONS, candidates: number, limit: number): Hit[] {
    this.bigrams ??= new BigramIndex(this.texts);
    const errors = Math.floor(options.threshold * Math.min(pattern.length, 32));
    const ids = this.bigrams.candidates(pattern, errors, candidates);
    if (!ids.length) return [];
    // Two-letter marks hide Bitap's stray single letters, but a one-letter query has only one.
    const fuse = new Fuse(ids.map((id) => this.texts[id]), { ...options, minMatchCharLength: Math.min(2, pattern.length) });
    return fuse.search(pattern, { limit }).map((r) => ({
      text: ids[r.refIndex],
      score: r.score ?? 1,
      ranges: r.matches?.[0]?.indices ?? [],
    }));
  }

  /** Texts holding the pattern as it is (every occurrence marked). */
  exact(pattern: string, limit: number): Hit[] {
    const out: Hit[] = [];
    for (let id = 0; id < this.texts.length && out.length < limit; id++) {
      const text = this.texts[id];
      let at = text.indexOf(pattern);
      if (at === -1) continue;
      const ranges: [number, number][] = [];
      for (; at !== -1; at = text.indexOf(pattern, at + pattern.length)) ranges.push([at, at + pattern.length - 1]);
      out.push({ text: id, score: 0, ranges });
    }
    return out;
  }
}

const fold = (text: string): string => foldText(text).lower;

export function createCardSearch(entities: readonly SearchCard[]): CardSearch {
  const cards: Card[] = [];
  const labels = new FoldedTexts();
  const facts = new FoldedTexts();
  for (const entity of entities) {
    const index = cards.length;
    cards.push({ id: entity.id, name: entity.name, kind: entity.kind, role: entity.role, facts: entity.facts.length });
    labels.add({ entity: index, field: 'name', text: entity.name });
    for (const alias of entity.aliases) labels.add({ entity: index, field: 'alias', text: alias });
    for (const role of entity.roles) labels.add({ entity: index, field: 'role', text: role });
    for (const fact of entity.facts) facts.add({ entity: index, field: 'fact', text: fact.text, sentence: fact.sentence, article: fact.article });
  }

  const browse = [...cards.keys()].sort(
    (a, b) => cards[b].facts - cards[a].facts || cards[a].name.localeCompare(cards[b].name),
  );

  function search(query: string, limit?: number): SearchResult[] {
    const pattern = fold(query.slice(0, MAX_QUERY_LENGTH)).trim().replace(/\s+/g, ' ');
    if (!pattern) {
      return browse.slice(0, limit ?? browse.length).map((i) => {
        const card = cards[i];
        return { ...card, field: 'name', text: card.name, ranges: [], score: 1 };
      });
    }
    const max = limit ?? 20;
    if (max <= 0) return [];

    // Best match per card: Map keeps insertion order, so ties stay stable.
    const best = new Map<number, { owner: Owner; folded: string; ranges: FoldedRanges; score: number }>();
    const consider = (hits: readonly Hit[], from: FoldedTexts, queried: string) => {
      for (const { text, score, ranges } of hits) {
        if (marked(ranges) < MIN_MARKED_SHARE * queried.length) continue;
        const folded = from.texts[text];
        const fit =
          score +
          (isWordChar(folded, ranges[0][0] - 1) ? MID_WORD_PENALTY : folded[ranges[0][0]] !== pattern[0] ? FIRST_LETTER_PENALTY : 0) +
          PARTIAL_WORD_PENALTY * unmatchedShare(folded, ranges);
        // A sentence names several entities and is a fact of each: it is
        // listed once, under the entity with the most facts (the story's
        // central one) among those not already listed by a better match.
        const owners = from === facts ? [pickFactOwner(from.owners[text], best, fit)] : from.owners[text];
        for (const owner of owners) {
          if (!owner) continue;
          const total = fit + FIELD_PENALTY[owner.field];
          const seen = best.get(owner.entity);
          if (!seen || total < seen.score) best.set(owner.entity, { owner, folded, ranges, score: total });
        }
      }
    };
    const pickFactOwner = (owners: Owner[], listed: typeof best, fit: number): Owner | undefined => {
      let pick: Owner | undefined;
      for (const o of owners) {
        const seen = listed.get(o.entity);
        if (seen && seen.score <= fit + FIELD_PENALTY.fact) continue;
        if (!pick || cards[o.entity].facts > cards[pick.entity].facts) pick = o;
      }
      return pick;
    };
    // More than `max` texts: several can belong to one card.
    consider(labels.fuzzy(pattern, LABEL_OPTIONS, LABEL_CANDIDATES, max * 4), labels, pattern);
    if (pattern.length >= FACT_MIN_QUERY) {
      // Exact first, fuzzy only when exact finds nothing (as hypothesis's
      // anchoring does): a substring scan of every fact is ~1 ms at 10,000
      // entities, Fuse over them ~60–140 ms.
      const found = facts.exact(pattern, max * 2);
      const head = pattern.slice(0, FACT_MAX_QUERY);
      consider(found.length ? found : facts.fuzzy(head, FACT_OPTIONS, FACT_CANDIDATES, max * 2), facts, found.length ? pattern : head);
    }

    return [...best.entries()]
      .sort((a, b) => a[1].score - b[1].score)
      .slice(0, max)
      .map(([index, { owner, folded, ranges, score }]) => {
        const card = cards[index];
        return {
          ...card,
          field: owner.field,
          text: owner.text,
          ranges: originalRanges(owner.text, folded, ranges),
          ...(owner.sentence ? { sentence: owner.sentence, article: owner.article } : {}),
          score,
        };
      });
  }

  return { search };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (text: string, at: number): boolean => at >= 0 && at < text.length && WORD_CHAR.test(text[at]);

function marked(ranges: FoldedRanges): number {
  let n = 0;
  for (const [start, last] of ranges) n += last - start + 1;
  return n;
}

/** The share of the words the match touches that it leaves out (0 when it covers whole words). */
function unmatchedShare(text: string, ranges: FoldedRanges): number {
  let start = ranges[0][0];
  let end = ranges[ranges.length - 1][1];
  while (isWordChar(text, start - 1)) start--;
  while (isWordChar(text, end + 1)) end++;
  return 1 - marked(ranges) / (end - start + 1);
}

/**
 * Fuse's inclusive ranges over the folded text, as `[start, end)` over the
 * text as written (folding can change lengths: ß→ss, dropped soft hyphens).
 */
function originalRanges(original: string, folded: string, ranges: FoldedRanges): TextRange[] {
  const norm = normaliseText(original);
  if (norm.lower !== folded) return []; // cannot happen: `folded` came from `original`
  const out: TextRange[] = [];
  for (const [start, last] of ranges) {
    const from = norm.origin[start];
    const to = originalEnd(original, norm, last);
    const prev = out[out.length - 1];
    if (prev && from <= prev[1]) out[out.length - 1] = [prev[0], Math.max(prev[1], to)];
    else out.push([from, to]);
  }
  return out;
}


/** The search cards of one article's entities (tests and the bench search a single index this way). */
export function searchCardsOfIndex(index: FactIndex): SearchCard[] {
  return index.entities.map((e) => ({
    id: e.id,
    name: e.name,
    kind: e.kind,
    role: e.role?.text,
    aliases: e.aliases.map((a) => a.text),
    roles: e.role ? [e.role.text] : [],
    facts: e.facts.map((f) => ({ text: f.text, sentence: f.sentence, article: index.article.id })),
  }));
}
