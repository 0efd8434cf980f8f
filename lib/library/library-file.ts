/**
 * Library files: the whole library, or one article, as JSON a reader can
 * keep or move to another browser. Stored articles travel in their stored
 * form (text once, offsets for the rest). Packs exported by earlier versions
 * (`fact-cards-pack`, a FactIndex) are read too.
 *
 * Reading is all or nothing: one bad article rejects the file with every
 * problem listed, and nothing is imported.
 */
import { factIndexProblems, type FactIndex } from '../fact-index/schema';
import { summarise } from '../schema/problems';
import { readVersionedFile } from '../schema/versioned-file';
import { storedArticleProblems, type StoredArticle } from './stored-article';

export const LIBRARY_FORMAT = 'fact-cards-library';
export const ARTICLE_FORMAT = 'fact-cards-article';
export const LEGACY_PACK_FORMAT = 'fact-cards-pack';
/** Largest file read: about 400 long articles. */
export const MAX_LIBRARY_FILE_BYTES = 100_000_000;

export interface LibraryFile {
  format: typeof LIBRARY_FORMAT;
  version: 1;
  exportedAt: string;
  articles: StoredArticle[];
}

export interface ArticleFile {
  format: typeof ARTICLE_FORMAT;
  version: 1;
  article: StoredArticle;
}

export const libraryFileOf = (articles: StoredArticle[], exportedAt: string): LibraryFile => ({ format: LIBRARY_FORMAT, version: 1, exportedAt, articles });
export const articleFileOf = (article: StoredArticle): ArticleFile => ({ format: ARTICLE_FORMAT, version: 1, article });

/** What a file holds: stored articles, or old packs still to be turned into articles. */
export type FileContents = { ok: true; articles: StoredArticle[]; packs: FactIndex[] } | { ok: false; problems: string[] };

export function readLibraryFile(text: string): FileContents {
  const read = readVersionedFile(text, {
    formats: [LIBRARY_FORMAT, ARTICLE_FORMAT, LEGACY_PACK_FORMAT],
    versions: [1],
    maxBytes: MAX_LIBRARY_FILE_BYTES,
    what: 'a Fact Cards library or article file',
  });
  if (!read.ok) return read;
  const { file } = read;
  if (file.format === LEGACY_PACK_FORMAT) {
    const index = (file.pack as { index?: unknown } | undefined)?.index;
    const problems = factIndexProblems(index);
    return problems.length ? { ok: false, problems: problems.map((p) => `pack: ${p}`) } : { ok: true, articles: [], packs: [index as FactIndex] };
  }
  const list = file.format === ARTICLE_FORMAT ? [file.article] : file.articles;
  if (!Array.isArray(list)) return { ok: false, problems: ['articles: not a list'] };
  const problems: string[] = [];
  list.forEach((a, i) => {
    const found = storedArticleProblems(a);
    if (found.length) {
      const title = typeof (a as { title?: unknown })?.title === 'string' ? ` (“${(a as { title: string }).title.slice(0, 60)}”)` : '';
      problems.push(`article ${i + 1}${title}: ${summarise(found)}`);
    }
  });
  return problems.length ? { ok: false, problems } : { ok: true, articles: list as StoredArticle[], packs: [] };
}
