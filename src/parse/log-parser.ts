// Turns numbered text lines into log records: picks a grammar per line (a file may mix dialects),
// batches header lines per grammar, folds lines without a header (hex dumps, wrapped text) into the
// record before them, and reports every line it cannot use. Streaming: one open record at a time.
import type { Dialect, HeaderFailure, HeaderLine, ParseContext } from './dialect.js';
import { isHeaderFailure } from './dialect.js';
import type { LogRecord, Problem } from '../types.js';
import { isLineBlock, type LineBatch } from '../sources/files/line-reader.js';
import { accessBlock, accessLines, isContinuationOnlyLine, isHexDumpLine, type LineAccess } from './line-access.js';
import { locate } from '../errors.js';
import { unframe } from './frames.js';
import { scrubQuoted } from '../secrets.js';

/** Continuation lines kept on a record for the catalogue (ID payload dumps need two). */
const KEPT_CONTINUATION = 4;
/** Starts like a log header (ISO or syslog time stamp): never a continuation line. */
const LOOKS_LIKE_HEADER = /^(?:\d{4}-\d\d-\d\d[ T]\d\d:\d\d|[A-Za-z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d|\d\d-\d\d \d\d:\d\d:\d\d\.\d)/;
/** Pass-1 kind of a continuation-only line, e.g. a hex dump (dialect kinds are ≥ 0, unclaimed -1). */
const CONTINUATION_ONLY = -2;
/** Lines parsed together: a block is cut into windows of this many. */
const WINDOW = 512;

export interface LineStats {
  lines: number;
  parsed: number;
  unparsed: number;
}

export interface LogParserOptions {
  source: string;
  dialects: readonly Dialect[];
  /** Parse context per dialect side (time zone, year). */
  contextFor(dialect: Dialect): ParseContext;
  /** Builds a JSON pointer for a line number (API responses that embed log lines). */
  pointerFor?(line: number): string;
  onRecord(rec: LogRecord): void;
  onProblem(p: Problem): void;
  /** Run the message catalogue (default true; the benchmark measures the grammar without it). */
  classify?: boolean;
  /**
   * `onRecord` keeps nothing of a record but copies: the grammar may reuse the object for a later
   * line (default false). A record per header line was a fifth of what an analysis allocates.
   */
  recordsAreCopied?: boolean;
  /**
   * The line number to report for a line fed as `fed` (a log turned around is fed renumbered, so
   * the grammars see it in order; its records and problems name the lines of the file).
   */
  lineNumber?(fed: number): number;
}

export class LogParser {
  readonly stats: LineStats = { lines: 0, parsed: 0, unparsed: 0 };
  readonly dialectsSeen = new Set<string>();

  /** The hint of an unparsed line: the formats this run knows, from the dialects themselves. */
  private knownDialects(): string {
    return `Known dialects: ${this.opts.dialects.map((d) => d.title).join(', ')}.`;
  }
  // The record still taking continuation lines, and its grammar (two fields, not a pair object
  // per record).
  private openRec: LogRecord | undefined;
  private openDialect: Dialect | undefined;
  private lastDialect: Dialect | undefined;
  private readonly contexts = new Map<Dialect, ParseContext>();

  constructor(private readonly opts: LogParserOptions) {}

  private sniff(text: string): Dialect | undefined {
    if (this.lastDialect?.sniff(text)) return this.lastDialect;
    for (const d of this.opts.dialects) {
      if (d !== this.lastDialect && d.sniff(text)) {
        this.lastDialect = d;
        return d;
      }
    }
    return undefined;
  }

  private problem(fed: number, code: string, message: string, hint?: string): void {
    const line = this.opts.lineNumber ? this.opts.lineNumber(fed) : fed;
    // A problem quotes its line: never a key someone typed into it.
    const p: Problem = { source: this.opts.source, line, code, message: locate(this.opts.source, line, scrubQuoted(message), hint) };
    const pointer = this.opts.pointerFor?.(line);
    if (pointer) p.pointer = pointer;
    this.opts.onProblem(p);
  }

  private ctx(d: Dialect): ParseContext {
    let c = this.contexts.get(d);
    if (!c) {
      c = this.opts.contextFor(d);
      this.contexts.set(d, c);
    }
    return c;
  }

  /** Feeds one batch of lines, in order. */
  push(batch: LineBatch): void {
    const lines = isLineBlock(batch) ? accessBlock(batch) : accessLines(batch);
    // A block holds thousands of lines: parse it in windows so only a window's records are alive
    // at once (fewer objects survive a scavenge to be promoted).
    for (let from = 0; from < lines.count; from += WINDOW) this.pushWindow(lines, from, Math.min(lines.count, from + WINDOW));
  }

  private pushWindow(lines: LineAccess, from: number, to: number): void {
    const dialects = this.opts.dialects;
    // Pass 1: which grammar claims each line; header lines grouped per grammar. Hex dump lines are
    // decided on their bytes and never sniffed.
    const kinds = new Int8Array(to - from).fill(-1);
    // Lines read through a frame (a web UI export, logcat, …): their records quote the line as written.
    let framed: Uint8Array | undefined;
    // Framed lines no grammar claims that are a record's hex dump or empty (quoted, grepped), unframed.
    let unclaimedFramed: (string | undefined)[] | undefined;
    const grouped: HeaderLine[][] = dialects.map(() => []);
    for (let i = from; i < to; i++) {
      if (lines.continuationOnly(i)) {
        kinds[i - from] = CONTINUATION_ONLY;
        continue;
      }
      if (lines.binary(i) || lines.fault(i)) continue;
      const raw = lines.text(i);
      const text = unframe(raw);
      const d = this.sniff(text);
      if (!d) {
        // Only an empty line or a dump: other unclaimed lines are read as written (an indented one continues its record).
        if (text !== raw && (text === '' || isContinuationOnlyLine(text))) {
          (unclaimedFramed ??= [])[i - from] = text;
          if (text !== '') kinds[i - from] = CONTINUATION_ONLY;
        }
        continue;
      }
      const k = dialects.indexOf(d);
      kinds[i - from] = k;
      if (text !== raw) (framed ??= new Uint8Array(to - from))[i - from] = 1;
      grouped[k]!.push({ text, line: lines.lineNo(i) });
    }
    // Pass 2: each grammar structures its lines of the window (in chunks of its own choosing).
    const results: (LogRecord | HeaderFailure)[][] = grouped.map((headerLines, k) => {
      if (headerLines.length === 0) return [];
      const d = dialects[k]!;
      this.dialectsSeen.add(d.name);
      return safeParse(d, headerLines, this.ctx(d));
    });
    // Pass 3: in line order, open records, fold continuations, report the rest.
    const cursor = new Int32Array(dialects.length);
    for (let i = from; i < to; i++) {
      const line = lines.lineNo(i);
      const fault = lines.fault(i);
      if (fault) {
        // Not a line: where reading stopped. Every line before it was read.
        this.close();
        this.problem(line, fault.code, `${fault.message}, after line ${line}`, fault.hint);
        continue;
      }
      this.stats.lines++;
      const k = kinds[i - from]!;
      if (k === CONTINUATION_ONLY) {
        const unframed = unclaimedFramed?.[i - from];
        if (this.openRec) this.fold(lines, i, unframed);
        else this.unparsed(line, unframed ?? lines.text(i));
        continue;
      }
      const d = k >= 0 ? dialects[k] : undefined;
      const truncatedFrom = lines.truncatedFrom(i);
      const nul = lines.nulBytes(i);
      if (nul > 0) {
        if (lines.text(i) === '') {
          // A region of NULs (a pre-allocated log, a crash): one problem, then read on.
          this.stats.unparsed++;
          this.problem(line, 'E_NUL_BYTES', `${truncatedFrom ?? nul} NUL bytes, no text`, 'A pre-allocated or crash-cut log: the lines around it were read.');
          continue;
        }
        this.problem(line, 'E_NUL_BYTES', `${nul} NUL byte${nul === 1 ? '' : 's'} removed from the line`, 'The rest of the line was read.');
      }
      if (truncatedFrom !== undefined) {
        this.problem(line, 'E_LINE_TOO_LONG', `line of ${truncatedFrom} bytes cut to its first 64 KiB`, 'Only the start of the line was read.');
      }
      if (d?.fallback && truncatedFrom === undefined && this.openRec && this.openDialect !== d && this.openDialect!.continues?.(lines.text(i), this.openRec) === true) {
        // The open record's own continuation (a PAN-OS event's description), not a quoted message.
        cursor[k]!++;
        this.fold(lines, i);
        continue;
      }
      if (d) {
        const r = results[k]![cursor[k]!++]!;
        this.close();
        if (isHeaderFailure(r)) {
          this.stats.unparsed++;
          this.problem(line, r.code, r.message, 'The line looks like a log header but does not fit the grammar.');
        } else {
          this.stats.parsed++;
          const pointer = this.opts.pointerFor?.(this.opts.lineNumber ? this.opts.lineNumber(line) : line);
          if (pointer) r.pointer = pointer;
          if (framed?.[i - from]) r.text = lines.text(i);
          this.openRec = r;
          this.openDialect = d;
        }
        continue;
      }
      if (lines.binary(i)) {
        this.stats.unparsed++;
        this.problem(line, 'E_BINARY_LINE', 'binary data, not log text', 'Is this the right file?');
        continue;
      }
      const unframed = unclaimedFramed?.[i - from];
      const text = unframed ?? lines.text(i);
      if (startsLikeHeader(text) && LOOKS_LIKE_HEADER.test(text)) {
        // A stamped line no grammar accepts is a broken record, not a hex dump to fold away.
        this.close();
        this.stats.unparsed++;
        this.problem(line, 'E_UNPARSED_LINE', `a time-stamped line in no known format: "${preview(text)}"`, this.knownDialects());
        continue;
      }
      // Free text a dialect never continues with (racoon2: only dumps) is not folded away.
      if (this.openRec && truncatedFrom === undefined && this.openDialect!.continues?.(text, this.openRec) !== false) {
        this.fold(lines, i, unframed);
        continue;
      }
      if (text.trim() === '' && truncatedFrom === undefined) {
        this.stats.parsed++;
        continue;
      }
      if (truncatedFrom === undefined) this.unparsed(line, text);
      else this.stats.unparsed++;
    }
  }

  /** Folds line i into the open record, keeping its text only when the record may read it. */
  private fold(lines: LineAccess, i: number, unframed?: string): void {
    const rec = this.openRec!;
    const dialect = this.openDialect!;
    rec.continuationLines++;
    rec.endLine = lines.lineNo(i);
    this.stats.parsed++;
    if (rec.secret || rec.continuationLines > KEPT_CONTINUATION || dialect.keepsContinuation?.(rec) === false) return;
    const text = unframed ?? lines.text(i);
    if (text.length > 0) (rec.continuation ??= []).push(text);
  }

  private unparsed(line: number, text: string): void {
    this.stats.unparsed++;
    // A hex dump outside any record may be the key racoon2 dumps after a `psk:` line that did not
    // parse: it is recognised by what it is, and never quoted.
    if (isHexDumpLine(text)) this.problem(line, 'E_UNPARSED_LINE', 'hex data outside any record (not quoted: it may be key material)', this.knownDialects());
    else this.problem(line, 'E_UNPARSED_LINE', `no grammar understands this line: "${preview(text)}"`, this.knownDialects());
  }

  /** Completes the open record: secrets masked, catalogue applied, handed on. */
  close(): void {
    const rec = this.openRec;
    const dialect = this.openDialect;
    if (!rec || !dialect) return;
    this.openRec = undefined;
    this.openDialect = undefined;
    try {
      dialect.redactSecrets?.(rec, undefined);
      if (this.opts.classify !== false) dialect.classify(rec);
      // Rules select events by phase (e.g. a phase-2 "no proposal"): make it a variable.
      const ev = rec.event;
      if (ev && rec.phase && ev.vars['phase'] === undefined) ev.vars['phase'] = String(rec.phase);
    } catch {
      // A catalogue bug must not lose the record: it stays, without an event.
    }
    // Assigned, not deleted: `delete` would drop the record into V8's slow dictionary mode.
    rec.continuation = undefined;
    if (this.opts.lineNumber) {
      // The header's line in the file (its continuation lines, read turned around, sit above it).
      rec.line = this.opts.lineNumber(rec.line);
      rec.endLine = rec.line;
    }
    this.opts.onRecord(rec);
    if (this.opts.recordsAreCopied) dialect.recycle?.(rec);
  }

  end(): void {
    this.close();
  }
}

/** Cheap guard before LOOKS_LIKE_HEADER: a digit (ISO or logcat stamp) or a letter (month name, any case) first. */
function startsLikeHeader(t: string): boolean {
  const c = t.charCodeAt(0);
  return (c >= 48 && c <= 57 && (t.charCodeAt(4) === 45 || t.charCodeAt(2) === 45)) || (((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) && t.charCodeAt(3) === 32);
}

function safeParse(d: Dialect, lines: HeaderLine[], ctx: ParseContext): (LogRecord | HeaderFailure)[] {
  try {
    return d.parseHeaders(lines, ctx);
  } catch (e) {
    return lines.map((l) => ({ line: l.line, text: l.text, code: 'E_HEADER_INVALID', message: `${d.name} grammar failed: ${(e as Error).message}` }));
  }
}

function preview(text: string): string {
  const t = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  // Control and direction-changing characters (a terminal's escapes, a line shown reversed) and
  // undecodable bytes become `?`; a localized line (`12月 07 …`, `дек 07 …`) stays readable.
  return t.replace(/[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff\ufffd]/g, '?');
}
