// The head of a Cisco line, before its message: an optional syslog `<PRI>`, a sequence number
// (`000123: `, `service sequence-numbers`), the device's own stamp — IOS `*Dec  4 10:00:00.123:`,
// `.Dec  4 …` (clock not authoritative), `Dec  4 10:00:00.123 UTC:`, `Dec  4 2026 10:00:00.123 UTC:`,
// ASA `Dec 04 2026 10:00:00:`, uptime `00:27:07:` / `1d02h:` (no wall time) — and a relay's syslog
// header (`Dec  4 10:00:00 fw01 : `, `Dec  4 10:00:00 fw01 %ASA-…`, ISO stamps). charCode-level
// scanning: this runs in the sniff on every line of every file.
import { monthIndex, type StampParts } from '../peer-common/time.js';
import { scanIsoStamp } from '../peer-common/time.js';

export interface CiscoHead {
  /** The wall-clock stamp (the device's own, else the relay's), as written and as parts. */
  stamp?: { text: string; parts: StampParts };
  /** Index where the message begins. */
  end: number;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

function digitsAt(s: string, i: number, n: number): boolean {
  for (let k = i; k < i + n; k++) if (!isDigit(s.charCodeAt(k))) return false;
  return true;
}

const num = (s: string, i: number, n: number): number => Number(s.slice(i, i + n));

/** `hh:mm:ss[.fff]` at i → end index, filling parts; -1 when absent. */
function clock(s: string, i: number, p: StampParts): number {
  if (!digitsAt(s, i, 2) || s.charCodeAt(i + 2) !== 58 || !digitsAt(s, i + 3, 2) || s.charCodeAt(i + 5) !== 58 || !digitsAt(s, i + 6, 2)) return -1;
  p.hour = num(s, i, 2);
  p.minute = num(s, i + 3, 2);
  p.second = num(s, i + 6, 2);
  let j = i + 8;
  if (s.charCodeAt(j) === 46 && isDigit(s.charCodeAt(j + 1))) {
    let k = j + 1;
    while (isDigit(s.charCodeAt(k))) k++;
    const f = s.slice(j + 1, k);
    p.ms = Number(f.length >= 3 ? f.slice(0, 3) : f.padEnd(3, '0'));
    j = k;
  }
  return j;
}

/** `Mon dd [yyyy ]hh:mm:ss[.fff][ ZONE]` at i (IOS and ASA device stamps, BSD syslog). */
function monthStamp(s: string, i: number): { parts: StampParts; end: number } | undefined {
  const month = monthIndex(s.slice(i, i + 3));
  if (month === undefined || s.charCodeAt(i + 3) !== 32) return undefined;
  let j = i + 4;
  if (s.charCodeAt(j) === 32) j++;
  let d = j;
  while (d < j + 2 && isDigit(s.charCodeAt(d))) d++;
  if (d === j || s.charCodeAt(d) !== 32) return undefined;
  const parts: StampParts = { month, day: num(s, j, d - j), hour: 0, minute: 0, second: 0, ms: 0 };
  let k = d + 1;
  if (digitsAt(s, k, 4) && s.charCodeAt(k + 4) === 32) {
    parts.year = num(s, k, 4);
    k += 5;
  }
  let end = clock(s, k, parts);
  if (end < 0) return undefined;
  // A trailing year (`%b %e %T %Y`), then a zone name: UTC/GMT are read, others left to the context.
  if (parts.year === undefined && s.charCodeAt(end) === 32 && digitsAt(s, end + 1, 4) && !isDigit(s.charCodeAt(end + 5))) {
    parts.year = num(s, end + 1, 4);
    end += 5;
  }
  const zone = /^ ([A-Z]{2,5})(?=[: ])/.exec(s.slice(end, end + 8));
  if (zone) {
    if (zone[1] === 'UTC' || zone[1] === 'GMT') parts.offsetMinutes = 0;
    end += zone[0].length;
  }
  return { parts, end };
}

/** Uptime stamps `00:27:07:`, `1d02h:`, `2w3d:` (no wall time): their end, or -1. */
function uptime(s: string, i: number): number {
  const m = /^(?:\d\d:\d\d:\d\d(?:\.\d+)?|\d+[wdy]\d+[dhw]):/.exec(s.slice(i, i + 20));
  return m ? i + m[0].length : -1;
}

/** Skips `: ` or ` ` after a stamp; the stamp must be followed by one of them. */
function after(s: string, j: number): number {
  if (s.charCodeAt(j) === 58) j++;
  else if (s.charCodeAt(j) !== 32) return -1;
  while (s.charCodeAt(j) === 32) j++;
  return j;
}

/**
 * Reads the head of a line. Returns the message start and the stamp; `end` is 0 when the line has
 * no head at all (a bare debug line). Never throws.
 */
export function scanHead(s: string): CiscoHead {
  let i = 0;
  let stamp: CiscoHead['stamp'];
  if (s.charCodeAt(0) === 60) {
    const close = s.indexOf('>');
    if (close > 1 && close < 5 && digitsAt(s, 1, close - 1)) i = close + 1;
  }
  // A relay's header first (ISO or BSD stamp, then a host name), then the device's own head.
  for (let round = 0; round < 3; round++) {
    const c = s.charCodeAt(i);
    let moved = false;
    if (c === 42 || c === 46) {
      // `*` / `.`: the IOS clock flags in front of its stamp.
      const m = monthStamp(s, i + 1);
      if (m) {
        stamp = { text: s.slice(i, m.end), parts: m.parts };
        const j = after(s, m.end);
        if (j > 0) return { stamp, end: j };
      }
      return { ...(stamp ? { stamp } : {}), end: i };
    }
    if (isDigit(c)) {
      const iso = scanIsoStamp(s, i);
      if (iso && s.charCodeAt(iso.end) === 32) {
        stamp = { text: iso.text, parts: iso.parts };
        i = skipHost(s, iso.end + 1);
        moved = true;
      } else {
        const seq = /^\d{1,10}: /.exec(s.slice(i, i + 12));
        const up = uptime(s, i);
        if (up > 0 && s.charCodeAt(up) === 32) {
          i = up + 1;
          return { ...(stamp ? { stamp } : {}), end: i };
        }
        if (seq) {
          i += seq[0].length;
          moved = true;
        }
      }
    } else if (c >= 65 && c <= 90) {
      const m = monthStamp(s, i);
      if (m) {
        stamp = { text: s.slice(i, m.end), parts: m.parts };
        if (s.charCodeAt(m.end) === 58) return { stamp, end: after(s, m.end) };
        i = skipHost(s, m.end + 1);
        moved = true;
      }
    }
    if (!moved) break;
  }
  return { ...(stamp ? { stamp } : {}), end: i };
}

/** After a relay's stamp: `host : `, `host: `, `host ` before the device's own text (or nothing). */
function skipHost(s: string, i: number): number {
  const c = s.charCodeAt(i);
  // The device's own text follows the stamp directly.
  if (c === 37 || c === 42 || c === 46 || c === 91 || s.startsWith('ISAKMP', i) || s.startsWith('IPSEC', i) || s.startsWith('IKEv2', i)) return i;
  const sp = s.indexOf(' ', i);
  if (sp < 0) return i;
  const j = sp;
  if (s.charCodeAt(j - 1) === 58) return j + 1;
  if (s.charCodeAt(j + 1) === 58 && s.charCodeAt(j + 2) === 32) return j + 3;
  return j + 1;
}
