/**
 * Datelines: the place a report was filed from, set in capitals at the start
 * of its first paragraph ("WASHINGTON, Sept 4 (Reuters) -", "WASHINGTON:",
 * "PARIS (dpa) –", "МОСКВА, 5 сентября."). The capitals are typography: the
 * dateline names the same place as "Washington" in the text, so it is read as
 * that place, in ordinary case.
 */
import { isKnownName, isSentenceWord } from './candidates';
import { isFunctionWord, isKicker, isNameParticle } from './word-classes';

export interface Dateline {
  /** End of the capitals in the sentence (the dateline's own text is `text.slice(0, end)`). */
  end: number;
  /** The places named, in ordinary case ("The Hague", "Kyiv"). */
  places: string[];
}

const CAPS_WORD = String.raw`\p{Lu}[\p{Lu}'’.-]*`;
const DATELINE = new RegExp(String.raw`^(${CAPS_WORD}(?:[ /]${CAPS_WORD}){0,3})(?=\s*(?:,|:|\(|[-–—]\s))`, 'u');

/** "WASHINGTON" → "Washington", "THE HAGUE" → "The Hague", "RIO DE JANEIRO" → "Rio de Janeiro". */
export function ordinaryCase(caps: string): string {
  return caps.split(' ').map((w, i) => {
    const low = w.toLowerCase();
    if (i > 0 && isNameParticle(low, undefined, false)) return low;
    return low.replace(/(^|[-’'.])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
  }).join(' ');
}

/** The dateline at the start of `text` (the first sentence of a block), if any. */
export function findDateline(text: string): Dateline | undefined {
  const m = DATELINE.exec(text);
  if (!m) return undefined;
  const caps = m[1];
  const letters = caps.replace(/[^\p{L}]/gu, '');
  // A capital letter or two ("A", "UN") is no place line; a short word needs a date or an agency after it
  // ("KYIV, Sept 4", "ROME (AP)"), not a colon or dash, which follow acronyms ("NATO: allies agree").
  if (letters.length < 3 || !/\p{Lu}{2}/u.test(caps)) return undefined;
  if (!/[ /]/u.test(caps) && letters.length <= 4 && !/^\s*[,(]/u.test(text.slice(caps.length))) return undefined;
  const places = caps.split('/').map((p) => ordinaryCase(p.trim())).filter(Boolean);
  // A shouted opening ("A NEW DEAL, SAYS…", "STAY TUNED, he wrote") is no place: places are nouns.
  const unlikely = (p: string) => {
    const ws = p.split(' ');
    return ws.some(isKicker) || ws.some((w, i) => isFunctionWord(w) && !(i === 0 && w === 'The' && ws.length > 1)) || isSentenceWord(ws[0]);
  };
  if (places.some((p) => !isKnownName(p) && unlikely(p))) return undefined;
  return { end: caps.length, places };
}
