// The Check Point dialect: Log Exporter lines of VPN logs (and the same fields without the
// header), the events of their IKE texts, and what it leaves alone. The lines are written for
// these tests in the shape docs/checkpoint.md shows.
import { describe, expect, it } from 'vitest';
import { checkpointDialect } from '../../grammars/checkpoint/index.js';
import { cpFields } from '../../grammars/checkpoint/tokens.js';
import { createDialects } from '../../src/parse/registry.js';
import { eventsOf, parseText } from './peer-harness.js';

const GW = '198.51.100.1';
const line = (ike: string, action = 'Reject'): string =>
  `<134>1 2026-12-05T10:00:04Z fw-a CheckPoint 19710 - [action:"${action}"; flags:"133376"; ifdir:"inbound"; origin:"198.51.100.2"; time:"1796464804"; version:"5"; fw_subproduct:"VPN-1"; ike::"${ike}"; peer_gateway:"${GW}"; reject_category:"IKE failure"; scheme::"IKE"; vpn_feature_name:"IKE"; ]`;
const parse = (text: string) => parseText(text, [checkpointDialect], { year: 2026 });

describe('sniff', () => {
  it('claims a Log Exporter VPN line and the same fields without the header', () => {
    expect(checkpointDialect.sniff(line('Main Mode completion.', 'Key Install'))).toBe(true);
    expect(checkpointDialect.sniff(`action:"Key Install"; fw_subproduct:"VPN-1"; ike::"Main Mode completion."; peer_gateway:"${GW}";`)).toBe(true);
  });

  it.each([
    ['a Check Point firewall log that is not VPN', '<134>1 2026-12-05T10:00:04Z fw-a CheckPoint 19710 - [action:"Accept"; ifdir:"inbound"; src:"10.0.0.1"; dst:"10.0.0.2"; service:"443"; ]'],
    ['prose', 'CheckPoint says the tunnel is down'],
  ])('leaves %s', (_name, l) => expect(checkpointDialect.sniff(l)).toBe(false));

  it('no other dialect claims a Check Point line', () => {
    for (const d of createDialects().filter((x) => x.name !== 'checkpoint')) expect(d.sniff(line('Main Mode completion.', 'Key Install')), d.name).toBe(false);
  });
});

describe('events', () => {
  it.each([
    ['Main Mode Failed to match proposal: Transform: AES-256, SHA256, Pre-shared secret, Group 2 (1024 bit); Reason: Wrong value for: Hash Algorithm', 'no-proposal', 1, { parameter: 'IkeAuthAlg' }],
    ['Quick Mode Failed to match proposal: Transform: AES-128, SHA1, Group 14 (2048 bit); Reason: Wrong value for: PFS', 'no-proposal', 2, { parameter: 'IpsecPfs' }],
    ['Main Mode Received Notification from Peer: no proposal chosen', 'no-proposal', 1, { direction: 'received' }],
    ['Quick Mode Received Notification from Peer: Invalid ID information', 'ts-unacceptable', 2, {}],
    ['Main Mode Received Notification from Peer: Payload Malformed', 'payload-invalid', 1, {}],
    [`Informational Exchange Received Delete IKE-SA from Peer: ${GW}; Cookies: 891f38892b0e6bd6-d71409f32c496d13 `, 'delete-received', 1, { what: 'IKE_SA' }],
    ['Main Mode completion.', 'p1-established', 1, {}],
    ['Quick Mode completion. IKE IDs: subnet: 203.0.113.128 (mask= 255.255.255.128) and subnet: 203.0.113.0 (mask= 255.255.255.128)', 'p2-established', 2, {}],
    ['Main Mode No response from peer', 'p1-timeout', 1, {}],
  ] as const)('%s → %s', (ike, type, phase, vars) => {
    const p = parse(line(ike));
    expect(p.failures).toEqual([]);
    const e = eventsOf(p);
    expect(e.map((x) => [x.type, x.phase])).toEqual([[type, phase]]);
    expect(e[0]!.vars).toMatchObject(vars);
    expect(p.records[0]!.remote).toEqual({ ip: GW });
  });

  it('a refused attribute gives the value the gateway offered', () => {
    const [e] = eventsOf(parse(line('Main Mode Failed to match proposal: Transform: AES-256, SHA256, Pre-shared secret, Group 2 (1024 bit); Reason: Wrong value for: Hash Algorithm')));
    expect(JSON.parse(e!.vars['diff']!)).toEqual([{ parameter: 'IkeAuthAlg', cloud: 'sha256', peer: null }]);
  });

  it('the header time is UTC; fields without it use the epoch time', () => {
    expect(parse(line('Main Mode completion.')).records[0]!.timeMs).toBe(Date.UTC(2026, 11, 5, 10, 0, 4));
    expect(parse(`action:"Key Install"; time:"1796464804"; fw_subproduct:"VPN-1"; ike::"Main Mode completion.";`).records[0]!.timeMs).toBe(1796464804000);
  });

  it('reads quoted values with escaped quotes', () => {
    expect(cpFields('a:"x \\"y\\""; ike::"z";')).toEqual({ a: 'x "y"', ike: 'z' });
  });
});
