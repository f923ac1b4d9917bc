// The Cisco dialect line by line: which shapes it claims (and which it leaves to the other
// dialects), the framings and stamps it reads, how each decisive ASA syslog or IOS debug line is
// classified, the multi-line IOS blocks, and the secrets it masks.
import { describe, expect, it } from 'vitest';
import { createCiscoDialect } from '../../grammars/cisco/index.js';
import { createFortigateDialect } from '../../grammars/fortigate/index.js';
import { createLibreswanDialect } from '../../grammars/libreswan/index.js';
import { createStrongswanDialect } from '../../grammars/strongswan/index.js';
import { racoon2Dialect } from '../../grammars/racoon2/index.js';
import { racoonDialect } from '../../grammars/racoon/index.js';
import { eventsOf, parseText, type Parsed } from './peer-harness.js';

const parse = (text: string): Parsed => parseText(text, [createCiscoDialect()], { year: 2026 });
const only = (p: Parsed, type: string) => eventsOf(p).filter((e) => e.type === type);
const GW = '198.51.100.1';
const ME = '198.51.100.2';
const G = `Group = ${GW}, IP = ${GW}, `;

describe('sniff', () => {
  const cisco = createCiscoDialect();
  it.each([
    `<166>Dec 04 2026 10:00:00: %ASA-5-713119: ${G}PHASE 1 COMPLETED`,
    `Dec  4 10:00:00 fw01 : %ASA-5-713119: ${G}PHASE 1 COMPLETED`,
    `Dec  4 10:00:00 fw01 %ASA-3-713123: ${G}IKE lost contact with remote peer, deleting connection (keepalive type: DPD)`,
    `Dec 04 2026 10:00:00: %ASA-5-750002: Local:${ME}:500 Remote:${GW}:500 Username:Unknown Received a IKE_INIT_SA request`,
    `%ASA-7-713906: IP = ${GW}, All SA proposals found unacceptable`,
    `Dec 04 10:00:00 [IKEv1 DEBUG]IP = ${GW}, All SA proposals found unacceptable`,
    `*Dec  4 10:00:00.123: ISAKMP:(1001):Old State = IKE_I_MM6  New State = IKE_P1_COMPLETE`,
    `Dec  4 10:00:00.123 UTC: ISAKMP (0): received packet from ${GW} dport 500 sport 500 Global (R) MM_NO_STATE`,
    `000123: *Dec  4 10:00:00.123: %CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from ${GW} failed its sanity check or is malformed`,
    '00:27:07: ISAKMP:      encryption AES-CBC',
    'ISAKMP:      encryption AES-CBC',
    'IPSEC(validate_transform_proposal): proxy identities not supported',
    'IKEv2:(SESSION ID = 1,SA ID = 1):Retransmitting packet',
    "IKEv2-ERROR:(SESSION ID = 1,SA ID = 1):: Failed to verify the peer's authentication data",
    'IKEv2 IKE_SA_INIT Exchange REQUEST ',
    '    type: 4, reserved: 0x0, id: DH_GROUP_2048_MODP/Group 14',
    '%IKEV2-5-SA_UP: SA UP',
    'Protection suite of priority 10',
    'Transform set TS-ALI: { esp-aes 256 esp-sha-hmac  }',
    'R1#debug crypto isakmp',
    'Crypto ISAKMP debugging is on',
    // Months starting with the letter of a bare `ASA-…` tag, without IOS's `*` clock flag.
    'Apr 20 11:06:55: ISAKMP:(0): processing SA payload. message ID = 0',
    `Aug  3 11:06:55.123: ISAKMP (0): received packet from ${GW} dport 500 sport 500 Global (R) MM_NO_STATE`,
    `Aug 03 2026 10:00:00: %ASA-5-713119: ${G}PHASE 1 COMPLETED`,
  ])('claims %s', (line) => expect(cisco.sniff(line)).toBe(true));

  it.each([
    'Nov 21 22:18:04 16[IKE] <to-cloud|1> initiating Main Mode IKE_SA to-cloud[1] to 198.51.100.1',
    'Nov 21 21:42:23.126889: "conn" #1: initiating Main Mode',
    '2026-11-22 06:18:04 vco-bp12869d20623bfaca61 [INFO]: ikev1.c:992:isakmp_ph1begin_r(): respond new phase 1 negotiation',
    'ike 0:to-alibaba:12: probable pre-shared secret mismatch',
    '2006-08-10 19:22:40: INFO: isakmp.c:1000:isakmp_ph1begin_i(): initiate new phase 1 negotiation',
    '%%01IKE/4/IKE_NEGO_FAIL(l)[0]:IPSec tunnel negotiation fails.',
    'ISAKMP is a protocol',
    'IKEv2 is a protocol',
    'Dec  4 10:00:00 host sshd[123]: Accepted password',
  ])('leaves %s', (line) => expect(cisco.sniff(line)).toBe(false));

  it('no other dialect claims a Cisco line', () => {
    for (const d of [racoon2Dialect, createStrongswanDialect(), createLibreswanDialect(), racoonDialect, createFortigateDialect()]) {
      expect(d.sniff(`<166>Dec 04 2026 10:00:00: %ASA-5-713119: ${G}PHASE 1 COMPLETED`)).toBe(false);
      expect(d.sniff(`*Dec  4 10:00:00.123: ISAKMP:(1001):Old State = IKE_I_MM6  New State = IKE_P1_COMPLETE`)).toBe(false);
      expect(d.sniff('IKEv2:(SESSION ID = 1,SA ID = 1):Retransmitting packet')).toBe(false);
    }
  });
});

