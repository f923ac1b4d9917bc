// Wires the stages: documents from sources → records and API entries (parse) → subjects (facts)
// → matched rules → ranked findings → the report. No I/O of its own: documents arrive as values
// and lazy line streams from sources/.
import type { Finding, InputKind, InputSummary, LogRecord, Problem, Report, Subject, SubjectStatus } from './types.js';
import type { InputDocument } from './sources/files/read-inputs.js';
import { batchBytes } from './sources/files/line-reader.js';
import type { Dialect } from './parse/dialect.js';
import { LogParser, type LineStats } from './parse/log-parser.js';
import { readApiDocument } from './parse/api-documents.js';
import { createDialects } from './parse/registry.js';
import { formatZone, GATEWAY_TZ_MINUTES } from './parse/timezone.js';
import { SubjectIndex } from './facts/correlate.js';
import type { RangeProgress, RangeTask } from './parallel/range-task.js';
import { computeFacts } from './facts/facts.js';
import { SubjectAccumulator } from './facts/subject.js';
import type { RuleEvaluator } from './rules/engine.js';
import type { LoadedRule } from './rules/load.js';
import { buildFinding } from './report/finding.js';
import { mergeSameCause, rankFindings } from './report/rank.js';
import type { Lang } from './report/template.js';
import { compareText } from './compare.js';
import { ProblemList } from './problem-list.js';
import { collectSecretValues } from './secrets.js';
import { scrubReport } from './report/scrub.js';
import { deviceClockShift } from './facts/clock-skew.js';
import { deviceClockWarning, gatewayZoneAssumption, peerZoneAssumption } from './report/assumptions.js';
import { locate } from './errors.js';

/** Below this a file is read in this thread: starting workers costs more than it saves. */
const PARALLEL_MIN_BYTES = 4 * 1024 * 1024;
/**
 * `--jobs auto` reads a file on another thread only from this size: a thread's fixed costs (start,
 * cloning its subjects back, merging) were as long as the parse it took over for 23 MB files
 * (four such files: 0.85–1.07× one thread), and paid off from ~100 MB (1.27–1.29×; 257 MB: 1.5×).
 */
export const AUTO_PARALLEL_MIN_BYTES = 32 * 1024 * 1024;
/** Ranges of about this size keep both cores busy to the end of a file. */
const RANGE_TARGET_BYTES = 16 * 1024 * 1024;

/** Moves a range-relative problem to its absolute line (its message starts `source:line:`). */
function shiftProblem(p: Problem, offset: number): Problem {
  if (p.line === undefined || offset === 0) return p;
  const line = p.line + offset;
  const prefix = `${p.source}:${p.line}:`;
  return { ...p, line, message: p.message.startsWith(prefix) ? `${p.source}:${line}:${p.message.slice(prefix.length)}` : p.message };
}

export interface PipelineOptions {
  evaluator: RuleEvaluator;
  rules: readonly LoadedRule[];
  gatewayTzMinutes?: number;
  peerTzMinutes: number;
  /** IANA zones (daylight saving followed per stamp) when the user named one instead of an offset. */
  gatewayZone?: string;
  peerZone?: string;
  /** The device zone was not given: it is this machine's, and the report must say so. */
  peerTzAssumed?: boolean;
  peerYear?: number;
  lang: Lang;
  explain: boolean;
  version: string;
  now: Date;
  dialects?: readonly Dialect[];
  /** Called after each document with bytes read so far (for progress displays). */
  onDocument?(source: string, bytes: number): void;
  /** Called every few batches while a log is read: bytes and lines read so far in this run. */
  onProgress?(progress: { bytes: number; lines: number }): void;
}

interface PendingSourceLog {
  acc: SubjectAccumulator;
  source: string;
  pointer: string;
  text: string;
}

/** Lines read without one in a known format before a log is given up on (~20 MB of syslog). */
export const GIVE_UP_LINES = 200_000;
/** Problems of a file found in a directory held back while it may still turn out to be no log. */
const HOLD_PROBLEMS = 5_000;

