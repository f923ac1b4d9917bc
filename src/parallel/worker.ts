// Worker-thread entry: answers range tasks one at a time, with progress messages on the way.
import { serialize } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { readRange } from './read-range.js';
import type { RangeTask, WorkerMessage } from './range-task.js';

const post = (m: WorkerMessage): void => parentPort?.postMessage(m);

parentPort?.on('message', (task: RangeTask) => {
  void readRange(task, (progress) => post({ kind: 'progress', progress })).then((result) => {
    // Serialised here and handed over without a copy: the main thread reads it back only after
    // every task is done, so its heap stays small (and its collector quick) while it reads too.
    const bytes = serialize(result);
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    parentPort?.postMessage({ kind: 'result', id: result.id, bytes } satisfies WorkerMessage, own ? [bytes.buffer as ArrayBuffer] : []);
  });
});
