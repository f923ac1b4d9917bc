// Device logs as people paste them into tickets and forums — inside a web UI's export, a syslog
// frame, logcat, indented, from racoon or RouterOS — still get the right cause. The samples are
// written here in each product's line shape (no copied logs); addresses are documentation ranges.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.js';

const lines = (...l: string[]): string => `${l.join('\n')}\n`;

const SAMPLES: [string, string, string, string][] = [
  [
    'VyOS journal, indented, charon and charon-systemd interleaved: ESP refused',
    'vyos.txt',
    lines(
      ' Jun 23 08:16:10 charon[3789]: 13[IKE] <PEER|1> initiating IKE_SA PEER[1] to 192.0.2.2',
      ' Jun 23 08:16:10 charon-systemd[3789]: initiating IKE_SA PEER[1] to 192.0.2.2',
      ' Jun 23 08:16:10 charon[3789]: 13[CFG] <PEER|1> selected proposal: IKE:AES_CBC_128/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_2048',
      ' Jun 23 08:16:10 charon[3789]: 13[IKE] <PEER|1> authentication of \'192.0.2.1\' (myself) with pre-shared key',
      ' Jun 23 08:16:10 charon[3789]: 13[ENC] <PEER|1> generating IKE_AUTH request 1 [ IDi N(INIT_CONTACT) IDr AUTH SA TSi TSr ]',
      ' Jun 23 08:16:10 charon[3789]: 13[ENC] <PEER|1> parsed IKE_AUTH response 1 [ IDr AUTH N(NO_PROP) ]',
      ' Jun 23 08:16:10 charon-systemd[3789]: parsed IKE_AUTH response 1 [ IDr AUTH N(NO_PROP) ]',
      ' Jun 23 08:16:10 charon[3789]: 13[IKE] <PEER|1> authentication of \'192.0.2.2\' with pre-shared key successful',
      ' Jun 23 08:16:10 charon[3789]: 13[IKE] <PEER|1> IKE_SA PEER[1] established between 192.0.2.1[192.0.2.1]...192.0.2.2[192.0.2.2]',
      ' Jun 23 08:16:10 charon[3789]: 13[IKE] <PEER|1> received NO_PROPOSAL_CHOSEN notify, no CHILD_SA built',
      ' Jun 23 08:16:10 charon-systemd[3789]: received NO_PROPOSAL_CHOSEN notify, no CHILD_SA built',
      ' Jun 23 08:16:10 charon[3789]: 13[IKE] <PEER|1> failed to establish CHILD_SA, keeping IKE_SA',
    ),
    'ipsec-proposal-mismatch',
  ],
  [
    'OPNsense log view export (TSV): no key for the peer',
    'opnsense-export.tsv',
    lines(
      '2024-03-02T08:00:01\tInformational\tcharon\t05[NET] <con1|1> received packet: from 192.0.2.2[500] to 192.0.2.1[500] (256 bytes)\t',
      '2024-03-02T08:00:01\tInformational\tcharon\t05[ENC] <con1|1> parsed ID_PROT request 0 [ SA V V V ]\t',
      '2024-03-02T08:00:01\tInformational\tcharon\t05[IKE] <con1|1> 192.0.2.2 is initiating a Main Mode IKE_SA\t',
      '2024-03-02T08:00:02\tInformational\tcharon\t06[ENC] <con1|1> parsed ID_PROT request 0 [ KE No NAT-D NAT-D ]\t',
      '2024-03-02T08:00:02\tError\tcharon\t06[IKE] <con1|1> no shared key found for 192.0.2.1 - 192.0.2.2\t',
      '2024-03-02T08:00:02\tInformational\tcharon\t06[ENC] <con1|1> generating INFORMATIONAL_V1 request 2981723 [ N(AUTH_FAILED) ]\t',
    ),
    'psk-mismatch',
  ],
  [
    'Android logcat: the gateway never answers',
    'logcat.txt',
    lines(
      'I/charon  (18819): 09[IKE] initiating IKE_SA android[1] to 192.0.2.9',
      'I/charon  (18819): 09[ENC] generating IKE_SA_INIT request 0 [ SA KE No N(NATD_S_IP) N(NATD_D_IP) ]',
      'I/charon  (18819): 09[NET] sending packet: from 10.0.2.15[46523] to 192.0.2.9[500] (464 bytes)',
      'I/charon  (18819): 11[IKE] retransmit 1 of request with message ID 0',
      'I/charon  (18819): 12[IKE] retransmit 2 of request with message ID 0',
      'I/charon  (18819): 13[IKE] retransmit 3 of request with message ID 0',
      'I/charon  (18819): 14[IKE] giving up after 3 retransmits',
      'I/charon  (18819): 14[IKE] establishing IKE_SA failed, peer not responding',
    ),
    'peer-unreachable',
  ],
  [
    'Android logcat -v threadtime (adb logcat, bug reports): the gateway never answers',
    'logcat-threadtime.txt',
    lines(
      '10-17 18:01:46.708 18819 18830 I charon  : 09[IKE] initiating IKE_SA android[1] to 192.0.2.9',
      '10-17 18:01:46.709 18819 18830 I charon  : 09[NET] sending packet: from 10.0.2.15[46523] to 192.0.2.9[500] (464 bytes)',
      '10-17 18:01:50.709 18819 18831 I charon  : 11[IKE] retransmit 1 of request with message ID 0',
      '10-17 18:01:57.910 18819 18832 I charon  : 12[IKE] retransmit 2 of request with message ID 0',
      '10-17 18:02:10.870 18819 18833 I charon  : 14[IKE] giving up after 2 retransmits',
      '10-17 18:02:10.871 18819 18833 I charon  : 14[IKE] establishing IKE_SA failed, peer not responding',
    ),
    'peer-unreachable',
  ],
  [
    'Android logcat -v time: racoon finds no proposal',
    'logcat-time.txt',
    lines(
      '10-17 18:01:46.708 I/racoon  (12637): 198.51.100.7[500] used as isakmp port (fd=6)',
      '10-17 18:01:47.100 I/racoon  (12637): initiate new phase 1 negotiation: 198.51.100.7[500]<=>203.0.113.9[500]',
      '10-17 18:01:47.300 E/racoon  (12637): no suitable proposal found.',
      '10-17 18:01:47.301 E/racoon  (12637): failed to get valid proposal.',
    ),
    'ike-proposal-mismatch',
  ],
  [
    'Libreswan with several subnets (conn/1x2 instances): quick modes refused, ISAKMP SA deleted',
    'pluto-subnets.log',
    lines(
      'Jun 18 04:06:53.201: "site/1x1" #11: STATE_MAIN_I4: ISAKMP SA established {auth=PRESHARED_KEY cipher=aes_256 integ=sha group=MODP1536}',
      'Jun 18 04:06:53.202: "site/1x2" #12: initiating Quick Mode PSK+ENCRYPT+TUNNEL+PFS+UP+IKEV1_ALLOW {using isakmp#11 msgid:da90015c proposal=defaults pfsgroup=MODP1536}',
      'Jun 18 04:06:53.202: "site/2x1" #13: initiating Quick Mode PSK+ENCRYPT+TUNNEL+PFS+UP+IKEV1_ALLOW {using isakmp#11 msgid:50c431c9 proposal=defaults pfsgroup=MODP1536}',
      'Jun 18 04:06:53.480: "site/1x1" #11: ignoring informational payload NO_PROPOSAL_CHOSEN, msgid=00000000, length=16',
      'Jun 18 04:06:53.480: | ISAKMP Notification Payload',
      'Jun 18 04:06:53.481: "site/1x1" #11: received and ignored informational message',
      'Jun 18 04:06:53.482: "site/1x1" #11: received Delete SA payload: self-deleting ISAKMP State #11',
    ),
    'ipsec-proposal-mismatch',
  ],
  [
    'RouterOS /log print: no proposal matches',
    'mikrotik.txt',
    lines(
      ' 2026-09-18 09:53:30 ipsec,info respond new phase 1 (Identity Protection): 198.51.100.7[500]<=>203.0.113.9[500]',
      ' 2026-09-18 09:53:30 ipsec,error 203.0.113.9 rejected enctype: DB(prop#1:trns#1):Peer(prop#1:trns#1) = AES-CBC:3DES-CBC',
      ' 2026-09-18 09:53:30 ipsec,error 203.0.113.9 rejected hashtype: DB(prop#1:trns#1):Peer(prop#1:trns#1) = SHA256:SHA1',
      ' 2026-09-18 09:53:30 ipsec,error 203.0.113.9 no suitable proposal found.',
      ' 2026-09-18 09:53:30 ipsec,error 203.0.113.9 failed to get valid proposal.',
      ' 2026-09-18 09:53:30 ipsec,error 203.0.113.9 failed to pre-process ph1 packet (side: 1, status 1).',
    ),
    'ike-proposal-mismatch',
  ],
  [
    'Libreswan in RFC 5424 frames: main mode never answered',
    'syslog-5424.log',
    lines(
      '<86>1 2024-06-08T00:46:20+02:00 fw1 pluto 2210 - - "site" #1: initiating IKEv1 Main Mode connection',
      '<86>1 2024-06-08T00:46:20+02:00 fw1 pluto 2210 - - "site" #1: sent Main Mode request',
      '<86>1 2024-06-08T00:46:21+02:00 fw1 pluto 2210 - - "site" #1: STATE_MAIN_I1: retransmission; will wait 1 seconds for response',
      '<86>1 2024-06-08T00:46:22+02:00 fw1 pluto 2210 - - "site" #1: STATE_MAIN_I1: retransmission; will wait 2 seconds for response',
      '<86>1 2024-06-08T00:46:24+02:00 fw1 pluto 2210 - - "site" #1: STATE_MAIN_I1: retransmission; will wait 4 seconds for response',
      '<86>1 2024-06-08T00:46:28+02:00 fw1 pluto 2210 - - "site" #1: STATE_MAIN_I1: 60 second timeout exceeded after 5 retransmits.  No response (or no acceptable response) to our first IKEv1 message',
    ),
    'peer-unreachable',
  ],
  [
    'ipsec-tools racoon syslog: the key is missing',
    'racoon.log',
    lines(
      'Jul 18 02:28:50 gw racoon[123]: INFO: respond new phase 1 negotiation: 198.51.100.7[500]<=>203.0.113.9[500]',
      'Jul 18 02:28:50 gw racoon[123]: INFO: begin Identity Protection mode.',
      "Jul 18 02:28:58 gw racoon[123]: ERROR: couldn't find the pskey for 203.0.113.9.",
      'Jul 18 02:28:58 gw racoon[123]: ERROR: failed to process ph1 packet (side: 0, status: 4).',
      'Jul 18 02:28:58 gw racoon[123]: ERROR: phase1 negotiation failed.',
    ),
    'psk-mismatch',
  ],
  [
    'OpenWrt logread, Openswan: the other end deletes the only IPsec SA right after quick mode',
    'logread.txt',
    lines(
      'Aug 22 14:53:25 ng authpriv.warn pluto[7015]: "ng" #2: initiating Quick Mode PSK+ENCRYPT+TUNNEL+PFS+UP {using isakmp#1 msgid:5b5e164e proposal=AES(12)_128-SHA1(2)_160 pfsgroup=OAKLEY_GROUP_MODP1024}',
      'Aug 22 14:53:26 ng authpriv.warn pluto[7015]: "ng" #2: STATE_QUICK_I2: sent QI2, IPsec SA established tunnel mode {ESP=>0x0a0b0c0d <0x01020304 xfrm=AES_128-HMAC_SHA1 NATOA=none NATD=none DPD=enabled}',
      'Aug 22 14:53:29 ng authpriv.warn pluto[7015]: "ng" #1: received Delete SA payload: replace IPSEC State #2 in 10 seconds',
    ),
    'peer-deleted-sa',
  ],
  [
    'Libreswan, RFC 3339 stamps: the export begins with the other end deleting its SAs',
    'pluto.log',
    lines(
      '2025-01-27T14:13:05.805232+00:00 pve pluto[15070]: "l2tp"[2] 192.0.2.66 #13: received Delete SA payload via #8',
      '2025-01-27T14:13:05.805258+00:00 pve pluto[15070]: "l2tp"[2] 192.0.2.66 #13: deleting IPsec SA (QUICK_R2) aged 9.999015s and NOT sending notification',
      '2025-01-27T14:13:15.836491+00:00 pve pluto[15070]: "l2tp"[2] 192.0.2.66 #8: received Delete SA payload: self-deleting ISAKMP State #8',
      '2025-01-27T14:13:15.836519+00:00 pve pluto[15070]: "l2tp"[2] 192.0.2.66 #8: deleting ISAKMP SA (MAIN_R3) aged 35.086892s and NOT sending notification',
    ),
    'peer-deleted-sa',
  ],
];

