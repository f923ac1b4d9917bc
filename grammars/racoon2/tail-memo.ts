// The racoon2 parse memo. A gateway stuck in a failing negotiation writes the same lines again and
// again, differing in time stamp and resource id: the benchmark's 1 M-line export of 200
// connections (each its own peer address, each negotiation its own cookies and SPIs) holds 17 k
// distinct tails in 667 k header lines. A prefix scan cuts each header line into stamp, id and
// tail (`[TAG]: file.c:N:func(): message [{context}]`); the Chevrotain grammar runs once per
// distinct tail and later lines copy its structure — and, once a record of that tail was
// classified, the catalogue's answer. Bounded: two generations of tails; long tails and key
// material never kept. test/grammars/racoon2-tail-memo.test.ts checks that it changes no record.
import type { HeaderLine, ParseContext } from '../../src/parse/dialect.js';
import type { Endpoint, LogEvent, LogRecord } from '../../src/types.js';
import { readStamp } from './stamp.js';
import { secretLabel } from './secrets.js';

/**
 * Tails per generation. Two generations: when the young one is full it becomes the old one and
 * the oldest is dropped, so what the current connections repeat survives the turnover.
 */
const GENERATION = 4096;
/** Longer tails are rare (dumps, wrapped text) and not worth a key. */
const TAIL_MAX = 400;
/** Key material written on the line itself (redaction rewrites it): such a tail is never kept. */
const HEX_RUN = /[0-9a-f]{8}/i;

/**
 * Stamp, optional resource id with the debris the grammar tolerates, up to the `[` of the tag:
 * the same prefix the grammar's HEAD pattern accepts (tokens.ts), nothing more.
 */
const PREFIX = /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d[ \t]+(?:((?:vco|tun|iss|vpn)-[A-Za-z0-9*]+)[ \t*-]*)?(?=\[)/y;

/** What a header's tail decides: everything but the line, its text, stamp and resource id. */
export interface TailEntry {
  /** The tail itself, as a flat string of its own (not a slice pinning its line). */
  key: string;
  /** The entry whose line followed this one's last time. */
  next: TailEntry | undefined;
  /** A resource id the tail itself carries (IPsec-server lines), else undefined. */
  tailResourceId: string | undefined;
  tag: string | undefined;
  level: LogRecord['level'];
  file: string | undefined;
  srcLine: number | undefined;
  func: string | undefined;
  message: string;
  context: Record<string, string> | undefined;
  local: Endpoint | undefined;
  remote: Endpoint | undefined;
  ikeVersion: 1 | 2 | undefined;
  phase: 1 | 2 | undefined;
  /** The message names key material that follows on the next lines: redact each record. */
  announcesSecret: boolean;
  /** The catalogue's answer for this tail, once a record without continuation lines was classified. */
  classified: ClassifiedTail | undefined;
}

/** The record fields the catalogue sets; the event object is shared by every record of the tail. */
export interface ClassifiedTail {
  event: LogEvent | undefined;
  level: LogRecord['level'];
  local: Endpoint | undefined;
  remote: Endpoint | undefined;
  phase: 1 | 2 | undefined;
}

/** The tails one parse context has seen, in two generations (at most 2 × GENERATION entries). */
export class TailMemo {
  private young = new Map<string, TailEntry>();
  private old = new Map<string, TailEntry>();
  /** The entry found last: its successor last time is the best guess for the next line. */
  private last: TailEntry | undefined;

  /** The entry of the tail of `text` that starts at `tailAt`. */
  find(text: string, tailAt: number): TailEntry | undefined {
    const tail = text.slice(tailAt);
    // A negotiation repeats its lines in order: checking the predicted tail (one comparison with a
    // flat string) is a quarter of a Map lookup's cost, which hashes the whole tail.
    const guess = this.last?.next;
    if (guess !== undefined && guess.key === tail) {
      this.last = guess;
      return guess;
    }
    let e = this.young.get(tail);
    if (!e && this.old.size > 0) {
      e = this.old.get(tail);
      if (e) this.put(e);
    }
    if (e && this.last) this.last.next = e;
    this.last = e;
    return e;
  }

  put(e: TailEntry): void {
    if (this.young.size >= GENERATION) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(e.key, e);
  }
}

const memos = new WeakMap<ParseContext, TailMemo>();

/** The memo of one parse context (one input's gateway side), or undefined when it is turned off. */
export function memoFor(ctx: ParseContext): TailMemo | undefined {
  if (ctx.reuseParses === false) return undefined;
  let m = memos.get(ctx);
  if (!m) {
    m = new TailMemo();
    memos.set(ctx, m);
  }
  return m;
}

/** Where the tail of a header line starts, and its resource id. */
export interface Prefix {
  /** -1 when the prefix is not plain (the line then goes through the grammar alone). */
  tailAt: number;
  resourceId: string | undefined;
}

const scratch: Prefix = { tailAt: -1, resourceId: undefined };

const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Scans the prefix of `text` into a shared scratch object (read it before the next call). The
 * pattern is tested, not executed: a match array per line was the largest allocation after the
 * record. The usual layout — one space, the id, one space, `[` — gives the id by position; any
 * other (debris after the id, no id, tabs) is read from the match.
 */
export function scanPrefix(text: string): Prefix {
  PREFIX.lastIndex = 0;
  if (!PREFIX.test(text)) {
    scratch.tailAt = -1;
    scratch.resourceId = undefined;
    return scratch;
  }
  const tailAt = PREFIX.lastIndex;
  scratch.tailAt = tailAt;
  // An alphanumeric at 20 must start the id (one space after the stamp); one before the final
  // space must end it (debris is never alphanumeric).
  if (text.charCodeAt(tailAt - 1) === 32 && isAlnum(text.charCodeAt(tailAt - 2)) && isAlnum(text.charCodeAt(20))) {
    scratch.resourceId = text.slice(20, tailAt - 1);
  } else {
    PREFIX.lastIndex = 0;
    scratch.resourceId = PREFIX.exec(text)?.[1];
  }
  return scratch;
}

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

/** `s` cut from `key` when the key holds it (a slice of the key pins nothing else), else `s`. */
function ownedBy(key: string, s: string): string {
  const at = key.indexOf(s);
  return at >= 0 ? key.slice(at, at + s.length) : s;
}

function ownValues(key: string, values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k in values) out[k] = ownedBy(key, values[k]!);
  return out;
}

