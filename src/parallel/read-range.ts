// Reads one byte range of a log into subjects: the same line parser and subject index as a
// serial run, so a worker's answer merges into the main run unchanged.
import { readLineBatches } from '../sources/files/line-reader.js';
import { openRange } from '../sources/files/ranges.js';
import { LogParser } from '../parse/log-parser.js';
import { createDialects } from '../parse/registry.js';
import { SubjectIndex } from '../facts/correlate.js';
import type { Problem } from '../types.js';
import type { RangeResult, RangeTask } from './range-task.js';

export async function readRange(task: RangeTask): Promise<RangeResult> {
  const index = new SubjectIndex();
  const problems: Problem[] = [];
  const dialects = createDialects();
  let records = 0;
  const parser = new LogParser({
    source: task.source,
    dialects,
    contextFor: (d) => ({ source: task.source, tzOffsetMinutes: d.side === 'cloud' ? task.gatewayTzMinutes : task.peerTzMinutes, year: task.year }),
    onRecord: (r) => {
      records++;
      index.addRecord(r);
    },
    onProblem: (p) => problems.push(p),
  });
  try {
    for await (const batch of readLineBatches(openRange(task.path, task.range))) parser.push(batch);
    parser.end();
  } catch (e) {
    return { id: task.id, state: { cloud: [], peer: [] }, problems, stats: parser.stats, records, dialects: [...parser.dialectsSeen], error: (e as Error).message };
  }
  return { id: task.id, state: index.exportState(), problems, stats: parser.stats, records, dialects: [...parser.dialectsSeen] };
}
