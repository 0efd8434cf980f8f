/** A figure measured over several runs: the median, with the spread. */
export interface Figure {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export function figure(runs: number[]): Figure {
  const sorted = runs.filter((r) => !Number.isNaN(r)).sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0] ?? NaN, max: sorted[sorted.length - 1] ?? NaN, runs };
}

/** The figure of one field over a list of runs. */
export const pick = <T, K extends keyof T>(rows: T[], key: K): Figure => figure(rows.map((r) => r[key] as number));
