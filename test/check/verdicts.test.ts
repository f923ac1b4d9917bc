// `check` verdicts beyond one changed value: several device proposals, values Alibaba does not
// offer, keys that cannot be compared, the side a fix is recommended on, and the cloud exports'
// shapes (JSON-string configs, SDK envelopes, the peer's view of DownloadVpnConnectionConfig).
import { describe, expect, it } from 'vitest';
import { runCheck, checkExitCode } from '../../src/check/check.js';
import { deviceConfigDeps } from '../../src/check/device-fixer.js';
import { readCloudSettings } from '../../src/parse/cloud-settings.js';
import { applyModify } from '../../src/check/apply-modify.js';
import { BASE, describeExport, downloadExport } from './matrix-cloud.js';
import { baseSpec, deviceFiles } from './matrix-device.js';

const check = (cloud: unknown, device: { name: string; text: string }[]) => runCheck({ cloud: [{ source: 'cloud.json', value: cloud }], device }, deviceConfigDeps);
const swanctl = (edit: (t: string) => string) => deviceFiles('swanctl', baseSpec(), [BASE.gatewayIps[0]]).map((f) => ({ ...f, text: edit(f.text) }));
const fortios = (edit: (t: string) => string) => deviceFiles('fortios', baseSpec(), [BASE.gatewayIps[0]]).map((f) => ({ ...f, text: edit(f.text) }));
const entry = (r: ReturnType<typeof check>, p: string) => r.report.subjects[0]!.comparison!.entries.find((e) => e.parameter === p)!;

describe('proposals', () => {
  it('a later device proposal that holds the cloud combination negotiates: a warning, not a mismatch', () => {
    const r = check(describeExport(false), swanctl((t) => t.replace('proposals = aes256-sha256-modp2048', 'proposals = aes128-sha1-modp1024, aes256-sha256-modp2048')));
    expect(['IkeEncAlg', 'IkeAuthAlg', 'IkePfs'].map((p) => entry(r, p).verdict)).toEqual(['warning', 'warning', 'warning']);
    expect(entry(r, 'IkeEncAlg').note).toMatch(/proposal 2/);
    expect(checkExitCode(r.report)).toBe(1);
    expect(r.report.subjects[0]!.findings[0]!.severity).toBe('low');
  });

  it('several algorithms of a kind in one proposal: any of them matches', () => {
    const r = check(describeExport(false), swanctl((t) => t.replace('proposals = aes256-sha256-modp2048', 'proposals = aes128-aes256-sha1-sha256-modp1024-modp2048')));
    expect(entry(r, 'IkeEncAlg').verdict).toBe('match');
    expect(entry(r, 'IkePfs').verdict).toBe('match');
  });

  it('a device offering only what Alibaba lacks: no Alibaba value, the fix is on the device only', () => {
    const r = check(describeExport(false), swanctl((t) => t.replace('esp_proposals = aes256-sha256-modp2048', 'esp_proposals = aes256gcm16-ecp384')));
    expect(entry(r, 'IpsecEncAlg').verdict).toBe('no-alibaba-value');
    expect(entry(r, 'IpsecEncAlg').device).toBe('aes256gcm16');
    const f = r.report.subjects[0]!.findings.find((x) => x.cause === 'ipsec-proposal-mismatch')!;
    expect(f.remediation.map((s) => s.side)).toEqual(['peer']);
  });
});

describe('keys', () => {
  it('an encrypted FortiOS psksecret cannot be compared: unverifiable, exit 0 when the rest matches', () => {
    const r = check(describeExport(false), fortios((t) => t.replace(/set psksecret \S+/, 'set psksecret ENC qV3cs7+Hf9AZlNxGxlOZ6yw==')));
    expect(entry(r, 'Psk').verdict).toBe('unverifiable');
    expect(checkExitCode(r.report)).toBe(0);
  });

  it('a DescribeVpnConnection without the key: unverifiable, and it says which export has it', () => {
    const cloud = describeExport(false);
    delete (cloud['IkeConfig'] as Record<string, unknown>)['Psk'];
    const r = check(cloud, swanctl((t) => t));
    expect(entry(r, 'Psk')).toMatchObject({ verdict: 'unverifiable', cloud: null });
    expect(entry(r, 'Psk').note).toMatch(/DownloadVpnConnectionConfig/);
  });
});

