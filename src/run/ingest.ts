// Ingest, the first half of a run: documents from sources/ → records and API entries (parse/) →
// subjects (facts/). Owns what the run has read so far: the subject index, the inputs' summaries,
// problems, line counts and the secret values seen. Parse contexts come from the read policy; big
// gateway logs are read on threads by parallel-read.ts into the same index.
import type { InputKind, InputSummary, LogRecord, Problem } from '../types.js';
import type { InputDocument } from '../sources/files/read-inputs.js';
import { batchBytes, type TextLine } from '../sources/files/line-reader.js';
import { linesOf, MAX_TURNED_BYTES, MAX_TURNED_LINES, MAX_TURNED_MB, newestFirst, TURNED_BATCH, turnedAround } from './newest-first.js';
import type { Dialect } from '../parse/dialect.js';
import { LogParser, type LineStats } from '../parse/log-parser.js';
import { readApiDocument, type LogsDocument } from '../parse/api-documents.js';
import type { ConfigFile } from '../check/device-model.js';
import { parseDeviceConfig } from '../../grammars/config/index.js';
import { SubjectIndex, type ObservedSubject, type SourceLogTarget } from '../facts/correlate.js';
import type { SealStore } from '../facts/seal-store.js';
import { ProblemList } from '../problem-list.js';
import { collectSecretValues } from '../secrets.js';
import { locate } from '../errors.js';
import type { ReadPolicy } from './read-policy.js';

/** Lines read without one in a known format before a log is given up on (~20 MB of syslog). */
export const GIVE_UP_LINES = 200_000;
/** Problems of a file found in a directory held back while it may still turn out to be no log. */
const HOLD_PROBLEMS = 5_000;

/** What an input's dialects make it. */
export function inputKind(seen: ReadonlySet<string>): InputKind {
  return seen.size === 0 ? 'unknown' : seen.size > 1 ? 'log' : seen.has('racoon2') ? 'gateway-log' : 'peer-log';
}

export interface IngestHooks {
  onDocument?(source: string, bytes: number): void;
  onProgress?(progress: { bytes: number; lines: number }): void;
}

/** How a run keeps few subjects open (facts/seal-store.ts): the budget, the store, the judge. */
export interface SealPolicy {
  open: number;
  openStore(): SealStore | undefined;
  /** A sealed subject judged into the bytes read back at the end. */
  judge(subject: ObservedSubject): Promise<Uint8Array>;
  /** False: bet that no sealed subject is fed again (facts/seal-store.ts; default true). */
  keepObservations?: boolean;
}

interface PendingSourceLog {
  target: SourceLogTarget;
  source: string;
  pointer: string;
  text: string;
}

export class Ingest {
  readonly problems = new ProblemList();
  readonly inputs: InputSummary[] = [];
  readonly stats: LineStats = { lines: 0, parsed: 0, unparsed: 0 };
  readonly index = new SubjectIndex();
  /** Secret values the inputs carry (a `Psk` of an export): scrubbed from every string of the report. */
  readonly secretValues = new Set<string>();
  bytesRead = 0;
  private readonly pendingSourceLogs: PendingSourceLog[] = [];
  private readonly pendingApiLogs: { source: string; logs: LogsDocument; mtimeMs?: number }[] = [];
  /** One memory of parsed tails per grammar for everything this thread reads (ParseContext.memoScope). */
  readonly memoScope = {};

  constructor(
    readonly policy: ReadPolicy,
    readonly dialects: readonly Dialect[],
    private readonly hooks: IngestHooks = {},
    private readonly seals?: SealPolicy,
  ) {
    if (seals) this.index.sealBeyond(seals.open, () => seals.openStore(), seals.keepObservations ?? true);
  }

  /** Judges the subjects sealed since the last call (between batches: judging is asynchronous). */
  async judgeSeals(): Promise<void> {
    if (!this.seals) return;
    for (const [key, subject] of this.index.takeSealsToJudge()) this.index.sealedJudged(key, await this.seals.judge(subject), subject);
  }

