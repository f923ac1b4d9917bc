// A finding about a FortiGate names the FortiOS CLI lines that set the device to the cloud's
// values (phase1-interface / phase2-interface), from the diff; other devices' findings do not.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const run = (dir: string) => analyze([`${ROOT}test/fixtures/${dir}/input`], { peerTz: 'UTC', peerYear: 2026, now: new Date('2026-11-22T00:00:00Z') });
const fortiosLines = async (dir: string): Promise<string[] | undefined> => (await run(dir)).subjects[0]!.findings[0]!.remediation.find((r) => r.lines?.[0]?.startsWith('config vpn ipsec'))?.lines;

describe('FortiOS fix lines', () => {
  it('PFS on the FortiGate only: phase2-interface `set pfs disable`', async () => {
    expect(await fortiosLines('fortigate/fgt-pfs_v2')).toEqual(expect.arrayContaining(['config vpn ipsec phase2-interface', '        set pfs disable']));
  });

  it('a phase-1 cipher: phase1-interface of the named gateway, `set proposal aes256-…`', async () => {
    const lines = await fortiosLines('fortigate/fgt-p1_proposal_v1_responder');
    expect(lines).toEqual(expect.arrayContaining(['config vpn ipsec phase1-interface', '    edit "to-alibaba"']));
    expect(lines!.some((l) => /set proposal aes256-/.test(l))).toBe(true);
  });

  it('a key: `set psksecret` with the placeholder, never a key', async () => {
    expect(await fortiosLines('fortigate/fgt-psk_v2')).toEqual(expect.arrayContaining(['        set psksecret <the Psk of DownloadVpnConnectionConfig>']));
  });

  it('a strongSwan device gets no FortiOS lines', async () => {
    expect(await fortiosLines('lab/sw-p1_encryption_mismatch_v2-P')).toBeUndefined();
  });
});
