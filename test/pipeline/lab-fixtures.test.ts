// The acceptance cases: every racoon2 lab case and gateway diagnosis ranks the expected cause
// first, names the parameter with the right values, stays quiet when healthy, and the report
// validates against the schema with every line accounted for.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.js';
import type { Report } from '../../src/types.js';
import { fixtureCases, type Expected } from '../helpers/fixtures.js';
import { reportSchemaErrors } from '../helpers/report-schema.js';

/** The subject the case is about: the named one, never silently another (the only one when none is named). */
function subjectFor(report: Report, exp: Expected) {
  const ids = report.subjects.map((s) => s.id).join(', ');
  if (!exp.subject) {
    if (report.subjects.length !== 1) throw new Error(`the case names no subject and the report has ${report.subjects.length}: ${ids}`);
    return report.subjects[0];
  }
  const found = report.subjects.find((s) => s.id === exp.subject || s.vpnConnectionId === exp.subject);
  if (!found) throw new Error(`no subject ${exp.subject} in the report (it has: ${ids || 'none'})`);
  return found;
}

function checkCase(report: Report, exp: Expected): void {
  expect(reportSchemaErrors(report)).toEqual([]);
  expect(report.stats.lines).toBe(report.stats.parsed + report.stats.unparsed);
  const subject = subjectFor(report, exp);
  expect(subject, 'a subject for the connection').toBeDefined();
  if (exp.healthy) {
    expect(subject!.findings.filter((f) => f.severity !== 'info').map((f) => f.cause)).toEqual([]);
    expect(subject!.status).toBe('healthy');
    return;
  }
  const top = subject!.findings[0];
  expect(top, 'a finding').toBeDefined();
  expect([exp.cause, ...(exp.alsoAccept ?? [])]).toContain(top!.cause);
  if (exp.params && !(exp as { view?: string }).view) {
    const named = top!.diff.map((d) => d.parameter).filter((p) => exp.params!.includes(p));
    if (!exp.params.includes('Psk')) expect(named.length, `diff names one of ${exp.params.join(', ')}`).toBeGreaterThan(0);
  }
  for (const [param, v] of Object.entries(exp.values ?? {})) {
    expect(top!.diff.find((d) => d.parameter === param)).toMatchObject({ cloud: v.cloud, peer: v.peer });
  }
  for (const f of subject!.findings) expect(f.evidence.length).toBeGreaterThan(0);
}

describe('racoon2 lab cases (gateway side)', () => {
  it.each(fixtureCases('lab', 'r2-'))('$name', async ({ input, expected }) => {
    const report = await analyze([input], { now: new Date('2026-11-22T00:00:00Z') });
    checkCase(report, expected);
  });
});

describe('device-only lab cases (strongSwan, Libreswan)', () => {
  it.each(fixtureCases('lab', 'sw-'))('$name', async ({ input, expected }) => {
    const report = await analyze([input], { now: new Date('2026-11-22T00:00:00Z'), peerTz: 'UTC', peerYear: 2026 });
    checkCase(report, expected);
  });
});

describe('gateway diagnosis results', () => {
  it.each(fixtureCases('gateway-diagnosis'))('$name', async ({ input, expected }) => {
    const report = await analyze([input]);
    checkCase(report, expected);
  });
});

describe('secrets', () => {
  it('never quotes the pre-shared key the gateway log dumps in hex', async () => {
    const report = await analyze(fixtureCases('lab', 'r2-psk_mismatch_v1_b_init-L').map((c) => c.input), { explain: true });
    const text = JSON.stringify(report);
    // 'Vx7pQ2-lab-shared-key' as racoon2 dumps it, and in clear.
    expect(text).not.toContain('56783770 51322d6c');
    expect(text).not.toContain('Vx7pQ2');
  });
});
