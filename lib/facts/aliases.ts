/**
 * An entity's aliases: the forms the article writes (origin "article"), the
 * bare surname of a person the article only names in full ("derived"), and
 * curated spellings for the same id ("curated", with language). Cautions come
 * from the curated list or, for one-word aliases that are everyday English
 * words, from compromise's lexicon.
 */
import type { Alias } from '../fact-index/schema';
import type { CuratedAliases } from './curated';
import type { EntityDraft } from './entities';
import { isCommonWord } from './candidates';

/** `written`: the forms the article's mentions of this entity use, in article order. */
export function aliasesOf(draft: EntityDraft, written: string[], curated: CuratedAliases): Alias[] {
  const out: Alias[] = [];
  const find = (text: string) => out.find((a) => a.text === text);
  // Terms are matched in any case and number, so "Ceasefire" adds nothing to "ceasefire".
  const key = (t: string) => (draft.kind === 'term' ? t.toLowerCase().replace(/s$/u, '') : t);
  const seen = new Set<string>();
  // "WASHINGTON" in a dateline is Washington set in capitals, not another spelling.
  const capitals = new Set(draft.forms.map((f) => f.toUpperCase()));
  for (const text of written) {
    if (seen.has(key(text)) || (!draft.forms.includes(text) && capitals.has(text))) continue;
    seen.add(key(text));
    out.push({ text, origin: 'article' });
  }
  if (draft.surname && !find(draft.surname)) out.push({ text: draft.surname, origin: 'derived' });

  const entry = curated[draft.curatedId ?? draft.id];
  for (const c of entry?.aliases ?? []) {
    const existing = find(c.text);
    if (existing) {
      if (c.caution && !existing.caution) existing.caution = c.caution;
      continue;
    }
    out.push({ text: c.text, origin: 'curated', ...(c.lang ? { lang: c.lang } : {}), ...(c.caution ? { caution: c.caution } : {}) });
  }
  // A term is an ordinary word by nature; only names need the warning.
  if (draft.kind !== 'term') for (const a of out) if (!a.caution && isCommonWord(a.text)) a.caution = 'common-word';
  return out;
}
