/** One article of the library: on/off, rename, export, delete (with Undo). The bundled one can only be switched. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDay } from '@/lib/dates';
import type { ListedArticle } from '@/lib/messages/protocol';
import type { Feedback } from './feedback';
import { downloadText, fileNameOf } from './file-io';
import { orThrow, type LibraryApi } from './library-api';

export function ArticleItem({ article, api, feedback }: { article: ListedArticle; api: LibraryApi; feedback: Feedback }) {
  const { title } = article;
  const [renaming, setRenaming] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  const finishRename = () => {
    setRenaming(false);
    setTimeout(() => renameButton.current?.focus(), 0);
  };
  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      feedback.say(done);
    } catch (err) {
      feedback.say(`Not changed: ${(err as Error).message}`);
    }
  };

  const toggle = (enabled: boolean) => act(async () => orThrow(await api.setEnabled(article.id, enabled)), `“${title}” is ${enabled ? 'on' : 'off'}.`);

  const remove = async () => {
    try {
      orThrow(await api.remove(article.id));
      feedback.undoable(`Deleted “${title}”.`, async () => void orThrow(await api.restore(article.id)), `“${title}” is back.`);
    } catch (err) {
      feedback.say(`Not deleted: ${(err as Error).message}`);
    }
  };

  const exportOne = () =>
    act(async () => {
      const { text } = orThrow(await api.exportOne(article.id));
      downloadText(fileNameOf(title, '.article.json'), text);
    }, `Exported “${title}”.`);

  const id = `article-${article.id}`;
  return (
    <li class="pack">
      <h3 id={`${id}-title`} dir="auto">
        {title}
      </h3>
      <p class="meta">
        {article.source && <><span dir="auto">{article.source}</span> · </>}
        {article.published && <>{formatDay(article.published)} · </>}
        {article.entities} {article.entities === 1 ? 'name' : 'names'}
        {article.builtin ? ' · comes with Fact Cards' : article.addedAt ? ` · saved ${formatDay(article.addedAt.slice(0, 10))}` : ''}
      </p>
      <div class="row">
        <span class="checkbox">
          <input type="checkbox" id={`${id}-enabled`} checked={article.enabled} onChange={(e) => toggle((e.currentTarget as HTMLInputElement).checked)} />
          <label for={`${id}-enabled`}>
            Use<span class="visually-hidden">{` “${title}”`}</span>
          </label>
        </span>
        {!article.builtin && !renaming && (
          <button type="button" ref={renameButton} onClick={() => setRenaming(true)}>
            Rename<span class="visually-hidden">{` “${title}”`}</span>
          </button>
        )}
        <button type="button" onClick={exportOne}>
          Export<span class="visually-hidden">{` “${title}”`}</span>
        </button>
        {!article.builtin && (
          <button type="button" class="danger" onClick={remove}>
            Delete<span class="visually-hidden">{` “${title}”`}</span>
          </button>
        )}
      </div>
      {renaming && (
        <RenameForm
          id={id}
          title={title}
          onCancel={finishRename}
          onRename={async (next) => {
            orThrow(await api.rename(article.id, next));
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
      setError((err as Error).message);
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
        maxLength={300}
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
