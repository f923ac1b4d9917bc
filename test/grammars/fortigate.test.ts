// The FortiGate dialect line by line: which shapes it claims (and which it leaves to the other
// dialects), how each decisive debug or event-log line is classified, and the FortiGate spellings
// of the one algorithm table.
import { describe, expect, it } from 'vitest';
import { createFortigateDialect } from '../../grammars/fortigate/index.js';
import { createLibreswanDialect } from '../../grammars/libreswan/index.js';
import { createStrongswanDialect } from '../../grammars/strongswan/index.js';
import { racoon2Dialect } from '../../grammars/racoon2/index.js';
import { classifyAlg } from '../../src/vocabulary/algorithms.js';
import { eventsOf, parseText, type Parsed } from './peer-harness.js';

const parse = (text: string): Parsed => parseText(text, [createFortigateDialect()], { year: 2026 });
const only = (p: Parsed, type: string) => eventsOf(p).filter((e) => e.type === type);
const GW = '198.51.100.1';

describe('sniff', () => {
  const fgt = createFortigateDialect();
  it.each([
    'ike 0: comes 198.51.100.1:500->198.51.100.2:500,ifindex=5....',
    'ike V=root:0:to-alibaba:45: established IKE SA 2c6f4e8b9d0a1f3e/9a8b7c6d5e4f3a2b',
    '2025-02-28 10:28:08.260710 ike 5:d1ae31d584881057/0000000000000000:2086423: incoming proposal:',
    'ike Negotiate ISAKMP SA Error: ike 0:to-alibaba:12: no SA proposal chosen',
    'Debug messages will be on for 30 minutes.',
    'FGT60F # diagnose debug application ike -1',
    'FGT60F (root) # diagnose vpn ike log-filter dst-addr4 198.51.100.1',
    'date=2026-11-21 time=22:30:02 logid="0101037124" type="event" subtype="vpn" level="error" msg="IPsec phase 1 error"',
    '<189>date=2026-11-21 time=22:30:02 logid="0101037124" type="event" subtype="vpn" level="error"',
    '"date","time","logid","type","subtype","level","msg","vpntunnel"',
    '"2026-11-21","22:40:01","0101037122","event","vpn","error","IPsec phase 2 error","to-alibaba"',
  ])('claims %s', (line) => expect(fgt.sniff(line)).toBe(true));

  it.each([
    'Nov 21 22:18:04 16[IKE] <to-cloud|1> initiating Main Mode IKE_SA to-cloud[1] to 198.51.100.1',
    'Nov 21 21:42:23.126889: "conn" #1: initiating Main Mode',
    '2026-11-22 06:18:04 vco-bp12869d20623bfaca61 [INFO]: ikev1.c:992:isakmp_ph1begin_r(): respond new phase 1 negotiation',
    'ike is a word',
    'root@host:~# ipsec statusall',
    'date=2026-11-21 an unrelated line',
  ])('leaves %s', (line) => expect(fgt.sniff(line)).toBe(false));

  it('no other dialect claims a FortiGate line', () => {
    for (const d of [racoon2Dialect, createStrongswanDialect(), createLibreswanDialect()]) {
      expect(d.sniff('ike 0:to-alibaba:12: probable pre-shared secret mismatch')).toBe(false);
      expect(d.sniff('2026-11-21 22:18:04.000137 ike 0:to-alibaba:12: negotiation timeout, deleting')).toBe(false);
    }
  });
});

