// The subject's timeline: one entry per meaningful event in time order, consecutive repeats grouped
// into one entry with a count, and a cap (first half kept, last half as a ring) with the number of
// entries folded away.
import type { LogRecord, TimelineEntry } from '../types.js';
import { compareText } from '../compare.js';
import { reportTime } from './report-time.js';

/** Events too chatty or too internal to show a person. */
const HIDDEN = new Set(['packet-received', 'packet-sent', 'p1-compared', 'p1-attr', 'id-payload', 'p1-mode', 'proposal-configured', 'proposal-matched', 'p2-transform']);
const CAP = 240;

/** The report's time of a record, null when it has none. */
function iso(ms: number | undefined): string | null {
  return ms === undefined || !Number.isFinite(ms) ? null : reportTime(ms);
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Whether two texts differ only in their numbers (`resend phase1 packet 3` ~ `… 4`), compared in
 * place: a shape string per record would be one more object to keep until the next one.
 */
export function sameShape(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      while (i < a.length && isDigit(a.charCodeAt(i))) i++;
      while (j < b.length && isDigit(b.charCodeAt(j))) j++;
      continue;
    }
    if (ca !== cb) return false;
    i++;
    j++;
  }
  return i === a.length && j === b.length;
}

export class TimelineBuilder {
  private head: TimelineEntry[] = [];
  private tail: TimelineEntry[] = [];
  folded = 0;

  add(rec: LogRecord): void {
    const type = rec.event?.type ?? (rec.level === 'error' ? 'error' : rec.level === 'warn' ? 'warning' : undefined);
    if (!type || HIDDEN.has(type)) return;
    const text = rec.message.length > 300 ? `${rec.message.slice(0, 300)}…` : rec.message;
    const last = this.tail.at(-1) ?? (this.tail.length === 0 ? this.head.at(-1) : undefined);
    // Records of a remembered tail share their message string: equal before any scan.
    if (last && last.side === rec.side && last.event === type && (last.text === text || sameShape(last.text, text))) {
      last.count = (last.count ?? 1) + 1;
      last.lastTime = iso(rec.timeMs);
      return;
    }
    // The message is kept as it is, not copied: copies (35 ms per million lines) left the live heap
    // of a 1 GB export unchanged, the lines being quoted as evidence anyway.
    const entry: TimelineEntry = { time: iso(rec.timeMs), side: rec.side, event: type, text, source: rec.source, line: rec.line };
    if (rec.phase) entry.phase = rec.phase;
    if (this.head.length < CAP / 2) {
      this.head.push(entry);
      return;
    }
    this.tail.push(entry);
    if (this.tail.length > CAP / 2) {
      this.tail.shift();
      this.folded++;
    }
  }

  /** Entries of both sides in time order (stable for equal times). */
  entries(): TimelineEntry[] {
    const all = [...this.head, ...this.tail];
    return all
      .map((e, i) => ({ e, i }))
      .sort((a, b) => compareText(a.e.time ?? '', b.e.time ?? '') || a.i - b.i)
      .map((x) => x.e);
  }

  shiftLines(source: string, offset: number): void {
    for (const e of [...this.head, ...this.tail]) if (e.source === source && e.line !== undefined) e.line += offset;
  }

  /**
   * Appends another builder's entries. `continues`: the other was read right after this one (the
   * next byte range or file of a parallel read), so a repeat run cut by the boundary is joined
   * into one entry, as reading in one thread would have made it.
   */
  merge(other: TimelineBuilder, continues = false): void {
    const incoming = [...other.head, ...other.tail];
    const last = this.tail.at(-1) ?? (this.tail.length === 0 ? this.head.at(-1) : undefined);
    const first = incoming[0];
    if (continues && last && first && last.side === first.side && last.event === first.event && (last.text === first.text || sameShape(last.text, first.text))) {
      last.count = (last.count ?? 1) + (first.count ?? 1);
      last.lastTime = first.lastTime ?? first.time;
      incoming.shift();
    }
    for (const e of incoming) {
      if (this.head.length < CAP / 2) this.head.push(e);
      else {
        this.tail.push(e);
        if (this.tail.length > CAP / 2) {
          this.tail.shift();
          this.folded++;
        }
      }
    }
    this.folded += other.folded;
  }
}
