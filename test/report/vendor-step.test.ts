// A Cisco or Huawei/H3C device known from its log alone: the finding names the vendor's commands
// that set each differing parameter, with the cloud's value spelled the vendor's way and the
// configuration's own names left as placeholders; never a key, never a line of placeholders only.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const OPTS = { peerTz: 'UTC', peerYear: 2026, now: new Date('2026-12-04T12:00:00Z') } as const;
const vendorLines = async (dir: string): Promise<{ step: string; lines: string[] } | undefined> => {
  const top = (await analyze([`${ROOT}test/fixtures/${dir}/input`], OPTS)).subjects[0]!.findings[0]!;
  const r = top.remediation.find((x) => x.lines && /names in <> are your configuration's/.test(x.step));
  return r ? { step: r.step, lines: r.lines! } : undefined;
};

describe('vendor fix lines from a device log', () => {
  it('IOS IKEv1 phase-1 cipher: the ISAKMP policy with the cloud\'s cipher', async () => {
    const r = await vendorLines('cisco/cisco-ios_p1_proposal_v1_responder');
    expect(r?.step).toMatch(/^On the Cisco IOS router, set IkeEncAlg/);
    expect(r?.lines).toEqual(['crypto isakmp policy <priority>', ' encryption aes 256']);
  });

  it('IOS selectors: the crypto ACL in address/wildcard form', async () => {
    const r = await vendorLines('cisco/cisco-ios_ts_v2_responder');
    expect(r?.lines).toContain(' permit ip 192.0.2.0 0.0.0.255 203.0.113.0 0.0.0.127');
  });

  it('ASA selectors: the crypto ACL with netmasks, not wildcards', async () => {
    expect((await vendorLines('cisco/cisco-asa_ts_v1'))?.lines).toEqual(['access-list <crypto ACL> extended permit ip 192.0.2.0 255.255.255.0 203.0.113.0 255.255.255.128']);
  });

  it('IOS PFS off on the cloud: `no set pfs` in the crypto map', async () => {
    expect((await vendorLines('cisco/cisco-ios_pfs_v1_responder'))?.lines).toEqual(['crypto map <map name> <seq> ipsec-isakmp', ' no set pfs']);
  });

  it('ASA IKEv2 key: the tunnel group of the gateway with the placeholder, never a key', async () => {
    const r = await vendorLines('cisco/cisco-asa_psk_v2_initiator');
    expect(r?.lines[0]).toBe('tunnel-group 198.51.100.1 ipsec-attributes');
    expect(r?.lines.slice(1).every((l) => l.includes('<the Psk of DownloadVpnConnectionConfig>'))).toBe(true);
  });

  it('values the inputs do not show write no line of placeholders', async () => {
    const r = await vendorLines('cisco/cisco-asa_p2_proposal_v1');
    for (const l of r?.lines ?? []) expect(l).not.toMatch(/^[^<]*<esp cipher> <esp hmac>$|group<n>/);
  });

  it('a strongSwan device gets no vendor lines', async () => {
    expect(await vendorLines('lab/sw-p1_encryption_mismatch_v2-P')).toBeUndefined();
  });
});
