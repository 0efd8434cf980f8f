/**
 * Where the article mentions each entity: by any of its written forms (full
 * name, bare surname, possessive "Trump’s", "Putin-Zelenskiy"), and by a
 * he/she that can only point back to the person the previous sentence of the
 * same paragraph names.
 */
import type { Sentence } from '../fact-index/schema';
import { anyCasePattern, isCyrillic } from './inflection';

export interface Mention {
  entity: string;
  sentence: string; // Sentence.id
  start: number; // offsets in the sentence text
  end: number;
  form: string; // as written
  pronoun?: boolean;
}

export interface Surface {
  entity: string;
  forms: string[];
  /** Terms are common nouns: any case, singular or plural ("Ceasefire", "security guarantee"). */
  isTerm: boolean;
  isPerson: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
const BEFORE = '(?<![\\p{L}\\p{N}_])';
const AFTER = '(?![\\p{L}\\p{N}_])';

/**
 * Case-insensitive pattern for a term, allowing a plural or singular ending
 * (for Russian and Ukrainian, any case ending: "гарантиями безопасности").
 */
export function termPattern(form: string): RegExp {
  if (isCyrillic(form)) return new RegExp(`${BEFORE}${form.split(/\s+/u).map(anyCasePattern).join('\\s+')}${AFTER}`, 'iu');
  const stem = escape(form.replace(/s$/u, ''));
  return new RegExp(`${BEFORE}${stem}(?:s|es)?${AFTER}`, 'iu');
}

/** A name's forms, and the same in capitals as datelines and capitals headings set it ("WASHINGTON"). */
function withCapitals(forms: string[]): string[] {
  return [...new Set([...forms, ...forms.filter((f) => f.replace(/[^\p{L}]/gu, '').length >= 4).map((f) => f.toUpperCase())])];
}

function surfacePattern(surface: Surface): RegExp | null {
  const unique = [...new Set(surface.forms)].filter(Boolean);
  const forms = (surface.isTerm ? unique : withCapitals(unique)).sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  if (!forms.length) return null;
  if (surface.isTerm) return new RegExp(forms.map((f) => termPattern(f).source).join('|'), 'giu');
  // Russian and Ukrainian names are mentioned in every case ("Путина", "в Москве").
  const pattern = (f: string) => (isCyrillic(f) ? f.split(' ').map(anyCasePattern).join(' ') : escape(f));
  return new RegExp(`${BEFORE}(?:${forms.map(pattern).join('|')})${AFTER}`, 'gu');
}

/** Explicit mentions, longest match first where two entities' forms overlap. */
function namedMentions(sentences: Sentence[], surfaces: Surface[]): Mention[] {
  const patterns = surfaces.map((s) => [s.entity, surfacePattern(s)] as const);
  const out: Mention[] = [];
  for (const sentence of sentences) {
    const found: Mention[] = [];
    for (const [entity, re] of patterns) {
      if (!re) continue;
      for (const m of sentence.text.matchAll(re)) {
        found.push({ entity, sentence: sentence.id, start: m.index!, end: m.index! + m[0].length, form: m[0] });
      }
    }
    found.sort((a, b) => a.start - b.start || b.end - a.end || (a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : 0));
    let reached = 0;
    for (const m of found) if (m.start >= reached) { out.push(m); reached = m.end; }
  }
  return out;
}

const PRONOUN = /(?<![\p{L}])(?:[Hh]e|[Ss]he|[Hh]is|[Hh]im|[Hh]er)(?![\p{L}’'])/u;

/**
 * A sentence that names no person but says "he"/"she" continues the previous
 * sentence of its block; the person it refers to is the first one named there.
 */
function pronounMentions(sentences: Sentence[], named: Mention[], persons: Set<string>): Mention[] {
  const firstPerson = new Map<string, string>();
  for (const m of named) if (persons.has(m.entity) && !firstPerson.has(m.sentence)) firstPerson.set(m.sentence, m.entity);
  const out: Mention[] = [];
  for (let i = 1; i < sentences.length; i++) {
    const s = sentences[i];
    const prev = sentences[i - 1];
    if (firstPerson.has(s.id) || prev.block !== s.block) continue;
    const referent = firstPerson.get(prev.id);
    const m = PRONOUN.exec(s.text);
    if (!referent || !m) continue;
    out.push({ entity: referent, sentence: s.id, start: m.index, end: m.index + m[0].length, form: m[0], pronoun: true });
    firstPerson.set(s.id, referent); // "He … . He …" chains within the paragraph
  }
  return out;
}

/** All mentions, in article order. */
export function findMentions(sentences: Sentence[], surfaces: Surface[]): Mention[] {
  const named = namedMentions(sentences, surfaces);
  const persons = new Set(surfaces.filter((s) => s.isPerson).map((s) => s.entity));
  const order = new Map(sentences.map((s, i) => [s.id, i]));
  return [...named, ...pronounMentions(sentences, named, persons)]
    .sort((a, b) => order.get(a.sentence)! - order.get(b.sentence)! || a.start - b.start);
}
