/**
 * Typed settings with defaults, read by every context and applied live.
 * Stored as one small object in `storage.sync` (well under its 8 KB per-item
 * quota). `parseSettings` validates each field on its own: a corrupt or
 * unknown value falls back to the default for that field only, and says so.
 */
import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import { ENTITY_KINDS } from '../fact-index/schema';

export const HOVER_DELAY_RANGE = { min: 0, max: 2000 } as const;

/**
 * One schema per setting: a stored value is checked field by field, so one
 * bad field falls back to its default without taking the others with it.
 */
const FIELDS = {
  enabled: v.boolean(),
  paintMode: v.picklist(['highlight', 'marks']),
  highlightStyle: v.picklist(['underline', 'dotted', 'background']),
  /** `#rrggbb` */
  colour: v.pipe(v.string(), v.regex(/^#[0-9a-f]{6}$/i)),
  kinds: v.pipe(
    v.array(v.picklist(ENTITY_KINDS)),
    v.maxLength(ENTITY_KINDS.length),
    v.check((kinds) => new Set(kinds).size === kinds.length, 'a kind is listed twice'),
  ),
  /** Highlight only the first mention of each entity on a page. */
  firstOnly: v.boolean(),
  hoverDelayMs: v.pipe(v.number(), v.integer(), v.minValue(HOVER_DELAY_RANGE.min), v.maxValue(HOVER_DELAY_RANGE.max)),
  fuzzy: v.picklist(['off', 'normal', 'loose']),
  theme: v.picklist(['auto', 'light', 'dark']),
  badge: v.boolean(),
  /**
   * Keep my saved articles private from pages: names only the reader's own
   * articles know are found and open cards, but are registered in the
   * page-readable highlight registry only once the reader opens one's card.
   */
  privateLibrary: v.boolean(),
};

export const SettingsSchema = v.object(FIELDS);
export type Settings = v.InferOutput<typeof SettingsSchema>;
export type PaintMode = Settings['paintMode'];
export type HighlightStyle = Settings['highlightStyle'];
export type FuzzyLevel = Settings['fuzzy'];
export type Theme = Settings['theme'];

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  paintMode: 'highlight',
  highlightStyle: 'underline',
  colour: '#d9822b',
  kinds: [...ENTITY_KINDS],
  firstOnly: false,
  hoverDelayMs: 300,
  fuzzy: 'normal',
  theme: 'auto',
  badge: true,
  // On by default: a page should not learn what a reader has saved unless
  // the reader chooses that; what it costs (saved-only names are not
  // underlined until opened) is visible and undone with one switch.
  privateLibrary: true,
});

export interface ParsedSettings {
  settings: Settings;
  /** One line per field that was invalid and fell back to its default. */
  problems: string[];
}

/** Validates field by field; never throws. Unknown fields are ignored and reported. */
export function parseSettings(raw: unknown): ParsedSettings {
  const settings: Settings = { ...DEFAULT_SETTINGS, kinds: [...DEFAULT_SETTINGS.kinds] };
  const problems: string[] = [];
  if (raw === null || raw === undefined) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings, problems: ['settings are not an object; using the defaults'] };
  }
  const record = raw as Record<string, unknown>;
  for (const key of Object.keys(FIELDS) as (keyof Settings)[]) {
    if (!(key in record)) continue;
    const value = record[key];
    const parsed = v.safeParse(FIELDS[key], value);
    if (parsed.success) (settings as Record<keyof Settings, unknown>)[key] = parsed.output;
    else problems.push(`${key}: ${JSON.stringify(value)?.slice(0, 60)} is not valid; using the default (${JSON.stringify(DEFAULT_SETTINGS[key])})`);
  }
  for (const key of Object.keys(record)) {
    if (!Object.hasOwn(FIELDS, key)) problems.push(`${key}: unknown setting, ignored`);
  }
  return { settings, problems };
}

/** Raw stored value: always read it through `loadSettings`/`watchSettings`. */
export const settingsItem = storage.defineItem<unknown>('sync:settings', {
  fallback: null,
  version: 2,
  migrations: {
    // Version 2 added `privateLibrary`: readers who saved settings before it
    // existed get the same default as everyone, written down, so an export
    // says which mode they are in.
    2: migrateToPrivateLibrary,
  },
});

/** Version 1 → 2: adds `privateLibrary` (on) to a stored settings object; anything else is left for parseSettings to report. */
export function migrateToPrivateLibrary(old: unknown): unknown {
  if (old === null || typeof old !== 'object' || Array.isArray(old)) return old;
  const record = old as Record<string, unknown>;
  return 'privateLibrary' in record ? record : { ...record, privateLibrary: DEFAULT_SETTINGS.privateLibrary };
}

export async function loadSettings(): Promise<ParsedSettings> {
  return parseSettings(await settingsItem.getValue());
}

export async function saveSettings(settings: Settings): Promise<void> {
  const { problems } = parseSettings(settings);
  if (problems.length) throw new Error(`Refusing to save invalid settings: ${problems.join('; ')}`);
  await settingsItem.setValue(settings);
}

export function watchSettings(callback: (parsed: ParsedSettings) => void): () => void {
  return settingsItem.watch((value) => callback(parseSettings(value)));
}
