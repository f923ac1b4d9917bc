// The Juniper SRX (Junos) dialect of the customer's device (side `peer`): the key-management
// daemon's syslog (`kmd`, `iked` on later SRX) — `show log kmd`, a syslog server — and the
// catalogue pass that turns its tags and negotiation summaries into typed events.
import { parseHeaderBatch, type LineGrammar } from '../common/header-batch.js';
import type { Dialect, HeaderFailure, HeaderLine, ParseContext } from '../../src/parse/dialect.js';
import type { LogRecord } from '../../src/types.js';
import { programContext } from '../peer-common/syslog-program.js';
import { stampToEpochMs } from '../peer-common/time.js';
import { classifyJunos } from './catalog.js';
import { parseTokenVector, type RawHeader } from './parser.js';
import { sniffLine, tokenizeLine } from './tokens.js';

export const JUNIPER = 'juniper';

function toRecord(h: RawHeader, line: HeaderLine, ctx: ParseContext): LogRecord {
  const rec: LogRecord = { source: ctx.source, line: line.line, endLine: line.line, side: 'peer', dialect: JUNIPER, text: line.text, level: 'info', message: h.message, continuationLines: 0 };
  rec.localTime = h.stamp.text;
  const ms = stampToEpochMs(h.stamp.parts, ctx);
  if (ms !== undefined) rec.timeMs = ms;
  rec.context = programContext(h.program);
  return rec;
}

const GRAMMAR: LineGrammar<RawHeader> = { label: 'Junos', tokenize: tokenizeLine, parse: parseTokenVector, toRecord };

export const juniperDialect: Dialect = {
  name: JUNIPER,
  title: 'Juniper SRX (kmd/iked syslog)',
  side: 'peer',
  sniff: sniffLine,
  parseHeaders(lines: HeaderLine[], ctx: ParseContext): (LogRecord | HeaderFailure)[] {
    return parseHeaderBatch(GRAMMAR, lines, ctx);
  },
  classify(rec: LogRecord): void {
    try {
      classifyJunos(rec);
    } catch {
      // A catalogue bug must not lose the record: it stays, without an event.
    }
  },
  // A Junos message is one line: a line without a header is reported, not folded away.
  continues: () => false,
};