  private parser(source: string, onRecord: (r: LogRecord) => void, opts: { pointerFor?: (line: number) => string; mtimeMs?: number; onProblem?: (p: Problem) => void; lineNumber?: (fed: number) => number } = {}): LogParser {
    return new LogParser({
      source,
      ...(opts.lineNumber ? { lineNumber: opts.lineNumber } : {}),
      dialects: this.dialects,
      contextFor: (d) => this.policy.contextFor(source, d, opts.mtimeMs, this.memoScope),
      ...(opts.pointerFor ? { pointerFor: opts.pointerFor } : {}),
      // The subject index copies what it keeps (evidence references, timeline entries, counts).
      recordsAreCopied: true,
      onRecord,
      onProblem: opts.onProblem ?? ((p) => this.problems.add(p)),
    });
  }

  addStats(s: LineStats): void {
    this.stats.lines += s.lines;
    this.stats.parsed += s.parsed;
    this.stats.unparsed += s.unparsed;
  }

  async read(doc: InputDocument): Promise<void> {
    if (doc.type === 'problem') {
      this.problems.add(doc.problem);
      this.inputs.push({ source: doc.source, kind: 'unknown', records: 0, problems: 1 });
      return;
    }
    if (doc.type === 'json') this.readJson(doc);
    else if (doc.type === 'config') this.configFiles.push({ name: doc.source, text: doc.text });
    else await this.readLines(doc);
    this.hooks.onDocument?.(doc.source, doc.bytes);
  }

  /** Progress of lines read elsewhere (worker threads), added to what this thread has read. */
  progress(extraBytes: number, extraLines: number): void {
    this.hooks.onProgress?.({ bytes: this.bytesRead + extraBytes, lines: this.stats.lines + extraLines });
  }

  get reportsProgress(): boolean {
    return this.hooks.onProgress !== undefined;
  }

  documentRead(source: string, bytes: number): void {
    this.hooks.onDocument?.(source, bytes);
  }

