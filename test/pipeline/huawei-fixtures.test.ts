// The Huawei / H3C cases (hand-written to documented shapes, see test/fixtures/huawei/README.md):
// every case ranks the expected cause first, names the parameter, stays quiet when healthy, and
// every input line is parsed (none left for `problems`). No case is skipped: one that needs a change
// outside the dialect fails until it is made.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.js';
import { expectVendorCase, vendorCases } from '../helpers/vendor-cases.js';

const ALL = vendorCases('huawei', 'hw-');
const CASES = ALL;

describe('Huawei / H3C cases (hand-written to documented shapes)', () => {
  it('has the cases the issue asks for', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(16);
    expect(ALL.filter((c) => c.expected.healthy).length).toBeGreaterThanOrEqual(2);
  });

  it.each(CASES)('$name', async ({ input, expected: exp }) => {
    const report = await analyze([input], { now: new Date('2026-12-31T00:00:00Z'), peerTz: 'UTC', peerYear: 2026 });
    expectVendorCase(report, exp);
  });


  it('never quotes a key a Huawei/H3C paste carries', async () => {
    const report = await analyze(ALL.map((c) => c.input), { explain: true, peerTz: 'UTC', peerYear: 2026 });
    const text = JSON.stringify(report);
    for (const key of ['Hw7Lab%Key9q1Z5x', 'Vx7pQ2-lab-shared-kez', '%^%#']) expect(text).not.toContain(key);
  });
});
