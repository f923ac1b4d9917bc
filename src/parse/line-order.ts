// Whether a log is written newest first. Web views (pfSense and OPNsense log pages, FortiGate's
// event log view, …) list the latest line first and people paste them that way; read forward,
// such a log runs the negotiation backwards (a failure before its cause, an SA up after it went
// down). Decided on the time stamps of a log's first lines, before any is parsed: newest first
// when the steps between stamped lines go back in time and (almost) never forward.

import { monthIndex } from '../../grammars/peer-common/time.js';

/** `2024-05-11T11:09:54`, `2024-05-11 11:09:54`, FortiGate's `date=2024-05-11 time=11:09:54`. */
const ISO = /(\d{4})-(\d\d)-(\d\d)(?:[T ]| time=)(\d\d):(\d\d):(\d\d)/;
/** `May 11 11:09:54`, `*May 11 11:09:54.123`, `Jun 10 2010 17:36:05` (ASA). */
const SYSLOG = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+(\d{1,2})\s+(?:(\d{4})\s+)?(\d\d):(\d\d):(\d\d)/;
/** Where a line's stamp may start: after a frame (`<30>1 `, `*`, a device name) but near the start. */
const STAMP_WITHIN = 48;

/** A line's time stamp as a number that orders stamps (seconds, from an arbitrary origin), or undefined. */
export function stampKey(text: string): number | undefined {
  const head = text.length > STAMP_WITHIN + 20 ? text.slice(0, STAMP_WITHIN + 20) : text;
  let m = ISO.exec(head);
  if (m && m.index <= STAMP_WITHIN) return key(Number(m[1]), Number(m[2]), Number(m[3]), m[4]!, m[5]!, m[6]!);
  m = SYSLOG.exec(head);
  if (m && m.index <= STAMP_WITHIN) return key(m[3] ? Number(m[3]) : 0, monthIndex(m[1]!)! + 1, Number(m[2]), m[4]!, m[5]!, m[6]!);
  return undefined;
}

function key(year: number, month: number, day: number, h: string, min: string, s: string): number {
  return ((((year * 13 + month) * 32 + day) * 24 + Number(h)) * 60 + Number(min)) * 60 + Number(s);
}

/** Steps back in time that decide "newest first" with none forward (a short paste spans few seconds). */
const STEPS_BACK_ALONE = 2;
/** Steps back that decide it with some forward (at most one for every four back). */
const MIN_STEPS_BACK = 3;
/** Stamped lines looked at, at most. */
const LINES_LOOKED_AT = 400;

/** Reads the first lines' stamps; `newestFirst` once enough of them went back in time. */
export class LineOrder {
  private last: number | undefined;
  private back = 0;
  private forward = 0;
  private seen = 0;

  /** Takes one line; false once it has seen enough lines to decide. */
  take(text: string): boolean {
    const k = stampKey(text);
    if (k === undefined) return this.seen < LINES_LOOKED_AT;
    this.seen++;
    if (this.last !== undefined) {
      if (k < this.last) this.back++;
      else if (k > this.last) this.forward++;
    }
    this.last = k;
    return this.seen < LINES_LOOKED_AT;
  }

  /** Newest line first: steps back in time, and none (or at most one for every four back) forward. */
  get newestFirst(): boolean {
    return (this.back >= STEPS_BACK_ALONE && this.forward === 0) || (this.back >= MIN_STEPS_BACK && this.forward * 4 <= this.back);
  }
}
