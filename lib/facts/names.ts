/**
 * Name candidates from the article's own capitalisation: runs of capitalised
 * words in body text ("Kremlin", "White House", "Vice President JD Vance"),
 * with their particles ("Ursula von der Leyen", "Palais des Nations"),
 * acronyms ("NATO", "U.S."), numbered terms ("Article 5") and the place of a
 * capitals dateline. Each candidate carries the evidence for its kind that the
 * surrounding words give.
 *
 * Capitals that are typography, not names, are left out: sentence starts,
 * shouted quotations ("BIG PROGRESS ON RUSSIA"), dates ("Sept 11"), clock
 * time zones ("18:42 BST"), reference codes ("IP/25/2041"), derived words
 * ("Nato-like", "Dutchman"), function words ("The", "But") and honorifics.
 */
import type { EntityKind, Sentence } from '../fact-index/schema';
import type { ArticleLanguage } from './language';
import { cleanName, isAdjectiveOnly, isCommonWord, isDemonym, isFirstName, isKnownName, isSentenceWord, kindFromWords } from './candidates';
import { findDateline } from './dateline';
import { roleOf } from './roles';
import { isRoleHead, isRoleWord } from './titles';
import {
  isCalendarWord, isCompassAdjective, isCyrillicNameHead, isDerivedWord, isFunctionWord, isHonorific,
  isNameParticle, isParticleJoined, isRussianAdjective,
} from './word-classes';

export interface Candidate {
  text: string; // cleaned surface form, text of the article
  kind?: EntityKind;
  /** How much the kind can be trusted: curated hints > explicit patterns > nlp > context clues. */
  weight: number;
  /** Set when a curated entry named this candidate. */
  curatedId?: string;
  /** One name after an honorific ("Sir Keir", "Mr Rutte"): it joins the person it is short for. */
  addressed?: boolean;
  /** An acronym the article introduces for this name: "Multinational Reassurance Force (MRF)". */
  aliasOf?: string;
}

export interface NameContext {
  /** Capitalised words seen mid-sentence (see `namelikeWords`). */
  namelike: Set<string>;
  /** Particles with the name they open, as full names in the article write them ("von der leyen"; see `particleNames`). */
  particleNames: Set<string>;
  language: ArticleLanguage;
  /** The sentence opens its block, where a dateline may stand. */
  opensBlock: boolean;
}

interface Token {
  text: string;
  start: number; // offset in the sentence
  end: number;
  /** Starts a sentence, a quotation or a list item, so its capital says nothing. */
  initial: boolean;
}