describe('framing and stamps', () => {
  it('reads the ASA stamp with its year, the relay header and the IOS stamp', () => {
    const p = parse([`<166>Dec 04 2026 10:00:00: %ASA-5-713119: ${G}PHASE 1 COMPLETED`, `Dec  4 10:00:01 fw01 : %ASA-5-713120: ${G}PHASE 2 COMPLETED (msgid=7a3f2c11)`, `*Dec  4 10:00:02.250 UTC: %CRYPTO-5-SESSION_STATUS: Crypto tunnel is UP   .  Peer ${GW}:500       Id: ${GW}`].join('\n'));
    expect(p.records.map((r) => r.timeMs)).toEqual([Date.UTC(2026, 11, 4, 10, 0, 0), Date.UTC(2026, 11, 4, 10, 0, 1), Date.UTC(2026, 11, 4, 10, 0, 2, 250)]);
    expect(p.records.map((r) => [r.connName, r.remote?.ip, r.event?.type])).toEqual([[GW, GW, 'p1-established'], [GW, GW, 'p2-established'], [GW, GW, 'p2-established']]);
  });
  it('ASA IKEv2 messages give both endpoints', () => {
    const r = parse(`%ASA-5-750002: Local:${ME}:500 Remote:${GW}:500 Username:Unknown Received a IKE_INIT_SA request`).records[0]!;
    expect([r.local?.ip, r.remote?.ip, r.event?.type, r.event?.vars['role'], r.ikeVersion]).toEqual([ME, GW, 'p1-start', 'responder', 2]);
  });
});