  private async readLines(doc: Extract<InputDocument, { type: 'lines' }>): Promise<void> {
    let records = 0;
    const before = this.problems.total;
    // A file found in a directory (not named by the user) has its problems held back until a line
    // in a known format shows it is a log. A README or notes file is then one "not an input,
    // skipped", not a problem per line.
    let held: Problem[] | undefined = doc.fromDirectory ? [] : undefined;
    const parserFor = (lineNumber?: (fed: number) => number): LogParser =>
      this.parser(
        doc.source,
        (r) => {
          records++;
          this.index.addRecord(r);
        },
        { ...(doc.mtimeMs ? { mtimeMs: doc.mtimeMs } : {}), onProblem: (problem) => (held ? held.push(problem) : this.problems.add(problem)), ...(lineNumber ? { lineNumber } : {}) },
      );
    let p = parserFor();
    let n = 0;
    let gaveUp = false;
    // The whole log, while it is being turned around (written newest first).
    let turning: TextLine[] | undefined;
    let turnedBytes = 0;
    let first = true;
    for await (const batch of doc.batches) {
      if (first) {
        first = false;
        if (newestFirst(batch)) turning = [];
      }
      if (turning) {
        // One line at a time: a spread of a block's lines (up to 262 144) overflows the stack.
        for (const l of linesOf(batch)) {
          turning.push(l);
          turnedBytes += l.text.length;
        }
        if (turning.length <= MAX_TURNED_LINES && turnedBytes <= MAX_TURNED_BYTES) continue;
        // Too long to hold: read as written from here on.
        this.policy.noteNewestFirst(doc.source, false, MAX_TURNED_LINES, MAX_TURNED_MB);
        for (let i = 0; i < turning.length; i += TURNED_BATCH) p.push(turning.slice(i, i + TURNED_BATCH));
        turning = undefined;
        continue;
      }
      p.push(batch);
      await this.judgeSeals();
      // Held until a line in a known format shows it is a log, or until so many are held that it is
      // no README: then listed as for a file the user named.
      if (held && (p.dialectsSeen.size > 0 || held.length > HOLD_PROBLEMS)) {
        for (const h of held) this.problems.add(h);
        held = undefined;
      }
      if (this.hooks.onProgress) {
        this.bytesRead += batchBytes(batch);
        if (++n % 32 === 0) this.progress(0, p.stats.lines);
      }
      // A file that no grammar has claimed a line of by now is not a log of either end (a syslog
      // of everything still shows an IKE daemon well before this): stop instead of reading on.
      if (p.dialectsSeen.size === 0 && p.stats.lines >= GIVE_UP_LINES) {
        gaveUp = true;
        break;
      }
    }
    if (turning) {
      this.policy.noteNewestFirst(doc.source, true, MAX_TURNED_LINES, MAX_TURNED_MB);
      const { lines, fileLine } = turnedAround(turning);
      turning = undefined;
      p = parserFor(fileLine);
      for (let i = 0; i < lines.length; i += TURNED_BATCH) p.push(lines.slice(i, i + TURNED_BATCH));
      if (held && (p.dialectsSeen.size > 0 || held.length > HOLD_PROBLEMS)) {
        for (const h of held) this.problems.add(h);
        held = undefined;
      }
    }
    p.end();
    if (held && p.dialectsSeen.size === 0 && !gaveUp) {
      // Nothing of it counts: not its lines, not its problems.
      this.problems.add({ source: doc.source, code: 'E_INPUT_SKIPPED', message: locate(doc.source, undefined, 'not an input (no line in a known log format), skipped', 'Found in a directory; name the file itself to have every line listed.') });
      this.inputs.push({ source: doc.source, kind: 'unknown', records: 0, problems: 1 });
      return;
    }
    if (held) for (const h of held) this.problems.add(h);
    if (gaveUp) {
      this.problems.add({
        source: doc.source,
        line: p.stats.lines + 1,
        code: 'E_INPUT_UNKNOWN',
        message: locate(doc.source, p.stats.lines + 1, `not read from here on: none of the first ${p.stats.lines} lines is in a known log format`, 'Is this the right file? Cut the IKE daemon\'s lines out of it, or point at the daemon\'s own log.'),
      });
    }
    this.addStats(p.stats);
    this.hooks.onProgress?.({ bytes: this.bytesRead, lines: this.stats.lines });
    const seen = p.dialectsSeen;
    if (seen.size === 0 && p.stats.lines > 0 && !gaveUp) {
      this.problems.add({ source: doc.source, code: 'E_INPUT_UNKNOWN', message: `${doc.source}: no line matches a known log format. Expected a gateway (racoon2) log, a strongSwan or Libreswan log, or an API export.` });
    }
    this.inputs.push({ source: doc.source, kind: inputKind(seen), records, problems: this.problems.total - before });
  }

  private readJson(doc: Extract<InputDocument, { type: 'json' }>): void {
    const before = this.problems.total;
    for (const p of doc.problems ?? []) this.problems.add(p);
    const secretsBefore = this.secretValues.size;
    collectSecretValues(doc.value, this.secretValues);
    // Sealed subjects were scrubbed of the secrets known then: a new one reopens them.
    if (this.secretValues.size > secretsBefore) this.index.stopSealing();
    const api = readApiDocument(doc.value, doc.source);
    for (const p of api.problems) this.problems.add(p);
    for (const c of api.configs) this.index.addConfig(c);
    for (const d of api.diagnoses) {
      const target = this.index.addDiagnosis(d);
      if (d.sourceLog) this.pendingSourceLogs.push({ target, source: d.source, pointer: `${d.pointer}/SourceLog`, text: d.sourceLog });
    }
    for (const c of api.checks) this.index.addCheck(c);
    const records = api.diagnoses.length + api.checks.length + api.configs.length;
    const summary: InputSummary = { source: doc.source, kind: api.kind, records, problems: 0 };
    for (const logs of api.logs) {
      const held = { source: doc.source, logs, ...(doc.mtimeMs ? { mtimeMs: doc.mtimeMs } : {}) };
      // Held only when log files may hold the same lines (facts/input-overlap.ts); else read now,
      // and nothing of the document stays in memory.
      if (this.index.countsRepeats) this.pendingApiLogs.push(held);
      else this.readApiLogs(held, summary);
    }
    summary.problems = this.problems.total - before;
    this.inputs.push(summary);
  }

