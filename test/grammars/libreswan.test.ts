import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isHeaderFailure } from '../../src/parse/dialect.js';
import { isFailureEvent, isPeerEventType } from '../../grammars/peer-common/events.js';
import { readProposalVar } from '../../grammars/peer-common/proposal-diff.js';
import { createLibreswanDialect, libreswanDialect } from '../../grammars/libreswan/index.js';
import { stateInfo } from '../../grammars/libreswan/catalog-hooks.js';
import { createStrongswanDialect } from '../../grammars/strongswan/index.js';
import { racoonDialect } from '../../grammars/racoon/index.js';
import { eventsOf, parseText, type Parsed } from './peer-harness.js';

const LAB = new URL('../fixtures/lab/', import.meta.url);
const SAMPLES = new URL('../../grammars/libreswan/samples/', import.meta.url);
const read = (base: URL, path: string): string => readFileSync(new URL(path, base), 'utf8');
const parse = (text: string, ctx = {}): Parsed => parseText(text, [createStrongswanDialect(), createLibreswanDialect()], { year: 2026, ...ctx });
const types = (p: Parsed): string[] => eventsOf(p).map((e) => e.type);
const only = (p: Parsed, type: string) => eventsOf(p).filter((e) => e.type === type);
const FAILURE_WORDS = /fail|unacceptable|NO_PROPOSAL|AUTHENTICATION_FAILED|retransmi|mismatch|refused|no acceptable|no suitable|timeout|dead|does not match/i;

describe('Libreswan dialect on the lab peer logs', () => {
  const cases: [string, (p: Parsed) => void][] = [
    [
      'sw-lsw_p1_integrity_mismatch_v1-P',
      (p) => {
        const [no] = only(p, 'no-proposal');
        expect(no!.phase).toBe(1);
        expect(readProposalVar(no!.vars['received'])).toEqual([{ IkeEncAlg: 'aes256', IkeAuthAlg: 'sha256', IkePfs: 'group14' }]);
        expect(types(p)).toEqual(['daemon-start', 'p1-start', 'proposal-received', 'no-proposal', 'notify', 'sa-deleted']);
        const notify = p.records.find((r) => r.event?.type === 'notify')!;
        expect(notify.remote).toEqual({ ip: '198.51.100.1', port: 500 });
        expect(notify.event!.vars).toMatchObject({ type: 'NO_PROPOSAL_CHOSEN', direction: 'sent' });
      },
    ],
    [
      'sw-lsw_psk_mismatch_v2-P',
      (p) => {
        const [auth] = only(p, 'auth-failed');
        expect(auth).toMatchObject({ phase: 1, vars: { reason: 'computed hash does not match hash received', idType: 'ID_IPV4_ADDR', remoteId: '198.51.100.1' } });
        const cfg = only(p, 'proposal-configured').map((e) => readProposalVar(e.vars['normalized']));
        expect(cfg).toEqual([[{ IkeEncAlg: 'aes256', IkeAuthAlg: 'sha256', IkePfs: 'group14' }], [{ IpsecEncAlg: 'aes256', IpsecAuthAlg: 'sha256', IpsecPfs: 'disabled' }]]);
        expect(types(p)).toEqual(expect.arrayContaining(['proposal-selected', 'notify', 'p1-failed', 'sa-deleted']));
        const failed = p.records.find((r) => r.event?.type === 'p1-failed')!;
        expect([failed.phase, failed.ikeVersion, failed.connName, failed.session, failed.level]).toEqual([1, 2, 'to-cloud', '1', 'error']);
      },
    ],
  ];
  it.each(cases)('%s', (name, check) => {
    const p = parse(read(LAB, `${name}/input/peer.log`));
    expect(p.failures).toEqual([]);
    expect(p.orphans).toEqual([]);
    expect(p.records.every((r) => r.side === 'peer' && r.dialect === 'libreswan')).toBe(true);
    for (const r of p.records) if (FAILURE_WORDS.test(r.message)) expect(r.event, `line ${r.line}: ${r.message}`).toBeDefined();
    for (const e of eventsOf(p)) expect(isPeerEventType(e.type), e.type).toBe(true);
    for (const r of p.records) if (r.remote) expect(r.remote.ip).toBe('198.51.100.1');
    check(p);
  });

  it('keeps the start-up banner and the indented algorithm table as quiet records', () => {
    const p = parse(read(LAB, 'sw-lsw_p1_integrity_mismatch_v1-P/input/peer.log'));
    const table = p.records.filter((r) => r.message.startsWith('  '));
    expect(table.length).toBeGreaterThan(50);
    expect(table.every((r) => !r.event)).toBe(true);
    expect(p.records[0]!.localTime).toBe('Nov 21 22:03:59.723515');
    expect(p.records[0]!.timeMs).toBe(Date.UTC(2026, 10, 21, 22, 3, 59, 723));
  });
});

