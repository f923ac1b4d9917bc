// Records of remembered tails (tail-memo.ts): the tail's structure copied into a racoon2 record
// (record.ts owns its shape and the pool), with the line's own stamp, text and resource id.
import type { HeaderLine, ParseContext } from '../../src/parse/dialect.js';
import type { LogRecord } from '../../src/types.js';
import type { Prefix } from './prefix.js';
import { racoon2Record, startRecord } from './record.js';
import type { TailEntry } from './tail-memo.js';

/** A record for `line` from a known tail. */
export function recordFromTail(e: TailEntry, line: HeaderLine, ctx: ParseContext, prefix: Prefix): LogRecord {
  const r = racoon2Record();
  startRecord(r, line, ctx);
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
  r.parseMemo = e;
  return r;
}
