// The Huawei VRP / H3C Comware dialect: every field with its value and line, the vendor defaults,
// sniffing, bad input (located problems, no throw, no secret), and the device-fix round trip for
// every DeviceChange kind (the dialect is called directly: the registry does not know it yet).
import { describe, expect, it } from 'vitest';
import type { ConfigFile, DeviceChange } from '../../src/check/device-model.js';
import { digestSecret } from '../../src/check/secret-digest.js';
import { classifyAlg } from '../../src/vocabulary/algorithms.js';
import { ALIBABA_ALGORITHMS, type SpelledKind } from '../../src/vocabulary/spellings.js';
import { huaweiDialect, parseHuawei, sniffHuawei } from '../../grammars/config/huawei/index.js';
import { deviceSpelling } from '../../src/vocabulary/spellings.js';
import { baseSpec } from '../check/matrix-device.js';
import { huaweiFiles } from '../check/matrix-huawei-template.js';
import { sample, values } from './helpers.js';

const VRP = sample('huawei-ar-ikev1.conf');
const H3C = sample('h3c-msr-ikev2.conf');
const conn = (f: ConfigFile, name: string) => parseHuawei([f]).connections.find((c) => c.name === name)!;
const algs = (p: { enc: { value: string }[]; auth: { value: string }[]; dh: { value: string }[] }) => [p.enc.map((a) => a.value), p.auth.map((a) => a.value), p.dh.map((a) => a.value)];

describe('VRP fields', () => {
  const r = parseHuawei([VRP]);
  const c = r.connections.find((x) => x.name === 'ali-map 10')!;
  it('one connection per policy entry and tunnel interface, no problems', () => {
    expect(r.connections.map((x) => x.name)).toEqual(['ali-map 10', 'ali-map 20', 'Tunnel0/0/1']);
    expect(r.problems).toEqual([]);
    expect(c.at).toEqual({ file: 'huawei-ar-ikev1.conf', line: 56 });
  });
  it('IKE side read from the ike peer and its proposal', () => {
    expect(c.remoteAddress).toMatchObject({ value: '47.100.5.6', at: { line: 42 } });
    expect(c.localAddress).toMatchObject({ value: '198.51.100.2', at: { line: 73 } });
    expect(c.ikeVersion).toMatchObject({ value: 'ikev1', raw: 'undo version 2', at: { line: 37 } });
    expect(c.ikeMode).toMatchObject({ value: 'main', at: { line: 38 } });
    expect(c.ikeProposals?.at.line).toBe(40);
    expect(c.ikeProposals!.value.map(algs)).toEqual([[['aes256'], ['sha256'], ['group14']]]);
    expect(c.ikeLifetime).toMatchObject({ value: 86400, at: { line: 29 } });
    expect(c.psk).toMatchObject({ value: { kind: 'clear', digest: digestSecret('Vrp-Psk-2024') }, raw: 'pre-shared-key simple …', at: { line: 39 } });
    expect(c.dpd).toMatchObject({ value: true, at: { line: 43 } });
    expect(c.localId).toMatchObject({ value: '198.51.100.2', defaulted: true });
    expect(c.remoteId).toMatchObject({ value: '47.100.5.6', defaulted: true });
  });
  it('child from the policy, its proposal and the ACL (wildcards → CIDR, host, deny skipped)', () => {
    const ch = c.children[0]!;
    expect(ch.proposals!.value.map(algs)).toEqual([[['aes256'], ['sha256'], ['group14']]]);
    expect(ch.proposals!.at.line).toBe(59);
    expect(ch.lifetime).toMatchObject({ value: 3600, at: { line: 61 } });
    expect(ch.localSubnets).toMatchObject({ value: ['10.10.0.0/24'], at: { line: 9 } });
    expect(ch.remoteSubnets?.value).toEqual(['172.16.0.0/16']);
    const b = r.connections[1]!.children[0]!;
    expect(b.localSubnets?.value).toEqual(['10.20.0.0/16']);
    expect(b.remoteSubnets?.value).toEqual(['172.16.0.0/16', '172.17.0.5/32']);
  });
  it('defaults: version, mode, every proposal, no PFS, global duration, DPD off; encrypted key; remote-id; NAT off', () => {
    const d = r.connections[1]!;
    expect(d.ikeVersion).toMatchObject({ value: 'ikev2', defaulted: true });
    expect(d.ikeMode).toMatchObject({ value: 'main', defaulted: true });
    expect(d.ikeProposals?.defaulted).toBe(true);
    expect(d.ikeProposals!.value.map(algs)).toEqual([[['aes256'], ['sha256'], ['group14']], [['aes'], ['sha1'], ['group2']]]);
    expect(d.children[0]!.proposals!.value[0]!.dh).toEqual([]);
    expect(d.children[0]!.lifetime).toMatchObject({ value: 3600, defaulted: true });
    expect(d.psk?.value).toEqual({ kind: 'encrypted' });
    expect(d.remoteId).toMatchObject({ value: 'vpn.example.com', at: { line: 49 } });
    expect(d.dpd).toMatchObject({ value: false, defaulted: true });
    expect(d.natTraversal).toMatchObject({ value: false, at: { line: 50 } });
    expect(r.connections[0]!.natTraversal).toMatchObject({ value: true, defaulted: true });
  });
  it('tunnel interface with an ipsec profile: destination, source address, any-to-any', () => {
    const t = r.connections[2]!;
    expect(t.remoteAddress).toMatchObject({ value: '47.100.9.9', at: { line: 83 } });
    expect(t.localAddress?.value).toBe('198.51.100.2');
    expect(t.children[0]!.localSubnets).toMatchObject({ value: ['0.0.0.0/0'], defaulted: true });
    expect(t.children[0]!.proposals!.value[0]!.dh.map((x) => x.value)).toEqual(['group2']);
  });
  it('keys: digest only, never in JSON, scrubbed through secrets', () => {
    expect(r.secrets).toContain('Vrp-Psk-2024');
    expect(r.secrets).toContain('Vti-Psk-77');
    expect(JSON.stringify(r)).not.toContain('Vrp-Psk-2024');
    expect(JSON.stringify(r)).not.toContain('Vti-Psk-77');
  });
});

