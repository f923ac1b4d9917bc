// Worker-thread entry: answers range tasks one at a time, with progress messages on the way.
import { parentPort } from 'node:worker_threads';
import { readRange } from './read-range.js';
import type { RangeTask, WorkerMessage } from './range-task.js';

const post = (m: WorkerMessage): void => parentPort?.postMessage(m);

parentPort?.on('message', (task: RangeTask) => {
  void readRange(task, (progress) => post({ kind: 'progress', progress })).then((result) => post({ kind: 'result', result }));
});
