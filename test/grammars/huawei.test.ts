// The Huawei / H3C dialect line by line: which shapes it claims (and which it leaves to the other
// dialects), how each VRP reason, Comware message and `display ike error-info` row is classified,
// the frames and stamps it reads, and the keys it masks.
import { describe, expect, it } from 'vitest';
import { createHuaweiDialect } from '../../grammars/huawei/index.js';
import { createFortigateDialect } from '../../grammars/fortigate/index.js';
import { createLibreswanDialect } from '../../grammars/libreswan/index.js';
import { createStrongswanDialect } from '../../grammars/strongswan/index.js';
import { racoon2Dialect } from '../../grammars/racoon2/index.js';
import { racoonDialect } from '../../grammars/racoon/index.js';
import { HUAWEI_REASONS, REASON_CODES, huaweiReason } from '../../grammars/huawei/reasons.js';
import { maskHuawei } from '../../grammars/huawei/secrets.js';
import { eventsOf, parseText, type Parsed } from './peer-harness.js';

const parse = (text: string): Parsed => parseText(text, [createHuaweiDialect()], { year: 2026 });
const GW = '198.51.100.1';
const DEV = '198.51.100.2';

const nego = (reason: string, code = '1', stamp = 'Dec  4 2026 10:00:00 USG6000 '): string =>
  `${stamp}%%01IPSEC/4/IPSECNEGOFAIL(l)[12]:IPSec tunnel negotiation fails. (Ifindex=5, SeqNum=10, Reason=${reason}, ReasonCode=${code}, PeerAddress=${GW}, PeerPort=500, VsysName=public, InterfaceName=GigabitEthernet1/0/1)`;
const info = `SA information: Role: initiator Local IP: ${DEV} Local ID type: IPV4_ADDR Local ID: ${DEV} Local port: 500 Retransmissions: 0 Remote IP: ${GW} Remote ID type: IPV4_ADDR Remote ID: ${GW} Remote port: 500 Received retransmissions: 0 Inside VPN instance: Outside VPN instance: Initiator Cookie: 5c1d2e3f4a5b6c7d Responder Cookie: 0000000000000000 Connection ID: 3 Tunnel ID: 4294967295 IKE profile name: alibaba`;
const p1fail = (reason: string, mode = 'main mode IKE_P1_STATE_SEND1 state'): string => `%Dec  4 10:00:00:123 2026 H3C IKE/6/IKE_P1_SA_ESTABLISH_FAIL: Failed to establish phase 1 SA in ${mode}. Reason: ${reason}. ${info}`;

