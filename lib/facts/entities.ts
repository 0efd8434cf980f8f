/**
 * Turns name candidates into entities: one per referent. Forms the curated
 * list ties to one id merge ("U.S." → United States); a bare surname merges
 * into the one full name it ends ("Trump" → Donald Trump, "Von der Leyen" →
 * Ursula von der Leyen); a name after an honorific joins the person it is
 * short for ("Sir Keir" → Keir Starmer); "Hague" joins "The Hague"; case
 * forms of one Cyrillic name merge ("Путина" → Владимир Путин); a hyphenated
 * pair of known names splits ("Putin-Zelenskiy"). The kind is the
 * best-supported vote across all forms.
 */
import type { EntityKind } from '../fact-index/schema';
import type { Candidate } from './names';
import type { CuratedAliases } from './curated';
import { curatedIdFinder } from './curated';
import { dictionaryForm, isCyrillic, sameLemma } from './inflection';
import { isKnownName } from './candidates';
import { slugify } from './slug';
import { isHonorific, isNameParticle } from './word-classes';

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
  /** Every form is a name after an honorific ("Sir Keir"). */
  addressed: boolean;
}

const KIND_ORDER: EntityKind[] = ['person', 'place', 'organisation', 'term'];
const words = (s: string) => s.split(' ');

function topKind(votes: Map<EntityKind, number>): EntityKind | undefined {
  let best: EntityKind | undefined;
  for (const k of KIND_ORDER) if ((votes.get(k) ?? 0) > (best ? votes.get(best)! : 0)) best = k;
  return best;
}

/**
 * The surname of a full name, with its particles: "Leyen" is not how anyone
 * refers to Ursula von der Leyen; "von der Leyen" is.
 */
export function surnameOf(full: string): string {
  const ws = words(full);
  let from = ws.length - 1;
  while (from > 1 && isNameParticle(ws[from - 1], ws[from - 2], false)) from--;
  return ws.slice(from).join(' ');
}

/** "Von der Leyen" at a sentence start is the surname "von der Leyen". */
const sameSurname = (a: string, b: string) => a === b || (a.toLowerCase() === b.toLowerCase() && a.slice(1) === b.slice(1)) || (isCyrillic(a) && sameLemma(a, b));

/** "Putin-Zelenskiy" names two known people; "Jean-Claude" or "Bosnia-Herzegovina" stays whole. */
function splitHyphenated(candidates: Candidate[]): Candidate[] {
  const known = new Set(candidates.flatMap((c) => (/-/u.test(c.text) ? [] : [c.text, ...words(c.text)])));
  return candidates.flatMap((c) => {
    const parts = c.text.split(/[-‐]/u);
    if (parts.length < 2 || /\s/u.test(c.text) || !parts.every((p) => known.has(p))) return [c];
    return parts.map((p) => ({ text: p, weight: 0 }));
  });
}

/** Curated ids by exact form, or for Cyrillic by any case of a curated form ("Кремле" → Кремль). */
function curatedFinder(curated: CuratedAliases): (text: string) => string | undefined {
  const exact = curatedIdFinder(curated);
  const cyrillicForms = Object.entries(curated).flatMap(([id, e]) => [e.name ?? '', ...e.aliases.filter((a) => a.caution !== 'other-referent').map((a) => a.text)]
    .filter(isCyrillic).map((text) => ({ id, text })));
  return (text) => {
    const id = exact(text);
    if (id || !isCyrillic(text)) return id;
    const ids = new Set(cyrillicForms.filter((f) => sameLemma(f.text, text)).map((f) => f.id));
    return ids.size === 1 ? [...ids][0] : undefined;
  };
}

/** The kind the curated list gives a form that may also name something else ("Kreml"): a weak hint. */
function cautiousKindFinder(curated: CuratedAliases): (text: string) => EntityKind | undefined {
  const kinds = new Map<string, Set<EntityKind>>();
  for (const e of Object.values(curated)) {
    for (const a of e.aliases) if (a.caution === 'other-referent' && e.kind) kinds.set(a.text, new Set([...(kinds.get(a.text) ?? []), e.kind]));
  }
  return (text) => { const k = kinds.get(text); return k && k.size === 1 ? [...k][0] : undefined; };
}

