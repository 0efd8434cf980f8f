/**
 * What the article's capitals can tell us depends on its language: in English
 * and Russian a capital inside a sentence marks a name; in German every noun
 * has one. compromise only knows English, so its readings (and the English
 * noun-compound terms) are used for English copy only.
 */

export interface ArticleLanguage {
  /** 'en', 'de', 'cyrillic' (Russian, Ukrainian …) or 'other' (another Latin-script language). */
  code: 'en' | 'de' | 'cyrillic' | 'other';
  /** Every noun is capitalised, so a capital alone is no evidence of a name. */
  nounsCapitalised: boolean;
  /** compromise's English tagger may be asked about this text. */
  english: boolean;
}

const ENGLISH = new Set(['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'on', 'with', 'was', 'said', 'has', 'have', 'are', 'would', 'will', 'by', 'it', 'from', 'at', 'as', 'be', 'but', 'not']);
const GERMAN = new Set(['der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'den', 'dem', 'des', 'ein', 'eine', 'zu', 'auf', 'für', 'sich', 'im', 'am', 'nach', 'wird', 'werden', 'hat', 'auch', 'es', 'bei', 'aus', 'wie', 'als', 'noch', 'nur', 'über', 'sagte', 'einer', 'einen', 'dass']);

export function articleLanguage(text: string): ArticleLanguage {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const cyrillic = words.filter((w) => /\p{Script=Cyrillic}/u.test(w)).length;
  if (words.length && cyrillic / words.length > 0.5) return { code: 'cyrillic', nounsCapitalised: false, english: false };
  const en = words.filter((w) => ENGLISH.has(w)).length;
  const de = words.filter((w) => GERMAN.has(w)).length;
  if (de > en && de >= 0.05 * words.length) return { code: 'de', nounsCapitalised: true, english: false };
  if (en >= 0.05 * words.length) return { code: 'en', nounsCapitalised: false, english: true };
  return { code: 'other', nounsCapitalised: false, english: false };
}
