// A team's shared defaults (issue 16, item 12): ipsec-doctor.config.{json,yaml} or package.json's
// "ipsec-doctor" key in the working directory; typed flags win; --disable-rule; a config that
// cannot be used stops the run with every problem on one line.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MAIN = new URL('../../dist/src/cli/main.js', import.meta.url).pathname;
const EXAMPLE = new URL('../../examples/psk-mismatch', import.meta.url).pathname;

function inDir(files: Record<string, string>, ...args: string[]): { code: number | null; out: string; err: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ipsec-doctor-config-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const r = spawnSync(process.execPath, [MAIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const ruleIds = (out: string): string[] => (JSON.parse(out) as { subjects: { findings: { ruleId: string }[] }[] }).subjects[0]!.findings.map((f) => f.ruleId);

describe('team config', () => {
  it('sets the format and disables rules; a typed flag wins', () => {
    const json = inDir({ 'ipsec-doctor.config.json': JSON.stringify({ format: 'json', disableRules: ['psk-garbled-payload'] }) }, 'analyze', EXAMPLE);
    expect(json.code).toBe(0);
    expect(ruleIds(json.out)).not.toContain('psk-garbled-payload');
    const text = inDir({ 'ipsec-doctor.config.json': JSON.stringify({ format: 'json' }) }, 'analyze', EXAMPLE, '--format', 'text');
    expect(text.out).toMatch(/^vco-\S+ {2}failing/);
  });

  it('is read from YAML and from package.json, and ignored with --no-config', () => {
    expect(inDir({ 'ipsec-doctor.config.yaml': 'format: json\n' }, 'analyze', EXAMPLE).out.startsWith('{')).toBe(true);
    expect(inDir({ 'package.json': JSON.stringify({ name: 'x', 'ipsec-doctor': { format: 'json' } }) }, 'analyze', EXAMPLE).out.startsWith('{')).toBe(true);
    expect(inDir({ 'ipsec-doctor.config.yaml': 'format: json\n' }, 'analyze', EXAMPLE, '--no-config').out.startsWith('{')).toBe(false);
  });

  it('--disable-rule without a config, and an unknown id is exit 2', () => {
    expect(ruleIds(inDir({}, 'analyze', EXAMPLE, '--format', 'json', '--disable-rule', 'psk-garbled-payload').out)).not.toContain('psk-garbled-payload');
    const r = inDir({}, 'analyze', EXAMPLE, '--disable-rule', 'no-such-rule');
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe('ipsec-doctor: --disable-rule: no rule has the id "no-such-rule". `ipsec-doctor rules list` shows the ids.');
  });

  it('a config that cannot be used: every problem, one line, exit 2', () => {
    const r = inDir({ 'ipsec-doctor.config.json': JSON.stringify({ format: 'pdf', colour: true }) }, 'analyze', EXAMPLE);
    expect(r.code).toBe(2);
    const lines = r.err.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/ipsec-doctor\.config\.json:format: .*; .*ipsec-doctor\.config\.json:\(root\): Unrecognized key: "colour"\. Keys: /);
    expect(inDir({ 'ipsec-doctor.config.json': '{"format": ' }, 'analyze', EXAMPLE).err).toMatch(/ipsec-doctor\.config\.json: not valid JSON/);
  });
});