function groupCandidates(candidates: Candidate[], curated: CuratedAliases): Group[] {
  const curatedId = curatedFinder(curated);
  const cautiousKind = cautiousKindFinder(curated);
  const split = splitHyphenated(candidates);
  // A bare surname is settled by the article's own full names (mergeSurnames),
  // not by a curated list that may mean another person of that name.
  const lastWords = new Set(split.filter((c) => words(c.text).length > 1).map((c) => words(c.text).at(-1)!));
  const groups = new Map<string, Group>();
  for (const c of split) {
    if (c.aliasOf) continue;
    const bareSurname = words(c.text).length === 1 && lastWords.has(c.text);
    const id = c.curatedId ?? (bareSurname || c.addressed ? undefined : curatedId(c.text) ?? (curated[slugify(c.text)] ? slugify(c.text) : undefined));
    const key = id ? `curated:${id}` : c.text;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, forms: [], votes: new Map(), curatedId: id, addressed: true }));
    if (!g.forms.includes(c.text)) g.forms.push(c.text);
    g.addressed &&= c.addressed === true;
    if (c.kind) g.votes.set(c.kind, (g.votes.get(c.kind) ?? 0) + c.weight);
    const hint = id ? curated[id].kind : undefined;
    if (hint) g.votes.set(hint, (g.votes.get(hint) ?? 0) + 100);
    const weak = id ? undefined : cautiousKind(c.text);
    if (weak) g.votes.set(weak, (g.votes.get(weak) ?? 0) + 1);
  }
  // "Multinational Reassurance Force (MRF)": the acronym the article introduces is one more form.
  for (const c of split) {
    const owner = c.aliasOf ? [...groups.values()].find((g) => g.forms.includes(c.aliasOf!)) : undefined;
    if (!owner) continue;
    const own = groups.get(c.text);
    if (own && own !== owner && !own.curatedId) { absorb(owner, own); groups.delete(c.text); } else if (!owner.forms.includes(c.text)) owner.forms.push(c.text);
  }
  return [...groups.values()];
}

function absorb(owner: Group, g: Group): void {
  for (const f of g.forms) if (!owner.forms.includes(f)) owner.forms.push(f);
  for (const [k, v] of g.votes) owner.votes.set(k, (owner.votes.get(k) ?? 0) + v);
}

/**
 * Merges groups that write one name differently: Cyrillic case forms
 * ("Москва", "Москве"), a name without its article ("Hague" → "The Hague").
 */
function mergeVariants(groups: Group[]): Group[] {
  const kept: Group[] = [];
  for (const g of groups) {
    const owner = kept.find((k) => !(k.curatedId && g.curatedId) && k.forms.some((a) => g.forms.some((b) =>
      (isCyrillic(a) && sameLemma(a, b)) || a === `The ${b}` || b === `The ${a}`)));
    if (owner) {
      absorb(owner, g);
      owner.curatedId ??= g.curatedId;
      if (g.curatedId) owner.key = g.key;
    } else kept.push(g);
  }
  return kept;
}

/**
 * "Olena Marchenko … Marchenko said": a name of two or three words whose last
 * word the article also uses alone, with nothing saying it is a place or a
 * body, is a person's ("Дональдом Трампом" beside "Трамп").
 */
function voteSurnamesUsedAlone(groups: Group[]): void {
  const alone = groups.filter((g) => g.forms.length >= 1 && g.forms.every((f) => words(f).length === 1));
  for (const g of groups) {
    const full = g.forms.filter((f) => words(f).length >= 2 && words(f).length <= 3);
    if (!full.length || g.curatedId || [...g.votes].some(([k, v]) => k !== 'person' && v > 0)) continue;
    const last = full.map((f) => words(f).at(-1)!);
    const used = alone.some((a) => a !== g && ![...a.votes].some(([k, v]) => k !== 'person' && v >= 3)
      && a.forms.some((f) => last.some((l) => l === f || (isCyrillic(l) && sameLemma(l, f)))));
    if (used) g.votes.set('person', (g.votes.get('person') ?? 0) + 3);
  }
}

/**
 * "the Commission" after "the European Commission", "the Élysée" after "the
 * Élysée Palace": a lone word that only one longer name of a body or place
 * begins or ends with is that name, shortened. Known names stand for
 * themselves ("Washington" beside "Washington Post").
 */
function mergeShortForms(groups: Group[]): Group[] {
  const long = groups.filter((g) => !g.addressed && topKind(g.votes) !== 'person' && g.forms.some((f) => words(f).length > 1));
  const merged = new Set<Group>();
  for (const g of groups) {
    if (g.curatedId || g.forms.length !== 1 || words(g.forms[0]).length !== 1 || long.includes(g)) continue;
    const form = g.forms[0];
    const kind = topKind(g.votes);
    // "EU" for "Europäische Union", "UN" for "United Nations": initials of the capitalised words.
    const initials = (f: string) => words(f).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
    const letters = form.replace(/\./gu, '');
    const acronym = /^\p{Lu}{2,6}$/u.test(letters) && /^(?:\p{Lu}+|(?:\p{Lu}\.)+)$/u.test(form); // "EU", "U.S."
    if ((!acronym && isKnownName(form)) || kind === 'person' || kind === 'term') continue;
    const owners = long.filter((o) => o.forms.some((f) => words(f).length > 1
      && (acronym ? initials(f) === letters : words(f)[0] === form || words(f).at(-1) === form)));
    if (owners.length !== 1) continue;
    owners[0].forms.push(form);
    merged.add(g);
  }
  return groups.filter((g) => !merged.has(g));
}

/**
 * Folds one-word groups (and particle surnames) into the person whose full
 * name ends with them, and a name after an honorific into the person whose
 * first name or surname it is. A word strongly voted a place or organisation
 * (Washington) stays apart. Returns the surnames two people share, which
 * must not be matched bare.
 */
