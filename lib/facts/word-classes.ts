/**
 * Small closed classes of words that are never names by themselves: function
 * words, honorifics, name particles, calendar words, derivational suffixes
 * and news kickers, for English, German and Russian copy. Closed classes only:
 * no list here names a person, place or organisation.
 */

const lower = (w: string) => w.toLowerCase().replace(/\.$/u, '');

/** Articles, conjunctions, prepositions, pronouns, determiners and sentence adverbs. */
const FUNCTION_WORDS = new Set([
  // English
  'a', 'an', 'the', 'and', 'but', 'or', 'nor', 'so', 'yet', 'if', 'as', 'when', 'while', 'whilst', 'after',
  'before', 'since', 'until', 'although', 'though', 'because', 'unless', 'whether', 'this', 'that', 'these',
  'those', 'there', 'here', 'it', 'its', 'he', 'she', 'we', 'they', 'i', 'you', 'his', 'her', 'him', 'our',
  'their', 'them', 'my', 'your', 'in', 'on', 'at', 'of', 'for', 'to', 'with', 'by', 'from', 'into',
  'onto', 'over', 'under', 'about', 'against', 'between', 'among', 'amid', 'during', 'without', 'within',
  'across', 'through', 'towards', 'toward', 'upon', 'per', 'via', 'not', 'no', 'all', 'some', 'any', 'each',
  'every', 'both', 'either', 'neither', 'what', 'which', 'who', 'whom', 'whose', 'how', 'why', 'where',
  'however', 'meanwhile', 'also', 'then', 'now', 'still', 'even', 'only', 'just', 'instead', 'moreover',
  'furthermore', 'nevertheless', 'nonetheless', 'indeed', 'thus', 'hence', 'yes',
  // German
  'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einer', 'einen', 'einem', 'eines', 'und', 'oder',
  'aber', 'doch', 'auch', 'nach', 'mit', 'auf', 'aus', 'bei', 'für', 'gegen', 'ohne', 'um', 'vor', 'zu', 'zum',
  'zur', 'im', 'am', 'ins', 'vom', 'beim', 'über', 'unter', 'zwischen', 'wie', 'als', 'wenn', 'weil', 'dass',
  'ob', 'er', 'sie', 'es', 'wir', 'ihr', 'sein', 'seine', 'ihre', 'dieser', 'diese', 'dieses', 'jeder', 'jede',
  'kein', 'keine', 'nicht', 'noch', 'nur', 'schon', 'so', 'da', 'dort', 'hier', 'dann', 'jedoch', 'zudem',
  'außerdem', 'bereits', 'was', 'wer', 'wo', 'seit', 'bis', 'durch', 'laut',
  // Russian
  'и', 'в', 'во', 'на', 'по', 'но', 'а', 'о', 'об', 'с', 'со', 'к', 'ко', 'у', 'из', 'за', 'от', 'до', 'для',
  'при', 'про', 'без', 'над', 'под', 'это', 'этот', 'эта', 'эти', 'её', 'ее', 'его', 'их', 'он', 'она', 'они',
  'мы', 'вы', 'я', 'что', 'как', 'так', 'же', 'ли', 'не', 'ни', 'уже', 'ещё', 'еще', 'также', 'тоже', 'однако',
  'когда', 'если', 'чтобы', 'после', 'накануне', 'между', 'по-прежнему',
  // Ukrainian
  'та', 'і', 'й', 'із', 'зі', 'від', 'що', 'як', 'але', 'це', 'цей', 'ця', 'ці', 'також', 'після', 'щодо',
  // French (articles that are also name particles, "de", "la", "le", stay particles)
  'au', 'aux', 'et', 'en', 'dans', 'pour', 'par', 'sur', 'avec', 'selon', 'un', 'une', 'les', 'il', 'elle',
  'ils', 'qui', 'que', 'est', 'sont', 'mais', 'ou', 'où', 'ce', 'cette', 'ces',
]);

export function isFunctionWord(word: string): boolean {
  return FUNCTION_WORDS.has(lower(word));
}

/** Forms of address that precede a name but belong to neither the name nor the role. */
const HONORIFICS = new Set(['sir', 'dame', 'lord', 'dr', 'mr', 'mrs', 'ms', 'mx', 'miss', 'prof', 'herr', 'frau', 'господин', 'госпожа']);

export function isHonorific(word: string): boolean {
  return HONORIFICS.has(lower(word));
}

/** Lowercase particles inside names: Ursula von der Leyen, Palais des Nations, Faisal bin Farhan. */
const NAME_PARTICLES = new Set([
  'von', 'van', 'der', 'den', 'de', 'du', 'des', 'del', 'della', 'da', 'di', 'dos', 'das', 'la', 'le', 'al',
  'el', 'bin', 'ibn', 'bint', 'ben', 'abu', 'ter', 'ten', 'zu', 'y',
  'фон', 'ван', 'де', 'дер', 'ди', 'ибн', 'бен', 'аль', 'эль', 'да',
]);

/** German articles that look like particles: only "von der", "van den" keep them inside a name. */
const ARTICLE_PARTICLES = new Set(['der', 'den', 'des', 'das', 'die', 'dem']);

export function isNameParticle(word: string, previous: string | undefined, nounsCapitalised: boolean): boolean {
  if (!NAME_PARTICLES.has(word)) return false;
  if (nounsCapitalised && ARTICLE_PARTICLES.has(word)) return /^(?:von|van)$/iu.test(previous ?? '');
  return true;
}

