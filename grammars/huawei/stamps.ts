// The time stamps Huawei and H3C devices write, on top of the peer-common scanners (BSD syslog and
// ISO): VRP's information center puts the year before the clock and may add a zone
// (`Dec  4 2026 10:00:00.123+08:00`, `… DST`); Comware's log buffer puts it after a clock whose
// milliseconds follow a colon (`%Dec  4 10:00:00:123 2026`); the `display ike …-info` tables write
// `2026-12-04 10:00:00` or `2026/12/04  10:00:00`. Pure functions: a string → parts, never a throw.
import { monthIndex, scanBsdStamp, scanIsoStamp, type ScannedStamp, type StampParts } from '../peer-common/time.js';

const VRP = /^([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{4}) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?(?:([+-])(\d\d):?(\d\d)| DST)?(?= |$)/;
const COMWARE = /^[%*]?([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d\d):(\d\d):(\d\d)(?::(\d{1,3}))? (\d{4})(?= |$)/;
const TABLE = /(\d{4})[-/](\d\d)[-/](\d\d)\s+(\d\d):(\d\d):(\d\d)\s*$/;

const n = (s: string | undefined): number => (s === undefined ? 0 : Number(s));
const ms = (frac: string | undefined): number => (frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0);

function parts(month: number, m: RegExpExecArray, idx: { d: number; y: number; h: number; f?: number }): StampParts {
  return { year: n(m[idx.y]), month, day: n(m[idx.d]), hour: n(m[idx.h]), minute: n(m[idx.h + 1]), second: n(m[idx.h + 2]), ms: idx.f ? ms(m[idx.f]) : 0 };
}

/** `Dec  4 2026 10:00:00[.fff][±hh:mm| DST]` at the start of s (VRP info-center). */
export function scanVrpStamp(s: string): ScannedStamp | undefined {
  const m = VRP.exec(s);
  const month = m ? monthIndex(m[1]!) : undefined;
  if (!m || month === undefined) return undefined;
  const p = parts(month, m, { d: 2, y: 3, h: 4, f: 7 });
  if (m[8]) {
    const mins = n(m[9]) * 60 + n(m[10]);
    p.offsetMinutes = m[8] === '-' ? -mins : mins;
  }
  return { text: m[0], parts: p, end: m[0].length };
}

/** `%Dec  4 10:00:00:123 2026` / `Dec  4 10:00:00 2026` at the start of s (Comware log buffer, syslog). */
export function scanComwareStamp(s: string): ScannedStamp | undefined {
  const m = COMWARE.exec(s);
  const month = m ? monthIndex(m[1]!) : undefined;
  if (!m || month === undefined) return undefined;
  const p: StampParts = { year: n(m[7]), month, day: n(m[2]), hour: n(m[3]), minute: n(m[4]), second: n(m[5]), ms: ms(m[6]) };
  return { text: m[0], parts: p, end: m[0].length };
}

/** Any stamp a Huawei/H3C line can start with (after its syslog priority). */
export function scanDeviceStamp(s: string): ScannedStamp | undefined {
  const c = s.charCodeAt(0);
  if (c >= 48 && c <= 57) return scanIsoStamp(s, 0);
  return scanVrpStamp(s) ?? scanComwareStamp(s) ?? scanBsdStamp(s, 0);
}

/** The `error-time` / `offline-time` cell that ends a table row. */
export function scanTableTime(s: string): { stamp: ScannedStamp; start: number } | undefined {
  const m = TABLE.exec(s);
  if (!m) return undefined;
  const p: StampParts = { year: n(m[1]), month: n(m[2]) - 1, day: n(m[3]), hour: n(m[4]), minute: n(m[5]), second: n(m[6]), ms: 0 };
  return { stamp: { text: m[0].trim(), parts: p, end: s.length }, start: m.index };
}
