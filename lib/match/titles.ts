/**
 * Title words that, right before a surname, say the surname names a person:
 * "President Trump", "Chancellor Merz", "Mr Macron". Multi-word titles end
 * in one of these ("Vice President", "Prime Minister", "Secretary General").
 * Folded and lower-cased, as the matcher compares them.
 */
export const TITLE_WORDS: ReadonlySet<string> = new Set([
  'president', 'chancellor', 'minister', 'premier', 'secretary', 'general', 'senator', 'sen',
  'governor', 'gov', 'mayor', 'king', 'queen', 'prince', 'princess', 'pope', 'mr', 'mrs', 'ms',
  'dr', 'sir', 'dame', 'lord', 'lady', 'judge', 'justice', 'ambassador', 'envoy', 'aide',
  'adviser', 'advisor', 'spokesman', 'spokeswoman', 'spokesperson', 'chairman', 'chairwoman',
  'commander', 'colonel', 'col', 'gen', 'captain', 'speaker', 'congressman', 'congresswoman',
  'rep', 'representative', 'mp', 'leader', 'ceo',
  // The article's curated languages: German, French, Russian, Ukrainian (folded: й is и).
  'prasident', 'kanzler', 'bundeskanzler', 'herr', 'frau', 'monsieur', 'madame', 'm',
  'президент', 'канцлер', 'премьер', 'министр', 'міністр', 'генсек', 'господин', 'пан', 'пані',
]);
