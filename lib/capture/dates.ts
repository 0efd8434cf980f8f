/**
 * Publication dates as pages write them (ISO 8601, RFC 2822, "19 August
 * 2025", "Aug. 19, 2025") → an ISO date. A date with a time and a zone
 * becomes a full instant in UTC; without a zone the time is the publisher's
 * local time, which we cannot place, so only its calendar date is kept.
 */

/** Web articles before this are rare; earlier dates on pages are almost always placeholders (1970-01-01). */
const EARLIEST_YEAR = 1990;
/** A date with no time is "today" somewhere until UTC+14's day ends. */
const DATE_ONLY_LEAD_MS = 14 * 3_600_000;
/** A publisher's clock may run a little ahead of ours. */
const CLOCK_SKEW_MS = 10 * 60_000;

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

interface Parts {
  year: number;
  month: number;
  day: number;
  time?: { hour: number; minute: number; second: number; ms: number };
  /** Offset east of UTC in minutes, when the text gives one. */
  offset?: number;
}

const ISO = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s]+(\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const MONTH = '([A-Za-z]{3,9})\\.?';
const TIME = '(?:,?\\s+(?:at\\s+)?(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*(Z|UTC|GMT|[+-]\\d{2}:?\\d{2})?)?';
/** "Tue, 19 Aug 2025 10:00:00 +0000", "19 August 2025", "19. August 2025" */
const DAY_MONTH_YEAR = new RegExp(`^(?:[A-Za-z]{3,9},?\\s+)?(\\d{1,2})\\.?\\s+${MONTH},?\\s+(\\d{4})${TIME}$`);
/** "August 19, 2025", "Aug. 19 2025 10:00 GMT" */
const MONTH_DAY_YEAR = new RegExp(`^(?:[A-Za-z]{3,9},?\\s+)?${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}$`);

function offsetMinutes(zone: string | undefined): number | undefined {
  if (!zone) return undefined;
  if (/^(?:Z|UTC|GMT)$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

function time(h?: string, min?: string, s?: string, frac?: string): Parts['time'] {
  if (h === undefined || min === undefined) return undefined;
  return { hour: Number(h), minute: Number(min), second: Number(s ?? 0), ms: frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0 };
}

function parseParts(raw: string): Parts | undefined {
  const s = raw.replace(/\s+/gu, ' ').trim();
  let m = ISO.exec(s);
  if (m) {
    const t = time(m[4], m[5], m[6], m[7]);
    return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), time: t, offset: t ? offsetMinutes(m[8]) : undefined };
  }
  m = DAY_MONTH_YEAR.exec(s);
  if (m && MONTHS[m[2].toLowerCase()]) {
    const t = time(m[4], m[5], m[6]);
    return { year: Number(m[3]), month: MONTHS[m[2].toLowerCase()], day: Number(m[1]), time: t, offset: t ? offsetMinutes(m[7]) : undefined };
  }
  m = MONTH_DAY_YEAR.exec(s);
  if (m && MONTHS[m[1].toLowerCase()]) {
    const t = time(m[4], m[5], m[6]);
    return { year: Number(m[3]), month: MONTHS[m[1].toLowerCase()], day: Number(m[2]), time: t, offset: t ? offsetMinutes(m[7]) : undefined };
  }
  return undefined;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * `raw` as `YYYY-MM-DD` or a full ISO instant (`2025-08-19T08:30:00Z`), or
 * undefined when it is not a date, not a real calendar day, before 1990 or
 * later than `now`.
 */
export function normalisePublishedDate(raw: string, now: Date): string | undefined {
  const p = parseParts(raw);
  if (!p || p.year < EARLIEST_YEAR || p.month < 1 || p.month > 12 || p.day < 1) return undefined;
  const midnight = Date.UTC(p.year, p.month - 1, p.day);
  // Date.UTC rolls 31 June over to 1 July: a real day survives the round trip.
  if (new Date(midnight).getUTCDate() !== p.day) return undefined;
  const dateOnly = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
  if (p.time && p.offset !== undefined) {
    const { hour, minute, second, ms } = p.time;
    if (hour > 23 || minute > 59 || second > 59) return undefined;
    const instant = midnight + ((hour * 60 + minute - p.offset) * 60 + second) * 1000 + ms;
    if (instant > now.getTime() + CLOCK_SKEW_MS || new Date(instant).getUTCFullYear() < EARLIEST_YEAR) return undefined;
    return new Date(instant).toISOString().replace('.000Z', 'Z');
  }
  if (midnight > now.getTime() + DATE_ONLY_LEAD_MS) return undefined;
  return dateOnly;
}

/** The first candidate that is a plausible publication date, normalised. */
export function choosePublishedDate(candidates: (string | undefined)[], now: Date): string | undefined {
  for (const c of candidates) {
    const date = c ? normalisePublishedDate(c, now) : undefined;
    if (date) return date;
  }
  return undefined;
}
