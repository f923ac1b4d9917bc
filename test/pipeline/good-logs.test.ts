// The good-log set: healthy tunnels, clean rekeys, DPD keep-alives and start-up chatter must raise
// nothing above `info` (Sigma's "good log" idea: rules must stay quiet on normal operation).
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/index.js';
import { FIXTURES } from '../helpers/fixtures.js';

const GOOD = join(FIXTURES, 'good-logs');
const healthyLab = ['r2-baseline_v1-B', 'sw-baseline_v2-P'].map((c) => join(FIXTURES, 'lab', c, 'input'));

describe('good logs raise nothing above info', () => {
  it.each([...readdirSync(GOOD).map((f) => join(GOOD, f)), ...healthyLab])('%s', async (path) => {
    const report = await analyze([path], { peerYear: 2026, peerTz: 'UTC' });
    expect(report.problems).toEqual([]);
    expect(report.subjects.length).toBeGreaterThan(0);
    for (const s of report.subjects) {
      expect(s.findings.filter((f) => f.severity !== 'info').map((f) => `${s.id}: ${f.ruleId}`)).toEqual([]);
      expect(s.status).toBe('healthy');
    }
  });
});
