// Runs range tasks on `jobs` threads — this one and `jobs − 1` workers — handing each idle thread
// the next task from its end of the input and passing the workers' progress messages on. Reads
// everything in this thread when no compiled worker script is available.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deserialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../package-root.js';
import { readRange } from './read-range.js';
import type { RangeProgress, RangeResult, RangeTask, WorkerMessage, WorkerRequest, WorkerRun } from './range-task.js';

function workerScript(): URL | undefined {
  const here = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  const built = join(packageRoot(), 'dist', 'src', 'parallel', 'worker.js');
  return existsSync(built) ? pathToFileURL(built) : undefined;
}

/**
 * Reads `tasks` (in input order, ids as their positions) on `jobs` threads. This thread takes
 * tasks from the front of the input, the workers from the back, so each worker reads adjacent
 * tasks and returns their subjects merged (`RangeResult.state` on the first of each run), and
 * whoever is faster takes more. Results come back in input order. Tasks read in this thread share
 * `memoScope` (ParseContext.memoScope); each worker has its own.
 */
export async function runRangeTasks(tasks: readonly RangeTask[], jobs: number, onProgress?: (p: RangeProgress) => void, memoScope?: object): Promise<RangeResult[]> {
  const script = workerScript();
  const n = Math.min(jobs, tasks.length);
  if (!script || n <= 1) {
    const out: RangeResult[] = [];
    for (const t of tasks) out.push(await readRange(t, onProgress, memoScope));
    return out;
  }
  const results = new Array<RangeResult>(tasks.length);
  let front = 0;
  let back = tasks.length - 1;
  const run = (worker: Worker): Promise<void> =>
    new Promise((resolve, reject) => {
      const feed = (): void => {
        worker.postMessage(front > back ? ({ kind: 'finish' } satisfies WorkerRequest) : ({ kind: 'task', task: tasks[back--]! } satisfies WorkerRequest));
      };
      worker.on('message', (m: WorkerMessage) => {
        if (m.kind === 'progress') return onProgress?.(m.progress);
        if (m.kind === 'done') {
          results[m.result.id] = m.result;
          return feed();
        }
        for (const r of deserialize(m.bytes) as WorkerRun[]) results[r.first]!.state = r.state;
        resolve();
      });
      worker.once('error', reject);
      feed();
    });
  // This thread reads too, so `jobs` threads run with one isolate fewer (its heap is most of a
  // worker's memory).
  const inThread = async (): Promise<void> => {
    while (front <= back) {
      const i = front++;
      results[i] = await readRange(tasks[i]!, onProgress, memoScope);
    }
  };
  const workers = Array.from({ length: n - 1 }, () => new Worker(script));
  try {
    await Promise.all([...workers.map(run), inThread()]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