describe('H3C Comware fields', () => {
  const r = parseHuawei([H3C]);
  it('IKEv2 profile, keychain peer, ikev2 policy proposal, transform set with PFS', () => {
    const c = r.connections.find((x) => x.name === 'ali-pol 1')!;
    expect(r.problems).toEqual([]);
    expect(c.ikeVersion).toMatchObject({ value: 'ikev2', at: { line: 68 } });
    expect(c.ikeMode).toBeUndefined();
    expect(c.ikeProposals!.value.map(algs)).toEqual([[['aes256'], ['sha256'], ['group14']]]);
    expect(c.ikeLifetime).toMatchObject({ value: 28800, at: { line: 52 } });
    expect(c.localId).toMatchObject({ value: '203.0.113.5', at: { line: 49 } });
    expect(c.remoteId).toMatchObject({ value: '47.100.20.1', at: { line: 50 } });
    expect(c.psk).toMatchObject({ value: { kind: 'clear', digest: digestSecret('H3c-V2-Psk!') }, at: { line: 43 } });
    expect(c.dpd?.value).toBe(true);
    expect(c.natTraversal?.defaulted).toBe(true);
    expect(c.localAddress).toMatchObject({ value: '203.0.113.5', at: { line: 66 } });
    expect(c.children[0]!.proposals!.value.map(algs)).toEqual([[['aes256'], ['sha256'], ['group14']]]);
    expect(c.children[0]!.remoteSubnets?.value).toEqual(['172.16.0.0/16']);
  });
  it('IKEv1 profile: ike proposal, encrypted keychain key, defaults', () => {
    const c = r.connections.find((x) => x.name === 'ali-pol 2')!;
    expect(c.ikeVersion).toMatchObject({ value: 'ikev1', at: { line: 75 } });
    expect(c.ikeMode).toMatchObject({ value: 'main', defaulted: true });
    expect(c.ikeProposals!.value.map(algs)).toEqual([[['aes256'], ['sha256'], ['group14']]]);
    expect(c.ikeLifetime).toMatchObject({ value: 86400, defaulted: true });
    expect(c.psk?.value).toEqual({ kind: 'encrypted' });
    expect(c.localAddress).toMatchObject({ value: '203.0.113.5', at: { line: 14 } });
    expect(c.children[0]!.remoteSubnets?.value).toEqual(['0.0.0.0/0']);
    expect(c.children[0]!.proposals!.value.map(algs)).toEqual([[['aes'], ['sha1'], []]]);
  });
  it('Comware IKE proposal defaults: DES-CBC, SHA1, group1', () => {
    const text = 'ike proposal 5\n#\nike profile p\n proposal 5\n#\nipsec transform-set t\n esp encryption-algorithm aes-cbc-128\n esp authentication-algorithm sha1\n#\nipsec policy m 1 isakmp\n transform-set t\n remote-address 47.1.1.1\n ike-profile p\n';
    const c = parseHuawei([{ name: 'h3c.cfg', text }]).connections[0]!;
    expect(c.ikeProposals!.value.map(algs)).toEqual([[['des'], ['sha1'], ['group1']]]);
    expect(c.psk).toMatchObject({ value: { kind: 'none' }, defaulted: true });
  });
  it('keys never in JSON', () => {
    expect(JSON.stringify(r)).not.toContain('H3c-V2-Psk!');
    expect(r.secrets).toContain('H3c-V2-Psk!');
  });
});

