/**
 * In German every noun is capitalised ("Geld", "Soldaten", "Treffen"), so a
 * capital is no evidence of a name. There a candidate stays only with other
 * evidence: an office or honorific before it (a person), a first name,
 * a name particle, a capitalised adjective ("Europäische Union",
 * "Vereinigten Staaten"), an acronym, a name compromise or the curated list
 * knows, a term rule, or being the surname of such a person.
 */
import type { Candidate } from './names';
import { isFirstName, isKnownName } from './candidates';
import { isGermanNameAdjective, isNameParticle } from './word-classes';


export function namesAmongNouns(candidates: Candidate[], isCurated: (text: string) => boolean): Candidate[] {
  const evidenced = (c: Candidate): boolean => {
    const ws = c.text.split(' ');
    if (c.kind === 'term' || c.curatedId || isCurated(c.text) || c.addressed) return true;
    if (c.kind === 'person' && c.weight >= 3) return true;
    if (ws.length === 1) return /^\p{Lu}{2,6}$/u.test(c.text) || isKnownName(c.text);
    return isFirstName(ws[0]) || ws.some((w) => isNameParticle(w, undefined, true) || w === 'von')
      || isGermanNameAdjective(ws[0]) || ws.every((w) => /^\p{Lu}{2,6}$/u.test(w) || isKnownName(w));
  };
  const kept = candidates.filter(evidenced);
  const surnames = new Set(kept.filter((c) => c.kind === 'person').map((c) => c.text.split(' ').at(-1)!));
  return [...kept, ...candidates.filter((c) => !evidenced(c) && surnames.has(c.text))];
}
