import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/settings';
import { MAX_SETTINGS_FILE_BYTES, parseSettingsFile, settingsFileOf } from '@/lib/settings/settings-file';

beforeEach(() => fakeBrowser.reset());

const SETTINGS: Settings = { ...DEFAULT_SETTINGS, kinds: ['person'], theme: 'light', hoverDelayMs: 800 };
const RULES = { paused: ['example.com'], onlyOn: ['*.news.example'] };
const fileText = (change: (file: Record<string, unknown>) => void = () => {}) => {
  const file = JSON.parse(JSON.stringify(settingsFileOf(SETTINGS, RULES))) as Record<string, unknown>;
  change(file);
  return JSON.stringify(file);
};
const problemsOf = (text: string) => {
  const result = parseSettingsFile(text);
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.problems;
};

describe('settings file import', () => {
  it('reads back what export wrote', () => {
    expect(parseSettingsFile(fileText())).toEqual({ ok: true, settings: SETTINGS, siteRules: RULES });
  });

  it('rejects truncated JSON, saying it is not valid JSON', () => {
    const text = fileText();
    expect(problemsOf(text.slice(0, text.length / 2))).toEqual([expect.stringMatching(/^not valid JSON/)]);
  });

  it('rejects a file of another format or an unknown version', () => {
    expect(problemsOf(fileText((f) => (f.format = 'something-else')))[0]).toMatch(/not a Fact Cards settings file/);
    expect(problemsOf(fileText((f) => (f.version = 2)))[0]).toMatch(/unknown version 2/);
    expect(problemsOf('[1,2,3]')[0]).toMatch(/expected a JSON object/);
  });

  it('lists every wrong type, rather than importing the valid part', () => {
    const problems = problemsOf(
      fileText((f) => {
        const s = f.settings as Record<string, unknown>;
        s.enabled = 'true';
        s.hoverDelayMs = '300';
        s.volume = 11;
        (f.siteRules as Record<string, unknown>).paused = ['not a site!', 'fine.example'];
      }),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^enabled: "true" is not valid/),
      expect.stringMatching(/^hoverDelayMs: "300" is not valid/),
      'volume: unknown setting, ignored',
      expect.stringMatching(/^site rules: paused: "not a site!" is not a site pattern/),
    ]);
  });

  it('says when the settings are missing', () => {
    expect(problemsOf(fileText((f) => delete f.settings))).toContain('settings: missing');
  });

  it('rejects an oversize file before parsing it', () => {
    const huge = fileText().replace('{', `{"padding":"${'x'.repeat(MAX_SETTINGS_FILE_BYTES)}",`);
    expect(problemsOf(huge)).toEqual([expect.stringMatching(/larger than 100 KB/)]);
  });

  it('saves nothing itself: storage is unchanged after a rejected file', async () => {
    problemsOf('{"format":"fact-cards-settings","version":1,"settings":{"theme":"sepia"}}');
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });
});
