/**
 * What a fact card shows, derived from the packs: the entity, the article it
 * comes from, and its related entities resolved to names. One shape for the
 * content-script card, the popup and the options preview.
 */
import type { Entity, EntityKind } from './fact-index/schema';
import { globalEntityId, type PackEntity } from './packs';

export interface CardRelated {
  id: string; // global id
  name: string;
  kind: EntityKind;
  weight: number;
}

export interface CardData {
  /** Global entity id (see lib/packs.ts). */
  id: string;
  entity: Entity;
  article: { id: string; title: string; source?: string; date?: string };
  related: CardRelated[];
}

export function cardOf(entities: ReadonlyMap<string, PackEntity>, id: string): CardData | undefined {
  const found = entities.get(id);
  if (!found) return undefined;
  const { pack, entity } = found;
  const related: CardRelated[] = [];
  for (const r of entity.related) {
    const other = entities.get(globalEntityId(pack.article.id, r.entity));
    if (other) related.push({ id: other.id, name: other.entity.name, kind: other.entity.kind, weight: r.weight });
  }
  const { id: articleId, title, source, date } = pack.article;
  return { id, entity, article: { id: articleId, title, source, date }, related };
}

/** The article viewer's address for a sentence of a pack (an extension page). */
export function sourcePath(articleId: string, sentenceId: string): string {
  return `/article.html?pack=${encodeURIComponent(articleId)}#${encodeURIComponent(sentenceId)}`;
}
