// facts/input-overlap.ts: an API export's line that a log file gave for the same subject is counted
// once — by its text, as many times as the file gave it; anything the file lacks is read.
import { describe, expect, it } from 'vitest';
import { InputOverlap } from '../../src/facts/input-overlap.js';
import type { LogRecord } from '../../src/types.js';

const rec = (source: string, text: string, pointer?: string): LogRecord =>
  ({ source, line: 1, endLine: 1, side: 'cloud', dialect: 'racoon2', text, message: text, level: 'info', continuationLines: 0, ...(pointer ? { pointer } : {}) }) as LogRecord;
const file = (text: string): LogRecord => rec('gateway.log', text);
const api = (text: string): LogRecord => rec('logs.json', text, '/Data/Logs/0');

describe('InputOverlap', () => {
  it("an export's line the file gave is a repeat; one it lacks is read", () => {
    const o = new InputOverlap();
    for (const t of ['10:00:00 a', '10:00:05 b', '10:00:10 c']) expect(o.repeated('vco-1', file(t))).toBe(false);
    expect(o.repeated('vco-1', api('10:00:05 b'))).toBe(true);
    expect(o.repeated('vco-1', api('10:00:07 not in the file'))).toBe(false);
    expect(o.repeated('vco-1', api('10:00:11 later'))).toBe(false);
    expect([...o.repeats]).toEqual([['logs.json', 1]]);
  });

  it('counts: a line the file gave twice is a repeat twice, not a third time', () => {
    const o = new InputOverlap();
    o.repeated('vco-1', file('10:00:00 retransmit'));
    o.repeated('vco-1', file('10:00:00 retransmit'));
    expect([1, 2, 3].map(() => o.repeated('vco-1', api('10:00:00 retransmit')))).toEqual([true, true, false]);
  });

  it('log files are not compared with each other; other subjects are apart', () => {
    const o = new InputOverlap();
    o.repeated('vco-1', file('10:00:00 a'));
    expect(o.repeated('vco-1', rec('other.log', '10:00:00 a'))).toBe(false);
    expect(o.repeated('vco-2', api('10:00:00 a'))).toBe(false);
  });

  it("a SourceLog line repeats a file's or an export's line", () => {
    const o = new InputOverlap();
    o.repeated('vco-1', file('10:00:00 a'));
    o.repeated('vco-1', api('10:00:01 b'));
    expect([o.holds('vco-1', file('10:00:00 a')), o.holds('vco-1', file('10:00:01 b')), o.holds('vco-1', file('10:00:02 c'))]).toEqual([true, true, false]);
  });
});
