import { describe, expect, it } from 'vitest';
import { parseRequest } from '@/lib/messages';

describe('parseRequest (every receiver validates messages)', () => {
  it('accepts well-formed requests', () => {
    expect(parseRequest({ type: 'ping' })).toEqual({ type: 'ping' });
    expect(parseRequest({ type: 'mentions-changed', count: 3 })).toEqual({ type: 'mentions-changed', count: 3 });
    expect(parseRequest({ type: 'reveal-mention', entity: 'mark-rutte', index: 2 })).toEqual({ type: 'reveal-mention', entity: 'mark-rutte', index: 2 });
    expect(parseRequest({ type: 'open-source', article: 'builtin', sentence: 's12' })).toEqual({ type: 'open-source', article: 'builtin', sentence: 's12' });
    expect(parseRequest({ type: 'open-card-for-text', text: 'Rutte' })).toEqual({ type: 'open-card-for-text', text: 'Rutte' });
  });

  it('drops extra fields rather than passing them on', () => {
    expect(parseRequest({ type: 'ping', evil: '<script>' })).toEqual({ type: 'ping' });
  });

  it('rejects junk, unknown types and out-of-range fields', () => {
    const junk: unknown[] = [
      null, undefined, 42, 'ping', [], {}, { type: 42 }, { type: 'shutdown' },
      { type: 'mentions-changed', count: -1 }, { type: 'mentions-changed', count: 1.5 }, { type: 'mentions-changed', count: '3' },
      { type: 'reveal-mention', entity: 'x', index: -1 }, { type: 'reveal-mention', entity: '', index: 0 },
      { type: 'open-source', article: 'builtin', sentence: 'javascript:alert(1)' }, { type: 'open-source', article: 'builtin' },
      { type: 'open-card-for-text', text: 'x'.repeat(201) }, { type: 'open-card-for-text', text: '' },
    ];
    for (const value of junk) expect(parseRequest(value)).toBeUndefined();
  });
});
