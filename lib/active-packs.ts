/**
 * The packs every context uses: the bundled article, then the user's enabled
 * packs. Stored packs are validated on read (lib/pack-store.ts).
 */
import bundledIndex from '../data/facts.json';
import type { FactIndex } from './fact-index/schema';
import { loadEnabledIndexes, watchPacks } from './pack-store';

export const BUNDLED_INDEX = bundledIndex as FactIndex;

export async function loadActivePacks(): Promise<FactIndex[]> {
  try {
    return [BUNDLED_INDEX, ...(await loadEnabledIndexes())];
  } catch {
    // Storage unavailable (e.g. a context being torn down): the bundled pack still works.
    return [BUNDLED_INDEX];
  }
}

export function watchActivePacks(callback: (packs: FactIndex[]) => void): () => void {
  return watchPacks(({ packs }) => callback([BUNDLED_INDEX, ...packs.filter((p) => p.enabled).map((p) => p.index)]));
}
