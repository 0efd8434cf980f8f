/**
 * What the extension holds while it is measured. A scenario prepares the
 * browser context with the extension before any page loads: import saved
 * articles (through the background, as a reader's import does), change
 * settings, and so on. `npm run bench -- --scenario ID` picks one; the
 * default is a fresh install.
 *
 * `prepare` runs once per browser context with the extension, after the
 * service worker starts and before the first page opens.
 */
import type { BrowserContext } from '@playwright/test';
import { loadBundledIndex } from '../load-index';
import { generateLibrary, libraryFileText } from './library-gen';
import { importLibrary } from './library-import';

export interface Scenario {
  id: string;
  about: string;
  prepare?: (context: BrowserContext) => Promise<void>;
}

const savedArticles = (count: number): Scenario => ({
  id: `library-${count}`,
  about: `${count} generated articles saved besides the bundled one (scripts/bench/library-gen.ts, seeded)`,
  prepare: (context) => importLibrary(context, libraryFileText(generateLibrary(count, 500, loadBundledIndex())), count),
});

export const SCENARIOS: Scenario[] = [
  { id: 'bundled', about: 'a fresh install: the bundled article only' },
  savedArticles(50),
  savedArticles(500),
];

export function scenarioById(id: string): Scenario {
  const found = SCENARIOS.find((s) => s.id === id);
  if (!found) throw new Error(`unknown scenario ${id}; scenarios are ${SCENARIOS.map((s) => s.id).join(', ')}`);
  return found;
}
