/**
 * What the extension holds while it is measured. A scenario may prepare the
 * extension before any page loads, from its service worker (the background
 * context, with the full `chrome.*` API): seed `storage.local` with saved
 * articles, change settings, and so on. `npm run bench -- --scenario ID`
 * picks one; the default is a fresh install.
 *
 * To add one (e.g. a library of 500 saved articles): generate the data here
 * in Node (seeded), then write it in `prepare`, e.g.
 *
 *   prepare: (worker) => worker.evaluate((items) => chrome.storage.local.set(items), { packs: makePacks(500) }),
 *
 * `prepare` runs once per browser context with the extension, after the
 * service worker starts and before the first page opens; the content script
 * reads storage on each page load, so every measured page sees the data.
 */
import type { Worker } from '@playwright/test';

export interface Scenario {
  id: string;
  about: string;
  prepare?: (worker: Worker) => Promise<void>;
}

export const SCENARIOS: Scenario[] = [
  { id: 'bundled', about: 'a fresh install: the bundled article only' },
];

export function scenarioById(id: string): Scenario {
  const found = SCENARIOS.find((s) => s.id === id);
  if (!found) throw new Error(`unknown scenario ${id}; scenarios are ${SCENARIOS.map((s) => s.id).join(', ')}`);
  return found;
}
