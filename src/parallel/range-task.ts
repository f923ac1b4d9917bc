// What a worker thread is asked to do and what it answers: read one byte range of a gateway log
// into subjects, reporting its progress on the way. Shared by the worker and the main thread.
import type { Problem } from '../types.js';
import type { ByteRange } from '../sources/files/ranges.js';
import type { LineStats } from '../parse/log-parser.js';
import type { SubjectAccumulator } from '../facts/subject.js';

export interface RangeTask {
  id: number;
  path: string;
  source: string;
  range: ByteRange;
  gatewayTzMinutes: number;
  peerTzMinutes: number;
  year: number;
}

export interface RangeResult {
  id: number;
  /** Subjects as structured clones (revived by the main thread). */
  state: { cloud: [string, SubjectAccumulator][]; peer: [string, SubjectAccumulator][] };
  /** Problems with line numbers relative to the range. */
  problems: Problem[];
  stats: LineStats;
  records: number;
  dialects: string[];
  error?: string;
}

/** How far a task has read: bytes of its range and lines, so far. */
export interface RangeProgress {
  id: number;
  bytes: number;
  lines: number;
}

/** A worker's messages: progress while it reads, then the result of the task, serialised (v8). */
export type WorkerMessage = { kind: 'progress'; progress: RangeProgress } | { kind: 'result'; id: number; bytes: Uint8Array };
