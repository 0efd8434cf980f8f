/**
 * Typed messages between the extension's contexts. Every receiver validates
 * with `parseRequest` before acting: a message that does not fit is dropped,
 * never trusted.
 */

export type Request =
  | { type: 'ping' };

export type Response<R extends Request> = R extends { type: 'ping' } ? { ok: true; version: string } : never;

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Returns the request when `value` is a well-formed one, otherwise undefined. */
export function parseRequest(value: unknown): Request | undefined {
  if (!isObj(value) || typeof value.type !== 'string') return undefined;
  switch (value.type) {
    case 'ping':
      return { type: 'ping' };
    default:
      return undefined;
  }
}
