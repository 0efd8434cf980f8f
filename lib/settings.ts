/**
 * Typed settings with defaults, read by every context and applied live.
 * Stored as one small object in `storage.sync` (well under its 8 KB per-item
 * quota). `parseSettings` validates each field on its own: a corrupt or
 * unknown value falls back to the default for that field only, and says so.
 */
import { storage } from 'wxt/utils/storage';
import { ENTITY_KINDS, type EntityKind } from './fact-index/schema';

export type PaintMode = 'highlight' | 'marks';
export type HighlightStyle = 'underline' | 'dotted' | 'background';
export type FuzzyLevel = 'off' | 'normal' | 'loose';
export type Theme = 'auto' | 'light' | 'dark';

export interface Settings {
  enabled: boolean;
  paintMode: PaintMode;
  highlightStyle: HighlightStyle;
  /** `#rrggbb` */
  colour: string;
  kinds: EntityKind[];
  /** Highlight only the first mention of each entity on a page. */
  firstOnly: boolean;
  hoverDelayMs: number;
  fuzzy: FuzzyLevel;
  theme: Theme;
  badge: boolean;
}

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
});

export const HOVER_DELAY_RANGE = { min: 0, max: 2000 } as const;

type Check<K extends keyof Settings> = (v: unknown) => v is Settings[K];
const oneOf = <T extends string>(...values: T[]) => (v: unknown): v is T => values.includes(v as T);

const CHECKS: { [K in keyof Settings]: Check<K> } = {
  enabled: (v): v is boolean => typeof v === 'boolean',
  paintMode: oneOf('highlight', 'marks'),
  highlightStyle: oneOf('underline', 'dotted', 'background'),
  colour: (v): v is string => typeof v === 'string' && /^#[0-9a-f]{6}$/i.test(v),
  kinds: (v): v is EntityKind[] =>
    Array.isArray(v) && v.length <= ENTITY_KINDS.length && v.every((k) => ENTITY_KINDS.includes(k)) && new Set(v).size === v.length,
  firstOnly: (v): v is boolean => typeof v === 'boolean',
  hoverDelayMs: (v): v is number =>
    typeof v === 'number' && Number.isInteger(v) && v >= HOVER_DELAY_RANGE.min && v <= HOVER_DELAY_RANGE.max,
  fuzzy: oneOf('off', 'normal', 'loose'),
  theme: oneOf('auto', 'light', 'dark'),
  badge: (v): v is boolean => typeof v === 'boolean',
};

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
  for (const key of Object.keys(CHECKS) as (keyof Settings)[]) {
    if (!(key in record)) continue;
    const value = record[key];
    if ((CHECKS[key] as (v: unknown) => boolean)(value)) (settings as unknown as Record<string, unknown>)[key] = value;
    else problems.push(`${key}: ${JSON.stringify(value)?.slice(0, 60)} is not valid; using the default (${JSON.stringify(DEFAULT_SETTINGS[key])})`);
  }
  for (const key of Object.keys(record)) {
    if (!(key in CHECKS)) problems.push(`${key}: unknown setting, ignored`);
  }
  return { settings, problems };
}

/** Raw stored value: always read it through `loadSettings`/`watchSettings`. */
export const settingsItem = storage.defineItem<unknown>('sync:settings', {
  fallback: null,
  version: 1,
});

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
