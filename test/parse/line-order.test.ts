// Newest-first logs (parse/line-order.ts): stamps of every shape the dialects print, and the
// verdict on a log's first lines — back in time is newest first, forward or mixed is not.
import { describe, expect, it } from 'vitest';
import { LineOrder, stampKey } from '../../src/parse/line-order.js';

const verdict = (lines: string[]): boolean => {
  const o = new LineOrder();
  for (const l of lines) if (!o.take(l)) break;
  return o.newestFirst;
};

describe('stampKey', () => {
  it.each([
    ['syslog', 'May 11 11:09:54 fw charon[88717]: 05[CFG] selected proposal'],
    ['ISO', '2024-05-11T11:09:54+02:00 fw charon[1]: 05[IKE] x'],
    ['ISO with a blank', '2024-05-11 11:09:54 vco-bp1x [INFO]: isakmp.c:1:f(): x'],
    ['FortiGate event log', 'date=2024-05-11 time=11:09:54 devname="FGT" logid="0101037124" msg="x"'],
    ['Cisco debug', '*May 11 11:09:54.497: ISAKMP: (0):x'],
    ['ASA with a year', 'May 11 2024 11:09:54: %ASA-5-713904: IP = 198.51.100.1, x'],
  ])('%s', (_name, line) => {
    expect(stampKey(line)).toBeTypeOf('number');
  });

  it('orders by the time of day, then the day', () => {
    expect(stampKey('May 11 11:09:55 x')!).toBeGreaterThan(stampKey('May 11 11:09:54 x')!);
    expect(stampKey('May 12 00:00:00 x')!).toBeGreaterThan(stampKey('May 11 23:59:59 x')!);
    expect(stampKey('2024-05-12 00:00:00 x')!).toBeGreaterThan(stampKey('2024-05-11 23:59:59 x')!);
  });

  it('needs a stamp near the start of the line', () => {
    expect(stampKey('  local:  [198.51.100.2] @ 198.51.100.2[4500]')).toBeUndefined();
    expect(stampKey(`${'x'.repeat(60)} May 11 11:09:54`)).toBeUndefined();
  });
});

describe('LineOrder', () => {
  const at = (s: number): string => `May 11 11:09:${String(s).padStart(2, '0')} fw charon: 05[IKE] x`;
  it('a log read forward is not newest first', () => expect(verdict([at(1), at(1), at(2), at(5), at(5), at(9)])).toBe(false));
  it('a log whose stamps go back is', () => expect(verdict([at(9), at(5), at(5), at(2), at(1)])).toBe(true));
  it('two steps back and none forward are enough (a short paste)', () => expect(verdict([at(9), at(9), at(5), at(2)])).toBe(true));
  it('one step back is not', () => expect(verdict([at(9), at(5), at(5)])).toBe(false));
  it('steps both ways (two clocks in one file) are not', () => expect(verdict([at(9), at(5), at(7), at(3), at(8), at(2)])).toBe(false));
  it('a forward log with one clock step back is not', () => expect(verdict([at(1), at(2), at(3), at(2), at(4), at(5), at(6)])).toBe(false));
  it('lines without stamps decide nothing', () => expect(verdict(['x', 'y', 'z'])).toBe(false));
});

describe('turnedAround (run/newest-first.ts)', () => {
  it('feeds the last record first, each with its unstamped lines, renumbered; names the file lines; keeps a fault last', async () => {
    const { turnedAround } = await import('../../src/run/newest-first.js');
    const fault = { code: 'E_INPUT_TRUNCATED', message: 'cut', hint: 'h' };
    const { lines, fileLine } = turnedAround([
      { line: 1, text: 'May 11 11:09:56 c' },
      { line: 2, text: '  c, folded' },
      { line: 3, text: 'May 11 11:09:55 b' },
      { line: 4, text: 'May 11 11:09:54 a' },
      { line: 5, text: '', fault },
    ] as never);
    expect(lines.map((l) => [l.line, l.text])).toEqual([[1, 'May 11 11:09:54 a'], [2, 'May 11 11:09:55 b'], [3, 'May 11 11:09:56 c'], [4, '  c, folded'], [5, '']]);
    expect(lines[4]!.fault).toBe(fault);
    expect([1, 2, 3, 4, 5].map(fileLine)).toEqual([4, 3, 1, 2, 5]);
  });
});
