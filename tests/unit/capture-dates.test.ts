import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choosePublishedDate, normalisePublishedDate } from '@/lib/capture/dates';

const NOW = new Date('2025-09-01T12:00:00Z');
const norm = (raw: string) => normalisePublishedDate(raw, NOW);

describe('publication dates', () => {
  it('keeps a plain ISO date as the date', () => {
    expect(norm('2025-08-19')).toBe('2025-08-19');
    expect(norm('  2025-08-19 ')).toBe('2025-08-19');
  });

  it('turns a date with a time and a zone into the instant in UTC', () => {
    expect(norm('2025-08-19T07:45:00+01:00')).toBe('2025-08-19T06:45:00Z');
    expect(norm('2025-08-19T07:45:00Z')).toBe('2025-08-19T07:45:00Z');
    expect(norm('2025-08-19T07:45+0300')).toBe('2025-08-19T04:45:00Z');
    expect(norm('2025-08-19T07:45:00.250-04:00')).toBe('2025-08-19T11:45:00.250Z');
    expect(norm('2025-08-19 23:30:00 -05:00')).toBe('2025-08-20T04:30:00Z');
  });

  it('keeps only the calendar date when the time has no zone (the publisher’s local time)', () => {
    expect(norm('2025-08-19T07:45:00')).toBe('2025-08-19');
    expect(norm('2025-08-19 07:45')).toBe('2025-08-19');
  });

  it('reads dates as sites write them in meta tags and <time>', () => {
    expect(norm('Tue, 19 Aug 2025 10:00:00 +0000')).toBe('2025-08-19T10:00:00Z');
    expect(norm('Tue, 19 Aug 2025 10:00:00 GMT')).toBe('2025-08-19T10:00:00Z');
    expect(norm('19 August 2025')).toBe('2025-08-19');
    expect(norm('August 19, 2025')).toBe('2025-08-19');
    expect(norm('Aug. 19, 2025')).toBe('2025-08-19');
    expect(norm('Aug 19th 2025')).toBe('2025-08-19');
    expect(norm('20250819')).toBe('2025-08-19');
  });

  it('rejects what is not a real day', () => {
    for (const raw of ['2025-02-30', '2025-13-01', '2025-00-10', '31 June 2025', '2025-08-19T25:00:00Z', 'yesterday', '', '19/08/2025', 'Smarch 3, 2025']) {
      expect(norm(raw), raw).toBeUndefined();
    }
  });

  it('never gives a date in the future or before 1990', () => {
    expect(norm('2031-01-01')).toBeUndefined();
    expect(norm('2025-09-03')).toBeUndefined();
    expect(norm('2025-09-01T13:00:00Z')).toBeUndefined();
    expect(norm('1970-01-01T00:00:00Z')).toBeUndefined();
    expect(norm('1989-12-31')).toBeUndefined();
    expect(norm('1990-01-01')).toBe('1990-01-01');
    // "Today" in the easternmost zones, and a publisher's clock a minute ahead, are not the future.
    expect(norm('2025-09-02')).toBe('2025-09-02');
    expect(norm('2025-09-01T12:01:00Z')).toBe('2025-09-01T12:01:00Z');
  });

  it('chooses the first candidate that is a plausible date', () => {
    expect(choosePublishedDate([undefined, 'soon', '2099-01-01', '1970-01-01', '2025-08-19T07:45:00Z', '2025-08-18'], NOW)).toBe('2025-08-19T07:45:00Z');
    expect(choosePublishedDate(['n/a'], NOW)).toBeUndefined();
  });

  it('any string gives a well-formed date not after now, or nothing, and never throws', () => {
    const dateLike = fc.oneof(
      fc.string(),
      fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.constantFrom('', 'T10:00Z', 'T10:00:00+14:00', ' 23:59')).map(
        ([y, m, d, t]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}${t}`,
      ),
    );
    fc.assert(
      fc.property(dateLike, (raw) => {
        const out = norm(raw);
        if (out === undefined) return;
        expect(out).toMatch(/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z)?$/);
        expect(Date.parse(out)).toBeLessThanOrEqual(NOW.getTime() + 14 * 3_600_000);
        expect(Number(out.slice(0, 4))).toBeGreaterThanOrEqual(1990);
      }),
      { numRuns: 300 },
    );
  });
});
