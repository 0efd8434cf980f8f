/**
 * One entity per person, place, organisation or term across the library.
 *
 * Articles name the same people in different ways ("Volodymyr Zelenskiy",
 * "Volodymyr Zelensky", "Wolodymyr Selenskyj"), and different people the
 * same way ("Trump" for Donald or Melania). Entities merge on the evidence
 * the articles give, and stay apart where it differs:
 * - People merge on a full name: all its words, its first and last word
 *   ("Donald J. Trump" = "Donald Trump"), or the same with each word folded
 *   through the transliteration key (y/iy/yy, w/v, sch/sh …), taken from the
 *   name and from every uncautioned alias of two words or more. A person an
 *   article names by surname alone joins the one person of the library with
 *   that surname, and stays apart when there are several.
 * - Places and organisations merge on their name or an uncautioned alias
 *   ("Kyiv"/"Kiev" through a curated spelling); a place and an organisation
 *   merge only on the same name ("the Kremlin" as either).
 * - Terms merge with terms of the same name.
 * - A person never merges with a place, organisation or term: "Washington"
 *   the city and "George Washington" stay two entities.
 *
 * The result is deterministic: articles in the order given (the bundled
 * article first, then by when they were saved), entity ids from the first
 * article that names the entity, so ids stay put as the library grows.
 */
import type { Alias, AliasCaution, EntityKind } from '../fact-index/schema';
import { slugify } from '../facts/slug';
import { transliterationKey } from '../match/fuzzy';
import { foldText } from '../match/normalise';

/** What merging reads of each article's entity. */
export interface EntityToMerge {
  id: string;
  name: string;
  kind: EntityKind;
  aliases: readonly Alias[];
}

export interface ArticleToMerge {
  id: string;
  entities: readonly EntityToMerge[];
}

/** An article's own entity, addressed library-wide. */
export interface EntityRef {
  article: string;
  entity: string;
}

export interface LibraryEntity {
  /** Library-wide id: a slug of the name the first article gives it ("mark-rutte"). */
  id: string;
  /** The name most articles use (ties: the first article's). */
  name: string;
  kind: EntityKind;
  /** Every article's aliases, once each; an alias any article marks with a caution keeps it. */
  aliases: Alias[];
  /** The articles' entities it merges, in article order. */
  refs: EntityRef[];
}

export interface MergedLibrary {
  entities: LibraryEntity[];
  byId: Map<string, LibraryEntity>;
  /** `article/entity` → library entity id. */
  idOf: Map<string, string>;
}

export const refKey = (ref: EntityRef) => `${ref.article}/${ref.entity}`;

const HONORIFICS = new Set(['sir', 'dame', 'lord', 'lady', 'dr', 'mr', 'mrs', 'ms', 'mx', 'prof']);

/** Folded words of a name: lower case, no diacritics, punctuation as spaces, no honorific in front. */
export function nameWords(text: string): string[] {
  const words = foldText(text).lower.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  while (words.length > 1 && HONORIFICS.has(words[0])) words.shift();
  return words;
}

/** The keys a person's full name gives: all words, first + last, and both through the transliteration key. */
function personKeys(words: string[]): string[] {
  if (words.length < 2) return [];
  const firstLast = [words[0], words[words.length - 1]];
  const spelled = (ws: string[]) => ws.map(transliterationKey).join(' ');
  return [...new Set([words.join(' '), firstLast.join(' '), spelled(words), spelled(firstLast)])];
}

type KindClass = 'person' | 'term' | 'place-or-org';
const classOf = (kind: EntityKind): KindClass => (kind === 'person' || kind === 'term' ? kind : 'place-or-org');

interface Node {
  ref: EntityRef;
  entity: EntityToMerge;
  order: number;
}

/** Union-find over the articles' entities. */
function unionFind(n: number) {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  // The root is always the earlier node, so a cluster's first article is its root.
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  return { find, union };
}

const CAUTION_RANK: Record<AliasCaution, number> = { 'other-referent': 2, 'common-word': 1 };

function mergeAliases(nodes: Node[]): Alias[] {
  const out = new Map<string, Alias>();
  for (const { entity } of nodes) {
    for (const a of [{ text: entity.name, origin: 'article' as const }, ...entity.aliases]) {
      const known = out.get(a.text);
      if (!known) out.set(a.text, { ...a });
      else if (a.caution && (!known.caution || CAUTION_RANK[a.caution] > CAUTION_RANK[known.caution])) known.caution = a.caution;
    }
  }
  return [...out.values()];
}

