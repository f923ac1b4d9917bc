// Lines that vendors' troubleshooting pages quote alone, without a time stamp or a daemon prefix —
// Alibaba Cloud's IPsec-VPN FAQ (its older gateways log strongSwan's messages), a cloud's Libreswan
// guide, a forum post indented by its editor — read as the cause the page gives for them. Each
// case is written here in the daemon's message shape with documentation addresses.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.js';
import type { Report } from '../../src/types.js';

const lines = (...l: string[]): string => `${l.join('\n')}\n`;

async function run(text: string): Promise<Report> {
  return analyze([{ source: 'pasted.log', content: text }], { now: new Date('2026-12-05T00:00:00Z'), peerTz: 'UTC', peerYear: 2026 });
}

const first = (r: Report): string | undefined => r.subjects[0]?.findings[0]?.cause;

const CASES: [string, string, string][] = [
  ['a notify Alibaba documents for a wrong customer gateway IP', lines('received UNSUPPORTED_CRITICAL_PAYLOAD error notify'), 'peer-address-mismatch'],
  ['an identity refused, quoted without its quotes', lines('[IKE] IDir 198.51.100.9 does not match to 198.51.100.2'), 'identity-mismatch'],
  ['an identity refused, as charon prints it', lines("IDir '198.51.100.9' does not match to '198.51.100.2'"), 'identity-mismatch'],
  ['the spelling Alibaba gives for a mode mismatch', lines('received AUTHENTICATION_FAILED error notifyed'), 'ike-mode-mismatch'],
  ['a proposal refused inside the ISAKMP SA (HASH first): quick mode', lines('parsed INFORMATIONAL_V1 request 2981723 [ HASH N(NO_PROP) ]', 'received NO_PROPOSAL_CHOSEN error notify'), 'ipsec-proposal-mismatch'],
  ['a proposal refused in the clear: phase 1', lines('parsed INFORMATIONAL_V1 request 2981723 [ N(NO_PROP) ]', 'received NO_PROPOSAL_CHOSEN error notify'), 'ike-proposal-mismatch'],
  [
    'proposal lists without their lead, one with a DH group, one without',
    lines('ESP:AES_CBC_256/HMAC_SHA2_256_128/MODP_2048/NO_EXT_SEQ', 'ESP:AES_CBC_256/HMAC_SHA2_256_128/NO_EXT_SEQ', 'no matching proposal found, sending NO_PROPOSAL_CHOSEN'),
    'pfs-mismatch',
  ],
  [
    'proposal lists without their lead, integrity differs, the first list going on on the next line',
    lines('ESP:AES_CBC_256/HMAC_SHA1_96/NO_EXT_SEQ, ', 'ESP:AES_CBC_128/HMAC_SHA1_96/NO_EXT_SEQ', 'ESP:AES_CBC_256/HMAC_SHA2_256_128/NO_EXT_SEQ', 'no matching proposal found, sending NO_PROPOSAL_CHOSEN'),
    'ipsec-proposal-mismatch',
  ],
  ['an indented charon message: no private key', lines(" no private key found for 'vpn.example.com'", 'app-02 charon[2882]: 12[ENC] generating IKE_AUTH response 1 [ N(AUTH_FAILED) ]'), 'certificate-error'],
  ['pluto, bare: the peer ID matches no connection', lines("Peer ID '192.0.2.9' mismatched on first found connection and no better connection found", 'sending encrypted notification INVALID_ID_INFORMATION to 192.0.2.1:4500'), 'identity-mismatch'],
  ['pluto, bare: no connection with compatible selectors', lines('No IKEv2 connection found with compatible Traffic Selectors', 'responding to CREATE_CHILD_SA message (ID 30) from 192.0.2.1:4500 with encrypted notification TS_UNACCEPTABLE'), 'traffic-selector-mismatch'],
  ['pluto: its own RSA key missing', lines('Jun 26 18:04:18 gw pluto[92764]: "rw"[1] 192.0.2.66 #3: Failed to find our RSA key', 'Jun 26 18:04:18 gw pluto[92764]: "rw"[1] 192.0.2.66 #3: deleting state #3 (STATE_PARENT_R2)'), 'certificate-error'],
  [
    'aggressive mode answered with AUTHENTICATION_FAILED in the clear: the mode was refused',
    lines('[IKE] initiating Aggressive Mode IKE_SA con2[1] to 203.0.113.5', '[ENC] parsed INFORMATIONAL_V1 request 1215317906 [ N(AUTH_FAILED) ]', '[IKE] received AUTHENTICATION_FAILED error notify'),
    'ike-mode-mismatch',
  ],
  [
    'aggressive mode answered with AUTHENTICATION_FAILED under the ISAKMP SA: the key',
    lines('[IKE] initiating Aggressive Mode IKE_SA con2[1] to 203.0.113.5', '[ENC] parsed INFORMATIONAL_V1 request 1215317906 [ HASH N(AUTH_FAILED) ]', '[IKE] received AUTHENTICATION_FAILED error notify'),
    'psk-mismatch',
  ],
  [
    'aggressive mode, this end found the HASH wrong: the key',
    lines('[IKE] initiating Aggressive Mode IKE_SA con2[1] to 203.0.113.5', '[IKE] calculated HASH does not match HASH payload', '[ENC] parsed INFORMATIONAL_V1 request 1215317906 [ N(AUTH_FAILED) ]', '[IKE] received AUTHENTICATION_FAILED error notify'),
    'psk-mismatch',
  ],
  ['strongSwan 5.0–5.5 spelling: DH group inacceptable, then the give-up', lines('DH group MODP_2048 inacceptable, requesting MODP_4096', 'received proposals unacceptable'), 'ike-proposal-mismatch'],
  ['pluto 3.x: the unknown peer refused only at debug level', lines('Jul  5 18:06:32.815757: | initial parent SA message received on 192.0.2.10:500 but no connection has been authorized with policy RSASIG+IKEV2_ALLOW'), 'peer-not-configured'],
  [
    'charon verified the other end\'s key, then AUTHENTICATION_FAILED: an identity (here EAP\'s), not the key',
    lines(
      "09[IKE] authentication of '198.51.100.1' with pre-shared key successful",
      "09[IKE] server requested EAP_IDENTITY (id 0x01), sending 'ops@example.com'",
      '09[ENC] parsed IKE_AUTH response 2 [ EAP/FAIL N(AUTH_FAILED) ]',
      '09[IKE] received AUTHENTICATION_FAILED notify error',
    ),
    'identity-mismatch',
  ],
  [
    'charon\'s own authentication line (myself) proves nothing about the other end: a wrong key',
    lines("09[IKE] authentication of '198.51.100.2' (myself) with pre-shared key successful", '09[ENC] parsed IKE_AUTH response 1 [ N(AUTH_FAILED) ]', '09[IKE] received AUTHENTICATION_FAILED notify error'),
    'psk-mismatch',
  ],
  ['IOS syslog tag quoted without its %', lines('CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from 192.0.2.15 failed its sanity check or is malformed'), 'psk-mismatch'],
  [
    'pluto refuses after the peer authenticated: the identity (not in its certificate)',
    lines(
      '"west-east" #1: certificate verified OK: CN=west.example.com,O=Example',
      "\"west-east\" #1: IKEv2 mode peer ID is ID_FQDN: '@192.0.2.45'",
      '"west-east" #1: authenticated using RSA with SHA2_512',
      '"west-east" #1: responding to IKE_AUTH message (ID 1) from 192.0.2.45:500 with encrypted notification AUTHENTICATION_FAILED',
    ),
    'identity-mismatch',
  ],
  ['pluto: no signature hash both ends accept (RSA-PSS)', lines('AUTHENTICATION_FAILED: No acceptable ECDSA/RSA-PSS ASN.1 signature hash proposal included for rsasig in I2 Auth Payload'), 'certificate-error'],
  ["pluto: leftcert names a certificate the NSS database lacks", lines("Oct 30 11:59:15 gw pluto[5747]: left certificate with nickname 'vpn-cert' was not found in NSS DB"), 'certificate-error'],
];

