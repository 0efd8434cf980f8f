/**
 * Curated names (data/aliases.json): foreign spellings, transliterations and
 * cautions for entities keyed by id, plus optional kind and display-name
 * hints. Names only, never facts. Entries apply only to entities the article
 * itself names, so a curated list can never add a card the article lacks.
 */
import type { AliasCaution, EntityKind } from '../fact-index/schema';
import { ENTITY_KINDS } from '../fact-index/schema';

export interface CuratedAlias {
  text: string;
  lang?: string;
  caution?: AliasCaution;
}

export interface CuratedEntry {
  /** Display name when the article only uses a short form ("U.S." → "United States"). */
  name?: string;
  kind?: EntityKind;
  aliases: CuratedAlias[];
}

export type CuratedAliases = Record<string, CuratedEntry>;

const CAUTIONS = ['common-word', 'other-referent'];

/**
 * Validates the curated file (`{ "entities": { "<id>": { name?, kind?, aliases } } }`)
 * and returns its entries. Throws an Error naming the first bad entry.
 */
export function parseCuratedAliases(json: unknown): CuratedAliases {
  const fail = (why: string): never => { throw new Error(`Curated aliases: ${why}`); };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) fail('expected an object with "entities"');
  const entities = (json as { entities?: unknown }).entities;
  if (typeof entities !== 'object' || entities === null || Array.isArray(entities)) fail('"entities" must be an object keyed by entity id');
  const out: CuratedAliases = {};
  for (const [id, raw] of Object.entries(entities as Record<string, unknown>)) {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/u.test(id)) fail(`"${id}" is not an entity id slug`);
    const e = raw as Partial<CuratedEntry>;
    if (typeof e !== 'object' || e === null || !Array.isArray(e.aliases)) fail(`${id}: needs an "aliases" array`);
    if (e.name !== undefined && typeof e.name !== 'string') fail(`${id}: "name" must be a string`);
    if (e.kind !== undefined && !ENTITY_KINDS.includes(e.kind)) fail(`${id}: unknown kind "${String(e.kind)}"`);
    const aliases = e.aliases!.map((a, i): CuratedAlias => {
      if (typeof a?.text !== 'string' || a.text.trim() === '') fail(`${id}.aliases[${i}]: needs non-empty "text"`);
      if (a.lang !== undefined && typeof a.lang !== 'string') fail(`${id}.aliases[${i}]: "lang" must be a string`);
      if (a.caution !== undefined && !CAUTIONS.includes(a.caution)) fail(`${id}.aliases[${i}]: unknown caution "${String(a.caution)}"`);
      return { text: a.text, ...(a.lang ? { lang: a.lang } : {}), ...(a.caution ? { caution: a.caution } : {}) };
    });
    out[id] = { ...(e.name ? { name: e.name } : {}), ...(e.kind ? { kind: e.kind } : {}), aliases };
  }
  return out;
}

/**
 * Finds the curated entry an article form belongs to: exact match on a
 * name or alias. A form listed under two entries is ambiguous and matches none.
 */
export function curatedIdFinder(curated: CuratedAliases): (text: string) => string | undefined {
  const owners = new Map<string, Set<string>>();
  const add = (text: string, id: string) => {
    if (!owners.has(text)) owners.set(text, new Set());
    owners.get(text)!.add(id);
  };
  for (const [id, e] of Object.entries(curated)) {
    if (e.name) add(e.name, id);
    // An alias that also names something else cannot tell us which one the article means.
    for (const a of e.aliases) if (a.caution !== 'other-referent') add(a.text, id);
  }
  return (text) => {
    const ids = owners.get(text);
    return ids && ids.size === 1 ? [...ids][0] : undefined;
  };
}
