/**
 * The options page's line to the article library, which the background
 * owns: every read and write is a message (lib/messages/protocol.ts).
 * Tests hand the page their own implementation.
 */
import type { BackgroundReply, ListedArticle } from '@/lib/messages/protocol';
import { askBackground } from '@/lib/messages/send';

export interface ArticleDraft {
  title: string;
  text: string;
  source?: string;
  url?: string;
  published?: string;
}

export interface LibraryApi {
  list(): Promise<{ articles: ListedArticle[]; problems: string[] }>;
  preview(article: ArticleDraft): Promise<BackgroundReply<'preview-article'>>;
  save(article: ArticleDraft): Promise<BackgroundReply<'save-article'>>;
  setEnabled(id: string, enabled: boolean): Promise<BackgroundReply<'set-article-enabled'>>;
  rename(id: string, title: string): Promise<BackgroundReply<'rename-article'>>;
  remove(id: string): Promise<BackgroundReply<'delete-article'>>;
  restore(id: string): Promise<BackgroundReply<'restore-article'>>;
  exportAll(): Promise<BackgroundReply<'export-library'>>;
  exportOne(id: string): Promise<BackgroundReply<'export-article'>>;
  importFile(text: string): Promise<BackgroundReply<'import-library'>>;
}

export const backgroundLibraryApi: LibraryApi = {
  list: () => askBackground({ type: 'library-list' }),
  preview: (article) => askBackground({ type: 'preview-article', article }),
  save: (article) => askBackground({ type: 'save-article', article }),
  setEnabled: (id, enabled) => askBackground({ type: 'set-article-enabled', id, enabled }),
  rename: (id, title) => askBackground({ type: 'rename-article', id, title }),
  remove: (id) => askBackground({ type: 'delete-article', id }),
  restore: (id) => askBackground({ type: 'restore-article', id }),
  exportAll: () => askBackground({ type: 'export-library' }),
  exportOne: (id) => askBackground({ type: 'export-article', id }),
  importFile: (text) => askBackground({ type: 'import-library', text }),
};

/** Throws the background's sentence when a write was refused. */
export function orThrow<T extends { ok: boolean }>(reply: T): Extract<T, { ok: true }> {
  if (!reply.ok) throw new Error((reply as { error?: string }).error ?? 'The library refused the change.');
  return reply as Extract<T, { ok: true }>;
}
