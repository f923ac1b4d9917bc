// The shared harness of the hand-written vendor captures (test/fixtures/{fortigate,cisco,huawei}):
// loads `<prefix>*` cases, and checks one report the way every such case is judged — the expected
// cause first, the parameter named with the right values, quiet when healthy, every line parsed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Report } from '../../src/types.js';
import { FIXTURES, type Expected } from './fixtures.js';
import { reportSchemaErrors } from './report-schema.js';

export type VendorExpected = Expected;
export interface VendorCase {
  name: string;
  input: string;
  expected: VendorExpected;
}

/** The cases of one fixture folder whose names start with `prefix`, in name order. */
export function vendorCases(folder: string, prefix: string): VendorCase[] {
  const dir = join(FIXTURES, folder);
  return readdirSync(dir)
    .filter((n) => n.startsWith(prefix))
    .sort()
    .map((name) => ({ name, input: join(dir, name, 'input'), expected: JSON.parse(readFileSync(join(dir, name, 'expected.json'), 'utf8')) as VendorExpected }));
}

function subjectFor(report: Report, exp: Expected) {
  const ids = report.subjects.map((s) => s.id).join(', ');
  if (!exp.subject) {
    if (report.subjects.length !== 1) throw new Error(`the case names no subject and the report has ${report.subjects.length}: ${ids}`);
    return report.subjects[0]!;
  }
  const found = report.subjects.find((s) => s.id === exp.subject || s.vpnConnectionId === exp.subject);
  if (!found) throw new Error(`no subject ${exp.subject} in the report (it has: ${ids || 'none'})`);
  return found;
}

/** Asserts what every vendor case must show in its report. */
export function expectVendorCase(report: Report, exp: Expected): void {
  expect(reportSchemaErrors(report)).toEqual([]);
  expect(report.problems.map((p) => p.message)).toEqual([]);
  expect(report.stats.unparsed).toBe(0);
  expect(report.stats.lines).toBe(report.stats.parsed);
  const subject = subjectFor(report, exp);
  if (exp.healthy) {
    expect(subject.findings.filter((f) => f.severity !== 'info').map((f) => f.cause)).toEqual([]);
    expect(subject.status).toBe('healthy');
    return;
  }
  const top = subject.findings[0];
  expect(top, 'a finding').toBeDefined();
  expect([exp.cause, ...(exp.alsoAccept ?? [])]).toContain(top!.cause);
  if (exp.params && !exp.params.includes('Psk')) {
    const named = top!.diff.map((d) => d.parameter).filter((p) => exp.params!.includes(p));
    expect(named.length, `diff names one of ${exp.params.join(', ')}`).toBeGreaterThan(0);
  }
  for (const [param, v] of Object.entries(exp.values ?? {})) expect(top!.diff.find((d) => d.parameter === param)).toMatchObject({ cloud: v.cloud, peer: v.peer });
  for (const f of subject.findings) expect(f.evidence.length).toBeGreaterThan(0);
}
