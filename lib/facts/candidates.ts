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
import { isDerivedWord, isFunctionWord, isHonorific, isNameParticle, isParticleJoined } from './word-classes';

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
  // Titles belong to the role, not the name: "President Donald Trump" → "Donald Trump"; "The Kremlin" → "Kremlin".
  const leading = (t: NlpTerm) => { const w = cleanName(t.text); return t.tags.includes('Honorific') || isRoleWord(w) || isFunctionWord(w) || isHonorific(w); };
  while (from < terms.length && leading(terms[from])) from++;
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

/**
 * Every word of a name is capitalised (or a number), apart from particles and
 * "of"/"for"/"and" inside it: "Dutch capital", "Russian state" and
 * "Verbeek/Meridian" are no names, nor is anything derived ("Nato-like").
 */
export function isNameShaped(text: string): boolean {
  if (/[/\\|]/u.test(text)) return false;
  const ws = text.split(' ');
  const inside = (w: string, i: number) => i > 0 && i < ws.length - 1 && (/^(?:of|the|for|and)$/u.test(w) || isNameParticle(w, ws[i - 1], false));
  return !isFunctionWord(ws[0]) && !ws.some(isDerivedWord)
    && ws.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || isParticleJoined(w) || inside(w, i) || (i === 0 && ws.length > 1 && isNameParticle(w, undefined, false)));
}

/** `name` stands in `text` as whole words (not inside "Russia" for "Rus"). */
export function writtenAsWord(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + name.length] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}

/** Tags compromise gives a lone word. Memoised: tagging one word costs ~0.1 ms and long articles repeat names thousands of times. */
const wordTagCache = new Map<string, string[]>();
export function wordTags(word: string): string[] {
  let tags = wordTagCache.get(word);
  if (!tags) {
    tags = (nlp(word).json()[0]?.terms?.[0]?.tags as string[] | undefined) ?? [];
    wordTagCache.set(word, tags);
  }
  return tags;
}

/**
 * Demonyms and nationality adjectives ("Ukrainian", "European", "Finnish",
 * "Dutch") and the people named after them ("Dutchman", "Frenchmen") name no
 * place themselves.
 */
export function isDemonym(word: string): boolean {
  if (!/^\p{Lu}\p{Ll}+$/u.test(word)) return false;
  const person = /^(\p{Lu}\p{Ll}+?)(?:man|men|woman|women)$/u.exec(word);
  if (person && (/(?:ch|sh)$/u.test(person[1]) || isDemonym(person[1]))) return true;
  if (/ish$/u.test(word) || wordTags(word).includes('Demonym')) return true;
  // "Moldovan" ← Moldova, "Crimean" ← Crimea; but "Meridian", "Christian" name no place.
  const stem = /^(.+?)(?:ian|ean|an|ese|i)$/u.exec(word)?.[1];
  return stem !== undefined && ['', 'a', 'ia', 'e', 'y', 'o'].some((end) => isPlaceName(stem + end));
}

function isPlaceName(word: string): boolean {
  return lexiconTags(word).some((t) => ['Country', 'City', 'Region', 'Place'].includes(t));
}

/** compromise reads the lone word as an adjective only ("Nordic", "Western", "Baltic"). */
export function isAdjectiveOnly(word: string): boolean {
  const tags = wordTags(word);
  return tags.includes('Adjective') && !tags.includes('Noun');
}

/** compromise knows the word as a first name ("Lucy", "Friedrich", "Keir"). */
export function isFirstName(word: string): boolean {
  return lexiconTags(word).some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName');
}

/**
 * A capitalised word at the start of a sentence that compromise reads as
 * something other than a singular noun ("Following", "Asked", "Critics",
 * "However"): its capital is the sentence's, not a name's.
 */
export function isSentenceWord(word: string): boolean {
  if (isKnownName(word)) return false;
  const tags = wordTags(word);
  return tags.length > 0 && (!tags.includes('Noun') || tags.includes('Plural') || tags.includes('Pronoun'));
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

/** Buildings and sites named by their first word: "Palais des Nations", "Palace of Westminster". */
const BUILDING_FIRST = new Set(['palace', 'palais', 'palazzo', 'castle', 'cathedral', 'fort', 'mount', 'lake', 'cape', 'gulf', 'bay', 'isle']);
/** Events and instruments, which are terms: "Russo-Ukrainian War", "Minsk Agreements", "North Atlantic Treaty". */
const EVENT_WORDS = new Set(['war', 'wars', 'crisis', 'revolution', 'invasion', 'uprising', 'agreement', 'agreements', 'accord', 'accords', 'treaty', 'pact', 'protocol', 'declaration', 'convention', 'doctrine', 'memorandum', 'charter', 'format']);
/** Heads of Russian and Ukrainian names, by stem: "Европейская комиссия", "Евросоюз", "Чёрное море". */
const CYRILLIC_ORGANISATION = /(?:союз|комисси\p{L}*|совет\p{L}*|министерств\p{L}*|парти\p{L}*|агентств\p{L}*|банк\p{L}*|суд\p{L}*|парламент\p{L}*|дум\p{L}*|служб\p{L}*|альянс\p{L}*|коалици\p{L}*|организаци\p{L}*|фонд\p{L}*|комитет\p{L}*|правительств\p{L}*)$/u;
const CYRILLIC_PLACE = /^(?:мор|океан|рек|озер|област|район|кра[йяю]|площад|улиц|мост|остров|полуостров|залив|пролив|дворц|дворец|дом)\p{L}*$/u;

/**
 * The kind a name's own words suggest: a known country or city, a place head
 * ("Baltic Sea", "Gulf of Finland"), an organisation head ("European
 * Commission") or an event or instrument ("Russo-Ukrainian War", a term).
 */
export function kindFromWords(name: string): EntityKind | undefined {
  const words = name.toLowerCase().split(/\s+/u);
  const { placeWords, orgWords } = model().two;
  const isPlaceWord = (w: string) => placeWords[w] === true || MORE_PLACE_WORDS.has(w);
  const last = words[words.length - 1];
  if (/\p{Script=Cyrillic}/u.test(name)) {
    if (CYRILLIC_ORGANISATION.test(last)) return 'organisation';
    if (words.length > 1 && CYRILLIC_PLACE.test(last)) return 'place';
    return undefined;
  }
  if (words.length > 1 && EVENT_WORDS.has(last)) return 'term';
  if (words.length > 1 && BUILDING_FIRST.has(words[0])) return 'place';
  if (words.length === 1) {
    const tags = lexiconTags(words[0]);
    if (tags.some((t) => ['Country', 'City', 'Region', 'Place'].includes(t))) return 'place';
    if (tags.includes('Organization')) return 'organisation';
    return undefined;
  }
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