describe('ASA syslog', () => {
  it.each([
    [`%ASA-5-713257: Phase 1 failure:  Mismatched attribute types for class Group:  Rcv'd: Group 2  Cfg'd: Group 14`, 'no-proposal', 1],
    [`%ASA-5-713904: ${G}All IPSec SA proposals found unacceptable!`, 'no-proposal', 2],
    [`%ASA-4-713903: IP = ${GW}, Received encrypted Oakley Main Mode packet with invalid payloads, MessID = 0`, 'payload-invalid', 1],
    [`%ASA-3-713902: IP = ${GW}, ERROR, had problems decrypting packet, probably due to mismatched pre-shared key.  Aborting`, 'auth-failed', 1],
    [`%ASA-3-713061: ${G}Rejecting IPSec tunnel: no matching crypto map entry for remote proxy 203.0.113.0/255.255.255.128/0/0 local proxy 192.0.2.0/255.255.255.0/0/0 on interface outside`, 'ts-unacceptable', 2],
    [`%ASA-5-713068: ${G}Received non-routine Notify message: Invalid ID info (18)`, 'ts-unacceptable', 2],
    [`%ASA-5-713068: ${G}Received non-routine Notify message: No proposal chosen (14)`, 'no-proposal', 1],
    [`%ASA-3-713123: ${G}IKE lost contact with remote peer, deleting connection (keepalive type: DPD)`, 'dpd-dead', 1],
    [`%ASA-5-713050: ${G}Connection terminated for peer ${GW}.  Reason: Peer Terminate  Remote Proxy 203.0.113.0, Local Proxy 203.0.113.128`, 'delete-received', 1],
    [`%ASA-4-750003: Local:${ME}:500 Remote:${GW}:500 Username:Unknown Negotiation aborted due to ERROR: Failed to find a matching policy`, 'no-proposal', 1],
    [`%ASA-7-713906: IP = ${GW}, Oakley proposal is acceptable`, 'proposal-selected', 1],
    [`%ASA-5-713904: IP = ${GW}, Received an un-encrypted INVALID_COOKIE notify message, dropping`, 'notify', 1],
    [`%ASA-7-713236: IP = ${GW}, IKE_DECODE RESENDING Message (msgid=0) with payloads : HDR + KE (4) + NONCE (10) + VENDOR (13) + NONE (0) total length : 256`, 'retransmit', 1],
    // 750003 as some releases write it (the version first), with a reason naming the selectors.
    [`%ASA-4-750003: Local:${ME}:500 Remote:${GW}:500 Username:Unknown IKEv2 Negotiation aborted due to ERROR: There was no IPSEC policy found for received TS`, 'ts-unacceptable', 2],
    // The proposed proxies match no crypto map entry: the protected subnets differ.
    [`%ASA-5-713259: ${G}Session is being torn down. Reason: crypto map policy not found`, 'ts-unacceptable', 2],
    // The console debug, its tag followed by a colon, and pasted without the tag.
    [`Dec  5 10:00:01 [IKEv1]: IP = ${GW}, No crypto map bound to interface... dropping pkt`, 'no-config', 1],
    [`[IKEv1 DEBUG]: ${G}All SA proposals found unacceptable`, 'no-proposal', 1],
    [`${G}Session is being torn down. Reason: crypto map policy not found`, 'ts-unacceptable', 2],
  ] as const)('%s → %s', (line, type, phase) => {
    expect(eventsOf(parse(line)).map((e) => [e.type, e.phase])).toEqual([[type, phase]]);
  });

  it('713257 names the parameter and both values in Alibaba terms', () => {
    const e = only(parse(`%ASA-5-713257: Phase 1 failure:  Mismatched attribute types for class Group:  Rcv'd: Group 2  Cfg'd: Group 14`), 'no-proposal')[0]!;
    expect(JSON.parse(e.vars['diff']!)).toEqual([{ parameter: 'IkePfs', cloud: 'group2', peer: 'group14' }]);
  });

  it('713061 carries both selectors as the gateway proposed them', () => {
    const e = only(parse(`%ASA-3-713061: ${G}Rejecting IPSec tunnel: no matching crypto map entry for remote proxy 203.0.113.0/255.255.255.128/0/0 local proxy 192.0.2.0/255.255.255.0/0/0 on interface outside`), 'ts-unacceptable')[0]!;
    expect(e.vars).toMatchObject({ localTs: '192.0.2.0/24', remoteTs: '203.0.113.0/25' });
  });

  it('a bare negotiation failure decides nothing', () => {
    const p = parse(`%ASA-4-750003: Local:${ME}:500 Remote:${GW}:500 Username:Unknown Negotiation aborted due to ERROR: Create child SA exchange failed\n%ASA-3-752015: Tunnel Manager has failed to establish an L2L SA.  All configured IKE versions failed to establish the tunnel. Map Tag= outside_map.  Map Sequence Number = 10.`);
    expect(eventsOf(p)).toEqual([]);
    expect(p.records.map((r) => r.level)).toEqual(['error', 'error']);
  });
});

