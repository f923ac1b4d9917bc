// Reads one byte range of a log into subjects: the same line parser and subject index as a
// serial run, so a worker's answer merges into the main run unchanged.
import { batchBytes, readLines } from '../sources/files/line-reader.js';
import { openRange } from '../sources/files/ranges.js';
import { LogParser } from '../parse/log-parser.js';
import { createDialects } from '../parse/registry.js';
import { SubjectIndex } from '../facts/correlate.js';
import type { Problem } from '../types.js';
import type { RangeProgress, RangeResult, RangeTask } from './range-task.js';

/** Bytes read between two progress reports. */
const PROGRESS_EVERY_BYTES = 1 << 20;

/** `memoScope`: tasks read by one thread share their grammars' memory of parsed tails. */
export async function readRange(task: RangeTask, onProgress?: (p: RangeProgress) => void, memoScope?: object): Promise<RangeResult> {
  const index = new SubjectIndex({ rangePiece: true });
  const problems: Problem[] = [];
  const dialects = createDialects();
  let records = 0;
  const parser = new LogParser({
    source: task.source,
    dialects,
    // The contexts the main thread's read policy gave: a range reads as the whole file would.
    contextFor: (d) => ({ source: task.source, ...task.contexts[d.side], ...(memoScope ? { memoScope } : {}) }),
    recordsAreCopied: true,
    onRecord: (r) => {
      records++;
      index.addRecord(r);
    },
    onProblem: (p) => problems.push(p),
  });
  try {
    let bytes = 0;
    let reported = 0;
    for await (const batch of readLines(openRange(task.path, task.range))) {
      parser.push(batch);
      if (onProgress) {
        bytes += batchBytes(batch);
        if (bytes - reported >= PROGRESS_EVERY_BYTES) {
          reported = bytes;
          onProgress({ id: task.id, bytes, lines: parser.stats.lines });
        }
      }
    }
    parser.end();
    // Counted in characters on the way (cheap); the range's exact size once it is all read.
    onProgress?.({ id: task.id, bytes: task.range.end - task.range.start, lines: parser.stats.lines });
  } catch (e) {
    return { id: task.id, state: { cloud: [], peer: [] }, problems, stats: parser.stats, records, dialects: [...parser.dialectsSeen], error: (e as Error).message };
  }
  return { id: task.id, state: index.exportState(), problems, stats: parser.stats, records, dialects: [...parser.dialectsSeen] };
}
