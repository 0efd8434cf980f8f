/**
 * The bench's pages: the demo fixture, generated news pages of three sizes,
 * and three pages that look like the rest of the web (dense news, a big
 * table, a page that never stops changing). Each has an id for
 * `--only` and `--profile`. Generated pages are seeded: every run benches
 * the same HTML.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FactIndex } from '../../lib/fact-index/schema';
import { generateDensePage } from './page-dense';
import { generateRestlessPage } from './page-restless';
import { generateTablePage } from './page-table';
import { generatePage, type BenchPage } from './pages';

const ROOT = resolve(import.meta.dirname, '../..');

export interface BenchPageDef {
  /** For `--only` and `--profile`. */
  id: string;
  /** As the report names it. */
  name: string;
  file: string;
  /** What the page is, for the report. */
  about: string;
  make(index: FactIndex): { html: string; textBytes?: number; planted?: number; blocks?: string[] };
  /** Fresh loads with and without the extension (each followed by the page's DOM work and the baselines). */
  runs: number;
  /** Scans of the page settled with the extension off, then switched on. */
  settledRuns: number;
  /** mark.js runs (0: skipped, far too slow on large pages). */
  markRuns: number;
  /** Items the page's own script appends and then text nodes it edits; 0: the page changes itself (restless), and its own timer ticks are measured instead. */
  domWorkNodes: number;
  /** The load heartbeat counts at least this long after the first contentful paint. */
  minWindowMs: number;
}

/** After the extension's first scan, the load heartbeat keeps counting this long (the frames that paint the highlights, first rescans). */
export const SCAN_TAIL_MS = 1000;

export const CATALOG: BenchPageDef[] = [
  {
    id: 'demo',
    name: 'demo',
    file: 'demo.html',
    about: 'the team-written demo article (tests/fixtures/pages/demo.html)',
    make: () => ({ html: readFileSync(join(ROOT, 'tests/fixtures/pages/demo.html'), 'utf8') }),
    runs: 5,
    settledRuns: 3,
    markRuns: 5,
    domWorkNodes: 2000,
    minWindowMs: 1000,
  },
  {
    id: '100k',
    name: '100 KB',
    file: 'page-100k.html',
    about: 'generated news page, 100 KB of text, a mention in ~60 words',
    make: (index) => generatePage({ file: 'page-100k.html', textBytes: 100_000, seed: 100, index }),
    runs: 5,
    settledRuns: 3,
    markRuns: 3,
    domWorkNodes: 2000,
    minWindowMs: 1000,
  },
  {
    id: '1m',
    name: '1 MB',
    file: 'page-1m.html',
    about: 'generated news page, 1 MB of text, a mention in ~60 words',
    make: (index) => generatePage({ file: 'page-1m.html', textBytes: 1_000_000, seed: 1000, index }),
    runs: 5,
    settledRuns: 3,
    markRuns: 1, // ~20 s a run
    domWorkNodes: 2000,
    minWindowMs: 1000,
  },
  {
    id: '5m',
    name: '5 MB',
    file: 'page-5m.html',
    about: 'generated news page, 5 MB of text, a mention in ~60 words',
    make: (index) => generatePage({ file: 'page-5m.html', textBytes: 5_000_000, seed: 5000, index }),
    runs: 3,
    settledRuns: 3,
    markRuns: 0,
    domWorkNodes: 2000,
    minWindowMs: 1000,
  },
  {
    id: 'dense',
    name: 'dense news',
    file: 'dense-news.html',
    about: 'a news front page, 1 MB of text, a mention in ~15 words; stories, live blog, lists, many links',
    make: (index) => generateDensePage({ file: 'dense-news.html', textBytes: 1_000_000, seed: 1515, index }),
    // Five, not three: its DOM work varies by ±15 % from load to load, and its ratio sits near the target.
    runs: 5,
    settledRuns: 3,
    markRuns: 0,
    domWorkNodes: 20_000,
    minWindowMs: 1000,
  },
  {
    id: 'table',
    name: 'table',
    file: 'table-25k.html',
    about: 'a 25,000-row table (~225,000 nodes) its script builds at load; every sixth row names a person',
    make: (index) => generateTablePage({ file: 'table-25k.html', rows: 25_000, seed: 2500, index }),
    runs: 3,
    settledRuns: 3,
    markRuns: 0,
    domWorkNodes: 2000,
    minWindowMs: 1000,
  },
  {
    id: 'restless',
    name: 'restless',
    file: 'restless.html',
    about: 'a live page (100 KB of text) whose timers never stop appending, editing and re-labelling',
    make: (index) => generateRestlessPage({ file: 'restless.html', textBytes: 100_000, seed: 77, index }),
    // Five pairs: its ticks vary by ±10 % from load to load.
    runs: 5,
    settledRuns: 3,
    markRuns: 0,
    domWorkNodes: 0,
    minWindowMs: 4000,
  },
];

/** The pages named in `ids` (all when empty), or an error naming the unknown ones. */
export function selectPages(ids: string[]): BenchPageDef[] {
  if (ids.length === 0) return CATALOG;
  const unknown = ids.filter((id) => !CATALOG.some((p) => p.id === id));
  if (unknown.length) throw new Error(`unknown bench page ${unknown.join(', ')}; pages are ${CATALOG.map((p) => p.id).join(', ')}`);
  return CATALOG.filter((p) => ids.includes(p.id));
}

export type { BenchPage };
