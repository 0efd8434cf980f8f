import type { FactIndex } from '@/lib/fact-index/schema';
import { loadActivePacks } from '@/lib/active-packs';

/** The packs the viewer can show: the bundled article and the user's enabled packs (validated on read). */
export function loadViewerPacks(): Promise<FactIndex[]> {
  return loadActivePacks();
}
