/**
 * Dates as cards and lists show them: "18 Aug 2025", and how long ago an
 * article was published when that matters ("3 months ago"). Days are
 * ISO (YYYY-MM-DD) throughout the library; they are read as calendar days
 * in UTC, so a date never shifts with the reader's time zone.
 */

const DAY_MS = 86_400_000;
/** A fact from an article older than this says how old it is. */
export const STALE_AFTER_DAYS = 30;

function utcDay(day: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) ? undefined : d;
}

// Spelled out here: ICU data differs between browsers and Node ("Sep" / "Sept").
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "18 Aug 2025" (English, like the rest of the card), or the input when it is no date. */
export function formatDay(day: string): string {
  const d = utcDay(day);
  return d ? `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}` : day;
}

/** Whole days from `day` to `now` (negative for a future day). */
export function daysSince(day: string, now: Date): number | undefined {
  const d = utcDay(day);
  if (!d) return undefined;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.floor((today - d.getTime()) / DAY_MS);
}

/** "3 months ago", "1 year ago", "12 days ago"; undefined for today or a future day. */
export function ageInWords(day: string, now: Date): string | undefined {
  const days = daysSince(day, now);
  if (days === undefined || days <= 0) return undefined;
  const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'always' });
  if (days < 30) return rtf.format(-days, 'day');
  const months = Math.floor(days / 30.44);
  if (months < 12) return rtf.format(-months, 'month');
  return rtf.format(-Math.floor(days / 365.25), 'year');
}

/** True when facts from an article of `day` should say how old they are. */
export const isStale = (day: string | undefined, now: Date): boolean => !!day && (daysSince(day, now) ?? 0) > STALE_AFTER_DAYS;