describe('flush `system-view` scripts read like the display output', () => {
  it('quit-closed sections, ipsec profile inside an interface, VRP defaults', () => {
    const text = ['ike proposal 1', 'quit', 'ike peer p', 'remote-address 47.2.2.2', 'pre-shared-key simple Flush-Key-1', 'ike-proposal 1', 'quit', 'ipsec proposal e', 'quit', 'ipsec policy m 10 isakmp', 'ike-peer p', 'proposal e', 'quit', 'ipsec sa global-duration time-based 7200', 'interface GigabitEthernet0/0/0', 'ip address 192.0.2.9 255.255.255.0', 'ipsec policy m', 'quit'].join('\n');
    const r = parseHuawei([{ name: 'script.txt', text }]);
    const c = r.connections[0]!;
    expect(c.remoteAddress?.value).toBe('47.2.2.2');
    expect(c.localAddress?.value).toBe('192.0.2.9');
    expect(c.ikeProposals!.value.map(algs)).toEqual([[['aes256'], ['sha256'], ['group14']]]);
    expect(c.ikeProposals!.value[0]!.raw).toContain('Huawei VRP default');
    expect(c.children[0]!.proposals!.value.map(algs)).toEqual([[['aes256'], ['sha256'], []]]);
    expect(c.children[0]!.lifetime).toMatchObject({ value: 7200, at: { line: 14 } });
    expect(JSON.stringify(r)).not.toContain('Flush-Key-1');
  });
});

