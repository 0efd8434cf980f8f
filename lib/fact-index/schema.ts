/**
 * The fact index: one schema for the bundled article, users' fact packs,
 * and every message that carries cards. `validateFactIndex` is the runtime
 * check used at every trust boundary (imported files, storage, messages).
 */

export const FACT_INDEX_VERSION = 1;

export type EntityKind = 'person' | 'place' | 'organisation' | 'term';
export const ENTITY_KINDS: readonly EntityKind[] = ['person', 'place', 'organisation', 'term'];

export type BlockType = 'section' | 'headline' | 'standfirst' | 'caption' | 'heading' | 'paragraph';
export const BLOCK_TYPES: readonly BlockType[] = [
  'section', 'headline', 'standfirst', 'caption', 'heading', 'paragraph',
];

/** A visual block of the article; `start`/`end` are UTF-16 offsets into `article.text`. */
export interface Block {
  id: string; // "b3"
  type: BlockType;
  start: number;
  end: number;
}

/** A sentence; `text === article.text.slice(start, end)`. */
export interface Sentence {
  id: string; // "s12"
  block: string; // Block.id
  start: number;
  end: number;
  text: string;
}

/**
 * Why an alias needs care before it is highlighted:
 * - `common-word`: also an ordinary word ("trump", "macron", "merge")
 * - `other-referent`: also names something else (Washington the person,
 *   Article 5 of other laws, a bare surname shared by many people)
 */
export type AliasCaution = 'common-word' | 'other-referent';

export interface Alias {
  text: string; // as written ("Zelenskiy", "Зеленський", "Nato")
  /** article: written in the article; curated: data/aliases.json; derived: built by rule (surname, possessive-free form …) */
  origin: 'article' | 'curated' | 'derived';
  lang?: string; // BCP 47 for curated foreign spellings ("de", "ru")
  caution?: AliasCaution;
}

/** A sentence about the entity. `text` is the sentence's text, verbatim. */
export interface Fact {
  sentence: string; // Sentence.id
  text: string;
  /** Higher is more informative; facts are stored best first. */
  score: number;
}

export interface Quote {
  sentence: string;
  /** The quoted words, verbatim from the article, without the quote marks. */
  text: string;
  /** Entity id of the speaker, when the article names one. */
  speaker?: string;
}

/** A number, amount or span of time in a sentence about the entity ("$90 bn", "within ten days"). */
export interface Figure {
  sentence: string;
  text: string;
}

export interface Relation {
  entity: string; // Entity.id
  /** Sentences the two share (higher = more related). */
  weight: number;
}

export interface Role {
  text: string; // "NATO Secretary General", verbatim
  sentence: string;
}

export interface Entity {
  id: string; // slug, unique within the index ("mark-rutte")
  name: string; // canonical display name
  kind: EntityKind;
  role?: Role;
  aliases: Alias[];
  facts: Fact[];
  quotes: Quote[];
  figures: Figure[];
  related: Relation[];
}

export interface ArticleInfo {
  id: string; // pack id, stable ("builtin" for the bundled article)
  title: string;
  source?: string; // as named by the article or the user ("Reuters", a URL)
  date?: string;
  text: string;
}

export interface FactIndex {
  version: typeof FACT_INDEX_VERSION;
  article: ArticleInfo;
  blocks: Block[];
  sentences: Sentence[];
  entities: Entity[];
}

// ---------------------------------------------------------------------------
// Runtime validation

export class FactIndexError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid fact index: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (+${problems.length - 5} more)` : ''}`);
    this.name = 'FactIndexError';
  }
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Checks shape and internal consistency (ids resolve, spans lie inside the
 * text, sentence and fact texts are text of the article). Returns the list of
 * problems, empty when the value is a valid FactIndex.
 */
