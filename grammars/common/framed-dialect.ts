// A device dialect whose tokenizer reads each line's frame by hand (PAN-OS, Azure, Check Point):
// the shared framed-line grammar, records built from it, and the catalogue handed each record's
// frame. A dialect says only what is its own: its name, sniff and tokenizer, what its frame adds
// to a record, its catalogue and which lines may continue a record.
import { parseHeaderBatch, type LineGrammar } from './header-batch.js';
import { parseFramedLines, type FramedHeader } from './framed-line.js';
import { stampToEpochMs } from '../peer-common/time.js';
import type { Dialect, HeaderFailure, HeaderLine, ParseContext } from '../../src/parse/dialect.js';
import type { IToken } from '../chevrotain.js';
import type { LogRecord } from '../../src/types.js';

export interface FramedDialectSpec<F> {
  name: string;
  title: string;
  /** Whose log the lines are: the device's unless said otherwise. */
  side?: 'cloud' | 'peer';
  /** Names the dialect in failure messages. */
  label: string;
  sniff(line: string): boolean;
  tokenize(text: string, base: number, out: IToken[]): string | null;
  /** What the frame adds to the record built from the line (context, level, a time of its own). */
  fill(rec: LogRecord, header: FramedHeader<F>): void;
  /** The catalogue pass; a throw loses the event, never the record. */
  classify(rec: LogRecord, frame: F | undefined): void;
  continues: NonNullable<Dialect['continues']>;
  fallback?: boolean;
}

/** A record from a framed header: where it was read, its text and message, its stamp in the context's zone. */
function framedRecord(h: FramedHeader<unknown>, line: HeaderLine, ctx: ParseContext, dialect: string, side: 'cloud' | 'peer'): LogRecord {
  const rec: LogRecord = { source: ctx.source, line: line.line, endLine: line.line, side, dialect, text: line.text, level: 'info', message: h.message, continuationLines: 0 };
  if (h.stamp) {
    rec.localTime = h.stamp.text;
    const ms = stampToEpochMs(h.stamp.parts, ctx);
    if (ms !== undefined) rec.timeMs = ms;
  }
  return rec;
}

export function framedDialect<F>(spec: FramedDialectSpec<F>): Dialect {
  // The frame of each record, for the catalogue (a record has no field of its own for it).
  const frames = new WeakMap<LogRecord, F>();
  const grammar: LineGrammar<FramedHeader<F>> = {
    label: spec.label,
    tokenize: spec.tokenize,
    parse: (tokens) => parseFramedLines<F>(tokens),
    toRecord: (h, line, ctx) => {
      const rec = framedRecord(h, line, ctx, spec.name, spec.side ?? 'peer');
      spec.fill(rec, h);
      frames.set(rec, h.frame);
      return rec;
    },
  };
  return {
    name: spec.name,
    title: spec.title,
    side: spec.side ?? 'peer',
    sniff: spec.sniff,
    parseHeaders(lines: HeaderLine[], ctx: ParseContext): (LogRecord | HeaderFailure)[] {
      return parseHeaderBatch(grammar, lines, ctx);
    },
    classify(rec: LogRecord): void {
      try {
        spec.classify(rec, frames.get(rec));
      } catch {
        // A catalogue bug must not lose the record: it stays, without an event.
      }
    },
    continues: spec.continues,
    ...(spec.fallback ? { fallback: true } : {}),
  };
}
