/**
 * Everything we ask of `compromise`, kept in one module so the rest of the
 * builder depends on plain data: name candidates with a kind, demonyms,
 * common words and repeated noun compounds.
 *
 * compromise is a good first pass but noisy on news copy ("Major" from a
 * title-case headline, "Putin-" from "Putin-Zelenskiy", "territory," as a
 * place), so every candidate is cleaned here and checked again by the
 * callers against the article's own capitalisation.
 */
import nlp from 'compromise';
import type { EntityKind } from '../fact-index/schema';
import { isRoleWord } from './titles';

export interface NlpName {
  /** Cleaned surface form: no title, punctuation or possessive ending. */
  text: string;
  kind: Exclude<EntityKind, 'term'>;
}

interface NlpTerm { text: string; tags: string[] }
interface NlpMatch { terms: NlpTerm[] }

interface NlpModel {
  one: { lexicon: Record<string, string | string[]> };
  two: { placeWords: Record<string, boolean>; orgWords: Record<string, boolean> };
}
const model = (): NlpModel => (nlp as unknown as { model(): NlpModel }).model();
const lexicon = () => model().one.lexicon;

function lexiconTags(word: string): string[] {
  const entry = lexicon()[word.toLowerCase()];
  return entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];
}

/** Geographic heads compromise's placeWords lacks. */
const MORE_PLACE_WORDS = new Set(['sea', 'ocean', 'river', 'lake', 'strait', 'straits', 'channel', 'peninsula', 'mountains', 'plain', 'steppe', 'oblast', 'province', 'region', 'district', 'square', 'street', 'avenue', 'bridge', 'airport', 'port']);

/** "Ukraine’s" → "Ukraine", "Putin-" → "Putin", "Alaska." → "Alaska". */
export function cleanName(text: string): string {
  const name = text
    .replace(/\s+/gu, ' ')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/(?:[’']s?)?[^\p{L}\p{N}.]*$/u, '')
    .trim();
  // Keep the stop of an initialism ("U.S.") but not a sentence's ("Alaska.", "NATO.").
  return /(?:^|[\s.])\p{L}\.$/u.test(name) ? name : name.replace(/[.’']+$/u, '');
}

function nameFromTerms(terms: NlpTerm[]): string {
  let from = 0;
  // Titles belong to the role, not the name: "President Donald Trump" → "Donald Trump".
  while (from < terms.length && (terms[from].tags.includes('Honorific') || isRoleWord(cleanName(terms[from].text)))) from++;
  return cleanName(terms.slice(from).map((t) => t.text).join(' '));
}

/** People, places and organisations compromise recognises in `text`. */
export function nlpNames(text: string): NlpName[] {
  const doc = nlp(text);
  const out: NlpName[] = [];
  const take = (matches: NlpMatch[], kind: NlpName['kind']) => {
    for (const m of matches) {
      const name = nameFromTerms(m.terms);
      if (/^\p{Lu}/u.test(name)) out.push({ text: name, kind });
    }
  };
  take(doc.people().json() as NlpMatch[], 'person');
  take(doc.places().json() as NlpMatch[], 'place');
  take(doc.organizations().json() as NlpMatch[], 'organisation');
  return out;
}

/** Tags compromise gives a lone word. Memoised: tagging one word costs ~0.1 ms and long articles repeat names thousands of times. */
const wordTagCache = new Map<string, string[]>();
function wordTags(word: string): string[] {
  let tags = wordTagCache.get(word);
  if (!tags) {
    tags = (nlp(word).json()[0]?.terms?.[0]?.tags as string[] | undefined) ?? [];
    wordTagCache.set(word, tags);
  }
  return tags;
}

/** Demonyms and nationality adjectives ("Ukrainian", "European", "Finnish") name no place themselves. */
export function isDemonym(word: string): boolean {
  if (!/^\p{Lu}\p{Ll}+$/u.test(word)) return false;
  return /(?:ian|ean|ese|ish)$/u.test(word) || wordTags(word).includes('Demonym');
}

/**
 * Whether a one-word alias is also an everyday English word in compromise's
 * lexicon ("US" → "us"). Proper nouns in the lexicon (names, places) do not count.
 */
const PROPER_TAGS = ['ProperNoun', 'Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName', 'Place', 'Country', 'City', 'Region', 'Organization', 'Currency'];

export function isCommonWord(word: string): boolean {
  if (/\s/u.test(word)) return false;
  const tags = lexiconTags(word);
  return tags.length > 0 && !tags.some((t) => PROPER_TAGS.includes(t));
}

/** compromise knows the word as a name (a country, city, first or last name…): "Estonia", "Helsinki". */
export function isKnownName(word: string): boolean {
  return lexiconTags(word).some((t) => PROPER_TAGS.includes(t) && t !== 'Currency');
}

/**
 * The kind a name's own words suggest: a known country or city, a place head
 * ("Baltic Sea", "Gulf of Finland") or an organisation head ("European Commission").
 */
export function kindFromWords(name: string): Exclude<EntityKind, 'term'> | undefined {
  const words = name.toLowerCase().split(/\s+/u);
  const { placeWords, orgWords } = model().two;
  const isPlaceWord = (w: string) => placeWords[w] === true || MORE_PLACE_WORDS.has(w);
  if (words.length === 1) {
    const tags = lexiconTags(words[0]);
    if (tags.some((t) => ['Country', 'City', 'Region', 'Place'].includes(t))) return 'place';
    if (tags.includes('Organization')) return 'organisation';
    return undefined;
  }
  const last = words[words.length - 1];
  if (orgWords[last] === true) return 'organisation';
  if (isPlaceWord(last) || isPlaceWord(words[0])) return 'place';
  return undefined;
}

/** Whether compromise reads a lone word as a noun. */
export function isNoun(word: string): boolean {
  const tags = wordTags(word);
  return tags.includes('Noun') && !tags.includes('Pronoun');
}

/** Lowercase noun + noun compounds ("grain corridor", "peace settlement"), as written. */
export function nounCompounds(text: string): string[] {
  const out: string[] = [];
  for (const m of nlp(text).json() as NlpMatch[]) {
    const terms = m.terms;
    for (let i = 0; i + 1 < terms.length; i++) {
      const [a, b] = [terms[i], terms[i + 1]];
      const plain = (t: NlpTerm) => /^\p{Ll}[\p{Ll}-]+$/u.test(t.text) && t.tags.includes('Noun') && !t.tags.includes('Pronoun') && !t.tags.includes('Possessive');
      if (plain(a) && plain(b) && /^\s*$/u.test((a as NlpTerm & { post?: string }).post ?? ' ')) out.push(`${a.text} ${b.text}`);
    }
  }
  return out;
}
