// Timestamps of peer-device logs. Syslog and strongSwan's default filelog stamp (`Nov 21 21:58:50`)
// carry neither year nor zone: the year comes from the parse context (else the current year, or
// the previous one when that would put the line in the future) and the zone from the context's
// offset. ISO stamps (`2024-11-21T21:58:50.123+08:00`) keep their own zone when they have one.
import { enUS } from 'date-fns/locale/en-US';
import { zoneOffsetAtWallTime, type Zone } from '../../src/parse/timezone.js';

/**
 * English month abbreviation → 0-based month; syslog and strftime(%b) in the C locale, and as some
 * journalctl and busybox builds write it, in lower or upper case (`feb 22 08:11:42 host …`).
 */
const MONTHS: ReadonlyMap<string, number> = new Map(
  Array.from({ length: 12 }, (_, i) => String(enUS.localize.month(i as 0, { width: 'abbreviated' }))).flatMap((m, i) => [
    [m, i] as const,
    [m.toLowerCase(), i] as const,
    [m.toUpperCase(), i] as const,
  ]),
);

export function monthIndex(abbr: string): number | undefined {
  return MONTHS.get(abbr);
}

/** The fields of a stamp as written; `year`/`offsetMinutes` only when the stamp has them. */
export interface StampParts {
  year?: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  /** Minutes east of UTC, from a `Z`/`+08:00` suffix. */
  offsetMinutes?: number;
}

export interface TimeContext {
  /** Fixed offset, or an IANA zone: then the offset in force at the stamp's own time (daylight saving). */
  tz: Zone;
  year?: number;
}

const DAY_MS = 86_400_000;

/** Fraction digits after the seconds (`.126889`) → whole milliseconds (truncated, as written). */
export function fractionToMs(digits: string): number {
  if (digits.length === 0) return 0;
  return Number(digits.length >= 3 ? digits.slice(0, 3) : digits.padEnd(3, '0'));
}

function valid(p: StampParts): boolean {
  return p.month >= 0 && p.month < 12 && p.day >= 1 && p.day <= 31 && p.hour < 24 && p.minute < 60 && p.second <= 60;
}

/**
 * Stamp → epoch ms (UTC), or undefined when the fields are out of range. `nowMs` is only there so
 * tests can pin "now" for the future-date rule.
 */
export function stampToEpochMs(p: StampParts, ctx: TimeContext, nowMs: number = Date.now()): number | undefined {
  if (!valid(p)) return undefined;
  const fixed = p.offsetMinutes ?? (ctx.tz.name ? undefined : ctx.tz.minutes);
  const at = (year: number): number => {
    const wall = Date.UTC(year, p.month, p.day, p.hour, p.minute, p.second, p.ms);
    return wall - (fixed ?? zoneOffsetAtWallTime(ctx.tz.name!, wall)) * 60_000;
  };
  const offset = fixed ?? ctx.tz.minutes;
  if (p.year !== undefined) return at(p.year);
  if (ctx.year !== undefined) return at(ctx.year);
  const thisYear = new Date(nowMs + offset * 60_000).getUTCFullYear();
  const t = at(thisYear);
  // A yearless stamp more than a day ahead of now was written last year (log spans New Year).
  return t > nowMs + DAY_MS ? at(thisYear - 1) : t;
}

/** What a header stamp produced: the text as written, its parts, and where the header goes on. */
export interface ScannedStamp {
  text: string;
  parts: StampParts;
  end: number;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

function num(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

function digitsAt(s: string, from: number, count: number): boolean {
  if (from + count > s.length) return false;
  for (let i = from; i < from + count; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

/** `HH:MM:SS` at i, plus an optional `.fff…` / `,fff…` fraction. Returns the end index or -1. */
function scanClock(s: string, i: number, parts: StampParts): number {
  if (!digitsAt(s, i, 2) || s.charCodeAt(i + 2) !== 58 || !digitsAt(s, i + 3, 2) || s.charCodeAt(i + 5) !== 58 || !digitsAt(s, i + 6, 2)) return -1;
  parts.hour = num(s, i, i + 2);
  parts.minute = num(s, i + 3, i + 5);
  parts.second = num(s, i + 6, i + 8);
  let j = i + 8;
  const sep = s.charCodeAt(j);
  if ((sep === 46 || sep === 44) && isDigit(s.charCodeAt(j + 1))) {
    let k = j + 1;
    while (k < s.length && isDigit(s.charCodeAt(k))) k++;
    parts.ms = fractionToMs(s.slice(j + 1, k));
    j = k;
  }
  return j;
}

/** `Nov 21 21:58:50[.123456][ 2024]` (BSD syslog / strftime `%b %e %T`) at index i. */
export function scanBsdStamp(s: string, i = 0): ScannedStamp | undefined {
  const month = MONTHS.get(s.slice(i, i + 3));
  if (month === undefined || s.charCodeAt(i + 3) !== 32) return undefined;
  let j = i + 4;
  if (s.charCodeAt(j) === 32) j++;
  let dEnd = j;
  while (dEnd < j + 2 && isDigit(s.charCodeAt(dEnd))) dEnd++;
  if (dEnd === j || s.charCodeAt(dEnd) !== 32) return undefined;
  const parts: StampParts = { month, day: num(s, j, dEnd), hour: 0, minute: 0, second: 0, ms: 0 };
  let end = scanClock(s, dEnd + 1, parts);
  if (end < 0) return undefined;
  // strftime formats like `%b %e %T %Y` put the year after the clock.
  if (s.charCodeAt(end) === 32 && digitsAt(s, end + 1, 4) && (end + 5 === s.length || s.charCodeAt(end + 5) === 32)) {
    parts.year = num(s, end + 1, end + 5);
    end += 5;
  }
  return { text: s.slice(i, end), parts, end };
}

/** `2024-11-21[T ]21:58:50[.fff][Z|±HH[:]MM]` at index i. */
export function scanIsoStamp(s: string, i = 0): ScannedStamp | undefined {
  if (!digitsAt(s, i, 4) || s.charCodeAt(i + 4) !== 45 || !digitsAt(s, i + 5, 2) || s.charCodeAt(i + 7) !== 45 || !digitsAt(s, i + 8, 2)) return undefined;
  const sep = s.charCodeAt(i + 10);
  if (sep !== 32 && sep !== 84) return undefined;
  const parts: StampParts = { year: num(s, i, i + 4), month: num(s, i + 5, i + 7) - 1, day: num(s, i + 8, i + 10), hour: 0, minute: 0, second: 0, ms: 0 };
  let end = scanClock(s, i + 11, parts);
  if (end < 0) return undefined;
  const z = s.charCodeAt(end);
  if (z === 90) {
    parts.offsetMinutes = 0;
    end++;
  } else if ((z === 43 || z === 45) && digitsAt(s, end + 1, 2)) {
    const colon = s.charCodeAt(end + 3) === 58 ? 1 : 0;
    if (digitsAt(s, end + 3 + colon, 2)) {
      const mins = num(s, end + 1, end + 3) * 60 + num(s, end + 3 + colon, end + 5 + colon);
      parts.offsetMinutes = z === 45 ? -mins : mins;
      end += 5 + colon;
    }
  }
  return { text: s.slice(i, end), parts, end };
}

/** Either stamp shape at index i. */
export function scanStamp(s: string, i = 0): ScannedStamp | undefined {
  const c = s.charCodeAt(i);
  if (isDigit(c)) return scanIsoStamp(s, i);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return scanBsdStamp(s, i);
  return undefined;
}
