/**
 * Search timing for the bench: ms per query over an index, and a generated
 * index of any size with plausible names, aliases, roles and facts (people,
 * places, organisations, terms; Latin and Cyrillic spellings; sentences
 * shared between the entities they mention, as in a real article).
 */
import { FACT_INDEX_VERSION, type Entity, type EntityKind, type FactIndex, type Sentence } from '../../lib/fact-index/schema';
import { createCardSearch, searchCardsOfIndex, type SearchCard } from '../../lib/search/card-search';

export interface SearchBench {
  /** Building the search (folding every text), once. */
  buildMs: number;
  /** The first query, which also builds the bigram indexes. */
  firstQueryMs: number;
  /** Mean time of one `search` call over every query and round. */
  msPerQuery: number;
  /** Median of the same: steadier than the mean on a busy machine. */
  medianMs: number;
  /** Slowest single query. */
  maxMs: number;
}

/** Typed queries as people type them: exact, partial, typos, other scripts, fact words. */
export const SAMPLE_QUERIES = [
  'Rute', 'Zelensky', 'artcle 5', 'Ушаков', 'nato', 'kiev', 'tr', 'putin', 'security guarantees',
  'ceasefire talks', 'Oval Ofice', 'Merz', 'president', 'peace settlement', 'Kremlin aide', 'europa',
];

export function benchSearch(
  entities: readonly SearchCard[],
  queries: readonly string[] = SAMPLE_QUERIES,
  rounds = 5,
): SearchBench {
  const t0 = performance.now();
  const cards = createCardSearch(entities);
  const buildMs = performance.now() - t0;
  const t1 = performance.now();
  cards.search(queries[0] ?? 'a');
  const firstQueryMs = performance.now() - t1;
  for (const q of queries) cards.search(q); // warm up the JIT
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const start = performance.now();
      cards.search(q);
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  const total = times.reduce((sum, ms) => sum + ms, 0);
  return {
    buildMs,
    firstQueryMs,
    msPerQuery: total / Math.max(1, times.length),
    medianMs: times[Math.floor(times.length / 2)] ?? 0,
    maxMs: times[times.length - 1] ?? 0,
  };
}

// ---------------------------------------------------------------------------
// A generated index

