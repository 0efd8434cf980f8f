/**
 * Russian and Ukrainian inflect names: Путин → Путина, Путину, Путиным;
 * Зеленський → Зеленського, Зеленським; Москва → Москве. A Cyrillic alias
 * word is indexed by its stem (the word without a final vowel, й or ь), and
 * a page word matches when it is that stem plus a known case ending.
 *
 * All strings here are folded (see normalise.ts): й is и, ё is е, ї is і.
 */

const CYRILLIC_WORD = /^[\u0400-\u04FF]+$/;

export const isCyrillicWord = (word: string) => CYRILLIC_WORD.test(word);
export const startsCyrillic = (text: string, at: number) => {
  const c = text.charCodeAt(at);
  return c >= 0x400 && c <= 0x4ff;
};

/** Letters a stem sheds before endings are added (folded: й is и). */
const SHED = new Set(['а', 'я', 'о', 'е', 'и', 'ы', 'у', 'ю', 'і', 'є', 'ь', 'ъ']);
const MIN_STEM = 3;

/**
 * Noun and adjective case endings, longest first, folded. Bounded at three
 * letters so a stem cannot swallow an unrelated longer word.
 */
export const CASE_ENDINGS: readonly string[] = [
  'ові', 'еві', 'ого', 'его', 'ому', 'ему', 'ами', 'ями', 'ими', 'ыми',
  'ом', 'ем', 'ым', 'им', 'ои', 'еи', 'ою', 'ею', 'ов', 'ев', 'ів', 'ах', 'ях', 'ам', 'ям',
  'ии', 'ыи', 'ая', 'яя', 'ую', 'юю', 'оі', 'ых', 'их', 'ие', 'ия', 'ию', 'еі',
  'а', 'я', 'у', 'ю', 'е', 'и', 'і', 'ы', 'о',
];

/** The stem of a folded Cyrillic alias word, or null when it is too short to inflect safely. */
export function cyrillicStem(word: string): string | null {
  if (word.length <= MIN_STEM || !startsCyrillic(word, 0) || !isCyrillicWord(word)) return null;
  let end = word.length;
  for (let shed = 0; shed < 2 && end > MIN_STEM && SHED.has(word[end - 1]); shed++) end--;
  return word.slice(0, end);
}

/** Stems the folded page word could be an inflection of (stem + case ending); callers look each up. */
export function* possibleStems(word: string): Generator<string> {
  for (const ending of CASE_ENDINGS) {
    if (word.length - ending.length >= MIN_STEM && word.endsWith(ending)) {
      yield word.slice(0, word.length - ending.length);
    }
  }
}
