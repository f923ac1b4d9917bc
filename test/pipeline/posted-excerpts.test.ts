// Shapes of excerpts people post while troubleshooting, each seen in a public thread and written
// here with documentation addresses: pluto refusing a certificate for the ID it carries, a Child SA
// rekey refused after the first one came up, a masked address in a bare message, a Cisco router's
// lines behind a plain clock, an ASA or IOS dropping decrypted packets outside the SA's selectors,
// plutodebug output pasted without its stamps.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.js';
import type { Report } from '../../src/types.js';

const lines = (...l: string[]): string => `${l.join('\n')}\n`;

async function run(text: string): Promise<Report> {
  return analyze([{ source: 'pasted.log', content: text }], { now: new Date('2026-12-07T00:00:00Z'), peerTz: 'UTC', peerYear: 2026 });
}

const causes = (r: Report): string[] => r.subjects[0]?.findings.map((f) => f.cause) ?? [];

describe('excerpts posted while troubleshooting', () => {
  it('pluto refusing the certificate for the ID it was sent: certificate-error, not the notify that reports it', async () => {
    const r = await run(
      lines(
        '"san" #1: responding to Main Mode',
        "\"san\" #1: Peer ID is ID_USER_FQDN: 'user@example.com'",
        "\"san\" #1: X509: authentication failed; peer certificate subjectAltName extension does not match ID_USER_FQDN 'user@example.com'",
        '"san" #1: sending encrypted notification INVALID_ID_INFORMATION to 192.0.2.45:500',
      ),
    );
    expect(r.stats.unparsed).toBe(0);
    expect(causes(r)[0]).toBe('certificate-error');
    expect(causes(r)).not.toContain('identity-mismatch');
  });

  it('the same notify without a certificate refusal before it stays an identity refusal', async () => {
    const r = await run(
      lines('"san" #1: responding to Main Mode', "\"san\" #1: Peer ID is ID_USER_FQDN: 'user@example.com'", '"san" #1: sending encrypted notification INVALID_ID_INFORMATION to 192.0.2.45:500'),
    );
    expect(causes(r)[0]).toBe('identity-mismatch');
  });

  it('pluto: a Child SA rekey refused with NO_PROPOSAL_CHOSEN after the first Child SA came up is PFS', async () => {
    const r = await run(
      lines(
        'Sep 29 17:02:03.953949: "to-peer" #860: initiating IKEv2 connection',
        'Sep 29 17:02:03.986113: "to-peer" #860: established IKE SA; authenticated using authby=secret and peer ID_IPV4_ADDR \'192.0.2.2\'',
        'Sep 29 17:02:04.001098: "to-peer" #861: established Child SA; IPsec tunnel [10.1.0.0-10.1.0.255:0-65535 0] -> [10.2.0.0-10.2.0.255:0-65535 0] {ESP=>0xab654e03 <0xd599b9bd xfrm=AES_CBC_256-HMAC_SHA2_256_128 DPD=passive}',
        'Sep 29 17:02:20.987340: "to-peer" #862: initiating rekey to replace Child SA #861',
        'Sep 29 17:02:20.992221: "to-peer" #862: sent CREATE_CHILD_SA request to rekey IPsec SA',
        'Sep 29 17:02:20.996638: "to-peer" #862: CREATE_CHILD_SA failed with error notification NO_PROPOSAL_CHOSEN',
      ),
    );
    expect(r.stats.unparsed).toBe(0);
    expect(causes(r)[0]).toBe('pfs-mismatch');
  });

  it('the same refusal with no Child SA up before it is the ESP proposal', async () => {
    const r = await run(lines('Sep 29 17:02:20.996638: "to-peer" #862: CREATE_CHILD_SA failed with error notification NO_PROPOSAL_CHOSEN'));
    expect(causes(r)[0]).toBe('ipsec-proposal-mismatch');
  });

  it('a bare pluto message whose address the poster masked is still read', async () => {
    const r = await run(lines('responding to CREATE_CHILD_SA message (ID 2) from <Remote IP>:4500 with encrypted notification TS_UNACCEPTABLE'));
    expect(r.stats.unparsed).toBe(0);
    expect(causes(r)[0]).toBe('traffic-selector-mismatch');
  });

  it("a Cisco router's lines behind a plain clock (no `*`) are Cisco's, not pluto's", async () => {
    const r = await run(
      lines(
        'Mar  3 10:12:01.123: ISAKMP:(1001):Old State = IKE_I_MM4  New State = IKE_I_MM5',
        'Mar  3 10:12:01.523: %CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from 192.0.2.15 failed its sanity check or is malformed',
      ),
    );
    expect(r.stats.unparsed).toBe(0);
    expect(r.subjects).toHaveLength(1);
    expect(causes(r)[0]).toBe('psk-mismatch');
  });

  it('an ASA dropping decrypted packets outside the SA (402116) names the addresses', async () => {
    const r = await run(
      lines(
        "Jan 19 2015 20:00:43: %ASA-4-402116: IPSEC: Received an ESP packet (SPI= 0x76F99C4C, sequence number= 0x2D) from 198.51.100.1 (user= 198.51.100.1) to 198.51.100.2.  The decapsulated inner packet doesn't match the negotiated policy in the SA.  The packet specifies its destination as 10.10.10.11, its source as 10.14.155.11, and its protocol as icmp.  The SA specifies its local proxy as 10.10.10.11/255.255.255.255/ip/0 and its remote_proxy as 192.168.60.60/255.255.255.255/ip/0.",
      ),
    );
    const f = r.subjects[0]!.findings[0]!;
    expect(f.cause).toBe('traffic-selector-mismatch');
    expect(f.summary).toContain('10.14.155.11');
    expect(f.summary).toContain('192.168.60.60/255.255.255.255/ip/0');
  });

  it('IOS dropping a decrypted packet with an invalid identity is the same finding', async () => {
    const r = await run(lines("*Mar  3 10:12:01.123: %CRYPTO-4-RECVD_PKT_INV_IDENT: decaps: rec'd IPSEC packet has invalid identity profile (ip) vrf/dest_addr= /10.1.1.5, src_addr= 172.16.9.9, prot= 1"));
    expect(causes(r)[0]).toBe('traffic-selector-mismatch');
  });

  it('plutodebug lines pasted without stamps are parsed; a markdown table row is not taken for one', async () => {
    const r = await run(lines('|    Notify Message Type: NO_PROPOSAL_CHOSEN', '| removing 8 bytes of padding', '"tun" #1: ignoring informational payload, type NO_PROPOSAL_CHOSEN msgid=00000000'));
    expect(r.stats.unparsed).toBe(0);
    const table = await run(lines('| cause | fix |', '"tun" #1: ignoring informational payload, type NO_PROPOSAL_CHOSEN msgid=00000000'));
    expect(table.stats.unparsed).toBe(1);
  });
});
