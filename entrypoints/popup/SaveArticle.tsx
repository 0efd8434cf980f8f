/**
 * "Save this article": reads the article of the current tab (the extractor,
 * injected on request), shows what was found — title, source, date, the
 * names and their roles — and saves it through the library's save-article
 * path. A page already saved says so instead ("Saved 18 Aug 2025 · 23 names").
 */
import { useEffect, useState } from 'preact/hooks';
import { KIND_LABEL } from '@/components/kind-label';
import { formatDay } from '@/lib/dates';
import type { ArticlePreview, BackgroundReply } from '@/lib/messages/protocol';

export interface SaveArticleApi {
  savedFor(url: string): Promise<BackgroundReply<'saved-for-url'>>;
  capture(tabId: number): Promise<BackgroundReply<'capture-tab'>>;
  save(article: Extract<BackgroundReply<'capture-tab'>, { article: unknown }>['article']): Promise<BackgroundReply<'save-article'>>;
}

type State =
  | { step: 'idle' }
  | { step: 'saved'; title: string; day?: string; names: number }
  | { step: 'reading' }
  | { step: 'preview'; preview: ArticlePreview; article: Extract<BackgroundReply<'capture-tab'>, { article: unknown }>['article'] }
  | { step: 'saving' }
  | { step: 'error'; message: string };

const savedLine = (s: { day?: string; names: number }) => `Saved${s.day ? ` ${formatDay(s.day)}` : ''} · ${s.names} ${s.names === 1 ? 'name' : 'names'}`;

export function SaveArticle({ api, tab }: { api: SaveArticleApi; tab?: { id: number; url?: string } }) {
  const [state, setState] = useState<State>({ step: 'idle' });

  useEffect(() => {
    let live = true;
    if (!tab?.url) return;
    api.savedFor(tab.url).then(
      (saved) => live && saved && setState({ step: 'saved', title: saved.title, day: saved.addedAt?.slice(0, 10), names: saved.entities }),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [api, tab?.url]);

  if (!tab) return null;

  const read = async () => {
    setState({ step: 'reading' });
    try {
      const reply = await api.capture(tab.id);
      if (!reply.ok) setState({ step: 'error', message: reply.error });
      else if ('preview' in reply) {
        const already = reply.preview.alreadySaved;
        setState(
          already
            ? { step: 'saved', title: already.title, day: already.addedAt?.slice(0, 10), names: reply.preview.entities.length }
            : { step: 'preview', preview: reply.preview, article: reply.article },
        );
      }
    } catch (e) {
      setState({ step: 'error', message: `The page could not be read (${(e as Error).message}).` });
    }
  };

  const save = async (article: Extract<State, { step: 'preview' }>['article']) => {
    setState({ step: 'saving' });
    try {
      const reply = await api.save(article);
      setState(reply.ok ? { step: 'saved', title: reply.title, day: new Date().toISOString().slice(0, 10), names: reply.entities } : { step: 'error', message: reply.error });
    } catch (e) {
      setState({ step: 'error', message: `Not saved (${(e as Error).message}).` });
    }
  };

  return (
    <section class="save-article" aria-labelledby="save-title">
      <h2 class="section-title" id="save-title">This article</h2>
      <div role="status" class="save-status">
        {state.step === 'saved' && (
          <p class="saved">
            <span class="saved-title" dir="auto">{state.title}</span>
            <span class="saved-meta">{savedLine(state)}</span>
          </p>
        )}
        {state.step === 'reading' && <p class="empty">Reading the article…</p>}
        {state.step === 'saving' && <p class="empty">Saving…</p>}
        {state.step === 'error' && <p class="error">{state.message}</p>}
      </div>
      {(state.step === 'idle' || state.step === 'error') && (
        <button type="button" class="save-button" onClick={read}>
          Save this article
        </button>
      )}
      {state.step === 'preview' && <Preview preview={state.preview} onSave={() => save(state.article)} onCancel={() => setState({ step: 'idle' })} />}
    </section>
  );
}

function Preview({ preview, onSave, onCancel }: { preview: ArticlePreview; onSave: () => void; onCancel: () => void }) {
  const meta = [preview.source, preview.published ? formatDay(preview.published) : undefined].filter(Boolean).join(' · ');
  return (
    <div class="capture-preview">
      <p class="capture-title" dir="auto">{preview.title}</p>
      {meta && <p class="capture-meta" dir="auto">{meta}</p>}
      {preview.entities.length === 0 ? (
        <p class="empty">No names were found in this article, so there is nothing to save.</p>
      ) : (
        <>
          <p class="capture-count">{`${preview.entities.length} ${preview.entities.length === 1 ? 'name' : 'names'} found`}</p>
          <ul class="capture-entities" aria-label="Names found">
            {preview.entities.map((e) => (
              <li key={e.id}>
                <span dir="auto">{e.name}</span>
                <span class="capture-kind">{` · ${KIND_LABEL[e.kind]}`}</span>
                {e.role && <span class="capture-role" dir="auto">{` · ${e.role}`}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      <div class="capture-actions">
        {preview.entities.length > 0 && (
          <button type="button" class="save-button" onClick={onSave}>
            Save
          </button>
        )}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
