/**
 * Adding an article from pasted text: a form, "Preview" (the background
 * builds it, off this page's thread), what it found, then "Save". Bad
 * input gets the library's sentence and changes nothing.
 */
import { useState } from 'preact/hooks';
import { MAX_ARTICLE_CHARS } from '@/lib/facts/input';
import type { ArticlePreview as Preview } from '@/lib/messages/protocol';
import type { Theme } from '@/lib/settings/settings';
import { ArticlePreview } from './ArticlePreview';
import type { Feedback } from './feedback';
import { readTextFile, takeChosenFile } from './file-io';
import type { ArticleDraft, LibraryApi } from './library-api';

const LIMIT = MAX_ARTICLE_CHARS.toLocaleString('en');
/** UTF-8 text of MAX_ARTICLE_CHARS characters is at most 4 bytes each. */
const MAX_TEXT_FILE_BYTES = MAX_ARTICLE_CHARS * 4;

interface Draft {
  title: string;
  source: string;
  url: string;
  date: string;
  text: string;
}
const EMPTY: Draft = { title: '', source: '', url: '', date: '', text: '' };

/** What is wrong with the form before building, or undefined. */
export function draftProblem(draft: Draft): string | undefined {
  if (draft.title.trim() === '') return 'Give the article a title.';
  if (draft.url.trim() !== '') {
    let url: URL | undefined;
    try {
      url = new URL(draft.url.trim());
    } catch {}
    if (!url || !/^https?:$/.test(url.protocol)) return 'The address must start with https:// or http:// (or leave it empty).';
  }
  if (draft.date !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) return 'The date must be a date like 2025-03-14 (or leave it empty).';
  return undefined;
}

function toArticle(draft: Draft): ArticleDraft {
  return {
    title: draft.title.trim(),
    text: draft.text,
    ...(draft.source.trim() ? { source: draft.source.trim() } : {}),
    ...(draft.url.trim() ? { url: draft.url.trim() } : {}),
    ...(draft.date ? { published: draft.date } : {}),
  };
}

export function ArticleBuilder({ api, theme, feedback }: { api: LibraryApi; theme: Theme; feedback: Feedback }) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState<'building' | 'saving'>();
  const [preview, setPreview] = useState<Preview>();

  /** Any edit makes an earlier preview stale. */
  const edit = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setPreview(undefined);
    setError('');
  };
  const field = (key: keyof Draft) => (e: Event) => edit({ [key]: (e.currentTarget as HTMLInputElement).value });

  const build = async (e: Event) => {
    e.preventDefault();
    const problem = draftProblem(draft);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy('building');
    setError('');
    try {
      const reply = await api.preview(toArticle(draft));
      if (!reply.ok) setError(reply.error);
      else {
        setPreview(reply.preview);
        feedback.say(`Preview built: ${reply.preview.entities.length} names found.`);
      }
    } catch (err) {
      setError(`The preview could not be built: ${(err as Error).message}`);
    } finally {
      setBusy(undefined);
    }
  };

  const save = async () => {
    if (!preview) return;
    setBusy('saving');
    try {
      const reply = await api.save(toArticle(draft));
      if (!reply.ok) {
        setError(reply.error);
        return;
      }
      feedback.say(`Saved “${reply.title}” with ${reply.entities} names. It is on.`);
      setDraft(EMPTY);
      setPreview(undefined);
    } catch (err) {
      setError(`Could not save the article: ${(err as Error).message}`);
    } finally {
      setBusy(undefined);
    }
  };

  const loadFile = async (event: Event) => {
    const file = takeChosenFile(event);
    if (!file) return;
    try {
      edit({ text: await readTextFile(file, MAX_TEXT_FILE_BYTES, `${LIMIT} characters`) });
    } catch (err) {
      setError((err as Error).message);
    }
  };

  const over = draft.text.length - MAX_ARTICLE_CHARS;
  return (
    <div class="pack-builder">
      <form onSubmit={build} noValidate aria-labelledby="add-article-title">
        <div class="field">
          <label for="article-title">Title (required)</label>
          <input type="text" id="article-title" required value={draft.title} maxLength={300} onInput={field('title')} />
        </div>
        <div class="field">
          <label for="article-source">Source (optional, e.g. the newspaper)</label>
          <input type="text" id="article-source" value={draft.source} maxLength={200} onInput={field('source')} />
        </div>
        <div class="field">
          <label for="article-url">Address (optional)</label>
          <input type="url" id="article-url" value={draft.url} placeholder="https://" onInput={field('url')} />
        </div>
        <div class="field">
          <label for="article-date">Published (optional)</label>
          <input type="date" id="article-date" value={draft.date} onInput={field('date')} />
        </div>
        <div class="field">
          <label for="article-text">Article text</label>
          <textarea id="article-text" rows={10} value={draft.text} aria-describedby="article-text-count" onInput={field('text')} />
          <p id="article-text-count" class={over > 0 ? 'count error' : 'count hint'}>
            {draft.text.length.toLocaleString('en')} / {LIMIT} characters
            {over > 0 && ` — ${over.toLocaleString('en')} over the limit`}
          </p>
        </div>
        <div class="field">
          <label for="article-text-file">Or load the text from a .txt file</label>
          <input type="file" id="article-text-file" accept=".txt,text/plain" onChange={loadFile} />
        </div>
        <div class="row">
          <button type="submit" disabled={busy !== undefined}>
            {busy === 'building' ? 'Building…' : 'Preview'}
          </button>
        </div>
        <p class="error" id="article-error" aria-live="polite">
          {error}
        </p>
      </form>
      {preview && (
        <div class="pack-preview">
          <ArticlePreview preview={preview} theme={theme} />
          {preview.alreadySaved ? (
            <p class="error">This article is already in your library (“{preview.alreadySaved.title}”).</p>
          ) : (
            preview.entities.length > 0 && (
              <button type="button" class="primary" disabled={busy !== undefined} onClick={save}>
                Save article
              </button>
            )
          )}
        </div>
      )}
    </div>
  );
}
