// A worker's adjacent tasks, read from the back of the input and merged in the worker
// (src/parallel/worker-runs.ts), must give the subjects the main thread would get by importing
// each task in input order: same evidence lines, timeline and counts, across range and file
// boundaries.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planRanges } from '../../src/sources/files/ranges.js';
import { readRange } from '../../src/parallel/read-range.js';
import { WorkerRuns } from '../../src/parallel/worker-runs.js';
import { SubjectIndex } from '../../src/facts/correlate.js';
import { racoon2Dialect } from '../../grammars/racoon2/index.js';
import type { RangeResult, RangeTask } from '../../src/parallel/range-task.js';

function gatewayLog(name: string, rounds: number): string {
  const cases = ['r2-pfs_mismatch_v1-L', 'r2-psk_mismatch_v1_b_init-L', 'r2-baseline_v1-L'];
  const logs = cases.map((c) => readFileSync(new URL(`../fixtures/lab/${c}/input/gateway.log`, import.meta.url), 'utf8'));
  const out: string[] = [];
  for (let round = 0; round < rounds; round++) logs.forEach((log, k) => out.push(log.replace(/vco-[a-z0-9]+/g, `vco-bp1runs${(round + k) % 3}`)));
  const file = join(mkdtempSync(join(tmpdir(), 'ipsec-doctor-runs-')), name);
  writeFileSync(file, out.join(''));
  return file;
}

async function tasksOf(files: string[], parts: number): Promise<RangeTask[]> {
  const tasks: RangeTask[] = [];
  for (const path of files) {
    for (const range of await planRanges(path, statSync(path).size, parts, (l) => racoon2Dialect.sniff(l))) {
      tasks.push({ id: tasks.length, path, source: path, range, contexts: { cloud: { tz: { minutes: 480 } }, peer: { tz: { minutes: 0 }, year: 2026 } } });
    }
  }
  return tasks;
}

/** Subjects as comparable data (Maps and Sets as entry lists). */
function plain(index: SubjectIndex): string {
  return JSON.stringify(index.exportState(), (_k, v: unknown) => (v instanceof Map ? [...v.entries()] : v instanceof Set ? [...v] : v));
}

/** Imports results in input order, each at its file's line offset, as the pipeline does. */
function imported(tasks: RangeTask[], results: RangeResult[]): SubjectIndex {
  const index = new SubjectIndex();
  const offsets = new Map<string, number>();
  results.forEach((r, i) => {
    const source = tasks[i]!.source;
    const offset = offsets.get(source) ?? 0;
    if (r.state) index.importState(r.state, source, offset);
    offsets.set(source, offset + r.stats.lines);
  });
  return index;
}

describe('worker runs', () => {
  it('merge adjacent tasks read backwards into what importing them in order gives', async () => {
    const files = [gatewayLog('a.log', 6), gatewayLog('b.log', 5)];
    const tasks = await tasksOf(files, 3);
    expect(tasks.length).toBeGreaterThanOrEqual(5);
    const read = async (): Promise<RangeResult[]> => Promise.all(tasks.map((t) => readRange(t)));
    const expected = plain(imported(tasks, await read()));

    // The main thread read the first task; one worker read every other task, last first.
    const results = await read();
    const runs = new WorkerRuns();
    for (let i = tasks.length - 1; i >= 1; i--) {
      runs.add(tasks[i]!, results[i]!);
      delete results[i]!.state;
    }
    const merged = runs.finish();
    expect(merged.map((r) => r.first)).toEqual([1]);
    results[1]!.state = merged[0]!.state;
    expect(plain(imported(tasks, results))).toBe(expected);
  }, 60_000);

  it('keeps tasks that are not adjacent apart', async () => {
    const tasks = await tasksOf([gatewayLog('c.log', 6)], 4);
    expect(tasks.length).toBe(4);
    // Importing moves line numbers in place: each side reads its own copy.
    const expected = plain(imported(tasks, await Promise.all(tasks.map((t) => readRange(t)))));
    const results = await Promise.all(tasks.map((t) => readRange(t)));
    // A worker that got tasks 3 and 1 (another read 2): two runs.
    const runs = new WorkerRuns();
    for (const i of [3, 1]) runs.add(tasks[i]!, results[i]!);
    const merged = runs.finish();
    expect(merged.map((r) => r.first)).toEqual([3, 1]);
    const back = results.map((r, i) => ({ ...r, state: i === 0 || i === 2 ? r.state : merged.find((m) => m.first === i)?.state }));
    expect(plain(imported(tasks, back))).toBe(expected);
  }, 60_000);
});
