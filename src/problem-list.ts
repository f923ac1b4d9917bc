// A run's problems, bounded: each source's first MAX_PROBLEMS_PER_SOURCE are kept whole, the rest
// are counted, and one closing problem per source says how many were left out, of which kinds and
// on which lines. A damaged export can raise a problem per entry (200 000 from a 1.8 KB gzip):
// listing them all costs memory and buries the ones that tell what is wrong.
import type { Problem } from './types.js';
import { locate } from './errors.js';

/** Problems listed per input (or rule file); the rest are only counted. */
export const MAX_PROBLEMS_PER_SOURCE = 1000;

/**
 * Problems about an input as a whole (unreadable, damaged, given up on, cut JSON) are few and say
 * the most: always listed. The cap is for the per-line and per-entry kind.
 */
const ALWAYS_LISTED = /^E_(?:INPUT_|JSON_INVALID|JSON_TOO_DEEP|RULE_)/;

interface Overflow {
  count: number;
  firstLine?: number;
  lastLine?: number;
  firstPointer?: string;
  lastPointer?: string;
  codes: Map<string, number>;
}

export class ProblemList {
  private readonly kept: Problem[] = [];
  private readonly perSource = new Map<string, number>();
  private readonly overflow = new Map<string, Overflow>();
  private seen = 0;

  /** Problems added so far, listed or not. */
  get total(): number {
    return this.seen;
  }

  add(p: Problem): void {
    this.seen++;
    if (ALWAYS_LISTED.test(p.code)) {
      this.kept.push(p);
      return;
    }
    const n = (this.perSource.get(p.source) ?? 0) + 1;
    this.perSource.set(p.source, n);
    if (n <= MAX_PROBLEMS_PER_SOURCE) {
      this.kept.push(p);
      return;
    }
    let o = this.overflow.get(p.source);
    if (!o) this.overflow.set(p.source, (o = { count: 0, codes: new Map() }));
    o.count++;
    o.codes.set(p.code, (o.codes.get(p.code) ?? 0) + 1);
    if (p.pointer !== undefined) {
      o.firstPointer ??= p.pointer;
      o.lastPointer = p.pointer;
    } else if (p.line !== undefined) {
      o.firstLine ??= p.line;
      o.lastLine = p.line;
    }
  }

  /** The listed problems, then one E_PROBLEMS_CAPPED per source that had more. */
  list(): Problem[] {
    const out = [...this.kept];
    for (const [source, o] of this.overflow) {
      const kinds = [...o.codes].map(([code, n]) => `${code} ×${n}`).join(', ');
      const lines = o.firstLine !== undefined ? `lines ${o.firstLine}–${o.lastLine}` : undefined;
      const pointers = o.firstPointer !== undefined ? `${o.firstPointer} to ${o.lastPointer}` : undefined;
      const where = lines || pointers ? ` (${[lines, pointers].filter(Boolean).join('; ')})` : '';
      const p: Problem = {
        source,
        code: 'E_PROBLEMS_CAPPED',
        message: locate(source, o.firstLine ?? o.firstPointer, `${o.count} more problems not listed${where}: ${kinds}`, `The first ${MAX_PROBLEMS_PER_SOURCE} are: fix those first, or check that this is the file you meant.`),
      };
      if (o.firstLine !== undefined) p.line = o.firstLine;
      else if (o.firstPointer !== undefined) p.pointer = o.firstPointer;
      out.push(p);
    }
    return out;
  }
}
