// The thread scheduler: which inputs are read on worker threads, how they are cut into ranges,
// and how the threads' answers merge back into the run in input order with absolute line
// numbers. Inputs are always taken in their order whatever the thread count: what a subject keeps
// first and last depends on it.
import type { Problem } from '../types.js';
import type { InputDocument } from '../sources/files/read-inputs.js';
import type { RangeProgress, RangeTask } from '../parallel/range-task.js';
import type { Ingest } from './ingest.js';
import { inputKind } from './ingest.js';
import type { RunSettings } from './settings.js';

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

/** The connection or tunnel id a gateway header line names after its stamp (`2026-… 10:00:00 vco-…`). */
function gatewaySubjectOf(line: string): string | undefined {
  return /^\S+ \S+ ((?:vco|tun)-[A-Za-z0-9]+)/.exec(line)?.[1];
}

type ThreadDoc = Extract<InputDocument, { type: 'lines' }> & { path: string };

/** Moves a range-relative problem to its absolute line (its message starts `source:line:`). */
function shiftProblem(p: Problem, offset: number): Problem {
  if (p.line === undefined || offset === 0) return p;
  const line = p.line + offset;
  const prefix = `${p.source}:${p.line}:`;
  return { ...p, line, message: p.message.startsWith(prefix) ? `${p.source}:${line}:${p.message.slice(prefix.length)}` : p.message };
}

export class Scheduler {
  private readonly pending: ThreadDoc[] = [];

  constructor(
    private readonly ingest: Ingest,
    private readonly settings: RunSettings,
    private readonly onWorkerThreads?: (threads: number) => void,
  ) {}

  /** Worker threads are for big plain gateway logs; everything else is read here, in order. */
  private forThreads(doc: InputDocument): doc is ThreadDoc {
    const { jobs, jobsAuto } = this.settings;
    // Log lines an API export repeats are found as the log is read (facts/input-overlap.ts): here.
    if (this.ingest.index.countsRepeats) return false;
    if (jobs <= 1 || doc.type !== 'lines' || !doc.path || doc.bytes < (jobsAuto ? AUTO_PARALLEL_MIN_BYTES : PARALLEL_MIN_BYTES)) return false;
    const racoon2 = this.ingest.dialects.find((d) => d.name === 'racoon2');
    const firstStamped = (doc.head ?? '').split('\n').find((l) => /^\d{4}-\d\d-\d\d /.test(l));
    return !!racoon2 && !!firstStamped && racoon2.sniff(firstStamped);
  }

  /** Takes the next input: big logs in a row wait to be read together; anything else first lets them go. */
  async take(doc: InputDocument): Promise<void> {
    if (this.forThreads(doc)) {
      this.pending.push(doc);
      return;
    }
    await this.flush();
    await this.ingest.read(doc);
  }

  async flush(): Promise<void> {
    const docs = this.pending.splice(0);
    if (docs.length === 0) return;
    // `auto` reads a lone big file in this thread: cutting one file gained little and doubled RSS.
    if (this.settings.jobsAuto && docs.length === 1) return this.ingest.read(docs[0]!);
    this.onWorkerThreads?.(this.settings.jobs);
    await this.readOnThreads(docs, !this.settings.jobsAuto);
  }

  /**
   * Whole files are the tasks when there are at least as many files as threads; with fewer files,
   * and when `splitFiles`, each file is cut into ranges that start on a record header.
   */
  private async readOnThreads(docs: ThreadDoc[], splitFiles: boolean): Promise<void> {
    const { planRanges } = await import('../sources/files/ranges.js');
    const { runRangeTasks } = await import('../parallel/pool.js');
    const ingest = this.ingest;
    const jobs = this.settings.jobs;
    const racoon2 = ingest.dialects.find((d) => d.name === 'racoon2')!;
    const cut = splitFiles && docs.length < jobs;
    const tasks: RangeTask[] = [];
    const owner: number[] = [];
    for (const [k, doc] of docs.entries()) {
      const parts = cut ? Math.max(1, Math.min(jobs * 2, Math.ceil(doc.bytes / RANGE_TARGET_BYTES))) : 1;
      const contexts = { cloud: ingest.policy.side('cloud', doc.mtimeMs), peer: ingest.policy.side('peer', doc.mtimeMs) };
      for (const range of await planRanges(doc.path, doc.bytes, parts, (l) => racoon2.sniff(l), gatewaySubjectOf)) {
        owner.push(k);
        tasks.push({ id: tasks.length, path: doc.path, source: doc.source, range, contexts });
      }
    }
    // In input order: this thread reads from the front, workers from the back (parallel/pool.ts).
    const results = await runRangeTasks(tasks, jobs, this.taskProgress(tasks.length), ingest.memoScope);
    const sideOf = new Map(ingest.dialects.map((d) => [d.name, d.side]));
    for (const [k, doc] of docs.entries()) {
      let offset = 0;
      let records = 0;
      const before = ingest.problems.total;
      const seen = new Set<string>();
      results.forEach((r, i) => {
        if (owner[i] !== k) return;
        // A worker's adjacent tasks come merged, with the first of them.
        if (r.state) ingest.index.importState(r.state, doc.source, offset);
        for (const p of r.problems) ingest.problems.add(shiftProblem(p, offset));
        if (r.error) ingest.problems.add({ source: doc.source, code: 'E_INPUT_UNREADABLE', message: `${doc.source}: reading failed after line ${offset + r.stats.lines} (${r.error}).` });
        ingest.addStats(r.stats);
        offset += r.stats.lines;
        records += r.records;
        // What each side was read with is said as a serial read says it: in the order the sides appear.
        for (const d of r.dialects) {
          const side = sideOf.get(d);
          if (side) ingest.policy.note(side, doc.mtimeMs);
          seen.add(d);
        }
      });
      ingest.inputs.push({ source: doc.source, kind: inputKind(seen), records, problems: ingest.problems.total - before });
      await ingest.judgeSeals();
      ingest.documentRead(doc.source, doc.bytes);
      ingest.bytesRead += doc.bytes;
    }
  }

  /** Progress of tasks read elsewhere, added to what this thread has read. */
  private taskProgress(n: number): ((p: RangeProgress) => void) | undefined {
    if (!this.ingest.reportsProgress) return undefined;
    const bytes = new Float64Array(n);
    const lines = new Float64Array(n);
    return (p) => {
      bytes[p.id] = p.bytes;
      lines[p.id] = p.lines;
      this.ingest.progress(
        bytes.reduce((a, b) => a + b, 0),
        lines.reduce((a, b) => a + b, 0),
      );
    };
  }
}