describe('bad input: located problems, no throw, no secret', () => {
  const bad: Record<string, string> = {
    'unknown peer': 'ipsec policy m 10 isakmp\n ike-peer nowhere\n proposal e\n security acl 3999\n',
    'bad wildcard and duration': 'acl number 3000\n rule 5 permit ip source 10.0.0.0 0.255.0.255 destination 1.1.1.0 0.0.0.255\nike proposal 1\n sa duration forever\nike peer p\n pre-shared-key simple TopSecret77\n ike-proposal 1\nipsec proposal e\n transform ah\nipsec policy m 10 isakmp\n ike-peer p\n proposal e\n security acl 3000\n',
    orphan: ' pre-shared-key simple TopSecret77\n encryption-algorithm aes-256\n',
    binary: '\u0001\u0002\u0003\u0000garbage',
    empty: '',
    unrelated: '#\n sysname R1\n#\ninterface Vlanif1\n ip address 10.0.0.1 255.255.255.0\n#\nreturn\n',
  };
  it.each(Object.entries(bad))('%s', (_n, text) => {
    const r = parseHuawei([{ name: 'vrp.cfg', text }]);
    expect(r.problems.length).toBeGreaterThan(0);
    for (const p of r.problems) expect(p.message).toMatch(/^vrp\.cfg:\d+: .+\. .+/);
    expect(JSON.stringify(r)).not.toContain('TopSecret77');
  });
  it('codes and lines', () => {
    const r = parseHuawei([{ name: 'vrp.cfg', text: bad['bad wildcard and duration']! }]);
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([['E_CONFIG_VALUE', 4], ['E_CONFIG_VALUE', 9], ['E_CONFIG_VALUE', 2]]);
    const u = parseHuawei([{ name: 'vrp.cfg', text: bad['unknown peer']! }]);
    expect(u.problems.map((p) => [p.code, p.line])).toEqual([['E_CONFIG_UNRESOLVED', 2], ['E_CONFIG_UNRESOLVED', 3], ['E_CONFIG_UNRESOLVED', 4]]);
  });
});

describe('sniff and spellings', () => {
  it('sniffs VRP and Comware, not other dialects', () => {
    expect(sniffHuawei(VRP.text)).toBe(true);
    expect(sniffHuawei(H3C.text)).toBe(true);
    for (const n of ['swanctl.conf', 'ipsec.conf', 'fortigate.conf', 'libreswan.conf']) expect(sniffHuawei(sample(n).text)).toBe(false);
  });
  it.each(['huawei', 'h3c'] as const)('%s spellings read back through classifyAlg', (d) => {
    for (const kind of Object.keys(ALIBABA_ALGORITHMS) as SpelledKind[]) {
      for (const v of ALIBABA_ALGORITHMS[kind]) {
        const s = deviceSpelling(d, kind, v);
        if (s !== undefined) expect(classifyAlg(s).value).toBe(v);
        else expect(['group1', 'group2', 'group5', 'group14']).not.toContain(v);
      }
    }
  });
});

const alg = (value: string) => ({ value, alibaba: true });
const prop = (enc: string, auth: string, dh?: string) => ({ enc: [alg(enc)], auth: [alg(auth)], dh: dh ? [alg(dh)] : [] });
type V = Record<string, unknown> & { children: Record<string, unknown>[] };
function expected(before: unknown, change: DeviceChange): V {
  const v = structuredClone(before) as V;
  const child = v.children[0]!;
  switch (change.field) {
    case 'ikeProposal': v['ikeProposals'] = [prop(change.enc, change.auth, change.dh)]; break;
    case 'childProposal': child['proposals'] = [prop(change.enc, change.auth, change.pfs === 'disabled' ? undefined : change.pfs)]; break;
    case 'ikeVersion': case 'ikeMode': case 'localId': case 'remoteId': case 'dpd': case 'natTraversal': v[change.field] = change.value; break;
    case 'ikeLifetime': v['ikeLifetime'] = change.seconds; break;
    case 'childLifetime': child['lifetime'] = change.seconds; break;
    case 'psk': v['psk'] = { kind: 'clear', digest: digestSecret(change.placeholder) }; break;
    case 'localSubnets': case 'remoteSubnets': child[change.field] = change.value; break;
  }
  return v;
}