/** "al-Sharaa", "bin-Salman": a particle joined to the name by a hyphen. */
export function isParticleJoined(token: string): boolean {
  return /^(?:al|el|ad|as|ash|at|az|ar|an|ibn|bin|abu|ben|аль|эль)[-‐]\p{Lu}/u.test(token);
}

/** Month, day and holiday names and their abbreviations (English and German) are dates, not entities. */
const CALENDAR = /^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days|Christmas|Easter|Ramadan|Eid|Hanukkah|Diwali|Thanksgiving|Passover|Lent|Advent|Weihnachten|Ostern|Pfingsten|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|Januar|Februar|März|Mai|Juni|Juli|Oktober|Dezember|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)\.?$/u;

export function isCalendarWord(word: string): boolean {
  return CALENDAR.test(word);
}

/** "Nato-like", "European-led", "Kremlin-backed": words derived from a name are not the name. */
const DERIVED = /[-‐](?:like|led|style|type|based|backed|born|made|owned|run|linked|leaning|friendly|controlled|occupied|held|speaking|bound|wide|era|esque|ish|ist|ism)$/iu;

export function isDerivedWord(word: string): boolean {
  return DERIVED.test(word);
}

/** Directions used as adjectives ("Western troops") name no place by themselves. */
export function isCompassAdjective(word: string): boolean {
  return /^(?:(?:West|East|North|South)(?:ern|ward)|(?:North|South)-(?:East|West)ern|Central)$/u.test(word);
}

/** Labels set before a story in capitals: "BREAKING:", "UPDATE:", "ANALYSIS:". */
const KICKERS = new Set([
  'breaking', 'update', 'updated', 'exclusive', 'analysis', 'watch', 'live', 'corrected', 'correction',
  'opinion', 'explainer', 'factbox', 'ends', 'note', 'editors', 'urgent', 'flash', 'comment', 'review',
  'eilmeldung', 'срочно',
]);

export function isKicker(word: string): boolean {
  return KICKERS.has(lower(word));
}

/** Endings of German attributive adjectives and participles ("Europäische", "Vereinigten"): capitalised, they belong to a name. */
export function isGermanNameAdjective(word: string): boolean {
  return /^\p{Lu}\p{Ll}+(?:isch|äisch|lich|ig|igt|iert|ent|ant|al|ell|är|iv)(?:e|en|er|es|em)$/u.test(word);
}

/** Offices in German compounds: "Bundeskanzler", "Nato-Generalsekretär", "EU-Kommissionspräsidentin". */
const GERMAN_ROLE = /(?:präsident(?:in)?|kanzler(?:in)?|minister(?:in)?|sprecher(?:in)?|sekretär(?:in)?|chef(?:in)?|botschafter(?:in)?|berater(?:in)?|vorsitzende|beauftragte|gesandte|kommissar(?:in)?|bürgermeister(?:in)?)(?:en|n|s|nen|r)?$/u;

/** Offices in Russian and Ukrainian, by stem (any case ending): "президент", "премьер-министр", "помічник". */
const RUSSIAN_ROLE = /^(?:президент|премьер|прем'єр|прем’єр|министр|міністр|вице-|віце|помощник|помічник|советник|радник|секретар|пресс-секретар|прес-секретар|госсекретар|держсекретар|генсек|председател|канцлер|спикер|речник|представител|представник|лидер|лідер|командующ|губернатор|замминистр|заместител|заступник|депутат|сенатор|генерал)/u;
/**
 * Short offices whose stem would open other words ("Мерц", "Головко"): whole words with a case ending.
 * Not the oblique cases of "посол" ("после" is also "after").
 */
const RUSSIAN_SHORT_ROLE = /^(?:посол|(?:мэр|мер|глав|голов)(?:а|у|ы|и|е|ом|ой|ою|ів|ам|ами)?)$/u;

export function isForeignRoleWord(word: string): boolean {
  const w = word.toLowerCase();
  return GERMAN_ROLE.test(w) || RUSSIAN_ROLE.test(w) || RUSSIAN_SHORT_ROLE.test(w);
}

/** Russian adjectives placed before an office: "Генеральный секретарь", "британский премьер". */
export function isRussianAdjective(word: string): boolean {
  return /^[\p{Script=Cyrillic}-]+(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ей|ую|юю|ом|ем|ій|ої|ім|ою|ій)$/u.test(word.toLowerCase());
}

/**
 * Heads that a capitalised Russian or Ukrainian adjective names with:
 * "Европейской комиссии", "Белом доме", "Овальном кабинете", "Государственной думы".
 */
export function isCyrillicNameHead(word: string): boolean {
  return /^(?:комисси|совет|союз|дум|дом|домі|кабинет|кабінет|парламент|суд|банк|парти|министерств|міністерств|агентств|служб|альянс|море|мор|океан|остров|полуостров|площад|улиц|вулиц|мост|мiст|дворц|дворец|собор|университет|університет|фонд|комитет|комітет|рад)\p{L}*$/u.test(word.toLowerCase());
}

/** German nationality adjectives before an office: "der französische Präsident". */
export function isGermanNationalityAdjective(word: string): boolean {
  return /^\p{Ll}+(?:isch|sch)(?:e|en|er|es|em)$/u.test(word);
}
