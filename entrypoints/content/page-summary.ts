import type { PageMentionsReply } from '@/lib/messages/protocol';
import type { KnownEntity } from './library-client';
import type { PageMention } from './page-mention';

/** The page's mentions as the popup and `npm start` list them: entities by count. */
export function summarisePage(
  mentions: readonly PageMention[],
  entities: { get(id: string): KnownEntity | undefined },
  scanning: boolean,
  active: boolean,
): PageMentionsReply {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
  return {
    url: location.href,
    scanning,
    active,
    entities: [...counts]
      .flatMap(([id, count]) => {
        const e = entities.get(id);
        return e ? [{ entity: id, name: e.name, kind: e.kind, count }] : [];
      })
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    mentions: mentions.map((m) => ({ entity: m.entity, text: m.text })),
  };
}
