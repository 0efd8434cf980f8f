/**
 * Typed messages between the extension's contexts. Every receiver validates
 * with `parseRequest` before acting: a message that does not fit is dropped,
 * never trusted.
 */
import { ENTITY_KINDS, type EntityKind } from './facts/schema';

/** One entity the page mentions, as the popup and `npm start` list it. */
export interface PageEntitySummary {
  entity: string;
  name: string;
  kind: EntityKind;
  count: number;
}

export interface PageMentionsReply {
  url: string;
  scanning: boolean;
  entities: PageEntitySummary[];
  /** Every mention in document order (entity id and matched text). */
  mentions: { entity: string; text: string }[];
}

export type Request =
  | { type: 'ping' }
  /** To a tab's content script: what does this page mention? */
  | { type: 'page-mentions' }
  /** Content script → background: the page's distinct entity count changed (badge). */
  | { type: 'mentions-changed'; count: number };

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Returns the request when `value` is a well-formed one, otherwise undefined. */
export function parseRequest(value: unknown): Request | undefined {
  if (!isObj(value) || typeof value.type !== 'string') return undefined;
  switch (value.type) {
    case 'ping':
    case 'page-mentions':
      return { type: value.type };
    case 'mentions-changed':
      return typeof value.count === 'number' && Number.isInteger(value.count) && value.count >= 0 && value.count < 1e6
        ? { type: 'mentions-changed', count: value.count }
        : undefined;
    default:
      return undefined;
  }
}

export function isEntityKind(v: unknown): v is EntityKind {
  return ENTITY_KINDS.includes(v as EntityKind);
}
