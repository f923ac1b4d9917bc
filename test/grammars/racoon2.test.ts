// The racoon2 grammar on Alibaba's published samples (kb §2.2), the lab logs' shapes and hostile lines.
import { describe, expect, it } from 'vitest';
import { racoon2Dialect, decodeIdPayload } from '../../grammars/racoon2/index.js';
import { parseContextSuffix } from '../../grammars/racoon2/context.js';
import { parseText } from '../helpers/parse-lines.js';

const SAMPLES = [
  '2023-01-13 11:39:21 vco-bp1spxu8hlcvpd7ry**** [PROTO_ERR]: ikev1.c:1433:isakmp_ph1resend(): phase1 negotiation failed due to time up. [{remote id:4}{ph1: 172.16.0.88[500] <=> 192.168.0.206[500], 172.16.0.88 <=> 192.168.0.206}]',
  '2022-12-14 15:52:28 vco-m5evqnds4y459flt3**** [DEBUG]: isakmp_inf.c:1514:isakmp****',
  '2022-12-14 15:52:28 vco-m5evqnds4y459flt3**** [DEBUG]: oakley.c:2832:oak****',
  '2022-12-14 15:52:28 vco-m5evqnds4y459flt3**** [DEBUG]: oakley.c:2833:oak****',
  '2022-12-15 17:00:43 [INFO]: : iss-2zei2n5q5zhirfh73**** del ipsec policy successfully',
  '2022-12-15 17:00:43 [INFO]: : iss-2zei2n5q5zhirfh73**** add ipsec policy successfully',
  '2023-01-13 11:39:21 vco-bp1spxu8hlcvpd7ry***\t- [PROTO_ERR]: ikev1.c:1433:isakmp_ph1resend(): phase1 negotiation failed due to time up.',
];

