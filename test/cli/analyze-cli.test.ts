// The command line as a user runs it (the compiled dist/, as `npx ipsec-doctor` does): exit
// codes, one-line errors, formats, and the README's example.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportSchemaErrors } from '../helpers/report-schema.js';

const MAIN = new URL('../../dist/src/cli/main.js', import.meta.url).pathname;
const ROOT = new URL('../../', import.meta.url).pathname;

function run(...args: string[]): { code: number | null; out: string; err: string } {
  return runWith({}, ...args);
}

function runWith(env: Record<string, string>, ...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [MAIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'ipsec-doctor-cli-'));
}

describe('ipsec-doctor analyze', () => {
  it('explains the shipped example (README command)', () => {
    const r = run('analyze', 'examples/psk-mismatch');
    expect(r.code).toBe(0);
    expect(r.out).toContain('psk-mismatch');
    expect(r.out).not.toContain('Vx7pQ2');
  });

  it('--format json is the schema-valid report', () => {
    const r = run('analyze', 'examples/p1-hash-mismatch', '--format', 'json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(report.subjects[0].findings[0].diff[0]).toMatchObject({ parameter: 'IkeAuthAlg', cloud: 'sha256', peer: 'sha1' });
  });

  it('--fail-on exits 1 when a finding is that severe', () => {
    expect(run('analyze', 'examples/p1-hash-mismatch', '--fail-on', 'critical', '--quiet').code).toBe(1);
    expect(run('analyze', 'test/fixtures/lab/r2-baseline_v1-L/input', '--fail-on', 'low', '--quiet').code).toBe(0);
  });

  it.each([
    ['no path', []],
    ['an unknown option', ['analyze', 'examples/psk-mismatch', '--frobnicate']],
    ['a bad format', ['analyze', 'examples/psk-mismatch', '--format', 'pdf']],
    ['a bad time zone', ['analyze', 'examples/psk-mismatch', '--log-tz', 'Mars/Olympus']],
  ])('exit 2 with one line on bad usage: %s', (_n, args) => {
    const r = run(...(args.length ? args : ['analyze']));
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n').length).toBeLessThanOrEqual(2);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('exit 2 with one line when nothing is usable', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'empty.log'), '');
    const r = run('analyze', join(dir, 'empty.log'));
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('empty file');
    expect(run('analyze', join(dir, 'missing.log')).code).toBe(2);
  });

  it('exit 0 with problems listed when some input is usable', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'broken.json'), '{"VpnConnections": [');
    const r = run('analyze', dir, 'examples/p1-hash-mismatch', '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).problems.map((p: { code: string }) => p.code)).toContain('E_JSON_INVALID');
  });

  it('--jobs takes a whole number or auto, and refuses anything else in one line', () => {
    for (const jobs of ['1', '2', 'auto']) expect(run('analyze', 'examples/psk-mismatch', '--jobs', jobs, '--quiet').code).toBe(0);
    for (const jobs of ['0', 'many', '1.5']) {
      const r = run('analyze', 'examples/psk-mismatch', '--jobs', jobs);
      expect(r.code).toBe(2);
      expect(r.err).toContain('a whole number ≥ 1, or auto');
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });

  it('hands a big analysis to a relaunched Node with the heap flags, same report and exit code', () => {
    const big = { IPSEC_DOCTOR_RELAUNCH_BYTES: '1', IPSEC_DOCTOR_TRACE: 'relaunch' };
    const relaunched = runWith(big, 'analyze', 'examples/p1-hash-mismatch', '--format', 'json');
    expect(relaunched.code).toBe(0);
    expect(relaunched.err).toContain('relaunched with --max-semi-space-size=8');
    const plain = run('analyze', 'examples/p1-hash-mismatch', '--format', 'json');
    const comparable = (out: string): unknown => ({ ...JSON.parse(out), generatedAt: '', stats: { ...JSON.parse(out).stats, durationMs: 0 } });
    expect(comparable(relaunched.out)).toEqual(comparable(plain.out));
    expect(plain.err).not.toContain('relaunched');
    // The child's exit code is the command's.
    expect(runWith(big, 'analyze', 'examples/p1-hash-mismatch', '--fail-on', 'critical', '--quiet').code).toBe(1);
  });

  it('--version answers', () => {
    const r = run('--version');
    expect(r.code).toBe(0);
    expect(r.out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('ipsec-doctor rules', () => {
  it('rules test passes on the built-in rules', () => {
    const r = run('rules', 'test');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\d+ passed, 0 failed/);
  });

  it('rules validate reports every problem of a broken custom file and exits 1', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'x'));
    writeFileSync(join(dir, 'x', 'mine.rule.yaml'), 'id: mine\ncause: nope\nseverity: huge\nconditions: { all: [ { fact: nothing, operator: equal, value: 1 } ] }\n');
    const r = run('rules', 'validate', dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/mine\.rule\.yaml:2:\d+: unknown cause "nope"/);
    expect(r.out).toMatch(/mine\.rule\.yaml:3:\d+: .*severity/);
    expect(r.out).toMatch(/unknown fact "nothing"/);
  });

  it('a custom rule with an x- cause is loaded by analyze --rules', () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'firewall.rule.yaml'),
      [
        'id: acme-firewall-resend',
        'title: Our firewall eats retransmissions',
        'cause: x-acme-firewall',
        'severity: low',
        'confidence: 0.5',
        'status: experimental',
        'description: d',
        'conditions: { all: [ { fact: retransmits, operator: greaterThan, value: 0 } ] }',
        'summary: "{{fact.retransmits}} retransmissions"',
        'remediation: [ { side: peer, step: Call the firewall team. } ]',
        'cases:',
        '  - { name: m, expect: match, facts: { retransmits: 3 } }',
        '  - { name: n, expect: no-match, facts: { retransmits: 0 } }',
      ].join('\n'),
    );
    expect(run('rules', 'test', dir).out).toContain('2 passed, 0 failed');
    const r = run('analyze', 'test/fixtures/lab/r2-peer_unreachable_v1-L/input', '--rules', dir, '--format', 'json');
    const causes = JSON.parse(r.out).subjects[0].findings.map((f: { cause: string }) => f.cause);
    expect(causes[0]).toBe('peer-unreachable');
    expect(causes).toContain('x-acme-firewall');
  });
});