describe('IOS debug crypto isakmp / ipsec', () => {
  it('reads the attribute list under `Checking ISAKMP transform` and diffs it with `show crypto isakmp policy`', () => {
    const p = parse(
      [
        'Protection suite of priority 10',
        '\tencryption algorithm:\tAES - Advanced Encryption Standard (128 bit keys).',
        '\thash algorithm:\t\tSecure Hash Standard 2 (256 bit)',
        '\tauthentication method:\tPre-Shared Key',
        '\tDiffie-Hellman group:\t#14 (2048 bit)',
        `ISAKMP (0): received packet from ${GW} dport 500 sport 500 Global (N) NEW SA`,
        'ISAKMP:(0):Old State = IKE_READY  New State = IKE_R_MM1',
        'ISAKMP:(0):Checking ISAKMP transform 1 against priority 10 policy',
        'ISAKMP:      encryption AES-CBC',
        'ISAKMP:      keylength of 256',
        'ISAKMP:      hash SHA256',
        'ISAKMP:      default group 14',
        'ISAKMP:      auth pre-share',
        'ISAKMP:(0):atts are not acceptable. Next payload is 0',
        'ISAKMP:(0):no offers accepted!',
      ].join('\n'),
    );
    expect(p.orphans).toEqual([]);
    expect(only(p, 'proposal-configured')[0]!.vars['proposals']).toBe('IKE:AES_128/SHA256/GROUP14');
    expect(only(p, 'proposal-received').at(-1)!.vars['proposals']).toBe('IKE:AES_CBC_256/SHA256/GROUP14');
    expect(only(p, 'p1-start')[0]!.vars).toMatchObject({ role: 'responder', mode: 'main' });
    const np = only(p, 'no-proposal')[0]!;
    expect([np.phase, JSON.parse(np.vars['diff']!)]).toEqual([1, [{ parameter: 'IkeEncAlg', cloud: 'aes256', peer: 'aes' }]]);
  });

  it.each([
    [`ISAKMP:(0): retransmitting phase 1 MM_NO_STATE...`, 'retransmit', 1],
    [`ISAKMP:(0):deleting SA reason "Death by retransmission P1" state (I) MM_NO_STATE (peer ${GW})`, 'p1-timeout', 1],
    [`%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from ${GW} failed its sanity check or is malformed`, 'payload-invalid', 1],
    [`ISAKMP:(0):No pre-shared key with ${GW}!`, 'auth-failed', 1],
    ['IPSEC(validate_transform_proposal): proxy identities not supported', 'ts-unacceptable', 2],
    ['ISAKMP:(1001): IPSec policy invalidated proposal with error 256', 'no-proposal', 2],
    ['ISAKMP:(1001):Old State = IKE_QM_I_QM1  New State = IKE_QM_PHASE2_COMPLETE', 'p2-established', 2],
    ['ISAKMP:(1001): processing NOTIFY INVALID_ID_INFO protocol 1', 'ts-unacceptable', 2],
    ['ISAKMP:(0):peer matches *none* of the profiles', 'id-mismatch', 1],
    ['%CRYPTO-6-IKMP_AG_MODE_DISABLED: Unable to initiate or respond to Aggressive Mode while disabled', 'mode-not-acceptable', 1],
  ] as const)('%s → %s', (line, type, phase) => {
    expect(eventsOf(parse(line)).map((e) => [e.type, e.phase])).toEqual([[type, phase]]);
  });

  it('retransmissions of main mode 1 (initiator) are `first`, of main mode 5 `auth`', () => {
    const p = parse([`ISAKMP:(0): beginning Main Mode exchange`, `ISAKMP:(0): sending packet to ${GW} my_port 500 peer_port 500 (I) MM_NO_STATE`, `ISAKMP:(0): retransmitting phase 1 MM_NO_STATE...`, `ISAKMP (1001): received packet from ${GW} dport 4500 sport 4500 Global (I) MM_KEY_EXCH`, `ISAKMP:(1001): retransmitting phase 1 MM_KEY_EXCH...`].join('\n'));
    expect(only(p, 'retransmit').map((e) => [e.vars['first'], e.vars['auth']])).toEqual([['true', undefined], [undefined, 'true']]);
  });

  it('reads the proxies folded under `proposal part #1`', () => {
    const p = parse([`IPSEC(validate_proposal_request): proposal part #1`, `  (key eng. msg.) INBOUND local= ${ME}:0, remote= ${GW}:0,`, '    local_proxy= 192.0.2.0/255.255.255.0/256/0,', '    remote_proxy= 203.0.113.0/255.255.255.128/256/0,', 'IPSEC(validate_transform_proposal): proxy identities not supported'].join('\n'));
    expect(p.orphans).toEqual([]);
    expect(only(p, 'ts-unacceptable')[0]!.vars).toMatchObject({ localTs: '192.0.2.0/24', remoteTs: '203.0.113.0/25' });
  });

  it('older IOS: the sa_request block in unindented `name= value,` lines, crypto engine steps quiet', () => {
    const p = parse([
      '00:27:07: IPSEC(sa_request): ,',
      `(key eng. msg.) src= ${ME}, dest= ${GW},`,
      'src_proxy= 192.0.2.0/255.255.255.0/0/0 (type=4),',
      'protocol= ESP, transform= esp-des esp-md5-hmac ,',
      'lifedur= 3600s and 4608000kb,',
      '00:27:07: CryptoEngine0: generate alg parameter',
      '00:27:07: CRYPTO_ENGINE: Dh phase 1 status: 0',
      '00:27:07: ISAKMP (0:2): beginning Main Mode exchange',
    ].join('\n'));
    expect([p.failures, p.orphans]).toEqual([[], []]);
    expect(p.records.map((r) => [r.line, r.continuationLines])).toEqual([[1, 4], [6, 0], [7, 0], [8, 0]]);
    expect(p.records.slice(1, 3).map((r) => r.event)).toEqual([undefined, undefined]);
    expect(p.records[1]!.context).toMatchObject({ family: 'engine' });
  });

  it('a generic mode failure decides nothing', () => {
    const p = parse(`%CRYPTO-6-IKMP_MODE_FAILURE: Processing of Main mode failed with peer at ${GW}`);
    expect([eventsOf(p), p.records[0]!.level]).toEqual([[], 'error']);
  });
});

