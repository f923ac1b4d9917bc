// The FortiGate cases (hand-written captures, see test/fixtures/fortigate/README.md): every case
// ranks the expected cause first, names the parameter with the right values, stays quiet when
// healthy, and every input line is parsed (none left for `problems`).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.js';
import { expectVendorCase, vendorCases } from '../helpers/vendor-cases.js';

const ALL = vendorCases('fortigate', 'fgt-');
const CASES = ALL;

describe('FortiGate cases (hand-written captures)', () => {
  it('has the cases the issue asks for', () => expect(CASES.length).toBeGreaterThanOrEqual(18));

  it.each(CASES)('$name', async ({ input, expected: exp }) => {
    const report = await analyze([input], { now: new Date('2026-11-22T00:00:00Z'), peerTz: 'UTC', peerYear: 2026 });
    expectVendorCase(report, exp);
  });

  it('never quotes the keys a FortiGate debug prints', async () => {
    const report = await analyze(CASES.map((c) => c.input), { explain: true, peerTz: 'UTC', peerYear: 2026 });
    const text = JSON.stringify(report);
    for (const key of ['5A4B3C2D1E0F9988', '0F1E2D3C4B5A6978', '0A1B2C3D4E5F6071', 'FFEEDDCCBBAA9988']) expect(text).not.toContain(key);
  });
});

// Most pasted debug captures carry no time stamp (`diagnose debug console timestamp` is off by
// default): the same captures with every stamp cut off must give the same answer.
describe('FortiGate debug captures pasted without time stamps', () => {
  const debugOnly = CASES.filter((c) => readdirSync(c.input).every((f) => /debug/.test(f)) && !c.expected.subject);
  it.each(debugOnly)('$name', async ({ input, expected: exp }) => {
    const content = readdirSync(input)
      .map((f) => readFileSync(join(input, f), 'utf8').replace(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? /gm, ''))
      .join('\n');
    const report = await analyze([{ source: 'pasted.txt', content }], { now: new Date('2026-11-22T00:00:00Z'), peerTz: 'UTC', peerYear: 2026 });
    expect(report.stats.unparsed).toBe(0);
    const subject = report.subjects[0]!;
    if (exp.healthy) {
      expect(subject.status).toBe('healthy');
      return;
    }
    expect([exp.cause, ...(exp.alsoAccept ?? [])]).toContain(subject.findings[0]?.cause);
  });
});
