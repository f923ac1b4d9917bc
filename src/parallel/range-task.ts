// What a worker thread is asked to do and what it answers: read byte ranges of gateway logs into
// subjects, reporting its progress on the way. Shared by the worker and the main thread.
import type { Problem, Side } from '../types.js';
import type { SideContext } from '../run/read-policy.js';
import type { ByteRange } from '../sources/files/ranges.js';
import type { LineStats } from '../parse/log-parser.js';
import type { SubjectState } from '../facts/correlate.js';

export interface RangeTask {
  /** The task's place in the input: tasks of consecutive ids are adjacent ranges or files. */
  id: number;
  path: string;
  source: string;
  range: ByteRange;
  /** How each side's stamps are read: the run's read policy, decided before any task started. */
  contexts: Record<Side, SideContext>;
}

export interface RangeResult {
  id: number;
  /**
   * Subjects read, with line numbers relative to the range. A worker merges the tasks it read one
   * after the other in the input into one state, given with the first of them (`WorkerRun`); the
   * others come without.
   */
  state?: SubjectState;
  /** Problems with line numbers relative to the range. */
  problems: Problem[];
  stats: LineStats;
  records: number;
  dialects: string[];
  error?: string;
}

/** Subjects of adjacent tasks a worker read, merged in input order, lines relative to `first`'s range. */
export interface WorkerRun {
  first: number;
  state: SubjectState;
}

/** How far a task has read: bytes of its range and lines, so far. */
export interface RangeProgress {
  id: number;
  bytes: number;
  lines: number;
}

/** The main thread's requests: a task, or — when none is left — the worker's merged subjects. */
export type WorkerRequest = { kind: 'task'; task: RangeTask } | { kind: 'finish' };

/**
 * A worker's messages: progress while it reads, each task's outcome without its subjects, and at
 * the end its runs, serialised (v8).
 */
export type WorkerMessage = { kind: 'progress'; progress: RangeProgress } | { kind: 'done'; result: RangeResult } | { kind: 'runs'; bytes: Uint8Array };