describe('debug lines', () => {
  it('reads the prefix: VDOM, gateway, IKE SA serial, phase-2 name', () => {
    const p = parse('ike V=root:0:to-alibaba:45:to-alibaba:77: added IPsec SA: SPIs=c0a80101/8f3e2d1c\n');
    const r = p.records[0]!;
    expect([r.connName, r.session, r.context?.['vdom'], r.context?.['phase2'], r.event?.type, r.phase]).toEqual(['to-alibaba', '45', 'root', 'to-alibaba', 'p2-established', 2]);
  });

  it('diffs the incoming and my proposal blocks (IKEv1)', () => {
    const block = (head: string, len: number): string =>
      [`ike 0:gw:12: ${head}`, 'ike 0:gw:12: proposal id = 1:', 'ike 0:gw:12:   protocol id = ISAKMP:', 'ike 0:gw:12:      trans_id = KEY_IKE.', `ike 0:gw:12:         type=OAKLEY_ENCRYPT_ALG, val=AES_CBC, key-len=${len}`, 'ike 0:gw:12:         type=OAKLEY_HASH_ALG, val=SHA2_256.', 'ike 0:gw:12:         type=OAKLEY_GROUP, val=MODP2048.', 'ike 0:gw:12: ISAKMP SA lifetime=86400'].join('\n');
    const p = parse(`${block('incoming proposal:', 256)}\n${block('my proposal, gw gw:', 128)}\nike 0:gw:12: negotiation failure\nike Negotiate ISAKMP SA Error: ike 0:gw:12: no SA proposal chosen\n`);
    const np = only(p, 'no-proposal');
    expect(np).toHaveLength(1);
    expect(np[0]!.phase).toBe(1);
    expect(JSON.parse(np[0]!.vars['diff']!)).toEqual([{ parameter: 'IkeEncAlg', cloud: 'aes256', peer: 'aes' }]);
    expect(only(p, 'proposal-received').at(-1)!.vars['proposals']).toBe('IKE:AES_CBC_256/SHA2_256/MODP2048');
    // The generic failure is an error line without an event.
    const generic = p.records.find((r) => r.message === 'negotiation failure')!;
    expect([generic.level, generic.event]).toEqual(['error', undefined]);
  });

  it('identical blocks + no proposal chosen: no gateway matched, not a proposal problem', () => {
    const b = (head: string): string => [`ike 0:gw:12: ${head}`, 'ike 0:gw:12: proposal id = 1:', 'ike 0:gw:12:   protocol = IKEv2:', 'ike 0:gw:12:         type=ENCR, val=AES_CBC (key_len = 256)', 'ike 0:gw:12:         type=INTEGR, val=AUTH_HMAC_SHA2_256_128', 'ike 0:gw:12:         type=PRF, val=PRF_HMAC_SHA2_256', 'ike 0:gw:12:         type=DH_GROUP, val=MODP2048.'].join('\n');
    const p = parse(`${b('incoming proposal:')}\n${b('my proposal, gw gw:')}\nike 0:gw:12: no proposal chosen\n`);
    expect(eventsOf(p).at(-1)).toMatchObject({ type: 'no-config', phase: 1, vars: { why: 'no-gateway-matched' } });
  });

  it('a child SA proposal differing only in the DH group is PFS', () => {
    const c = (head: string, dh?: string): string => [`ike 0:gw:45:gw:77: ${head}`, 'ike 0:gw:45:gw:77: proposal id = 1:', 'ike 0:gw:45:gw:77:   protocol = ESP:', 'ike 0:gw:45:gw:77:         type=ENCR, val=AES_CBC (key_len = 256)', 'ike 0:gw:45:gw:77:         type=INTEGR, val=AUTH_HMAC_SHA2_256_128', ...(dh ? [`ike 0:gw:45:gw:77:         type=DH_GROUP, val=${dh}.`] : []), 'ike 0:gw:45:gw:77:         type=ESN, val=NO'].join('\n');
    const p = parse(`${c('incoming child SA proposal:')}\n${c('my proposal:', 'MODP2048')}\nike 0:gw:45:gw:77: no SA proposal chosen\n`);
    expect(eventsOf(p).at(-1)).toMatchObject({ type: 'pfs-mismatch', phase: 2, vars: { my: 'group14', peer: 'disabled' } });
  });

  it.each([
    ['ike 0:gw:45: PSK auth failed: probable pre-shared key mismatch', 'auth-failed', 1],
    ['ike 0:gw:12: probable pre-shared secret mismatch', 'auth-failed', 1],
    ['ike 0:gw:45: gw validation failed', 'id-mismatch', 1],
    ['ike 0:gw:45: failed to match peer selectors', 'ts-unacceptable', 2],
    ['ike 0:gw:45: sending notify TS_UNACCEPTABLE', 'ts-unacceptable', 2],
    ['ike 0:gw:12:34: no matching phase2 found', 'ts-unacceptable', 2],
    ['ike 0:gw:45:gw:77: phase2 matched by subset', 'ts-narrowed', 2],
    ['ike 0: send_raw: sendto failed: Network is unreachable', 'send-failed', 1],
    ['ike 0:gw:gw: ignoring request to establish IPsec SA, no policy configured', 'no-config', 2],
    ['ike 0:gw: ignoring IKE request, passive mode', 'passive-mode', 1],
    ['ike 0:gw:45: established IKE SA 2c6f4e8b9d0a1f3e/9a8b7c6d5e4f3a2b', 'p1-established', 1],
    ['ike 0:gw:12: SA proposal chosen, matched gateway gw', 'proposal-selected', 1],
    ['ike 0:gw:45: received notify type NO_PROPOSAL_CHOSEN', 'no-proposal', 1],
    ['ike 0:gw:12: notify msg received: NO-PROPOSAL-CHOSEN', 'no-proposal', 1],
    ['ike V=root:0:azure:3071: processing notify type NO_PROPOSAL_CHOSEN', 'no-proposal', 1],
    ['ike 0:gw:45: received notify type AUTHENTICATION_FAILED', 'auth-failed', 1],
    ['ike 0:gw:12: responder: aggressive mode get 1st message...', 'p1-start', 1],
    ['ike 0:gw:12: negotiation timeout, deleting', 'p1-timeout', 1],
  ] as const)('%s → %s', (line, type, phase) => {
    const e = eventsOf(parse(`${line}\n`));
    expect(e.map((x) => [x.type, x.phase])).toEqual([[type, phase]]);
  });

  it('retransmissions: the first message, and main mode 5 (the AUTH)', () => {
    const p = parse(
      [`ike 0:gw:12: sent IKE msg (ident_i1send): 198.51.100.2:500->${GW}:500, len=180, vrf=0, id=a/0`, `ike 0:gw:12: sent IKE msg (P1_RETRANSMIT): 198.51.100.2:500->${GW}:500, len=180, vrf=0, id=a/0`, `ike 0:gw:12: sent IKE msg (ident_i3send): 198.51.100.2:4500->${GW}:4500, len=108, vrf=0, id=a/b`, `ike 0:gw:12: sent IKE msg (P1_RETRANSMIT): 198.51.100.2:4500->${GW}:4500, len=108, vrf=0, id=a/b`, `ike 0:gw:45: sent IKE msg (RETRANSMIT_AUTH): 198.51.100.2:4500->${GW}:4500, len=300, vrf=0, id=c/d`].join('\n'),
    );
    expect(only(p, 'retransmit').map((e) => [e.vars['first'], e.vars['auth']])).toEqual([['true', undefined], [undefined, 'true'], [undefined, 'true']]);
    expect(only(p, 'p1-start')[0]!.vars).toMatchObject({ role: 'initiator', mode: 'main', remote: GW });
  });

  it('masks the keys the debug prints', () => {
    const p = parse('ike 0:gw:12: ISAKMP SA 3718fdea89cb9697/89cb96973718fdea key 32:5A4B3C2D1E0F99887766554433221100AABBCCDDEEFF00112233445566778899\n');
    expect(p.records[0]!.text).not.toContain('5A4B3C2D');
    expect(p.records[0]!.secret).toBe(true);
  });
});

