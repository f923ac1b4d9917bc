// Fields, defaults, sniffing, bad input and secrecy of the configuration dialects.
import { describe, expect, it } from 'vitest';
import { parseDeviceConfig, sniffConfigFile } from '../../grammars/config/index.js';
import { classifyAlg } from '../../src/vocabulary/algorithms.js';
import { ALIBABA_ALGORITHMS, deviceSpelling, fortiosGroupToken, type SpelledKind } from '../../src/vocabulary/spellings.js';
import { sample } from './helpers.js';

describe('fields', () => {
  it('swanctl: values, locations, defaults, secret joined', () => {
    const r = parseDeviceConfig([sample('swanctl.conf')]);
    const c = r.connections.find((x) => x.name === 'alibaba')!;
    expect(c.ikeProposals?.at.line).toBe(7);
    expect(c.ikeLifetime?.value).toBe(86400);
    expect(c.ikeMode?.defaulted).toBe(true);
    expect(c.psk?.value.kind).toBe('clear');
    expect(c.children[0]!.remoteSubnets?.value).toEqual(['172.16.0.0/16', '172.17.0.0/16']);
    const m = r.connections.find((x) => x.name === 'minimal')!;
    expect(m.ikeVersion).toMatchObject({ value: 'ikev2', defaulted: true });
    expect(m.ikeLifetime?.value).toBe(14400);
    expect(m.children[0]!.lifetime?.value).toBe(3600);
    expect(r.secrets).toEqual(['Sup3rS3cret!']);
  });
  it('ipsec.conf: strongSwan with %default and ipsec.secrets', () => {
    const r = parseDeviceConfig([sample('ipsec.conf'), sample('ipsec.secrets')]);
    const c = r.connections[0]!;
    expect(c.dialect).toBe('strongswan-ipsec-conf');
    expect(c.ikeVersion?.value).toBe('ikev1');
    expect(c.ikeLifetime).toMatchObject({ value: 28800, at: { line: 7 } });
    expect(c.psk).toMatchObject({ value: { kind: 'clear' }, at: { file: 'ipsec.secrets', line: 2 } });
    expect(c.dpd?.value).toBe(true);
  });
  it('ipsec.conf: Libreswan sniffed, PFS group from phase2alg', () => {
    const c = parseDeviceConfig([sample('libreswan.conf', 'ipsec.conf')]).connections[0]!;
    expect(c.dialect).toBe('libreswan');
    expect(c.children[0]!.proposals?.value[0]!.dh.map((d) => d.value)).toEqual(['group2']);
    expect(c.children[0]!.lifetime?.value).toBe(3600);
  });
  it('FortiOS: phase1/phase2, named address, encrypted and clear PSK, defaults', () => {
    const r = parseDeviceConfig([sample('fortigate.conf')]);
    const c = r.connections.find((x) => x.name === 'to-alibaba')!;
    expect(c.ikeProposals?.value.map((p) => p.raw)).toEqual(['aes128-sha1', 'aes256-sha256']);
    expect(c.ikeProposals?.value[0]!.dh.map((d) => d.value)).toEqual(['group2']);
    expect(c.psk?.value).toEqual({ kind: 'encrypted' });
    expect(c.children[0]!.remoteSubnets?.value).toEqual(['172.16.0.0/16']);
    const d = r.connections.find((x) => x.name === 'clear-psk')!;
    expect(d.ikeVersion).toMatchObject({ value: 'ikev1', defaulted: true });
    expect(d.children[0]!.proposals?.value[0]!.dh).toEqual([]);
    expect(d.children[0]!.lifetime?.value).toBe(43200);
    expect(r.problems.some((p) => p.code === 'E_CONFIG_UNRESOLVED')).toBe(true);
    expect(r.secrets).toEqual(['Clear-Text-Psk-9']);
  });
});

describe('bad input gives located problems, never a throw, never the secret', () => {
  const bad = {
    'broken braces': 'connections {\n  a {\n    remote_addrs = 1.2.3.4\n}\n}\n}\nsecrets { ike { secret = "TopSecret77" }',
    'unknown key': 'connections {\n  a {\n    frobnicate = 1\n    remote_addrs = 1.2.3.4\n  }\n}\n',
    'missing include': 'include conf.d/*.conf\nconnections {\n  a {\n  }\n}\n',
    binary: '\u0001\u0002\u0003\u0000\u0004garbage\u0005\u0006',
    empty: '',
    giant: `connections {\n${'x'.repeat(100_000)}\n}\n`,
    fortiJunk: 'config vpn ipsec phase1-interface\n edit "x"\n  set psksecret TopSecret77\n  bogus line\n',
  };
  it.each(Object.entries(bad))('%s', (_n, text) => {
    const r = parseDeviceConfig([{ name: 'swanctl.conf', text }]);
    expect(r.problems.length).toBeGreaterThan(0);
    for (const p of r.problems) expect(p.message).toMatch(/^swanctl\.conf:\d+: .+\. .+/);
    expect(JSON.stringify(r)).not.toContain('TopSecret77');
  });
  it('unknown keys do not break the parse', () => {
    const r = parseDeviceConfig([{ name: 'swanctl.conf', text: bad['unknown key'] }]);
    expect(r.problems[0]!.code).toBe('E_CONFIG_UNKNOWN_KEY');
    expect(r.connections[0]!.remoteAddress?.value).toBe('1.2.3.4');
  });
  it('the sample secrets never reach JSON', () => {
    const r = parseDeviceConfig([sample('swanctl.conf'), sample('ipsec.conf'), sample('ipsec.secrets'), sample('fortigate.conf')]);
    const json = JSON.stringify(r);
    for (const s of ['Sup3rS3cret!', 'Ali-Psk-123', 'Clear-Text-Psk-9']) expect(json).not.toContain(s);
    expect(r.secrets).toContain('Ali-Psk-123');
  });
  it('sniffs each file', () => {
    expect(['swanctl.conf', 'ipsec.conf', 'ipsec.secrets', 'fortigate.conf'].map((n) => sniffConfigFile(sample(n)))).toEqual(['swanctl', 'ipsec-conf', 'ipsec-secrets', 'fortios']);
  });
});

describe('spellings', () => {
  it.each(['strongswan', 'libreswan', 'fortios'] as const)('%s reads back through classifyAlg', (d) => {
    for (const kind of Object.keys(ALIBABA_ALGORITHMS) as SpelledKind[]) {
      for (const v of ALIBABA_ALGORITHMS[kind]) {
        const s = deviceSpelling(d, kind, v);
        if (s === undefined) {
          expect(['group1', 'group2', 'group5', 'group14']).not.toContain(v);
          continue;
        }
        expect(classifyAlg(d === 'fortios' && kind === 'dh' ? fortiosGroupToken(s) : s).value).toBe(v);
      }
    }
  });
});
