/**
 * Finds mentions of a fact index's entities in page text: fold, alias trie,
 * fuzzy fallback, context gate. DOM-free; the content script feeds it text.
 */
import { resolveMentions } from './gate';
import type { MatchOptions, Matcher, Mention } from './types';

export { compileMatcher } from './matcher';
export { gateEvidence, resolveMentions, type EntityLookup } from './gate';
export { normaliseText, type NormalisedText } from './normalise';
export type { Candidate, MatchEntity, MatchHow, MatchOptions, Matcher, Mention } from './types';
export { DEFAULT_MATCH_OPTIONS } from './types';

/** Convenience: the mentions of one text on its own (scan, then the gate over that text alone). */
export function findMentions(matcher: Matcher, text: string, options?: MatchOptions): Mention[] {
  return resolveMentions(matcher, matcher.scan(text, options), options);
}