describe('pasted device logs', () => {
  it.each(SAMPLES)('%s', async (_name, source, content, cause) => {
    const report = await analyze([{ source, content }], { now: new Date('2026-12-01T00:00:00Z') });
    expect(report.problems, 'every line parsed').toEqual([]);
    expect(report.stats.unparsed).toBe(0);
    expect(report.inputs[0]?.kind).toBe('peer-log');
    // One connection, one subject: no subject for a file name or a connection's instance.
    expect(report.subjects.map((s) => s.id)).toHaveLength(1);
    const findings = report.subjects.flatMap((s) => s.findings);
    expect(findings[0]?.cause, JSON.stringify(findings.map((f) => f.cause))).toBe(cause);
  });
});

describe('a strongSwan device at log level 0', () => {
  // Level 0 keeps packets, messages and a few IKE lines: a device stopping its daemon shows
  // `deleting IKE_SA …` but not the level-1 `sending DELETE for IKE_SA` (lab wave 13).
  it('deleting its IKE SA after the tunnel came up ends the tunnel', async () => {
    const content = [
      'Dec  7 01:36:29 03[ENC] <1> parsed IKE_AUTH request 1 [ IDi N(INIT_CONTACT) AUTH SA TSi TSr ]',
      'Dec  7 01:36:29 03[IKE] <to-cloud|1> IKE_SA to-cloud[1] established between 198.51.100.2[198.51.100.2]...198.51.100.1[198.51.100.1]',
      'Dec  7 01:36:29 03[IKE] <to-cloud|1> CHILD_SA to-cloud-lan{1} established with SPIs 2aa175c4_i 00010000_o and TS 203.0.113.128/25 === 203.0.113.0/25',
      'Dec  7 01:36:29 03[ENC] <to-cloud|1> generating IKE_AUTH response 1 [ IDr AUTH SA TSi TSr ]',
      'Dec  7 01:36:30 00[DMN] SIGTERM received, shutting down',
      'Dec  7 01:36:30 00[IKE] <to-cloud|1> deleting IKE_SA to-cloud[1] between 198.51.100.2[198.51.100.2]...198.51.100.1[198.51.100.1]',
      'Dec  7 01:36:30 00[ENC] <to-cloud|1> generating INFORMATIONAL request 0 [ D ]',
    ].join('\n');
    const report = await analyze([{ source: 'charon.log', content }], { now: new Date('2026-12-08T00:00:00Z'), peerTz: 'UTC', peerYear: 2026 });
    expect(report.subjects[0]!.findings[0]?.cause).toBe('peer-deleted-sa');
  });
});
