/**
 * Settings export and import. An import is all or nothing: any problem in the
 * file rejects it with the full list of what is wrong, and nothing changes.
 */
import { parseSettings, type Settings } from './settings';
import { parseSiteRules, type SiteRules } from './site-rules';
import { readVersionedFile } from '../schema/versioned-file';

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
  const read = readVersionedFile(text, { formats: ['fact-cards-settings'], versions: [1], maxBytes: MAX_SETTINGS_FILE_BYTES, what: 'a Fact Cards settings file' });
  if (!read.ok) return read;
  const { file } = read;
  const problems: string[] = [];
  if (typeof file.settings !== 'object' || file.settings === null) problems.push('settings: missing');
  const settings = parseSettings(file.settings);
  const siteRules = parseSiteRules(file.siteRules ?? {});
  problems.push(...settings.problems, ...siteRules.problems.map((p) => `site rules: ${p}`));
  return problems.length ? { ok: false, problems } : { ok: true, settings: settings.settings, siteRules: siteRules.rules };
}
