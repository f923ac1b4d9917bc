// facts/input-overlap.ts: a gateway line another input already gave is counted once — inside the
// seconds that input covers by its time alone, at its edge seconds by its text.
import { describe, expect, it } from 'vitest';
import { InputOverlap } from '../../src/facts/input-overlap.js';
import type { LogRecord } from '../../src/types.js';

const T0 = Date.UTC(2026, 11, 5, 1, 0, 0);
const rec = (source: string, second: number | undefined, text: string): LogRecord =>
  ({ source, line: 1, endLine: 1, side: 'cloud', dialect: 'racoon2', text, message: text, level: 'info', continuationLines: 0, ...(second === undefined ? {} : { timeMs: T0 + second * 1000 }) }) as LogRecord;

describe('InputOverlap', () => {
  it('a line of another input inside the seconds the first one covers was read already', () => {
    const o = new InputOverlap();
    for (const [s, t] of [[0, 'a'], [5, 'b'], [10, 'c']] as const) expect(o.repeated('vco-1', rec('gateway.log', s, t))).toBe(false);
    // Another text inside the period: the first input holds every line of its seconds.
    expect(o.repeated('vco-1', rec('logs.json', 5, 'b'))).toBe(true);
    expect(o.repeated('vco-1', rec('logs.json', 7, 'debug line the export lacks'))).toBe(true);
    expect(o.repeated('vco-1', rec('logs.json', 11, 'later'))).toBe(false);
    expect([...o.repeats.get('logs.json')!]).toEqual([['gateway.log', 2]]);
  });

  it('at an edge second only the lines seen there count', () => {
    const o = new InputOverlap();
    o.repeated('vco-1', rec('a.log', 0, 'first'));
    o.repeated('vco-1', rec('a.log', 9, 'x'));
    o.repeated('vco-1', rec('a.log', 9, 'y'));
    expect(o.repeated('vco-1', rec('b.log', 9, 'y'))).toBe(true);
    expect(o.repeated('vco-1', rec('b.log', 9, 'z'))).toBe(false);
    expect(o.repeated('vco-1', rec('b.log', 0, 'first'))).toBe(true);
    expect(o.repeated('vco-1', rec('b.log', 0, 'another'))).toBe(false);
  });

  it('repeats within one input, other subjects and lines without a time are read', () => {
    const o = new InputOverlap();
    o.repeated('vco-1', rec('a.log', 0, 'x'));
    o.repeated('vco-1', rec('a.log', 9, 'x'));
    expect(o.repeated('vco-1', rec('a.log', 5, 'x'))).toBe(false);
    expect(o.repeated('vco-2', rec('b.log', 5, 'x'))).toBe(false);
    expect(o.repeated('vco-1', rec('b.log', undefined, 'x'))).toBe(false);
    expect(o.repeats.size).toBe(0);
  });
});
