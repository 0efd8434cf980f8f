/** The built-in pack, the user's packs, importing a pack file and building a new pack. */
import { useState } from 'preact/hooks';
import bundled from '@/data/facts.json';
import type { FactIndex } from '@/lib/fact-index/schema';
import { addPack, MAX_PACK_BYTES, packIdFor, PackError, parsePackFile, type StoredPack } from '@/lib/pack-store';
import type { Theme } from '@/lib/settings';
import { Section } from './controls';
import type { Feedback } from './feedback';
import { readTextFile, takeChosenFile } from './file-io';
import { PackBuilder } from './PackBuilder';
import { PackItem } from './PackItem';

// Built and checked by scripts/build-facts.ts.
const BUILTIN = bundled as unknown as FactIndex;

export function PacksSection({ packs, theme, feedback }: { packs: StoredPack[]; theme: Theme; feedback: Feedback }) {
  const [importError, setImportError] = useState('');
  const takenIds = new Set(packs.map((p) => p.id));

  const importPack = async (event: Event) => {
    const file = takeChosenFile(event);
    if (!file) return;
    setImportError('');
    try {
      let index = parsePackFile(await readTextFile(file, MAX_PACK_BYTES, `${MAX_PACK_BYTES / 1e6} MB`));
      // Another pack may have the same id (two packs exported from different
      // installs); the same article twice is still refused by addPack.
      if (takenIds.has(index.article.id)) index = { ...index, article: { ...index.article, id: packIdFor(index.article.title, takenIds) } };
      await addPack(index);
      feedback.say(`Imported “${index.article.title}” with ${index.entities.length} entities. It is on.`);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      setImportError(`“${file.name}” was not imported; nothing was changed. ${why}`);
    }
  };

  return (
    <Section id="packs" title="Fact packs">
      <p class="hint">Each pack is one article. Names from every pack that is on are highlighted on pages.</p>
      <ul class="packs">
        <li class="pack">
          <h3 id="pack-builtin-title" dir="auto">
            {BUILTIN.article.title}
          </h3>
          <p class="meta">
            {BUILTIN.entities.length} entities · built in, always on
          </p>
        </li>
        {packs.map((pack) => (
          <PackItem key={pack.id} pack={pack} feedback={feedback} />
        ))}
      </ul>
      <div class="field">
        <label for="import-pack">Import a pack file</label>
        <input type="file" id="import-pack" accept=".json,application/json" aria-describedby="import-pack-error" onChange={importPack} />
        <p class="error" id="import-pack-error" aria-live="polite">
          {importError}
        </p>
      </div>
      <h3 id="add-pack-title">Add a pack from an article</h3>
      <PackBuilder takenIds={takenIds} theme={theme} feedback={feedback} />
    </Section>
  );
}