describe('sniff', () => {
  const hw = createHuaweiDialect();
  it.each([
    nego('phase1 proposal mismatch'),
    `<188>${nego('authentication fail', '15', 'Dec  4 2026 10:00:00+08:00 USG6000 ')}`,
    `<189>Dec  4 10:00:00 USG6000 %%01IPSEC/4/IPSECNEGOFAIL(l)[12]:IPSec tunnel negotiation fails. (Reason=version mismatch)`,
    `<189>1 2026-12-04T10:00:00+08:00 USG6000 IPSEC - - - %%01IPSEC/4/IPSECNEGOFAIL(l)[12]:IPSec tunnel negotiation fails. (Reason=version mismatch)`,
    `2026-12-04T10:00:00+08:00 USG6000 IPSEC: %%01IPSEC/4/IPSECNEGOFAIL(l)[12]:IPSec tunnel negotiation fails. (Reason=version mismatch)`,
    'IPSEC/4/IPSECNEGOFAIL: OID 1.3.6.1.4.1.2011.6.122.26.6.14 IPSec tunnel negotiation fails. (Reason=dpd timeout)',
    '%%01IPSEC/4/IPSECTUNNELSTART(l)[3]:The IPSec tunnel is established.',
    'Dec  4 2026 10:00:00 USG6000 %%01SHELL/5/CMDRECORD(s)[7]:Recorded command information.',
    p1fail('Failed to get IKE proposal for negotiation'),
    `<134>Dec  4 10:00:00 2026 H3C %%10IPSEC/6/IPSEC_SA_ESTABLISH: Established IPsec SA. The SA's source address is ${DEV}, destination address is ${GW}, protocol is ESP, and SPI is 3254871234.`,
    `  ${GW}        500   phase1 proposal mismatch      v2       2026-12-04 10:00:00`,
    `${GW}   dpd-timeout   v1   2026/12/04  10:00:00`,
    '  current info Num :1',
    '  IKE error information:',
    '-----------------------------------------------------------------------------',
    '  peer            port  error-reason                  version  error-time',
    '<USG6000> display ike error-info',
    '[USG6000-ike-peer-alibaba] pre-shared-key cipher %^%#Q8u!(abc)%^%#',
    '<H3C>display logbuffer',
    'Info: Current terminal debugging is on.',
  ])('claims %s', (line) => expect(hw.sniff(line)).toBe(true));

  it.each([
    'Nov 21 22:18:04 16[IKE] <to-cloud|1> initiating Main Mode IKE_SA to-cloud[1] to 198.51.100.1',
    'Nov 21 21:42:23.126889: "conn" #1: initiating Main Mode',
    '2026-11-22 06:18:04 vco-bp12869d20623bfaca61 [INFO]: ikev1.c:992:isakmp_ph1begin_r(): respond new phase 1 negotiation',
    'ike 0:to-alibaba:12: probable pre-shared secret mismatch',
    'date=2026-11-21 time=22:30:02 logid="0101037124" type="event" subtype="vpn" level="error"',
    '2006-08-10 19:22:40: INFO: IPsec-SA established: ESP/Tunnel 198.51.100.1[500]->198.51.100.2[500] spi=1(0x1)',
    'a line with a/1/b: slashes',
    '198.51.100.1 is the gateway',
    'root@host:~# ipsec statusall',
  ])('leaves %s', (line) => expect(hw.sniff(line)).toBe(false));

  it('no other dialect claims a Huawei or H3C line', () => {
    const lines = [nego('phase1 proposal mismatch'), p1fail('The PSK is mismatch'), `  ${GW}   500   authentication fail   v1   2026-12-04 10:00:00`, '  current info Num :1', '<USG6000> display ike error-info'];
    for (const d of [racoon2Dialect, createStrongswanDialect(), racoonDialect, createLibreswanDialect(), createFortigateDialect()]) for (const l of lines) expect([d.name, d.sniff(l)]).toEqual([d.name, false]);
  });
});

