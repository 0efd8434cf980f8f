/**
 * A person's role, as the article itself phrases it in an apposition:
 * before the name ("NATO Secretary General Mark Rutte", "Kremlin aide Yuri
 * Ushakov") or set off by commas ("Mark Rutte, the alliance's secretary
 * general," / "the alliance's secretary general, Mark Rutte").
 */
import { isRoleHead, isRoleWord } from './titles';

const DETERMINER = /^(?:the|a|an)$/iu;
/** A possessive word: "alliance's", "Ukraine’s". */
const POSSESSIVE = /[’']s?$/u;

/** "NATO Secretary General" directly before the name (`at` is the name's offset in `text`). */
function roleBeforeName(text: string, at: number): string | undefined {
  const words: { word: string; start: number }[] = [];
  let end = at;
  for (;;) {
    const m = /(\S+)( )$/u.exec(text.slice(0, end));
    if (!m) break;
    const word = m[1];
    const start = end - m[0].length;
    const capitalised = /^[\p{Lu}]/u.test(word) && /^[\p{L}\p{N}.’'-]+$/u.test(word);
    if (!capitalised && !isRoleWord(word)) break;
    words.unshift({ word, start });
    end = start;
  }
  while (words.length && DETERMINER.test(words[0].word)) words.shift();
  // The role must end in an office word next to the name and contain a head word.
  if (!words.length || !isRoleWord(words[words.length - 1].word) || !words.some((w) => isRoleHead(w.word))) return undefined;
  return text.slice(words[0].start, at - 1);
}

/** A role phrase set off by commas: optional determiner, a few words, ending in a role head. */
const PHRASE = String.raw`(?:(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+)?(?:[\p{L}’'-]+\s+){0,5}[\p{L}-]+`;
const AFTER_NAME = new RegExp(String.raw`^,\s+(${PHRASE})(?=\s*[,.;]|$)`, 'u');
const BEFORE_NAME = /((?:[\p{L}’'-]+\s+){0,6}[\p{L}-]+),\s+$/u;
const LEADING_DETERMINER = /^(?:the|a|an|its|his|her|their)$/iu;

/** "…said the alliance's secretary general, " → "the alliance's secretary general". */
function phraseBeforeComma(before: string): string | undefined {
  const words = BEFORE_NAME.exec(before)?.[1].split(/\s+/u);
  if (!words) return undefined;
  let from = -1;
  words.forEach((w, i) => { if (LEADING_DETERMINER.test(w)) from = i; });
  if (from < 0) {
    // No determiner: only the office words themselves ("Kremlin spokesman, Dmitry Peskov").
    from = words.length;
    while (from > 0 && (isRoleWord(words[from - 1]) || /^\p{Lu}/u.test(words[from - 1]))) from--;
  }
  return from < words.length ? words.slice(from).join(' ') : undefined;
}

/** Drops a bare article ("the prime minister" → "prime minister") but keeps "the alliance's secretary general". */
function trimDeterminer(phrase: string): string {
  const [first, ...rest] = phrase.split(/\s+/u);
  if (DETERMINER.test(first) && rest.length && !rest.some((w) => POSSESSIVE.test(w))) return phrase.slice(first.length).trimStart();
  return phrase;
}

function appositive(phrase: string | undefined): string | undefined {
  if (!phrase) return undefined;
  const words = phrase.split(/\s+/u);
  if (!isRoleHead(words[words.length - 1])) return undefined;
  // A clause, not an apposition: "…, who said…", "…, and the …".
  if (words.some((w) => /^(?:who|which|that|and|but|said|says|told)$/iu.test(w))) return undefined;
  return trimDeterminer(phrase);
}

/**
 * The role of the person named at `text.slice(start, end)`, verbatim, or
 * undefined when the sentence gives none.
 */
export function roleOf(text: string, start: number, end: number): string | undefined {
  const found = [
    roleBeforeName(text, start),
    appositive(AFTER_NAME.exec(text.slice(end))?.[1]),
    appositive(phraseBeforeComma(text.slice(0, start))),
  ];
  // Rejoined words must still be verbatim text (odd spacing would break that).
  return found.find((r) => r !== undefined && text.includes(r));
}
