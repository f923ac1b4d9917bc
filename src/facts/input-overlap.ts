// Gateway lines read from more than one input: the log a user downloaded from the console and the
// same lines in a DescribeVpnConnectionLogs export, two downloads whose periods overlap, one file
// named twice. Read twice, a negotiation would run twice in a subject (its counts doubled, its
// life replayed after its end: a healthy rekey read as a lost tunnel). Each input of a gateway
// subject covers the seconds from its first line to its last, and a gateway log holds every line of
// the seconds it covers: a line of another input inside them was read already. At the edge seconds
// (an input may start or end within one) only the lines seen there count.
import type { LogRecord } from '../types.js';
import { hashText } from './text-hash.js';

/** Lines remembered per input at each edge second (a second of a busy gateway holds a few dozen). */
const EDGE_LINES_KEPT = 256;


/** What one input holds of one subject: the seconds it covers, and its lines at either edge. */
interface Span {
  source: string;
  firstMs: number;
  lastMs: number;
  atFirst: Set<number>;
  atLast: Set<number>;
}

function remember(set: Set<number>, h: number): void {
  if (set.size < EDGE_LINES_KEPT) set.add(h);
}

export class InputOverlap {
  /** Per gateway subject key, one span per input that fed it. */
  private readonly spans = new Map<string, Span[]>();
  /** Lines left out as read already: by the input read later, then by the input that held them. */
  readonly repeats = new Map<string, Map<string, number>>();

  /** Whether `rec` (a gateway line of subject `key`) was read already from another input; else remembers it. */
  repeated(key: string, rec: LogRecord): boolean {
    const t = rec.timeMs;
    // A line without a time cannot be placed in another input's period: it is read.
    if (t === undefined || !Number.isFinite(t)) return false;
    let spans = this.spans.get(key);
    if (!spans) {
      spans = [];
      this.spans.set(key, spans);
    }
    let own: Span | undefined;
    let h: number | undefined;
    for (const s of spans) {
      if (s.source === rec.source) {
        own = s;
        continue;
      }
      if (t < s.firstMs || t > s.lastMs) continue;
      if (t > s.firstMs && t < s.lastMs) return this.counted(rec.source, s.source);
      h ??= hashText(rec.text);
      if ((t === s.firstMs && s.atFirst.has(h)) || (t === s.lastMs && s.atLast.has(h))) return this.counted(rec.source, s.source);
    }
    h ??= hashText(rec.text);
    if (!own) {
      spans.push({ source: rec.source, firstMs: t, lastMs: t, atFirst: new Set([h]), atLast: new Set([h]) });
      return false;
    }
    if (t > own.lastMs) {
      own.lastMs = t;
      own.atLast = new Set([h]);
    } else if (t === own.lastMs) remember(own.atLast, h);
    if (t < own.firstMs) {
      own.firstMs = t;
      own.atFirst = new Set([h]);
    } else if (t === own.firstMs) remember(own.atFirst, h);
    return false;
  }

  private counted(later: string, earlier: string): true {
    let by = this.repeats.get(later);
    if (!by) {
      by = new Map();
      this.repeats.set(later, by);
    }
    by.set(earlier, (by.get(earlier) ?? 0) + 1);
    return true;
  }
}