/** mulberry32: a seeded generator, so every run benches the same index (and `npm run bench` the same pages). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Anna', 'Boris', 'Carla', 'Dmytro', 'Elena', 'Florian', 'Greta', 'Hugo', 'Irina', 'Jonas', 'Katarzyna',
  'Lukas', 'Maria', 'Nikolai', 'Olena', 'Pavel', 'Rosa', 'Sergei', 'Tomasz', 'Ursula', 'Viktor', 'Wanda', 'Yuri', 'Zofia',
  'Andrei', 'Beatrix', 'Christoph', 'Daria', 'Emil', 'Františka', 'Gábor', 'Hélène', 'Jürgen', 'Søren', 'Ólafur'];
const SYLLABLES = ['ko', 'va', 'len', 'sky', 'ber', 'grin', 'mar', 'tel', 'nov', 'ro', 'shen', 'ko', 'dor', 'ul',
  'fal', 'rit', 'zen', 'ba', 'ush', 'mir', 'lek', 'sa', 'to', 'vic', 'hal', 'ne', 'mo', 'ker', 'lin', 'da'];
const TITLES = ['Foreign Minister', 'Defence Minister', 'Finance Minister', 'President', 'Prime Minister', 'spokesperson',
  'Secretary General', 'ambassador', 'envoy', 'Chancellor', 'aide', 'governor', 'mayor', 'commander', 'negotiator'];
const PLACE_ENDS = ['burg', 'grad', 'ovo', 'ia', 'stan', 'ville', 'sk', 'poli', 'mark', 'land'];
const ORG_FORMS = ['Council', 'Union', 'Ministry', 'Agency', 'Bank', 'Institute', 'Party', 'Commission', 'Alliance'];
const TERMS = ['sanctions', 'ceasefire', 'referendum', 'security guarantees', 'peace talks', 'tariffs', 'grain corridor',
  'prisoner exchange', 'frozen assets', 'air defence', 'energy deal', 'troop withdrawal', 'buffer zone', 'reparations'];
const VERBS = ['met', 'told reporters', 'said in a statement', 'rejected a proposal from', 'signed an agreement with',
  'called on', 'warned', 'praised', 'spoke by phone with', 'held talks with', 'criticised', 'hosted'];
const TAILS = ['on Tuesday, according to officials familiar with the matter', 'after weeks of negotiations',
  'ahead of a summit expected later this month', 'despite objections from several European capitals',
  'in what analysts described as a significant shift', 'though details of the arrangement were not disclosed',
  'as fighting continued along the front line', 'at a news conference in the capital'];

const CYRILLIC: Record<string, string> = {
  a: 'а', b: 'б', c: 'к', d: 'д', e: 'е', f: 'ф', g: 'г', h: 'х', i: 'и', j: 'й', k: 'к', l: 'л', m: 'м', n: 'н',
  o: 'о', p: 'п', r: 'р', s: 'с', t: 'т', u: 'у', v: 'в', w: 'в', y: 'ы', z: 'з',
};
const toCyrillic = (s: string) =>
  [...s].map((c) => {
    const low = c.toLowerCase();
    const cy = CYRILLIC[low] ?? low;
    return c === low ? cy : cy.toUpperCase();
  }).join('');

/** A generated fact pack of `size` entities (deterministic for a seed). */
export function syntheticPack(size: number, seed = 1): FactIndex {
  const rand = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const word = (n: number) => {
    let w = '';
    for (let i = 0; i < n; i++) w += pick(SYLLABLES);
    return w[0].toUpperCase() + w.slice(1);
  };
  const used = new Set<string>();
  const unique = (make: () => string) => {
    for (;;) {
      const name = make();
      if (!used.has(name)) { used.add(name); return name; }
    }
  };

  const entities: Entity[] = [];
  for (let i = 0; i < size; i++) {
    const r = rand();
    const kind: EntityKind = r < 0.55 ? 'person' : r < 0.8 ? 'place' : r < 0.95 ? 'organisation' : 'term';
    let name: string;
    const aliases: string[] = [];
    if (kind === 'person') {
      const first = pick(FIRST);
      const last = word(2 + Math.floor(rand() * 2));
      name = unique(() => `${first} ${last}${used.has(`${first} ${last}`) ? ` ${word(1)}` : ''}`);
      aliases.push(name, last, `${first[0]}. ${last}`, last.replace(/v/g, 'w').replace(/y/g, 'i'), toCyrillic(last), toCyrillic(name));
    } else if (kind === 'place') {
      name = unique(() => word(1 + Math.floor(rand() * 2)) + pick(PLACE_ENDS));
      aliases.push(name, name.replace(/k/g, 'c'), toCyrillic(name));
    } else if (kind === 'organisation') {
      const base = `${word(2)} ${pick(ORG_FORMS)}`;
      name = unique(() => (used.has(base) ? `${base} of ${word(2)}` : base));
      const acronym = name.split(' ').map((w) => w[0]).join('').toUpperCase();
      aliases.push(name, acronym, toCyrillic(name));
    } else {
      name = unique(() => (i < TERMS.length ? TERMS[i] : `${word(2).toLowerCase()} ${pick(TERMS)}`));
      aliases.push(name);
    }
    entities.push({
      id: `e${i}`,
      name,
      kind,
      ...(kind === 'person' ? { role: { text: `${word(2)} ${pick(TITLES)}`, sentence: 's0' } } : {}),
      aliases: [...new Set(aliases)].map((text) => ({ text, origin: 'derived' as const })),
      facts: [],
      quotes: [],
      figures: [],
      related: [],
    });
  }

  // About 3 facts an entity; each sentence is a fact of the two it names. A
  // person's first sentence carries their role, so the pack is a valid FactIndex.
  const sentences: Sentence[] = [];
  let text = '';
  const addSentence = (body: string, about: Entity[]) => {
    const id = `s${sentences.length}`;
    const start = text.length;
    text += body;
    sentences.push({ id, block: 'b0', start, end: text.length, text: body });
    text += ' ';
    for (const e of new Set(about)) e.facts.push({ sentence: id, text: body, score: 1 });
    return id;
  };
  const other = () => entities[Math.floor(rand() * size)];
  for (const e of entities) {
    if (!e.role) continue;
    const b = other();
    e.role.sentence = addSentence(`${e.role.text} ${e.name} ${pick(VERBS)} ${b.name} ${pick(TAILS)}.`, [e, b]);
  }
  while (sentences.length < size * 1.5) {
    const a = other();
    const b = other();
    addSentence(`${a.name} ${pick(VERBS)} ${b.name} about ${pick(TERMS)} ${pick(TAILS)}.`, [a, b]);
  }
  return {
    version: FACT_INDEX_VERSION,
    article: { id: `synthetic-${size}`, title: `Generated index of ${size} entities`, text },
    blocks: [{ id: 'b0', type: 'paragraph', start: 0, end: text.length }],
    sentences,
    entities,
  };
}

export function syntheticEntities(size: number, seed = 1): SearchCard[] {
  return searchCardsOfIndex(syntheticPack(size, seed));
}
