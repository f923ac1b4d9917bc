// Runs range tasks on worker threads (at most `jobs`), handing each idle worker the next task.
// Falls back to reading in this thread when no compiled worker script is available (the test
// runner executes TypeScript sources, which a worker thread cannot load).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../sources/files/rule-files.js';
import { readRange } from './read-range.js';
import type { RangeResult, RangeTask } from './range-task.js';

function workerScript(): URL | undefined {
  const here = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  const built = join(packageRoot(), 'dist', 'src', 'parallel', 'worker.js');
  return existsSync(built) ? pathToFileURL(built) : undefined;
}

export async function runRangeTasks(tasks: readonly RangeTask[], jobs: number): Promise<RangeResult[]> {
  const script = workerScript();
  const n = Math.min(jobs, tasks.length);
  if (!script || n <= 1) {
    const out: RangeResult[] = [];
    for (const t of tasks) out.push(await readRange(t));
    return out;
  }
  const results = new Array<RangeResult>(tasks.length);
  let next = 0;
  const run = (worker: Worker): Promise<void> =>
    new Promise((resolve, reject) => {
      const feed = (): void => {
        if (next >= tasks.length) return resolve();
        const i = next++;
        worker.once('message', (r: RangeResult) => {
          results[i] = r;
          feed();
        });
        worker.postMessage(tasks[i]);
      };
      worker.once('error', reject);
      feed();
    });
  // The parse allocates many short-lived objects: a larger young generation than a worker's
  // default halves the time spent in scavenges (measured: 2.3 s → 1.8 s per 500 k lines).
  const workers = Array.from({ length: n }, () => new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: 48 } }));
  try {
    await Promise.all(workers.map(run));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
