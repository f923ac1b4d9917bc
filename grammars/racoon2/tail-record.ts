// Records of remembered tails (tail-memo.ts): built from an entry, a line and its prefix, in the
// same field order as the grammar's own records (one hidden class), and reused once the line
// parser's consumer has copied what it keeps.
import type { HeaderLine, ParseContext } from '../../src/parse/dialect.js';
import type { LogRecord } from '../../src/types.js';
import type { Prefix } from './prefix.js';
import { readStamp } from './stamp.js';
import type { TailEntry } from './tail-memo.js';

/** Records handed back by the line parser once their consumer copied what it needed. */
const spare: LogRecord[] = [];
/** A window's header records (the line parser parses 512 lines at a time), and some to spare. */
const SPARE_MAX = 640;

/** Keeps a finished record of this grammar's shape for reuse, holding on to none of its texts. */
export function recycleRecord(rec: LogRecord): void {
  if (spare.length >= SPARE_MAX || rec.dialect !== 'racoon2') return;
  rec.text = '';
  rec.localTime = undefined;
  rec.resourceId = undefined;
  rec.message = '';
  rec.event = undefined;
  rec.context = undefined;
  rec.continuation = undefined;
  rec.parseMemo = undefined;
  spare.push(rec);
}

/** A record for `line` from a known tail: a recycled one when there is one, else a new literal. */
export function recordFromTail(e: TailEntry, line: HeaderLine, ctx: ParseContext, prefix: Prefix): LogRecord {
  const stamp = readStamp(line.text, ctx.tzOffsetMinutes);
  const r = spare.pop();
  if (r !== undefined) {
    // Every field, in the literal's order: a reused record must not keep anything of its last line.
    r.source = ctx.source;
    r.line = line.line;
    r.endLine = line.line;
    r.pointer = undefined;
    r.side = 'cloud';
    r.dialect = 'racoon2';
    r.text = line.text;
    r.localTime = stamp.text;
    r.timeMs = stamp.ms;
    r.resourceId = prefix.resourceId ?? e.tailResourceId;
    r.tag = e.tag;
    r.level = e.level;
    r.file = e.file;
    r.srcLine = e.srcLine;
    r.func = e.func;
    r.message = e.message;
    r.context = e.context;
    r.local = e.local;
    r.remote = e.remote;
    r.ikeVersion = e.ikeVersion;
    r.phase = e.phase;
    r.connName = undefined;
    r.session = undefined;
    r.continuationLines = 0;
    r.continuation = undefined;
    r.event = undefined;
    r.secret = undefined;
    r.parseMemo = e;
    return r;
  }
  return {
    source: ctx.source,
    line: line.line,
    endLine: line.line,
    pointer: undefined,
    side: 'cloud',
    dialect: 'racoon2',
    text: line.text,
    localTime: stamp.text,
    timeMs: stamp.ms,
    resourceId: prefix.resourceId ?? e.tailResourceId,
    tag: e.tag,
    level: e.level,
    file: e.file,
    srcLine: e.srcLine,
    func: e.func,
    message: e.message,
    context: e.context,
    local: e.local,
    remote: e.remote,
    ikeVersion: e.ikeVersion,
    phase: e.phase,
    connName: undefined,
    session: undefined,
    continuationLines: 0,
    continuation: undefined,
    event: undefined,
    secret: undefined,
    parseMemo: e,
  };
}
