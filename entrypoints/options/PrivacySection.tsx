/** Whether names known only from the reader's saved articles are underlined where pages can read them. */
import { PRIVATE_LIBRARY_LABEL, whatPagesLearn } from '@/lib/settings/private-library';
import type { Settings } from '@/lib/settings/settings';
import type { SaveSettings } from './GeneralSection';
import { Checkbox, Section } from './controls';

export function PrivacySection({ settings, save }: { settings: Settings; save: SaveSettings }) {
  return (
    <Section id="privacy" title="Privacy">
      <Checkbox
        id="private-library"
        label={PRIVATE_LIBRARY_LABEL}
        checked={settings.privateLibrary}
        hint={`${whatPagesLearn(settings.privateLibrary)} Names from your saved articles are still found, and their cards open when you hover them.`}
        onChange={(privateLibrary) => save({ privateLibrary }, privateLibrary ? 'saved articles private' : 'saved articles underlined everywhere')}
      />
    </Section>
  );
}