describe('Libreswan samples', () => {
  it('syslog IKEv2 that comes up: established events, TS, agreed algorithms, endpoints', () => {
    const p = parse(read(SAMPLES, 'syslog-v2-established.log'), { tz: { minutes: -300 } });
    expect(p.failures).toEqual([]);
    expect(types(p)).toEqual(['p1-start', 'p1-established', 'p2-established']);
    expect(p.records.filter((r) => isFailureEvent(r.event))).toEqual([]);
    const child = only(p, 'p2-established')[0]!;
    expect(child.vars).toMatchObject({ localTs: '203.0.113.128/25', remoteTs: '203.0.113.0/25' });
    expect(readProposalVar(child.vars['normalized'])).toEqual([{ IpsecEncAlg: 'aes256', IpsecAuthAlg: 'sha256', IpsecPfs: 'disabled' }]);
    expect(p.records[0]!.remote).toEqual({ ip: '198.51.100.1' });
    expect(p.records[0]!.context).toEqual({ program: 'pluto', host: 'vpn-b', pid: '1234' });
    expect(p.records[0]!.timeMs).toBe(Date.UTC(2026, 10, 22, 2, 42, 23));
  });

  it('syslog IKEv2 failures: proposal diff, TS_UNACCEPTABLE both ways, liveness, unauthorized peer', () => {
    const p = parse(read(SAMPLES, 'syslog-v2-failures.log'));
    expect(p.failures).toEqual([]);
    const no = only(p, 'no-proposal')[0]!;
    expect(readProposalVar(no.vars['received'])).toEqual([{ IkeEncAlg: 'aes', IkeAuthAlg: 'sha1', IkePfs: 'group2' }]);
    const first = p.records[0]!;
    expect([first.connName, first.session, first.context?.['instance'], first.remote]).toEqual(['to-cloud', '3', '1', { ip: '198.51.100.1' }]);
    const ts = only(p, 'ts-unacceptable');
    expect(ts).toEqual([
      expect.objectContaining({ phase: 2, vars: { remoteTs: '203.0.113.0/25', localTs: '203.0.113.128/25' } }),
      expect.objectContaining({ phase: 2, vars: expect.objectContaining({ notify: 'TS_UNACCEPTABLE', direction: 'received' }) }),
    ]);
    expect(types(p)).toEqual(['no-proposal', 'notify', 'ts-unacceptable', 'ts-unacceptable', 'dpd-dead', 'no-config']);
    expect(only(p, 'no-config')[0]!.vars).toMatchObject({ mode: 'Main', local: '198.51.100.2:500', policy: 'PSK+IKEV1_ALLOW' });
    expect(p.records.at(-1)!.remote).toEqual({ ip: '198.51.100.9', port: 500 });
  });

  it('3.x logfile with STATE_ prefixes: retransmits, PSK failure, quick-mode give-up, DPD', () => {
    const p = parse(read(SAMPLES, 'logfile-v1-initiator.log'));
    expect(p.failures).toEqual([]);
    expect(types(p)).toEqual(['p1-start', 'retransmit', 'auth-failed', 'p1-established', 'p2-start', 'p2-timeout', 'dpd-dead']);
    const r = p.records.find((x) => x.event?.type === 'retransmit')!;
    expect([r.phase, r.ikeVersion, r.event!.vars['state'], r.event!.vars['wait']]).toEqual([1, 1, 'STATE_MAIN_I1', '0.5']);
    expect(readProposalVar(only(p, 'p1-established')[0]!.vars['normalized'])).toEqual([{ IkeEncAlg: 'aes256', IkeAuthAlg: 'sha1', IkePfs: 'group14' }]);
  });

  it('whack output', () => {
    const p = parse(read(SAMPLES, 'whack.txt'));
    expect(p.failures).toEqual([]);
    expect(p.orphans).toEqual([]);
    expect(types(p)).toEqual(['p1-start', 'retransmit', 'no-proposal']);
    expect(p.records[1]!.context).toEqual({ whack: '104' });
  });
});

