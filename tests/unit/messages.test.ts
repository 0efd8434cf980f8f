import { describe, expect, it } from 'vitest';
import { BACKGROUND, checkReply, parseBackgroundRequest, parseContentRequest } from '@/lib/messages/protocol';

describe('messages (every receiver validates what it is sent)', () => {
  it('accepts well-formed requests, and says who may send them', () => {
    expect(parseBackgroundRequest({ type: 'ping' })).toEqual({ request: { type: 'ping' }, from: 'any' });
    expect(parseBackgroundRequest({ type: 'mentions-changed', count: 3 })).toEqual({ request: { type: 'mentions-changed', count: 3 }, from: 'content' });
    expect(parseBackgroundRequest({ type: 'open-source', article: 'builtin', sentence: 's12' })?.request).toEqual({ type: 'open-source', article: 'builtin', sentence: 's12' });
    expect(parseBackgroundRequest({ type: 'save-article', article: { title: 'T', text: 'Mark Rutte spoke.' } })?.from).toBe('extension-page');
    expect(parseBackgroundRequest({ type: 'scan', texts: ['Mark Rutte'], fuzzy: 'normal' })?.request).toEqual({ type: 'scan', texts: ['Mark Rutte'], fuzzy: 'normal' });
    expect(parseContentRequest({ type: 'reveal-mention', entity: 'mark-rutte', index: 2 })).toEqual({ type: 'reveal-mention', entity: 'mark-rutte', index: 2 });
    expect(parseContentRequest({ type: 'open-card-for-text', text: 'Rutte' })).toEqual({ type: 'open-card-for-text', text: 'Rutte' });
  });

  it('drops extra fields rather than passing them on', () => {
    expect(parseBackgroundRequest({ type: 'ping', evil: '<script>' })?.request).toEqual({ type: 'ping' });
  });

  it('rejects junk, unknown types and out-of-range fields', () => {
    const junk: unknown[] = [
      null, undefined, 42, 'ping', [], {}, { type: 42 }, { type: 'shutdown' }, { type: 'toString' }, { type: '__proto__' },
      { type: 'mentions-changed', count: -1 }, { type: 'mentions-changed', count: 1.5 }, { type: 'mentions-changed', count: '3' },
      { type: 'open-source', article: 'builtin', sentence: 'javascript:alert(1)' }, { type: 'open-source', article: 'builtin' },
      { type: 'open-source', article: '../etc', sentence: 's1' },
      { type: 'scan', texts: 'Mark Rutte', fuzzy: 'normal' }, { type: 'scan', texts: ['x'], fuzzy: 'very' },
      { type: 'scan', texts: ['x'.repeat(4_000_001)], fuzzy: 'off' },
      { type: 'save-article', article: { title: 'T' } }, { type: 'delete-article', id: 'A B' },
    ];
    for (const value of junk) expect(parseBackgroundRequest(value)).toBeUndefined();
    for (const value of [{ type: 'reveal-mention', entity: 'x', index: -1 }, { type: 'reveal-mention', entity: '', index: 0 },
      { type: 'open-card-for-text', text: 'x'.repeat(201) }, { type: 'open-card-for-text', text: '' }, { type: 'scan' }]) {
      expect(parseContentRequest(value)).toBeUndefined();
    }
  });

  it('checks replies too: a reply that does not fit its schema throws a readable error', () => {
    expect(checkReply(BACKGROUND, 'ping', { ok: true, version: '1.0.0' })).toEqual({ ok: true, version: '1.0.0' });
    expect(() => checkReply(BACKGROUND, 'scan', { entities: 'nope' })).toThrow(/Malformed reply to scan/);
    // The candidates' long list of numbers is checked in one loop, and as strictly.
    expect(checkReply(BACKGROUND, 'scan', { entities: [['nato', 'NATO', 2]], candidates: [0, 1, 0, 0, 4, 0, 0] }).candidates).toHaveLength(7);
    for (const candidates of [[0, 1, '0'], [0, 1, NaN], [0, 1, Infinity], 'nope', { length: 0 }, [0, null]]) {
      expect(() => checkReply(BACKGROUND, 'scan', { entities: [], candidates })).toThrow(/Malformed reply to scan/);
    }
    expect(() => checkReply(BACKGROUND, 'card', { id: 'x' })).toThrow(/Malformed reply to card/);
    expect(checkReply(BACKGROUND, 'card', undefined)).toBeUndefined();
  });
});
