/**
 * Adding a user's own article as a fact pack: a form, "Build preview" (the
 * same buildFactIndex as the bundled pack, run here in the page), a preview
 * of what it found, then "Save pack". Bad input gets a message and changes
 * nothing.
 */
import { useState } from 'preact/hooks';
import curatedJson from '@/data/aliases.json';
import { buildFactIndex } from '@/lib/facts/build';
import { parseCuratedAliases, type CuratedAliases } from '@/lib/facts/curated';
import { MAX_ARTICLE_CHARS } from '@/lib/facts/input';
import type { FactIndex } from '@/lib/fact-index/schema';
import { addPack, packIdFor, PackError } from '@/lib/pack-store';
import type { Theme } from '@/lib/settings';
import type { Feedback } from './feedback';
import { readTextFile, takeChosenFile } from './file-io';
import { PackPreview } from './PackPreview';

let curated: CuratedAliases | undefined;
/** Parsed on first use: most visits to the options page build nothing. */
const curatedAliases = () => (curated ??= parseCuratedAliases(curatedJson));

const LIMIT = MAX_ARTICLE_CHARS.toLocaleString('en');
/** UTF-8 text of MAX_ARTICLE_CHARS characters is at most 4 bytes each. */
const MAX_TEXT_FILE_BYTES = MAX_ARTICLE_CHARS * 4;

interface Draft {
  title: string;
  source: string;
  date: string;
  text: string;
}
const EMPTY: Draft = { title: '', source: '', date: '', text: '' };

/** What is wrong with the form before building, or undefined. */
export function draftProblem(draft: Draft): string | undefined {
  if (draft.title.trim() === '') return 'Give the pack a title.';
  if (draft.source.trim() !== '') {
    let url: URL | undefined;
    try {
      url = new URL(draft.source.trim());
    } catch {}
    if (!url || !/^https?:$/.test(url.protocol)) return 'The source must be a web address starting with https:// or http:// (or leave it empty).';
  }
  if (draft.date !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) return 'The date must be a date like 2025-03-14 (or leave it empty).';
  return undefined;
}

export function PackBuilder({ takenIds, theme, feedback }: { takenIds: ReadonlySet<string>; theme: Theme; feedback: Feedback }) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState<'building' | 'saving'>();
  const [preview, setPreview] = useState<FactIndex>();

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
    // Let "Building…" paint before the synchronous build takes the thread.
    await new Promise((resolve) => setTimeout(resolve, 0));
    try {
      const title = draft.title.trim();
      const index = buildFactIndex(draft.text, {
        id: packIdFor(title, takenIds),
        title,
        ...(draft.source.trim() ? { source: draft.source.trim() } : {}),
        ...(draft.date ? { date: draft.date } : {}),
        curatedAliases: curatedAliases(),
      });
      setPreview(index);
      feedback.say(`Preview built: ${index.entities.length} entities found.`);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(undefined);
    }
  };

  const save = async () => {
    if (!preview) return;
    setBusy('saving');
    try {
      await addPack(preview);
      feedback.say(`Saved “${preview.article.title}” with ${preview.entities.length} entities. It is on.`);
      setDraft(EMPTY);
      setPreview(undefined);
    } catch (err) {
      setError(err instanceof PackError ? err.message : `Could not save the pack: ${(err as Error).message}`);
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
      <form onSubmit={build} noValidate aria-labelledby="add-pack-title">
        <div class="field">
          <label for="pack-title">Title (required)</label>
          <input type="text" id="pack-title" required value={draft.title} maxLength={200} onInput={field('title')} />
        </div>
        <div class="field">
          <label for="pack-source">Source address (optional)</label>
          <input type="url" id="pack-source" value={draft.source} placeholder="https://" onInput={field('source')} />
        </div>
        <div class="field">
          <label for="pack-date">Date (optional)</label>
          <input type="date" id="pack-date" value={draft.date} onInput={field('date')} />
        </div>
        <div class="field">
          <label for="pack-text">Article text</label>
          <textarea id="pack-text" rows={10} value={draft.text} aria-describedby="pack-text-count" onInput={field('text')} />
          <p id="pack-text-count" class={over > 0 ? 'count error' : 'count hint'}>
            {draft.text.length.toLocaleString('en')} / {LIMIT} characters
            {over > 0 && ` — ${over.toLocaleString('en')} over the limit`}
          </p>
        </div>
        <div class="field">
          <label for="pack-text-file">Or load the text from a .txt file</label>
          <input type="file" id="pack-text-file" accept=".txt,text/plain" onChange={loadFile} />
        </div>
        <div class="row">
          <button type="submit" disabled={busy !== undefined}>
            {busy === 'building' ? 'Building…' : 'Build preview'}
          </button>
        </div>
        <p class="error" id="pack-error" aria-live="polite">
          {error}
        </p>
      </form>
      {preview && (
        <div class="pack-preview">
          <PackPreview index={preview} theme={theme} />
          {preview.entities.length > 0 && (
            <button type="button" class="primary" disabled={busy !== undefined} onClick={save}>
              Save pack
            </button>
          )}
        </div>
      )}
    </div>
  );
}
