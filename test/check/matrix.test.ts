// The generated `check` matrix (test/check/matrix-cases.ts): every compared parameter changed alone
// on the device side, for every configuration dialect, single tunnel, dual tunnel and a
// DownloadVpnConnectionConfig export, plus the unchanged pairs. Each difference is named alone with
// both values; both fixes are proven by a second check; the key never reaches any format.
import { describe, expect, it } from 'vitest';
import { runCheck, checkExitCode, type CheckRun } from '../../src/check/check.js';
import { applyDeviceFixes, deviceConfigDeps } from '../../src/check/device-fixer.js';
import { applyModify } from '../../src/check/apply-modify.js';
import { PSK_PLACEHOLDER } from '../../src/check/fix.js';
// Cisco rewrites a key line when the IKE version moves, with a one-word placeholder.
import { KEY_PLACEHOLDER } from '../../grammars/config/cisco-ios/edits-version.js';
import { renderText } from '../../src/report/render/text.js';
import { renderJson } from '../../src/report/render/json.js';
import { renderMarkdown } from '../../src/report/render/markdown.js';
import { renderHtml } from '../../src/report/render/html.js';
import { reportSchemaErrors } from '../helpers/report-schema.js';
import { BASE } from './matrix-cloud.js';
import { matrixCases, type MatrixCase } from './matrix-cases.js';

const NOW = new Date('2026-12-01T00:00:00Z');
const KEYS = [BASE.psk, 'Other-Key-55b2c0'];

function run(c: MatrixCase, cloud: unknown = c.cloud, device = c.device): CheckRun {
  return runCheck({ cloud: [{ source: 'cloud.json', value: cloud }], device }, deviceConfigDeps, { now: NOW });
}

/** Parameters named by a finding above info, over every subject. */
const named = (r: CheckRun): string[] => [...new Set(r.report.subjects.flatMap((s) => s.findings.filter((f) => f.severity !== 'info').flatMap((f) => f.diff.map((d) => d.parameter))))].sort();

const cases = matrixCases();

describe('check matrix', () => {
  it('covers 17 parameters x every dialect x single/dual/download', () => {
    expect(new Set(cases.filter((c) => c.changed).map((c) => c.changed!.parameter)).size).toBe(17);
    expect(cases.length).toBeGreaterThan(190);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const first = run(c);
    expect(first.unusable).toBeUndefined();
    expect(reportSchemaErrors(first.report)).toEqual([]);
    expect(first.report.problems.filter((p) => p.code !== 'E_CONFIG_UNKNOWN_KEY')).toEqual([]);
    const subjects = first.report.subjects;
    expect(subjects.length).toBe(c.tunnels === 'dual' ? 2 : 1);
    for (const s of subjects) expect(s.comparison?.device).not.toBeNull();
    for (const text of [renderText(first.report), renderJson(first.report), renderMarkdown(first.report), renderHtml(first.report)]) {
      for (const k of KEYS) expect(text.includes(k), `key in output`).toBe(false);
    }
    if (!c.changed) {
      expect(named(first)).toEqual([]);
      expect(checkExitCode(first.report)).toBe(0);
      return;
    }
    const { parameter, cloud, device } = c.changed;
    expect(checkExitCode(first.report)).toBe(1);
    expect(named(first)).toEqual([parameter]);
    for (const s of subjects) {
      const d = s.findings.flatMap((f) => f.diff).find((x) => x.parameter === parameter)!;
      expect(d.peer).toBe(device);
      if (cloud === '*') expect(d.cloud).toBe(s.endpoints?.cloud);
      else expect(d.cloud).toBe(cloud);
    }
    // The cloud fix: every cloud request applied to the export makes a second check pass.
    const requests = subjects.flatMap((s) => s.findings.flatMap((f) => f.remediation.filter((r) => r.side === 'cloud' && r.action).map((r) => r.action!.parameters)));
    if (parameter !== 'Psk') {
      expect(requests.length).toBe(subjects.length);
      const fixedCloud = requests.reduce<unknown>((exp, req) => applyModify(exp, req), c.cloud);
      expect(named(run(c, fixedCloud))).toEqual([]);
    }
    // The device fix: the lines are shown, and applied to the configuration they make a second check pass.
    const steps = subjects.flatMap((s) => s.findings.flatMap((f) => f.remediation.filter((r) => r.side === 'peer')));
    expect(steps.length).toBe(subjects.length);
    expect(steps.every((st) => (st.lines?.length ?? 0) > 0)).toBe(true);
    const fixedDevice = applyDeviceFixes(c.device, first).map((f) => ({ ...f, text: f.text.split(PSK_PLACEHOLDER).join(BASE.psk).split(KEY_PLACEHOLDER).join(BASE.psk) }));
    expect(fixedDevice.map((f) => f.text)).not.toEqual(c.device.map((f) => f.text));
    expect(named(run(c, c.cloud, fixedDevice))).toEqual([]);
  });
});
