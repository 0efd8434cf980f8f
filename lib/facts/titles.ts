/**
 * Words for offices and roles ("President", "Chancellor", "aide"; German
 * compounds and Russian stems in word-classes). Appositions are built from
 * them: "German Chancellor Friedrich Merz", "Kremlin aide Yuri Ushakov", "the
 * alliance's secretary general, Mark Rutte". Honorifics (Sir, Dr, Mr) are not
 * offices: they belong to neither the role nor the name.
 */
import { isForeignRoleWord } from './word-classes';

/** Head words: a role phrase ends in one of these. */
const ROLE_HEADS = new Set([
  'president', 'president-elect', 'vice-president', 'chancellor', 'minister', 'premier', 'secretary',
  'secretary-general', 'general', 'aide', 'adviser', 'advisor', 'spokesman', 'spokeswoman',
  'spokesperson', 'envoy', 'ambassador', 'governor', 'mayor', 'senator', 'congressman',
  'congresswoman', 'lawmaker', 'leader', 'chairman', 'chairwoman', 'chair', 'chief', 'director',
  'commissioner', 'king', 'queen', 'prince', 'princess', 'pope', 'commander', 'negotiator',
  'official', 'representative', 'deputy', 'head', 'chief-of-staff', 'admiral', 'colonel',
  'lieutenant', 'captain', 'sergeant', 'marshal', 'judge', 'justice', 'prosecutor', 'attorney',
  'ceo', 'founder', 'executive', 'economist', 'analyst', 'professor', 'correspondent', 'mp', 'mep',
  'speaker', 'sheikh', 'emir', 'sultan', 'patriarch', 'archbishop', 'bishop', 'rabbi', 'imam',
  'researcher', 'editor', 'reporter', 'mediator', 'lady', // "First Lady"
]);

/** Words that only ever qualify a role ("Vice President", "Foreign Minister", "former aide"). */
const ROLE_MODIFIERS = new Set([
  'vice', 'prime', 'foreign', 'defence', 'defense', 'interior', 'finance', 'economy', 'energy',
  'justice', 'health', 'trade', 'state', 'acting', 'former', 'deputy', 'senior', 'top', 'first',
  'chief', 'general', 'supreme', 'national', 'security', 'press', 'presidential', 'special',
  'assistant', 'associate', 'executive', 'managing', 'attorney', 'crown', 'grand', 'opposition',
  'party', 'army', 'military', 'intelligence', 'foreign-policy', 'policy', 'of', 'staff', 'high',
]);

export function isRoleHead(word: string): boolean {
  return ROLE_HEADS.has(word.toLowerCase()) || isForeignRoleWord(word);
}

export function isRoleWord(word: string): boolean {
  const w = word.toLowerCase();
  return ROLE_HEADS.has(w) || ROLE_MODIFIERS.has(w) || isForeignRoleWord(word);
}
