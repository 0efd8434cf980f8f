// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextFrame } from '@/dom/first-frame';

const setVisibility = (state: DocumentVisibilityState) => {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
};

afterEach(() => {
  setVisibility('visible');
  vi.restoreAllMocks();
});

describe('waiting for a frame of the page', () => {
  it('resolves after the next frame has run, not before', async () => {
    const order: string[] = [];
    requestAnimationFrame(() => order.push('frame'));
    await afterNextFrame().then(() => order.push('scan'));
    expect(order).toEqual(['frame', 'scan']);
  });

  it('does not wait in a hidden tab, which paints no frame', async () => {
    setVisibility('hidden');
    const raf = vi.spyOn(window, 'requestAnimationFrame');
    await afterNextFrame();
    expect(raf).not.toHaveBeenCalled();
  });

  it('stops waiting when the tab is hidden before its frame comes', async () => {
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0); // the frame never comes
    const waiting = afterNextFrame();
    setVisibility('hidden');
    await expect(waiting).resolves.toBeUndefined();
  });
});
