// A worker's subjects, kept as few merged states as the input order allows. The pool hands a
// worker tasks from the end of the input backwards, so each task it reads is usually the one just
// before its current run: the two are merged here, in input order, and the main thread receives
// and revives one state per worker instead of one per task (each ~17 MB for 200 subjects).
import { SubjectIndex, type SubjectState } from '../facts/correlate.js';
import type { RangeResult, RangeTask, WorkerRun } from './range-task.js';

interface OpenRun extends WorkerRun {
  /** The source of the run's first task: only its line numbers continue from an earlier task. */
  source: string;
}

export class WorkerRuns {
  private readonly closed: WorkerRun[] = [];
  private open: OpenRun | undefined;

  /** Takes a task's subjects; `result.state` is handed over (the caller sends the rest on). */
  add(task: RangeTask, result: RangeResult): void {
    const state: SubjectState = result.state ?? { cloud: [], peer: [] };
    const run = this.open;
    if (run && task.id === run.first - 1) {
      // This task precedes the run: the run's lines of the same source continue after it.
      const merged = new SubjectIndex();
      merged.importState(state, task.source, 0);
      merged.importState(run.state, run.source, run.source === task.source ? result.stats.lines : 0);
      this.open = { first: task.id, source: task.source, state: merged.exportState() };
      return;
    }
    if (run) this.closed.push({ first: run.first, state: run.state });
    this.open = { first: task.id, source: task.source, state };
  }

  /** Every run, the open one included. */
  finish(): WorkerRun[] {
    const runs = [...this.closed];
    if (this.open) runs.push({ first: this.open.first, state: this.open.state });
    this.closed.length = 0;
    this.open = undefined;
    return runs;
  }
}
