// A PAN-OS firewall's log alone, end to end: each shape users paste names the cause that ranks
// first. The lines are written for these tests in PAN-OS's shapes (docs/panos.md).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.js';

const GW = '198.51.100.1';
const ME = '198.51.100.2';
let seq = 0;
const csv = (eventId: string, desc: string, object = 'to-cloud'): string => {
  const t = `2026/12/05 10:00:${String(++seq % 60).padStart(2, '0')}`;
  return `1,${t},012801000001,SYSTEM,vpn,0,${t},,${eventId},${object},0,0,general,informational,"${desc}",${7000 + seq},0x0,0,0,0,0,,pa-fw`;
};
const ikemgr = (msg: string, level = 'PERR'): string => `2026-12-05 10:00:04.120 +0800  [${level}]: { 1: }: ${ME}[500] - ${GW}[500]:0x7fa610013da0 ${msg}`;
const P1_UP = `IKE phase-1 negotiation is succeeded as initiator, main mode. Established SA: ${ME}[500]-${GW}[500] cookie:84222f276c2fa2e9:1c2d3e4f5a6b7c8d lifetime 28800 Sec.`;
const V2_UP = `IKEv2 IKE SA negotiation is succeeded as responder, non-rekey. Established SA: ${ME}[500]-${GW}[500] SPI:07f21c0fd2236540:ac9d9ee491cd49d9 lifetime 28800 Sec.`;
const CHILD_UP = `IKEv2 child SA negotiation is succeeded as responder, non-rekey. Established SA: ${ME}[500]-${GW}[500] message id:0x00000001, SPI:0xC1D2E3F4/0xA1B2C3D4.`;

const CASES: [string, string[], string][] = [
  ['the gateway never answered', [csv('ike-nego-p1-start', `IKE phase-1 negotiation is started as initiator, main mode. Initiated SA: ${ME}[500]-${GW}[500] cookie:84222f276c2fa2e9:0000000000000000.`), csv('ike-nego-p1-fail', `IKE phase-1 negotiation is failed as initiator, main mode. Failed SA: ${ME}[500]-${GW}[500] cookie:84222f276c2fa2e9:0000000000000000. Due to timeout.`)], 'peer-unreachable'],
  ['the gateway answered, then nothing more (main mode 5 unanswered)', [csv('ike-nego-p1-fail', `IKE phase-1 negotiation is failed as initiator, main mode. Failed SA: ${ME}[500]-${GW}[500] cookie:84222f276c2fa2e9:1c2d3e4f5a6b7c8d. Due to timeout.`)], 'psk-mismatch'],
  ['no IKE gateway for the gateway address', [csv('ike-nego-p1-fail', `IKE phase-1 negotiation is failed. Couldn't find configuration for IKE phase-1 request for peer IP ${GW}[500]`)], 'peer-not-configured'],
  ['an IKEv2 pre-shared key', [ikemgr('authentication failure'), ikemgr('authentication result: failure', 'INFO')], 'psk-mismatch'],
  ['an IKEv2 identity', [csv('ikev2-nego-ike-fail', `IKEv2 IKE SA negotiation is failed as responder, non-rekey. Failed SA: ${ME}[500]-${GW}[500] SPI:07f21c0fd2236540:ac9d9ee491cd49d9. received ID_I (type ipaddr [198.51.100.9]) does not match peers id`)], 'identity-mismatch'],
  ['phase-1 algorithms (an ikemgr notify)', [ikemgr('====> PHASE-1 NEGOTIATION STARTED AS INITIATOR, MAIN MODE <====', 'PNTF'), ikemgr('received notify type NO_PROPOSAL_CHOSEN')], 'ike-proposal-mismatch'],
  ['phase-2 algorithms', [csv('ike-nego-p1-succ', P1_UP), csv('ike-nego-p2-fail', "IKE phase-2 negotiation failed when processing SA payload. No suitable proposal found in peer's SA payload.", 'to-cloud-tun')], 'ipsec-proposal-mismatch'],
  ['proxy IDs', [csv('ike-nego-p1-succ', P1_UP), csv('ike-nego-p2-fail', 'IKE phase-2 negotiation failed when processing Proxy ID. Received local id 203.0.113.128/25 type IPv4 address protocol 0 port 0, received remote id 203.0.113.0/24 type IPv4 address protocol 0 port 0.', 'to-cloud-tun')], 'traffic-selector-mismatch'],
  ['PFS at the first CHILD_SA rekey', [csv('ikev2-nego-ike-succ', V2_UP), csv('ikev2-nego-child-succ', CHILD_UP, 'to-cloud-tun'), csv('ikev2-nego-child-fail', `IKEv2 child SA negotiation is failed as responder, rekey. Failed SA: ${ME}[500]-${GW}[500] message id:0x00000002. message lacks KE payload`, 'to-cloud-tun')], 'pfs-mismatch'],
  ['a GUI detail of an encryption refused', ['Event: ikev2-nego-enc-mismatch', "[IKE-GW-ALI]: Configured encryption algorithm 'AES256-CBC' was not presented", 'in the IKE proposal. Please ensure that matching proposals are configured on', 'both sides.'], 'ike-proposal-mismatch'],
];

describe('a PAN-OS log alone', () => {
  it.each(CASES)('%s → %s', async (_name, lines, cause) => {
    const r = await analyze([{ source: 'pa-fw.log', content: `${lines.join('\n')}\n` }], { now: new Date('2026-12-06T00:00:00Z'), peerTz: 'UTC' });
    expect(r.stats.unparsed).toBe(0);
    expect(r.subjects.map((s) => s.findings[0]?.cause)).toEqual([cause]);
  });

  it('a healthy tunnel raises nothing', async () => {
    const lines = [csv('ikev2-nego-ike-succ', V2_UP), csv('ikev2-nego-child-succ', CHILD_UP, 'to-cloud-tun'), csv('ipsec-key-install', `IPSec key installed. Installed SA: ${ME}[500]-${GW}[500] SPI:0xC1D2E3F4/0xA1B2C3D4 lifetime 3600 Sec lifesize unlimited.`, 'to-cloud-tun')];
    const r = await analyze([{ source: 'pa-fw.log', content: `${lines.join('\n')}\n` }], { now: new Date('2026-12-06T00:00:00Z'), peerTz: 'UTC' });
    expect(r.subjects.map((s) => [s.status, s.findings.filter((f) => f.severity !== 'info').length])).toEqual([['healthy', 0]]);
  });
});
