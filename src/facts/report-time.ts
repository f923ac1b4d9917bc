// How the report writes a moment: ISO 8601 in UTC, whole seconds without milliseconds
// (`2026-12-04T12:38:39Z`), others with them. One definition for evidence, timeline entries and
// episodes. Formatted field by field from the day's prefix: `toISOString()` and a `replace` per
// distinct time were 3 % of judging a fleet export, whose subjects each log their own seconds.

const DAY_MS = 86_400_000;
/** The last moment of year 9999: beyond it (and before 1970) `toISOString` writes six-digit years. */
const FAST_UNTIL_MS = 253_402_300_800_000;
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

let lastMs = NaN;
let lastText = '';
let dayStartMs = NaN;
/** `YYYY-MM-DDT` of the day that starts at dayStartMs. */
let dayPrefix = '';

function viaDate(ms: number): string {
  const full = new Date(ms).toISOString();
  return full.endsWith('.000Z') ? [full.slice(0, -5), 'Z'].join('') : full;
}

/**
 * The report's text of a moment in epoch milliseconds (finite). Joined, not concatenated: a
 * concatenation leaves a string of pieces, and a report keeps thousands.
 */
export function reportTime(ms: number): string {
  if (ms === lastMs) return lastText;
  lastMs = ms;
  if (!(ms >= 0 && ms < FAST_UNTIL_MS) || !Number.isInteger(ms)) return (lastText = viaDate(ms));
  let inDay = ms - dayStartMs;
  if (!(inDay >= 0 && inDay < DAY_MS)) {
    dayStartMs = ms - (ms % DAY_MS);
    dayPrefix = new Date(dayStartMs).toISOString().slice(0, 11);
    inDay = ms - dayStartMs;
  }
  const millis = inDay % 1000;
  const seconds = (inDay - millis) / 1000;
  const hh = TWO_DIGITS[Math.floor(seconds / 3600)]!;
  const mm = TWO_DIGITS[Math.floor(seconds / 60) % 60]!;
  const ss = TWO_DIGITS[seconds % 60]!;
  lastText = millis === 0 ? [dayPrefix, hh, ':', mm, ':', ss, 'Z'].join('') : [dayPrefix, hh, ':', mm, ':', ss, '.', String(millis).padStart(3, '0'), 'Z'].join('');
  return lastText;
}
