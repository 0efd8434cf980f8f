/**
 * Candidates as plain numbers, for the trip from the background (which
 * holds the library's matcher) to the page (which resolves them under its
 * own evidence and paints them): five numbers a candidate and one table of
 * the entities they name, instead of an object per candidate. A page with
 * 8,500 candidates gets ~150 KB instead of ~1.5 MB of JSON.
 */
import { ALIAS_CAUTIONS, ENTITY_KINDS, type EntityKind } from '../fact-index/schema';
import type { Candidate } from './types';

/** An entity the candidates name: id, display name, kind (index into ENTITY_KINDS). */
export type WireEntity = [id: string, name: string, kind: number];

/** Per candidate: entity (index into the reply's entities), start, end, flags, distance. */
export const WIRE_STRIDE = 5;

const HOW = ['exact', 'alias', 'fuzzy'] as const;
const AMBIGUOUS = 1 << 4;
const TITLED = 1 << 5;
const SENTENCE_START = 1 << 6;
const LOWERCASE = 1 << 7;

export interface WireCandidates {
  entities: WireEntity[];
  /** One flat list per scanned text, WIRE_STRIDE numbers a candidate; offsets relative to that text. */
  candidates: number[][];
}

/** Encodes the candidates of several texts (each scanned with base 0). */
export function encodeCandidates(perText: readonly Candidate[][], nameOf: (id: string) => string | undefined): WireCandidates {
  const entities: WireEntity[] = [];
  const at = new Map<string, number>();
  const candidates = perText.map((list) => {
    const out: number[] = [];
    for (const c of list) {
      let e = at.get(c.entity);
      if (e === undefined) {
        e = entities.length;
        at.set(c.entity, e);
        entities.push([c.entity, nameOf(c.entity) ?? c.entity, ENTITY_KINDS.indexOf(c.kind)]);
      }
      const flags =
        HOW.indexOf(c.how) |
        ((c.caution ? ALIAS_CAUTIONS.indexOf(c.caution) + 1 : 0) << 2) |
        (c.ambiguous ? AMBIGUOUS : 0) |
        (c.titled ? TITLED : 0) |
        (c.sentenceStart ? SENTENCE_START : 0) |
        (c.lowercase ? LOWERCASE : 0);
      out.push(e, c.start, c.end, flags, c.distance);
    }
    return out;
  });
  return { entities, candidates };
}

/**
 * The candidates of one text back as objects, offsets shifted by `base`;
 * `text` is the scanned text (candidates carry their words). Entries that
 * point outside the text or the entity table are dropped.
 */
export function decodeCandidates(flat: readonly number[], entities: readonly WireEntity[], text: string, base: number): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i + WIRE_STRIDE <= flat.length; i += WIRE_STRIDE) {
    const entity = entities[flat[i]];
    const start = flat[i + 1];
    const end = flat[i + 2];
    const flags = flat[i + 3];
    if (!entity || !(start >= 0 && start < end && end <= text.length)) continue;
    const how = HOW[flags & 3];
    const caution = (flags >> 2) & 3;
    if (!how) continue;
    out.push({
      entity: entity[0],
      kind: (ENTITY_KINDS[entity[2]] ?? 'term') as EntityKind,
      start: start + base,
      end: end + base,
      text: text.slice(start, end),
      how,
      ...(caution ? { caution: ALIAS_CAUTIONS[caution - 1] } : {}),
      ambiguous: (flags & AMBIGUOUS) !== 0,
      titled: (flags & TITLED) !== 0,
      sentenceStart: (flags & SENTENCE_START) !== 0,
      distance: flat[i + 4],
      ...((flags & LOWERCASE) !== 0 ? { lowercase: true } : {}),
    });
  }
  return out;
}
