// racoon2 time stamps (`YYYY-MM-DD HH:MM:SS`, wall clock of the gateway) read by character codes:
// consecutive lines mostly share their second, and then they share its string and epoch value
// too — no slice, no string comparison, no date arithmetic per line.
import { zoneOffsetAtWallTime, type Zone } from '../../src/parse/timezone.js';

/** The stamp last read: its text, epoch ms, and the packed digits and offset that identify it. */
export interface Stamp {
  text: string;
  ms: number;
}

const last: Stamp & { packed: number; offset: number; zone: string | undefined } = { text: '', ms: NaN, packed: -1, offset: NaN, zone: undefined };

const digit = (s: string, i: number): number => s.charCodeAt(i) - 48;

/**
 * The stamp at the start of `line` (its shape already checked by the caller's pattern) read in
 * `tz`: its fixed offset, or for an IANA zone the offset in force then. The returned object is
 * shared: read it before the next call.
 */
export function readStamp(line: string, tz: Zone): Stamp {
  const offsetMinutes = tz.minutes;
  const zone = tz.name;
  const year = digit(line, 0) * 1000 + digit(line, 1) * 100 + digit(line, 2) * 10 + digit(line, 3);
  const month = digit(line, 5) * 10 + digit(line, 6);
  const day = digit(line, 8) * 10 + digit(line, 9);
  const hour = digit(line, 11) * 10 + digit(line, 12);
  const minute = digit(line, 14) * 10 + digit(line, 15);
  const second = digit(line, 17) * 10 + digit(line, 18);
  const packed = ((((year * 13 + month) * 32 + day) * 24 + hour) * 60 + minute) * 60 + second;
  if (packed !== last.packed || offsetMinutes !== last.offset || zone !== last.zone) {
    last.packed = packed;
    last.offset = offsetMinutes;
    last.zone = zone;
    last.text = line.slice(0, 19);
    const wall = Date.UTC(year, month - 1, day, hour, minute, second);
    last.ms = wall - (zone ? zoneOffsetAtWallTime(zone, wall) : offsetMinutes) * 60_000;
  }
  return last;
}
