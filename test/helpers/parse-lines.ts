// Parses text through the line parser with the given dialects and collects records and problems.
import { LogParser } from '../../src/parse/log-parser.js';
import { DIALECTS } from '../../src/parse/registry.js';
import type { Dialect } from '../../src/parse/dialect.js';
import type { LogRecord, Problem } from '../../src/types.js';

export function parseText(text: string, dialects: readonly Dialect[] = DIALECTS, opts: { reuseParses?: boolean } = {}): { records: LogRecord[]; problems: Problem[]; stats: LogParser['stats'] } {
  const records: LogRecord[] = [];
  const problems: Problem[] = [];
  const p = new LogParser({
    source: 'test.log',
    dialects,
    contextFor: (d) => ({ source: 'test.log', tz: { minutes: d.side === 'cloud' ? 480 : 0 }, year: 2026, ...opts }),
    onRecord: (r) => records.push(r),
    onProblem: (x) => problems.push(x),
  });
  p.push(text.split('\n').map((t, i) => ({ line: i + 1, text: t })));
  p.end();
  return { records, problems, stats: p.stats };
}