describe('recommended side', () => {
  it('the cloud when the device is stronger (aes256 on the device, aes in the cloud)', () => {
    const cloud = applyModify(describeExport(false), { VpnConnectionId: BASE.vpnConnectionId, IkeConfig: { IkeEncAlg: 'aes' } });
    const r = check(cloud, swanctl((t) => t));
    const steps = r.report.subjects[0]!.findings[0]!.remediation;
    expect(steps[0]).toMatchObject({ side: 'cloud', recommended: true });
    expect(steps[0]!.action!.parameters).toMatchObject({ IkeConfig: { IkeEncAlg: 'aes256' } });
  });

  it('the device when the cloud is stronger', () => {
    const spec = { ...baseSpec(), ikeEnc: 'aes' };
    const r = check(describeExport(false), deviceFiles('swanctl', spec, [BASE.gatewayIps[0]]));
    expect(r.report.subjects[0]!.findings[0]!.remediation[0]).toMatchObject({ side: 'peer', recommended: true });
  });
});

describe('pairing', () => {
  it('a dual-tunnel connection with one device connection: the other tunnel is reported, not guessed', () => {
    const r = check(describeExport(true), deviceFiles('fortios', baseSpec(), [BASE.gatewayIps[0]]));
    const causes = r.report.subjects.map((s) => s.findings[0]?.cause ?? null);
    expect(causes).toEqual([null, 'peer-not-configured']);
    expect(checkExitCode(r.report)).toBe(1);
  });

  it('no device connection at all is unusable input', () => {
    const r = check(describeExport(false), [{ name: 'notes.txt', text: 'hello\n' }]);
    expect(r.unusable).toMatch(/no IPsec connection/);
  });
});

describe('cloud exports', () => {
  it('reads IkeConfig given as a JSON string, inside an SDK envelope', () => {
    const c = describeExport(false);
    const wrapped = { statusCode: 200, headers: {}, body: { ...c, IkeConfig: JSON.stringify(c['IkeConfig']), IpsecConfig: JSON.stringify(c['IpsecConfig']) } };
    const t = readCloudSettings(wrapped, 'x.json').tunnels[0]!;
    expect(t.values.IkeEncAlg).toEqual({ value: 'aes256', pointer: '/body/IkeConfig/IkeEncAlg' });
    const fixed = applyModify(wrapped, { VpnConnectionId: BASE.vpnConnectionId, IkeConfig: { IkeEncAlg: 'aes' } });
    expect(typeof fixed.body.IkeConfig).toBe('string');
    expect(readCloudSettings(fixed, 'x.json').tunnels[0]!.values.IkeEncAlg?.value).toBe('aes');
  });

  it('DownloadVpnConnectionConfig is the peer view: ids and subnets read back to the cloud side, the key kept as a secret only', () => {
    const read = readCloudSettings(downloadExport(), 'd.json');
    const t = read.tunnels[0]!;
    expect(t.values.LocalId?.value).toBe(BASE.gatewayIps[0]);
    expect(t.values.RemoteId?.value).toBe(BASE.customerIp);
    expect(t.values.LocalSubnet?.value).toBe(BASE.LocalSubnet);
    expect(t.gatewayIp).toBe(BASE.gatewayIps[0]);
    expect(JSON.stringify(t)).not.toContain(BASE.psk);
    expect(read.secrets).toEqual([BASE.psk]);
  });

  it('JSON of another shape is a located problem', () => {
    expect(readCloudSettings({ hello: 1 }, 'x.json').problems[0]).toMatchObject({ code: 'E_JSON_SHAPE' });
  });
});
