/**
 * How informative a sentence is about one entity, so a card can lead with
 * its best fact: body text over captions and headlines, sentences that give a
 * role, figures or the entity's own words, and sentences the entity is the
 * subject of.
 */
import type { BlockType, Sentence } from '../fact-index/schema';

export interface FactSignals {
  block: BlockType;
  /** Repeats a body sentence (a caption or standfirst echoing the text). */
  repeated: boolean;
  givesRole: boolean;
  figures: number;
  /** Quotations in the sentence spoken by the entity. */
  ownQuotes: number;
  /** Named first in the sentence. */
  subject: boolean;
  /** Reached only through "he"/"she". */
  pronoun: boolean;
  words: number;
  /** Other entities the sentence connects it with. */
  others: number;
}

const BLOCK_WEIGHT: Record<BlockType, number> = {
  paragraph: 2, standfirst: 1, caption: 0.5, headline: 0.5, heading: 0, section: 0,
};

export function factScore(s: FactSignals): number {
  let score = 1 + BLOCK_WEIGHT[s.block];
  if (s.repeated) score -= 2;
  if (s.givesRole) score += 1.5;
  score += 0.5 * Math.min(s.figures, 2);
  score += 1.5 * Math.min(s.ownQuotes, 1);
  if (s.subject) score += 1;
  if (s.pronoun) score -= 0.5;
  if (s.words < 6) score -= 1;
  if (s.words > 45) score -= 0.5;
  score += 0.25 * Math.min(s.others, 4);
  return Math.round(score * 100) / 100;
}

const comparable = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Non-paragraph sentences whose words a paragraph sentence already contains. */
export function repeatedSentences(sentences: Sentence[], blockType: (s: Sentence) => BlockType): Set<string> {
  const body = sentences.filter((s) => blockType(s) === 'paragraph').map((s) => comparable(s.text));
  const out = new Set<string>();
  for (const s of sentences) {
    if (blockType(s) === 'paragraph') continue;
    const c = comparable(s.text);
    if (c.length > 12 && body.some((b) => b.includes(c))) out.add(s.id);
  }
  return out;
}
