// The Azure VPN Gateway dialect line by line: which lines it claims (and leaves to the other
// dialects), the events of Windows' IKE errors, notifies and Network Watcher's summaries, the
// phase each refusal belongs to, and the times and addresses it reads. The lines are written for
// these tests in the shapes docs/azure.md lists.
import { describe, expect, it } from 'vitest';
import { createAzureDialect } from '../../grammars/azure/index.js';
import { createDialects } from '../../src/parse/registry.js';
import { eventsOf, parseText } from './peer-harness.js';

const GW = '198.51.100.1';
const AZ = '198.51.100.2';
const ike = (msg: string): string => `Remote ${GW}:500: Local ${AZ}:500: ${msg}`;
const parse = (text: string) => parseText(text, [createAzureDialect()], { year: 2026 });
const events = (text: string) => {
  const p = parse(text);
  expect(p.failures).toEqual([]);
  expect(p.orphans).toEqual([]);
  return eventsOf(p).map((e) => [e.type, e.phase]);
};

describe('sniff', () => {
  const az = createAzureDialect();
  it.each([
    ['an IKE diagnostic line', ike('[SEND][NOTIFY] Sending Notify Message - Policy Mismatch')],
    ['one with its Log Analytics time', `2026-12-05T10:00:04.123Z\t${ike('[RECEIVED][SA_AUTH] Received IKE AUTH message')}`],
    ['a clean-up with its Windows error', 'IkeCleanupMMNegotiation called with error 13801 and flags 0'],
    ['an IKEErrors summary', 'Error: Authentication failed. Check shared key. Check crypto. Check lifetimes. '],
    ['a wfpdiag line', `[0]0368.03A4::12/05/2026-10:00:04.496 [ikeext] 3038|${GW}|Failure type: IKE/Authip Main Mode Failure`],
  ])('claims %s', (_name, l) => expect(az.sniff(l)).toBe(true));

  it.each([
    ['a strongSwan line', `Dec  5 10:00:01 gw charon[77]: 06[IKE] <to-cloud|1> sending DPD request`],
    ['prose', 'Remote access works, but the site tunnel does not.'],
    ['an error of another program', 'Error: cannot open file /etc/hosts'],
  ])('leaves %s', (_name, l) => expect(az.sniff(l)).toBe(false));

  it('no other dialect claims an Azure line', () => {
    for (const d of createDialects().filter((x) => x.name !== 'azure')) {
      for (const l of [ike('[SEND][NOTIFY] Sending Notify Message - Policy Mismatch'), 'IkeCleanupQMNegotiation called with error 13868 and flags a', 'Error: Authentication failed. Check shared key.']) expect(d.sniff(l), `${d.name}: ${l}`).toBe(false);
    }
  });
});

