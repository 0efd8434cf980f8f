/** Entities the article mentions together, weighted by the sentences they share. */
import type { Relation } from '../fact-index/schema';
import type { Mention } from './mentions';

export function relationsOf(mentions: Mention[]): Map<string, Relation[]> {
  const inSentence = new Map<string, Set<string>>();
  for (const m of mentions) {
    if (!inSentence.has(m.sentence)) inSentence.set(m.sentence, new Set());
    inSentence.get(m.sentence)!.add(m.entity);
  }
  const weights = new Map<string, Map<string, number>>();
  for (const ids of inSentence.values()) {
    for (const a of ids) for (const b of ids) {
      if (a === b) continue;
      if (!weights.has(a)) weights.set(a, new Map());
      weights.get(a)!.set(b, (weights.get(a)!.get(b) ?? 0) + 1);
    }
  }
  const out = new Map<string, Relation[]>();
  for (const [a, related] of weights) {
    out.set(a, [...related].map(([entity, weight]) => ({ entity, weight }))
      .sort((x, y) => y.weight - x.weight || (x.entity < y.entity ? -1 : 1)));
  }
  return out;
}
