// The FortiGate cases (hand-written captures, see test/fixtures/fortigate/README.md): every case
// ranks the expected cause first, names the parameter with the right values, stays quiet when
// healthy, and every input line is parsed (none left for `problems`).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.js';
import type { Report } from '../../src/types.js';
import { FIXTURES, type Expected } from '../helpers/fixtures.js';
import { reportSchemaErrors } from '../helpers/report-schema.js';

const DIR = join(FIXTURES, 'fortigate');
const CASES = readdirSync(DIR)
  .filter((n) => n.startsWith('fgt-'))
  .sort()
  .map((name) => ({ name, input: join(DIR, name, 'input'), expected: JSON.parse(readFileSync(join(DIR, name, 'expected.json'), 'utf8')) as Expected }));

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

describe('FortiGate cases (hand-written captures)', () => {
  it('has the cases the issue asks for', () => expect(CASES.length).toBeGreaterThanOrEqual(18));

  it.each(CASES)('$name', async ({ input, expected: exp }) => {
    const report = await analyze([input], { now: new Date('2026-11-22T00:00:00Z'), peerTz: 'UTC', peerYear: 2026 });
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
