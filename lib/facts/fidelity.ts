/**
 * A stricter check than the schema validator: every fact, quote, figure and
 * role must be text of the very sentence it cites (the validator only asks
 * for text somewhere in the article), facts must be stored best first, and
 * every entity needs a fact. Used by the tests; cheap enough for imports.
 */
import type { FactIndex } from '../fact-index/schema';

export function fidelityProblems(index: FactIndex): string[] {
  const problems: string[] = [];
  const sentence = new Map(index.sentences.map((s) => [s.id, s.text]));
  const cites = (where: string, text: string, id: string) => {
    if (!sentence.get(id)?.includes(text)) problems.push(`${where}: "${text.slice(0, 40)}" is not text of sentence ${id}`);
  };
  for (const e of index.entities) {
    if (!e.facts.length) problems.push(`${e.id}: no facts`);
    e.facts.forEach((f, i) => {
      if (sentence.get(f.sentence) !== f.text) problems.push(`${e.id}.facts[${i}]: differs from sentence ${f.sentence}`);
      if (i > 0 && f.score > e.facts[i - 1].score) problems.push(`${e.id}.facts[${i}]: not ranked best first`);
    });
    e.quotes.forEach((q, i) => cites(`${e.id}.quotes[${i}]`, q.text, q.sentence));
    e.figures.forEach((f, i) => cites(`${e.id}.figures[${i}]`, f.text, f.sentence));
    if (e.role) cites(`${e.id}.role`, e.role.text, e.role.sentence);
  }
  return problems;
}