export class AnalysisRun {
  readonly problems = new ProblemList();
  readonly inputs: InputSummary[] = [];
  readonly stats: LineStats = { lines: 0, parsed: 0, unparsed: 0 };
  private readonly index = new SubjectIndex();
  private readonly pendingSourceLogs: PendingSourceLog[] = [];
  private firstCloudYear: number | undefined;
  private readonly assumptions = new Set<string>();
  /** Secret values the inputs carry (a `Psk` of an export): scrubbed from every string of the report. */
  private readonly secretValues = new Set<string>();
  private bytesRead = 0;
  private readonly dialects: readonly Dialect[];
  /** One memo of parsed tails per grammar for the whole run (ParseContext.memoScope). */
  private readonly memoScope = {};

  constructor(private readonly opts: PipelineOptions) {
    this.dialects = opts.dialects ?? createDialects();
  }

  private parser(source: string, onRecord: (r: LogRecord) => void, pointerFor?: (line: number) => string, mtimeMs?: number, onProblem?: (p: Problem) => void): LogParser {
    const gatewayTz = this.opts.gatewayTzMinutes ?? GATEWAY_TZ_MINUTES;
    return new LogParser({
      source,
      dialects: this.dialects,
      contextFor: (d) => {
        if (d.side === 'cloud') {
          this.assumptions.add(this.gatewayAssumption(gatewayTz));
          return { source, tzOffsetMinutes: gatewayTz, ...(this.opts.gatewayZone ? { zone: this.opts.gatewayZone } : {}), memoScope: this.memoScope };
        }
        const year = this.opts.peerYear ?? this.firstCloudYear ?? (mtimeMs ? new Date(mtimeMs).getUTCFullYear() : this.opts.now.getUTCFullYear());
        const zone = formatZone({ minutes: this.opts.peerTzMinutes, ...(this.opts.peerZone ? { name: this.opts.peerZone } : {}) });
        const yearFrom = this.opts.peerYear ? 'peer-year' : this.firstCloudYear ? 'gateway' : 'file-date';
        this.assumptions.add(peerZoneAssumption(this.opts.lang, zone, this.opts.peerTzAssumed === true, year, yearFrom));
        return { source, tzOffsetMinutes: this.opts.peerTzMinutes, ...(this.opts.peerZone ? { zone: this.opts.peerZone } : {}), year, memoScope: this.memoScope };
      },
      ...(pointerFor ? { pointerFor } : {}),
      // The subject index copies what it keeps (evidence references, timeline entries, counts).
      recordsAreCopied: true,
      onRecord: (r) => {
        if (r.side === 'cloud' && this.firstCloudYear === undefined && r.localTime) this.firstCloudYear = Number(r.localTime.slice(0, 4));
        onRecord(r);
      },
      onProblem: onProblem ?? ((p) => this.problems.add(p)),
    });
  }

  /**
   * Device events that line up with the gateway's only once shifted by whole quarter hours: the
   * device log was read in the wrong zone. Said once, with the zone that lines them up.
   */
  private checkDeviceClock(subjects: readonly Subject[]): void {
    for (const s of subjects) {
      const skew = deviceClockShift(s.timeline);
      if (!skew) continue;
      const suggested = formatZone({ minutes: this.opts.peerTzMinutes - skew.minutes });
      const readAs = this.opts.peerZone ?? formatZone({ minutes: this.opts.peerTzMinutes });
      this.assumptions.add(deviceClockWarning(this.opts.lang, skew.minutes, skew.matched, s.id, suggested, readAs));
      return;
    }
  }

  private gatewayAssumption(gatewayTz: number): string {
    const zone = formatZone({ minutes: gatewayTz, ...(this.opts.gatewayZone ? { name: this.opts.gatewayZone } : {}) });
    return gatewayZoneAssumption(this.opts.lang, zone, this.opts.gatewayTzMinutes === undefined);
  }

  private addStats(s: LineStats): void {
    this.stats.lines += s.lines;
    this.stats.parsed += s.parsed;
    this.stats.unparsed += s.unparsed;
  }

