/**
 * Case endings of Russian and Ukrainian names: an article writes one person
 * or place in several cases ("Путин", "Путина", "Путиным"; "Москва",
 * "Москве", "Москвы"). Forms that differ only by a case ending are one name,
 * and the card shows its dictionary form where the article gives it (or where
 * the ending says unambiguously what it is: "Франции" → "Франция").
 */

const CYRILLIC = /\p{Script=Cyrillic}/u;
/** Noun and adjective case endings, longest first. */
const ENDINGS = [
  'иями', 'ами', 'ями', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ией', 'иям', 'иях',
  'ой', 'ей', 'ом', 'ем', 'ым', 'им', 'ах', 'ях', 'ов', 'ев', 'ую', 'юю', 'ая', 'яя', 'ое', 'ее', 'ые',
  'ие', 'ых', 'их', 'ии', 'ия', 'ию', 'ий', 'ый', 'ью', 'ём',
  'а', 'я', 'у', 'ю', 'е', 'ы', 'и', 'ь', 'й', 'о', 'і', 'ї', 'є',
];
const ENDING_SET = new Set(['', ...ENDINGS]);
const MIN_STEM = 3;

export const isCyrillic = (text: string) => CYRILLIC.test(text);

/** "Песков"/"Пескова", "Москва"/"Москве", "Зеленский"/"Зеленского": one word in two cases. */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (!isCyrillic(a) || !isCyrillic(b)) return false;
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let p = 0;
  while (p < x.length && p < y.length && x[p] === y[p]) p++;
  // Back off so that both remainders are endings: "Кремль"/"Кремле" share "Кремл" + "ь"/"е".
  for (let stem = p; stem >= MIN_STEM; stem--) {
    if (ENDING_SET.has(x.slice(stem)) && ENDING_SET.has(y.slice(stem))) return true;
  }
  return false;
}

/** Two written forms of one name in different cases, word by word ("Владимира Путина" / "Владимир Путин"). */
export function sameLemma(a: string, b: string): boolean {
  const wa = a.split(' ');
  const wb = b.split(' ');
  return wa.length === wb.length && wa.every((w, i) => sameWord(w, wb[i]));
}

/** Endings that end in a consonant but only ever mark an oblique case ("Трампом", "Путиным", "странах"). */
const OBLIQUE = /(?:ом|ем|ём|ым|ами|ями|ах|ях|ого|его|ому|ему)$/u;

/** How far a Cyrillic word's ending is from the dictionary form: consonant 0, -а/-я 1, other vowels and oblique endings 2. */
function caseDistance(form: string): number {
  return form.split(' ').reduce((n, w) => n + (OBLIQUE.test(w.toLowerCase()) ? 2 : /[аяАЯ]$/u.test(w) ? 1 : /[аеёиоуыэюяіїєАЕЁИОУЫЭЮЯ]$/u.test(w) ? 2 : 0), 0);
}

/** Endings whose dictionary form is not in doubt: "Франции" → "Франция", "Украины" → "Украина". */
const UNAMBIGUOUS: [RegExp, string][] = [[/ії$/u, 'ія'], [/ии$/u, 'ия'], [/ию$/u, 'ия'], [/ией$/u, 'ия'], [/([бвдзлмнпрстф])ы$/u, '$1а'], [/([бвдзлмнпрстф])ой$/u, '$1а']];

/**
 * The name to show for forms of one Cyrillic name: the form nearest the
 * dictionary form; a one-word name seen only in an oblique case gets its
 * dictionary form when the ending leaves no doubt.
 */
export function dictionaryForm(forms: string[]): string {
  const best = [...forms].sort((a, b) => caseDistance(a) - caseDistance(b))[0];
  const ws = best.split(' ');
  if (ws.every((w) => caseDistance(w) < 2)) return best;
  const adjectives = ws.slice(0, -1);
  // "Европейской комиссии" → "Европейская комиссия": adjectives agree with a noun in -ия.
  if (ws.length > 1 && /ии$/u.test(ws[ws.length - 1]) && adjectives.every((w) => /[ое]й$/u.test(w))) {
    return [...adjectives.map((w) => w.replace(/ой$/u, 'ая').replace(/ей$/u, 'яя')), ws[ws.length - 1].replace(/ии$/u, 'ия')].join(' ');
  }
  // "коалиции желающих" → "коалиция желающих": the head noun comes first, its complement keeps its case.
  for (const [re, to] of UNAMBIGUOUS) if (re.test(ws[0])) return [ws[0].replace(re, to), ...ws.slice(1)].join(' ');
  return best;
}

const ANY_ENDING = `(?:${ENDINGS.join('|')})?`;

/** A pattern source for a Cyrillic word in any case ("гарантии" → "гарант" and any ending: "гарантиями"). */
export function anyCasePattern(word: string): string {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  if (word === word.toUpperCase()) return escaped; // acronyms do not decline: "НАТО", "США"
  const lower = word.toLowerCase();
  const ending = ENDINGS.find((e) => lower.endsWith(e) && lower.length - e.length >= MIN_STEM) ?? '';
  const stem = word.slice(0, word.length - ending.length);
  return `${stem.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}${ANY_ENDING}`;
}
