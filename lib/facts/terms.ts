/**
 * Notable terms ("ceasefire", "Article 5", "security guarantees", "coalition
 * of the willing"). Chosen by rules that hold for any article: what the
 * article itself calls "so-called", a noun or "X of the Y" phrase a
 * subheading announces and the body repeats, a noun compound the body
 * repeats, a numbered provision (found with the other names), and curated
 * policy terms the article actually uses. The rules that need compromise's
 * English tagger run on English copy only.
 */
import type { Sentence } from '../fact-index/schema';
import type { CuratedAliases } from './curated';
import type { ArticleLanguage } from './language';
import type { Candidate } from './names';
import { isNoun, nounCompounds, wordTags } from './candidates';
import { termPattern } from './mentions';
import { isRoleHead } from './titles';
import { isFunctionWord } from './word-classes';

const MIN_REPEATS = 2;

function countIn(sentences: Sentence[], re: RegExp): number {
  const all = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  return sentences.reduce((n, s) => n + (s.text.match(all)?.length ?? 0), 0);
}

/** The first place the article writes the term, as written. */
function firstWritten(sentences: Sentence[], re: RegExp): string | undefined {
  for (const s of sentences) {
    const m = re.exec(s.text);
    if (m) return m[0];
  }
  return undefined;
}

/** "so-called", "sogenannten", "так называемой": the article marks what follows as its own term. */
const SO_CALLED = /(?<![\p{L}])(?:so-called|so called|sogenannte[nmrs]?|so genannte[nmrs]?|так называем\p{L}+|так званої|так званий|так звана)\s+/giu;
const QUOTED = /^[«“„"‘']([^«»“”„"‘’']{2,60})[»”“"’']/u;

/** The phrase after "so-called": a quotation, or a few words up to punctuation or a clause. */
function soCalledPhrase(rest: string, language: ArticleLanguage): string | undefined {
  const quoted = QUOTED.exec(rest);
  if (quoted) return quoted[1].trim();
  const words = /^[\p{L}\p{N}’'-]+(?: [\p{L}\p{N}’'-]+){0,4}/u.exec(rest)?.[0].split(' ') ?? [];
  const out: string[] = [];
  for (const w of words) {
    const joins = w === 'of' || (w === 'the' && out[out.length - 1] === 'of') || ((w === 'der' || w === 'des') && language.nounsCapitalised);
    if (out.length && !joins && (isFunctionWord(w) || (language.english && wordTags(w).includes('Verb')) || (language.nounsCapitalised && /^\p{Ll}/u.test(w)))) break;
    out.push(w);
  }
  while (out.length && /^(?:of|the|der|des)$/u.test(out[out.length - 1])) out.pop();
  return out.length ? out.join(' ') : undefined;
}

/** "coalition of the willing", "rule of law": a noun, "of", maybe "the", and one more word. */
const OF_PHRASE = /(?<![\p{L}])(\p{Ll}[\p{Ll}-]+ of (?:the )?\p{Ll}[\p{Ll}-]+)(?![\p{L}])/gu;

export function termCandidates(body: Sentence[], headings: Sentence[], curated: CuratedAliases, language: ArticleLanguage): Candidate[] {
  const out: Candidate[] = [];

  for (const [id, entry] of Object.entries(curated)) {
    if (entry.kind !== 'term') continue;
    for (const form of [entry.name, ...entry.aliases.map((a) => a.text)]) {
      const written = form && firstWritten(body, termPattern(form));
      if (written) { out.push({ text: written, kind: 'term', weight: 100, curatedId: id }); break; }
    }
  }

  for (const s of body) {
    for (const m of s.text.matchAll(SO_CALLED)) {
      const phrase = soCalledPhrase(s.text.slice(m.index! + m[0].length), language);
      if (phrase && /\p{L}{3}/u.test(phrase)) out.push({ text: phrase, kind: 'term', weight: 5 });
    }
  }

  if (!language.english) return out;

  for (const h of headings) {
    for (const word of h.text.split(/[^\p{L}-]+/u)) {
      const lower = word.toLowerCase();
      if (lower.length < 4 || !isNoun(lower)) continue;
      const exact = new RegExp(`(?<![\\p{L}\\p{N}])${lower}(?![\\p{L}\\p{N}])`, 'u');
      // Always "the alliance", "the company": a stand-in for a name, not a term.
      const anaphoric = new RegExp(`(?<![\\p{L}])the ${exact.source}`, 'iu');
      if (countIn(body, exact) >= MIN_REPEATS && countIn(body, exact) > countIn(body, anaphoric)) out.push({ text: lower, kind: 'term', weight: 5 });
    }
    for (const m of h.text.toLowerCase().matchAll(OF_PHRASE)) {
      const phrase = m[1];
      if (!isNoun(phrase.split(' ')[0]) || isRoleHead(phrase.split(' ')[0])) continue;
      const written = new RegExp(`(?<![\\p{L}])${phrase}(?![\\p{L}])`, 'u');
      if (countIn(body, written) >= MIN_REPEATS) out.push({ text: firstWritten(body, written)!, kind: 'term', weight: 5 });
    }
  }

  const compounds = new Map<string, number>();
  for (const c of nounCompounds(body.map((s) => s.text).join('\n\n'))) compounds.set(c, (compounds.get(c) ?? 0) + 1);
  for (const [c, n] of compounds) {
    // "secretary general" is an office, found with the person who holds it.
    if (n >= MIN_REPEATS && !isRoleHead(c.split(' ')[1])) out.push({ text: c, kind: 'term', weight: 5 });
  }
  return out;
}