describe('Libreswan header variants and robustness', () => {
  it.each([
    ['logfile with state', 'Nov 21 21:42:23.126889: "conn" #1: STATE_MAIN_I1: retransmission; will wait 1 seconds for response', 'retransmit'],
    ['logfile without state', 'Nov 21 21:42:23.126889: "conn": added IKEv2 connection', undefined],
    ['packet from', 'Nov 21 21:42:23.126889: packet from 198.51.100.1:500: sending notification NO_PROPOSAL_CHOSEN to 198.51.100.1:500', 'notify'],
    ['syslog instance', 'Nov 21 21:42:23 host pluto[123]: "conn"[1] 198.51.100.1 #1: ISAKMP SA established {auth=PRESHARED_KEY cipher=AES_CBC_256 integ=HMAC_SHA2_256 group=MODP2048}', 'p1-established'],
    ['syslog ISO stamp', '2026-11-21T21:42:23.5+01:00 host pluto[123]: "conn" #2: IPsec SA established tunnel mode {ESP=>0x1 <0x2 xfrm=AES_CBC_128-HMAC_SHA1_96 NATOA=none NATD=none DPD=passive}', 'p2-established'],
    ['no time', '"conn" #1: initiating IKEv2 connection', 'p1-start'],
    ['IKE SA established (4.x)', 'Nov 21 21:42:23.1: "conn" #1: IKE SA established {auth=PRESHARED_KEY cipher=AES_CBC_256 integ=HMAC_SHA2_256_128 prf=HMAC_SHA2_256 group=MODP2048}', 'p1-established'],
    ['INVALID_ID_INFORMATION', 'Nov 21 21:42:23.1: "conn" #2: STATE_QUICK_I1: ignoring informational payload INVALID_ID_INFORMATION, msgid=00000000, length=12', 'ts-unacceptable'],
    ['dropping with a notify', 'Nov 21 21:42:23.1: "conn" #1: dropping unexpected IKE_SA_INIT message containing NO_PROPOSAL_CHOSEN notification; message payloads: N; missing payloads: SA,KE,Ni', 'no-proposal'],
    ['dropping because', 'Nov 21 21:42:23.1: packet from 198.51.100.1:500: dropping packet with mangled IKE header because length field is wrong', 'message-invalid'],
    // IKEv1 main mode: the peer's ID found no connection (decode_peer_id), an identity refusal.
    ['no suitable connection', 'Nov 21 21:42:23.1: "conn"[1] 198.51.100.1 #1: no suitable connection for peer \'198.51.100.1\'', 'id-mismatch'],
    ['max retransmissions, first message', 'Nov 21 21:42:23.1: "conn" #1: IKE_SA_INIT_I: max number of retransmissions (8) reached after 60 seconds.  No response (or no acceptable response) to our first IKEv2 message', 'p1-timeout'],
  ])('%s', (_n, line, event) => {
    const d = createLibreswanDialect();
    expect(d.sniff(line)).toBe(true);
    const [r] = d.parseHeaders([{ text: line, line: 1 }], { source: 's', tz: { minutes: 0 }, year: 2026 });
    expect(r && !isHeaderFailure(r)).toBe(true);
    if (!r || isHeaderFailure(r)) return;
    d.classify(r);
    expect(r.event?.type).toBe(event);
    expect(r.side).toBe('peer');
  });

  it('maps pluto state names to phase and version', () => {
    expect(stateInfo('STATE_MAIN_R0')).toEqual({ phase: 1, ikeVersion: 1 });
    expect(stateInfo('STATE_QUICK_I1')).toEqual({ phase: 2, ikeVersion: 1 });
    expect(stateInfo('STATE_V2_PARENT_R1')).toEqual({ phase: 1, ikeVersion: 2 });
    expect(stateInfo('IKE_SA_INIT_I')).toEqual({ phase: 1, ikeVersion: 2 });
    expect(stateInfo('STATE_V2_ESTABLISHED_CHILD_SA')).toEqual({ phase: 2, ikeVersion: 2 });
  });

  it('does not claim strongSwan, racoon2 or unrelated lines', () => {
    for (const l of [
      'Nov 21 21:58:50 08[IKE] <conn|1> sending DPD request',
      'Nov 21 21:58:50 host charon[1]: 08[IKE] sending DPD request',
      '2026-11-22 06:10:09 vco-bp1a15261a8cf3184b38 [INFO]: main.c:306:main(): starting iked',
      'Nov 21 21:58:50 host sshd[12]: Accepted publickey for root',
      '| a | markdown table | row |',
      'plain text',
    ])
      expect(libreswanDialect.sniff(l), l).toBe(false);
  });

  it('masks PSKs and private debug dumps', () => {
    const p = parse(
      [
        'Nov 21 21:42:23.1: | SKEYID: 9a 3f 21 c4 55 01 ab 7e',
        'Nov 21 21:42:23.2: |   4a 1b 2c 3d 4e 5f 60 71',
        'Nov 21 21:42:23.3: loading secrets from "/etc/ipsec.secrets"',
        'Nov 21 21:42:23.4: "conn": 198.51.100.2 198.51.100.1 : PSK "Vx7pQ2-lab-shared-keY"',
      ].join('\n'),
    );
    expect(p.failures).toEqual([]);
    const all = p.records.map((r) => r.text).join('\n');
    expect(all).not.toMatch(/9a 3f 21|4a 1b 2c|Vx7pQ2/);
    expect(p.records.map((r) => r.secret ?? false)).toEqual([true, true, false, true]);
  });

  it('returns HeaderFailure rather than throwing', () => {
    const d = createLibreswanDialect();
    const bad = ['Nov 21 21:42:23 nothing-known: x', 'Nov 21 21:42:23.1', '"unterminated', '123'];
    const out = d.parseHeaders(bad.map((text, i) => ({ text, line: i + 1 })), { source: 's', tz: { minutes: 0 } });
    expect(out.map(isHeaderFailure)).toEqual([true, true, true, true]);
    expect(() => d.classify({ source: 's', line: 1, endLine: 1, side: 'peer', dialect: 'libreswan', text: '', level: 'info', message: '', continuationLines: 0 })).not.toThrow();
  });
});