export function factIndexProblems(value: unknown): string[] {
  const p: string[] = [];
  if (!isObj(value)) return ['not an object'];
  if (value.version !== FACT_INDEX_VERSION) p.push(`version: expected ${FACT_INDEX_VERSION}, got ${JSON.stringify(value.version)}`);
  const a = value.article;
  if (!isObj(a) || !isStr(a.id) || !isStr(a.title) || !isStr(a.text)) {
    return [...p, 'article: needs string id, title and text'];
  }
  if (a.source !== undefined && !isStr(a.source)) p.push('article.source: not a string');
  if (a.date !== undefined && !isStr(a.date)) p.push('article.date: not a string');
  const text = a.text;
  const within = (s: unknown, e: unknown) => isInt(s) && isInt(e) && s <= e && e <= text.length;

  const blockIds = new Set<string>();
  if (!Array.isArray(value.blocks)) p.push('blocks: not an array');
  else value.blocks.forEach((b, i) => {
    if (!isObj(b) || !isStr(b.id) || !BLOCK_TYPES.includes(b.type as BlockType) || !within(b.start, b.end)) {
      p.push(`blocks[${i}]: needs id, a known type and a span inside the text`);
    } else blockIds.add(b.id);
  });

  const sentenceIds = new Set<string>();
  if (!Array.isArray(value.sentences)) p.push('sentences: not an array');
  else value.sentences.forEach((s, i) => {
    if (!isObj(s) || !isStr(s.id) || !isStr(s.block) || !isStr(s.text) || !within(s.start, s.end)) {
      p.push(`sentences[${i}]: needs id, block, text and a span inside the text`);
      return;
    }
    if (!blockIds.has(s.block)) p.push(`sentences[${i}]: unknown block ${s.block}`);
    if (text.slice(s.start as number, s.end as number) !== s.text) p.push(`sentences[${i}]: text differs from the article at its span`);
    sentenceIds.add(s.id);
  });

  if (!Array.isArray(value.entities)) return [...p, 'entities: not an array'];
  const entityIds = new Set<string>();
  for (const e of value.entities) if (isObj(e) && isStr(e.id)) entityIds.add(e.id);
  if (entityIds.size !== value.entities.length) p.push('entities: ids missing or not unique');

  value.entities.forEach((e, i) => {
    const at = `entities[${i}]`;
    if (!isObj(e) || !isStr(e.id) || !isStr(e.name) || !ENTITY_KINDS.includes(e.kind as EntityKind)) {
      p.push(`${at}: needs id, name and a known kind`);
      return;
    }
    const inArticle = (what: string, v: unknown, sentence: unknown) => {
      if (!isStr(v) || !isStr(sentence) || !sentenceIds.has(sentence)) {
        p.push(`${at}.${what}: needs text and a known sentence`);
      } else if (!text.includes(v)) p.push(`${at}.${what}: "${v.slice(0, 40)}" is not text of the article`);
    };
    if (e.role !== undefined) {
      if (!isObj(e.role)) p.push(`${at}.role: not an object`);
      else inArticle('role', e.role.text, e.role.sentence);
    }
    if (!Array.isArray(e.aliases)) p.push(`${at}.aliases: not an array`);
    else e.aliases.forEach((al, j) => {
      if (!isObj(al) || !isStr(al.text) || al.text.trim() === '' || !['article', 'curated', 'derived'].includes(al.origin as string)) {
        p.push(`${at}.aliases[${j}]: needs non-empty text and origin`);
      } else if (al.caution !== undefined && al.caution !== 'common-word' && al.caution !== 'other-referent') {
        p.push(`${at}.aliases[${j}]: unknown caution`);
      } else if (al.lang !== undefined && !isStr(al.lang)) p.push(`${at}.aliases[${j}]: lang not a string`);
    });
    const list = (name: string, check: (x: Record<string, unknown>, k: number) => void) => {
      const v = e[name];
      if (!Array.isArray(v)) { p.push(`${at}.${name}: not an array`); return; }
      v.forEach((x, k) => (isObj(x) ? check(x, k) : p.push(`${at}.${name}[${k}]: not an object`)));
    };
    list('facts', (f, k) => {
      inArticle(`facts[${k}]`, f.text, f.sentence);
      if (!isNum(f.score)) p.push(`${at}.facts[${k}]: score not a number`);
    });
    list('quotes', (q, k) => {
      inArticle(`quotes[${k}]`, q.text, q.sentence);
      if (q.speaker !== undefined && !(isStr(q.speaker) && entityIds.has(q.speaker))) p.push(`${at}.quotes[${k}]: unknown speaker`);
    });
    list('figures', (f, k) => inArticle(`figures[${k}]`, f.text, f.sentence));
    list('related', (r, k) => {
      if (!isStr(r.entity) || !entityIds.has(r.entity) || !isNum(r.weight)) p.push(`${at}.related[${k}]: needs a known entity and a weight`);
    });
  });
  return p;
}

export function isFactIndex(value: unknown): value is FactIndex {
  return factIndexProblems(value).length === 0;
}

/** Throws a FactIndexError listing what is wrong. */
export function assertFactIndex(value: unknown): asserts value is FactIndex {
  const problems = factIndexProblems(value);
  if (problems.length) throw new FactIndexError(problems);
}
