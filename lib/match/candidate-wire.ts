/**
 * Candidates as plain numbers, for the trip from the background (which
 * holds the library's matcher) to the page (which resolves them under its
 * own evidence and paints them): five numbers a candidate and one table of
 * the entities they name, instead of an object per candidate. A page with
 * 8,500 candidates gets ~150 KB instead of ~1.5 MB of JSON.
 */
import { ALIAS_CAUTIONS, ENTITY_KINDS, type EntityKind } from '../fact-index/schema';
import type { Candidate } from './types';

/**
 * An entity the candidates name: id, display name, kind (index into
 * ENTITY_KINDS), and — only for an entity with a lower-case candidate — the
 * entities its articles relate it to, which the page's gate needs to decide
 * on that candidate ("nato's article 5" only on a page naming NATO).
 */
export type WireEntity = [id: string, name: string, kind: number] | [id: string, name: string, kind: number, related: string[]];

/** Per candidate: entity (index into the reply's entities), start, end, flags, distance. */
export const WIRE_STRIDE = 5;

const HOW = ['exact', 'alias', 'fuzzy'] as const;
const AMBIGUOUS = 1 << 4;
const TITLED = 1 << 5;
const SENTENCE_START = 1 << 6;
const LOWERCASE = 1 << 7;

export interface WireCandidates {
  entities: WireEntity[];
  /**
   * One flat list of runs, one run per scanned text that has candidates:
   * the text's index, its candidate count, then WIRE_STRIDE numbers a
   * candidate (offsets relative to that text). Texts without candidates —
   * most of a page: a 25,000-row table sends ~25,000 texts, one per cell
   * with a letter, and ~4,000 name someone — cost nothing, where a list per
   * text made as many arrays to copy, check and collect on the page's main
   * thread.
   */
  candidates: number[];
}

/** Where one text's candidates are in the runs. */
export interface CandidateRun {
  /** Index of the text's first candidate number. */
  from: number;
  count: number;
}

/** The candidates a text has none of: shared, and frozen so that no caller can fill it. */
export const NO_CANDIDATES: Candidate[] = Object.freeze([]) as unknown as Candidate[];

/** Encodes the candidates of several texts (each scanned with base 0). */
export function encodeCandidates(
  perText: readonly Candidate[][],
  nameOf: (id: string) => string | undefined,
  relatedOf: (id: string) => readonly { entity: string }[] | undefined = () => undefined,
): WireCandidates {
  const entities: WireEntity[] = [];
  const at = new Map<string, number>();
  const candidates: number[] = [];
  perText.forEach((list, index) => {
    if (!list.length) return;
    candidates.push(index, list.length);
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
      const head = entities[e];
      if (c.lowercase && head.length === 3) entities[e] = [...head, (relatedOf(c.entity) ?? []).map((r) => r.entity)];
      candidates.push(e, c.start, c.end, flags, c.distance);
    }
  });
  return { entities, candidates };
}

/**
 * The runs of a reply, by text index. A run that claims more numbers than
 * are left, or a text outside `texts`, ends the reading: what came before it
 * is kept.
 */
export function candidateRuns(flat: readonly number[], texts: number): Map<number, CandidateRun> {
  const runs = new Map<number, CandidateRun>();
  for (let i = 0; i + 2 <= flat.length; ) {
    const [text, count] = [flat[i], flat[i + 1]];
    const from = i + 2;
    const end = from + count * WIRE_STRIDE;
    if (!Number.isInteger(text) || text < 0 || text >= texts || !Number.isInteger(count) || count < 1 || end > flat.length) break;
    runs.set(text, { from, count });
    i = end;
  }
  return runs;
}

/**
 * The candidates of one text back as objects, offsets shifted by `base`;
 * `text` is the scanned text (candidates carry their words). Entries that
 * point outside the text or the entity table are dropped.
 */
export function decodeCandidates(
  flat: readonly number[],
  entities: readonly WireEntity[],
  text: string,
  base: number,
  run: CandidateRun = { from: 0, count: Math.floor(flat.length / WIRE_STRIDE) },
): Candidate[] {
  if (run.count === 0) return NO_CANDIDATES;
  const out: Candidate[] = [];
  const stop = Math.min(flat.length, run.from + run.count * WIRE_STRIDE);
  for (let i = run.from; i + WIRE_STRIDE <= stop; i += WIRE_STRIDE) {
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