describe('Libreswan lines as people paste them', () => {
  it('reads a pluto message pasted alone, by its words', () => {
    const p = parse(`we require peer to have ID '198.51.100.1', but peer declares '10.10.3.1'
authentication failed: computed hash does not match hash received from peer ID_IPV4_ADDR '198.51.100.1'
STATE_MAIN_I1: retransmission; will wait 20s for response`);
    expect(p.failures).toEqual([]);
    expect(p.orphans).toEqual([]);
    expect(p.records.map((r) => r.dialect)).toEqual(['libreswan', 'libreswan', 'libreswan']);
    expect(only(p, 'id-mismatch')).toEqual([expect.objectContaining({ phase: 1, vars: expect.objectContaining({ expected: '198.51.100.1', received: '10.10.3.1' }) })]);
  });

  it("reads Openswan's `packet from` lines pasted without the colon after the port", () => {
    const p = parse('Jul  1 15:44:55 gw pluto[21915]: packet from 198.51.100.1:500 initial Main Mode message received on 198.51.100.2:500 but no connection has been authorized with policy=PSK');
    expect(p.failures).toEqual([]);
    expect(only(p, 'no-config')).toEqual([expect.objectContaining({ phase: 1 })]);
  });

  it('claims no bare line of another daemon', () => {
    for (const l of ['initiating Main Mode IKE_SA home[1] to 198.51.100.1', 'received AUTHENTICATION_FAILED notify error', 'authentication of \'198.51.100.1\' with pre-shared key successful', 'IKE_SA home[1] established between 10.0.0.2[10.0.0.2]...198.51.100.1[198.51.100.1]'])
      expect(libreswanDialect.sniff(l), l).toBe(false);
  });

  it('reads state lines whose connection name was cut off (`#6: …`), keeping the state number', () => {
    const p = parse(`#3:   initiating v2 parent SA
#3:  STATE_PARENT_I1: sent v2I1, expected v2R1
#6:  STATE_PARENT_I2: sent v2I2,expected v2R2{auth=IKEv2 cipher=aes_256 integ=sha256_128 prf=sha2_256 group=DH19}
#6:  IKE SA authentication request rejected: AUTHENTICATION_FAILED`);
    expect(p.failures).toEqual([]);
    expect(p.orphans).toEqual([]);
    expect(p.records.map((r) => [r.dialect, r.session, r.connName])).toEqual([
      ['libreswan', '3', undefined],
      ['libreswan', '3', undefined],
      ['libreswan', '6', undefined],
      ['libreswan', '6', undefined],
    ]);
    expect(only(p, 'auth-failed')).toHaveLength(1);
    // `ipsec status` lists the same numbers before the connection: an SA that is up reads as established.
    const s = parse(`000 #1: "vpn/0x1":4500 STATE_MAIN_I4 (ISAKMP SA established); EVENT_SA_REPLACE in 2538s; newest ISAKMP; lastdpd=-1s(seq in:0 out:0); idle; import:admin initiate
000 #2: "vpn/0x1":4500 STATE_QUICK_I2 (sent QI2, IPsec SA established); EVENT_SA_REPLACE in 734s; newest IPSEC; eroute owner; isakmp#1; idle; import:admin initiate
000 #9: "vpn/0x2":500 STATE_MAIN_I1 (sent MI1, expecting MR1); EVENT_v1_RETRANSMIT in 23s; nodpd; idle; import:admin initiate`);
    expect(eventsOf(s).map((e) => [e.type, e.vars['state']])).toEqual([
      ['p1-established', 'STATE_MAIN_I4'],
      ['p2-established', 'STATE_QUICK_I2'],
      ['retransmit', 'STATE_MAIN_I1'],
    ]);
    expect(eventsOf(s).slice(0, 2).map((e) => e.phase)).toEqual([1, 2]);
    // A comment or a shell prompt is not such a line.
    for (const l of ['# ipsec showstates', '#3 without a colon', '#: nothing']) expect(libreswanDialect.sniff(l), l).toBe(false);
  });

  it("reads the console's `ERROR: \"conn\" #N:` lines (Libreswan ≥ 4) as pluto's, not racoon's", () => {
    const line = 'ERROR: "to-cloud" #1: send on eth0 from 198.51.100.2:500 to 198.51.100.1:500 using UDP failed in main_outI1: Network is unreachable (errno 101)';
    expect(libreswanDialect.sniff(line)).toBe(true);
    expect(racoonDialect.sniff(line)).toBe(false);
    // racoon's own level lines stay racoon's.
    expect(racoonDialect.sniff('ERROR: phase1 negotiation failed due to time up.')).toBe(true);
    const p = parse(`${line}\nDec  7 10:00:01 vpn pluto[812]: "to-cloud" #1: sendto on eth0 to 198.51.100.1:500 failed in main_outI1. Errno 1: Operation not permitted`);
    expect(p.failures).toEqual([]);
    expect(p.records.map((r) => r.connName)).toEqual(['to-cloud', 'to-cloud']);
    expect(only(p, 'send-failed').map((e) => e.vars)).toEqual([
      expect.objectContaining({ reason: 'Network is unreachable', why: 'network-unreachable', to: '198.51.100.1:500' }),
      expect.objectContaining({ reason: 'Operation not permitted', why: 'local-firewall' }),
    ]);
  });

  it('reads a connection neither of whose ends is on the device (unoriented), in both wordings', () => {
    const p = parse(`022 "c": We cannot identify ourselves with either end of this connection.  198.51.100.2 or 198.51.100.1 are not usable
Dec  7 09:12:01.100200: "d": added unoriented IKEv2 connection (neither left=198.51.100.2 nor right=198.51.100.1 match an interface)
Dec  7 09:12:31.100200: "d": oriented IKEv2 connection (local: left=198.51.100.2 remote: right=198.51.100.1)`);
    expect(p.failures).toEqual([]);
    expect(eventsOf(p).map((e) => [e.type, e.vars['kind'], e.vars['localAddress']])).toEqual([
      ['config-error', 'orient', '198.51.100.2'],
      ['config-error', 'orient', '198.51.100.2'],
      ['connection-oriented', undefined, '198.51.100.2'],
    ]);
  });

  it('reads pluto lines without a time stamp (docker logs)', () => {
    const p = parse(`pluto[400]: "l2tp"[1] 203.0.113.50 #2: Oakley Transform [3DES_CBC (192), HMAC_MD5, MODP1024] refused
pluto[400]: "l2tp"[1] 203.0.113.50 #2: no acceptable Oakley Transform
pluto[400]: packet from 203.0.113.50:500: sending notification NO_PROPOSAL_CHOSEN to 203.0.113.50:500`);
    expect(p.failures).toEqual([]);
    expect(p.orphans).toEqual([]);
    expect(p.records.map((r) => r.dialect)).toEqual(['libreswan', 'libreswan', 'libreswan']);
    expect(only(p, 'no-proposal')).toEqual([expect.objectContaining({ phase: 1 })]);
    expect(p.records[0]!.context).toMatchObject({ program: 'pluto', pid: '400' });
  });

  it('an unencrypted NO_PROPOSAL_CHOSEN while a quick mode is under way refuses the quick mode', () => {
    const p = parse(`Mar  2 10:00:00 gw pluto[77]: "site" #2: initiating Quick Mode PSK+ENCRYPT+TUNNEL+PFS+UP+IKEV1_ALLOW {using isakmp#1 msgid:0a0b0c0d proposal=AES_CBC_256-HMAC_SHA1_96 pfsgroup=MODP1536}
Mar  2 10:00:00 gw pluto[77]: "site" #1: ignoring informational payload NO_PROPOSAL_CHOSEN, msgid=00000000, length=16
Mar  2 10:00:00 gw pluto[77]: "site" #1: received and ignored informational message`);
    expect(only(p, 'no-proposal')).toEqual([expect.objectContaining({ phase: 2 })]);
  });

  it('no answer to the first encrypted message: a refused key in IKEv1, an unanswered IKE_AUTH in IKEv2', () => {
    const v1 = parse(`Mar  2 10:00:30.000000: "site" #1: STATE_MAIN_I3: 60 second timeout exceeded after 5 retransmits.  Possible authentication failure: no acceptable response to our first encrypted message`);
    expect(only(v1, 'auth-failed')).toEqual([expect.objectContaining({ vars: expect.objectContaining({ reason: 'no-response-to-encrypted' }) })]);
    const v2 = parse(`Mar  2 10:00:30.000000: "site" #1: STATE_V2_PARENT_I2: 15 second timeout exceeded after 5 retransmits.  Possible authentication failure: no acceptable response to our first encrypted message`);
    expect(only(v2, 'auth-failed')).toEqual([]);
    expect(only(v2, 'retransmit-limit')).toEqual([expect.objectContaining({ phase: 1, vars: expect.objectContaining({ auth: 'true', retransmits: '5' }) })]);
  });

  it('before any quick mode the same notify refuses phase 1', () => {
    const p = parse(`Mar  2 10:00:00 gw pluto[77]: "site" #1: initiating IKEv1 Main Mode connection
Mar  2 10:00:00 gw pluto[77]: "site" #1: ignoring informational payload NO_PROPOSAL_CHOSEN, msgid=00000000, length=12`);
    expect(only(p, 'no-proposal')).toEqual([expect.objectContaining({ phase: 1 })]);
  });

  it('a quick mode request refused for its selectors (Libreswan 5)', () => {
    const p = parse(`Mar  2 10:00:00.100000: "rw"[3] 198.51.100.77 #9: the peer proposed: 10.9.0.0/24===10.1.0.0/24
Mar  2 10:00:00.100100: "rw"[3] 198.51.100.77 #9: Quick Mode request rejected, peer requested lease but proposed local selector 10.9.0.0/24 does not match connection 0.0.0.0/0; deleting ISAKMP SA`);
    expect(only(p, 'ts-unacceptable')).toEqual([expect.objectContaining({ phase: 2, vars: expect.objectContaining({ which: 'local', proposed: '10.9.0.0/24', configured: '0.0.0.0/0' }) })]);
  });

  it('Openswan-era summaries and Libreswan 5 deletes', () => {
    const p = parse(`Aug 22 14:53:26 ng pluto[7015]: "ng" #2: STATE_QUICK_I2: sent QI2, IPsec SA established tunnel mode {ESP=>0x0a0b0c0d <0x01020304 xfrm=AES_128-HMAC_SHA1 NATOA=none NATD=none DPD=enabled}
Aug 22 14:53:26 ng pluto[7015]: "ng" #1: STATE_MAIN_R3: sent MR3, ISAKMP SA established {auth=PRESHARED_KEY cipher=aes_256 integ=sha group=MODP2048}
Aug 22 14:53:29 ng pluto[7015]: "ng" #13: received Delete SA payload via #8`);
    expect(types(p)).toEqual(['p2-established', 'p1-established', 'delete-received']);
    expect(only(p, 'delete-received')).toEqual([expect.objectContaining({ phase: 2, vars: expect.objectContaining({ what: 'IPsec', via: '8' }) })]);
  });
});

