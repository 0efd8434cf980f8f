/**
 * Turns name candidates into entities: one per referent. Forms the curated
 * list ties to one id merge ("U.S." → United States); a bare surname merges
 * into the one full name it ends ("Trump" → Donald Trump); a hyphenated pair
 * of known names splits ("Putin-Zelenskiy"). The kind is the best-supported
 * vote across all forms.
 */
import type { EntityKind } from '../fact-index/schema';
import type { Candidate } from './names';
import type { CuratedAliases } from './curated';
import { curatedIdFinder } from './curated';
import { slugify } from './slug';

export interface EntityDraft {
  id: string;
  name: string;
  kind: EntityKind;
  /** Every form the article writes, in first-seen order. */
  forms: string[];
  curatedId?: string;
  /** The bare surname that refers to this person (absent when two people share it). */
  surname?: string;
}

interface Group {
  key: string;
  forms: string[];
  votes: Map<EntityKind, number>;
  curatedId?: string;
}

const KIND_ORDER: EntityKind[] = ['person', 'place', 'organisation', 'term'];
const words = (s: string) => s.split(' ');

function topKind(votes: Map<EntityKind, number>): EntityKind | undefined {
  let best: EntityKind | undefined;
  for (const k of KIND_ORDER) if ((votes.get(k) ?? 0) > (best ? votes.get(best)! : 0)) best = k;
  return best;
}

/** "Putin-Zelenskiy" names two known people; "Jean-Claude" or "Bosnia-Herzegovina" stays whole. */
function splitHyphenated(candidates: Candidate[]): Candidate[] {
  const known = new Set(candidates.flatMap((c) => (/-/u.test(c.text) ? [] : [c.text, ...words(c.text)])));
  return candidates.flatMap((c) => {
    const parts = c.text.split(/[-‐]/u);
    if (parts.length < 2 || /\s/u.test(c.text) || !parts.every((p) => known.has(p))) return [c];
    return parts.map((p) => ({ text: p, weight: 0 }));
  });
}

function groupCandidates(candidates: Candidate[], curated: CuratedAliases): Group[] {
  const curatedId = curatedIdFinder(curated);
  const split = splitHyphenated(candidates);
  // A bare surname is settled by the article's own full names (mergeSurnames),
  // not by a curated list that may mean another person of that name.
  const lastWords = new Set(split.filter((c) => words(c.text).length > 1).map((c) => words(c.text).at(-1)!));
  const groups = new Map<string, Group>();
  for (const c of split) {
    const bareSurname = words(c.text).length === 1 && lastWords.has(c.text);
    const id = c.curatedId ?? (bareSurname ? undefined : curatedId(c.text) ?? (curated[slugify(c.text)] ? slugify(c.text) : undefined));
    const key = id ? `curated:${id}` : c.text;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, forms: [], votes: new Map(), curatedId: id }));
    if (!g.forms.includes(c.text)) g.forms.push(c.text);
    if (c.kind) g.votes.set(c.kind, (g.votes.get(c.kind) ?? 0) + c.weight);
    const hint = id ? curated[id].kind : undefined;
    if (hint) g.votes.set(hint, (g.votes.get(hint) ?? 0) + 100);
  }
  return [...groups.values()];
}

/**
 * Folds one-word groups into the person whose full name ends with that word.
 * A word strongly voted a place or organisation (Washington) stays apart.
 * Returns the surnames two people share, which must not be matched bare.
 */
function mergeSurnames(groups: Group[]): { groups: Group[]; shared: Set<string> } {
  const people = groups.filter((g) => topKind(g.votes) === 'person' && g.forms.some((f) => words(f).length > 1));
  const bySurname = new Map<string, Group[]>();
  for (const p of people) {
    const surnames = new Set(p.forms.filter((f) => words(f).length > 1).map((f) => words(f).at(-1)!));
    for (const s of surnames) bySurname.set(s, [...(bySurname.get(s) ?? []), p]);
  }
  const shared = new Set([...bySurname].filter(([, ps]) => ps.length > 1).map(([s]) => s));
  const merged = new Set<Group>();
  for (const g of groups) {
    if (g.forms.length !== 1 || words(g.forms[0]).length !== 1 || people.includes(g)) continue;
    const owners = bySurname.get(g.forms[0]);
    const kind = topKind(g.votes);
    const strongOther = kind && kind !== 'person' && (g.votes.get(kind) ?? 0) >= 3;
    if (!owners || owners.length !== 1 || strongOther || g.curatedId) continue;
    const owner = owners[0];
    owner.forms.push(g.forms[0]);
    for (const [k, v] of g.votes) owner.votes.set(k, (owner.votes.get(k) ?? 0) + v);
    merged.add(g);
  }
  return { groups: groups.filter((g) => !merged.has(g)), shared };
}

/** Longest written form names the entity ("Donald Trump" over "Trump"); curated display names win. */
function canonicalName(g: Group, curated: CuratedAliases): string {
  const hinted = g.curatedId ? curated[g.curatedId].name : undefined;
  if (hinted) return hinted;
  return [...g.forms].sort((a, b) => words(b).length - words(a).length || b.length - a.length)[0];
}

function defaultKind(g: Group): EntityKind {
  // Unknown capitalised single words in news copy are mostly towns and regions;
  // unknown multi-word names mostly bodies and institutions.
  return g.forms.every((f) => words(f).length === 1) ? 'place' : 'organisation';
}

export function draftEntities(candidates: Candidate[], curated: CuratedAliases): EntityDraft[] {
  const { groups, shared } = mergeSurnames(groupCandidates(candidates, curated));
  const used = new Set<string>();
  return groups.map((g) => {
    const name = canonicalName(g, curated);
    const kind = topKind(g.votes) ?? defaultKind(g);
    let id = g.curatedId ?? slugify(name);
    for (let n = 2; used.has(id); n++) id = `${g.curatedId ?? slugify(name)}-${n}`;
    used.add(id);
    const full = g.forms.find((f) => words(f).length > 1);
    const surname = kind === 'person' && full && !shared.has(words(full).at(-1)!) ? words(full).at(-1) : undefined;
    return { id, name, kind, forms: g.forms, ...(g.curatedId ? { curatedId: g.curatedId } : {}), ...(surname ? { surname } : {}) };
  });
}