describe('VRP messages', () => {
  it('reads the frame, the stamp, the peer and the reason', () => {
    const r = parse(`${nego('phase1 proposal mismatch')}\n`).records[0]!;
    expect([r.event?.type, r.phase, r.remote, r.timeMs, r.level, r.context?.['mnemonic']]).toEqual(['no-proposal', 1, { ip: GW, port: 500 }, Date.UTC(2026, 11, 4, 10), 'error', 'IPSECNEGOFAIL']);
    expect(r.event?.vars).toMatchObject({ reason: 'phase1 proposal mismatch', reasonCode: '1' });
  });

  it('a stamp with its own zone keeps it; BSD and RFC 5424 frames read the same message', () => {
    const p = parse(
      [
        `<188>${nego('authentication fail', '15', 'Dec  4 2026 10:00:00+08:00 USG6000 ')}`,
        `<189>Dec  4 10:00:00 USG6000 %%01IPSEC/4/IPSECNEGOFAIL(l)[12]:IPSec tunnel negotiation fails. (Reason=version mismatch, PeerAddress=${GW})`,
        `<189>1 2026-12-04T10:00:00+08:00 USG6000 IPSEC - - - %%01IPSEC/4/IPSECNEGOFAIL(l)[12]:IPSec tunnel negotiation fails. (Reason=exchange mode mismatch, PeerAddress=${GW})`,
      ].join('\n'),
    );
    expect(p.failures).toEqual([]);
    expect(p.records.map((r) => [r.event?.type, r.timeMs])).toEqual([
      ['auth-failed', Date.UTC(2026, 11, 4, 2)],
      ['version-unsupported', Date.UTC(2026, 11, 4, 10)],
      ['mode-not-acceptable', Date.UTC(2026, 11, 4, 2)],
    ]);
  });

  it.each([
    ['phase1 proposal mismatch', 'no-proposal', 1, undefined],
    ['phase1 proposal encryption algorithm mismatch', 'no-proposal', 1, ['IkeEncAlg']],
    ['phase1 proposal dh mismatch', 'no-proposal', 1, ['IkePfs']],
    ['phase2 proposal or pfs mismatch', 'no-proposal', 2, undefined],
    ['encapsulation mode mismatch', 'encmode-mismatch', 2, undefined],
    ['flow or peer mismatch', 'ts-unacceptable', 2, undefined],
    ['netmask mismatch', 'ts-unacceptable', 2, undefined],
    ['version mismatch', 'version-unsupported', 1, undefined],
    ['unsupported version', 'version-unsupported', 1, undefined],
    ['peer address mismatch', 'peer-address-unexpected', 1, undefined],
    ['local address mismatch', 'peer-address-unexpected', 1, undefined],
    ['config ID mismatch', 'id-mismatch', 1, undefined],
    ['construct local ID fail', 'id-mismatch', 1, undefined],
    ['authentication fail', 'auth-failed', 1, undefined],
    ['exchange mode mismatch', 'mode-not-acceptable', 1, undefined],
    ['no policy applied on interface', 'no-config', 2, undefined],
    ['critical drop', 'critical-payload', 1, undefined],
    ['max transmit reached', 'retransmit-limit', 1, undefined],
    ['malformed message', 'message-invalid', 1, undefined],
    ['no valid local cert', 'cert-error', 1, undefined],
  ] as const)('Reason=%s → %s', (reason, type, phase, params) => {
    const e = eventsOf(parse(`${nego(reason)}\n`));
    expect(e.map((x) => [x.type, x.phase])).toEqual([[type, phase]]);
    expect(e[0]!.vars['diff'] ? JSON.parse(e[0]!.vars['diff']).map((d: { parameter: string }) => d.parameter) : undefined).toEqual(params);
  });

  it('a reason that decides no cause is an error line without event', () => {
    const r = parse(`${nego('rekey fail', '17')}\n`).records[0]!;
    expect([r.event, r.level]).toEqual([undefined, 'error']);
  });

  it('ReasonCode names the reason when Reason= is missing', () => {
    const e = eventsOf(parse(`Dec  4 2026 10:00:00 USG6000 %%01IPSEC/4/IPSECNEGOFAIL(l)[12]:IPSec tunnel negotiation fails. (ReasonCode=15, PeerAddress=${GW})\n`));
    expect(e.map((x) => x.type)).toEqual(['auth-failed']);
  });

  it('a DH mismatch is the IKE group before the IKE SA is up, the PFS group after', () => {
    expect(eventsOf(parse(`${nego('responder dh mismatch', '6')}\n`)).map((e) => [e.type, e.phase, e.vars['diff']])).toEqual([['no-proposal', 1, '[{"parameter":"IkePfs"}]']]);
    const up = `Dec  4 2026 09:59:59 USG6000 %%01IPSEC/4/IKESAPHASE1ESTABLISHED(l)[11]:IKE phase1 sa established. (PeerAddress=${GW}, PeerPort=500, LocalAddress=${DEV}, AuthMethod=pre-shared-key, Role=initiator)`;
    const e = eventsOf(parse(`${up}\n${nego('initiator dh mismatch', '7')}\n`));
    expect(e.map((x) => [x.type, x.phase, x.vars['diff']])).toEqual([['p1-established', 1, undefined], ['pfs-mismatch', 2, '[{"parameter":"IpsecPfs"}]']]);
  });

  it('tunnel start and stop, DPD and the offline reason', () => {
    const p = parse(
      [
        `Dec  4 2026 10:00:01 USG6000 %%01IPSEC/4/IPSECTUNNELSTART(l)[13]:The IPSec tunnel is established. (Ifindex=5, SeqNum=10, TunnelIndex=1, RuleNum=5, DstIP=${GW}, InsideIP=0.0.0.0, RemotePort=500, CpuID=0, SrcIP=${DEV}, FlowInfo=203.0.113.128/25-203.0.113.0/25, LifeSize=1843200, LifeTime=86400, VsysName=public, InterfaceName=GigabitEthernet1/0/1, SlotID=0, Role=initiator)`,
        `Dec  4 2026 11:00:01 USG6000 %%01IPSEC/4/IPSECTUNNELSTOP(l)[14]:The IPSec tunnel is deleted. (Ifindex=5, SeqNum=10, TunnelIndex=1, RuleNum=5, DstIP=${GW}, InsideIP=0.0.0.0, RemotePort=500, CpuID=0, SrcIP=${DEV}, FlowInfo=203.0.113.128/25-203.0.113.0/25, OfflineReason=dpd timeout, VsysName=public, InterfaceName=GigabitEthernet1/0/1, SlotID=0)`,
        `Dec  4 2026 12:00:01 USG6000 %%01IPSEC/4/IPSECTUNNELSTOP(l)[15]:The IPSec tunnel is deleted. (DstIP=${GW}, OfflineReason=phase2 hard expiry)`,
      ].join('\n'),
    );
    expect(eventsOf(p).map((e) => [e.type, e.phase])).toEqual([['p2-established', 2], ['dpd-dead', 1], ['sa-expired', 2]]);
    expect([p.records[0]!.remote, p.records[0]!.local]).toEqual([{ ip: GW, port: 500 }, { ip: DEV }]);
  });

  it('another module of a pasted buffer is kept quietly', () => {
    const r = parse('Dec  4 2026 10:00:00 USG6000 %%01SHELL/5/CMDRECORD(s)[7]:Recorded command information.\n').records[0]!;
    expect([r.event, r.level]).toEqual([undefined, 'debug']);
  });

  it('every reason code has a meaning in the table', () => {
    for (const reason of Object.values(REASON_CODES)) expect([reason, huaweiReason(reason) !== undefined]).toEqual([reason, true]);
    expect(HUAWEI_REASONS.length).toBeGreaterThan(30);
  });
});

