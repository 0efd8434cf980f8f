// @vitest-environment happy-dom
/**
 * The channel to the card frame: the frame takes exactly one port, only
 * from its parent and only with its key, and both sides accept only
 * well-formed messages (a page can post to the frame's window).
 */
import { describe, expect, it, vi } from 'vitest';
import { acceptPort } from '@/entrypoints/card-frame/accept-port';
import { FRAME_HANDSHAKE, FRAME_KEY_PATTERN, handshakeKey, newFrameKey, parseFrameAction, parseToFrame } from '@/lib/messages/card-frame';
import { BUNDLED_ARTICLE, cardsOf } from './helpers/library';

const KEY = 'a1'.repeat(16);
const card = cardsOf([BUNDLED_ARTICLE])('mark-rutte')!;

function post(data: unknown, options: { source?: unknown; ports?: number } = {}) {
  const ports = Array.from({ length: options.ports ?? 1 }, () => new MessageChannel().port2);
  const event = new MessageEvent('message', { data, source: (options.source ?? window.parent) as Window, ports });
  window.dispatchEvent(event);
  return ports;
}

describe('the frame’s handshake', () => {
  it('takes one port from its parent with its key, and no other after it', () => {
    const onPort = vi.fn();
    acceptPort(window, KEY, onPort);
    const [port] = post({ type: FRAME_HANDSHAKE, key: KEY });
    expect(onPort).toHaveBeenCalledTimes(1);
    expect(onPort.mock.calls[0][0]).toBe(port);
    post({ type: FRAME_HANDSHAKE, key: KEY });
    expect(onPort).toHaveBeenCalledTimes(1);
  });

  it('ignores forged handshakes — a wrong or missing key, another window, no port or two — and still takes the real one after them', () => {
    const onPort = vi.fn();
    acceptPort(window, KEY, onPort);
    post({ type: FRAME_HANDSHAKE, key: 'b2'.repeat(16) });
    post({ type: FRAME_HANDSHAKE, key: KEY.toUpperCase() });
    post({ type: FRAME_HANDSHAKE, key: '' });
    post({ type: FRAME_HANDSHAKE });
    post({ type: 'fact-cards', key: KEY });
    post(KEY);
    post({ type: FRAME_HANDSHAKE, key: KEY }, { source: {} });
    post({ type: FRAME_HANDSHAKE, key: KEY }, { ports: 0 });
    post({ type: FRAME_HANDSHAKE, key: KEY }, { ports: 2 });
    expect(onPort).not.toHaveBeenCalled();
    post({ type: FRAME_HANDSHAKE, key: KEY });
    expect(onPort).toHaveBeenCalledTimes(1);
  });

  it('never opens a channel when its own address carries no key', () => {
    const onPort = vi.fn();
    acceptPort(window, '', onPort);
    post({ type: FRAME_HANDSHAKE, key: '' });
    acceptPort(window, 'not-a-key', onPort);
    post({ type: FRAME_HANDSHAKE, key: 'not-a-key' });
    expect(onPort).not.toHaveBeenCalled();
  });

  it('makes a fresh 128-bit key each time', () => {
    const keys = new Set(Array.from({ length: 50 }, newFrameKey));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(FRAME_KEY_PATTERN);
    expect(handshakeKey({ type: FRAME_HANDSHAKE, key: 'x'.repeat(32) })).toBeUndefined();
  });
});

describe('messages over the port', () => {
  const show = { type: 'card', seq: 3, card, theme: 'dark', onPage: { index: 0, total: 2 }, back: { name: 'NATO' }, fit: { maxWidth: 800, maxHeight: 520 } };

  it('carries a card as data, and drops what it does not know', () => {
    expect(parseToFrame(show)).toEqual(show);
    expect(parseToFrame({ ...show, onClose: 'alert(1)' })).toEqual(show);
    expect(parseToFrame({ type: 'notice', seq: 1, text: 'Saved “A” · 3 names', maxWidth: 400 })).toBeDefined();
  });

  it('rejects malformed messages to the frame', () => {
    const junk: unknown[] = [
      null, 'card', {}, { type: 'eval' }, { ...show, theme: 'neon' }, { ...show, seq: -1 }, { ...show, card: { name: 'Planted' } },
      { ...show, fit: { maxWidth: Infinity, maxHeight: 1 } }, { ...show, onPage: { index: 0, total: 0 } },
      { type: 'notice', seq: 1, text: 'x'.repeat(401), maxWidth: 400 }, { type: 'fit', maxWidth: -5, maxHeight: 10 },
    ];
    for (const value of junk) expect(parseToFrame(value)).toBeUndefined();
  });

  it('accepts only the card’s actions from the frame', () => {
    expect(parseFrameAction({ type: 'step', delta: -1 })).toEqual({ type: 'step', delta: -1 });
    expect(parseFrameAction({ type: 'size', seq: 3, width: 360, height: 420 })).toEqual({ type: 'size', seq: 3, width: 360, height: 420 });
    expect(parseFrameAction({ type: 'open-source', article: 'builtin', sentence: 's3' })).toBeDefined();
    expect(parseFrameAction({ type: 'pointer', inside: true })).toEqual({ type: 'pointer', inside: true });
    for (const value of [{ type: 'step', delta: 5 }, { type: 'size', seq: 1, width: -1, height: 2 }, { type: 'related' }, { type: 'navigate', url: 'https://x' }, 'close', { type: 'pointer', inside: 'yes' }, { type: 'pointer' }]) {
      expect(parseFrameAction(value)).toBeUndefined();
    }
  });
});
