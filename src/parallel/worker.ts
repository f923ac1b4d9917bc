// Worker-thread entry: reads range tasks one at a time (progress messages on the way), answers
// each with its outcome, and keeps the subjects (merged: worker-runs.ts) until asked for them.
import { serialize } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { readRange } from './read-range.js';
import { WorkerRuns } from './worker-runs.js';
import type { WorkerMessage, WorkerRequest } from './range-task.js';

const post = (m: WorkerMessage): void => parentPort?.postMessage(m);
const runs = new WorkerRuns();
// The worker lives for one run: its tasks share one memory of parsed tails.
const memoScope = {};

parentPort?.on('message', (m: WorkerRequest) => {
  if (m.kind === 'finish') {
    // Serialised here and handed over without a copy.
    const bytes = serialize(runs.finish());
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    parentPort?.postMessage({ kind: 'runs', bytes } satisfies WorkerMessage, own ? [bytes.buffer as ArrayBuffer] : []);
    return;
  }
  const task = m.task;
  void readRange(task, (progress) => post({ kind: 'progress', progress }), memoScope).then((result) => {
    runs.add(task, result);
    const { state: _state, ...outcome } = result;
    post({ kind: 'done', result: outcome });
  });
});
