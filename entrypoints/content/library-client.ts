/**
 * The page's line to the library in the background. The page never holds
 * the library: it sends its text to be scanned and gets back candidates
 * (lib/match/candidate-wire.ts), and asks for a card when the reader hovers
 * a name. What it learns is kept for the page's life: the names and kinds
 * of the entities its text names (for the popup's list and the gate), and
 * the cards it showed.
 */
import type { Candidate } from '@/lib/match/types';
import type { EntityLookup } from '@/lib/match/gate';
import { candidateRuns, decodeCandidates, NO_CANDIDATES } from '@/lib/match/candidate-wire';
import { ENTITY_KINDS, type EntityKind } from '@/lib/fact-index/schema';
import type { CardData } from '@/lib/library/card-data';
import type { MatchOptions } from '@/lib/match/types';
import { askBackground } from '@/lib/messages/send';

export interface KnownEntity {
  id: string;
  name: string;
  kind: EntityKind;
  /** What its articles relate it to: sent only for an entity with a lower-case candidate. */
  related?: readonly { entity: string }[];
  /** The bundled article names it too (else only the reader's saved articles do). */
  bundled: boolean;
}

export interface LibraryClient {
  /**
   * Has the texts scanned; resolves to a reader of each text's candidates
   * (offsets shifted by its base), decoded when read so the caller can
   * count that work as its own. Undefined when the background can't be
   * reached: nothing is known of those texts.
   */
  scan(items: readonly { text: string; base: number }[], options: MatchOptions): Promise<((k: number) => Candidate[]) | undefined>;
  /** Entities named by the page's scans so far (the gate asks whether one still exists). */
  entities: EntityLookup & { get(id: string): KnownEntity | undefined };
  card(id: string): Promise<CardData | undefined>;
  entityForText(text: string): Promise<string | undefined>;
  /** The library changed: forget what was learnt. */
  reset(): void;
}

export function createLibraryClient(): LibraryClient {
  let known = new Map<string, KnownEntity>();
  let cards = new Map<string, Promise<CardData | undefined>>();
  const lookup = {
    get: (id: string) => known.get(id),
    entity: (id: string) => {
      const e = known.get(id);
      return e ? { ...e, aliases: [] } : undefined;
    },
  };
  return {
    async scan(items, options) {
      if (!items.length) return () => NO_CANDIDATES;
      try {
        const reply = await askBackground({
          type: 'scan',
          texts: items.map((i) => i.text),
          fuzzy: options.fuzzy,
          ...(options.kinds ? { kinds: options.kinds } : {}),
        });
        const bundled = new Set(reply.bundled);
        for (const [id, name, kind, related] of reply.entities) {
          const had = known.get(id);
          if (!had) known.set(id, { id, name, kind: ENTITY_KINDS[kind], bundled: bundled.has(id), ...(related ? { related: related.map((entity) => ({ entity })) } : {}) });
          else if (related && !had.related) had.related = related.map((entity) => ({ entity }));
        }
        const runs = candidateRuns(reply.candidates, items.length);
        return (k) => {
          const run = runs.get(k);
          return run ? decodeCandidates(reply.candidates, reply.entities, items[k].text, items[k].base, run) : NO_CANDIDATES;
        };
      } catch {
        // The extension was updated or reloaded under this page: nothing to find until it reloads.
        return undefined;
      }
    },
    entities: lookup,
    card(id) {
      let found = cards.get(id);
      if (!found) {
        found = askBackground({ type: 'card', entity: id }).catch(() => {
          cards.delete(id); // ask again next time
          return undefined;
        });
        cards.set(id, found);
      }
      return found;
    },
    async entityForText(text) {
      try {
        const found = await askBackground({ type: 'entity-for-text', text: text.slice(0, 200) });
        if (found && !known.has(found.id)) {
          const card = await this.card(found.id);
          // Not known to be bundled: kept private until a scan says otherwise.
          if (card) known.set(found.id, { id: card.id, name: card.name, kind: card.kind, bundled: false });
        }
        return found?.id;
      } catch {
        return undefined;
      }
    },
    reset() {
      known = new Map();
      cards = new Map();
    },
  };
}
