// H3C Comware's `Reason: …` sentences (IKE_P1_SA_ESTABLISH_FAIL, IKE_P2_SA_ESTABLISH_FAIL, the
// IKEv2 equivalents, IPSEC_SA_ESTABLISH_FAIL "for the reason of …") and the terminate reasons
// (IKE_P1_SA_TERMINATE, IKE_P2_SA_TERMINATE, IPSEC_SA_TERMINATE) → meanings, in the shape of
// reasons.ts. The phase a sentence does not say comes from the message (P1 / P2 / IPsec SA).
import type { ReasonMeaning } from './reasons.js';

const M = (type: ReasonMeaning['type'], more: Omit<ReasonMeaning, 'type'> = {}): ReasonMeaning => ({ type, ...more });

/** Failures to establish: the first match wins. */
export const H3C_FAIL_REASONS: readonly [RegExp, ReasonMeaning][] = [
  [/\bPSK is mismatch|pre-?shared key (?:is )?mismatch|Failed to authenticate|authentication fail|Failed to verify the peer HASH|HASH (?:payload )?(?:mismatch|verification failed)|AUTHENTICATION_FAILED|INVALID_HASH_INFORMATION/i, M('auth-failed', { phase: 1, fixed: { reason: 'psk' } })],
  [/Failed to get (?:the )?pre-?shared key|no pre-?shared key/i, M('no-config', { phase: 1, fixed: { why: 'no-psk' } })],
  [/Failed to match IPsec policy|ACL|flow|traffic selector|TS_UNACCEPTABLE|INVALID_ID_INFORMATION|Failed to match (?:the )?(?:local|remote) (?:address|subnet)/i, M('ts-unacceptable', { phase: 2 })],
  [/Failed to get IPsec policy|no IPsec policy/i, M('no-config', { phase: 2, fixed: { why: 'no-policy' } })],
  [/\bPFS\b|DH group (?:mismatch|not match)|INVALID_KE_PAYLOAD/i, M('no-proposal', { dh: true })],
  [/IPsec (?:proposal|transform)|transform set|Failed to get IPsec proposal/i, M('no-proposal', { phase: 2 })],
  [/IKE proposal|NO_PROPOSAL_CHOSEN|no (?:matching |acceptable )?proposal/i, M('no-proposal')],
  [/encapsulation mode/i, M('encmode-mismatch', { phase: 2 })],
  [/Failed to match IKE profile|no matching IKE profile|(?:peer|remote|local) ID|identity/i, M('id-mismatch', { phase: 1 })],
  [/exchange mode|aggressive mode|main mode/i, M('mode-not-acceptable', { phase: 1 })],
  [/version/i, M('version-unsupported', { phase: 1 })],
  [/certificate|\bcert\b/i, M('cert-error', { phase: 1 })],
  [/Retransmission(?:s)? (?:timeout|timed out|reached)|negotiation timed? ?out|time ?out|timed out/i, M('p1-timeout')],
  [/malformed|invalid (?:payload|length|message|cookie)|Failed to parse/i, M('message-invalid')],
];

/** Why an established SA went away. */
export const H3C_TERMINATE_REASONS: readonly [RegExp, ReasonMeaning][] = [
  [/DPD|dead peer/i, M('dpd-dead', { phase: 1 })],
  [/delete (?:message|notification|payload)|deleted by (?:the )?peer|peer (?:request|deleted)|Received a delete/i, M('delete-received')],
  [/expired|lifetime|soft|hard|rekey|replaced|idle/i, M('sa-expired')],
  [/reset|manual|by user|configuration changed|config/i, M('sa-deleted', { fixed: { why: 'manual' } })],
];

export function h3cReason(table: readonly [RegExp, ReasonMeaning][], reason: string): ReasonMeaning | undefined {
  for (const [re, meaning] of table) if (re.test(reason)) return meaning;
  return undefined;
}
