// What the Huawei / H3C catalogue remembers between records of one source: whether an IKE SA is up
// (a DH mismatch after it is the PFS group of phase 2, before it the IKE group). Keyed by source;
// line numbers that go backwards mean a new pass over the source, which starts over. Bounded.
import type { LogRecord } from '../../src/types.js';

const MAX_SOURCES = 64;

export class HuaweiState {
  private readonly sources = new Map<string, { lastLine: number; up: boolean }>();

  private of(rec: LogRecord): { lastLine: number; up: boolean } {
    let s = this.sources.get(rec.source);
    if (!s || rec.line < s.lastLine) {
      s = { lastLine: rec.line, up: false };
      this.sources.delete(rec.source);
      if (this.sources.size >= MAX_SOURCES) this.sources.delete(this.sources.keys().next().value!);
      this.sources.set(rec.source, s);
    }
    s.lastLine = rec.line;
    return s;
  }

  up(rec: LogRecord): boolean {
    return this.of(rec).up;
  }

  setUp(rec: LogRecord, up: boolean): void {
    this.of(rec).up = up;
  }
}
