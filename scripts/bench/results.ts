/** What a bench run produces: the figures, the targets they meet or miss, and where they were measured. */
import type { PageResult } from './browser-bench';
import type { LibraryResults } from './library-bench';
import type { SearchTiming, Throughput } from './node-bench';
import type { BundleSize } from './sizes';

export interface Target {
  name: string;
  /** The bench page it is about, when it is about one. */
  page?: string;
  figure: string;
  /** null: could not be measured. */
  pass: boolean | null;
}

export interface BenchResults {
  date: string;
  machine: {
    cpu: string;
    cores: number;
    node: string;
    chromium: string;
    platform: string;
    /** 1-minute load average at the start and the end: other work on the machine skews the figures. */
    loadAverage: [number, number];
  };
  runtimeSeconds: number;
  scenario: string;
  /** Pages picked with --only (null: all) and whether the Node figures ran. */
  only: string[] | null;
  pages: { id: string; name: string; file: string; about: string; textBytes: number | null; htmlBytes: number; planted: number | null }[];
  browser: PageResult[];
  /** null: not run (--only without `node`). */
  throughput: { rows: Throughput[]; missing?: string; textBytes: number } | null;
  search: SearchTiming[] | string | null;
  /** Per-page cost and card latency with 0, 50 and 500 saved articles; null: not run. */
  library: LibraryResults | null;
  sizes: BundleSize[];
  /** gzip of the bundled fact index as JSON: the part of the content script that is data. */
  indexGzip: number;
  notes: string[];
  targets: Target[];
}