describe('IOS debug crypto ikev2', () => {
  const dump = (dir: 'in' | 'out', kind: string, body: string[]): string[] => [
    dir === 'in' ? `IKEv2:(SESSION ID = 1,SA ID = 1):Received Packet [From ${GW}:500/To ${ME}:500/VRF i0:f0] ` : `IKEv2:(SESSION ID = 1,SA ID = 1):Sending Packet [To ${GW}:500/From ${ME}:500/VRF i0:f0] `,
    'Initiator SPI : 2C6F4E8B9D0A1F3E - Responder SPI : 0000000000000000 Message id: 0',
    `IKEv2 IKE_SA_INIT Exchange ${kind} `,
    'Payload contents: ',
    ...body,
  ];
  const sa = (g: string): string[] => ['  Proposal: 1, Protocol id: IKE, SPI size: 0, #trans: 4', '    type: 1, reserved: 0x0, id: AES-CBC', '    type: 2, reserved: 0x0, id: SHA256', '    type: 3, reserved: 0x0, id: SHA256', `    type: 4, reserved: 0x0, id: ${g}`];
  it('diffs the offer received against the one sent, and reads the NO_PROPOSAL_CHOSEN this end sends', () => {
    const p = parse([...dump('out', 'REQUEST', sa('DH_GROUP_256_ECP/Group 19')), ...dump('in', 'REQUEST', sa('DH_GROUP_2048_MODP/Group 14')), ...dump('out', 'RESPONSE', [' NOTIFY(NO_PROPOSAL_CHOSEN)  Next payload: NONE, reserved: 0x0, length: 8'])].join('\n'));
    expect(p.orphans).toEqual([]);
    const np = only(p, 'no-proposal').at(-1)!;
    expect([np.phase, np.vars['direction'], JSON.parse(np.vars['diff']!)]).toEqual([1, 'sent', [{ parameter: 'IkePfs', cloud: 'group14', peer: 'group19' }]]);
    expect(only(p, 'p1-start').map((e) => e.vars['role'])).toEqual(['initiator', 'responder']);
  });
  it("reads the ASA's Received and Expected Policies and diffs them", () => {
    const p = parse(
      [
        'IKEv2-PROTO-1: (16): Received Policies:',
        'Proposal 1: AES-CBC-256 SHA256 SHA256 DH_GROUP_1024_MODP/Group 2',
        'Proposal 2: 3DES SHA1 SHA96 DH_GROUP_1024_MODP/Group 2',
        'IKEv2-PROTO-1: (16): Failed to find a matching policy',
        'IKEv2-PROTO-1: (16): Expected Policies:',
        'Proposal 1: AES-CBC-256 SHA256 SHA256 DH_GROUP_2048_MODP/Group 14',
      ].join('\n'),
    );
    expect(p.orphans).toEqual([]);
    expect(eventsOf(p).map((e) => e.type)).toEqual(['proposal-received', 'proposal-received', 'no-proposal', 'proposal-configured']);
    const conf = only(p, 'proposal-configured')[0]!;
    expect(JSON.parse(conf.vars['diff']!)).toEqual([{ parameter: 'IkePfs', cloud: 'group2', peer: 'group14' }]);
  });
  it('a policy list ends at the first line that is not one of its proposals', () => {
    const p = parse(['IKEv2-PROTO-1: (16): Received Policies:', 'Proposal 1: AES-CBC-256 SHA256 SHA256 DH_GROUP_1024_MODP/Group 2', 'IKEv2-PROTO-1: (16): Failed to find a matching policy', 'Proposal 2: 3DES SHA1 SHA96 DH_GROUP_1024_MODP/Group 2'].join('\n'));
    expect(eventsOf(p).map((e) => e.type)).toEqual(['proposal-received', 'no-proposal']);
  });
  it("reads the payload list IOS-XE 16 folds under `Payload contents:`: NO_PROPOSAL_CHOSEN in IKE_AUTH is the Child SA's", () => {
    const auth = (dir: 'in' | 'out', kind: string, list: string): string[] => dump(dir, kind, [list]).map((l) => l.replace('IKE_SA_INIT Exchange', 'IKE_AUTH Exchange'));
    const p = parse([...auth('out', 'REQUEST', ' VID IDi AUTH SA TSi TSr NOTIFY(INITIAL_CONTACT) NOTIFY(SET_WINDOW_SIZE) '), ...auth('in', 'RESPONSE', ' VID IDr AUTH NOTIFY(NO_PROPOSAL_CHOSEN) ')].join('\n'));
    expect(p.orphans).toEqual([]);
    expect(eventsOf(p).filter((e) => e.type !== 'packet-sent' && e.type !== 'packet-received').map((e) => [e.type, e.phase, e.vars['direction']])).toEqual([['no-proposal', 2, 'received']]);
  });
  it.each([
    ["IKEv2-ERROR:(SESSION ID = 1,SA ID = 1):: Failed to verify the peer's authentication data", 'auth-failed', 1],
    ['IKEv2:(SA ID = 1):There was no IPSEC policy found for received TS', 'ts-unacceptable', 2],
    [`IKEv2:(SESSION ID = 1,SA ID = 1):Session with IKE ID PAIR (${GW}, ${ME}) is UP`, 'p1-established', 1],
    ['%IKEV2-5-SA_UP: SA UP', 'p1-established', 1],
    [`%CRYPTO-5-IKEV2_SESSION_STATUS: Crypto tunnel v2 is UP.  Peer ${GW}:500 Id: ${GW}`, 'p2-established', 2],
  ] as const)('%s → %s', (line, type, phase) => {
    expect(eventsOf(parse(line)).map((e) => [e.type, e.phase])).toEqual([[type, phase]]);
  });
});

describe('secrets', () => {
  it('masks a pre-shared key the debug echoes, and key material, but not the words around them', () => {
    const p = parse([`ISAKMP:(0):found peer pre-shared key matching ${GW}`, 'ISAKMP: pre-shared key: Ali-Sup3r-Key-7731', 'IKEv2:(SESSION ID = 1,SA ID = 1):SKEYSEED: 9F8E7D6C5B4A39281706F5E4D3C2B1A0'].join('\n'));
    expect(p.records.map((r) => r.text)).toEqual([`ISAKMP:(0):found peer pre-shared key matching ${GW}`, 'ISAKMP: pre-shared key: [redacted]', 'IKEv2:(SESSION ID = 1,SA ID = 1):SKEYSEED: [redacted]']);
    expect(p.records.map((r) => r.secret ?? false)).toEqual([false, true, true]);
  });
});

describe('version', () => {
  it.each([
    [`ISAKMP:(0):Invalid ISAKMP major version 2, dropping packet from ${GW}`, 'version-unsupported'],
    [`%ASA-5-713068: ${G}Received non-routine Notify message: Invalid major version (5)`, 'notify'],
  ] as const)('%s → %s', (line, type) => expect(eventsOf(parse(line)).map((e) => e.type)).toEqual([type]));
});
