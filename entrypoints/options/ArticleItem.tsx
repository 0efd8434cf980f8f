/** One saved fact pack: on/off, rename, export, delete (with Undo). */
import { useEffect, useRef, useState } from 'preact/hooks';
import { packFileOf, PackError, removePack, renamePack, restorePack, setPackEnabled, type StoredPack } from '@/lib/pack-store';
import type { Feedback } from './feedback';
import { downloadJson, fileNameOf } from './file-io';

export function PackItem({ pack, feedback }: { pack: StoredPack; feedback: Feedback }) {
  const { title } = pack.index.article;
  const [renaming, setRenaming] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  const finishRename = () => {
    setRenaming(false);
    setTimeout(() => renameButton.current?.focus(), 0);
  };

  const toggle = async (enabled: boolean) => {
    await setPackEnabled(pack.id, enabled);
    feedback.say(`“${title}” is ${enabled ? 'on' : 'off'}.`);
  };

  const remove = async () => {
    const removed = await removePack(pack.id);
    feedback.undoable(`Deleted “${title}”.`, () => restorePack(removed), `“${title}” is back.`);
  };

  const exportPack = () => {
    const name = fileNameOf(title, '.factpack.json');
    downloadJson(name, packFileOf(pack));
    feedback.say(`Exported “${title}” to ${name}.`);
  };

  const id = `pack-${pack.id}`;
  return (
    <li class="pack">
      <h3 id={`${id}-title`} dir="auto">
        {title}
      </h3>
      <p class="meta">
        {pack.index.entities.length} entities
        {pack.index.article.source && <> · <span dir="auto">{pack.index.article.source}</span></>}
        {pack.index.article.date && <> · {pack.index.article.date}</>}
        {pack.addedAt && <> · added {pack.addedAt.slice(0, 10)}</>}
      </p>
      <div class="row">
        <span class="checkbox">
          <input type="checkbox" id={`${id}-enabled`} checked={pack.enabled} onChange={(e) => toggle((e.currentTarget as HTMLInputElement).checked)} />
          <label for={`${id}-enabled`}>
            Use<span class="visually-hidden">{` “${title}”`}</span>
          </label>
        </span>
        {!renaming && (
          <button type="button" ref={renameButton} onClick={() => setRenaming(true)}>
            Rename<span class="visually-hidden">{` “${title}”`}</span>
          </button>
        )}
        <button type="button" onClick={exportPack}>
          Export<span class="visually-hidden">{` “${title}”`}</span>
        </button>
        <button type="button" class="danger" onClick={remove}>
          Delete<span class="visually-hidden">{` “${title}”`}</span>
        </button>
      </div>
      {renaming && (
        <RenameForm
          id={id}
          title={title}
          onCancel={finishRename}
          onRename={async (next) => {
            await renamePack(pack.id, next);
            feedback.say(`Renamed “${title}” to “${next.trim()}”.`);
            finishRename();
          }}
        />
      )}
    </li>
  );
}

function RenameForm(props: { id: string; title: string; onRename: (title: string) => Promise<void>; onCancel: () => void }) {
  const [draft, setDraft] = useState(props.title);
  const [error, setError] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.select(), []);

  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      await props.onRename(draft);
    } catch (err) {
      setError(err instanceof PackError ? err.message : `Could not rename: ${(err as Error).message}`);
    }
  };
  return (
    <form class="row rename" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && props.onCancel()} noValidate>
      <label for={`${props.id}-rename`}>New title for “{props.title}”</label>
      <input
        type="text"
        id={`${props.id}-rename`}
        ref={input}
        value={draft}
        maxLength={200}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={`${props.id}-rename-error`}
        onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
      />
      <button type="submit">Save title</button>
      <button type="button" onClick={props.onCancel}>
        Cancel
      </button>
      <p class="error" id={`${props.id}-rename-error`} aria-live="polite">
        {error}
      </p>
    </form>
  );
}
