/**
 * The reader's library: every article it knows (the bundled one and the
 * reader's), searchable by title and source, each switchable, renamable,
 * exportable and deletable with Undo; the whole library exported or
 * imported as one file; and a new article added from pasted text.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { foldText } from '@/lib/match/normalise';
import type { ListedArticle } from '@/lib/messages/protocol';
import { watchLibraryVersion } from '@/lib/library/library-version';
import type { Theme } from '@/lib/settings/settings';
import { ArticleBuilder } from './ArticleBuilder';
import { ArticleItem } from './ArticleItem';
import { Section } from './controls';
import type { Feedback } from './feedback';
import { downloadText, readTextFile, takeChosenFile } from './file-io';
import { orThrow, type LibraryApi } from './library-api';

/** Largest library file read (about 400 long articles). */
const MAX_LIBRARY_FILE_BYTES = 100_000_000;

export function useLibrary(api: LibraryApi) {
  const [state, setState] = useState<{ articles: ListedArticle[]; problems: string[]; error?: string }>();
  useEffect(() => {
    let live = true;
    const load = () =>
      api.list().then(
        (listed) => live && setState(listed),
        (e: unknown) => live && setState({ articles: [], problems: [], error: `The library could not be read: ${(e as Error).message}` }),
      );
    void load();
    const stop = watchLibraryVersion(() => void load());
    return () => {
      live = false;
      stop();
    };
  }, [api]);
  return state;
}

const fold = (s: string) => foldText(s).lower;

export function LibrarySection({ api, library, theme, feedback }: {
  api: LibraryApi;
  library: { articles: ListedArticle[]; error?: string };
  theme: Theme;
  feedback: Feedback;
}) {
  const [importError, setImportError] = useState('');
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const q = fold(filter.trim());
    if (!q) return library.articles;
    return library.articles.filter((a) => fold([a.title, a.source ?? '', a.published ?? '', a.url ?? ''].join(' ')).includes(q));
  }, [library.articles, filter]);
  const saved = library.articles.filter((a) => !a.builtin).length;

  const importFile = async (event: Event) => {
    const file = takeChosenFile(event);
    if (!file) return;
    setImportError('');
    try {
      const result = await api.importFile(await readTextFile(file, MAX_LIBRARY_FILE_BYTES, '100 MB'));
      if (!result.ok) {
        setImportError(`“${file.name}” was not imported; nothing was changed. ${result.problems.slice(0, 5).join('; ')}`);
        return;
      }
      const skipped = result.skipped ? ` ${result.skipped} already in your library ${result.skipped === 1 ? 'was' : 'were'} skipped.` : '';
      feedback.say(`Imported ${result.added} article${result.added === 1 ? '' : 's'} from “${file.name}”.${skipped}`);
    } catch (err) {
      setImportError(`“${file.name}” was not imported; nothing was changed. ${(err as Error).message}`);
    }
  };

  const exportAll = async () => {
    try {
      const { text } = orThrow(await api.exportAll());
      const name = `fact-cards-library-${new Date().toISOString().slice(0, 10)}.json`;
      downloadText(name, text);
      feedback.say(`Exported ${saved} article${saved === 1 ? '' : 's'} to ${name}.`);
    } catch (err) {
      feedback.say(`Not exported: ${(err as Error).message}`);
    }
  };

  return (
    <Section id="library" title="Your articles">
      <p class="hint">
        Every article here is a source of cards. A person, place or term named by several articles has one card with what each says,
        newest first. Articles live in this browser only.
      </p>
      {library.error && <p class="error" role="alert">{library.error}</p>}
      <div class="field">
        <label for="library-filter">Find an article</label>
        <input type="search" id="library-filter" value={filter} placeholder="Title, source or date" onInput={(e) => setFilter((e.currentTarget as HTMLInputElement).value)} />
      </div>
      <p class="hint">
        {filter.trim() ? `${shown.length} of ${library.articles.length} articles` : `${library.articles.length} article${library.articles.length === 1 ? '' : 's'}`}
      </p>
      <ul class="packs">
        {shown.map((article) => (
          <ArticleItem key={article.id} article={article} api={api} feedback={feedback} />
        ))}
      </ul>
      <div class="row">
        <button type="button" onClick={exportAll} disabled={saved === 0}>
          Export your library
        </button>
      </div>
      <div class="field">
        <label for="import-library">Import a library or article file</label>
        <input type="file" id="import-library" accept=".json,application/json" aria-describedby="import-library-error" onChange={importFile} />
        <p class="error" id="import-library-error" aria-live="polite">
          {importError}
        </p>
      </div>
      <h3 id="add-article-title">Add an article</h3>
      <ArticleBuilder api={api} theme={theme} feedback={feedback} />
    </Section>
  );
}
