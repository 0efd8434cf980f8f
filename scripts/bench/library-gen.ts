/**
 * A generated library of saved articles for the library-scale bench: N
 * articles about one running story, as a library file the extension's
 * `import-library` message takes (the same path as the options page's
 * import). Deterministic for a seed.
 *
 * Like a reader's library, articles share their cast: a few hundred names
 * recur (some in most articles, including the people of the bundled
 * article, so their cards draw on many articles) and a long tail appears
 * once or twice. Each article names ~20 entities, so 500 articles hold
 * ~10,000 entity records, which the library merges into a few thousand
 * entities.
 */
import type { Entity, FactIndex, Sentence } from '../../lib/fact-index/schema';
import { FACT_INDEX_VERSION } from '../../lib/fact-index/schema';
import { libraryFileOf } from '../../lib/library/library-file';
import { toStoredArticle, type StoredArticle } from '../../lib/library/stored-article';
import { seededRandom, syntheticPack } from './synthetic';

/** Entities an article names. */
const PER_ARTICLE = 20;
/** Names that recur across articles. */
const RECURRING = 300;
/** Bundled-article names in an article (when the bundled index is given). */
const BUNDLED_PER_ARTICLE = 3;

const VERBS = ['met', 'spoke with', 'criticised', 'praised', 'held talks with', 'wrote to', 'called on', 'hosted'];
const TAILS = ['on Monday', 'after a late-night session', 'ahead of the summit', 'according to two officials',
  'in a statement released overnight', 'at a press conference', 'despite earlier objections', 'for the second time this week'];
const SOURCES = ['The Daily Ledger', 'Morning Wire', 'Harbour Post', 'Continental Review', 'Evening Standard Bearer'];

type Cast = Pick<Entity, 'name' | 'kind' | 'aliases'> & { roleText?: string };

const castOf = (e: Entity): Cast => ({ name: e.name, kind: e.kind, aliases: e.aliases, ...(e.role ? { roleText: e.role.text } : {}) });

function slug(name: string): string {
  const s = name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return s || 'e';
}

/** One article's index: `cast` named in ~3 sentences each, two entities a sentence. */
function articleIndex(k: number, cast: Cast[], rand: () => number): FactIndex {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const ids = new Set<string>();
  const entities: Entity[] = cast.map((c) => {
    let id = slug(c.name);
    while (ids.has(id)) id += '-x';
    ids.add(id);
    return { id, name: c.name, kind: c.kind, aliases: c.aliases, facts: [], quotes: [], figures: [], related: [] };
  });
  const sentences: Sentence[] = [];
  let text = `Report ${k + 1}. `;
  const add = (body: string, about: Entity[]) => {
    const id = `s${sentences.length}`;
    const start = text.length;
    text += body;
    sentences.push({ id, block: 'b0', start, end: text.length, text: body });
    text += ' ';
    for (const e of new Set(about)) e.facts.push({ sentence: id, text: body, score: 1 + rand() });
    return id;
  };
  entities.forEach((e, i) => {
    const other = entities[(i + 1 + Math.floor(rand() * (entities.length - 1))) % entities.length];
    const role = cast[i].roleText;
    const id = add(`${role ? `${role} ` : ''}${e.name} ${pick(VERBS)} ${other.name} ${pick(TAILS)} (report ${k + 1}).`, [e, other]);
    if (role) e.role = { text: role, sentence: id };
  });
  for (let n = 0; n < entities.length * 2; n++) {
    const a = pick(entities);
    const b = pick(entities);
    add(`${a.name} ${pick(VERBS)} ${b.name} ${pick(TAILS)}.`, [a, b]);
  }
  return {
    version: FACT_INDEX_VERSION,
    article: { id: `generated-${k + 1}`, title: `Generated report ${k + 1}`, text },
    blocks: [{ id: 'b0', type: 'paragraph', start: 0, end: text.length }],
    sentences,
    entities,
  };
}

export interface GeneratedLibrary {
  articles: StoredArticle[];
  /** Entity records over all articles (before the library merges them). */
  entityRecords: number;
  textChars: number;
}

/** `count` stored articles (deterministic for `seed`); `bundled` names recur in them when given. */
export function generateLibrary(count: number, seed = 500, bundled?: FactIndex): GeneratedLibrary {
  const rand = seededRandom(seed);
  const pool = syntheticPack(RECURRING + count * PER_ARTICLE, seed + 1).entities.map(castOf);
  const recurring = pool.slice(0, RECURRING);
  const tail = pool.slice(RECURRING);
  const known = (bundled?.entities ?? []).filter((e) => e.kind === 'person' || e.kind === 'organisation').map(castOf);
  const articles: StoredArticle[] = [];
  let entityRecords = 0;
  let textChars = 0;
  for (let k = 0; k < count; k++) {
    const cast = new Map<string, Cast>();
    const add = (c: Cast) => cast.set(c.name, c);
    for (let i = 0; i < BUNDLED_PER_ARTICLE && known.length; i++) add(known[Math.floor(rand() * rand() * known.length)]);
    // Recurring names, the first ones most often (a story's main cast).
    while (cast.size < PER_ARTICLE / 2) add(recurring[Math.floor(rand() * rand() * recurring.length)]);
    while (cast.size < PER_ARTICLE) add(tail[Math.floor(rand() * tail.length)]);
    const index = articleIndex(k, [...cast.values()], rand);
    const day = new Date(Date.UTC(2025, 0, 1) + k * 86_400_000).toISOString().slice(0, 10);
    articles.push(toStoredArticle(index, { title: index.article.title, source: SOURCES[k % SOURCES.length], published: day }, { id: index.article.id, addedAt: `${day}T12:00:00.000Z` }));
    entityRecords += index.entities.length;
    textChars += index.article.text.length;
  }
  return { articles, entityRecords, textChars };
}

/** The library file (`fact-cards-library`) of generated articles. */
export function libraryFileText(library: GeneratedLibrary): string {
  return JSON.stringify(libraryFileOf(library.articles, '2026-01-01T00:00:00.000Z'));
}
