/**
 * The curated spellings shipped with the extension (data/aliases.json):
 * transliterations and other languages' forms of names, keyed by entity id.
 * The builder adds them to an article's entities; a stored article keeps
 * only the key and takes the spellings from here when it is read, so the
 * same twenty foreign spellings are not stored once per article, and
 * spellings added in an update reach articles saved before it.
 */
import curatedJson from '../../data/aliases.json';
import type { Alias } from '../fact-index/schema';
import { parseCuratedAliases, type CuratedAliases } from '../facts/curated';

let parsed: CuratedAliases | undefined;
export const curatedAliases = (): CuratedAliases => (parsed ??= parseCuratedAliases(curatedJson));

/** The aliases the builder adds for a curated entry, in its order. */
export function curatedAliasesOf(key: string): Alias[] {
  return (curatedAliases()[key]?.aliases ?? []).map((a) => ({
    text: a.text,
    origin: 'curated',
    ...(a.lang ? { lang: a.lang } : {}),
    ...(a.caution ? { caution: a.caution } : {}),
  }));
}
