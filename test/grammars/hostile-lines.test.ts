// Every dialect reads a giant adversarial line in linear time: sniff, header parse and catalogue on
// 60 000-character lines built from the characters its patterns repeat over. A pattern that
// rescans the line from each position (quadratic) takes seconds on such a line; these take
// milliseconds. The budget is generous: it catches a quadratic pattern, not a slow machine.
import { describe, expect, it } from 'vitest';
import { createDialects } from '../../src/parse/registry.js';
import { parseText } from './peer-harness.js';

const N = 60_000;
const HOSTILE = [
  `${'1.'.repeat(N / 2)}[`,
  `a:"1"; b:"2"; ike::"x"; ${'a'.repeat(N)}`,
  `1 2026-12-05T10:00:04Z fw CheckPoint 1 - [${'a'.repeat(N)}`,
  `IkeCleanup${'M'.repeat(N)} called with error`,
  `Remote ${'1'.repeat(N)}:500: Local 1:500: x`,
  `Group = ${'a'.repeat(N)}, IP = 1, x`,
  `2026-12-05 10:00:04.120 +0800  [PERR]: { 1: }: ${'9'.repeat(N)}`,
  `IKE phase-1 negotiation is failed as initiator ${'1.'.repeat(N / 2)}`,
  `Event: ike-nego-p1-fail\n${'x '.repeat(N / 2)}`,
  `1,2026/12/05 10:00:05,1,SYSTEM,vpn,0,2026/12/05 10:00:04,,ike-nego-p1-fail,x,0,0,general,informational,"${'""'.repeat(N / 2)}",1`,
  `${'Remote '.repeat(N / 7)}`,
  `${':"'.repeat(N / 2)}`,
];

describe('hostile lines', () => {
  it.each(createDialects().map((d) => [d.name, d] as const))('%s reads each in linear time', (_name, d) => {
    for (const line of HOSTILE) {
      const t = performance.now();
      d.sniff(line.split('\n')[0]!);
      parseText(line, [d], { year: 2026 });
      expect(performance.now() - t, line.slice(0, 40)).toBeLessThan(1500);
    }
  });
});
