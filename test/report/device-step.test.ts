// A finding names the device lines that set the device to the cloud's values, from the diff: the
// FortiOS CLI from a FortiGate log alone (phase1-interface / phase2-interface), the configuration's
// own syntax when the device configuration is given beside the logs; a strongSwan log alone gets
// the rule's steps only.
import { readFileSync } from 'node:fs';
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

  it('a swanctl.conf beside the logs: swanctl lines that replace the connection\'s proposals line', async () => {
    const peer = readFileSync(`${ROOT}test/fixtures/lab/sw-p1_encryption_mismatch_v2-P/input/peer.log`, 'utf8');
    const swanctl = ['connections {', '  alibaba {', '    version = 2', '    local_addrs = 198.51.100.2', '    remote_addrs = 198.51.100.1', '    proposals = aes128-sha256-modp2048',
      '    local {', '      auth = psk', '    }', '    remote {', '      auth = psk', '    }', '    children {', '      vpc {', '        local_ts = 203.0.113.128/25', '        remote_ts = 203.0.113.0/25', '      }', '    }', '  }', '}', ''].join('\n');
    const download = JSON.stringify({ VpnConnectionConfig: { Local: '198.51.100.2', Remote: '198.51.100.1', LocalSubnet: '203.0.113.128/25', RemoteSubnet: '203.0.113.0/25',
      IkeConfig: { IkeVersion: 'ikev2', IkeMode: 'main', IkeEncAlg: 'aes256', IkeAuthAlg: 'sha256', IkePfs: 'group14', IkeLifetime: 86400 }, IpsecConfig: { IpsecEncAlg: 'aes256', IpsecAuthAlg: 'sha256', IpsecPfs: 'group14', IpsecLifetime: 3600 } } });
    const report = await analyze([{ source: 'download.json', content: download }, { source: 'peer.log', content: peer }, { source: 'swanctl.conf', content: swanctl }], { peerTz: 'UTC', peerYear: 2026, now: new Date('2026-11-22T00:00:00Z') });
    const top = report.subjects[0]!.findings[0]!;
    const step = top.remediation.find((r) => r.lines && r.side === 'peer');
    expect(step?.step).toMatch(/swanctl\.conf, connection alibaba of swanctl\.conf/);
    expect(step?.lines?.join('\n')).toMatch(/proposals = aes256-sha256-modp2048/);
  });
});
