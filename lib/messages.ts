/**
 * Typed messages between the extension's contexts. Every receiver validates
 * with `parseRequest` before acting: a message that does not fit is dropped,
 * never trusted.
 */
import type { EntityKind } from './fact-index/schema';

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
  /** False when the extension is off, or paused on this site. */
  active?: boolean;
  entities: PageEntitySummary[];
  /** Every mention in document order (entity id and matched text). */
  mentions: { entity: string; text: string }[];
}

export type Request =
  | { type: 'ping' }
  /** To a tab's content script: what does this page mention? */
  | { type: 'page-mentions' }
  /** Content script → background: the page's distinct entity count changed (badge). */
  | { type: 'mentions-changed'; count: number }
  /** To a tab: open the card for the selection, or else the next mention in view (keyboard command). */
  | { type: 'open-card' }
  /** To a tab: open the card for this text (context menu on a selection). */
  | { type: 'open-card-for-text'; text: string }
  /** To a tab: scroll to mention `index` (wrapping) of an entity and flash it. */
  | { type: 'reveal-mention'; entity: string; index: number }
  /** Card → background: open the article viewer at a sentence. */
  | { type: 'open-source'; article: string; sentence: string };

/** Longest selection or id accepted in a message. */
const MAX_TEXT = 200;
const isShortString = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_TEXT;

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Returns the request when `value` is a well-formed one, otherwise undefined. */
export function parseRequest(value: unknown): Request | undefined {
  if (!isObj(value) || typeof value.type !== 'string') return undefined;
  switch (value.type) {
    case 'ping':
    case 'page-mentions':
      return { type: value.type };
    case 'open-card':
      return { type: 'open-card' };
    case 'open-card-for-text':
      return isShortString(value.text) ? { type: 'open-card-for-text', text: value.text } : undefined;
    case 'reveal-mention':
      return isShortString(value.entity) && Number.isInteger(value.index) && (value.index as number) >= 0
        ? { type: 'reveal-mention', entity: value.entity, index: value.index as number }
        : undefined;
    case 'open-source':
      return isShortString(value.article) && isShortString(value.sentence) && /^s\d+$/.test(value.sentence)
        ? { type: 'open-source', article: value.article, sentence: value.sentence }
        : undefined;
    case 'mentions-changed':
      return typeof value.count === 'number' && Number.isInteger(value.count) && value.count >= 0 && value.count < 1e6
        ? { type: 'mentions-changed', count: value.count }
        : undefined;
    default:
      return undefined;
  }
}
