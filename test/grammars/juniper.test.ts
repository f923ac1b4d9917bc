// The Juniper SRX (Junos) dialect line by line: which lines it claims (and leaves to the other
// dialects), the events of its key-management tags and negotiation summaries, and the subject
// (the remote gateway) each line names.
import { describe, expect, it } from 'vitest';
import { juniperDialect } from '../../grammars/juniper/index.js';
import { proxyId } from '../../grammars/juniper/catalog.js';
import { createDialects } from '../../src/parse/registry.js';
import { eventsOf, parseText } from './peer-harness.js';

const GW = '198.51.100.1';
const ME = '198.51.100.2';
const SUMMARY = `IKE Version: 1, VPN: to-cloud Gateway: gw-cloud, Local: ${ME}/500, Remote: ${GW}/500, Local IKE-ID: ${ME}, Remote IKE-ID: ${GW}, VR-ID: 0`;
const line = (msg: string, program = 'kmd[1422]'): string => `Dec  5 10:00:01  srx ${program}: ${msg}`;
const parse = (text: string) => parseText(text, [juniperDialect], { year: 2026 });

describe('sniff', () => {
  it.each([
    ['a kmd tag', line(`KMD_VPN_UP_ALARM_USER: VPN to-cloud from ${GW} is up. Local-ip: ${ME}, gateway name: gw-cloud`)],
    ['a kmd summary', line(`IKE negotiation failed with error: No proposal chosen. ${SUMMARY}`)],
    ["kmd's other chatter", line('Config download: Processed 4 - 5 messages')],
    ['an iked summary (later SRX)', line(`IKE negotiation successfully completed. ${SUMMARY}, Role: Initiator`, 'iked[2211]')],
    ['an ISO stamp', `2026-12-05T10:00:01.123+08:00 srx kmd[1422]: IKE negotiation failed with error: Timed out. ${SUMMARY}`],
  ])('claims %s', (_name, l) => expect(juniperDialect.sniff(l)).toBe(true));

  it.each([
    ["racoon2's iked with its own message", 'Dec  5 10:00:01 gw iked[311]: [INFO]: isakmp.c:1080:isakmp_ph1begin_i(): initiate new phase 1 negotiation'],
    ['a strongSwan line', 'Dec  5 10:00:01 gw charon[77]: 06[IKE] <to-cloud|1> sending DPD request'],
    ['a line naming kmd in its text', 'Dec  5 10:00:01 gw sshd[12]: restarting kmd'],
  ])('leaves %s', (_name, l) => expect(juniperDialect.sniff(l)).toBe(false));

  it('no other dialect claims a Junos line', () => {
    for (const d of createDialects().filter((x) => x.name !== 'juniper')) {
      expect(d.sniff(line(`IKE negotiation failed with error: No proposal chosen. ${SUMMARY}`))).toBe(false);
      expect(d.sniff(line(`KMD_PM_SA_ESTABLISHED: Local gateway: ${ME}, Remote gateway: ${GW}, Local ID: ipv4_subnet(any:0,[0..7]=203.0.113.128/25), Remote ID: ipv4_subnet(any:0,[0..7]=203.0.113.0/25), Direction: inbound, SPI: 0x9cc87ce6`))).toBe(false);
    }
  });
});