describe('the bundled CLI (the package bin, what `npx ipsec-doctor` runs)', () => {
  const BUNDLE = new URL('../../dist/bundle/cli.mjs', import.meta.url).pathname;
  it('gives the same JSON report as the unbundled build', () => {
    const args = ['analyze', 'examples/psk-mismatch', '--format', 'json'];
    const a = spawnSync(process.execPath, [MAIN, ...args], { cwd: ROOT, encoding: 'utf8' });
    const b = spawnSync(process.execPath, [BUNDLE, ...args], { cwd: ROOT, encoding: 'utf8' });
    expect(b.status).toBe(0);
    const strip = (t: string): unknown => ({ ...JSON.parse(t), generatedAt: '', stats: { ...JSON.parse(t).stats, durationMs: 0 } });
    expect(strip(b.stdout)).toEqual(strip(a.stdout));
  });

  it('ends quietly when its reader closes the pipe early', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BUNDLE}" analyze test/fixtures/lab --quiet | head -1`], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/EPIPE|at /);
  });
});

describe('relaunch decision', async () => {
  const { shouldRelaunch, bigInputNodeFlags, HUGE_INPUT_BYTES } = await import('../../src/cli/relaunch.js');
  it('runs inputs in-process up to the huge tier, and relaunches those with a small, single-threaded collector', () => {
    expect(bigInputNodeFlags(64 * 1024 * 1024)).toEqual([]);
    expect(bigInputNodeFlags(HUGE_INPUT_BYTES - 1)).toEqual([]);
    expect(bigInputNodeFlags(HUGE_INPUT_BYTES)).toEqual(['--max-semi-space-size=8', '--single-threaded-gc']);
  });
  it('relaunches huge inputs once, and not when the flags were given', () => {
    expect(shouldRelaunch(HUGE_INPUT_BYTES, {}, [])).toBe(true);
    expect(shouldRelaunch(HUGE_INPUT_BYTES - 1, {}, [])).toBe(false);
    expect(shouldRelaunch(HUGE_INPUT_BYTES, { IPSEC_DOCTOR_RELAUNCHED: '1' }, [])).toBe(false);
    expect(shouldRelaunch(HUGE_INPUT_BYTES, {}, ['--max-semi-space-size=16'])).toBe(false);
    expect(shouldRelaunch(10, { IPSEC_DOCTOR_RELAUNCH_BYTES: '5' }, [])).toBe(true);
  });
});