function ownEndpoint(key: string, e: Endpoint | undefined): Endpoint | undefined {
  if (e === undefined) return undefined;
  return e.port === undefined ? { ip: ownedBy(key, e.ip) } : { ip: ownedBy(key, e.ip), port: e.port };
}

/**
 * Remembers the structure of a freshly parsed record under its tail, when that is safe: a plain
 * prefix, a short tail, and no key material in it. A line that only announces key material
 * (`with key:`, the dump on the next lines) is kept, marked, and redacted like any other.
 */
export function rememberTail(memo: TailMemo, rec: LogRecord, text: string, prefix: Prefix): void {
  if (prefix.tailAt < 0 || text.length - prefix.tailAt > TAIL_MAX) return;
  const label = secretLabel(rec.message);
  if (label && HEX_RUN.test(rec.message.slice(label.index + label[0].length))) return;
  // A round trip through JSON gives a flat copy (compared on every predicted hit), and every text
  // the entry keeps is cut from it: the entry pins no line of the input (misses are 5 % of lines,
  // and what they keep alive is what the old generation has to collect).
  const key = JSON.parse(JSON.stringify(text.slice(prefix.tailAt))) as string;
  const own = (s: string): string => ownedBy(key, s);
  const e: TailEntry = {
    key,
    next: undefined,
    tailResourceId: prefix.resourceId === undefined && rec.resourceId !== undefined ? own(rec.resourceId) : undefined,
    tag: rec.tag,
    level: rec.level,
    file: rec.file === undefined ? undefined : own(rec.file),
    srcLine: rec.srcLine,
    func: rec.func === undefined ? undefined : own(rec.func),
    message: own(rec.message),
    context: rec.context === undefined ? undefined : ownValues(key, rec.context),
    local: ownEndpoint(key, rec.local),
    remote: ownEndpoint(key, rec.remote),
    ikeVersion: rec.ikeVersion,
    phase: rec.phase,
    announcesSecret: label !== null,
    classified: undefined,
  };
  memo.put(e);
  rec.parseMemo = e;
}

/** Applies a tail's remembered catalogue result; false when this tail was not classified yet. */
export function applyClassified(rec: LogRecord): boolean {
  const c = (rec.parseMemo as TailEntry | undefined)?.classified;
  if (!c || rec.continuation !== undefined) return false;
  rec.event = c.event;
  rec.level = c.level;
  rec.local = c.local;
  rec.remote = c.remote;
  rec.phase = c.phase;
  return true;
}

/**
 * Stores the catalogue's result on the record's tail. Only records without continuation lines:
 * those are the only input the catalogue reads besides the tail (ID payload dumps). A kept
 * secret-announcing line keeps its message through redaction (no key material in it).
 */
export function storeClassified(rec: LogRecord): void {
  const e = rec.parseMemo as TailEntry | undefined;
  if (!e || rec.continuation !== undefined) return;
  // The first record's event holds slices of its own line; the kept one holds slices of the key.
  // Copied before the line parser adds the phase variable, which it then adds to the kept event.
  const ev = rec.event;
  if (ev) rec.event = { type: ev.type, vars: ownValues(e.key, ev.vars) };
  e.classified = { event: rec.event, level: rec.level, local: ownEndpoint(e.key, rec.local), remote: ownEndpoint(e.key, rec.remote), phase: rec.phase };
}
