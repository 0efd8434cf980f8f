/**
 * Numbers, amounts, dates and spans of time in a sentence, as written:
 * "$90 bn", "within ten days", "fourth year", "more than a million people".
 */

const NUM_WORD = '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a few|a couple of|several|dozens of|hundreds of|thousands of|millions of)';
const ORDINAL = '(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\\d+(?:st|nd|rd|th))';
const DIGITS = '\\d[\\d,]*(?:\\.\\d+)?';
const NUMBER = `(?:${DIGITS}|${NUM_WORD}(?:[- ]${NUM_WORD})?)`;
const SCALE = '(?:hundred|thousand|million|billion|trillion|bn|mn|tn|m|k)(?![\\p{L}])';
const TIME_UNIT = '(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century)';
const QUALIFIER = '(?:more than|less than|fewer than|at least|up to|nearly|almost|about|around|over|some|roughly)';
const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const CURRENCY_WORD = '(?:dollars|euros|pounds|hryvnias|roubles|rubles|yuan|yen|francs)';

/** Ordered most specific first; overlapping matches keep the longest. */
const PATTERNS: RegExp[] = [
  // Money: $90 bn, €1.5 billion, 300 million euros
  new RegExp(`(?:US)?[$€£¥₴₽]\\s?${DIGITS}(?:\\s?${SCALE})?(?![\\p{L}])`, 'gu'),
  new RegExp(`${DIGITS}(?:\\s?${SCALE})?\\s${CURRENCY_WORD}`, 'gu'),
  // Deadlines and spans: within ten days, two weeks, eight decades, the fourth year
  new RegExp(`(?:within\\s+)?(?:${NUMBER}|a|an)\\s+(?:more\\s+)?${TIME_UNIT}(?![\\p{L}])`, 'gu'),
  new RegExp(`${ORDINAL}\\s+${TIME_UNIT}(?![\\p{L}])`, 'gu'),
  // Dates and years
  new RegExp(`${MONTH}\\s+\\d{1,2}(?:,\\s+\\d{4})?|\\d{1,2}\\s+${MONTH}(?:\\s+\\d{4})?|${MONTH}\\s+\\d{4}`, 'gu'),
  /(?<![\p{L}\p{N}])(?:1[89]|20)\d{2}(?![\p{L}\p{N}])/gu,
  // Counts and shares: more than a million people, 30,000 troops, 40%
  new RegExp(`(?:${QUALIFIER}\\s+)?(?:a|${NUMBER})\\s+${SCALE}(?:\\s+\\p{Ll}+)?`, 'gu'),
  new RegExp(`(?:${QUALIFIER}\\s+)?${DIGITS}\\s?(?:%|percent|per cent)`, 'gu'),
  new RegExp(`(?:${QUALIFIER}\\s+)?${DIGITS}\\s+\\p{Ll}+s(?![\\p{L}])`, 'gu'),
];

/** Words that can follow a count without being what is counted ("a million of", "two thousand and"). */
const NOT_COUNTED = /\s+(?:of|and|or|to|in|on|the|a|an|is|are|was|were|has|have|had)$/u;
/** Spans of time too vague to report on their own ("a day", "an hour"). */
const VAGUE = /^(?:a|an)\s/u;

export function findFigures(text: string): string[] {
  const found: { start: number; end: number }[] = [];
  for (const re of PATTERNS) {
    for (const m of text.matchAll(re)) {
      let value = m[0].replace(NOT_COUNTED, '');
      if (VAGUE.test(value) && !/\s(?:hundred|thousand|million|billion|trillion)/u.test(value)) continue;
      value = value.trimEnd();
      const start = m.index! + (m[0].length - m[0].trimStart().length);
      found.push({ start, end: m.index! + value.length });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: { start: number; end: number }[] = [];
  for (const f of found) {
    const last = kept[kept.length - 1];
    if (last && f.start < last.end) continue;
    kept.push(f);
  }
  return kept.map((f) => text.slice(f.start, f.end));
}
