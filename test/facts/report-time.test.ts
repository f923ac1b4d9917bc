import { describe, expect, it } from 'vitest';
import { reportTime } from '../../src/facts/report-time.js';

/** What the report wrote before the formatter: toISOString, `.000Z` shortened to `Z`. */
const viaDate = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

describe('reportTime', () => {
  it('writes whole seconds without milliseconds, others with them', () => {
    expect(reportTime(Date.UTC(2026, 11, 4, 12, 38, 39))).toBe('2026-12-04T12:38:39Z');
    expect(reportTime(Date.UTC(2026, 11, 4, 12, 38, 39, 7))).toBe('2026-12-04T12:38:39.007Z');
    expect(reportTime(0)).toBe('1970-01-01T00:00:00Z');
  });

  it('agrees with toISOString across day, month, leap-day and range edges, in any order', () => {
    const edges = [0, 1, 999, 1000, 86_399_999, 86_400_000, Date.UTC(2000, 1, 29, 23, 59, 59), Date.UTC(2000, 2, 1), Date.UTC(2024, 11, 31, 23, 59, 59, 999), -1, -86_400_001, 253_402_300_799_999, 253_402_300_800_000, 1.5, Date.UTC(2026, 11, 4) - 1];
    // A fixed pseudo-random walk (a linear congruential generator): the same values every run.
    let seed = 12345;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const values = [...edges];
    for (let i = 0; i < 5000; i++) values.push(next() * 1000 + (i % 3 === 0 ? next() % 1000 : 0));
    for (const ms of [...values, ...values.reverse()]) expect(reportTime(ms), String(ms)).toBe(viaDate(ms));
  });

  it('throws on a time that is not one, as toISOString does', () => {
    expect(() => reportTime(Number.NaN)).toThrow(RangeError);
  });
});