describe('H3C Comware messages', () => {
  it('reads `debugging ike` output: `*` before the stamp, a quiet H3C record', () => {
    const p = parse('*Nov  7 09:23:08:808 2014 ROUTER IKE/7/DEBUG: send message:\n*Nov  7 09:23:09:415 2014 ROUTER IKE/7/DEBUG: received message:\n');
    expect(p.failures).toEqual([]);
    expect(p.records.map((r) => [r.localTime, r.timeMs, r.event])).toEqual([
      ['Nov  7 09:23:08:808 2014', Date.UTC(2014, 10, 7, 9, 23, 8, 808), undefined],
      ['Nov  7 09:23:09:415 2014', Date.UTC(2014, 10, 7, 9, 23, 9, 415), undefined],
    ]);
    expect(p.records[0]!.context).toMatchObject({ vendor: 'h3c', module: 'IKE' });
  });

  it('reads the stamp, the reason and the SA information block', () => {
    const r = parse(`${p1fail('Failed to get IKE proposal for negotiation')}\n`).records[0]!;
    expect([r.event?.type, r.phase, r.ikeVersion, r.remote, r.local, r.timeMs]).toEqual(['no-proposal', 1, 1, { ip: GW, port: 500 }, { ip: DEV, port: 500 }, Date.UTC(2026, 11, 4, 10, 0, 0, 123)]);
    expect(r.event?.vars).toMatchObject({ reason: 'Failed to get IKE proposal for negotiation', role: 'initiator', mode: 'main', state: 'IKE_P1_STATE_SEND1' });
  });

  it('an SA information block folded onto the following lines', () => {
    const folded = [`%Dec  4 10:00:00:123 2026 H3C IKE/6/IKE_P1_SA_ESTABLISH_FAIL: Failed to establish phase 1 SA in main mode IKE_P1_STATE_SEND5 state.`, 'Reason: The PSK is mismatch.', 'SA information:', '● Role: responder', `● Local IP: ${DEV}`, `● Remote IP: ${GW}`, '● Remote port: 4500'].join('\n');
    const p = parse(`${folded}\n`);
    expect([p.records.length, p.orphans]).toEqual([1, []]);
    expect(eventsOf(p).map((e) => [e.type, e.vars['role']])).toEqual([['auth-failed', 'responder']]);
  });

  it.each([
    [p1fail('The PSK is mismatch'), 'auth-failed', 1],
    [p1fail('Failed to authenticate'), 'auth-failed', 1],
    [p1fail('Retransmission timeout'), 'p1-timeout', 1],
    [p1fail('Failed to match IKE profile'), 'id-mismatch', 1],
    [`%Dec  4 10:00:00:123 2026 H3C IKE/6/IKE_P2_SA_ESTABLISH_FAIL: Failed to establish phase 2 SA in IKE_P2_STATE_INIT state. Reason: Failed to match IPsec policy, the flow does not match the ACL. SA information: Role: responder Local address: ${DEV} Remote address: ${GW}`, 'ts-unacceptable', 2],
    [`%Dec  4 10:00:00:123 2026 H3C IKE/6/IKE_P2_SA_ESTABLISH_FAIL: Failed to establish phase 2 SA in IKE_P2_STATE_SEND1 state. Reason: Failed to get IPsec proposal. SA information: Role: responder`, 'no-proposal', 2],
    [`%Dec  4 10:00:00:123 2026 H3C IKE/6/IKE_P2_SA_ESTABLISH_FAIL: Failed to establish phase 2 SA in IKE_P2_STATE_SEND1 state. Reason: Retransmission timeout. SA information: Role: initiator`, 'p2-timeout', 2],
    [`%Dec  4 10:00:00:123 2026 H3C IKEV2/6/IKEV2_SA_ESTABLISH_FAIL: Failed to establish IKE SA. Reason: NO_PROPOSAL_CHOSEN. SA information: Role: initiator Local IP: ${DEV} Remote IP: ${GW}`, 'no-proposal', 1],
    [`%Dec  4 10:00:00:123 2026 H3C IKE/6/IKE_P1_SA_TERMINATE: The IKE phase 1 SA was deleted. Reason: DPD timeout. SA information: Role: initiator Remote IP: ${GW}`, 'dpd-dead', 1],
    [`%Dec  4 10:00:00:123 2026 H3C IKE/6/IKE_P2_SA_TERMINATE: The IKE phase 2 SA was deleted. Reason: The SA expired. SA information: Role: initiator`, 'sa-expired', 2],
    [`%Dec  4 10:00:00:123 2026 H3C IPSEC/6/IPSEC_SA_ESTABLISH: Established IPsec SA. The SA's source address is ${DEV}, destination address is ${GW}, protocol is ESP, and SPI is 3254871234.`, 'p2-established', 2],
    [`<134>Dec  4 10:00:00 2026 H3C %%10IPSEC/6/IPSEC_SA_ESTABLISH_FAIL: Failed to establish IPsec SA for the reason of encapsulation mode mismatch. The SA's source address is ${DEV}, and its destination address is ${GW}.`, 'encmode-mismatch', 2],
  ] as const)('%s → %s', (line, type, phase) => {
    const p = parse(`${line}\n`);
    expect(p.failures).toEqual([]);
    expect(eventsOf(p).map((x) => [x.type, x.phase])).toEqual([[type, phase]]);
  });

  it('continues only folded message lines; other text is reported', () => {
    const hw = createHuaweiDialect();
    expect(['Reason: The PSK is mismatch.', '● Role: responder', `  Remote IP: ${GW}`, 'PeerPort=500, VsysName=public)'].map((l) => hw.continues!(l))).toEqual([true, true, true, true]);
    expect(['some unrelated text', 'Dec  4 10:00:00 host other: msg'].map((l) => hw.continues!(l))).toEqual([false, false]);
  });

  it('a packet discard is a warning without event', () => {
    const r = parse(`%Dec  4 10:00:00:123 2026 H3C IPSEC/6/IPSEC_PACKET_DISCARDED: IPsec packet discarded, Src IP:${GW}, Dest IP:${DEV}, SPI:3254871234, SN:12, Cause:Anti-replay checking failed.\n`).records[0]!;
    expect([r.event, r.level]).toEqual([undefined, 'warn']);
  });
});