  /** One API document's log lines into the subjects; its records counted in its input's summary. */
  private readApiLogs({ source, logs, mtimeMs }: { source: string; logs: LogsDocument; mtimeMs?: number }, input: InputSummary | undefined): void {
    const fallback = { ...(logs.vpnConnectionId ? { vpnConnectionId: logs.vpnConnectionId } : {}), ...(logs.tunnelId ? { tunnelId: logs.tunnelId } : {}) };
    const p = this.parser(
      source,
      (r) => {
        if (input) input.records++;
        this.index.addRecord(r, fallback);
      },
      { pointerFor: (line) => `${logs.pointerBase}/${line - 1}`, ...(mtimeMs ? { mtimeMs } : {}) },
    );
    p.push(logs.logs.map((text, i) => ({ line: i + 1, text: text.replace(/\r?\n$/, '') })));
    p.end();
    this.addStats(p.stats);
  }

  /**
   * The log lines of API exports (DescribeVpnConnectionLogs) held back when log files are among
   * the inputs: a user who also downloaded the log has the same lines twice; the file is read
   * first, in its own order, and the export's lines it gave already are counted once
   * (facts/input-overlap.ts). Read after every input.
   */
  flushApiLogs(): void {
    const inputOf = new Map(this.inputs.map((i) => [i.source, i]));
    for (const held of this.pendingApiLogs) {
      const before = this.problems.total;
      const input = inputOf.get(held.source);
      this.readApiLogs(held, input);
      // Read after their input was summed up: their problems are still that input's.
      if (input) input.problems += this.problems.total - before;
    }
    this.pendingApiLogs.length = 0;
  }

  /** Says which API exports held gateway lines the log files had given already (counted once). */
  noteRepeatedLines(): void {
    for (const [source, lines] of this.index.repeatedLines) this.policy.noteRepeatedLines(source, lines);
  }

  /** Device configurations given beside the logs, parsed together (an ipsec.conf needs its ipsec.secrets). */
  private readonly configFiles: ConfigFile[] = [];

  /** Parses the device configurations and hands their connections to the index. Read after every input. */
  flushDeviceConfigs(): void {
    if (this.configFiles.length === 0) return;
    const parsed = parseDeviceConfig(this.configFiles);
    const secretsBefore = this.secretValues.size;
    for (const s of parsed.secrets) this.secretValues.add(s);
    if (this.secretValues.size > secretsBefore) this.index.stopSealing();
    for (const f of this.configFiles) {
      const before = this.problems.total;
      for (const p of parsed.problems) if (p.source === f.name) this.problems.add(p);
      this.inputs.push({ source: f.name, kind: 'device-config', records: parsed.connections.filter((c) => c.at.file === f.name).length, problems: this.problems.total - before });
    }
    this.index.addDeviceConnections(parsed.connections);
    this.configFiles.length = 0;
  }

  /** SourceLog lines repeat a line of the exported logs: counted once. Read after every input. */
  flushSourceLogs(): void {
    const inputOf = new Map(this.inputs.map((i) => [i.source, i]));
    for (const s of this.pendingSourceLogs) {
      const before = this.problems.total;
      const p = this.parser(s.source, (r) => this.index.addSourceLogRecord(s.target, r), { pointerFor: () => s.pointer });
      p.push([{ line: 1, text: s.text }]);
      p.end();
      this.addStats(p.stats);
      // Read after their input was summed up: their problems are still that input's.
      const input = inputOf.get(s.source);
      if (input) input.problems += this.problems.total - before;
    }
    this.pendingSourceLogs.length = 0;
  }
}