describe('Libreswan identity refusals in main mode', () => {
  it('INVALID_ID_INFORMATION before the ISAKMP SA is up refuses the identity, not the selectors', () => {
    const p = parse(`Aug  1 13:06:48 asus pluto[30]: "Office" #1: STATE_MAIN_I3: sent MI3, expecting MR3
Aug  1 13:06:48 asus pluto[30]: "Office" #1: ignoring informational payload, type INVALID_ID_INFORMATION msgid=00000000`);
    expect(only(p, 'id-mismatch')).toEqual([expect.objectContaining({ phase: 1 })]);
    expect(only(p, 'ts-unacceptable')).toEqual([]);
  });

  it('the same notify during a quick mode refuses the selectors', () => {
    const p = parse(`Aug  1 13:06:48 asus pluto[30]: "Office" #2: initiating Quick Mode PSK+ENCRYPT+TUNNEL+PFS+UP {using isakmp#1 msgid:01020304 proposal=AES_CBC_256-HMAC_SHA1_96 pfsgroup=MODP2048}
Aug  1 13:06:48 asus pluto[30]: "Office" #1: ignoring informational payload INVALID_ID_INFORMATION, msgid=00000000, length=12`);
    expect(only(p, 'ts-unacceptable')).toEqual([expect.objectContaining({ phase: 2 })]);
  });

  it("'no suitable connection for peer' names the identity that matched nothing", () => {
    const p = parse(`Aug  1 13:08:29 gw pluto[9]: "Office" #3: no suitable connection for peer '192.168.0.3'`);
    expect(only(p, 'id-mismatch')).toEqual([expect.objectContaining({ phase: 1, vars: expect.objectContaining({ received: '192.168.0.3' }) })]);
  });
});
