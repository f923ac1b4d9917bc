// AWS Site-to-Site VPN tunnel-log messages (the `details` of a CloudWatch record, or the sentence
// pasted alone) → typed events. The wording is AWS's published table of IKEv1 and IKEv2 messages
// (docs/aws.md): the tunnel is AWS's end, so for a tunnel from an Alibaba Cloud gateway to AWS
// these are the other end's log.
import type { LogRecord } from '../../src/types.js';
import { levelFromEvent } from '../peer-common/catalog-kit.js';

type Entry = [RegExp, string, Record<string, string>, (1 | 2)?];

const ENTRIES: Entry[] = [
  [/^Peer is not responsive|Declaring peer dead|^AWS tunnel DPD timed out after/, 'dpd-dead', {}],
  [/^AWS tunnel payload decryption was unsuccessful due to invalid Pre-shared Key/, 'decrypt-failed', { reason: 'psk' }, 1],
  [/^AWS tunnel detected a pre-shared key mismatch with cgw/, 'auth-failed', { reason: 'psk' }, 1],
  [/^AWS tunnel is sending AUTHENTICATION_FAILED as the response/, 'auth-failed', { reason: 'refused' }, 1],
  // IKEv1's table says the chosen-proposal notify is phase 2's; AWS's own refusal is phase 1's (or IKEv2's either).
  [/^No Proposal Match Found\. Notifying with "?No proposal chosen"?/i, 'no-proposal', { direction: 'sent' }, 2],
  [/^No Proposal Match Found by AWS/, 'no-proposal', { direction: 'sent' }, 1],
  [/^AWS tunnel received DELETE for Phase 2 SA/, 'delete-received', { what: 'CHILD_SA' }, 2],
  [/^AWS tunnel received DELETE for IKE_SA from CGW/, 'delete-received', { what: 'IKE_SA' }, 1],
  [/^AWS tunnel Phase 2 was unable to establish while keeping Phase 1/, 'p2-failed', {}, 2],
  [/TS_UNACCEPTABLE/, 'ts-unacceptable', {}, 2],
  [/^AWS tunnel Timeout: deleting un-established Phase 1 IKE_SA/, 'p1-timeout', { why: 'half-open' }, 1],
];

export function classifyAws(rec: LogRecord, states: { p1?: string; p2?: string } | undefined): void {
  const msg = rec.message.slice(0, 2000);
  for (const [re, type, vars, phase] of ENTRIES) {
    if (re.test(msg)) {
      rec.event = { type, vars: { ...vars } };
      if (phase) rec.phase = phase;
      levelFromEvent(rec);
      return;
    }
  }
  // A record whose text reports no failure (normal work, or text the table does not list) still
  // carries the tunnel's states.
  if (states?.p2 === 'Established') {
    rec.event = { type: 'p2-established', vars: { from: 'state' } };
    rec.phase = 2;
  } else if (states?.p1 === 'Established') {
    rec.event = { type: 'p1-established', vars: { from: 'state' } };
    rec.phase = 1;
  }
}
