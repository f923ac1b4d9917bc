// A DownloadVpnConnectionConfig export is an input of `analyze` too: the cloud's settings (read
// back from the peer's view) fill the diff where the logs do not say the cloud's value, it joins
// the subject whose addresses it shares, and its key — in clear in that export — never reaches
// the report.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyze } from '../../src/index.js';
import { renderJson } from '../../src/report/render/json.js';
import { renderText } from '../../src/report/render/text.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const KEY = 'Vx7pQ2-lab-shared-key';

/** The lab's connection as Alibaba would export it for the device (device 198.51.100.2, gateway 198.51.100.1). */
function download(ikeEnc: string): string {
  return JSON.stringify({
    RequestId: 'D0000000-0000-4000-8000-000000000001',
    VpnConnectionConfig: {
      Local: '198.51.100.2',
      Remote: '198.51.100.1',
      LocalSubnet: '203.0.113.128/25',
      RemoteSubnet: '203.0.113.0/25',
      IkeConfig: { IkeVersion: 'ikev2', IkeMode: 'main', IkeEncAlg: ikeEnc, IkeAuthAlg: 'sha256', IkePfs: 'group14', IkeLifetime: 86400, LocalId: '198.51.100.2', RemoteId: '198.51.100.1', Psk: KEY },
      IpsecConfig: { IpsecEncAlg: 'aes256', IpsecAuthAlg: 'sha256', IpsecPfs: 'group14', IpsecLifetime: 3600 },
    },
  });
}

describe('DownloadVpnConnectionConfig as an analyze input', () => {
  it('is recognised, joins the device log by address, and its key never reaches any output', async () => {
    const peer = readFileSync(`${ROOT}test/fixtures/lab/sw-psk_mismatch_v2-P/input/peer.log`, 'utf8');
    const report = await analyze([{ source: 'download.json', content: download('aes256') }, { source: 'peer.log', content: peer }], { peerTz: 'UTC', peerYear: 2026, now: new Date('2026-11-22T00:00:00Z') });
    expect(report.inputs.find((i) => i.source === 'download.json')).toMatchObject({ kind: 'download-vpn-connection-config', records: 1 });
    expect(report.subjects).toHaveLength(1);
    expect(report.subjects[0]!.findings[0]!.cause).toBe('psk-mismatch');
    for (const text of [renderJson(report), renderText(report)]) expect(text).not.toContain(KEY);
  });

  it('fills in the cloud value of the diff where the device log does not show it', async () => {
    const peer = readFileSync(`${ROOT}test/fixtures/lab/sw-p1_encryption_mismatch_v2-P/input/peer.log`, 'utf8');
    const report = await analyze([{ source: 'download.json', content: download('aes256') }, { source: 'peer.log', content: peer }], { peerTz: 'UTC', peerYear: 2026, now: new Date('2026-11-22T00:00:00Z') });
    const top = report.subjects[0]!.findings[0]!;
    expect(top.cause).toBe('ike-proposal-mismatch');
    expect(top.diff.find((d) => d.parameter === 'IkeEncAlg')).toMatchObject({ cloud: 'aes256' });
  });
});

/** Device B of the lab as its swanctl.conf would configure it (the phase-1 cipher differs from the cloud's). */
const SWANCTL = `connections {
  alibaba {
    version = 2
    local_addrs = 198.51.100.2
    remote_addrs = 198.51.100.1
    proposals = aes128-sha256-modp2048
    local {
      auth = psk
      id = 198.51.100.2
    }
    remote {
      auth = psk
      id = 198.51.100.1
    }
    children {
      vpc {
        local_ts = 203.0.113.128/25
        remote_ts = 203.0.113.0/25
        esp_proposals = aes256-sha256-modp2048
      }
    }
  }
}
secrets {
  ike-1 {
    id = 198.51.100.1
    secret = "Vx7pQ2-lab-shared-kye"
  }
}
`;

describe('a device configuration beside the logs', () => {
  it('fills in the device value the log does not show, quoting the configuration line; the device key never shows', async () => {
    const peer = readFileSync(`${ROOT}test/fixtures/lab/sw-p1_encryption_mismatch_v2-P/input/peer.log`, 'utf8');
    const report = await analyze(
      [{ source: 'download.json', content: download('aes256') }, { source: 'peer.log', content: peer }, { source: 'swanctl.conf', content: SWANCTL }],
      { peerTz: 'UTC', peerYear: 2026, now: new Date('2026-11-22T00:00:00Z') },
    );
    expect(report.inputs.find((i) => i.source === 'swanctl.conf')).toMatchObject({ kind: 'device-config', records: 1, problems: 0 });
    const top = report.subjects[0]!.findings[0]!;
    expect(top.diff.find((d) => d.parameter === 'IkeEncAlg')).toMatchObject({ cloud: 'aes256', peer: 'aes' });
    expect(top.evidence.some((e) => e.source === 'swanctl.conf' && e.line === 6)).toBe(true);
    for (const text of [renderJson(report), renderText(report)]) expect(text).not.toContain('Vx7pQ2-lab-shared-kye');
  });

  it('a log whose lines merely mention "conn" is still read as a log', async () => {
    const peer = readFileSync(`${ROOT}test/fixtures/lab/sw-psk_mismatch_v2-P/input/peer.log`, 'utf8');
    const report = await analyze([{ source: 'peer.log', content: peer }], { peerTz: 'UTC', peerYear: 2026 });
    expect(report.inputs[0]!.kind).toBe('peer-log');
  });
});