describe('racoon2 grammar', () => {
  it('parses every published Alibaba sample without a problem', () => {
    const { records, problems, stats } = parseText(SAMPLES.join('\n'));
    expect(problems).toEqual([]);
    expect(stats).toEqual({ lines: SAMPLES.length, parsed: SAMPLES.length, unparsed: 0 });
    expect(records).toHaveLength(SAMPLES.length);
  });

  it('structures the SourceLog sample: time (UTC+8), id, tag, location, message, context, endpoints, phase', () => {
    const [r] = parseText(SAMPLES[0]!).records;
    expect(r).toMatchObject({
      resourceId: 'vco-bp1spxu8hlcvpd7ry****',
      tag: 'PROTO_ERR',
      level: 'error',
      file: 'ikev1.c',
      srcLine: 1433,
      func: 'isakmp_ph1resend',
      message: 'phase1 negotiation failed due to time up.',
      context: { 'remote id': '4', ph1: '172.16.0.88[500] <=> 192.168.0.206[500], 172.16.0.88 <=> 192.168.0.206' },
      local: { ip: '172.16.0.88', port: 500 },
      remote: { ip: '192.168.0.206', port: 500 },
      ikeVersion: 1,
      phase: 1,
      event: { type: 'p1-timeout' },
    });
    // FailedTime 1673581161000 of the same API example.
    expect(r!.timeMs).toBe(1673581161000);
  });

  it('keeps masked functions and IPsec-server ids', () => {
    const { records } = parseText(SAMPLES.slice(1, 5).join('\n'));
    expect(records[0]).toMatchObject({ file: 'isakmp_inf.c', srcLine: 1514, func: 'isakmp****' });
    expect(records[3]).toMatchObject({ resourceId: 'iss-2zei2n5q5zhirfh73****', message: 'del ipsec policy successfully', tag: 'INFO' });
  });

  it('folds hex dumps into the record before them and decodes phase-2 ID payloads', () => {
    const text = [
      '2026-11-22 06:18:33 vco-bp1x [DEBUG]: isakmp_quick.c:1081:quick_r1recv(): received IDci2:2026-11-21 22:18:33 [DEBUG]: isakmp_quick.c:1082:quick_r1recv(): ',
      '04000000 c0000200 ffffff00',
      '',
      '2026-11-22 06:18:33 vco-bp1x [INFO]: ikev1.c:2680:id_is_matching(): address mismatch 203.0.113.128[0] != 192.0.2.0[0]',
    ].join('\n');
    const { records, stats } = parseText(text);
    expect(stats.unparsed).toBe(0);
    expect(records[0]).toMatchObject({ continuationLines: 2, endLine: 3, event: { type: 'id-payload', vars: { which: 'IDci', subnet: '192.0.2.0/24' } } });
    expect(records[1]!.event).toMatchObject({ type: 'address-mismatch', vars: { expected: '203.0.113.128', received: '192.0.2.0' } });
    expect(decodeIdPayload(['04000000 cb007100 ffffff80'])).toBe('203.0.113.0/25');
  });

  it.each([
    ['pfs group mismatched: my:14 peer:0', 'pfs-mismatch', { my: '14', peer: '0' }],
    ['long lifetime proposed: my:3600 peer:86400', 'lifetime-mismatch', { unit: 'lifetime', my: '3600', peer: '86400' }],
    // Only a CREATE_CHILD_SA logs it: the PFS group of the CHILD_SA, not the IKE DH group.
    ['received KE type 14, expected 2', 'pfs-mismatch', { peer: '14', my: '2', phase: '2' }],
    ["can't find matching selector src=198.51.100.1 dst=198.51.100.2", 'selector-not-found', { src: '198.51.100.1', dst: '198.51.100.2' }],
    ['rejected hashtype', 'p1-rejected', { attr: 'hashtype' }],
    ['ours: enctype=AES-CBC authmethod=pre-shared key hashtype SHA dh_group 2048-bit MODP group', 'p1-proposal-ours', { enc: 'AES-CBC', hash: 'SHA', dh: '2048-bit MODP group' }],
    ['DB(prop#1:trns#1):Peer(prop#1:trns#1) theirs: enctype=AES-CBC authmethod=pre-shared key hashtype SHA256 dh_group 2048-bit MODP group', 'p1-proposal-theirs', { hash: 'SHA256' }],
    ['0:198.51.100.1[500] - 198.51.100.2[500]:0x563ab26614d0:unknown ikev2 peer', 'unknown-ikev2-peer', {}],
    ['DPD: remote seems to be dead', 'dpd-dead', {}],
    ['ignore information because ISAKMP-SA has not been established yet.', 'info-ignored-no-sa', {}],
    ['no PFS is specified, but peer sends KE.', 'pfs-mismatch', { my: '0', peer: 'enabled' }],
    ["PFS is specified, but peer doesn't sends KE.", 'pfs-mismatch', { my: 'enabled', peer: '0' }],
    ['lifetime mismatched: my:3600 peer:28800', 'lifetime-mismatch', { my: '3600', peer: '28800' }],
    ['received IKEv1 request but no IKEv1 configuration for peer 198.51.100.2[500]', 'version-unsupported', { version: '1' }],
    ["couldn't find configuration.", 'no-config', {}],
    ['remote address mismatched. db=198.51.100.2[500], act=198.51.100.9[500]', 'peer-address-unexpected', { expected: '198.51.100.2[500]' }],
    ['ignore the packet, received unexpecting payload type 130.', 'natt-unexpected-payload', { type: '130' }],
    ['ignore the packet, received unexpecting payload type 8.', 'payload-invalid', { type: '8' }],
    ['Commit bit on phase1 forbidden.', 'commit-bit', {}],
    ['received Notify type TS_UNACCEPTABLE, failed establishing child_sa', 'ts-unacceptable', { type: 'TS_UNACCEPTABLE', direction: 'received', phase: '2' }],
    ['received Notify type NO_PROPOSAL_CHOSEN, failed establishing child_sa', 'no-proposal', { type: 'NO_PROPOSAL_CHOSEN', phase: '2' }],
    ['1:198.51.100.1[500] - 198.51.100.2[500]:0x55:ignoring notification payload (type NO_PROPOSAL_CHOSEN) inside unauthenticated response', 'no-proposal', { phase: '1', direction: 'received' }],
    ['notification message 14:NO-PROPOSAL-CHOSEN, doi=1 proto_id=3 spi=00000000(size=4).', 'no-proposal', { phase: '2', type: 'NO_PROPOSAL_CHOSEN' }],
    ['notification message 36137:36137, doi=1 proto_id=1 spi=c976f3e18e4e1af2 8d5aa093', 'dpd-ack', {}],
    ['1:198.51.100.1[4500] - 198.51.100.2[4500]:(nil):ike_sa 0x5613 state INI_IKE_AUTH_RCVD -> ESTABLISHED', 'p1-established', { from: 'INI_IKE_AUTH_RCVD', to: 'ESTABLISHED', step: '4' }],
    ['1:198.51.100.1[500] - 198.51.100.2[500]:(nil):ike_sa 0x5613 state IDLING -> INI_IKE_SA_INIT_SENT', 'p1-start', { role: 'initiator' }],
    ['1:198.51.100.1[4500] - 198.51.100.2[4500]:(nil):ike_sa 0x5613 state ESTABLISHED -> DYING', 'sa-deleted', { what: 'IKE_SA' }],
    ['1:198.51.100.1[4500] - 198.51.100.2[4500]:(nil):ike_sa 0x5613 state INI_IKE_AUTH_SENT -> DYING', 'p1-failed', { state: 'INI_IKE_AUTH_SENT' }],
    ['remote address mismatched. db=198.51.100.2[4500], act=198.51.100.2[500]', undefined, undefined],
    ['remote address mismatched. db=198.51.100.2[500], act=198.51.100.9[500]', 'peer-address-unexpected', { address: '198.51.100.9[500]' }],
    ['reject the packet, received unexpected payload type none.', 'info-ignored-no-sa', { payload: 'none' }],
    ['purging ISAKMP-SA spi=e0fd99bf1f419daf:a820efc3cff7c95f.', 'sa-deleted', { what: 'ISAKMP-SA' }],
  ])('catalogue: %s', (message, type, vars) => {
    const [r] = parseText(`2026-11-22 06:17:15 vco-bp1x [PROTO_ERR]: proposal.c:246:cmpsaprop_alloc(): ${message}`).records;
    expect(r!.event?.type).toBe(type);
    if (vars) expect(r!.event?.vars).toMatchObject(vars);
  });

  it('reports lines it cannot structure, with their line number, and never throws', () => {
    const text = ['junk before any record', '2026-11-22 06:17:15 vco-bp1x [BROKEN', '2026-11-22 06:17:15 vco-bp1x [NEWTAG]: x.c:1:f(): hello'].join('\n');
    const { records, problems, stats } = parseText(text);
    expect(problems.map((p) => [p.line, p.code])).toEqual([[1, 'E_UNPARSED_LINE'], [2, 'E_UNPARSED_LINE']]);
    expect(records[0]).toMatchObject({ tag: 'NEWTAG', level: 'warn', message: 'hello' });
    expect(stats).toEqual({ lines: 3, parsed: 1, unparsed: 2 });
  });

  it('drops key material that racoon2 dumps in DEBUG', () => {
    const text = [
      '2026-11-22 06:18:04 vco-bp1x [DEBUG]: oakley.c:2316:oakley_skeyid(): psk: 2026-11-21 22:18:04 [DEBUG]: oakley.c:2317:oakley_skeyid(): ',
      '56783770 51322d6c 61622d73 68617265 642d6b65 79',
    ].join('\n');
    const { records } = parseText(text);
    expect(records[0]!.secret).toBe(true);
    expect(JSON.stringify(records)).not.toContain('56783770');
  });

  it('parses context groups generically', () => {
    expect(parseContextSuffix('[{remote id:4}{ph2: 10.0.0.1[4500] <=> 10.0.0.2[4500]}]')).toMatchObject({ groups: { 'remote id': '4' }, local: { ip: '10.0.0.1', port: 4500 } });
    expect(parseContextSuffix('[{unclosed')).toBeNull();
  });

  it('sniffs only racoon2 headers', () => {
    expect(racoon2Dialect.sniff(SAMPLES[0]!)).toBe(true);
    expect(racoon2Dialect.sniff('Nov 21 21:58:50 08[IKE] <conn|1> initiating')).toBe(false);
    expect(racoon2Dialect.sniff('633e8d9b eac4b5d7 00000000 00000000')).toBe(false);
  });
});
