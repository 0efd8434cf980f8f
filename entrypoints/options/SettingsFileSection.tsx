/**
 * Back up and restore: export settings and site lists to a JSON file, import
 * one back (all or nothing, with every problem listed), reset to defaults.
 * Import and reset can be undone.
 */
import { useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, saveSettings, type Settings } from '@/lib/settings/settings';
import { MAX_SETTINGS_FILE_BYTES, parseSettingsFile, settingsFileOf } from '@/lib/settings/settings-file';
import { saveSiteRules, type SiteRules } from '@/lib/settings/site-rules';
import { Section } from './controls';
import type { Feedback } from './feedback';
import { downloadJson, readTextFile, takeChosenFile } from './file-io';

export const SETTINGS_FILE_NAME = 'fact-cards-settings.json';

interface Props {
  settings: Settings;
  siteRules: SiteRules;
  feedback: Feedback;
}

export function SettingsFileSection({ settings, siteRules, feedback }: Props) {
  const [rejected, setRejected] = useState<{ file: string; problems: string[] }>();

  const restore = (previous: Settings, previousRules: SiteRules) => async () => {
    await saveSettings(previous);
    await saveSiteRules(previousRules);
  };

  const importFile = async (event: Event) => {
    const file = takeChosenFile(event);
    if (!file) return;
    let text: string;
    try {
      text = await readTextFile(file, MAX_SETTINGS_FILE_BYTES, `${MAX_SETTINGS_FILE_BYTES / 1000} KB`);
    } catch (e) {
      setRejected({ file: file.name, problems: [(e as Error).message] });
      return;
    }
    const result = parseSettingsFile(text);
    if (!result.ok) {
      setRejected({ file: file.name, problems: result.problems });
      feedback.say(`“${file.name}” was not imported; nothing was changed.`);
      return;
    }
    setRejected(undefined);
    const undo = restore(settings, siteRules);
    await saveSettings(result.settings);
    await saveSiteRules(result.siteRules);
    feedback.undoable(`Imported settings from “${file.name}”.`, undo, 'Settings restored to what they were before the import.');
  };

  const reset = async () => {
    const undo = restore(settings, siteRules);
    await saveSettings({ ...DEFAULT_SETTINGS, kinds: [...DEFAULT_SETTINGS.kinds] });
    feedback.undoable('Settings reset to their defaults.', undo, 'Settings restored.');
  };

  return (
    <Section id="backup" title="Back up and reset">
      <p class="hint">The file holds your settings and site lists. Fact packs are exported one by one, in “Fact packs”.</p>
      <div class="row">
        <button
          type="button"
          onClick={() => {
            downloadJson(SETTINGS_FILE_NAME, settingsFileOf(settings, siteRules));
            feedback.say(`Settings exported to ${SETTINGS_FILE_NAME}.`);
          }}
        >
          Export settings
        </button>
      </div>
      <div class="field">
        <label for="import-settings">Import settings from a file</label>
        <input type="file" id="import-settings" accept=".json,application/json" aria-describedby="import-settings-problems" onChange={importFile} />
        <div id="import-settings-problems" class="problems" aria-live="polite">
          {rejected && (
            <>
              <p class="error">
                “{rejected.file}” can’t be imported, so nothing was changed. What is wrong:
              </p>
              <ul>
                {rejected.problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      </div>
      <div class="row">
        <button type="button" class="danger" aria-describedby="reset-hint" onClick={reset}>
          Reset settings to defaults
        </button>
        <span class="hint" id="reset-hint">
          Site lists and fact packs are kept. You can undo this.
        </span>
      </div>
    </Section>
  );
}