  private async readLines(doc: Extract<InputDocument, { type: 'lines' }>): Promise<void> {
    let records = 0;
    const before = this.problems.total;
    // A file found in a directory (not named by the user) has its problems held back until a line
    // in a known format shows it is a log. A README or notes file is then one "not an input,
    // skipped", not a problem per line.
    let held: Problem[] | undefined = doc.fromDirectory ? [] : undefined;
    const p = this.parser(
      doc.source,
      (r) => {
        records++;
        this.index.addRecord(r);
      },
      undefined,
      doc.mtimeMs,
      (problem) => (held ? held.push(problem) : this.problems.add(problem)),
    );
    let n = 0;
    let gaveUp = false;
    for await (const batch of doc.batches) {
      p.push(batch);
      // Held until a line in a known format shows it is a log, or until so many are held that it is
      // no README: then listed as for a file the user named.
      if (held && (p.dialectsSeen.size > 0 || held.length > HOLD_PROBLEMS)) {
        for (const h of held) this.problems.add(h);
        held = undefined;
      }
      if (this.opts.onProgress) {
        this.bytesRead += batchBytes(batch);
        if (++n % 32 === 0) this.opts.onProgress({ bytes: this.bytesRead, lines: this.stats.lines + p.stats.lines });
      }
      // A file that no grammar has claimed a line of by now is not a log of either end (a syslog
      // of everything still shows an IKE daemon well before this): stop instead of reading on.
      if (p.dialectsSeen.size === 0 && p.stats.lines >= GIVE_UP_LINES) {
        gaveUp = true;
        break;
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
    this.opts.onProgress?.({ bytes: this.bytesRead, lines: this.stats.lines });
    const seen = p.dialectsSeen;
    const kind: InputKind = seen.size === 0 ? 'unknown' : seen.size > 1 ? 'log' : seen.has('racoon2') ? 'gateway-log' : 'peer-log';
    if (seen.size === 0 && p.stats.lines > 0 && !gaveUp) {
      this.problems.add({ source: doc.source, code: 'E_INPUT_UNKNOWN', message: `${doc.source}: no line matches a known log format. Expected a gateway (racoon2) log, a strongSwan or Libreswan log, or an API export.` });
    }
    this.inputs.push({ source: doc.source, kind, records, problems: this.problems.total - before });
  }

  private readJson(doc: Extract<InputDocument, { type: 'json' }>): void {
    const before = this.problems.total;
    for (const p of doc.problems ?? []) this.problems.add(p);
    collectSecretValues(doc.value, this.secretValues);
    const api = readApiDocument(doc.value, doc.source);
    for (const p of api.problems) this.problems.add(p);
    for (const c of api.configs) this.index.addConfig(c);
    for (const d of api.diagnoses) {
      const acc = this.index.addDiagnosis(d);
      if (d.sourceLog) this.pendingSourceLogs.push({ acc, source: d.source, pointer: `${d.pointer}/SourceLog`, text: d.sourceLog });
    }
    for (const c of api.checks) this.index.addCheck(c);
    let records = api.diagnoses.length + api.checks.length + api.configs.length;
    for (const logs of api.logs) {
      const fallback = { ...(logs.vpnConnectionId ? { vpnConnectionId: logs.vpnConnectionId } : {}), ...(logs.tunnelId ? { tunnelId: logs.tunnelId } : {}) };
      const p = this.parser(doc.source, (r) => {
        records++;
        this.index.addRecord(r, fallback);
      }, (line) => `${logs.pointerBase}/${line - 1}`, doc.mtimeMs);
      p.push(logs.logs.map((text, i) => ({ line: i + 1, text: text.replace(/\r?\n$/, '') })));
      p.end();
      this.addStats(p.stats);
    }
    this.inputs.push({ source: doc.source, kind: api.kind, records, problems: this.problems.total - before });
  }

  /** Worker-thread reading is for big gateway logs: other inputs are read here, in order. */
  wantsParallel(doc: InputDocument, jobs: number, minBytes = PARALLEL_MIN_BYTES): doc is Extract<InputDocument, { type: 'lines' }> & { path: string } {
    if (jobs <= 1 || doc.type !== 'lines' || !doc.path || doc.bytes < minBytes) return false;
    const racoon2 = this.dialects.find((d) => d.name === 'racoon2');
    const firstStamped = (doc.head ?? '').split('\n').find((l) => /^\d{4}-\d\d-\d\d /.test(l));
    return !!racoon2 && !!firstStamped && racoon2.sniff(firstStamped);
  }

  /**
   * Reads big gateway logs on worker threads and merges the answers in file order with absolute
   * line numbers. Whole files are the tasks when there are at least as many files as workers
   * (cutting them would only add merging); with fewer files, and when `splitFiles`, each file is
   * cut into ranges that start on a record header so every worker has work.
   */
  async readParallel(docs: (Extract<InputDocument, { type: 'lines' }> & { path: string })[], jobs: number, splitFiles = true): Promise<void> {
    const { planRanges } = await import('./sources/files/ranges.js');
    const { runRangeTasks } = await import('./parallel/pool.js');
    const racoon2 = this.dialects.find((d) => d.name === 'racoon2')!;
    const gatewayTz = this.opts.gatewayTzMinutes ?? GATEWAY_TZ_MINUTES;
    this.assumptions.add(this.gatewayAssumption(gatewayTz));
    const cut = splitFiles && docs.length < jobs;
    const tasks: RangeTask[] = [];
    const owner: number[] = [];
    for (const [k, doc] of docs.entries()) {
      const parts = cut ? Math.max(1, Math.min(jobs * 2, Math.ceil(doc.bytes / RANGE_TARGET_BYTES))) : 1;
      for (const range of await planRanges(doc.path, doc.bytes, parts, (l) => racoon2.sniff(l))) {
        owner.push(k);
        tasks.push({
          id: tasks.length,
          path: doc.path,
          source: doc.source,
          range,
          gatewayTzMinutes: gatewayTz,
          peerTzMinutes: this.opts.peerTzMinutes,
          ...(this.opts.gatewayZone ? { gatewayZone: this.opts.gatewayZone } : {}),
          ...(this.opts.peerZone ? { peerZone: this.opts.peerZone } : {}),
          year: this.opts.peerYear ?? this.opts.now.getUTCFullYear(),
        });
      }
    }
    // In input order: this thread reads from the front, workers from the back (parallel/pool.ts).
    const results = await runRangeTasks(tasks, jobs, this.taskProgress(tasks.length), this.memoScope);
    for (const [k, doc] of docs.entries()) {
      let offset = 0;
      let records = 0;
      const before = this.problems.total;
      const seen = new Set<string>();
      results.forEach((r, i) => {
        if (owner[i] !== k) return;
        // A worker's adjacent tasks come merged, with the first of them.
        if (r.state) this.index.importState(r.state, doc.source, offset);
        for (const p of r.problems) this.problems.add(shiftProblem(p, offset));
        if (r.error) this.problems.add({ source: doc.source, code: 'E_INPUT_UNREADABLE', message: `${doc.source}: reading failed after line ${offset + r.stats.lines} (${r.error}).` });
        this.addStats(r.stats);
        offset += r.stats.lines;
        records += r.records;
        r.dialects.forEach((d) => seen.add(d));
      });
      const kind: InputKind = seen.size === 0 ? 'unknown' : seen.size > 1 ? 'log' : seen.has('racoon2') ? 'gateway-log' : 'peer-log';
      this.inputs.push({ source: doc.source, kind, records, problems: this.problems.total - before });
      this.opts.onDocument?.(doc.source, doc.bytes);
      this.bytesRead += doc.bytes;
    }
  }

  /** Progress of tasks read elsewhere, added to what this thread has read. */
  private taskProgress(n: number): ((p: RangeProgress) => void) | undefined {
    const report = this.opts.onProgress;
    if (!report) return undefined;
    const bytes = new Float64Array(n);
    const lines = new Float64Array(n);
    return (p) => {
      bytes[p.id] = p.bytes;
      lines[p.id] = p.lines;
      report({ bytes: this.bytesRead + bytes.reduce((a, b) => a + b, 0), lines: this.stats.lines + lines.reduce((a, b) => a + b, 0) });
    };
  }

  async read(doc: InputDocument): Promise<void> {
    if (doc.type === 'problem') {
      this.problems.add(doc.problem);
      this.inputs.push({ source: doc.source, kind: 'unknown', records: 0, problems: 1 });
      return;
    }
    if (doc.type === 'json') this.readJson(doc);
    else await this.readLines(doc);
    this.opts.onDocument?.(doc.source, doc.bytes);
  }

  /** SourceLog lines repeat a line of the exported logs: counted once. */
  private flushSourceLogs(): void {
    const inputOf = new Map(this.inputs.map((i) => [i.source, i]));
    for (const s of this.pendingSourceLogs) {
      const before = this.problems.total;
      const p = this.parser(s.source, (r) => {
        if (!s.acc.hasEventText(r.text)) s.acc.add(r);
      }, () => s.pointer);
      p.push([{ line: 1, text: s.text }]);
      p.end();
      this.addStats(p.stats);
      // Read after their input was summed up: their problems are still that input's.
      const input = inputOf.get(s.source);
      if (input) input.problems += this.problems.total - before;
    }
    this.pendingSourceLogs.length = 0;
  }

  private statusOf(subject: Subject, acc: SubjectAccumulator, established: boolean): SubjectStatus {
    const top = subject.findings.filter((f) => f.severity !== 'info');
    if (top.some((f) => f.severity === 'critical' || f.severity === 'high')) return 'failing';
    if (top.length > 0) return 'degraded';
    const checksNormal = acc.checks.size > 0 && [...acc.checks.values()].every((c) => c.level === 'normal');
    const apiNormal = acc.diagnoses.length > 0 && acc.diagnoses.every((d) => !d.failedReasonCode || d.severity === 'Normal');
    return established || checksNormal || apiNormal ? 'healthy' : 'unknown';
  }

  async finish(durationMs: () => number): Promise<Report> {
    this.flushSourceLogs();
    const subjects: Subject[] = [];
    const accumulators: (SubjectAccumulator | undefined)[] = this.index.finish();
    for (let i = 0; i < accumulators.length; i++) {
      const acc = accumulators[i]!;
      // Dropped as soon as its subject is built: the evidence it holds is quoted by now.
      accumulators[i] = undefined;
      const facts = computeFacts(acc);
      const matches = await this.opts.evaluator.evaluate(facts);
      const built = matches.map((m) => ({ finding: buildFinding(m, facts, this.opts.lang, this.opts.explain), suppresses: m.loaded.rule.suppresses }));
      const findings = mergeSameCause(rankFindings(built));
      noteOverruledCode(findings, this.opts.lang);
      const subject: Subject = {
        id: acc.id,
        vpnConnectionId: acc.vpnConnectionId,
        tunnelId: acc.tunnelId,
        vpnGatewayId: acc.vpnGatewayId,
        status: 'unknown',
        findings,
        timeline: acc.timeline.entries(),
      };
      if (acc.timeline.folded > 0) subject.timelineFolded = acc.timeline.folded;
      const cloudIp = SubjectAccumulator.top(acc.gatewayIps);
      const peerIp = SubjectAccumulator.top(acc.deviceIps);
      if (cloudIp || peerIp) subject.endpoints = { ...(cloudIp ? { cloud: cloudIp } : {}), ...(peerIp ? { peer: peerIp } : {}) };
      subject.status = this.statusOf(subject, acc, facts.values['phase2Established'] === true && facts.values['establishedAfterLastFailure'] === true);
      subjects.push(subject);
    }
    for (const [id, why] of this.opts.evaluator.failed) {
      const file = this.opts.rules.find((r) => r.rule.id === id)?.file ?? id;
      this.problems.add({ source: file, code: 'E_RULE_RUNTIME', message: locate(file, 1, `rule "${id}" could not run (${why}) and was left out`, 'Check it with `ipsec-doctor rules test`.') });
    }
    this.checkDeviceClock(subjects);
    subjects.sort((a, b) => compareText(a.id, b.id));
    const report: Report = {
      schemaVersion: 1,
      tool: { name: 'ipsec-doctor', version: this.opts.version },
      generatedAt: this.opts.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      inputs: this.inputs,
      subjects,
      problems: this.problems.list(),
      stats: { lines: this.stats.lines, parsed: this.stats.parsed, unparsed: this.stats.unparsed, subjects: subjects.length, durationMs: Math.round(durationMs()) },
    };
    if (this.assumptions.size > 0) report.assumptions = [...this.assumptions];
    return scrubReport(report, this.secretValues);
  }
}

/**
 * Evidence beats labels: when the top finding is not the one Alibaba's FailedReasonCode maps to,
 * say so in its summary so the reader sees both.
 */
function noteOverruledCode(findings: Finding[], lang: Lang): void {
  const top = findings[0];
  const api = findings.find((f) => f.ruleId.startsWith('api-') || f.related?.some((r) => r.startsWith('api-')));
  if (!top || !api || api === top || api.cause === top.cause) return;
  const code = /^FailedReasonCode (\w+)/.exec(api.evidence.find((e) => e.pointer?.endsWith('/FailedReasonCode'))?.text ?? '')?.[1] ?? api.ruleId;
  top.summary +=
    lang === 'zh'
      ? ` 阿里云诊断返回 ${code}（指向 ${api.cause}），但上述证据更具体，排名更高。`
      : ` Alibaba's diagnosis reported ${code}, which points to ${api.cause}; the evidence here is more specific and ranks higher.`;
}
