// The racoon2 parse memo. A gateway stuck in a failing negotiation writes the same lines again and
// again, differing in time stamp and resource id: the benchmark's 1 M-line export of 200
// connections (each its own peer address, each negotiation its own cookies and SPIs) holds 17 k
// distinct tails in 667 k header lines. A prefix scan cuts each header line into stamp, id and
// tail (`[TAG]: file.c:N:func(): message [{context}]`); the Chevrotain grammar runs on a tail's
// first two lines (the second remembers it) and later lines copy its structure — and, once a
// record of that tail was classified, the catalogue's answer. Bounded: two generations of tails;
// long tails and key material never kept. test/grammars/racoon2-tail-memo.test.ts checks that it changes no record.
import type { ParseContext } from '../../src/parse/dialect.js';
import type { Endpoint, LogEvent, LogRecord } from '../../src/types.js';
import { secretLabel } from './secrets.js';

/**
 * Tails per generation. Two generations: when the young one is full it becomes the old one and
 * the oldest is dropped, so what the current connections repeat survives the turnover. On the
 * benchmark export (200 connections, 667 k header lines) 4 096 per generation sent 45 k tails
 * through the grammar (evicted ones parsed again), 8 192 34 k, 16 384 28 k: 7 % faster end to
 * end, peak RSS +1–2 MB on 1 M lines and +6 MB (139 MB) on the 1 GB export.
 */
const GENERATION = 16384;
/** Longer tails are rare (dumps, wrapped text) and not worth a key. */
const TAIL_MAX = 400;
/** Key material written on the line itself (redaction rewrites it): such a tail is never kept. */
const HEX_RUN = /[0-9a-f]{8}/i;
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

/**
 * Slots of the seen-once table. A tail is remembered the second time the grammar parses it: on the
 * fleet export (4 885 connections, each its own cookies, SPIs and byte counts) 95 % of the 112 k
 * tails remembered at first sight never came again (66 % on the 200-connection export), and each
 * cost a key copy, an entry and a Map insertion that only evicted tails that do repeat.
 */
const SEEN_SLOTS = 1 << 16;

/** FNV-1a over the UTF-16 code units of `text` from `at`. */
function tailHash(text: string, at: number): number {
  let h = 0x811c9dc5;
  for (let i = at; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** The tails one parse context has seen, in two generations (at most 2 × GENERATION entries). */
export class TailMemo {
  private young = new Map<string, TailEntry>();
  private old = new Map<string, TailEntry>();
  /** The entry found last: its successor last time is the best guess for the next line. */
  private last: TailEntry | undefined;
  /**
   * Hashes of tails parsed once and not remembered, direct-mapped: a collision only moves when a
   * tail is remembered (never what a record holds).
   */
  private readonly seen = new Int32Array(SEEN_SLOTS);

  /** Whether the tail of `text` from `at` was parsed before; marks it parsed. */
  seenBefore(text: string, at: number): boolean {
    const h = tailHash(text, at);
    const slot = h & (SEEN_SLOTS - 1);
    if (this.seen[slot] === h) return true;
    this.seen[slot] = h;
    return false;
  }

  /** The entry of the tail of `text` that starts at `tailAt`. */
  find(text: string, tailAt: number): TailEntry | undefined {
    // A negotiation repeats its lines in order: checking the predicted tail (one comparison with a
    // flat string, in place: no slice of the line) is a quarter of a Map lookup's cost, which
    // hashes the whole tail.
    const guess = this.last?.next;
    if (guess !== undefined && text.length - tailAt === guess.key.length && text.startsWith(guess.key, tailAt)) {
      this.last = guess;
      return guess;
    }
    const tail = text.slice(tailAt);
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

const memos = new WeakMap<object, TailMemo>();

/** The memo of one parse context (one input's gateway side), or undefined when it is turned off. */
export function memoFor(ctx: ParseContext): TailMemo | undefined {
  if (ctx.reuseParses === false) return undefined;
  // Entries hold only what the tail decides (never the context's source, zone or year).
  const owner = ctx.memoScope ?? ctx;
  let m = memos.get(owner);
  if (!m) {
    m = new TailMemo();
    memos.set(owner, m);
  }
  return m;
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
 * A flat string of its own holding `text` from `at`: two pieces joined are copied into a new
 * string (one piece would come back as the slice itself, pinning the line). A slice as the key
 * made every predicted hit and Map lookup compare through it (the grammar path 10 % slower on the
 * fleet export); a JSON round trip made the same copy at twice the cost.
 */
function flatCopy(text: string, at: number): string {
  return [text.slice(at, at + 1), text.slice(at + 1)].join('');
}

/**
 * Remembers the structure of a freshly parsed record under its tail, when that is safe and the
 * tail was parsed once before: a plain prefix, a short tail, and no key material in it. A line
 * that only announces key material (`with key:`, the dump on the next lines) is kept, marked, and
 * redacted like any other.
 * `tailAt` and `prefixResourceId` are the line's prefix scan (prefix.ts; -1: not plain).
 */
export function rememberTail(memo: TailMemo, rec: LogRecord, text: string, tailAt: number, prefixResourceId: string | undefined): void {
  if (tailAt < 0 || text.length - tailAt > TAIL_MAX) return;
  if (!memo.seenBefore(text, tailAt)) return;
  const label = secretLabel(rec.message);
  if (label && HEX_RUN.test(rec.message.slice(label.index + label[0].length))) return;
  // A flat copy of its own (compared on every predicted hit), and every text the entry keeps is
  // cut from it: the entry pins no line of the input (misses are 5 % of lines, and what they keep
  // alive is what the old generation has to collect).
  const key = flatCopy(text, tailAt);
  const own = (s: string): string => ownedBy(key, s);
  const e: TailEntry = {
    key,
    next: undefined,
    tailResourceId: prefixResourceId === undefined && rec.resourceId !== undefined ? own(rec.resourceId) : undefined,
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
