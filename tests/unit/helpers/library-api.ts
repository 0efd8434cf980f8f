/**
 * The options page's and popup's library API answered by the background's
 * own message handler, over a real library in an in-memory IndexedDB: what
 * the page sends and gets back is checked by the same schemas as in the
 * extension.
 */
import 'fake-indexeddb/auto';
import { answer, type BackgroundHooks } from '@/entrypoints/background/messages';
import type { LibraryApi } from '@/entrypoints/options/library-api';
import type { PopupLibrary } from '@/entrypoints/popup/Popup';
import { createLibrary, type Library } from '@/lib/library/library';
import { libraryVersionItem } from '@/lib/library/library-version';
import { openArticleStore } from '@/lib/library/store';
import { BACKGROUND, checkReply, parseBackgroundRequest } from '@/lib/messages/protocol';
import { build, BUNDLED, BUNDLED_META } from './articles';

let count = 0;

export async function testLibrary(): Promise<Library> {
  return createLibrary({
    store: await openArticleStore(`ui-test-${++count}-${Date.now()}`),
    bundled: { index: BUNDLED, meta: BUNDLED_META },
    build: (text, meta) => build(text, meta),
    onChange: () => void libraryVersionItem.setValue(Date.now()),
  });
}

/** Sends a request through the background's parser and handler; checks the reply as a page would. */
export function messenger(library: Library, extra: Partial<BackgroundHooks> = {}) {
  const hooks: BackgroundHooks = {
    library: async () => library,
    legacyProblems: () => [],
    onMentionCount: () => {},
    captureTab: async () => ({ ok: false, error: 'No tab in unit tests.' }),
    ...extra,
  };
  const sender = { id: 'test', url: 'chrome-extension://test/options.html' };
  return async <K extends keyof typeof BACKGROUND>(request: { type: K } & Record<string, unknown>) => {
    const parsed = parseBackgroundRequest(request);
    if (!parsed) throw new Error(`the background would drop ${JSON.stringify(request).slice(0, 80)}`);
    return checkReply(BACKGROUND, request.type, await answer(parsed.request, sender, hooks));
  };
}

export function testLibraryApi(library: Library, extra: Partial<BackgroundHooks> = {}): LibraryApi {
  const send = messenger(library, extra);
  return {
    list: () => send({ type: 'library-list' }),
    preview: (article) => send({ type: 'preview-article', article }),
    save: (article) => send({ type: 'save-article', article }),
    setEnabled: (id, enabled) => send({ type: 'set-article-enabled', id, enabled }),
    rename: (id, title) => send({ type: 'rename-article', id, title }),
    remove: (id) => send({ type: 'delete-article', id }),
    restore: (id) => send({ type: 'restore-article', id }),
    exportAll: () => send({ type: 'export-library' }),
    exportOne: (id) => send({ type: 'export-article', id }),
    importFile: (text) => send({ type: 'import-library', text }),
  };
}

export function testPopupLibrary(library: Library, extra: Partial<BackgroundHooks> = {}): PopupLibrary {
  const send = messenger(library, extra);
  return {
    search: (query, limit) => send({ type: 'search', query, ...(limit ? { limit } : {}) }),
    card: (entity) => send({ type: 'card', entity }),
    savedFor: (url) => send({ type: 'saved-for-url', url }),
    capture: (tabId) => send({ type: 'capture-tab', tabId, save: false }),
    save: (article) => send({ type: 'save-article', article }),
  };
}
