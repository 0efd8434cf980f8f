/**
 * The context gate: page-level decisions over all candidates of a page.
 *
 * A cautioned alias ("Trump", "Macron", "Washington", "Article 5") is also
 * an ordinary word or names something else, so it is shown only when the
 * page gives evidence it means our entity: the entity is named elsewhere on
 * the page by an uncautioned alias ("Donald Trump") or with a title
 * ("President Trump"), or at least two other entities of the index are. A
 * fuzzy hit needs one other entity (or its own entity) named plainly.
 * A term written in lower case ("Nato's article 5") is held to the cautioned
 * rule and must also have an entity the source relates to it named plainly
 * on the page: "article 5" of some other law stays plain text.
 *
 * Evidence comes only from the candidates passed in, so the content script
 * can call this again with the grown list when the page changes.
 */
import type { Candidate, MatchHow, MatchOptions, Matcher, Mention } from './types';
import { DEFAULT_MATCH_OPTIONS } from './types';

/** Other plainly named entities a cautioned alias needs when its own entity is not named plainly. */
export const GATE_OTHER_ENTITIES = 2;
/** Other plainly named entities a fuzzy hit needs when its own entity is not named plainly. */
export const FUZZY_OTHER_ENTITIES = 1;

const SCORE = { exact: 1, alias: 0.9, gated: 0.8 } as const;

function fuzzyScore(distance: number): number {
  return Math.max(0.5, 0.7 - 0.1 * distance);
}

/** A candidate that by itself shows its entity is meant on this page. */
function isPlainEvidence(c: Candidate): boolean {
  if (c.how === 'fuzzy' || c.ambiguous || c.lowercase) return false;
  return !c.caution || (c.titled && c.kind === 'person');
}

/** Entities the page names plainly. */
function plainlyNamed(candidates: Candidate[]): Set<string> {
  const named = new Set<string>();
  for (const c of candidates) if (isPlainEvidence(c)) named.add(c.entity);
  return named;
}

/**
 * What the gate asks of the entities: whether one still exists. A matcher
 * answers it; so does the page's table of the entities its scans named.
 */
export type EntityLookup = Pick<Matcher, 'entity'>;

/** The candidates the options allow, of entities the matcher still has. */
function usableCandidates(matcher: EntityLookup, candidates: Candidate[], options: MatchOptions): Candidate[] {
  const kinds = options.kinds ? new Set(options.kinds) : null;
  return candidates.filter((c) =>
    (kinds === null || kinds.has(c.kind)) &&
    (options.fuzzy !== 'off' || c.how !== 'fuzzy') &&
    matcher.entity(c.entity) !== undefined);
}

/**
 * The gate's evidence from some of a page's candidates: the entities they
 * name plainly. The union over a page's chunks is the page's evidence, so a
 * caller can keep it per chunk and resolve chunk by chunk (`resolveMentions`
 * with `evidence`), re-resolving only what changed while the union holds.
 */
export function gateEvidence(matcher: EntityLookup, candidates: Candidate[], options: MatchOptions = DEFAULT_MATCH_OPTIONS): Set<string> {
  return plainlyNamed(usableCandidates(matcher, candidates, options));
}

/** Whether the page plainly names an entity the source relates to `c`'s. */
function relatedNamed(matcher: EntityLookup, c: Candidate, named: ReadonlySet<string>): boolean {
  const related = matcher.entity(c.entity)?.related;
  return related !== undefined && related.some((r) => named.has(r.entity));
}

/** How the candidate would be shown, or null when the page gives too little evidence for it. */
function verdict(matcher: EntityLookup, c: Candidate, named: ReadonlySet<string>): MatchHow | null {
  const own = named.has(c.entity);
  const others = named.size - (own ? 1 : 0);
  if (c.how === 'fuzzy') return own || others >= FUZZY_OTHER_ENTITIES ? 'fuzzy' : null;
  if (c.lowercase) return (own || others >= GATE_OTHER_ENTITIES) && relatedNamed(matcher, c, named) ? 'gated' : null;
  if (!c.caution) return c.how;
  // "President Washington" is the person, whatever else the page is about.
  if (c.titled && c.kind !== 'person') return null;
  return own || others >= GATE_OTHER_ENTITIES ? 'gated' : null;
}

const spanKey = (c: Candidate) => `${c.start}:${c.end}`;

/**
 * Page-level decisions over candidates; returns the mentions to highlight, in
 * text order. The evidence comes from `candidates` themselves, or from
 * `evidence` (the page's, see `gateEvidence`) when they are only part of it.
 */
export function resolveMentions(
  matcher: EntityLookup,
  candidates: Candidate[],
  options: MatchOptions = DEFAULT_MATCH_OPTIONS,
  evidence?: ReadonlySet<string>,
): Mention[] {
  const usable = usableCandidates(matcher, candidates, options);
  const named = evidence ?? plainlyNamed(usable);

  const kept: Mention[] = [];
  // An ambiguous span (one alias, several entities) is shown only when the
  // page names exactly one of its entities plainly.
  const ambiguous = new Map<string, Candidate[]>();
  for (const c of usable) {
    if (c.ambiguous) {
      const key = spanKey(c);
      const group = ambiguous.get(key);
      if (group) group.push(c); else ambiguous.set(key, [c]);
      continue;
    }
    const how = verdict(matcher, c, named);
    if (how !== null) kept.push(toMention(c, how));
  }
  for (const group of ambiguous.values()) {
    const entities = new Set(group.filter((c) => named.has(c.entity)).map((c) => c.entity));
    if (entities.size !== 1) continue;
    const c = group.find((g) => entities.has(g.entity))!;
    const how = verdict(matcher, c, named);
    if (how !== null) kept.push(toMention(c, how));
  }
  return withoutOverlaps(kept);
}

function toMention(c: Candidate, how: MatchHow): Mention {
  const score = how === 'fuzzy' ? fuzzyScore(c.distance) : SCORE[how];
  return { entity: c.entity, text: c.text, start: c.start, end: c.end, score, how };
}

/** In text order; where mentions overlap, the earlier, then longer, then better one stays. */
function withoutOverlaps(mentions: Mention[]): Mention[] {
  mentions.sort((a, b) => a.start - b.start || b.end - a.end || b.score - a.score || (a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : 0));
  const out: Mention[] = [];
  let reached = -1;
  for (const m of mentions) {
    if (m.start < reached || m.end <= m.start) continue;
    out.push(m);
    reached = m.end;
  }
  return out;
}