// "St. Petersburg", "Mt. Everest": the abbreviation belongs to the name.
const TOKEN = /(?:\p{L}\.){2,}|(?:St|Mt|Ft)\.(?= \p{Lu})|[\p{L}\p{N}]+(?:[’'‐-][\p{L}\p{N}]+)*/gu;
const LOCATIVE = new Set(['in', 'at', 'near', 'from', 'across', 'outside', 'inside', 'throughout', 'around']);
/** Common nouns that introduce an organisation's name: "the grid company Elering". */
const ORGANISATION_NOUNS = new Set([
  'company', 'firm', 'operator', 'agency', 'group', 'bank', 'party', 'ministry', 'organisation',
  'organization', 'union', 'broadcaster', 'newspaper', 'carrier', 'airline', 'manufacturer', 'insurer',
  'utility', 'charity', 'network', 'regulator', 'court', 'parliament', 'council', 'institute', 'university',
]);
/** Bodies whose names go on with "for": "Institute for Strategic Studies", "Centre for Eastern Studies". */
const FOR_HEADS = new Set([
  'institute', 'institution', 'centre', 'center', 'council', 'commission', 'committee', 'agency', 'office',
  'foundation', 'fund', 'society', 'association', 'federation', 'league', 'alliance', 'coalition', 'court',
  'school', 'college', 'university', 'academy', 'ministry', 'department', 'service', 'programme', 'program',
  'organisation', 'organization', 'board', 'authority', 'campaign', 'movement',
]);
/** "Photo: Reuters", "Photograph: Pieter Verbeek/Meridian": the photographer, then the agency. */
const CREDIT_BEFORE = /(?:Photos?|Photograph|Picture|Image|Illustration|Foto|Credit)\s*:\s*(?:[\p{L} .'-]+\/)?$/u;
const CLOCK_BEFORE = /\d{1,2}[:.]\d{2}\s*$/u;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let prevEnd = 0;
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index!;
    const gap = text.slice(prevEnd, start);
    // After list numbering ("4 See also", "1 Background") a word starts its item.
    const initial = out.every((t) => /^\d+$/u.test(t.text)) || /[«“„"(:;—–]|[.!?]\s|\s-\s/u.test(gap);
    out.push({ text: m[0], start, end: start + m[0].length, initial });
    prevEnd = start + m[0].length;
  }
  return out;
}

const isCapitalised = (t: string) => /^\p{Lu}/u.test(t);
const isAcronym = (t: string) => /^(?:\p{Lu}{2,6}|(?:\p{Lu}\.){2,})$/u.test(t);
const isAllCaps = (t: string) => /\p{Lu}\p{Lu}/u.test(t) && t === t.toUpperCase();
const isNumber = (t: string) => /^(?:\d+[a-z]?|[IVX]{1,4})$/u.test(t);
/** "BBC’s": a possessive ends the name it is part of. */
const isPossessive = (t: string) => /[’']s$/u.test(t);
const nameToken = (t: string) => (isCapitalised(t) || isParticleJoined(t)) && !isDerivedWord(t);

/**
 * How many lowercase words from `j` join the run to the next name word:
 * particles ("von der", "des", "bin"), "of" and "of the" ("Gulf of Finland",
 * "Council of the European Union"), "for" after a body or an office
 * ("Institute for Strategic Studies", "Commissioner for Defence") and "and"
 * inside such a portfolio ("Defence and Space"). 0 when none do.
 */
function connectorLength(text: string, tokens: Token[], j: number, run: Token[], language: ArticleLanguage, particleNames: Set<string>): number {
  const spaced = (a: Token, b: Token) => /^[ \u00A0]$/u.test(text.slice(a.end, b.start));
  const last = cleanName(run[run.length - 1].text).toLowerCase();
  const inPortfolio = run.some((t) => t.text === 'for');
  let k = j;
  while (k < tokens.length && spaced(tokens[k - 1], tokens[k])) {
    const w = tokens[k].text;
    const previous = k > j ? tokens[k - 1].text : run[run.length - 1].text;
    const joins = isNameParticle(w, previous, language.nounsCapitalised)
      || (!language.nounsCapitalised && (w === 'of' || (w === 'the' && previous === 'of')))
      || (k === j && w === 'for' && (FOR_HEADS.has(last) || isRoleHead(last)))
      || (k === j && w === 'and' && inPortfolio);
    if (!joins) break;
    k++;
  }
  if (!(k > j && k < tokens.length && spaced(tokens[k - 1], tokens[k]) && nameToken(tokens[k].text))) return 0;
  // Particles join only where the article writes them inside a full name ("Ursula von der Leyen"),
  // not as prepositions ("Vorbild von Artikel 5").
  const particles = tokens.slice(j, k).filter((t) => isNameParticle(t.text, undefined, false));
  // "Von der Leyen" at a sentence start: the capitalised particle that opens the run belongs to the chain.
  let p = run.length;
  while (p > 0 && isNameParticle(run[p - 1].text.toLowerCase(), undefined, false)) p--;
  if (particles.length === k - j && !particleNames.has(particleKey([...run.slice(p), ...tokens.slice(j, k + 1)]))) return 0;
  return k - j;
}

const particleKey = (ts: Token[]) => ts.map((t) => cleanName(t.text)).join(' ').toLowerCase();

/**
 * Particles with the name they open, where the article writes them inside a
 * full name: "Ursula von der Leyen" gives "von der leyen", "Palais des
 * Nations" gives "des nations". In German, where "von" is also a
 * preposition, only after a first name.
 */
export function particleNames(sentences: Sentence[], language: ArticleLanguage): Set<string> {
  const out = new Set<string>();
  for (const s of sentences) {
    const tokens = tokenize(s.text);
    for (let i = 0; i + 2 < tokens.length; i++) {
      if (!nameToken(tokens[i].text) || isFunctionWord(tokens[i].text)) continue;
      if (language.nounsCapitalised && !isFirstName(tokens[i].text)) continue;
      let k = i + 1;
      while (k < tokens.length && /^[ \u00A0]$/u.test(s.text.slice(tokens[k - 1].end, tokens[k].start)) && isNameParticle(tokens[k].text, tokens[k - 1].text, language.nounsCapitalised)) k++;
      if (k > i + 1 && k < tokens.length && nameToken(tokens[k].text)) out.add(particleKey(tokens.slice(i + 1, k + 1)));
    }
  }
  return out;
}

/**
 * Lowercase particles directly before a run: "von der" in "…with von der
 * Leyen’s team", where the article writes "von der Leyen" inside a full name
 * (elsewhere they are prepositions and articles: "de Moscou", "von Russland").
 */
function particlesBefore(text: string, tokens: Token[], i: number, language: ArticleLanguage, particleNames: Set<string>): number {
  let k = i;
  while (k > 0 && /^[ \u00A0]$/u.test(text.slice(tokens[k - 1].end, tokens[k].start)) && isNameParticle(tokens[k - 1].text, k > 1 ? tokens[k - 2].text : undefined, language.nounsCapitalised)) k--;
  while (k < i && !particleNames.has(particleKey(tokens.slice(k, i + 1)))) k++;
  return i - k;
}

/** Runs of name tokens joined by single spaces and connectors, with a trailing number ("Article 5"). */
function capitalisedRuns(text: string, tokens: Token[], language: ArticleLanguage, particleNames: Set<string>): Token[][] {
  const runs: Token[][] = [];
  const spaced = (a: Token, b: Token) => /^[ \u00A0]$/u.test(text.slice(a.end, b.start));
  let i = 0;
  while (i < tokens.length) {
    if (!nameToken(tokens[i].text)) { i++; continue; }
    const lead = particlesBefore(text, tokens, i, language, particleNames);
    const run = [...tokens.slice(i - lead, i), tokens[i]];
    let j = i + 1;
    while (!isPossessive(run[run.length - 1].text) && j < tokens.length && spaced(tokens[j - 1], tokens[j])) {
      const t = tokens[j].text;
      if (nameToken(t)) { run.push(tokens[j]); j++; continue; }
      const joined = connectorLength(text, tokens, j, run, language, particleNames);
      if (joined) { run.push(...tokens.slice(j, j + joined)); j += joined; continue; }
      if (isNumber(t) && !isAcronym(run[run.length - 1].text)) { run.push(tokens[j]); j++; }
      // "Европейской комиссии", "Белом доме": in Russian only a name capitalises its adjective.
      else if (language.code === 'cyrillic' && !run[run.length - 1].initial && isRussianAdjective(run[run.length - 1].text) && isCyrillicNameHead(t)) { run.push(tokens[j]); j++; }
      break;
    }
    runs.push(run);
    i = j;
  }
  return runs;
}

/** Splits a run at calendar words and the pronoun "I", which are never part of a name; drops bare numbers. */
function splitAtNonNames(run: Token[]): Token[][] {
  const parts: Token[][] = [[]];
  for (const t of run) {
    if (isCalendarWord(cleanName(t.text)) || /^I(?:[’'].*)?$/u.test(t.text)) parts.push([]);
    else parts[parts.length - 1].push(t);
  }
  return parts.map((p) => {
    let from = 0;
    while (from < p.length && isNumber(p[from].text)) from++;
    return p.slice(from);
  }).filter((p) => p.length > 0);
}

/**
 * A stretch of capitals that is a quotation or a slogan, not a name:
 * several all-capital words with an ordinary word among them ("STAY TUNED",
 * "BIG PROGRESS ON RUSSIA"), or one long or everyday word in capitals ("GREAT").
 */
function isShouted(run: Token[]): boolean {
  if (!run.every((t) => isAllCaps(t.text))) return false;
  if (run.length >= 3) return true;
  if (run.length === 2) return run.some((t) => !isAcronym(t.text) || isFunctionWord(t.text) || isCommonWord(t.text));
  const t = run[0].text;
  return !isAcronym(t) || (t.length >= 4 && isCommonWord(t));
}

/** The capitalised words right before an opening bracket: "the Multinational Reassurance Force (". */
function abbreviated(before: string): string | undefined {
  const m = /((?:\p{Lu}[\p{L}’'-]*|of|the|for|and|de|des|du|von|der)(?: (?:\p{Lu}[\p{L}’'-]*|of|the|for|and|de|des|du|von|der))*) \($/u.exec(before);
  return m ? m[1].replace(/^(?:The|the) /u, '') : undefined;
}

/** "(MRF)" after "Multinational Reassurance Force": an acronym of the name before it. */
function abbreviates(run: Token[], before: string): boolean {
  if (run.length !== 1 || !isAcronym(run[0].text)) return false;
  const name = abbreviated(before);
  if (!name) return false;
  const initials = name.split(' ').filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
  return initials === run[0].text.replace(/\./gu, '');
}

/** Capitals of layout: a time zone after a clock time ("18:42 BST"), a reference code ("IP/25/2041"). */
function isLayoutCode(text: string, run: Token[]): boolean {
  if (!run.every((t) => isAcronym(t.text))) return false;
  return CLOCK_BEFORE.test(text.slice(0, run[0].start)) || (run.length === 1 && /^\/\d/u.test(text.slice(run[0].end)));
}

/** Whether a lone word could be a name, given what kind of word it is ("Dutchman", "Western", "The" could not). */
export function couldBeName(word: string, language: ArticleLanguage): boolean {
  if (isDemonym(word) || isCompassAdjective(word) || isFunctionWord(word) || isHonorific(word)) return false;
  // Russian adjectives are lowercase unless part of a name; "Зеленский" has an adjective's ending.
  return !(language.english && isAdjectiveOnly(word));
}

/**
 * Capitalised words that appear somewhere other than the start of a sentence
 * or quotation: evidence that their capital is a name's, not the sentence's.
 */
export function namelikeWords(sentences: Sentence[]): Set<string> {
  const words = new Set<string>();
  for (const s of sentences) {
    for (const t of tokenize(s.text)) if (!t.initial && isCapitalised(t.text) && !isFunctionWord(t.text)) words.add(cleanName(t.text));
  }
  return words;
}

/** Candidates from one body sentence. */
export function capitalisedNames(sentence: Sentence, ctx: NameContext): Candidate[] {
  const text = sentence.text;
  const { language, namelike } = ctx;
  const out: Candidate[] = [];
  const dateline = ctx.opensBlock ? findDateline(text) : undefined;
  for (const place of dateline?.places ?? []) out.push({ text: place, kind: 'place', weight: 3 });
  const tokens = tokenize(text).filter((t) => !dateline || t.start >= dateline.end);
  if (dateline && tokens.length) tokens[0].initial = true; // "WASHINGTON (Reuters) - The talks…"

  const slice = (ts: Token[]) => cleanName(text.slice(ts[0].start, ts[ts.length - 1].end));
  const push = (ts: Token[], kind?: EntityKind, weight = 0) => {
    const connector = (t: Token) => /^(?:of|the|for|and)$/u.test(t.text) || isNameParticle(t.text, undefined, false);
    while (ts.length && connector(ts[ts.length - 1])) ts = ts.slice(0, -1); // trailing "of", "von"
    while (ts.length && (ts[0].text === 'the' || ts[0].text === 'of' || ts[0].text === 'for')) ts = ts.slice(1);
    if (!ts.length) return;
    const name = slice(ts);
    if (name.length < 2 || !/\p{L}/u.test(name)) return;
    if (ts.length === 1 && !isAcronym(ts[0].text) && !couldBeName(name, language)) return;
    if (ts.length === 1 && /^\p{Lu}{2,}s$/u.test(name)) return; // "MPs", "CEOs": plural of a common noun
    if (ts.every((t) => isRoleWord(cleanName(t.text)) || isHonorific(cleanName(t.text)))) return;
    out.push({ text: name, kind, weight });
  };
  const known = (t: Token) => {
    const word = cleanName(t.text);
    return isAcronym(t.text) || isKnownName(word) || (!language.nounsCapitalised && namelike.has(word));
  };

  // "Nato-Generalsekretär", "CDU-Politiker", "EU-wide": an acronym or known name opens a compound.
  for (const t of tokens) {
    const [head, rest] = t.text.split(/[-‐](?=\p{L})/u, 2);
    if (rest === undefined || head === t.text) continue;
    if (/^\p{Lu}{2,6}$/u.test(head)) out.push({ text: head, kind: 'organisation', weight: 1 });
    else if (isKnownName(head)) out.push({ text: head, weight: 0 });
  }

  for (const whole of capitalisedRuns(text, tokens, language, ctx.particleNames)) {
    for (let run of splitAtNonNames(whole)) {
      // "But US Secretary of State…", "The Kremlin": a function word opens the sentence, not the name.
      // "in The Hague" keeps its article: mid-sentence, the capital is the name's.
      while (run.length && isFunctionWord(cleanName(run[0].text)) && !(run[0].text === 'The' && !run[0].initial && run.length > 1)) {
        run = run.slice(1);
        if (run.length) run[0] = { ...run[0], initial: false };
      }
      // "La Russie", "De plus": a capitalised particle opens a name only as in the article's full names ("Von der Leyen").
      while (run.length > 1 && isNameParticle(run[0].text.toLowerCase(), undefined, false) && !ctx.particleNames.has(particleKey(run.slice(0, run.findIndex((t) => !isNameParticle(t.text.toLowerCase(), undefined, false)) + 1)))) {
        run = run.slice(1);
      }
      if (!run.length || isShouted(run) || isLayoutCode(text, run)) continue;

      const first = run[0];
      const firstWord = cleanName(first.text);
      if (first.initial && !known(first) && /^\p{Lu}/u.test(first.text)) {
        // A lone word at a sentence start is a name only if the article capitalises it elsewhere;
        // a longer run keeps its first word unless that word is plainly not a name ("Following Trump’s").
        const particle = isNameParticle(firstWord.toLowerCase(), undefined, false);
        const roleOrAddress = isRoleWord(firstWord) || isHonorific(firstWord) || isDemonym(firstWord);
        // Without compromise's English tagger (German nouns, Russian, French) only a first name vouches for the run.
        const sentenceWord = language.english ? isSentenceWord(firstWord) : !isFirstName(firstWord);
        if (run.length === 1 || (!particle && !roleOrAddress && sentenceWord)) run = run.slice(1);
        // "Membership of Nato is off the table": a common noun with "of" before a name, unless the words
        // name a body or place themselves ("Gulf of Finland", "Bank of England").
        else if (!roleOrAddress && run.some((t) => t.text === 'of') && !kindFromWords(slice(run))) run = run.slice(run.findIndex((t) => t.text === 'of') + 1);
      }
      if (!run.length) continue;

      // "Sir Keir Starmer", "Dr Helena Marsh": the honorific is neither name nor role.
      if (isHonorific(cleanName(run[0].text)) && run.length > 1) {
        if (run.length === 2) out.push({ text: slice(run), kind: 'person', weight: 5, addressed: true });
        else push(run.slice(1), 'person', 5);
        continue;
      }

      // Russian titles are lowercase and stand before the run: "госсекретарь США Марко Рубио".
      const wordBeforeRun = /([\p{L}-]+)\s+$/u.exec(text.slice(0, run[0].start))?.[1];
      if (splitAtRole(run, language.code === 'cyrillic' && wordBeforeRun !== undefined && isRoleHead(wordBeforeRun))) continue;

      const before = text.slice(0, run[0].start);
      const after = text.slice(run[run.length - 1].end);
      const wordBefore = /(\p{Ll}+)\s+$/u.exec(before)?.[1];
      const roleAfter = /^ (\p{Ll}+)/u.exec(after)?.[1];
      const last = run[run.length - 1].text;
      const fullName = slice(run);
      const looksLikePerson = run.length >= 2 && run.length <= 5 && !run.some((t) => isAcronym(t.text) || isNumber(t.text))
        && !kindFromWords(fullName);
      if (run.length > 1 && isNumber(last)) push(run, 'term', 5); // Article 5, Resolution 2231
      else if (CREDIT_BEFORE.test(before) && looksLikePerson && isFirstName(firstWord)) push(run, 'person', 4); // Photograph: Pieter Verbeek
      else if (CREDIT_BEFORE.test(before)) push(run, 'organisation', 4); // Photo: Reuters
      else if (abbreviates(run, before)) out.push({ text: last, weight: 0, aliasOf: abbreviated(before)! }); // Multinational Reassurance Force (MRF)
      else if (roleAfter && isRoleHead(roleAfter)) push(run, 'organisation', 1); // Kremlin aide
      else if (run.length === 1 && isAcronym(last)) push(run, 'organisation', 1);
      else if (looksLikePerson && roleOf(text, run[0].start, run[run.length - 1].end)) push(run, 'person', 4); // Rustem Umerov, the secretary…
      else if (looksLikePerson && language.english && isFirstName(firstWord)) push(run, 'person', 3);
      else if (looksLikePerson && wordBefore === 'by' && !run.some((t) => isKnownName(cleanName(t.text)))) push(run, 'person', 2); // Editing by Priya Natarajan
      else if (wordBefore && ORGANISATION_NOUNS.has(wordBefore)) push(run, 'organisation', 2);
      else if (wordBefore && LOCATIVE.has(wordBefore)) push(run, 'place', 1);
      else push(run, kindFromWords(fullName), 2);
    }
  }
  return out;

  /**
   * "NATO Secretary General Mark Rutte": the name follows the last office word,
   * and the words before the office ("NATO", "U.S.") are names of their own.
   * "Secretary General of NATO", "Commissioner for Defence and Space": what
   * follows the office's "of" names its body; what follows "for", its field.
   * Returns false when the run holds no office.
   */
  function splitAtRole(run: Token[], officeBefore: boolean): boolean {
    const portfolio = run.findIndex((t, k) => t.text === 'for' && k > 0 && isRoleHead(cleanName(run[k - 1].text)));
    const office = portfolio >= 0 ? run.slice(0, portfolio) : run;
    let lastRole = -1;
    office.forEach((t, k) => { if (isRoleWord(cleanName(t.text))) lastRole = k; });
    const inRun = lastRole >= 0 && office.slice(0, lastRole + 1).some((t) => isRoleHead(cleanName(t.text)));
    if (!inRun && !officeBefore) return false;
    if (!inRun) lastRole = -1;
    let segment: Token[] = [];
    // "NATO Secretary General": an acronym that qualifies an office is a body unless it names a country ("UK").
    const qualifier = (ts: Token[]) => push(ts, ts.length === 1 && isAcronym(ts[0].text) ? kindFromWords(ts[0].text) ?? 'organisation' : undefined, 1);
    for (const t of office.slice(0, lastRole + 1)) {
      if (isRoleWord(cleanName(t.text))) { if (segment.length) qualifier(segment); segment = []; } else segment.push(t);
    }
    if (segment.length) qualifier(segment);
    let name = office.slice(lastRole + 1);
    if (inRun && office[lastRole].text === 'of') { push(name); return true; }
    // Russian titles take their body in the genitive before the name: "Президент Франции Эммануэль Макрон",
    // "генсек НАТО Марк Рютте"; after a title, a lone genitive is that body ("президент Франции").
    if (language.code === 'cyrillic') {
      const body = (t: Token) => isAcronym(t.text) || /(?:ии|ії|ы|и|і|ї)$/u.test(t.text);
      // "помощник Путина Юрий Ушаков": a person in the genitive; not "Урсула фон дер Ляйен", not "Мария Владимировна Захарова".
      const genitivePerson = name.length >= 3 && /[ая]$/u.test(name[0].text) && !isNameParticle(name[1].text, name[0].text, false) && !/(?:вич|вна|ична|ич)$/u.test(name[1].text);
      if (name.length >= 2 && (isAcronym(name[0].text) || (name.length >= 3 && body(name[0])) || genitivePerson)) {
        push(name.slice(0, 1));
        name = name.slice(1);
      } else if (name.length === 1 && body(name[0])) {
        push(name);
        return true;
      }
    }
    if (name.length && isHonorific(cleanName(name[0].text))) {
      if (name.length === 2) { out.push({ text: slice(name), kind: 'person', weight: 5, addressed: true }); return true; }
      name = name.slice(1);
    }
    if (!name.length) return true;
    const single = name.length === 1 ? cleanName(name[0].text) : undefined;
    // A person's name has no lowercase words but its particles ("Европейской комиссии" is a body).
    const lowercase = name.some((t, k) => /^\p{Ll}/u.test(t.text) && !isNameParticle(t.text, name[k - 1]?.text, language.nounsCapitalised));
    if (lowercase || (single && (isAcronym(name[0].text) || !couldBeName(single, language)))) push(name);
    else push(name, 'person', 5);
    return true;
  }
}
