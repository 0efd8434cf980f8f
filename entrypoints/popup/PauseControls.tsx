/**
 * "On/off everywhere", "Pause on this site" and "Keep my saved articles
 * private from pages". All are stored settings: every open tab's content
 * script watches them and applies the change at once.
 */
import { useEffect, useState } from 'preact/hooks';
import { loadSettings, saveSettings, watchSettings, type Settings } from '@/lib/settings/settings';
import { PRIVATE_LIBRARY_LABEL, whatPagesLearn } from '@/lib/settings/private-library';
import { hostMatches, loadSiteRules, setPaused, watchSiteRules, type SiteRules } from '@/lib/settings/site-rules';

/** The host of a page the content script reported, when it is a web site. */
function siteOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname : undefined;
  } catch {
    return undefined;
  }
}

export function PauseControls({ pageUrl }: { pageUrl?: string }) {
  const [settings, setSettings] = useState<Settings>();
  const [rules, setRules] = useState<SiteRules>();
  useEffect(() => {
    void loadSettings().then((p) => setSettings(p.settings));
    void loadSiteRules().then((p) => setRules(p.rules));
    const a = watchSettings((p) => setSettings(p.settings));
    const b = watchSiteRules((p) => setRules(p.rules));
    return () => {
      a();
      b();
    };
  }, []);
  if (!settings || !rules) return null;
  const site = siteOf(pageUrl);
  const pausedHere = !!site && rules.paused.some((p) => hostMatches(site, p));
  return (
    <div class="pause-controls">
      <label class="switch">
        <input
          type="checkbox"
          checked={settings.enabled}
          onChange={(e) => void saveSettings({ ...settings, enabled: (e.currentTarget as HTMLInputElement).checked })}
        />
        <span>Fact Cards on</span>
      </label>
      {site && (
        <label class="switch">
          <input
            type="checkbox"
            checked={pausedHere}
            disabled={!settings.enabled}
            onChange={(e) => void setPaused(site, (e.currentTarget as HTMLInputElement).checked)}
          />
          <span>
            Pause on <span class="site">{site}</span>
          </span>
        </label>
      )}
      <label class="switch">
        <input
          type="checkbox"
          checked={settings.privateLibrary}
          aria-describedby="private-library-hint"
          onChange={(e) => void saveSettings({ ...settings, privateLibrary: (e.currentTarget as HTMLInputElement).checked })}
        />
        <span>{PRIVATE_LIBRARY_LABEL}</span>
      </label>
      <p class="switch-hint" id="private-library-hint">
        {whatPagesLearn(settings.privateLibrary)}
      </p>
    </div>
  );
}