describe('lines quoted alone by vendors\' troubleshooting pages', () => {
  it.each(CASES)('%s', async (_name, text, cause) => {
    const r = await run(text);
    expect(r.stats.unparsed).toBe(0);
    expect(first(r)).toBe(cause);
  });

  it('the usual spelling of AUTHENTICATION_FAILED is not read as a mode mismatch', async () => {
    const r = await run(lines('received AUTHENTICATION_FAILED error notify'));
    expect(r.subjects[0]!.findings.map((f) => f.cause)).not.toContain('ike-mode-mismatch');
  });

  it('a strongSwan excerpt of a rekey and a reauthentication is a healthy tunnel', async () => {
    const r = await run(
      lines(
        "authentication of '198.51.100.2' with pre-shared key successful",
        '[NET]  sending packet: from 198.51.100.1[4500] to 198.51.100.2[4500] (80 bytes)',
        '[NET]  received packet: from 198.51.100.2[4500] to 198.51.100.1[4500] (80 bytes)',
        ' CHILD_SA con4{97} state change: REKEYING => REKEYED',
        'IKE_SA reauthentication completed',
      ),
    );
    expect(r.stats.unparsed).toBe(0);
    expect(r.subjects[0]!.status).toBe('healthy');
  });

  it('FortiGate IKEv2 debug: a refused `negotiation result` block of ESP with a PFS group is phase 2', async () => {
    const r = await run(
      lines(
        '2024-05-12 14:32:18 ike 0:VPN-Customer: negotiation result',
        '2024-05-12 14:32:18 ike 0:VPN-Customer: proposal id = 1:',
        '2024-05-12 14:32:18 ike 0:VPN-Customer:   protocol = ESP:',
        '2024-05-12 14:32:18 ike 0:VPN-Customer:      encapsulation = TUNNEL',
        '2024-05-12 14:32:18 ike 0:VPN-Customer:         type=ENCR, val=AES_CBC (key_len=256)',
        '2024-05-12 14:32:18 ike 0:VPN-Customer:         type=AUTH, val=SHA1',
        '2024-05-12 14:32:18 ike 0:VPN-Customer: PFS DH group = 2',
        '2024-05-12 14:32:18 ike 0:VPN-Customer: peer SA proposal not match local policy',
      ),
    );
    const f = r.subjects[0]!.findings[0]!;
    expect(['ipsec-proposal-mismatch', 'pfs-mismatch']).toContain(f.cause);
    expect(f.diff?.find((d) => d.parameter === 'IpsecPfs')?.cloud).toBe('group2');
  });

  it('an ASA that completed quick mode (713049) is a healthy tunnel, with or without the tags\' %', async () => {
    const bare = await run(lines('ASA-5-713049: Group = 203.0.113.9, IP = 203.0.113.9, Security negotiation complete for LAN-to-LAN group (BRANCH-1) Responder, Inbound SPI = 0x0a4b71c2, Outbound SPI = 0x77f31de9'));
    expect(bare.subjects[0]!.status).toBe('healthy');
    const r = await run(
      lines(
        '%ASA-5-713119: Group = 203.0.113.9, IP = 203.0.113.9, PHASE 1 COMPLETED',
        '%ASA-5-713049: Group = 203.0.113.9, IP = 203.0.113.9, Security negotiation complete for LAN-to-LAN group (BRANCH-1) Responder, Inbound SPI = 0x0a4b71c2, Outbound SPI = 0x77f31de9',
      ),
    );
    expect(r.subjects[0]!.status).toBe('healthy');
  });

  it('Openswan phases established with two blanks (`SA  established`) are a healthy tunnel', async () => {
    const r = await run(
      lines(
        'Jul 21 15:23:47 host pluto[2011]: "work" #1: STATE_MAIN_I4: ISAKMP SA  established {auth=OAKLEY_PRESHARED_KEY cipher=oakley_3des_cbc_192 prf=oakley_sha group=modp1024}',
        'Jul 21 15:23:47 host pluto[2011]: "work" #2: STATE_QUICK_I2: sent QI2, IPsec SA  established transport mode {ESP=>0x37742a26 <0x478d0d00 xfrm=AES_128-HMAC_SHA1 NATOA=none NATD=none DPD=none}',
      ),
    );
    expect(r.subjects[0]!.status).toBe('healthy');
    expect(r.subjects[0]!.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});
