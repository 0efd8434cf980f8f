/** How the bench writes numbers. */
import type { Figure } from './stats';

/** A number with sensible precision: 0.42, 4.2, 42, 420. */
export function num(value: number | undefined | null): string {
  if (value === undefined || value === null || Number.isNaN(value)) return 'n/a';
  if (Number.isInteger(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** "123 (110–140)": median, then min–max when there was more than one run. */
export function fig(f: Figure | undefined | null): string {
  if (!f || f.runs.length === 0) return 'n/a';
  return f.runs.length > 1 ? `${num(f.median)} (${num(f.min)}–${num(f.max)})` : num(f.median);
}

export function ratio(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? 'n/a' : `${num(value)}×`;
}

/** A figure of ratios: "1.09× (1.06×–1.17×)", the median and then the spread of its runs. */
export function ratios(f: Figure): string {
  return `${ratio(f.median)} (${ratio(f.min)}–${ratio(f.max)})`;
}

/** A signed difference in ms: "+12.5 ms", "−3.20 ms". */
export function delta(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  return `${ms < 0 ? '−' : '+'}${num(Math.abs(ms))} ms`;
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
