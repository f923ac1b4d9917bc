// The ipsec-tools racoon dialect of the customer's device or router (side `peer`): racoon's file log
// and syslog lines, racoon -F output, macOS's racoon and RouterOS's `ipsec` topics. racoon2 grew
// from racoon, so the catalogue is racoon2's with racoon's own wordings on top (catalog.ts).
import { parseHeaderBatch, type LineGrammar } from '../common/header-batch.js';
import type { Dialect, HeaderFailure, HeaderLine, ParseContext } from '../../src/parse/dialect.js';
import type { LogRecord } from '../../src/types.js';
import { levelFromEvent } from '../peer-common/catalog-kit.js';
import { stampEnd } from '../peer-common/sniff.js';
import { programContext } from '../peer-common/syslog-program.js';
import { stampToEpochMs, type ScannedStamp } from '../peer-common/time.js';
import { classifyRacoon } from './catalog.js';
import { parseTokenVector, type RawHeader } from './parser.js';
import { FOREGROUND, sniffLine, tokenizeLine } from './tokens.js';

export const RACOON = 'racoon';

const LEVEL: Record<string, LogRecord['level']> = { ERROR: 'error', CRITICAL: 'error', WARNING: 'warn', NOTIFY: 'info', INFO: 'info', DEBUG: 'debug', DEBUG2: 'debug' };

function levelOf(h: RawHeader): LogRecord['level'] {
  if (h.level) return LEVEL[h.level] ?? 'info';
  if (h.topics) return /error/.test(h.topics) ? 'error' : /warning/.test(h.topics) ? 'warn' : /debug|packet/.test(h.topics) ? 'debug' : 'info';
  return 'info';
}

function toRecord(h: RawHeader, line: HeaderLine, ctx: ParseContext): LogRecord {
  const rec: LogRecord = {
    source: ctx.source,
    line: line.line,
    endLine: line.line,
    side: 'peer',
    dialect: RACOON,
    text: line.text,
    level: levelOf(h),
    message: h.message,
    continuationLines: 0,
  };
  if (h.stamp && !('clockOnly' in h.stamp)) {
    rec.localTime = h.stamp.text;
    const ms = stampToEpochMs((h.stamp as ScannedStamp).parts, ctx);
    if (ms !== undefined) rec.timeMs = ms;
  } else if (h.stamp) rec.localTime = h.stamp.clockOnly;
  if (h.level) rec.tag = h.level;
  if (h.location) {
    rec.file = h.location.file;
    rec.srcLine = h.location.line;
    rec.func = h.location.func;
  }
  const context: Record<string, string> = h.program ? programContext(h.program) : {};
  if (h.topics) context['topics'] = h.topics;
  if (Object.keys(context).length > 0) rec.context = context;
  return rec;
}

const GRAMMAR: LineGrammar<RawHeader> = { label: 'racoon', tokenize: tokenizeLine, parse: parseTokenVector, toRecord };

export const racoonDialect: Dialect = {
  name: RACOON,
  title: 'ipsec-tools racoon (also macOS, RouterOS)',
  side: 'peer',
  sniff(line: string): boolean {
    const lead = line.charCodeAt(0) === 32 ? 1 : 0;
    const body = lead ? line.slice(1) : line;
    const clock = /^\d\d:\d\d:\d\d /.test(body) ? 9 : 0;
    // `racoon -F` writes a bare line to the terminal before its first stamped one.
    return sniffLine(body, clock || stampEnd(body)) || body === FOREGROUND;
  },
  parseHeaders(lines: HeaderLine[], ctx: ParseContext): (LogRecord | HeaderFailure)[] {
    return parseHeaderBatch(GRAMMAR, lines, ctx);
  },
  classify(rec: LogRecord): void {
    try {
      classifyRacoon(rec);
      levelFromEvent(rec);
    } catch {
      // A catalogue bug must not lose the record: it stays, without an event.
    }
  },
};
