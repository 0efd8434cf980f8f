/**
 * Other written forms of a Latin-script alias word, as a stem plus the
 * endings it takes (like the Cyrillic stems of cyrillic.ts):
 *
 * - German genitive: "Russlands", "Putins", "des Weißen Hauses". The last
 *   word of a capitalised name in German or as the source writes it takes
 *   -s or -es. Not for aliases that also name something else (an English
 *   plural "Americas", "Washingtons" is that other thing).
 * - German adjective endings: "im Weißen Haus", "den Vereinigten Staaten",
 *   "der Russischen Föderation". The words before the last of a German
 *   alias that end like an adjective (-e, -en, -em, -er, -es) take any of
 *   those endings.
 * - British and American spelling: "North Atlantic Treaty Organisation",
 *   "Ministry of Defence", "Labour", "Centre". Every word of a multi-word
 *   English alias also matches its other spelling. Multi-word only: a
 *   one-word name spelt the other way ("Petre" for "Peter") is another name.
 *
 * All strings are folded and lower-cased (see normalise.ts).
 */
import { pushForm, type FormList } from './form-list';

const ADJECTIVE_ENDINGS = ['es', 'en', 'em', 'er', 'e'];
const ADJECTIVE: ReadonlySet<string> = new Set(ADJECTIVE_ENDINGS);

/**
 * British and American endings that spell one word two ways. The stem
 * before them is three letters or more, so "four" and "tour" never turn
 * into "for" and "tor"; -our/-or needs a stem ending in a consonant or i
 * (colour, behaviour) so "floor" is never "flour".
 */
const SPELLING_PAIRS: readonly (readonly [string, string])[] = [
  ['isations', 'izations'], ['isation', 'ization'], ['ising', 'izing'], ['ised', 'ized'], ['ises', 'izes'], ['ise', 'ize'],
  ['yse', 'yze'], ['ours', 'ors'], ['our', 'or'], ['tres', 'ters'], ['tre', 'ter'], ['bre', 'ber'], ['ence', 'ense'],
  ['ogue', 'og'], ['elling', 'eling'], ['elled', 'eled'], ['amme', 'am'],
];
const PAIR_SETS = SPELLING_PAIRS.map((pair): ReadonlySet<string> => new Set(pair));
const VOWEL_NOT_I = /[aeouy]$/;

/** Every ending a page word may be split at, besides the genitive's. */
export const LATIN_ENDINGS: readonly string[] = [...new Set([...ADJECTIVE_ENDINGS, ...SPELLING_PAIRS.flat()])];

/** Shortest stem a Latin form may have. */
export const MIN_LATIN_STEM = 3;

/** Where a word sits in its alias, and what the alias is. */
export interface WordPlace {
  isLast: boolean;
  wordCount: number;
  /** The word as the alias writes it, case kept. */
  cased: string;
  /** The alias's language (BCP 47), when curated; none for the source's own names. */
  lang: string | undefined;
  /** The alias also names something else. */
  otherReferent: boolean;
}

const LATIN_LETTERS = /^[a-z]+$/;

const isGerman = (lang: string | undefined) => lang === 'de' || (lang?.startsWith('de-') ?? false);
const isEnglishOrSource = (lang: string | undefined) => lang === undefined || lang === 'en' || lang.startsWith('en-');

/**
 * Whether the folded, lower-cased last word of an alias may take a German
 * genitive -s or -es. The scan tries it by dropping those endings from a
 * page word, so it needs no edges of its own.
 */
export function takesGenitive(word: string, place: WordPlace): boolean {
  return place.isLast && !place.otherReferent && (place.lang === undefined || isGerman(place.lang)) &&
    word.length >= MIN_LATIN_STEM && isCapitalised(place.cased, word) && LATIN_LETTERS.test(word);
}

/** "Putin": a capital, then lower case (the 'capital' case rule, without building the rule). */
const isCapitalised = (cased: string, lower: string) =>
  cased.charCodeAt(0) !== lower.charCodeAt(0) && cased.slice(1) === lower.slice(1);

/** The last two letters of every ending of SPELLING_PAIRS: most words end otherwise, and skip the pairs. */
const SPELLING_TAILS: ReadonlySet<string> = new Set(SPELLING_PAIRS.flat().map((e) => e.slice(-2)));

/** The genitive endings: -s, or -es ("des Hauses"). */
export const GENITIVE_ENDINGS = ['es', 's'] as const;

/** A cheap first check for `latinForms`, which most words of most aliases fail. */
export const mayHaveLatinForms = (word: string, lang: string | undefined) =>
  lang !== undefined ? isGerman(lang) || isEnglishOrSource(lang) : SPELLING_TAILS.has(word.slice(-2));

/** Adds to `out` each stem and the endings it takes for a folded, lower-cased Latin alias word. */
export function latinForms(word: string, place: WordPlace, out: FormList): void {
  const german = isGerman(place.lang);
  const spelling = place.wordCount > 1 && isEnglishOrSource(place.lang);
  if (!(german && !place.isLast) && !(spelling && SPELLING_TAILS.has(word.slice(-2)))) return;
  if (word.length < MIN_LATIN_STEM || !LATIN_LETTERS.test(word)) return;
  if (german && !place.isLast && isCapitalised(place.cased, word)) {
    const ending = ADJECTIVE_ENDINGS.find((e) => word.endsWith(e) && word.length - e.length >= MIN_LATIN_STEM);
    if (ending !== undefined) pushForm(out, word.slice(0, -ending.length), ADJECTIVE);
  }
  if (!spelling || !SPELLING_TAILS.has(word.slice(-2))) return;
  for (let k = 0; k < SPELLING_PAIRS.length; k++) {
    for (const ending of SPELLING_PAIRS[k]) {
      if (!word.endsWith(ending)) continue;
      const stem = word.slice(0, -ending.length);
      if (stem.length < MIN_LATIN_STEM) continue;
      if ((ending === 'our' || ending === 'or' || ending === 'ours' || ending === 'ors') && VOWEL_NOT_I.test(stem)) continue;
      pushForm(out, stem, PAIR_SETS[k]);
    }
  }
}
