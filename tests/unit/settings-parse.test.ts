import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, loadSettings, parseSettings, saveSettings, settingsItem, type Settings } from '@/lib/settings/settings';

beforeEach(() => fakeBrowser.reset());

const VALID: Settings = {
  enabled: false,
  paintMode: 'marks',
  highlightStyle: 'background',
  colour: '#1a2b3c',
  kinds: ['person', 'place'],
  firstOnly: true,
  hoverDelayMs: 1200,
  fuzzy: 'loose',
  theme: 'dark',
  badge: false,
  privateLibrary: false,
};

describe('parseSettings', () => {
  it('keeps every valid field as stored, with no problems', () => {
    expect(parseSettings(VALID)).toEqual({ settings: VALID, problems: [] });
  });

  it('gives the defaults for nothing stored, silently', () => {
    expect(parseSettings(null)).toEqual({ settings: { ...DEFAULT_SETTINGS }, problems: [] });
    expect(parseSettings(undefined).problems).toEqual([]);
  });

  it('fills fields missing from an older stored object with their defaults', () => {
    const { settings, problems } = parseSettings({ enabled: false });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, enabled: false });
    expect(problems).toEqual([]);
  });

  const BAD: [keyof Settings, unknown][] = [
    ['enabled', 'yes'],
    ['paintMode', 'canvas'],
    ['highlightStyle', 'wavy'],
    ['colour', 'red'],
    ['kinds', ['person', 'animal']],
    ['firstOnly', 1],
    ['hoverDelayMs', 5000],
    ['fuzzy', 'very'],
    ['theme', 'sepia'],
    ['badge', null],
  ];
  for (const [field, bad] of BAD) {
    it(`falls back for a bad ${field} alone, and says so in one line`, () => {
      const { settings, problems } = parseSettings({ ...VALID, [field]: bad });
      expect(settings).toEqual({ ...VALID, [field]: DEFAULT_SETTINGS[field] });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(new RegExp(`^${field}: .* is not valid; using the default`));
    });
  }

  it('reports unknown keys and ignores them', () => {
    const { settings, problems } = parseSettings({ ...VALID, sparkles: true });
    expect(settings).toEqual(VALID);
    expect(problems).toEqual(['sparkles: unknown setting, ignored']);
  });

  it('uses the defaults, with a problem, for a value that is not an object', () => {
    for (const raw of ['on', 42, [1, 2]]) {
      const { settings, problems } = parseSettings(raw);
      expect(settings).toEqual({ ...DEFAULT_SETTINGS });
      expect(problems).toHaveLength(1);
    }
  });

  it('rejects a hover delay that is not a whole number of milliseconds', () => {
    expect(parseSettings({ hoverDelayMs: 12.5 }).problems).toHaveLength(1);
    expect(parseSettings({ hoverDelayMs: -1 }).problems).toHaveLength(1);
    expect(parseSettings({ hoverDelayMs: 0 }).problems).toEqual([]);
    expect(parseSettings({ hoverDelayMs: 2000 }).problems).toEqual([]);
  });
});

describe('stored settings', () => {
  it('round-trip through storage.sync', async () => {
    await saveSettings(VALID);
    expect(await loadSettings()).toEqual({ settings: VALID, problems: [] });
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toEqual(VALID);
  });

  it('loads a corrupt stored value field by field and leaves it in storage until the next save', async () => {
    const corrupt = { ...VALID, theme: 42, colour: 'blue' };
    await fakeBrowser.storage.sync.set({ settings: corrupt });
    const { settings, problems } = await loadSettings();
    expect(settings).toEqual({ ...VALID, theme: 'auto', colour: DEFAULT_SETTINGS.colour });
    expect(problems).toHaveLength(2);
    expect(await settingsItem.getValue()).toEqual(corrupt); // never a silent wipe
  });

  it('refuses to save invalid settings', async () => {
    await expect(saveSettings({ ...VALID, hoverDelayMs: 99999 })).rejects.toThrow(/hoverDelayMs/);
    expect(await settingsItem.getValue()).toBeNull();
  });
});