function changes(child: string, v1: boolean): DeviceChange[] {
  return [
    { field: 'ikeProposal', enc: 'aes256', auth: 'sha1', dh: 'group2' },
    { field: 'childProposal', child, enc: 'aes256', auth: 'sha1', pfs: 'group2' },
    { field: 'childProposal', child, enc: 'aes', auth: 'sha256', pfs: 'disabled' },
    { field: 'ikeVersion', value: v1 ? 'ikev2' : 'ikev1' },
    { field: 'ikeMode', value: 'aggressive' },
    { field: 'ikeLifetime', seconds: 3600 },
    { field: 'childLifetime', child, seconds: 1800 },
    { field: 'localId', value: 'device.example.com' },
    { field: 'remoteId', value: '47.100.200.1' },
    { field: 'psk', placeholder: '<NEW-PSK>' },
    { field: 'localSubnets', child, value: ['10.99.0.0/16'] },
    { field: 'remoteSubnets', child, value: ['172.31.0.0/16', '172.30.0.1/32'] },
    { field: 'dpd', value: false },
    { field: 'dpd', value: true },
    { field: 'natTraversal', value: false },
    { field: 'natTraversal', value: true },
  ];
}

/** Changes Comware cannot express: the IKE version is a profile type, NAT traversal is automatic, IKEv2 has no mode. */
const H3C_NONE = (c: DeviceChange, v2: boolean): boolean => c.field === 'ikeVersion' || c.field === 'natTraversal' || (v2 && c.field === 'ikeMode');

const CASES = [
  { label: 'VRP IKEv1 policy', file: VRP, conn: 'ali-map 10', v1: true, none: (): boolean => false },
  { label: 'VRP default peer', file: VRP, conn: 'ali-map 20', v1: false, none: (): boolean => false },
  { label: 'H3C IKEv2 profile', file: H3C, conn: 'ali-pol 1', v1: false, none: (c: DeviceChange) => H3C_NONE(c, true) },
  { label: 'H3C IKEv1 profile', file: H3C, conn: 'ali-pol 2', v1: true, none: (c: DeviceChange) => H3C_NONE(c, false) },
];

describe.each(CASES)('$label round trip', ({ file, conn: name, v1, none }) => {
  it.each(changes(name, v1).map((c) => [`${c.field} ${JSON.stringify(c).slice(0, 70)}`, c] as const))('%s', (_l, change) => {
    const before = conn(file, name);
    const edits = huaweiDialect.edits(before, change);
    if (none(change)) {
      expect(edits).toEqual([]);
      return;
    }
    expect(edits.length).toBeGreaterThan(0);
    const rendered = huaweiDialect.renderEdits(edits);
    expect(rendered[rendered.length - 1]).toBe('quit');
    const text = huaweiDialect.applyEdits(file.text, file.name, edits);
    const r = parseHuawei([{ name: file.name, text }]);
    expect(r.problems).toEqual([]);
    const after = r.connections.find((c) => c.name === name);
    expect(values(after)).toEqual(expected(values(before), change));
  });
});

