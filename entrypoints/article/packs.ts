import bundledIndex from '@/data/facts.json';
import type { FactIndex } from '@/lib/facts/schema';

/**
 * The packs the viewer can show. Only the bundled article for now; users'
 * packs (from storage, validated with assertFactIndex) join here later.
 */
export async function loadViewerPacks(): Promise<FactIndex[]> {
  return [bundledIndex as FactIndex];
}