describe('events', () => {
  it.each([
    [`IKE negotiation failed with error: No proposal chosen. ${SUMMARY}`, 'no-proposal', 1],
    [`IKE negotiation failed with error: Authentication failed. ${SUMMARY}`, 'auth-failed', 1],
    [`IKE negotiation failed with error: Timed out. ${SUMMARY}`, 'p1-timeout', 1],
    [`IKE negotiation failed with error: Peer's IKE-ID validation failed. ${SUMMARY}`, 'id-mismatch', 1],
    [`IPSec negotiation failed with error: No proposal chosen. ${SUMMARY}`, 'no-proposal', 2],
    [`IPSec negotiation failed with error: TS unacceptable. ${SUMMARY}`, 'ts-unacceptable', 2],
    [`IPSec negotiation failed with error: Timed out. ${SUMMARY}`, 'p2-timeout', 2],
    [`IKE negotiation successfully completed. ${SUMMARY}, Role: Responder`, 'p1-established', 1],
    [`KMD_VPN_UP_ALARM_USER: VPN to-cloud from ${GW} is up. Local-ip: ${ME}, gateway name: gw-cloud, vpn name: to-cloud`, 'p2-established', 2],
    [`KMD_VPN_DOWN_ALARM_USER: VPN to-cloud from ${GW} is down. Local-ip: ${ME}, gateway name: gw-cloud, vpn name: to-cloud`, 'sa-deleted', 2],
    [`KMD_PM_SA_ESTABLISHED: Local gateway: ${ME}, Remote gateway: ${GW}, Local ID: ipv4_subnet(any:0,[0..7]=203.0.113.128/25), Remote ID: ipv4_subnet(any:0,[0..7]=203.0.113.0/25), Direction: inbound, SPI: 0x9cc87ce6, AUX-SPI: 0, Mode: Tunnel, Type: dynamic`, 'p2-established', 2],
    [`KMD_PM_P2_POLICY_LOOKUP_FAILURE: Policy lookup for Phase-2 [responder] failed for p1_local=ipv4(udp:500,[0..3]=${ME}) p1_remote=ipv4(udp:500,[0..3]=${GW}) p2_local=ipv4_subnet(any:0,[0..7]=203.0.113.128/25) p2_remote=ipv4_subnet(any:0,[0..7]=203.0.113.0/24)`, 'ts-unacceptable', 2],
    [`IKE Phase-2: Failed to match the peer proxy ids [p2_remote_proxy_id=ipv4_subnet(any:0,[0..7]=203.0.113.0/24), p2_local_proxy_id=ipv4_subnet(any:0,[0..7]=203.0.113.128/25)] for local ip: ${ME}, remote peer ip: ${GW}`, 'ts-unacceptable', 2],
  ] as const)('%s → %s', (msg, type, phase) => {
    const p = parse(line(msg));
    expect(p.failures).toEqual([]);
    expect(eventsOf(p).map((e) => [e.type, e.phase])).toEqual([[type, phase]]);
    // Every line names the remote gateway: one subject per peer.
    expect(p.records[0]!.connName).toBe(GW);
  });

  it('one established event per SA pair (both directions are logged)', () => {
    const sa = (dir: string): string => line(`KMD_PM_SA_ESTABLISHED: Local gateway: ${ME}, Remote gateway: ${GW}, Local ID: ipv4_subnet(any:0,[0..7]=0.0.0.0/0), Remote ID: ipv4_subnet(any:0,[0..7]=0.0.0.0/0), Direction: ${dir}, SPI: 0x1, AUX-SPI: 0, Mode: Tunnel, Type: dynamic`);
    expect(eventsOf(parse([sa('inbound'), sa('outbound')].join('\n'))).map((e) => e.type)).toEqual(['p2-established']);
  });

  it('reads the selectors a refused phase 2 named', () => {
    const e = eventsOf(parse(line(`KMD_PM_P2_POLICY_LOOKUP_FAILURE: Policy lookup for Phase-2 [responder] failed for p1_local=ipv4(udp:500,[0..3]=${ME}) p1_remote=ipv4(udp:500,[0..3]=${GW}) p2_local=ipv4_subnet(any:0,[0..7]=203.0.113.128/25) p2_remote=ipv4_subnet(any:0,[0..7]=203.0.113.0/24)`)))[0]!;
    expect(e.vars).toMatchObject({ local: '203.0.113.128/25', remote: '203.0.113.0/24' });
  });

  it('a summary names the IKE version and the VPN', () => {
    const r = parse(line(`IKE negotiation successfully completed. ${SUMMARY.replace('IKE Version: 1', 'IKE Version: 2')}, Role: Initiator`)).records[0]!;
    expect([r.ikeVersion, r.context?.['vpn'], r.remote]).toEqual([2, 'to-cloud', { ip: GW, port: 500 }]);
  });
});

describe('proxyId', () => {
  it.each([
    ['ipv4_subnet(any:0,[0..7]=10.0.0.0/24)', '10.0.0.0/24'],
    ['ipv4(any:0,[0..3]=10.0.0.1)', '10.0.0.1/32'],
    ['Not-Available', undefined],
  ])('%s → %s', (text, cidr) => expect(proxyId(text)).toBe(cidr));
});
