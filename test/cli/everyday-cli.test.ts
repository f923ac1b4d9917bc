// The command line as a support engineer uses it on day one (issue 16): standard input, exit
// codes for paths the user typed wrong, and one exit-code table shared by --help and the README.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXIT_CODES } from '../../src/cli/exit.js';

const MAIN = new URL('../../dist/src/cli/main.js', import.meta.url).pathname;
const ROOT = new URL('../../', import.meta.url).pathname;
const PEER = readFileSync(join(ROOT, 'test/fixtures/lab/sw-psk_mismatch_v2-P/input/peer.log'));

function run(args: string[], input?: Buffer): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [MAIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, ...(input ? { input } : {}) });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('standard input', () => {
  it('`-` reads a piped log, named by --stdin-name', () => {
    const r = run(['analyze', '-', '--stdin-name', 'peer.log', '--format', 'json'], PEER);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.inputs).toEqual([expect.objectContaining({ source: 'peer.log', kind: 'peer-log' })]);
    expect(report.subjects[0].findings[0].cause).toBe('psk-mismatch');
  });

  it('a gzipped stream is read too, and `-` mixes with paths', () => {
    const r = run(['analyze', '-', 'examples/psk-mismatch', '--format', 'json'], gzipSync(PEER));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).inputs.map((i: { source: string }) => i.source)).toContain('<stdin>');
  });
});

describe('exit codes', () => {
  it.each([
    ['a --rules path that does not exist', ['analyze', 'examples/psk-mismatch', '--rules', '/nonexistent-rules'], /nonexistent-rules: cannot read/],
    ['a --rules directory with no rule file', ['analyze', 'examples/psk-mismatch', '--rules', mkdtempSync(join(tmpdir(), 'ipsec-doctor-norules-'))], /no \*\.rule\.yaml files/],
    ['an --out that cannot be written', ['analyze', 'examples/psk-mismatch', '--out', '/nonexistent-dir/report.txt'], /cannot write the report \(ENOENT\)/],
    ['`rules validate` on a path that does not exist', ['rules', 'validate', '/nonexistent-rules'], /cannot read/],
  ])('%s exits 2 with one line', (_name, args, message) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.err.trimEnd().split('\n')).toEqual([expect.stringMatching(message)]);
    expect(r.err).not.toContain('internal error');
  });

  it('--help and the README list the same exit codes', () => {
    const help = run(['--help']).out;
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const [code, what] of EXIT_CODES) {
      expect(help).toContain(`${String(code).padStart(2)}  ${what}`);
      expect(readme).toContain(`| ${code} | ${what.replaceAll('|', '\\|')} |`);
    }
  });
});

describe('terminal output', () => {
  it('--fail-on takes a severity in any case', () => {
    expect(run(['analyze', 'examples/psk-mismatch', '--fail-on', 'HIGH', '-q']).code).toBe(1);
    expect(run(['analyze', 'examples/psk-mismatch', '--fail-on', 'bogus']).code).toBe(2);
  });

  it('FORCE_COLOR colours a pipe, NO_COLOR wins over it', () => {
    const colour = (env: Record<string, string>) => spawnSync(process.execPath, [MAIN, 'analyze', 'examples/psk-mismatch', '-q'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: undefined, CI: '', ...env } }).stdout.includes('\x1b[');
    expect(colour({ FORCE_COLOR: '1' })).toBe(true);
    expect(colour({ FORCE_COLOR: '0' })).toBe(false);
    expect(colour({ FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(false);
  });

  it('says 1 subject, not 1 subjects, and wraps problem hints instead of cutting them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ipsec-doctor-text-'));
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, `${PEER.toString('utf8')}\n2026-13-45 99:99:99 a pasted line with a broken stamp that no grammar knows\n`);
    const r = spawnSync(process.execPath, [MAIN, 'analyze', notes], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', COLUMNS: '80' } });
    expect(r.stdout).toMatch(/, 1 input, 1 subject, \d+ ms\.\n$/);
    expect(r.stdout).toContain('Known dialects:');
    // The hint ends with the last dialect's name: wrapped onto the next line, never cut.
    expect(r.stdout).toMatch(/Libreswan\s+pluto[\s\S]*FortiGate\s+\(ike\s+debug,\s+VPN\s+event\s+log\)[\s\S]*Juniper\s+SRX\s+\(kmd\/iked\s+syslog\),[\s\S]*Check\s+Point\s+\(Log\s+Exporter\s+VPN\s+logs\),[\s\S]*racoon2\s+gateway\s+messages\s+pasted\s+alone\./);
    expect(r.stdout).not.toContain('…\n');
  });
});

describe('evidence locations', () => {
  it('keep the file name and line when the path is longer than the terminal', async () => {
    const { shortenMiddle } = await import('../../src/report/render/text.js');
    const long = '/home/analyst/cases/2026/ACME-Corporation-Shanghai-Branch/exports/day-2/strongswan/peer.log';
    const short = shortenMiddle(long, 50);
    expect(short.length).toBeLessThanOrEqual(50);
    expect(short.startsWith('/home/')).toBe(true);
    expect(short.endsWith('/strongswan/peer.log')).toBe(true);
    expect(shortenMiddle('a/peer.log', 50)).toBe('a/peer.log');
    const dir = join(mkdtempSync(join(tmpdir(), 'ipsec-doctor-a-very-long-directory-name-for-the-case-of-acme-')), 'peer.log');
    writeFileSync(dir, PEER);
    const r = spawnSync(process.execPath, [MAIN, 'analyze', dir], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', COLUMNS: '60' } });
    const locations = r.stdout.split('\n').filter((l) => /^ {7}\[(?:cloud|peer)\] (?:\d{4}-\d\d-\d\dT|\/)/.test(l));
    expect(locations.length).toBeGreaterThan(0);
    for (const l of locations) {
      expect(l).toMatch(/peer\.log:\d+$/);
      expect(l.length).toBeLessThanOrEqual(60);
    }
  });
});