describe('event log', () => {
  const kv = (extra: string): string => `date=2026-11-21 time=22:30:02 tz="+0800" logid="0101037124" type="event" subtype="vpn" level="error" vd="root" logdesc="IPsec phase 1 error" action="negotiate" remip=${GW} locip=198.51.100.2 vpntunnel="to-alibaba" status="negotiate_error" ${extra}`;
  it('reads fields, endpoints, tunnel and time zone', () => {
    const r = parse(`${kv('reason="probable pre-shared secret mismatch"')}\n`).records[0]!;
    expect([r.connName, r.remote?.ip, r.local?.ip, r.event?.type, r.phase, r.timeMs]).toEqual(['to-alibaba', GW, '198.51.100.2', 'auth-failed', 1, Date.UTC(2026, 10, 21, 14, 30, 2)]);
  });
  it('a bare Negotiate SA Error decides nothing', () => {
    const r = parse(`${kv('msg="Negotiate SA Error: "')}\n`).records[0]!;
    expect([r.event, r.level]).toEqual([undefined, 'error']);
  });
  it('CSV rows are read through their header', () => {
    const p = parse('"date","time","logid","type","subtype","level","logdesc","remip","vpntunnel","status","reason"\n"2026-11-21","22:40:01","0101037122","event","vpn","error","IPsec phase 2 error","198.51.100.1","to-alibaba","negotiate_error","no matching phase2 found"\n');
    expect(eventsOf(p).map((e) => [e.type, e.phase])).toEqual([['ts-unacceptable', 2]]);
    expect(p.records[1]!.remote?.ip).toBe(GW);
  });
  it('connection up/down', () => {
    const up = parse(`date=2026-11-21 time=22:30:02 logid="0101037138" type="event" subtype="vpn" level="notice" action="tunnel-up" vpntunnel="to-alibaba" status="success"\n`);
    expect(eventsOf(up).map((e) => e.type)).toEqual(['p1-established']);
  });
});

describe('FortiGate algorithm spellings (src/vocabulary/algorithms.ts)', () => {
  it.each([
    ['AES_CBC_256', 'enc', 'aes256'],
    ['AES_CBC_128', 'enc', 'aes'],
    ['ESP_AES_CBC_256', 'enc', 'aes256'],
    ['ESP_3DES', 'enc', '3des'],
    ['AUTH_HMAC_SHA2_256_128', 'integ', 'sha256'],
    ['AUTH_HMAC_SHA_96', 'integ', 'sha1'],
    ['AUTH_HMAC_MD5_96', 'integ', 'md5'],
    ['PRF_HMAC_SHA2_256', 'prf', 'sha256'],
    ['SHA2_256', 'hash', 'sha256'],
    ['MODP2048', 'dh', 'group14'],
    ['ECP256', 'dh', 'group19'],
    ['des', 'enc', 'des'],
    ['md5', 'hash', 'md5'],
  ])('%s', (token, kind, value) => expect(classifyAlg(token)).toEqual({ kind, value }));
});
