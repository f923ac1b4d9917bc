// The ipsec-tools racoon dialect: its four line shapes (file log, syslog, macOS, racoon -F, RouterOS
// /log print) and the events its catalogue gives them. Lines are written here in the daemons'
// formats (no copied logs).
import { describe, expect, it } from 'vitest';
import { racoonDialect } from '../../grammars/racoon/index.js';
import { createLibreswanDialect } from '../../grammars/libreswan/index.js';
import { createStrongswanDialect } from '../../grammars/strongswan/index.js';
import { parseText } from './peer-harness.js';

const LOG = [
  '2006-08-10 19:22:40: INFO: initiate new phase 1 negotiation: 10.0.0.1[500]<=>10.0.0.2[500]',
  '2006-08-10 19:22:40: INFO: begin Identity Protection mode.',
  '2006-08-10 19:23:12: ERROR: phase1 negotiation failed due to time up. 3d1b2c4a5e6f7081:0000000000000000',
  "Jul 18 02:28:58 gw racoon[123]: ERROR: couldn't find the pskey for 10.0.0.2.",
  'Jul 18 02:29:58 gw racoon[123]: NOTIFY: the packet is retransmitted by 10.0.0.2[500] (1).',
  'Jul 18 02:30:00 gw racoon[123]: ERROR: no suitable proposal found.',
  'Jul 18 02:30:01 gw racoon[123]: INFO: ISAKMP-SA established 10.0.0.1[500]-10.0.0.2[500] spi:3d1b2c4a5e6f7081:1122334455667788',
  'Jul 18 02:30:02 gw racoon[123]: INFO: IPsec-SA established: ESP/Tunnel 10.0.0.2[500]->10.0.0.1[500] spi=123456(0x1e240)',
  'Mar  4 10:00:00 mac racoon[311]: IKE Packet: transmit success. (Phase 1 Retransmit).',
  'Mar  4 10:00:05 mac racoon[311]: IKEv1 Phase 1 AUTH: failed. (Initiator, Main-Mode Message 5).',
  'INFO: isakmp.c:797:isakmp_ph1begin_i(): initiate new phase 1 negotiation: 10.0.0.1[500]<=>10.0.0.2[500]',
  ' 2026-09-18 09:53:32 ipsec,error 203.0.113.9 failed to get valid proposal.',
  '17:21:08 ipsec rejected hashtype: DB(prop#1:trns#1):Peer(prop#1:trns#1) = SHA:SHA256',
  '17:21:09 ipsec,info respond new phase 1 (Identity Protection): 198.51.100.7[500]<=>203.0.113.9[500]',
  'ipsec,error identity not found for responder: ADDR4:198.51.100.7 peer: ADDR4:203.0.113.9',
  'ipsec reply notify: AUTHENTICATION_FAILED',
  'ipsec reply notify: TS_UNACCEPTABLE',
].join('\n');

describe('racoon dialect', () => {
  const p = parseText(LOG, [racoonDialect], { year: 2026 });
  const at = (line: number) => p.records.find((r) => r.line === line)!;

  it('reads every shape as a racoon header', () => {
    expect(p.failures).toEqual([]);
    expect(p.orphans).toEqual([]);
    expect(p.records.map((r) => r.line)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(p.records.every((r) => r.dialect === 'racoon' && r.side === 'peer')).toBe(true);
  });

  it.each([
    [1, 'p1-start', { role: 'initiator', local: '10.0.0.1[500]', remote: '10.0.0.2[500]' }],
    [3, 'p1-timeout', {}],
    [4, 'auth-failed', { reason: 'no-psk' }],
    [5, 'peer-retransmit', { from: '10.0.0.2[500]', count: '1' }],
    [6, 'no-proposal', {}],
    [7, 'p1-established', { spi: '3d1b2c4a5e6f7081:1122334455667788' }],
    [8, 'p2-established', { proto: 'ESP/Tunnel' }],
    [9, 'retransmit', {}],
    [10, 'auth-failed', {}],
    [11, 'p1-start', { role: 'initiator' }],
    [12, 'no-proposal', {}],
    [13, 'p1-rejected', { attr: 'hashtype' }],
    [14, 'p1-start', { role: 'responder', mode: 'Identity Protection', remote: '203.0.113.9[500]' }],
    [15, 'id-mismatch', { local: '198.51.100.7', received: '203.0.113.9' }],
    [16, 'auth-failed', { direction: 'sent' }],
    [17, 'ts-unacceptable', { direction: 'sent' }],
  ])('line %i is %s', (line, type, vars) => {
    expect(at(line).event?.type).toBe(type);
    expect(at(line).event?.vars).toMatchObject(vars);
  });

  it('keeps the level, the program and the time of each shape', () => {
    expect(at(3).level).toBe('error');
    expect(at(4).context).toMatchObject({ program: 'racoon', host: 'gw', pid: '123' });
    expect(new Date(at(4).timeMs!).toISOString()).toBe('2026-07-18T02:28:58.000Z');
    expect(at(11).file).toBe('isakmp.c');
    expect(at(11).func).toBe('isakmp_ph1begin_i');
    expect(at(13).localTime).toBe('17:21:08');
    expect(at(12).context).toMatchObject({ topics: 'ipsec,error' });
  });

  it("reads `racoon -F`'s bare start-up line, and only that one, without a stamp", () => {
    const fg = parseText(['Foreground mode.', '2015-03-19 04:54:18: INFO: Reading configuration from "/etc/racoon/racoon.conf"'].join('\n'), [racoonDialect], { year: 2026 });
    expect(fg.failures).toEqual([]);
    expect(fg.records.map((r) => [r.line, r.message])).toEqual([
      [1, 'Foreground mode.'],
      [2, 'Reading configuration from "/etc/racoon/racoon.conf"'],
    ]);
    expect(racoonDialect.sniff('Foreground mode. now')).toBe(false);
  });

  it('leaves strongSwan and Libreswan lines to their own dialects', () => {
    expect(racoonDialect.sniff('Dec  4 18:47:46 gw charon[77]: 06[IKE] <to-cloud|1> sending DPD request')).toBe(false);
    expect(racoonDialect.sniff('Dec  4 17:49:44 gw pluto[9]: "to-cloud" #1: initiating Main Mode')).toBe(false);
    const mixed = parseText(['Jul 18 02:28:58 gw racoon[123]: ERROR: no suitable proposal found.', 'Jul 18 02:28:59 gw charon[77]: 06[IKE] <c|1> sending DPD request'].join('\n'), [createStrongswanDialect(), createLibreswanDialect(), racoonDialect], { year: 2026 });
    expect(mixed.records.map((r) => r.dialect)).toEqual(['racoon', 'strongswan']);
  });

  it('reads a file-log line that names the peer before its level as racoon\'s, not pluto\'s', () => {
    const line = '2016-05-22 22:26:15: [192.0.2.101] INFO: Selected NAT-T version: RFC 3947';
    const both = parseText(line, [createStrongswanDialect(), createLibreswanDialect(), racoonDialect], { year: 2026 });
    expect(both.failures).toEqual([]);
    expect(both.records.map((r) => [r.dialect, r.level, r.message])).toEqual([['racoon', 'info', 'Selected NAT-T version: RFC 3947']]);
  });
});
