// Runs range tasks on `jobs` threads — this one and `jobs − 1` workers — handing each idle thread the
// next task and passing the workers' progress messages on. Reads everything in this thread when no
// compiled worker script is available (the test runner executes TypeScript sources, which a worker
// cannot load).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deserialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../sources/files/rule-files.js';
import { readRange } from './read-range.js';
import type { RangeProgress, RangeResult, RangeTask, WorkerMessage } from './range-task.js';

function workerScript(): URL | undefined {
  const here = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  const built = join(packageRoot(), 'dist', 'src', 'parallel', 'worker.js');
  return existsSync(built) ? pathToFileURL(built) : undefined;
}

export async function runRangeTasks(tasks: readonly RangeTask[], jobs: number, onProgress?: (p: RangeProgress) => void): Promise<RangeResult[]> {
  const script = workerScript();
  const n = Math.min(jobs, tasks.length);
  if (!script || n <= 1) {
    const out: RangeResult[] = [];
    for (const t of tasks) out.push(await readRange(t, onProgress));
    return out;
  }
  const results = new Array<RangeResult>(tasks.length);
  const serialised = new Array<Uint8Array | undefined>(tasks.length);
  // A worker's answer is read back only once this thread has no task left: while it reads, its
  // heap stays small (and its collector quick); after, it would only wait for the workers.
  let idle = false;
  const revive = (i: number): void => {
    const bytes = serialised[i];
    if (!bytes) return;
    serialised[i] = undefined;
    results[i] = deserialize(bytes) as RangeResult;
  };
  let next = 0;
  const run = (worker: Worker): Promise<void> =>
    new Promise((resolve, reject) => {
      let current = -1;
      const feed = (): void => {
        if (next >= tasks.length) return resolve();
        current = next++;
        worker.postMessage(tasks[current]);
      };
      worker.on('message', (m: WorkerMessage) => {
        if (m.kind === 'progress') return onProgress?.(m.progress);
        serialised[current] = m.bytes;
        if (idle) revive(current);
        feed();
      });
      worker.once('error', reject);
      feed();
    });
  // This thread reads too, so `jobs` threads run with one isolate fewer (its heap is most of a
  // worker's memory): it takes the next task whenever it finishes one, like a worker.
  const inThread = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await readRange(tasks[i]!, onProgress);
    }
    idle = true;
    for (let i = 0; i < tasks.length; i++) revive(i);
  };
  const workers = Array.from({ length: n - 1 }, () => new Worker(script));
  try {
    await Promise.all([...workers.map(run), inThread()]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  for (let i = 0; i < tasks.length; i++) revive(i);
  return results;
}
