/**
 * The options page. Every setting is saved as soon as it changes; every
 * context watches storage, so saving is all it takes to apply it. Values
 * that could not be read are listed at the top (see StoredProblems).
 */
import { useEffect, useRef } from 'preact/hooks';
import { loadSettings, saveSettings, watchSettings, type Settings } from '@/lib/settings/settings';
import { loadSiteRules, saveSiteRules, watchSiteRules, type SiteRules } from '@/lib/settings/site-rules';
import { useFeedback } from './feedback';
import { GeneralSection } from './GeneralSection';
import { PrivacySection } from './PrivacySection';
import { HighlightSection } from './HighlightSection';
import { backgroundLibraryApi, type LibraryApi } from './library-api';
import { LibrarySection, useLibrary } from './LibrarySection';
import { SettingsFileSection } from './SettingsFileSection';
import { ShortcutSection } from './ShortcutSection';
import { SiteRulesSection } from './SiteRulesSection';
import { StoredProblems } from './StoredProblems';
import { useStored } from './use-stored';

export function Options({ library: api = backgroundLibraryApi }: { library?: LibraryApi }) {
  const [settings, setSettings] = useStored(loadSettings, watchSettings);
  const [site, setSite] = useStored(loadSiteRules, watchSiteRules);
  const library = useLibrary(api);
  const { feedback, area } = useFeedback();
  // Two quick changes must not undo each other: each builds on the last one, not on the last render.
  const latest = useRef<Settings | undefined>(undefined);
  latest.current = settings?.settings;

  const theme = settings?.settings.theme ?? 'auto';
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  if (!settings || !site || !library) {
    return (
      <main>
        <h1>Fact Cards options</h1>
        <p>Loading…</p>
      </main>
    );
  }

  const save = async (patch: Partial<Settings>, what: string) => {
    const next = { ...latest.current!, ...patch };
    latest.current = next;
    // Shown at once; the storage watcher then confirms it.
    setSettings({ ...settings, settings: next });
    try {
      await saveSettings(next);
      feedback.say(`Saved: ${what}.`);
    } catch (e) {
      feedback.say(`Not saved: ${(e as Error).message}`);
    }
  };

  const saveRules = async (rules: SiteRules, what: string) => {
    setSite({ ...site, rules });
    try {
      await saveSiteRules(rules);
      feedback.say(`Saved: ${what}.`);
    } catch (e) {
      feedback.say(`Not saved: ${(e as Error).message}`);
    }
  };

  return (
    <main>
      <h1>Fact Cards options</h1>
      <StoredProblems settings={settings.problems} siteRules={site.problems} library={library.problems} />
      <GeneralSection settings={settings.settings} save={save} />
      <HighlightSection settings={settings.settings} save={save} />
      <PrivacySection settings={settings.settings} save={save} />
      <SiteRulesSection rules={site.rules} save={saveRules} />
      <ShortcutSection />
      <LibrarySection api={api} library={library} theme={settings.settings.theme} feedback={feedback} />
      <SettingsFileSection settings={settings.settings} siteRules={site.rules} feedback={feedback} />
      {area}
    </main>
  );
}
