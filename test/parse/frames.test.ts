// The frames logs are pasted in: each shape gives back the line its daemon's grammar knows, and a
// line without a frame (or junk) comes back untouched.
import { describe, expect, it } from 'vitest';
import { unframe } from '../../src/parse/frames.js';

describe('unframe', () => {
  it.each([
    [
      'OPNsense/pfSense log view export (TSV)',
      '2023-01-27T13:26:23\tInformational\tcharon\t10[CFG] <con1|3> received proposals: ESP:AES_CBC_128/HMAC_SHA1_96/NO_EXT_SEQ\t',
      '2023-01-27T13:26:23 charon: 10[CFG] <con1|3> received proposals: ESP:AES_CBC_128/HMAC_SHA1_96/NO_EXT_SEQ',
    ],
    ['TSV with a pid', '2024-03-02T08:00:01+01:00\tError\tcharon[4711]\t14[IKE] <con2|9> giving up after 5 retransmits', '2024-03-02T08:00:01+01:00 charon[4711]: 14[IKE] <con2|9> giving up after 5 retransmits'],
    ['tab between stamp and program', 'Mar  2 08:00:01\tcharon[4711]: 14[IKE] <con2|9> giving up after 5 retransmits', 'Mar 2 08:00:01 charon[4711]: 14[IKE] <con2|9> giving up after 5 retransmits'],
    [
      'RFC 5424 with structured data',
      '<30>1 2024-06-08T00:46:22+02:00 fw1 charon 51742 - [meta sequenceId="12"] 07[IKE] <con1|2> IKE_SA con1[2] established between 10.0.0.1[10.0.0.1]...10.0.0.2[10.0.0.2]',
      '2024-06-08T00:46:22+02:00 fw1 charon[51742]: 07[IKE] <con1|2> IKE_SA con1[2] established between 10.0.0.1[10.0.0.1]...10.0.0.2[10.0.0.2]',
    ],
    ['RFC 5424 without a pid', '<86>1 2024-06-08T00:46:22Z fw1 pluto - - - "site" #3: STATE_MAIN_I1: retransmission; will wait 1 seconds for response', '2024-06-08T00:46:22Z fw1 pluto: "site" #3: STATE_MAIN_I1: retransmission; will wait 1 seconds for response'],
    ['Android logcat', 'I/charon  (18819): 09[IKE] sending retransmit 2 of request message ID 0, seq 1', 'charon: 09[IKE] sending retransmit 2 of request message ID 0, seq 1'],
    ['docker compose', 'vpn_1  | 12[IKE] no shared key found for 10.1.1.1 - 10.2.2.2', '12[IKE] no shared key found for 10.1.1.1 - 10.2.2.2'],
    ['OpenWrt logread facility', 'Sun Mar  3 10:11:12 2024 authpriv.info pluto[2210]: "wan" #1: initiating Main Mode', 'Sun Mar  3 10:11:12 2024 pluto[2210]: "wan" #1: initiating Main Mode'],
    ['[pluto] tag for the program', 'Jan  5 10:00:00 [pluto] "l2tp" #4: max number of retransmissions (8) reached STATE_MAIN_I1', 'Jan  5 10:00:00 pluto: "l2tp" #4: max number of retransmissions (8) reached STATE_MAIN_I1'],
    ['indented paste (forum post)', '   Jun 23 08:16:10 charon[3789]: 13[CFG] <PEER|1> selected proposal: IKE:AES_CBC_128/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_2048', 'Jun 23 08:16:10 charon[3789]: 13[CFG] <PEER|1> selected proposal: IKE:AES_CBC_128/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_2048'],
    ['indented ISO stamp (RouterOS /log print)', ' 2026-09-18 09:53:32 ipsec,error 203.0.113.9 failed to get valid proposal.', '2026-09-18 09:53:32 ipsec,error 203.0.113.9 failed to get valid proposal.'],
    ['whack output relayed by NetworkManager (journal without times)', 'NetworkManager[44643]: 010 "vpn" #2: STATE_QUICK_I1: retransmission; will wait 1 seconds for response', '010 "vpn" #2: STATE_QUICK_I1: retransmission; will wait 1 seconds for response'],
    ['whack output relayed by NetworkManager (syslog)', 'Dec 20 10:00:01 laptop NetworkManager[44643]: 004 "vpn" #1: STATE_MAIN_I4: ISAKMP SA established', 'Dec 20 10:00:01 laptop pluto[44643]: "vpn" #1: STATE_MAIN_I4: ISAKMP SA established'],
    ['whack output behind a stamp (Openswan L2TP applet)', 'Aug 01 13:06:48.887 106 "Office" #1: STATE_MAIN_I2: sent MI2, expecting MR2', 'Aug 01 13:06:48.887 pluto: "Office" #1: STATE_MAIN_I2: sent MI2, expecting MR2'],
    ['pfSense log table copied from the browser (time, process, pid, message)', 'May 11 11:09:54\tcharon\t88717\t05[CFG] <con2|7> selected proposal: ESP:AES_GCM_16_256/NO_EXT_SEQ', 'May 11 11:09:54 charon[88717]: 05[CFG] <con2|7> selected proposal: ESP:AES_GCM_16_256/NO_EXT_SEQ'],
    ['the same table with an empty pid column', '2024-05-11 11:09:54\tcharon\t\t05[IKE] <con2|7> giving up after 5 retransmits\t', '2024-05-11 11:09:54 charon: 05[IKE] <con2|7> giving up after 5 retransmits'],
    ['program behind blanks, no stamp (pfSense documentation samples)', '  charon: 09[ENC] invalid ID_V1 payload length, decryption failed?', 'charon: 09[ENC] invalid ID_V1 payload length, decryption failed?'],
    ['FortiGate debug behind blanks', '  ike V=root:0:azure:3071: processing notify type NO_PROPOSAL_CHOSEN', 'ike V=root:0:azure:3071: processing notify type NO_PROPOSAL_CHOSEN'],
    ['Cisco debug behind blanks', '  *Oct 25 18:50:01.497: ISAKMP-ERROR: (0):No pre-shared key with 203.0.113.1!', '*Oct 25 18:50:01.497: ISAKMP-ERROR: (0):No pre-shared key with 203.0.113.1!'],
    ["a poster's note after a line", '*Oct 25 18:50:01.497: ISAKMP-ERROR: (0):No pre-shared key with 203.0.113.1! <-- This is the error', '*Oct 25 18:50:01.497: ISAKMP-ERROR: (0):No pre-shared key with 203.0.113.1!'],
    ["a poster's note after many blanks", 'ipsec ID_I (ADDR4): 34.101.118.166        <- the ID on the wire is correct', 'ipsec ID_I (ADDR4): 34.101.118.166'],
    ['a mail quote', '> 003 "office" #3: STATE_MAIN_I1: retransmission; will wait 1 seconds for response', '003 "office" #3: STATE_MAIN_I1: retransmission; will wait 1 seconds for response'],
    ['a nested quote of a stamped line', '>> Jun 23 08:16:10 gw charon[3789]: 13[IKE] <PEER|1> giving up after 5 retransmits', 'Jun 23 08:16:10 gw charon[3789]: 13[IKE] <PEER|1> giving up after 5 retransmits'],
    ['a line made bold in a Markdown post', "**IDir '172.16.1.254' does not match to 'vpn.example.com'**", "IDir '172.16.1.254' does not match to 'vpn.example.com'"],
    ["a router's tunnel log", "Wed, 2012-08-01 13:08:29 - [Office] no suitable connection for peer '192.168.0.3' ", `2012-08-01 13:08:29 pluto: "Office" no suitable connection for peer '192.168.0.3'`],
    ['OPNsense export: time, program[pid], message', '2022-01-05T10:04:48\tcharon[73003]\t08[MGR] <con1|1> checkin IKE_SA con1[1]\t ', '2022-01-05T10:04:48 charon[73003]: 08[MGR] <con1|1> checkin IKE_SA con1[1]'],
    ["Apple's unified log copied from Console (iOS racoon)", 'default\t21:34:54.700963+0000\tracoon\taccept a request to establish IKE-SA: 198.51.100.28', 'racoon: accept a request to establish IKE-SA: 198.51.100.28'],
    ['macOS Console, US date and a 12-hour clock', '3/2/17 1:08:54.565 PM racoon[427]: accepted connection on vpn control socket.', '2017-03-02 13:08:54.565 racoon[427]: accepted connection on vpn control socket.'],
    ['a journal exported as CSV', '"Feb  7 03:08:15 gw pluto[57436]: ""customer1/2x15"": added IKEv2 connection"', 'Feb  7 03:08:15 gw pluto[57436]: "customer1/2x15": added IKEv2 connection'],
    ['facility.severity after the stamp', 'Feb 26 06:26:52 <10.4> localhost pluto[2531]: "winserver1" #428: initiating Main Mode', 'Feb 26 06:26:52 localhost pluto[2531]: "winserver1" #428: initiating Main Mode'],
    ['OpenWrt logread without a program name', 'Sat Jan 23 00:49:59 2016 daemon.info : 11[NET] received packet: from 192.0.2.41[11031] to 198.51.100.7[500] (580 bytes)', '2016-01-23 00:49:59 11[NET] received packet: from 192.0.2.41[11031] to 198.51.100.7[500] (580 bytes)'],
    ["charon's file log with its own time_format", 'Mon, 2021-05-10, 16:21:10 14[IKE] <gw-gw|1> activating new tasks', '2021-05-10 16:21:10 14[IKE] <gw-gw|1> activating new tasks'],
    ['the same, ctime with fractions', 'Tue May 11 16:21:10.123 2021 14[IKE] <gw-gw|1> activating new tasks', '2021-05-11 16:21:10.123 14[IKE] <gw-gw|1> activating new tasks'],
    ['the same, a month name without a year', 'Tue, May  1, 16:21:10 14[IKE] <gw-gw|1> activating new tasks', 'May  1 16:21:10 14[IKE] <gw-gw|1> activating new tasks'],
    ['a journal under zh_CN (numeric month)', '12月 07 19:11:14 vpnbox charon[1234]: 09[IKE] <to-cloud|1> giving up after 5 retransmits', 'Dec 07 19:11:14 vpnbox charon[1234]: 09[IKE] <to-cloud|1> giving up after 5 retransmits'],
    ['a journal under ko_KR (padded month)', ' 3월 07 19:11:14 vpnbox pluto[88]: "c" #1: initiating Main Mode', 'Mar 07 19:11:14 vpnbox pluto[88]: "c" #1: initiating Main Mode'],
    ['a journal under ru_RU', 'дек 07 19:11:14.123456 vpnbox charon[1234]: 09[IKE] sending DPD request', 'Dec 07 19:11:14.123456 vpnbox charon[1234]: 09[IKE] sending DPD request'],
    ['a journal under uk_UA (genitive May)', 'тра 29 08:00:01 gw pluto[9]: "c" #2: STATE_QUICK_I1: retransmission; will wait 1 seconds for response', 'May 29 08:00:01 gw pluto[9]: "c" #2: STATE_QUICK_I1: retransmission; will wait 1 seconds for response'],
    ['a journal under de_DE (umlaut)', 'Mär 03 10:11:12 gw charon[7]: 05[CFG] received proposals: IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048', 'Mar 03 10:11:12 gw charon[7]: 05[CFG] received proposals: IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048'],
    ['a journal under fr_FR (a dot after the name)', 'déc. 07 19:11:14 gw charon[7]: 05[IKE] retransmit 1 of request with message ID 0', 'Dec 07 19:11:14 gw charon[7]: 05[IKE] retransmit 1 of request with message ID 0'],
    ['journalctl -o short-full, zone abbreviation dropped', 'Mon 2026-12-07 19:11:14 CST gw charon[7]: 05[IKE] sending DPD request', '2026-12-07 19:11:14 gw charon[7]: 05[IKE] sending DPD request'],
    ['journalctl -o short-full, localized weekday and an offset', 'пн 2026-12-07 19:11:14.5 +0800 gw charon[7]: 05[IKE] sending DPD request', '2026-12-07T19:11:14.5+0800 gw charon[7]: 05[IKE] sending DPD request'],
    ['a journal under lt_LT', 'Geg 22 10:42:13 platonas charon[7]: 05[IKE] sending DPD request', 'May 22 10:42:13 platonas charon[7]: 05[IKE] sending DPD request'],
    ['a journal under el_GR', 'Δεκ 07 19:11:14 gw charon[7]: 05[IKE] sending DPD request', 'Dec 07 19:11:14 gw charon[7]: 05[IKE] sending DPD request'],
    ["a syslog server's stamp before a Cisco device's own (with its year)", 'Jun 12 14:34:49 Jun 12 2008 14:34:49 pix : %PIX-5-713092: Group = 192.0.2.1, IP = 192.0.2.1, Failure during phase 1 rekeying attempt due to collision', 'Jun 12 2008 14:34:49 pix : %PIX-5-713092: Group = 192.0.2.1, IP = 192.0.2.1, Failure during phase 1 rekeying attempt due to collision'],
    ['the same with the sender between', 'Jun 12 14:34:49 10.1.1.1 Jun 12 2008 14:34:49: %ASA-4-113019: Group = g', 'Jun 12 2008 14:34:49: %ASA-4-113019: Group = g'],
    ['a time without a date (a syslog template)', '15:23:04 srv-test charon: 12[CFG] received stroke: initiate \'conn1_1\'', "srv-test charon: 12[CFG] received stroke: initiate 'conn1_1'"],
    [
      "a line copied from a web page's source (tags, entities; charon's <conn|1> kept)",
      '<p>Jun 16 10:24:53 vpn charon: 12<span class="error">&#91;IKE&#93;</span> &lt;c|1&gt; failed to establish CHILD_SA, keeping IKE_SA</p>',
      'Jun 16 10:24:53 vpn charon: 12[IKE] <c|1> failed to establish CHILD_SA, keeping IKE_SA',
    ],
  ])('%s', (_name, framed, plain) => {
    expect(unframe(framed)).toBe(plain);
  });

  it.each([
    ['a gateway line', '2026-11-22 06:16:08 vco-bp1case [INFO]: isakmp.c:1080:isakmp_ph1begin_i(): initiate new phase 1 negotiation: 198.51.100.1[500]<=>198.51.100.2[500]'],
    ['a strongSwan file log line', 'Dec  4 18:47:46 06[IKE] <to-cloud|1> IKE_SA to-cloud[1] established between 198.51.100.2[198.51.100.2]...198.51.100.1[198.51.100.1]'],
    ['a syslog line', 'Dec  4 18:47:46 gw charon[77]: 06[IKE] <to-cloud|1> sending DPD request'],
    ['an indented continuation (swanctl)', '  local:  [198.51.100.2] @ 198.51.100.2[4500]'],
    ['an indented continuation that names no daemon', '  charonx: proposals = aes256-sha256-modp2048'],
    ['a lone Markdown emphasis', '**'],
    ['a word and a time that is no month in any locale', 'tun 07 19:11:14 gw charon[7]: 05[IKE] sending DPD request'],
    ["charon's own <conn|1> (no HTML tag)", 'Dec  4 18:47:46 06[IKE] <to-cloud|1> sending DPD request'],
    ['an ampersand that is no entity', 'Dec  4 18:47:46 06[CFG] <c|1> received proposals: IKE:AES & more'],
    ['FortiGate debug (a lowercase word, a number)', 'ike 0:azure:3071: processing notify type NO_PROPOSAL_CHOSEN'],
    ['a hex dump word with 月 later in the line', '0d000014 4a131c81 07035845 月'],
    ["a daemon's own arrows", 'Dec  4 18:47:46 gw iked: isakmp.c:1080:isakmp_ph1begin_i(): initiate new phase 1 negotiation: 198.51.100.1[500]<=>198.51.100.2[500]'],
    ["FortiGate's arrow", 'ike V=root:0: comes 198.51.100.1:500->198.51.100.2:500,ifindex=7....'],
    ['a hex dump', '    00000000: 0102 0304 0506 0708'],
    ['a Libreswan pluto log line', 'Dec  4 17:49:44.778282: "to-cloud" #1: Oakley Transform [AES_CBC (256), HMAC_SHA2_256, MODP2048] refused'],
    ['a NetworkManager line that is not whack output', 'NetworkManager[985]: <info> [1639930985.6580] vpn-connection[0x55b1]: Started the VPN service, PID 44306'],
    ['empty', ''],
    ['a pluto line ending in a quote', '"to-cloud" #1: Peer ID is ID_FQDN: "gw.example.com"'],
    ['a charon file log line with fractions', 'Dec  4 18:47:46.123 06[IKE] <to-cloud|1> sending DPD request'],
  ])('leaves %s as it is', (_name, line) => {
    expect(unframe(line)).toBe(line);
  });

  it('reads frames inside frames only so deep (a hostile line of nested `**` recursed once per pair)', () => {
    expect(unframe(`${'**'.repeat(10)}x${'**'.repeat(10)}`)).toBe(`${'**'.repeat(6)}x${'**'.repeat(6)}`);
    expect(unframe('>   Jun 23 08:16:10 gw charon[3789]: 13[IKE] x')).toBe('Jun 23 08:16:10 gw charon[3789]: 13[IKE] x');
  });

  it('never throws on junk and always returns a string', () => {
    const junk = ['\t\t\t', '<999>1', '<30>1 x', 'I/', ' \u0000\u0001\t|', '\uFFFD'.repeat(1000), 'a_1  | ', `${'x'.repeat(100_000)}\t`, ' '.repeat(64) + 'Jan'];
    // Frames inside frames: bounded, not one recursion per pair of `**` or per `> `.
    junk.push(`**${'*'.repeat(50_000)}**`, `${'> '.repeat(20_000)}x`, `${'  > **'.repeat(5_000)}x**`, `a ${' '.repeat(50_000)}<- ${'x'.repeat(50_000)}`);
    // A long run of blanks with an arrow after something else: tried from the run's start only
    // (an unanchored `\s+` took seconds on one such line).
    junk.push(`a${' '.repeat(60_000)}x <-`, `b${' \t'.repeat(30_000)}y<=`);
    for (const j of junk) expect(typeof unframe(j)).toBe('string');
  });
});
