/**
 * A person's role, as the article itself phrases it in an apposition:
 * before the name ("NATO Secretary General Mark Rutte", "Kremlin aide Yuri
 * Ushakov", "Bundeskanzler Friedrich Merz", "Президент Франции Эммануэль
 * Макрон") or set off by commas ("Mark Rutte, the alliance's secretary
 * general," / "the alliance's secretary general, Mark Rutte," / "Kaja Kallas,
 * High Representative for Foreign Affairs and Security Policy,").
 *
 * The role is the office only: a conjunction that opens the sentence ("But
 * US Secretary of State…") and an honorific before the name ("…Prime
 * Minister Sir Keir Starmer") are not part of it.
 */
import { isRoleHead, isRoleWord } from './titles';
import { isFunctionWord, isGermanNationalityAdjective, isHonorific, isRussianAdjective } from './word-classes';

const DETERMINER = /^(?:the|a|an)$/iu;
/** A possessive word: "alliance's", "Ukraine’s". */
const POSSESSIVE = /[’']s?$/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

interface Word { word: string; start: number; end: number }

/** The words directly before `at`, nearest last, as far as `accept` allows (spaces only between them). */
function wordsBefore(text: string, at: number, accept: (word: string, nearer: Word[]) => boolean): Word[] {
  const words: Word[] = [];
  let end = at;
  for (;;) {
    const m = /(\S+)( )$/u.exec(text.slice(0, end));
    if (!m) break;
    const start = end - m[0].length;
    const w = { word: m[1], start, end: start + m[1].length };
    if (!accept(w.word, words)) break;
    words.unshift(w);
    end = start;
  }
  return words;
}

const isNameWord = (w: string) => /^[\p{Lu}]/u.test(w) && /^[\p{L}\p{N}.’'-]+$/u.test(w);

/** "NATO Secretary General" directly before the name (`at` is the name's offset in `text`). */
function roleBeforeName(text: string, at: number): string | undefined {
  // Lowercase nationality adjectives belong to a German office: "der französische Präsident".
  const words = wordsBefore(text, at, (w) => (isRoleWord(w) || !isFunctionWord(w)) && (isNameWord(w) || isRoleWord(w) || isGermanNationalityAdjective(w)));
  // "…Prime Minister Sir Keir Starmer": the honorific sits between the office and the name.
  while (words.length && isHonorific(words[words.length - 1].word)) words.pop();
  while (words.length && DETERMINER.test(words[0].word)) words.shift();
  // The role must end in an office word next to the name and contain a head word.
  if (!words.length || !isRoleWord(words[words.length - 1].word) || !words.some((w) => isRoleHead(w.word))) return undefined;
  // „Bundeskanzler …: an opening quotation mark is not part of the role.
  const lead = /^[^\p{L}\p{N}]*/u.exec(words[0].word)![0].length;
  return text.slice(words[0].start + lead, words[words.length - 1].end);
}

/**
 * A Russian office takes its body after the head word, in the genitive:
 * "Помощник президента России", "госсекретарь США", "Председатель
 * Европейской комиссии". The role runs from the office (with the adjectives
 * before it) to the name.
 */
function russianRoleBeforeName(text: string, at: number): string | undefined {
  const words = wordsBefore(text, at, (w, nearer) => nearer.length < 5 && !isFunctionWord(w) && /^[\p{L}-]+$/u.test(w));
  const head = words.findIndex((w) => isRoleHead(w.word));
  if (head < 0 || words.length - head > 4) return undefined;
  let from = head;
  while (from > 0 && isRussianAdjective(words[from - 1].word)) from--;
  return text.slice(words[from].start, words[words.length - 1].end);
}

/** A role phrase set off by commas: optional determiner, a few words, ending in a role head. */
const PHRASE = String.raw`(?:(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+)?(?:[\p{L}’'-]+\s+){0,8}[\p{L}-]+`;
const AFTER_NAME = new RegExp(String.raw`^,\s+(${PHRASE})(?=\s*[,.;:]|$)`, 'u');
const BEFORE_NAME = /((?:[\p{L}’'-]+\s+){0,6}[\p{L}-]+),\s+$/u;
const LEADING_DETERMINER = /^(?:the|a|an|its|his|her|their)$/iu;
const CLAUSE = /^(?:who|which|that|but|or|said|says|told|is|was|were|are|has|had|have|will|would|can|could|when|while|after|before)$/iu;
/** Words that tie an office to its body or field: "head of NATO", "Commissioner for Defence", "an analyst at …". */
const OFFICE_LINK = /^(?:of|for|at|to)$/u;

/** "…said the alliance's secretary general, " → "the alliance's secretary general". */
function phraseBeforeComma(before: string): string | undefined {
  const words = BEFORE_NAME.exec(before)?.[1].split(/\s+/u);
  if (!words) return undefined;
  let from = -1;
  words.forEach((w, i) => { if (LEADING_DETERMINER.test(w)) from = i; });
  if (from < 0) {
    // No determiner: only the office words themselves ("Kremlin spokesman, Dmitry Peskov").
    from = words.length;
    while (from > 0 && (isRoleWord(words[from - 1]) || /^\p{Lu}/u.test(words[from - 1])) && !isFunctionWord(words[from - 1])) from--;
  }
  return from < words.length ? words.slice(from).join(' ') : undefined;
}

/** Drops a bare article ("the prime minister" → "prime minister") but keeps "the alliance's secretary general". */
function trimDeterminer(phrase: string): string {
  const [first, ...rest] = phrase.split(/\s+/u);
  if (DETERMINER.test(first) && rest.length && !rest.some((w) => POSSESSIVE.test(w))) return phrase.slice(first.length).trimStart();
  return phrase;
}

/** "and" only inside a capitalised portfolio ("Defence and Space"), never joining two clauses. */
function hasClause(words: string[]): boolean {
  return words.some((w, i) => CLAUSE.test(w) || (w === 'and' && !(/^\p{Lu}/u.test(words[i - 1] ?? '') && /^\p{Lu}/u.test(words[i + 1] ?? ''))));
}

function appositive(phrase: string | undefined): string | undefined {
  if (!phrase) return undefined;
  const words = phrase.split(/\s+/u);
  if (hasClause(words)) return undefined;
  if (isRoleHead(words[words.length - 1])) return words.length <= 7 ? trimDeterminer(phrase) : undefined;
  // "Commissioner for Defence and Space", "the secretary of its national security council".
  const link = words.findIndex((w, i) => i > 0 && OFFICE_LINK.test(w) && isRoleHead(words[i - 1]));
  if (link < 0 || words.length - link > 8) return undefined;
  const office = words.slice(0, link).filter((w) => !LEADING_DETERMINER.test(w));
  if (!office.every((w) => isRoleWord(w) || /^\p{Lu}/u.test(w) || POSSESSIVE.test(w) || /^\p{Ll}+$/u.test(w)) || office.length > 4) return undefined;
  return trimDeterminer(phrase);
}

/**
 * The role of the person named at `text.slice(start, end)`, verbatim, or
 * undefined when the sentence gives none.
 */
export function roleOf(text: string, start: number, end: number): string | undefined {
  const after = text.slice(end);
  // "the king, Mark Rutte has grown…" is no apposition: one set before the name closes after it.
  const closed = /^\s*(?:[,.;:)]|[-–—]\s|$)/u.test(after);
  const found = [
    CYRILLIC.test(text.slice(start, end)) ? russianRoleBeforeName(text, start) : roleBeforeName(text, start),
    appositive(AFTER_NAME.exec(after)?.[1]),
    closed ? appositive(phraseBeforeComma(text.slice(0, start))) : undefined,
  ];
  // Rejoined words must still be verbatim text (odd spacing would break that).
  return found.find((r) => r !== undefined && text.includes(r));
}
