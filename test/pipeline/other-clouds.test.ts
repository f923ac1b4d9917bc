// Other clouds' VPN gateways at the far end of a tunnel from an Alibaba Cloud gateway: AWS
// Site-to-Site VPN tunnel logs (CloudWatch records and the sentences of AWS's message table),
// Tencent Cloud VPN gateway lines (`IKE_SA_ESTABLISH_FAIL:` summaries, `IKE_NEGO:` steps) and
// Huawei Cloud's syslog form of VRP's IKE sentences. Written here in each product's line shape.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.js';
import type { Report } from '../../src/types.js';

const run = (text: string): Promise<Report> => analyze([{ source: 'far-end.log', content: text }], { now: new Date('2026-12-05T00:00:00Z'), peerTz: 'UTC', peerYear: 2026 });
const cw = (details: string, p1 = 'down', p2 = 'down'): string =>
  JSON.stringify({ event_timestamp: 1764900000, details, dpd_enabled: true, nat_t_detected: false, ike_phase1_state: p1, ike_phase2_state: p2 });

const CASES: [string, string, string][] = [
  ['AWS (CloudWatch): key mismatch', cw('AWS tunnel detected a pre-shared key mismatch with cgw: 198.51.100.1'), 'psk-mismatch'],
  ['AWS (CloudWatch): IKEv1 decryption with a wrong key', cw('AWS tunnel payload decryption was unsuccessful due to invalid Pre-shared Key'), 'psk-mismatch'],
  ['AWS (CloudWatch): DPD timed out', cw('AWS tunnel DPD timed out after 3 retransmits', 'Established', 'Established'), 'dpd-timeout'],
  ['AWS (sentence): selectors refused', 'AWS: Traffic Selector: TS_UNACCEPTABLE: received from responder', 'traffic-selector-mismatch'],
  ['AWS (sentence): no proposal AWS supports', 'No Proposal Match Found by AWS', 'ike-proposal-mismatch'],
  ['AWS (sentence): the other end deleted the IKE SA', 'AWS tunnel received DELETE for IKE_SA from CGW', 'peer-deleted-sa'],
  ['AWS (sentence, two lines): DPD', 'Peer is not responsive\n• Declaring peer dead', 'dpd-timeout'],
  ['Tencent: no matching proposal, with both lists', 'IKE_SA_ESTABLISH_FAIL:Failed to establish IKE SA for the reason of no matching proposal, configured [IKE:AES_CBC_128/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_1024], received [IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048]. ike connection: vpnx-1, my ip: 192.0.2.10, peer ip: 198.51.100.1.', 'ike-proposal-mismatch'],
  ['Tencent: no peer config by ID', 'TANS/IKE_SA_ESTABLISH_FAIL: Failed to establish IKE SA for the reason of no peer config found by ID payload.', 'identity-mismatch'],
  ['Tencent: no matching secret', 'IKE_SA_ESTABLISH_FAIL:Failed to establish IKE SA for the reason of no matching secret. ike connection: vpnx-1, my ip: 192.0.2.10, peer ip: 198.51.100.1.', 'psk-mismatch'],
  ['Tencent: peer no response', '2026-12-05 10:00:00 IKE_SA_ESTABLISH_FAIL:Failed to establish IKE SA for the reason of peer no response. ike connection: vpnx-1, my ip: 192.0.2.10, peer ip: 198.51.100.1.', 'peer-unreachable'],
  ['Tencent: a notify in charon\'s words', 'IKE_NEGO: received NO_PROPOSAL_CHOSEN error notify', 'ike-proposal-mismatch'],
  ['Huawei Cloud: VRP sentence through syslog, bracketed fields', '2024-12-24T07:08:32.730275+00:00 host-192-0-2-7 ipsec_ike[30085]: [198.51.100.1] IPSec tunnel negotiation fails. (IfIndex=[207], PolicyName=[], SeqNum=[0], PeerAddress=[198.51.100.1], PeerPort=[500], Reason=[version mismatch])', 'ike-version-mismatch'],
];

describe('other clouds at the far end', () => {
  it.each(CASES)('%s', async (_name, text, cause) => {
    const r = await run(`${text}\n`);
    expect(r.stats.unparsed).toBe(0);
    expect(r.subjects[0]?.findings[0]?.cause).toBe(cause);
  });

  it('an AWS record of an established tunnel is healthy', async () => {
    const r = await run(`${cw('AWS tunnel is sending response (id=12) for CREATE_CHILD_SA', 'Established', 'Established')}\n`);
    expect(r.subjects[0]!.status).toBe('healthy');
  });

  it('JSON that is not an AWS record stays a JSON document (of an unknown shape)', async () => {
    const r = await run(`${JSON.stringify({ details: 'x', level: 'info' })}\n`);
    expect(r.subjects).toEqual([]);
    expect(r.problems.map((p) => p.message).join('\n')).toMatch(/unknown shape/);
  });
});
