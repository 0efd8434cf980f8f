/**
 * Names inside longer names: "the Moscow Times", "the Kyiv Independent",
 * "the Paris Agreement", "Donetsk People's Republic", "Trump Tower". The
 * longer name is a newspaper, treaty, street, body or building named after
 * ours, not ours. The page says so by continuing the name with capitalised
 * words up to a head noun of that kind; "Kyiv Mayor", "Moscow Kremlin" or
 * "NATO Secretary General" continue with a title or another of our names,
 * and stay mentions. When the longer name is one of our aliases, the
 * trie's longest match has already taken it whole.
 *
 * Capitals mean little where every word has one, in a headline in capitals
 * or in title case: there only a head noun right after ours counts
 * ("Moscow Times Editors Quit"), not one a few capitalised words on
 * ("Russia Rejects NATO Troops In Post-War Ukraine").
 */
import { TITLE_WORDS } from './titles';
import type { Tokens } from './tokens';

/**
 * The last word of a name made from a place or a person, folded and
 * lower-cased. Regions ("Donetsk region", "Kyiv Oblast") are left out: a
 * region named after its city is read as that place.
 */
export const HEAD_NOUNS: ReadonlySet<string> = new Set([
  // treaties and formats
  'treaty', 'treaties', 'agreement', 'agreements', 'accord', 'accords', 'protocol', 'protocols', 'convention',
  'declaration', 'memorandum', 'pact', 'charter', 'format', 'consensus', 'communique',
  // newspapers and broadcasters
  'times', 'post', 'independent', 'herald', 'tribune', 'journal', 'gazette', 'telegraph', 'observer', 'chronicle',
  'courier', 'review', 'standard', 'insider',
  // streets, buildings, sites
  'street', 'square', 'avenue', 'road', 'lane', 'boulevard', 'embankment', 'terrace', 'crescent', 'gardens', 'mews',
  'parade', 'quay', 'wharf', 'bridge', 'station', 'airport', 'tower', 'towers', 'palace', 'cathedral', 'hotel', 'tavern',
  'inn', 'pub', 'stadium', 'arena', 'metro', 'basin',
  // institutions and bodies
  'university', 'college', 'institute', 'school', 'academy', 'conservatory', 'museum', 'gallery', 'theatre',
  'theater', 'opera', 'ballet', 'patriarchate', 'republic', 'airlines', 'railway', 'railways', 'marathon',
]);

/** Capitalised words, besides the head noun, a longer name may put between ours and its head ("Moscow State University"). */
const MAX_WORDS_BEFORE_HEAD = 2;

/** The word starts with a capital letter: folding keeps the case in `text`, `lower` folds it away. */
const startsCapital = (text: string, lower: string, at: number) => text.charCodeAt(at) !== lower.charCodeAt(at);

/**
 * How many words after word `last` continue the match into a longer name
 * that is not ours (0 when the match stands on its own). `text` is the
 * folded chunk with its case, `lower` the same lower-cased.
 */
export function otherNameAfter(text: string, lower: string, words: Tokens, last: number): number {
  const { count, start, end } = words;
  let k = last + 1;
  let before = 0;
  while (k < count && before <= MAX_WORDS_BEFORE_HEAD) {
    // One plain space, or the "'s " of "Donetsk People's Republic".
    let gap = start[k] - end[k - 1];
    if (gap === 1 && lower.charCodeAt(end[k - 1]) === 0x27 && end[k] - start[k] === 1 && lower.charCodeAt(start[k]) === 0x73 && k > last + 1) {
      k++;
      if (k >= count) return 0;
      gap = start[k] - end[k - 1];
    }
    if (gap !== 1 || lower.charCodeAt(end[k - 1]) !== 0x20 || !startsCapital(text, lower, start[k])) return 0;
    const word = lower.slice(start[k], end[k]);
    if (HEAD_NOUNS.has(word)) return before === 0 || !isHeadline(text, lower, start[last], end[k]) ? k - last : 0;
    if (TITLE_WORDS.has(word)) return 0;
    before++;
    k++;
  }
  return 0;
}

const LINE_WORD = /[\p{L}\p{N}]{4,}/gu;
/** A headline has, besides the name, at least this many words of four letters or more ... */
const HEADLINE_MIN_WORDS = 3;
/** ... and at least this share of them capitalised (or in capitals). */
const HEADLINE_CAPITALISED = 0.75;

/**
 * Whether the line around the longer name `[nameStart, nameEnd)` is a
 * headline in title case or in capitals, judged by its other words. Run
 * only when a longer name was found, so a regex over the line is cheap
 * enough.
 */
function isHeadline(text: string, lower: string, nameStart: number, nameEnd: number): boolean {
  const from = text.lastIndexOf('\n', nameStart) + 1;
  let to = text.indexOf('\n', nameEnd);
  if (to < 0) to = text.length;
  let words = 0;
  let capitalised = 0;
  for (const m of text.slice(from, to).matchAll(LINE_WORD)) {
    const i = from + (m.index ?? 0);
    if (i >= nameStart && i < nameEnd) continue;
    words++;
    if (startsCapital(text, lower, i)) capitalised++;
  }
  return words >= HEADLINE_MIN_WORDS && capitalised >= HEADLINE_CAPITALISED * words;
}
