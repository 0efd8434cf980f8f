/** On/off, the toolbar badge, hover delay, fuzzy matching and the theme. */
import { useEffect, useState } from 'preact/hooks';
import { HOVER_DELAY_RANGE, type FuzzyLevel, type Settings, type Theme } from '@/lib/settings/settings';
import { Checkbox, RadioGroup, Section } from './controls';

export type SaveSettings = (patch: Partial<Settings>, what: string) => Promise<void>;

const FUZZY: { value: FuzzyLevel; label: string; hint: string }[] = [
  { value: 'off', label: 'Off', hint: 'exact names and known aliases only' },
  { value: 'normal', label: 'Normal', hint: 'also small misspellings of longer names' },
  { value: 'loose', label: 'Loose', hint: 'more misspellings; more false matches' },
];

const THEMES: { value: Theme; label: string }[] = [
  { value: 'auto', label: 'Same as the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function GeneralSection({ settings, save }: { settings: Settings; save: SaveSettings }) {
  return (
    <Section id="general" title="General">
      <Checkbox
        id="enabled"
        label="Show fact cards on web pages"
        checked={settings.enabled}
        onChange={(enabled) => save({ enabled }, enabled ? 'fact cards on' : 'fact cards off')}
      />
      <Checkbox
        id="badge"
        label="Show the number of names found on the toolbar button"
        checked={settings.badge}
        onChange={(badge) => save({ badge }, badge ? 'badge on' : 'badge off')}
      />
      <HoverDelay value={settings.hoverDelayMs} save={save} />
      <RadioGroup name="fuzzy" legend="Fuzzy matching of names" value={settings.fuzzy} choices={FUZZY} onChange={(fuzzy) => save({ fuzzy }, 'fuzzy matching')} />
      <RadioGroup name="theme" legend="Card and page theme" value={settings.theme} choices={THEMES} onChange={(theme) => save({ theme }, 'theme')} />
    </Section>
  );
}

/** A slider and a number box for the same value; saved when a change is complete, not on every step. */
function HoverDelay({ value, save }: { value: number; save: SaveSettings }) {
  const [draft, setDraft] = useState(String(value));
  const [error, setError] = useState('');
  useEffect(() => setDraft(String(value)), [value]);
  const { min, max } = HOVER_DELAY_RANGE;

  const commit = (text: string) => {
    const ms = Number(text);
    if (text.trim() === '' || !Number.isInteger(ms) || ms < min || ms > max) {
      setError(`Enter a whole number of milliseconds from ${min} to ${max}.`);
      return;
    }
    setError('');
    if (ms !== value) void save({ hoverDelayMs: ms }, `hover delay ${ms} ms`);
  };
  const input = (e: Event) => setDraft((e.currentTarget as HTMLInputElement).value);
  const change = (e: Event) => commit((e.currentTarget as HTMLInputElement).value);
  const inRange = Number.isInteger(Number(draft)) && Number(draft) >= min && Number(draft) <= max;

  return (
    <div class="field hover-delay">
      <label for="hover-delay-range">Hover delay before a card opens</label>
      <div class="row">
        <input
          type="range"
          id="hover-delay-range"
          min={min}
          max={max}
          step={50}
          value={inRange ? draft : value}
          aria-describedby="hover-delay-hint"
          onInput={input}
          onChange={change}
        />
        <label class="visually-hidden" for="hover-delay-ms">
          Hover delay in milliseconds
        </label>
        <input
          type="number"
          id="hover-delay-ms"
          class="short"
          min={min}
          max={max}
          step={1}
          value={draft}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby="hover-delay-hint hover-delay-error"
          onInput={input}
          onChange={change}
        />
        <span aria-hidden="true">ms</span>
      </div>
      <p class="hint" id="hover-delay-hint">
        {min}–{max} ms. Shorter opens cards sooner; longer avoids cards when the pointer only passes over a name.
      </p>
      <p class="error" id="hover-delay-error" aria-live="polite">
        {error}
      </p>
    </div>
  );
}
