// The Check Point dialect of the customer's device (side `peer`): the Log Exporter's syslog (or
// the same fields copied from SmartConsole) of VPN logs, and the catalogue pass that turns their
// IKE text into typed events (docs/checkpoint.md).
import { parseHeaderBatch, type LineGrammar } from '../common/header-batch.js';
import { framedRecord, parseFramedLines, type FramedHeader } from '../common/framed-line.js';
import type { Dialect, HeaderFailure, HeaderLine, ParseContext } from '../../src/parse/dialect.js';
import type { LogRecord } from '../../src/types.js';
import { classifyCheckpoint } from './catalog.js';
import { sniffLine, tokenizeLine, type CheckpointFrame } from './tokens.js';

export const CHECKPOINT = 'checkpoint';

type RawHeader = FramedHeader<CheckpointFrame>;

const frames = new WeakMap<LogRecord, CheckpointFrame>();

function toRecord(h: RawHeader, line: HeaderLine, ctx: ParseContext): LogRecord {
  const rec = framedRecord(h, line, ctx, CHECKPOINT);
  const epoch = Number(h.frame.fields['time']);
  if (!h.stamp && Number.isFinite(epoch) && epoch > 0) rec.timeMs = epoch * 1000;
  const context: Record<string, string> = { shape: h.frame.shape };
  for (const k of ['action', 'community', 'reject_category']) if (h.frame.fields[k]) context[k] = h.frame.fields[k];
  rec.context = context;
  frames.set(rec, h.frame);
  return rec;
}

const GRAMMAR: LineGrammar<RawHeader> = { label: 'Check Point', tokenize: tokenizeLine, parse: (tokens) => parseFramedLines<CheckpointFrame>(tokens), toRecord };

export const checkpointDialect: Dialect = {
  name: CHECKPOINT,
  title: 'Check Point (Log Exporter VPN logs)',
  side: 'peer',
  sniff: sniffLine,
  parseHeaders(lines: HeaderLine[], ctx: ParseContext): (LogRecord | HeaderFailure)[] {
    return parseHeaderBatch(GRAMMAR, lines, ctx);
  },
  classify(rec: LogRecord): void {
    try {
      classifyCheckpoint(rec, frames.get(rec));
    } catch {
      // A catalogue bug must not lose the record: it stays, without an event.
    }
  },
  // One log record is one line.
  continues: () => false,
};
