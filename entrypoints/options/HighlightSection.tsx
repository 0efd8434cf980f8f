/** What gets highlighted on pages and how it looks, with a live preview. */
import { ENTITY_KINDS, type EntityKind } from '@/lib/fact-index/schema';
import type { HighlightStyle, PaintMode, Settings } from '@/lib/settings/settings';
import { Checkbox, RadioGroup, Section } from './controls';
import type { SaveSettings } from './GeneralSection';
import { HighlightPreview } from './HighlightPreview';

const KIND_PLURAL: Record<EntityKind, string> = {
  person: 'People',
  place: 'Places',
  organisation: 'Organisations',
  term: 'Terms',
};

const STYLES: { value: HighlightStyle; label: string }[] = [
  { value: 'underline', label: 'Underline' },
  { value: 'dotted', label: 'Dotted underline' },
  { value: 'background', label: 'Background' },
];

const MODES: { value: PaintMode; label: string; hint: string }[] = [
  { value: 'highlight', label: 'Highlight API', hint: 'leaves the page untouched (recommended)' },
  { value: 'marks', label: 'Inline marks', hint: 'wraps names in elements; screen readers and older browsers see them' },
];

export function HighlightSection({ settings, save }: { settings: Settings; save: SaveSettings }) {
  const setKind = (kind: EntityKind, on: boolean) => {
    const kinds = ENTITY_KINDS.filter((k) => (k === kind ? on : settings.kinds.includes(k)));
    void save({ kinds }, `${KIND_PLURAL[kind].toLowerCase()} ${on ? 'highlighted' : 'not highlighted'}`);
  };
  return (
    <Section id="highlighting" title="Highlighting">
      <fieldset class="field checkboxes">
        <legend>Highlight these kinds of names</legend>
        {ENTITY_KINDS.map((kind) => (
          <Checkbox key={kind} id={`kind-${kind}`} label={KIND_PLURAL[kind]} checked={settings.kinds.includes(kind)} onChange={(on) => setKind(kind, on)} />
        ))}
      </fieldset>
      <RadioGroup
        name="mentions"
        legend="Which mentions"
        value={settings.firstOnly ? 'first' : 'every'}
        choices={[
          { value: 'every', label: 'Every mention' },
          { value: 'first', label: 'First mention on a page only' },
        ]}
        onChange={(v) => save({ firstOnly: v === 'first' }, v === 'first' ? 'first mention only' : 'every mention')}
      />
      <RadioGroup name="highlight-style" legend="Highlight style" value={settings.highlightStyle} choices={STYLES} onChange={(highlightStyle) => save({ highlightStyle }, 'highlight style')} />
      <div class="field">
        <label for="highlight-colour">Highlight colour</label>{' '}
        <input
          type="color"
          id="highlight-colour"
          value={settings.colour}
          onChange={(e) => {
            const colour = (e.currentTarget as HTMLInputElement).value.toLowerCase();
            if (/^#[0-9a-f]{6}$/.test(colour)) void save({ colour }, 'highlight colour');
          }}
        />
      </div>
      <RadioGroup name="paint-mode" legend="How names are marked" value={settings.paintMode} choices={MODES} onChange={(paintMode) => save({ paintMode }, 'marking method')} />
      <HighlightPreview mode={settings.paintMode} style={settings.highlightStyle} colour={settings.colour} />
    </Section>
  );
}
