/**
 * Russian and Ukrainian inflect names, every word of them: Путин → Путина,
 * Путиным; Зеленський → Зеленського; Белый дом → в Белом доме; Росія →
 * Росією, Росії. A Cyrillic alias word is indexed by its stems, and a page
 * word matches when it is one of them plus a known case ending.
 *
 * Stems: the word without its final vowels, й or ь, and the word with only
 * the last one shed (Россия → росс and росси, so both Россию and Россией
 * have a stem). Ukrainian also alternates vowels and consonants inside the
 * stem: і in a final closed syllable opens to о or е (дім → домі, Харків →
 * Харкова, Київ → Києва), and к, г, х soften to ц, з, с before the ending
 * і (Аляска → на Алясці).
 *
 * All strings here are folded (see normalise.ts): й is и, ё is е, ї is і.
 */

import { pushForm, type FormList } from './form-list';

const CYRILLIC_WORD = /^[\u0400-\u04FF]+$/;

export const isCyrillicWord = (word: string) => CYRILLIC_WORD.test(word);
export const startsCyrillic = (text: string, at: number) => {
  const c = text.charCodeAt(at);
  return c >= 0x400 && c <= 0x4ff;
};

/** Letters a stem sheds before endings are added (folded: й is и). */
const SHED = new Set(['а', 'я', 'о', 'е', 'и', 'ы', 'у', 'ю', 'і', 'є', 'ь', 'ъ']);
const VOWEL = new Set(['а', 'я', 'о', 'е', 'и', 'ы', 'у', 'ю', 'і', 'є', 'э']);
/**
 * Shortest stem. A first word needs one this long so that a stem cannot
 * swallow an unrelated word; later words of an alias ("дом" of "Белый дом")
 * may be whole three-letter words, as the words before them already matched.
 */
export const MIN_STEM = 3;

/**
 * Noun and adjective case endings, Russian and Ukrainian, folded. Bounded
 * at three letters so a stem cannot swallow an unrelated longer word.
 */
export const CASE_ENDINGS: readonly string[] = [
  'ові', 'еві', 'єві', 'ого', 'его', 'ому', 'ему', 'ами', 'ями', 'ими', 'ыми',
  'ом', 'ем', 'ым', 'им', 'ои', 'еи', 'ою', 'ею', 'єю', 'ов', 'ев', 'ів', 'ах', 'ях', 'ам', 'ям',
  'ии', 'ыи', 'іи', 'ая', 'яя', 'ую', 'юю', 'оі', 'ых', 'их', 'ие', 'ия', 'ию', 'еі',
  'а', 'я', 'у', 'ю', 'е', 'и', 'і', 'ы', 'о',
];

/** Every case ending. */
export const ANY_CASE: ReadonlySet<string> = new Set(CASE_ENDINGS);
/** The Ukrainian dative and locative ending, the only one after a softened к, г, х. */
const DATIVE_I: ReadonlySet<string> = new Set(['і']);
const SOFTENED: Record<string, string> = { к: 'ц', г: 'з', х: 'с' };

/**
 * Adds to `out` each stem of a folded Cyrillic alias word and the endings
 * it takes; not at all when the word is too short to inflect safely, or an
 * acronym (`allCaps`: НАТО and США do not decline, and Ната is a name).
 */
export function cyrillicForms(word: string, isFirst: boolean, allCaps: boolean, out: FormList): void {
  if (allCaps || word.length < (isFirst ? MIN_STEM + 1 : MIN_STEM) || !isCyrillicWord(word)) return;
  let end = word.length;
  if (!SHED.has(word[end - 1])) stemForms(word, false, out);
  for (let shed = 0; shed < 2 && end > MIN_STEM && SHED.has(word[end - 1]); shed++) {
    end--;
    stemForms(word.slice(0, end), shed === 0 && word[end] === 'а', out);
  }
}

/** `aStem`: the stem of a word in -а, whose к, г, х soften before -і (Аляска → Алясці; Донецьк → Донецьку does not). */
function stemForms(stem: string, aStem: boolean, out: FormList): void {
  pushForm(out, stem, ANY_CASE);
  const opened = openedVowelAt(stem);
  if (opened > 0) for (const v of OPENED) pushForm(out, stem.slice(0, opened) + v + stem.slice(opened + 1), ANY_CASE);
  const soft = aStem ? SOFTENED[stem[stem.length - 1]] : undefined;
  if (soft !== undefined) pushForm(out, stem.slice(0, -1) + soft, DATIVE_I);
}

const OPENED = ['о', 'е', 'є'];

/**
 * Ukrainian дім → дом-, дем-, дєм-: the index of an і in the stem's final
 * closed syllable, which opens in the other cases; 0 when there is none.
 */
function openedVowelAt(stem: string): number {
  let k = stem.length - 1;
  if (VOWEL.has(stem[k])) return 0;
  while (k >= 0 && !VOWEL.has(stem[k])) k--;
  return k >= 1 && stem[k] === 'і' && stem.length - k <= 3 ? k : 0;
}
