/**
 * Scores the fact builder against team-written articles with expected entity
 * lists (tests/fixtures/articles/*.expected.json next to each *.txt).
 *
 *   npm run -s score-builder [-- --no-curated] [--quiet]
 *
 * An output entity is correct when its name or one of its aliases matches an
 * expected entity's name or alternatives (case, accents and apostrophes
 * folded) and one of the expected kinds. Optional entities (bylines, credits,
 * terms mentioned in passing) count as correct when found but are not needed
 * for recall. Every wrong entity gets an error class of its own, worked out
 * here independently of the builder's rules, so a test can demand that whole
 * classes stay empty.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildFactIndex } from '../lib/facts/build';
import type { CuratedAliases } from '../lib/facts/curated';
import type { EntityKind, FactIndex } from '../lib/fact-index/schema';
import { readCuratedAliases } from './build-facts';

export const ARTICLES_DIR = 'tests/fixtures/articles';

export interface ExpectedEntity {
  name: string;
  kind: EntityKind | EntityKind[];
  also?: string[];
  /** Role texts the article gives the person (any one is right); absent: the article gives none. */
  role?: string[];
  optional?: boolean;
}

export interface ExpectedArticle {
  style: string;
  lang: string;
  entities: ExpectedEntity[];
}

export interface ScoredArticle {
  name: string;
  text: string;
  expected: ExpectedArticle;
}

export type EntityErrorClass =
  | 'number' // "18", "Sept 11", "24 hours"
  | 'function-word' // "The", "But US"
  | 'shouted' // "BIG PROGRESS ON RUSSIA", "STAY TUNED"
  | 'dateline' // "WASHINGTON" beside Washington
  | 'split-name' // "Ursula", "Leyen" for Ursula von der Leyen
  | 'fragment' // "Rus"
  | 'derived' // "Nato-like", "Dutchman", "Dutch capital", "BBC’s US", "Europäische"
  | 'duplicate' // a second entity for one referent ("Britain" beside "UK")
  | 'wrong-kind' // a real entity with the wrong kind
  | 'missed' // an expected entity the builder did not find
  | 'other';

export type RoleErrorClass = 'leading-conjunction' | 'honorific' | 'wrong-role' | 'missed-role' | 'extra-role';

export interface ScoreError {
  article: string;
  class: EntityErrorClass | RoleErrorClass;
  /** The builder's entity name (or the expected one for misses). */
  name: string;
  detail: string;
}

export interface ArticleScore {
  article: string;
  output: number;
  correct: number;
  required: number;
  found: number;
  rolesChecked: number;
  rolesRight: number;
  errors: ScoreError[];
}

/** Names compare with case, accents, apostrophes and spacing folded. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[’‘`´]/gu, '\'').replace(/[‐‑–—]/gu, '-')
    .replace(/\s+/gu, ' ').trim().toLowerCase();
}

const kindsOf = (e: ExpectedEntity): EntityKind[] => (Array.isArray(e.kind) ? e.kind : [e.kind]);
const namesOf = (e: ExpectedEntity): string[] => [e.name, ...(e.also ?? [])].map(fold);

const FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'and', 'but', 'or', 'nor', 'so', 'yet', 'if', 'as', 'when', 'while', 'after', 'before',
  'this', 'that', 'these', 'those', 'there', 'here', 'it', 'its', 'he', 'she', 'we', 'they', 'i', 'you',
  'his', 'her', 'our', 'their', 'my', 'your', 'in', 'on', 'at', 'of', 'for', 'to', 'with', 'by', 'from',
  'no', 'not', 'all', 'some', 'any', 'one', 'what', 'who', 'how', 'why', 'where', 'asked', 'speaking',
  'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'und', 'aber', 'auch', 'nach', 'mit', 'auf',
  'и', 'в', 'на', 'по', 'но', 'об', 'это', 'её', 'его', 'их',
]);
const CALENDAR_ABBREVIATION = /^(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$/u;
/** Nationality, language and compass adjectives: English, German and Russian endings, -man/-men nouns. */
const DEMONYM = /^(?:(?:West|East|North|South)ern|\p{Lu}\p{Ll}+(?:ian|ean|ese|ish|ch|ic|man|men|i)|\p{Lu}\p{Ll}+(?:isch|ische|ischen|ischer|äische|äischen)|\p{Lu}\p{Ll}+(?:ский|ская|ской|ское|ские|ских|ского|ском))$/u;
const HONORIFIC = /^(?:sir|dame|dr|mr|mrs|ms|lady|lord|prof)\.?$/iu;
const CONJUNCTION = /^(?:but|and|or|so|yet|however|meanwhile|also|then|while|when|as)$/iu;

