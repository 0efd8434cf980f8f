/**
 * Node-side figures: matcher throughput over the page text with the bundled
 * index and with generated indexes, and the popup's search time.
 *
 * Generated indexes and the search timing come from scripts/bench/synthetic.ts
 * (`syntheticPack`, `benchSearch`). It is loaded at run time, so the bench
 * still runs, with those rows "n/a", while that module is missing or broken.
 */
import type { FactIndex } from '../../lib/fact-index/schema';
import { compileMatcher, resolveMentions, type Candidate } from '../../lib/match';
import { searchCardsOfIndex, type SearchCard } from '../../lib/search/card-search';
import { figure, type Figure } from './stats';

export interface Throughput {
  label: string;
  entities: number;
  aliases: number;
  compileMs: number;
  /** MB (10^6 bytes of UTF-8 page text) per second, steady state (after one warm-up pass). */
  mbPerSecond: Figure;
  mentions: number;
}

export interface SearchTiming {
  label: string;
  entities: number;
  buildMs: Figure;
  msPerQuery: Figure;
  maxMs: Figure;
}

interface SearchBenchModule {
  benchSearch(entities: readonly SearchCard[]): { buildMs: number; msPerQuery: number; maxMs: number };
  syntheticPack(size: number, seed?: number): FactIndex;
}

/** scripts/bench/synthetic.ts, or the reason it could not be loaded. */
export async function loadSearchBench(): Promise<SearchBenchModule | string> {
  // A computed specifier: the bench (and its typecheck) must not depend on the module existing.
  const spec = new URL('./synthetic.ts', import.meta.url).href;
  try {
    const mod = (await import(spec)) as Partial<SearchBenchModule>;
    if (typeof mod.benchSearch !== 'function' || typeof mod.syntheticPack !== 'function') {
      return 'scripts/bench/synthetic.ts does not export benchSearch and syntheticPack';
    }
    return mod as SearchBenchModule;
  } catch (error) {
    return `scripts/bench/synthetic.ts could not be loaded (${String(error).split('\n')[0]})`;
  }
}

interface CompiledIndex {
  label: string;
  entities: number;
  aliases: number;
  compileMs: number;
  /** One pass over the blocks as the content script does: a scan per block, then the page-wide gate. Returns the mentions. */
  pass(): number;
}

function compile(label: string, packs: FactIndex[], blocks: string[]): CompiledIndex {
  // Generated packs reuse ids: prefix them so every entity stays its own.
  const entities = packs.flatMap((p, i) => p.entities.map((e) => ({ ...e, id: i === 0 ? e.id : `${p.article.id}/${e.id}` })));
  const t0 = performance.now();
  const matcher = compileMatcher(entities);
  const compileMs = performance.now() - t0;
  return {
    label,
    entities: entities.length,
    aliases: entities.reduce((n, e) => n + e.aliases.length, 0),
    compileMs,
    pass() {
      const all: Candidate[] = [];
      let base = 0;
      for (const block of blocks) {
        for (const c of matcher.scan(block, undefined, base)) all.push(c);
        base += block.length + 1;
      }
      return resolveMentions(matcher, all).length;
    },
  };
}

/**
 * Throughput of each index over the same blocks. One warm-up pass each, then
 * the indexes take turns for `runs` rounds, so JIT tiering and GC pressure do
 * not favour whichever runs last.
 */
function throughputOf(indexes: CompiledIndex[], textBytes: number, runs: number): Throughput[] {
  const mentions = indexes.map((index) => index.pass());
  const rates: number[][] = indexes.map(() => []);
  for (let r = 0; r < runs; r++) {
    indexes.forEach((index, i) => {
      const start = performance.now();
      index.pass();
      rates[i].push(textBytes / 1e6 / ((performance.now() - start) / 1000));
    });
  }
  return indexes.map(({ label, entities, aliases, compileMs }, i) => ({
    label,
    entities,
    aliases,
    compileMs,
    mbPerSecond: figure(rates[i]),
    mentions: mentions[i],
  }));
}

export function searchTiming(search: SearchBenchModule, label: string, entities: readonly SearchCard[], runs: number): SearchTiming {
  const results = Array.from({ length: runs }, () => search.benchSearch(entities));
  return {
    label,
    entities: entities.length,
    buildMs: figure(results.map((r) => r.buildMs)),
    msPerQuery: figure(results.map((r) => r.msPerQuery)),
    maxMs: figure(results.map((r) => r.maxMs)),
  };
}

/** Bundled index, then the bundled index plus each generated size (as a user's packs would add to it). */
export function throughputAtScale(
  bundled: FactIndex,
  search: SearchBenchModule | string,
  blocks: string[],
  textBytes: number,
  runs: number,
  sizes: readonly number[],
): { rows: Throughput[]; missing?: string } {
  const indexes = [compile('bundled', [bundled], blocks)];
  if (typeof search !== 'string') {
    for (const size of sizes) {
      indexes.push(compile(`bundled + ${size.toLocaleString('en')} generated`, [bundled, search.syntheticPack(size, size)], blocks));
    }
  }
  const rows = throughputOf(indexes, textBytes, runs);
  return typeof search === 'string' ? { rows, missing: search } : { rows };
}

export function searchAtScale(bundled: FactIndex, search: SearchBenchModule | string, runs: number, size: number): SearchTiming[] | string {
  if (typeof search === 'string') return search;
  return [
    searchTiming(search, 'bundled', searchCardsOfIndex(bundled), runs),
    searchTiming(search, `${size.toLocaleString('en')} generated`, searchCardsOfIndex(search.syntheticPack(size, size)), runs),
  ];
}