function pickName(nodes: Node[]): string {
  const votes = new Map<string, number>();
  for (const { entity } of nodes) votes.set(entity.name, (votes.get(entity.name) ?? 0) + 1);
  let best = nodes[0].entity.name;
  for (const [name, n] of votes) if (n > votes.get(best)!) best = name;
  return best;
}

function pickKind(nodes: Node[]): EntityKind {
  const votes = new Map<EntityKind, number>();
  for (const { entity } of nodes) votes.set(entity.kind, (votes.get(entity.kind) ?? 0) + 1);
  let best = nodes[0].entity.kind;
  for (const [kind, n] of votes) if (n > votes.get(best)!) best = kind;
  return best;
}

export function mergeLibrary(articles: readonly ArticleToMerge[]): MergedLibrary {
  const nodes: Node[] = [];
  for (const article of articles) {
    for (const entity of article.entities) nodes.push({ ref: { article: article.id, entity: entity.id }, entity, order: nodes.length });
  }
  const { find, union } = unionFind(nodes.length);
  const owners = new Map<string, number>();
  const link = (key: string, i: number) => {
    const other = owners.get(key);
    if (other === undefined) owners.set(key, i);
    else union(other, i);
  };

  // Full names and multi-word aliases first; surnames alone after, once the people are known.
  const surnameOnly: number[] = [];
  nodes.forEach(({ entity }, i) => {
    const cls = classOf(entity.kind);
    const words = nameWords(entity.name);
    if (cls === 'person') {
      if (words.length < 2) surnameOnly.push(i);
      for (const key of personKeys(words)) link(`person:${key}`, i);
      for (const a of entity.aliases) {
        if (a.caution) continue;
        for (const key of personKeys(nameWords(a.text))) link(`person:${key}`, i);
      }
      return;
    }
    if (!words.length) return;
    link(`${cls}:name:${words.join(' ')}`, i);
    link(`${entity.kind}:alias:${words.join(' ')}`, i);
    // Aliases tie only entities of the same kind: "Georgia" the country is no organisation's alias.
    for (const a of entity.aliases) {
      if (a.caution) continue;
      const w = nameWords(a.text);
      if (w.length) link(`${entity.kind}:alias:${w.join(' ')}`, i);
    }
  });

  // A bare surname joins the library's one person with that surname, if there is exactly one.
  const bySurname = new Map<string, Set<number>>();
  nodes.forEach(({ entity }, i) => {
    if (entity.kind !== 'person') return;
    const words = nameWords(entity.name);
    if (words.length < 2) return;
    const last = words[words.length - 1];
    for (const key of [last, transliterationKey(last)]) {
      let set = bySurname.get(key);
      if (!set) bySurname.set(key, (set = new Set()));
      set.add(find(i));
    }
  });
  for (const i of surnameOnly) {
    const words = nameWords(nodes[i].entity.name);
    if (words.length !== 1) continue;
    const people = new Set([...(bySurname.get(words[0]) ?? []), ...(bySurname.get(transliterationKey(words[0])) ?? [])].map(find));
    if (people.size === 1) union([...people][0], i);
    else if (people.size === 0) link(`person:surname:${transliterationKey(words[0])}`, i);
  }

  const clusters = new Map<number, Node[]>();
  for (let i = 0; i < nodes.length; i++) {
    const root = find(i);
    const list = clusters.get(root);
    if (list) list.push(nodes[i]);
    else clusters.set(root, [nodes[i]]);
  }

  const taken = new Set<string>();
  const entities: LibraryEntity[] = [];
  const idOf = new Map<string, string>();
  for (const root of [...clusters.keys()].sort((a, b) => a - b)) {
    const members = clusters.get(root)!;
    const first = members[0].entity;
    let id = first.id && /^[a-z0-9-]+$/.test(first.id) ? first.id : slugify(first.name);
    if (taken.has(id)) id = `${id}-${first.kind}`;
    for (let n = 2; taken.has(id); n++) id = `${slugify(first.name)}-${n}`;
    taken.add(id);
    const refs = members.map((m) => m.ref);
    for (const ref of refs) idOf.set(refKey(ref), id);
    entities.push({ id, name: pickName(members), kind: pickKind(members), aliases: mergeAliases(members), refs });
  }
  return { entities, byId: new Map(entities.map((e) => [e.id, e])), idOf };
}
