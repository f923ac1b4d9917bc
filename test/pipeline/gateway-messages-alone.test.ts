// The gateway's messages quoted alone — the keywords of Alibaba's error-code table pasted without
// time, instance or tag, or behind their `file.c:line:function(): ` origin — are read as gateway
// lines and give the cause Alibaba's code names. A line another dialect's record continues with
// (a PAN-OS event's description) stays that record's.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.js';
import type { Report } from '../../src/types.js';

async function run(text: string): Promise<Report> {
  return analyze([{ source: 'ticket.txt', content: text }], { now: new Date('2026-12-05T00:00:00Z'), peerTz: 'UTC', peerYear: 2026 });
}

// [keyword as Alibaba's table lists it (with example values), FailedReasonCode, cause]
const KEYWORDS: [string, string, string][] = [
  ['trns_id mismatched: my:aes-cbc peer:3des-cbc', 'EncryptionAlgorithmMismatch', 'ipsec-proposal-mismatch'],
  ['rejected enctype', 'EncryptionAlgorithmMismatch', 'ike-proposal-mismatch'],
  ['authtype mismatched: my:hmac-sha256 peer:hmac-sha1', 'AuthenticationAlgorithmMismatch', 'ipsec-proposal-mismatch'],
  ['rejected hashtype', 'AuthenticationAlgorithmMismatch', 'ike-proposal-mismatch'],
  ['rejected dh_group', 'DhGroupMismatch', 'ike-proposal-mismatch'],
  ['proposal mismatch, transform type:4', 'DhGroupMismatch', 'ike-proposal-mismatch'],
  ['Decryption failed! mismatch of preshared secrets', 'PskMismatch', 'psk-mismatch'],
  ['received ID_I (type IPV4_ADDR [198.51.100.2]) does not match peers id', 'PeerIdMismatch', 'identity-mismatch'],
  ['Expecting IP address type in main mode, but FQDN.', 'PeerIdMismatch', 'identity-mismatch'],
  ['Unknow peer id', 'PeerIdMismatch', 'identity-mismatch'],
  ['Parse PEERID failed', 'PeerIdMismatch', 'identity-mismatch'],
  ['ignore information because the message has no hash payload.', 'DpdHashNotifyCompatibility', 'dpd-incompatible'],
  ['DPD: remote seems to be dead', 'DpdTimeout', 'dpd-timeout'],
  ['unknown ikev2 peer', 'IkeVersionMismatch', 'ike-version-mismatch'],
  ['not acceptable Aggressive mode', 'NegotiationModeMismatch', 'ike-mode-mismatch'],
  ['ignore the packet, received unexpecting payload type 130.', 'NatTMismatch', 'nat-traversal-mismatch'],
  ['long lifetime proposed: my:3600 peer:7200', 'LifetimeMismatch', 'lifetime-mismatch'],
  ['proto_id mismatched: my:ESP peer:AH', 'SecurityProtocolMismatch', 'ipsec-proposal-mismatch'],
  ['encmode mismatched: my:Tunnel peer:Transport', 'EncapsulationModeMismatch', 'ipsec-proposal-mismatch'],
  ["can't find matching selector src=203.0.113.0/25 dst=203.0.113.128/25", 'TrafficSelectorMismatch', 'traffic-selector-mismatch'],
  ['received Notify type TS_UNACCEPTABLE', 'TrafficSelectorMismatch', 'traffic-selector-mismatch'],
  ['pfs group mismatched: my:14 peer:2', 'PfsMismatch', 'pfs-mismatch'],
  ['no suitable proposal found.', 'ProposalMismatch', 'ike-proposal-mismatch'],
  ['none of my proposal matched', 'ProposalMismatch', 'ike-proposal-mismatch'],
  ['phase1 negotiation failed due to time up. 12345678:87654321', 'Phase1NegotiationTimeout', 'peer-unreachable'],
  ['retransmission count exceeded the limit', 'NoResponse', 'peer-unreachable'],
  ['received DELETE IKE_SA', 'ReceiveDeleteNotify', 'peer-deleted-sa'],
];

describe('gateway messages quoted alone', () => {
  it.each(KEYWORDS)('%s (%s)', async (keyword, _code, cause) => {
    const r = await run(`${keyword}\n`);
    expect(r.stats.unparsed).toBe(0);
    expect(r.subjects).toHaveLength(1);
    expect(r.subjects[0]!.id.startsWith('gateway:')).toBe(true);
    expect(r.subjects[0]!.findings[0]?.cause).toBe(cause);
  });

  it('behind their origin (`file.c:line:function(): `), indented', async () => {
    const r = await run('  isakmp.c:1234:isakmp_ph1resend(): phase1 negotiation failed due to time up. 12345678:87654321\n');
    expect(r.stats.unparsed).toBe(0);
    expect(r.subjects[0]!.findings[0]?.cause).toBe('peer-unreachable');
  });

  it('free text the catalogue does not know stays unparsed', async () => {
    const r = await run('the tunnel went down on Monday\nplease help, negotiation fails\n');
    expect(r.stats.unparsed).toBe(2);
  });

  it('a PAN-OS event description that reads like a gateway message stays the event\'s', async () => {
    const r = await run('Event: ike-generic-event\nno proposal chosen.\n');
    expect(r.subjects).toHaveLength(1);
    expect(r.subjects[0]!.id.startsWith('peer:')).toBe(true);
    expect(r.stats.unparsed).toBe(0);
  });
});
