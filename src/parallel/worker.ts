// Worker-thread entry: answers range tasks one at a time.
import { parentPort } from 'node:worker_threads';
import { readRange } from './read-range.js';
import type { RangeTask } from './range-task.js';

parentPort?.on('message', (task: RangeTask) => {
  void readRange(task).then((result) => parentPort?.postMessage(result));
});
