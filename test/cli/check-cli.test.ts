// `ipsec-doctor check` as a user runs it: exit 0 when everything matches, 1 on any difference, 2
// with one line when an input cannot be used; every format carries the comparison, none the key.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MAIN = new URL('../../dist/src/cli/main.js', import.meta.url).pathname;
const ROOT = new URL('../../', import.meta.url).pathname;
const CLOUD = 'examples/check/describe-vpn-connection.json';
const DEVICE = 'examples/check/swanctl.conf';
const KEY = 'Example-Key-2c9f41';

function run(args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [MAIN, 'check', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('check', () => {
  it('the shipped example: exit 1, the difference first, both fixes, no key', () => {
    const r = run([CLOUD, DEVICE]);
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines.slice(0, 24).join('\n')).toMatch(/ike-proposal-mismatch[\s\S]*IkePfs\s+cloud group14\s+peer group2[\s\S]*proposals = aes256-sha256-modp2048/);
    expect(r.out).toMatch(/ModifyVpnConnectionAttribute/);
    expect(r.out).not.toContain(KEY);
  });

  it.each(['json', 'markdown', 'html'])('--format %s carries the comparison and never the key', (format) => {
    const r = run([CLOUD, DEVICE, '--format', format]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('IpsecLifetime');
    expect(r.out).not.toContain(KEY);
    if (format === 'json') {
      const report = JSON.parse(r.out);
      expect(report.subjects[0].comparison.entries).toHaveLength(17);
      expect(report.inputs.map((i: { kind: string }) => i.kind)).toEqual(['describe-vpn-connections', 'device-config']);
    }
  });

  it('exit 0 when every parameter matches', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ipsec-doctor-check-'));
    const conf = join(dir, 'swanctl.conf');
    const fixed = spawnSync('sed', ['-e', 's/modp1024/modp2048/', '-e', 's/rekey_time = 8h/rekey_time = 1h/', join(ROOT, DEVICE)], { encoding: 'utf8' }).stdout;
    writeFileSync(conf, fixed);
    const r = run([CLOUD, conf, '--quiet']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it('broken cloud JSON: exit 2, one line with file, line and column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ipsec-doctor-check-'));
    const bad = join(dir, 'describe.json');
    writeFileSync(bad, '{\n  "VpnConnectionId": "vco-1",\n  "IkeConfig": {\n');
    const r = run([bad, DEVICE]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/describe\.json:\d+:\d+: /);
  });

  it('a device file that is no configuration: exit 2, one line', () => {
    const r = run([CLOUD, 'README.md']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/README\.md:1: .*no configuration this tool reads/);
  });

  it('a device path that does not exist: exit 2, one line', () => {
    const r = run([CLOUD, '/nonexistent/swanctl.conf']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/nonexistent\/swanctl\.conf: cannot be read \(ENOENT\)/);
  });
});