function mergeSurnames(groups: Group[]): { groups: Group[]; shared: Set<string> } {
  // A full name has a first name: not "Mr Rutte", not "Van den Berg".
  const isFullName = (f: string) => words(f).length > 1 && !isHonorific(words(f)[0]) && !isNameParticle(words(f)[0].toLowerCase(), undefined, false);
  const people = groups.filter((g) => !g.addressed && topKind(g.votes) === 'person' && g.forms.some(isFullName));
  const fullNames = (p: Group) => p.forms.filter(isFullName);
  const surnameOwners = (s: string) => people.filter((p) => fullNames(p).some((f) => sameSurname(surnameOf(f), s)));
  const shared = new Set(people.flatMap((p) => fullNames(p).map(surnameOf)).filter((s) => surnameOwners(s).length > 1));
  const merged = new Set<Group>();
  for (const g of groups) {
    // One name, maybe in several cases ("Ушаков", "Ушакова").
    if (people.includes(g) || g.curatedId || (g.forms.length !== 1 && !g.forms.every((f) => isCyrillic(f) && sameLemma(f, g.forms[0])))) continue;
    const form = g.forms[0];
    let owners: Group[];
    if (g.addressed) {
      // "Sir Keir" is Keir Starmer; "Mr Rutte" is Mark Rutte.
      const rest = words(form).slice(1).join(' ');
      owners = people.filter((p) => fullNames(p).some((f) => words(f)[0] === rest || sameSurname(surnameOf(f), rest)));
    } else {
      const isSurnameShaped = words(form).length === 1 || isNameParticle(words(form)[0].toLowerCase(), undefined, false);
      if (!isSurnameShaped) continue;
      const kind = topKind(g.votes);
      if (kind && kind !== 'person' && (g.votes.get(kind) ?? 0) >= 3) continue;
      owners = surnameOwners(form);
    }
    if (owners.length === 0 && g.addressed) {
      // "Mr Putin" where the article never writes the full name: the person is "Putin".
      const rest = words(form).slice(1).join(' ');
      const bare = groups.find((o) => o !== g && !merged.has(o) && o.forms.includes(rest));
      if (bare) { absorb(bare, g); merged.add(g); bare.votes.set('person', (bare.votes.get('person') ?? 0) + 5); } else { g.forms.push(rest); g.addressed = false; }
      continue;
    }
    if (owners.length !== 1) continue;
    absorb(owners[0], g);
    merged.add(g);
  }
  return { groups: groups.filter((g) => !merged.has(g)), shared };
}

/** Longest written form names the entity ("Donald Trump" over "Trump"); curated display names win. */
function canonicalName(g: Group, curated: CuratedAliases): string {
  const hinted = g.curatedId ? curated[g.curatedId].name : undefined;
  if (hinted) return hinted;
  const full = g.forms.filter((f) => !isHonorific(words(f)[0]));
  const forms = full.length ? full : g.forms;
  const longest = Math.max(...forms.map((f) => words(f).length));
  const candidates = forms.filter((f) => words(f).length === longest);
  if (candidates.every(isCyrillic)) {
    // The curated spelling of the same name gives its dictionary form: "Дональдом Трампом" → "Дональд Трамп".
    const spelled = g.curatedId ? curated[g.curatedId].aliases.find((a) => candidates.some((f) => sameLemma(a.text, f))) : undefined;
    return spelled?.text ?? dictionaryForm(candidates);
  }
  return candidates.sort((a, b) => b.length - a.length)[0];
}

function defaultKind(g: Group): EntityKind {
  // Unknown capitalised single words in news copy are mostly towns and regions;
  // unknown multi-word names mostly bodies and institutions.
  return g.forms.every((f) => words(f).length === 1) ? 'place' : 'organisation';
}

export function draftEntities(candidates: Candidate[], curated: CuratedAliases): EntityDraft[] {
  const variants = mergeVariants(groupCandidates(candidates, curated));
  voteSurnamesUsedAlone(variants);
  const { groups, shared } = mergeSurnames(mergeShortForms(variants));
  const used = new Set<string>();
  return groups.map((g) => {
    const name = canonicalName(g, curated);
    const kind = g.addressed ? 'person' : topKind(g.votes) ?? defaultKind(g);
    let id = g.curatedId ?? slugify(name);
    for (let n = 2; used.has(id); n++) id = `${g.curatedId ?? slugify(name)}-${n}`;
    used.add(id);
    const full = g.forms.find((f) => words(f).length > 1 && !isHonorific(words(f)[0]) && !isNameParticle(words(f)[0].toLowerCase(), undefined, false));
    const surname = kind === 'person' && full && !shared.has(surnameOf(full)) ? surnameOf(full) : undefined;
    return { id, name, kind, forms: g.forms, ...(g.curatedId ? { curatedId: g.curatedId } : {}), ...(surname ? { surname } : {}) };
  });
}