describe('display ike error-info / offline-info', () => {
  const table = [
    '<USG6000> display ike error-info',
    '  current info Num :2',
    '  IKE error information:',
    '  -----------------------------------------------------------------------------',
    '    peer            port   error-reason                   version  error-time',
    '  -----------------------------------------------------------------------------',
    `    ${GW}    500    phase2 proposal or pfs mismatch   v1       2026-12-04 10:00:05`,
    `    ${GW}    500    flow or peer mismatch             v1       2026-12-04 10:00:00`,
    '  -----------------------------------------------------------------------------',
  ].join('\n');
  it('every line is a record; rows are events with their time, peer and version', () => {
    const p = parse(`${table}\n`);
    expect([p.failures, p.orphans, p.records.length]).toEqual([[], [], 9]);
    expect(p.records.filter((r) => r.tag === 'noise')).toHaveLength(7);
    const rows = p.records.filter((r) => r.event);
    expect(rows.map((r) => [r.event!.type, r.phase, r.ikeVersion, r.remote, r.timeMs])).toEqual([
      ['no-proposal', 2, 1, { ip: GW, port: 500 }, Date.UTC(2026, 11, 4, 10, 0, 5)],
      ['ts-unacceptable', 2, 1, { ip: GW, port: 500 }, Date.UTC(2026, 11, 4, 10, 0, 0)],
    ]);
  });
  it('offline-info rows: the teardown reasons (columns without a port, slashes in the date)', () => {
    const e = eventsOf(parse(`  ${GW}          dpd-timeout         v2          2026/12/04  16:05:55\n  ${GW}          peer request        v2          2026/12/04  15:05:55\n`));
    expect(e.map((x) => x.type)).toEqual(['dpd-dead', 'delete-received']);
  });
});

describe('secrets', () => {
  it.each([
    ['[USG6000-ike-peer-alibaba] pre-shared-key cipher %^%#Q8u!(abcdef)%^%#', 'Q8u!'],
    ['[USG6000-ike-peer-alibaba] pre-shared-key simple Alibaba-Lab-Key-1', 'Alibaba-Lab-Key-1'],
    ['[H3C-ike-keychain-ali] pre-shared-key address 198.51.100.1 255.255.255.255 key cipher $c$3$Hx9kT2lab0Key==', 'Hx9kT2lab0Key'],
    ['[H3C-ike-keychain-ali] pre-shared-key address 198.51.100.1 key simple Vx7pQ2-lab', 'Vx7pQ2-lab'],
  ])('masks %s', (line, secret) => {
    const p = parse(`${line}\n`);
    expect(p.records).toHaveLength(1);
    expect(p.records[0]!.text).not.toContain(secret);
    expect(p.records[0]!.secret).toBe(true);
  });
  it('leaves reason texts alone', () => {
    expect(maskHuawei('Reason: The PSK is mismatch.').text).toBe('Reason: The PSK is mismatch.');
    expect(maskHuawei('authentication fail (may be pre-shared-key error)').secret).toBe(false);
  });
});