function isAllCaps(name: string): boolean {
  const letters = name.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** Why an entity that matches nothing expected is wrong. */
export function junkClass(name: string, expected: ExpectedEntity[]): EntityErrorClass {
  const folded = fold(name);
  const words = name.split(/\s+/u);
  const foldedWords = folded.split(' ');
  if (/\d/u.test(name) || CALENDAR_ABBREVIATION.test(folded)) return 'number';
  if (FUNCTION_WORDS.has(foldedWords[0])) return 'function-word';
  if (isAllCaps(name) && (words.length > 1 || name.length > 5)) return 'shouted';
  if (/-like$/iu.test(name) || /[’']s?(?:\s|$)/u.test(name) || words.some((w) => DEMONYM.test(w))) return 'derived';
  for (const e of expected) {
    for (const n of namesOf(e)) {
      const expectedWords = n.split(' ');
      if (n !== folded && ` ${n} `.includes(` ${folded} `) && expectedWords.length > 1) return 'split-name';
      if (n !== folded && folded.length >= 2 && expectedWords.some((w) => w !== folded && w.startsWith(folded))) return 'fragment';
    }
  }
  return 'other';
}

/** Errors in a role's wording that need no expected list: a leading conjunction, a trailing honorific. */
export function roleWordingClass(role: string): RoleErrorClass | undefined {
  const words = role.split(/\s+/u);
  if (CONJUNCTION.test(words[0])) return 'leading-conjunction';
  // "Mr Putin’s adviser" is an office; "UK Prime Minister Sir" carries the person's own honorific.
  if (HONORIFIC.test(words[0]) || HONORIFIC.test(words[words.length - 1])) return 'honorific';
  return undefined;
}

export function scoreIndex(article: string, index: FactIndex, expected: ExpectedArticle): ArticleScore {
  const errors: ScoreError[] = [];
  const matchedBy = new Map<ExpectedEntity, string>();
  let correct = 0;
  let rolesChecked = 0;
  let rolesRight = 0;
  for (const out of index.entities) {
    const forms = new Set([out.name, ...out.aliases.map((a) => a.text)].map(fold));
    const named = expected.entities.filter((e) => namesOf(e).some((n) => forms.has(n)));
    const sameKind = named.filter((e) => kindsOf(e).includes(out.kind));
    const fresh = sameKind.find((e) => !matchedBy.has(e));
    const roleWording = out.role && roleWordingClass(out.role.text);
    if (roleWording) errors.push({ article, class: roleWording, name: out.name, detail: `role "${out.role!.text}"` });
    if (fresh) {
      matchedBy.set(fresh, out.name);
      correct++;
      if (out.kind === 'person' && !fresh.optional) {
        rolesChecked++;
        const accepted = (fresh.role ?? []).map(fold);
        const got = out.role ? fold(out.role.text) : undefined;
        if (got === undefined ? accepted.length === 0 : accepted.includes(got)) rolesRight++;
        else if (!roleWording) {
          const cls: RoleErrorClass = got === undefined ? 'missed-role' : accepted.length ? 'wrong-role' : 'extra-role';
          errors.push({ article, class: cls, name: out.name, detail: `role ${got === undefined ? 'none' : `"${out.role!.text}"`}, expected ${accepted.length ? (fresh.role ?? []).map((r) => `"${r}"`).join(' or ') : 'none'}` });
        }
      }
      continue;
    }
    if (sameKind.length) {
      const first = sameKind[0];
      errors.push({ article, class: isAllCaps(out.name) && out.name.length > 4 ? 'dateline' : 'duplicate', name: out.name, detail: `${out.kind}; "${first.name}" is already "${matchedBy.get(first)}"` });
    } else if (named.length) {
      errors.push({ article, class: 'wrong-kind', name: out.name, detail: `${out.kind}, expected ${kindsOf(named[0]).join(' or ')}` });
    } else {
      errors.push({ article, class: junkClass(out.name, expected.entities), name: out.name, detail: out.kind });
    }
  }
  const required = expected.entities.filter((e) => !e.optional);
  for (const e of required) {
    if (!matchedBy.has(e)) errors.push({ article, class: 'missed', name: e.name, detail: kindsOf(e).join(' or ') });
  }
  return {
    article,
    output: index.entities.length,
    correct,
    required: required.length,
    found: required.filter((e) => matchedBy.has(e)).length,
    rolesChecked,
    rolesRight,
    errors,
  };
}

export function readScoredArticles(dir = ARTICLES_DIR): ScoredArticle[] {
  return readdirSync(dir).filter((f) => f.endsWith('.expected.json')).sort().map((f) => {
    const name = f.replace(/\.expected\.json$/u, '');
    return {
      name,
      text: readFileSync(join(dir, `${name}.txt`), 'utf8'),
      expected: JSON.parse(readFileSync(join(dir, f), 'utf8')) as ExpectedArticle,
    };
  });
}

export function scoreArticles(articles: ScoredArticle[], curatedAliases?: CuratedAliases): ArticleScore[] {
  return articles.map((a) => scoreIndex(a.name, buildFactIndex(a.text, { id: a.name, ...(curatedAliases ? { curatedAliases } : {}) }), a.expected));
}

export interface Totals { precision: number; recall: number; roleAccuracy: number; output: number; correct: number; required: number; found: number; rolesChecked: number; rolesRight: number }

export function totals(scores: ArticleScore[]): Totals {
  const sum = (pick: (s: ArticleScore) => number) => scores.reduce((n, s) => n + pick(s), 0);
  const t = {
    output: sum((s) => s.output), correct: sum((s) => s.correct), required: sum((s) => s.required),
    found: sum((s) => s.found), rolesChecked: sum((s) => s.rolesChecked), rolesRight: sum((s) => s.rolesRight),
  };
  const ratio = (a: number, b: number) => (b ? a / b : 1);
  return { ...t, precision: ratio(t.correct, t.output), recall: ratio(t.found, t.required), roleAccuracy: ratio(t.rolesRight, t.rolesChecked) };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export function report(scores: ArticleScore[], withErrors = true): string {
  const rows = [...scores.map((s) => ({ name: s.article, t: totals([s]) })), { name: 'overall', t: totals(scores) }];
  const width = Math.max(...rows.map((r) => r.name.length));
  const lines = [`${'article'.padEnd(width)}  precision        recall           roles`];
  for (const { name, t } of rows) {
    lines.push(`${name.padEnd(width)}  ${pct(t.precision).padStart(6)} ${`${t.correct}/${t.output}`.padStart(7)}  ${pct(t.recall).padStart(6)} ${`${t.found}/${t.required}`.padStart(7)}  ${pct(t.roleAccuracy).padStart(6)} ${`${t.rolesRight}/${t.rolesChecked}`.padStart(5)}`);
  }
  if (withErrors) {
    const all = scores.flatMap((s) => s.errors);
    const byClass = new Map<string, number>();
    for (const e of all) byClass.set(e.class, (byClass.get(e.class) ?? 0) + 1);
    lines.push('', `errors: ${[...byClass].map(([c, n]) => `${c} ${n}`).join(', ') || 'none'}`);
    for (const e of all) lines.push(`  ${e.article}: ${e.class.padEnd(19)} ${e.name} (${e.detail})`);
  }
  return lines.join('\n');
}

function main(): void {
  const { values } = parseArgs({ options: { 'no-curated': { type: 'boolean' }, quiet: { type: 'boolean' } } });
  const scores = scoreArticles(readScoredArticles(), values['no-curated'] ? undefined : readCuratedAliases());
  console.log(report(scores, !values.quiet));
}

const runDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (runDirectly) main();
