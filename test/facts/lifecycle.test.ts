// The tunnel's life as the gateway logged it: when a delete of its IPsec SA by the other end ends it.
import { describe, expect, it } from 'vitest';
import { Lifecycle } from '../../src/facts/lifecycle.js';
import type { LogRecord } from '../../src/types.js';

const T0 = Date.parse('2026-12-06T05:11:00Z');

/** A gateway (racoon2, IKEv1) record with an event, `s` seconds after T0. */
function rec(s: number, type: string, vars: Record<string, string> = {}): LogRecord {
  return { side: 'cloud', dialect: 'racoon2', ikeVersion: 1, timeMs: T0 + s * 1000, event: { type, vars } } as unknown as LogRecord;
}

function life(records: LogRecord[]): Lifecycle {
  const l = new Lifecycle();
  for (const r of records) l.add(r);
  return l;
}

const childDelete = (s: number): LogRecord => rec(s, 'delete-received', { what: 'IPsec-SA' });

describe('the gateway IPsec SA deleted by the other end', () => {
  it('right after it came up, its only one: the tunnel is lost', () => {
    expect(life([rec(0, 'p1-start'), rec(1, 'p1-established'), rec(2, 'p2-established'), childDelete(3)]).state).toBe('lost');
  });

  it('later, in a log that shows the daemon start: the only SA it ever had is gone (an IKEv1 CHILD SA left to expire)', () => {
    const l = life([rec(0, 'daemon-start'), rec(1, 'p1-start'), rec(1, 'p1-established'), rec(2, 'p2-established'), childDelete(17)]);
    expect(l.state).toBe('lost');
    expect(l.lostBy).toBe('delete-received');
  });

  it('later, in a log that begins mid-life: it may be a rekey replacing an SA from before the log, so nothing ends', () => {
    expect(life([rec(1, 'p1-start'), rec(1, 'p1-established'), rec(2, 'p2-established'), childDelete(17)]).state).toBe('up');
  });

  it('after a rekey brought a second SA up, the old one deleted: nothing ends', () => {
    expect(life([rec(0, 'daemon-start'), rec(1, 'p1-established'), rec(2, 'p2-established'), rec(20, 'p2-established'), childDelete(21)]).state).toBe('up');
  });

  it('IKEv2 keeps the 2 s bound: only IKEv1 quick modes are known to log every SA they bring up', () => {
    const v2 = (r: LogRecord): LogRecord => ({ ...r, ikeVersion: 2 }) as LogRecord;
    expect(life([v2(rec(0, 'daemon-start')), v2(rec(2, 'p2-established')), v2(childDelete(17))]).state).toBe('up');
  });
});