describe('fix text', () => {
  it('renders system-view commands, each section closed by quit', () => {
    const c = conn(VRP, 'ali-map 10');
    const edits = [...huaweiDialect.edits(c, { field: 'childProposal', child: c.name, enc: 'aes', auth: 'sha256', pfs: 'disabled' }), ...huaweiDialect.edits(c, { field: 'psk', placeholder: '<PSK>' })];
    expect(huaweiDialect.renderEdits(edits)).toEqual(['ipsec proposal ali-esp', 'esp encryption-algorithm aes-128', 'esp authentication-algorithm sha2-256', 'quit', 'ipsec policy ali-map 10 isakmp', 'undo pfs', 'quit', 'ike peer alibaba', 'pre-shared-key simple <PSK>', 'quit']);
  });
  it('several edits in one call: replacements by original line, insertions, rule removal, no drift', () => {
    const c = conn(VRP, 'ali-map 20');
    const edits = [
      ...huaweiDialect.edits(c, { field: 'remoteSubnets', child: c.name, value: ['172.31.0.0/16'] }),
      ...huaweiDialect.edits(c, { field: 'dpd', value: true }),
      ...huaweiDialect.edits(c, { field: 'ikeProposal', enc: 'aes256', auth: 'sha256', dh: 'group14' }),
      ...huaweiDialect.edits(c, { field: 'childLifetime', child: c.name, seconds: 1800 }),
    ];
    const text = huaweiDialect.applyEdits(VRP.text, VRP.name, edits);
    expect(text).toContain(' rule 5 permit ip source 10.20.0.0 0.0.255.255 destination 172.31.0.0 0.0.255.255\n rule 15 deny ip');
    expect(text).not.toContain('rule 10 ');
    expect(text).toContain(' authentication-mode password\n#\nike proposal 99\n encryption-algorithm aes-256\n authentication-algorithm sha2-256\n integrity-algorithm hmac-sha2-256\n dh group14\n#\nreturn');
    expect(text).toContain(' undo nat traversal\n dpd type periodic\n ike-proposal 99\nike peer vti-peer');
    expect(huaweiDialect.applyEdits(VRP.text, 'other.cfg', edits.filter((e) => e.replaces))).toBe(VRP.text);
    const after = parseHuawei([{ name: VRP.name, text }]).connections.find((x) => x.name === 'ali-map 20')!;
    expect(after.children[0]!.remoteSubnets?.value).toEqual(['172.31.0.0/16']);
    expect(after.children[0]!.lifetime?.value).toBe(1800);
    expect(after.dpd?.value).toBe(true);
    expect(after.ikeProposals!.value.map(algs)).toEqual([[['aes256'], ['sha256'], ['group14']]]);
  });
  it('a route-based tunnel cannot take subnets; an unknown connection gets no edits', () => {
    const t = conn(VRP, 'Tunnel0/0/1');
    expect(huaweiDialect.edits(t, { field: 'localSubnets', child: t.name, value: ['10.0.0.0/8'] })).toEqual([]);
    expect(huaweiDialect.edits({ ...t, name: 'nope' }, { field: 'dpd', value: true })).toEqual([]);
  });
});

describe('matrix template', () => {
  it('every spec field reads back from the generated VRP configuration', () => {
    const s = { ...baseSpec(), mode: 'aggressive' as const, dpd: false, natt: false, pfs: 'disabled', localId: 'branch.example.com' };
    const r = parseHuawei(huaweiFiles(s, ['192.0.2.10', '192.0.2.11']));
    expect(r.problems).toEqual([]);
    expect(r.connections.map((c) => [c.name, c.remoteAddress?.value])).toEqual([['alibaba 10', '192.0.2.10'], ['alibaba 20', '192.0.2.11']]);
    const c = r.connections[0]!;
    expect([c.ikeVersion?.value, c.ikeMode?.value, c.ikeLifetime?.value, c.localId?.value, c.remoteId?.value, c.dpd?.value, c.natTraversal?.value]).toEqual([s.version, 'aggressive', s.ikeLifetime, 'branch.example.com', '192.0.2.10', false, false]);
    expect(c.ikeProposals!.value.map(algs)).toEqual([[[s.ikeEnc], [s.ikeAuth], [s.ikeDh]]]);
    expect(c.psk?.value).toEqual({ kind: 'clear', digest: digestSecret(s.psk) });
    const ch = c.children[0]!;
    expect([ch.localSubnets?.value, ch.remoteSubnets?.value, ch.lifetime?.value]).toEqual([[s.localSubnet], [s.remoteSubnet], s.ipsecLifetime]);
    expect(ch.proposals!.value.map(algs)).toEqual([[[s.espEnc], [s.espAuth], []]]);
    const v2 = parseHuawei(huaweiFiles({ ...baseSpec(), version: 'ikev2' }, ['192.0.2.10'])).connections[0]!;
    expect([v2.ikeVersion?.value, v2.dpd?.value, v2.children[0]!.proposals!.value[0]!.dh[0]!.value]).toEqual(['ikev2', true, baseSpec().pfs]);
    expect(v2.ikeProposals!.value.map(algs)).toEqual([[[s.ikeEnc], [s.ikeAuth], [s.ikeDh]]]);
  });
});
