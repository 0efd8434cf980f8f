/** Library cards without a database: articles converted and merged as the background does. */
import type { FactIndex } from '@/lib/fact-index/schema';
import { libraryCard } from '@/lib/library/card';
import { type CardData } from '@/lib/library/card-data';
import { mergeLibrary } from '@/lib/library/merge';
import { summaryOf } from '@/lib/library/store';
import { toStoredArticle, type ArticleMeta, type StoredArticle } from '@/lib/library/stored-article';
import { BUNDLED, BUNDLED_META } from './articles';

export interface TestArticle {
  index: FactIndex;
  meta: ArticleMeta;
  addedAt?: string;
}

export const BUNDLED_ARTICLE: TestArticle = { index: BUNDLED, meta: BUNDLED_META, addedAt: '1970-01-01T00:00:00.000Z' };

export function cardsOf(articles: TestArticle[]): (id: string) => CardData {
  const stored = new Map<string, StoredArticle>();
  for (const a of articles) {
    stored.set(a.index.article.id, toStoredArticle(a.index, a.meta, { id: a.index.article.id, addedAt: a.addedAt ?? '2025-11-01T00:00:00.000Z' }));
  }
  const merged = mergeLibrary([...stored.values()].map((a) => ({ id: a.id, entities: summaryOf(a).entities })));
  return (id) => {
    const entity = merged.byId.get(id);
    if (!entity) throw new Error(`no card for ${id}`);
    return libraryCard(entity, merged, (aid) => stored.get(aid));
  };
}
