/**
 * Notable terms ("ceasefire", "Article 5", "security guarantees"). Chosen by
 * rules that hold for any article: a noun a subheading announces and the body
 * repeats, a noun compound the body repeats, a numbered provision (found with
 * the other names), and curated policy terms the article actually uses.
 */
import type { Sentence } from '../fact-index/schema';
import type { CuratedAliases } from './curated';
import type { Candidate } from './names';
import { isNoun, nounCompounds } from './candidates';
import { termPattern } from './mentions';
import { isRoleHead } from './titles';

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

export function termCandidates(body: Sentence[], headings: Sentence[], curated: CuratedAliases): Candidate[] {
  const out: Candidate[] = [];

  for (const [id, entry] of Object.entries(curated)) {
    if (entry.kind !== 'term') continue;
    for (const form of [entry.name, ...entry.aliases.map((a) => a.text)]) {
      const written = form && firstWritten(body, termPattern(form));
      if (written) { out.push({ text: written, kind: 'term', weight: 100, curatedId: id }); break; }
    }
  }

  for (const h of headings) {
    for (const word of h.text.split(/[^\p{L}-]+/u)) {
      const lower = word.toLowerCase();
      if (lower.length < 4 || !isNoun(lower)) continue;
      const exact = new RegExp(`(?<![\\p{L}\\p{N}])${lower}(?![\\p{L}\\p{N}])`, 'u');
      // Always "the alliance", "the company": a stand-in for a name, not a term.
      const anaphoric = new RegExp(`(?<![\\p{L}])the ${exact.source}`, 'iu');
      if (countIn(body, exact) >= MIN_REPEATS && countIn(body, exact) > countIn(body, anaphoric)) out.push({ text: lower, kind: 'term', weight: 5 });
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
