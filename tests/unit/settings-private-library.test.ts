import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHighlightGate } from '@/lib/settings/private-library';
import { DEFAULT_SETTINGS, migrateToPrivateLibrary, parseSettings } from '@/lib/settings/settings';

beforeEach(() => fakeBrowser.reset());

/** A page's ranges as the painter sees them: objects, each of one entity. */
const range = (entity: string) => ({ entity });
type R = ReturnType<typeof range>;

function gateFor(bundled: string[], mode: { private: boolean }) {
  return createHighlightGate<R>({
    isPrivate: () => mode.private,
    entityOf: (r) => r.entity || undefined,
    isBundled: (e) => bundled.includes(e),
  });
}

describe('the highlight gate in private mode', () => {
  const rutte = range('mark-rutte');
  const marsh1 = range('elena-marsh');
  const marsh2 = range('elena-marsh');
  const unknown = range('');

  it('shows names the bundled article knows and hides names only saved articles know', () => {
    const gate = gateFor(['mark-rutte'], { private: true });
    expect(gate.visible([rutte, marsh1, marsh2])).toEqual([rutte]);
  });

  it('hides a range whose entity it cannot place', () => {
    expect(gateFor(['mark-rutte'], { private: true }).visible([unknown, rutte])).toEqual([rutte]);
  });

  it('shows everything when the library is not private', () => {
    expect(gateFor([], { private: false }).visible([rutte, marsh1, unknown])).toEqual([rutte, marsh1, unknown]);
  });

  it('after the reader opens a card from one range, shows that range and not the name’s others', () => {
    const gate = gateFor(['mark-rutte'], { private: true });
    expect(gate.reveal(marsh2)).toBe(true);
    expect(gate.visible([rutte, marsh1, marsh2])).toEqual([rutte, marsh2]);
    // Already shown: nothing to repaint.
    expect(gate.reveal(marsh2)).toBe(false);
    expect(gate.reveal(rutte)).toBe(false);
  });

  it('forgets reveals on reset (the library or the setting changed)', () => {
    const gate = gateFor([], { private: true });
    gate.reveal(marsh1);
    gate.reset();
    expect(gate.visible([marsh1])).toEqual([]);
  });

  it('follows the setting live, without a new gate', () => {
    const mode = { private: false };
    const gate = gateFor([], mode);
    expect(gate.visible([marsh1])).toEqual([marsh1]);
    mode.private = true;
    expect(gate.visible([marsh1])).toEqual([]);
  });
});

describe('the privateLibrary setting', () => {
  it('is on by default and parsed like every field', () => {
    expect(DEFAULT_SETTINGS.privateLibrary).toBe(true);
    expect(parseSettings({ privateLibrary: false }).settings.privateLibrary).toBe(false);
    const bad = parseSettings({ privateLibrary: 'yes' });
    expect(bad.settings.privateLibrary).toBe(true);
    expect(bad.problems).toEqual([expect.stringMatching(/^privateLibrary: "yes" is not valid/)]);
  });

  it('migration to version 2 writes the default into version-1 settings and keeps every other field', () => {
    const v1 = { enabled: false, theme: 'dark', colour: 'blue' };
    expect(migrateToPrivateLibrary(v1)).toEqual({ ...v1, privateLibrary: true });
    expect(migrateToPrivateLibrary({ ...v1, privateLibrary: false })).toEqual({ ...v1, privateLibrary: false });
    for (const odd of [null, 'x', [1], 3]) expect(migrateToPrivateLibrary(odd)).toBe(odd);
  });

  it('settings stored by version 1 load with the library private, and are stored at version 2', async () => {
    await fakeBrowser.storage.sync.set({ settings: { enabled: true, theme: 'light' }, settings$: { v: 1 } });
    vi.resetModules();
    const fresh = await import('@/lib/settings/settings');
    const { settings, problems } = await fresh.loadSettings();
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({ theme: 'light', privateLibrary: true });
    expect(await fakeBrowser.storage.sync.get(['settings', 'settings$'])).toEqual({
      settings: { enabled: true, theme: 'light', privateLibrary: true },
      settings$: { v: 2 },
    });
  });
});