describe('events', () => {
  it.each([
    ['IkeCleanupMMNegotiation called with error 13801 and flags 0', 'auth-failed', 1],
    ['IkeCleanupMMNegotiation called with error 13868 and flags a', 'no-proposal', 1],
    ['IkeCleanupQMNegotiation called with error 13868 and flags a', 'no-proposal', 2],
    ['IkeCleanupQMNegotiation called with error 13999 and flags a', 'ts-unacceptable', 2],
    ['IkeCleanupMMNegotiation called with error 13805 and flags a', 'p1-timeout', 1],
    ['IkeCleanupQMNegotiation called with error 13805 and flags a', 'p2-timeout', 2],
    ['IkeCleanupMMNegotiation called with error 13880 and flags a', 'version-unsupported', 1],
    ['IkeCleanupMMNegotiation called with error 13822 and flags a', 'ke-mismatch', 1],
    [ike('[SEND][NOTIFY] Sending Notify Message - Authentication failed'), 'auth-failed', 1],
    ['Error: On-premises device rejected Quick Mode settings. Check values. \n\t based on log : Peer sent NO_PROPOSAL_CHOSEN notify', 'no-proposal', 2],
    ['Error: Authentication failed. Check shared key. Check crypto. Check lifetimes. \n\t based on log : Peer failed with Windows error 13801(ERROR_IPSEC_IKE_AUTH_FAIL)', 'auth-failed', 1],
    ['Error: On-prem device sent invalid payload. \n\t based on log : IkeFindPayloadInPacket failed with Windows error 13843(ERROR_IPSEC_IKE_INVALID_PAYLOAD)', 'message-invalid', 1],
  ] as const)('%s → %s', (text, type, phase) => expect(events(text)).toEqual([[type, phase]]));

  it('a refusal that does not say its phase belongs to the exchange under way (IKE_AUTH carries the Child SA)', () => {
    const lines = [ike('[RECEIVED][SA_AUTH] Received IKE AUTH message'), ike('[RECEIVED]Received IPSec payload: Policy1:Cipher=DESIntegrity=Md5'), ike('[SEND][NOTIFY] Sending Notify Message - Policy Mismatch')];
    expect(events(lines.join('\n'))).toEqual([['no-proposal', 2]]);
    expect(events(ike('[SEND][NOTIFY] Sending Notify Message - Policy Mismatch'))).toEqual([['no-proposal', 1]]);
  });

  it('a wfpdiag failure block: the failure type and the Windows error', () => {
    const w = (t: string): string => `[0]0368.03A4::12/05/2026-10:00:04.496 [ikeext] 3038|${GW}|${t}`;
    const e = events([w('Failure type: IKE/Authip Main Mode Failure'), w('Type specific info:'), w('  Failure error code:0x000035e9'), w('    IKE authentication credentials are unacceptable')].join('\n'));
    expect(e).toEqual([['p1-failed', 1], ['auth-failed', 1], ['auth-failed', 1]]);
  });
});

describe('times and addresses', () => {
  it('a Log Analytics time is UTC; the diagnostic line names both ends', () => {
    const [r] = parse(`2026-12-05T10:00:04.123Z\t${ike('[SEND][NOTIFY] Sending Notify Message - Policy Mismatch')}`).records;
    expect(r!.timeMs).toBe(Date.UTC(2026, 11, 5, 10, 0, 4, 123));
    expect([r!.remote, r!.local]).toEqual([{ ip: GW, port: 500 }, { ip: AZ, port: 500 }]);
  });

  it("Microsoft's masked addresses are not read as addresses", () => {
    const [r] = parse('Remote <IPaddress>:500: Local <IPaddress>:500: [SEND][NOTIFY] Sending Notify Message - Policy Mismatch').records;
    expect([r!.remote, r!.local, r!.event?.type]).toEqual([undefined, undefined, 'no-proposal']);
  });

  it('wfpdiag stamps are month/day/year', () => {
    const [r] = parse(`[0]0368.03A4::12/05/2026-10:00:04.496 [ikeext] 3038|${GW}|Failure type: IKE/Authip Quick Mode Failure`).records;
    expect(r!.timeMs).toBe(Date.UTC(2026, 11, 5, 10, 0, 4, 496));
    expect(r!.event?.type).toBe('p2-failed');
  });
});

describe('end to end', () => {
  it.each([
    [['IkeCleanupMMNegotiation called with error 13801 and flags 0'], 'psk-mismatch'],
    [[ike('[RECEIVED][SA_AUTH] Received IKE AUTH message'), ike('[RECEIVED]Received IPSec payload: Policy1:Cipher=DESIntegrity=Md5'), 'IkeCleanupQMNegotiation called with error 13868 and flags a', ike('[SEND][NOTIFY] Sending Notify Message - Policy Mismatch')], 'ipsec-proposal-mismatch'],
    [['IkeCleanupMMNegotiation called with error 13868 and flags a'], 'ike-proposal-mismatch'],
    [['IkeCleanupQMNegotiation called with error 13999 and flags a'], 'traffic-selector-mismatch'],
  ])('%j → %s', async (lines, cause) => {
    const { analyze } = await import('../../src/index.js');
    const r = await analyze([{ source: 'azure-ike.log', content: `${lines.join('\n')}\n` }], { now: new Date('2026-12-06T00:00:00Z'), peerTz: 'UTC' });
    expect(r.stats.unparsed).toBe(0);
    expect(r.subjects.map((s) => s.findings[0]?.cause)).toEqual([cause]);
  });
});
