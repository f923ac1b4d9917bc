// Test helper: parses a whole log text the way the pipeline's line parser does (sniff per line,
// headers batched per dialect ≤ 100, other lines folded into the record before them, then
// redactSecrets and classify), without depending on the pipeline's reader.
import type { Dialect, HeaderFailure, HeaderLine, ParseContext } from '../../src/parse/dialect.js';
import { isHeaderFailure } from '../../src/parse/dialect.js';
import type { LogRecord } from '../../src/types.js';

export interface Parsed {
  records: LogRecord[];
  failures: HeaderFailure[];
  /** Lines no dialect sniffed and no record could take. */
  orphans: number[];
}

export function parseText(text: string, dialects: Dialect[], ctx: Partial<ParseContext> = {}): Parsed {
  const context: ParseContext = { source: 'peer.log', tz: { minutes: 0 }, ...ctx };
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  let last: Dialect | undefined;
  const kinds = lines.map((l) => {
    if (last?.sniff(l)) return last;
    const d = dialects.find((x) => x !== last && x.sniff(l));
    if (d) last = d;
    return d;
  });
  const results = new Map<Dialect, (LogRecord | HeaderFailure)[]>();
  for (const d of dialects) {
    const heads: HeaderLine[] = [];
    kinds.forEach((k, i) => {
      if (k === d) heads.push({ text: lines[i]!, line: i + 1 });
    });
    const out: (LogRecord | HeaderFailure)[] = [];
    for (let i = 0; i < heads.length; i += 100) out.push(...d.parseHeaders(heads.slice(i, i + 100), context));
    results.set(d, out);
  }
  const cursor = new Map<Dialect, number>();
  const parsed: Parsed = { records: [], failures: [], orphans: [] };
  let open: { rec: LogRecord; d: Dialect } | undefined;
  const close = (): void => {
    if (!open) return;
    open.d.redactSecrets?.(open.rec, undefined);
    open.d.classify(open.rec);
    parsed.records.push(open.rec);
    open = undefined;
  };
  lines.forEach((l, i) => {
    const d = kinds[i];
    if (d) {
      const k = cursor.get(d) ?? 0;
      cursor.set(d, k + 1);
      const r = results.get(d)![k]!;
      close();
      if (isHeaderFailure(r)) parsed.failures.push(r);
      else open = { rec: r, d };
      return;
    }
    if (open) {
      open.rec.continuationLines++;
      open.rec.endLine = i + 1;
      if (!open.rec.secret && open.rec.continuationLines <= 4) (open.rec.continuation ??= []).push(l);
    } else if (l.trim() !== '') parsed.orphans.push(i + 1);
  });
  close();
  return parsed;
}

/** `type@line` for every record with an event, for compact assertions and debugging. */
export function eventsOf(p: Parsed): { type: string; line: number; phase?: 1 | 2; vars: Record<string, string> }[] {
  return p.records.filter((r) => r.event).map((r) => ({ type: r.event!.type, line: r.line, ...(r.phase ? { phase: r.phase } : {}), vars: r.event!.vars }));
}
