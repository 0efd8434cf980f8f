/**
 * Settings export and import. An import is all or nothing: any problem in the
 * file rejects it with the full list of what is wrong, and nothing changes.
 */
import { parseSettings, type Settings } from './settings';
import { parseSiteRules, type SiteRules } from './site-rules';

export interface SettingsFile {
  format: 'fact-cards-settings';
  version: 1;
  settings: Settings;
  siteRules: SiteRules;
}

export const MAX_SETTINGS_FILE_BYTES = 100_000;

export function settingsFileOf(settings: Settings, siteRules: SiteRules): SettingsFile {
  return { format: 'fact-cards-settings', version: 1, settings, siteRules };
}

export type ImportResult = { ok: true; settings: Settings; siteRules: SiteRules } | { ok: false; problems: string[] };

export function parseSettingsFile(text: string): ImportResult {
  if (text.length > MAX_SETTINGS_FILE_BYTES) return { ok: false, problems: [`the file is larger than ${MAX_SETTINGS_FILE_BYTES / 1000} KB`] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [`not valid JSON (${(e as Error).message})`] };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, problems: ['not a settings file (expected a JSON object)'] };
  const file = value as Record<string, unknown>;
  if (file.format !== 'fact-cards-settings') return { ok: false, problems: ['not a Fact Cards settings file ("format" is not "fact-cards-settings")'] };
  if (file.version !== 1) return { ok: false, problems: [`unknown version ${JSON.stringify(file.version)}; this version of Fact Cards reads version 1`] };
  const problems: string[] = [];
  if (typeof file.settings !== 'object' || file.settings === null) problems.push('settings: missing');
  const settings = parseSettings(file.settings);
  const siteRules = parseSiteRules(file.siteRules ?? {});
  problems.push(...settings.problems, ...siteRules.problems.map((p) => `site rules: ${p}`));
  return problems.length ? { ok: false, problems } : { ok: true, settings: settings.settings, siteRules: siteRules.rules };
}
