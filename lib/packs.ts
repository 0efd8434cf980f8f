/**
 * Fact packs: the bundled article and users' own articles, each a FactIndex.
 * Entities are addressed page-wide as `packId/entityId`, except the bundled
 * pack's, which keep their plain ids (`mark-rutte`), so ids stay readable in
 * the scan CLI and in tests.
 */
import type { Entity, FactIndex } from './fact-index/schema';
import type { MatchEntity } from './match';

export const BUILTIN_PACK_ID = 'builtin';

export function globalEntityId(packId: string, entityId: string): string {
  return packId === BUILTIN_PACK_ID ? entityId : `${packId}/${entityId}`;
}

export interface PackEntity {
  /** Global id (see globalEntityId). */
  id: string;
  pack: FactIndex;
  entity: Entity;
}

/** Every entity of every pack, by global id. */
export function entitiesOf(packs: readonly FactIndex[]): Map<string, PackEntity> {
  const out = new Map<string, PackEntity>();
  for (const pack of packs) {
    for (const entity of pack.entities) {
      const id = globalEntityId(pack.article.id, entity.id);
      out.set(id, { id, pack, entity });
    }
  }
  return out;
}

/** What the matcher needs of each entity: names, kind, aliases. */
export function matchEntitiesOf(packs: readonly FactIndex[]): MatchEntity[] {
  return [...entitiesOf(packs).values()].map(({ id, entity }) => ({
    id,
    name: entity.name,
    kind: entity.kind,
    aliases: entity.aliases,
  }));
}
