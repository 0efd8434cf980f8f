/**
 * What a fact card shows for a library entity: what each article says about
 * it, newest article first, each group headed by the article's title, source
 * and date; the roles articles give it, dated when they differ (a role that
 * changed shows as such); its related entities across articles. One shape
 * for the page's card, the popup and the options page's preview.
 */
import { articleDay, MAX_FACTS_PER_GROUP, MAX_GROUPS, type CardArticle, type CardData, type CardGroup, type CardQuote, type CardRelated, type CardRole } from './card-data';
import { refKey, type LibraryEntity, type MergedLibrary } from './merge';
import { entityIndex as findEntity, expandEntity, type StoredArticle } from './stored-article';

export function cardArticleOf(a: StoredArticle): CardArticle {
  return {
    id: a.id,
    title: a.title,
    ...(a.source ? { source: a.source } : {}),
    ...(a.url ? { url: a.url } : {}),
    ...(a.published ? { published: a.published } : {}),
    ...(a.addedAt ? { addedAt: a.addedAt } : {}),
  };
}

/** Newest first; for the same day, the one saved later first. */
export function newestFirst<T extends { published?: string; addedAt?: string }>(a: T, b: T): number {
  const d = articleDay(b).localeCompare(articleDay(a));
  return d !== 0 ? d : (b.addedAt ?? '').localeCompare(a.addedAt ?? '');
}

const roleKey = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

export function libraryCard(
  entity: LibraryEntity,
  merged: MergedLibrary,
  articleOf: (id: string) => StoredArticle | undefined,
): CardData {
  const sources: { article: StoredArticle; entityIndex: number }[] = [];
  for (const ref of entity.refs) {
    const article = articleOf(ref.article);
    const entityIndex = article ? findEntity(article, ref.entity) : -1;
    if (article && entityIndex >= 0) sources.push({ article, entityIndex });
  }
  sources.sort((a, b) => newestFirst(a.article, b.article));

  const nameOf = (article: StoredArticle, localId: string) => {
    const id = merged.idOf.get(refKey({ article: article.id, entity: localId }));
    return id ? merged.byId.get(id)?.name : undefined;
  };

  const related = new Map<string, number>();
  const groups: CardGroup[] = [];
  const roles: CardRole[] = [];
  for (const { article, entityIndex } of sources) {
    const full = expandEntity(article, entityIndex);
    const cardArticle = cardArticleOf(article);
    for (const r of full.related) {
      const id = merged.idOf.get(refKey({ article: article.id, entity: r.entity }));
      if (id && id !== entity.id) related.set(id, (related.get(id) ?? 0) + r.weight);
    }
    if (full.role && !roles.some((r) => roleKey(r.text) === roleKey(full.role!.text))) {
      roles.push({ ...full.role, article: cardArticle });
    }
    if (groups.length >= MAX_GROUPS) continue;
    groups.push({
      article: cardArticle,
      ...(full.role ? { role: full.role } : {}),
      facts: full.facts.slice(0, MAX_FACTS_PER_GROUP),
      quotes: full.quotes.map((q) => ({
        sentence: q.sentence,
        text: q.text,
        ...(q.speaker ? { speaker: nameOf(article, q.speaker) } : {}),
      })),
      figures: [...new Set(full.figures.map((f) => f.text))],
    });
  }

  return {
    id: entity.id,
    name: entity.name,
    kind: entity.kind,
    roles,
    groups,
    articleCount: sources.length,
    related: [...related]
      .flatMap(([id, weight]) => {
        const e = merged.byId.get(id);
        return e ? [{ id, name: e.name, kind: e.kind, weight }] : [];
      })
      .sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name)),
  };
}
