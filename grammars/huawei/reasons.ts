// Huawei's reason strings → what they mean as events. One table serves the `Reason=` field of
// IPSECNEGOFAIL (and its IKE equivalents), the `error-reason` column of `display ike error-info`
// and — for teardowns — `OfflineReason=` of IPSECTUNNELSTOP and the `offline-reason` column of
// `display ike offline-info`. Strings as Huawei's alarm references and "IPSec Fault Cause
// Reference" list them (ReasonCode 1…54). A reason names no values: where it names a parameter,
// the event carries it (`params`) so the diff lists it with both values unknown.
import type { PeerEventType } from '../peer-common/events.js';

export interface ReasonMeaning {
  /** Event raised; null: a known reason that decides no cause (an error line without event). */
  type: PeerEventType | null;
  phase?: 1 | 2;
  /** Alibaba parameters the reason names, values unknown. */
  params?: string[];
  fixed?: Record<string, string>;
  /** A DH group of no stated phase: the IKE group until the IKE SA is up, the PFS group after. */
  dh?: boolean;
  level?: 'error' | 'warn' | 'info';
}

const M = (type: PeerEventType | null, phase?: 1 | 2, more: Omit<ReasonMeaning, 'type' | 'phase'> = {}): ReasonMeaning => ({ type, ...(phase ? { phase } : {}), ...more });

/** Reason (lower case, `-`/`_` read as spaces, blanks collapsed) → meaning; the first match wins. */
export const HUAWEI_REASONS: readonly [RegExp, ReasonMeaning][] = [
  // Proposals. The initiator says only "phase1 proposal mismatch"; a responder may name the attribute.
  [/^phase ?1 proposal (?:encryption|encrypt) algorithm mismatch/, M('no-proposal', 1, { params: ['IkeEncAlg'] })],
  [/^phase ?1 proposal (?:authentication|integrity|prf) algorithm mismatch/, M('no-proposal', 1, { params: ['IkeAuthAlg'] })],
  [/^phase ?1 proposal dh (?:group )?mismatch/, M('no-proposal', 1, { params: ['IkePfs'] })],
  [/^phase ?1 proposal authentication method mismatch/, M('no-proposal', 1, { fixed: { why: 'authentication-method' } })],
  [/^phase ?1 proposal mismatch/, M('no-proposal', 1)],
  [/^phase ?2 proposal (?:encryption|encrypt) algorithm mismatch/, M('no-proposal', 2, { params: ['IpsecEncAlg'] })],
  [/^phase ?2 proposal (?:authentication|integrity) algorithm mismatch/, M('no-proposal', 2, { params: ['IpsecAuthAlg'] })],
  [/^phase ?2 proposal or pfs mismatch/, M('no-proposal', 2)],
  [/^proposal mismatch or use sm in ikev2/, M('no-proposal', 1, { fixed: { why: 'sm-in-ikev2' } })],
  [/^ikev2 not support sm in ipsec proposal/, M('no-proposal', 2, { fixed: { why: 'sm-in-ikev2' } })],
  [/^(?:responder|initiator) dh mismatch/, M('no-proposal', undefined, { dh: true })],
  [/^encapsulation mode mismatch/, M('encmode-mismatch', 2)],
  // What the tunnel protects and who the peer is.
  [/^(?:flow or peer mismatch|flow mismatch|netmask mismatch|flow con(?:fl)?ict|peer's flow netmask)/, M('ts-unacceptable', 2)],
  [/^(?:peer address mismatch|peer address can ?not match)/, M('peer-address-unexpected', 1, { fixed: { which: 'peer' } })],
  [/^local address mismatch/, M('peer-address-unexpected', 1, { fixed: { which: 'local' } })],
  [/^(?:config id mismatch|id can ?not match)/, M('id-mismatch', 1)],
  [/^construct local id fail/, M('id-mismatch', 1, { fixed: { why: 'construct-local-id' } })],
  [/^authentication fail/, M('auth-failed', 1, { fixed: { reason: 'psk' } })],
  [/^(?:version mismatch|unsupported version|version error)/, M('version-unsupported', 1)],
  [/^(?:exchange mode mismatch|exchange type or role)/, M('mode-not-acceptable', 1)],
  [/^no policy applied on interface/, M('no-config', 2, { fixed: { why: 'no-policy' } })],
  [/^critical drop/, M('critical-payload', 1)],
  [/^(?:no valid local cert|form cert payload fail|certificate)/, M('cert-error', 1)],
  [/^(?:max transmit reached|exchange timeout)/, M('retransmit-limit', undefined)],
  [/^(?:invalid cookie|cookie mismatch|invalid length|malformed (?:message|payload)|unknown exchange type|message id unordered|shortpacket)/, M('message-invalid', undefined)],
  [/^route limit/, M('install-failed', 2, { fixed: { what: 'route' } })],
  // Known, but no cause the rules know: an error line.
  [/^(?:rekey|first packet limited|fragment packet|in disconnect state|none of user|ip assigned fail|license or specification|(?:ipsec tunnel|dynamic peers) number reaches limitation|nat detection fail|role mismatch|(?:xauth|eap) authentication)/, M(null)],
  [/^uncritical drop/, M(null, undefined, { level: 'warn' })],
  // Teardowns (offline reasons).
  [/^(?:dpd timeout|heartbeat timeout)/, M('dpd-dead', 1)],
  [/^peer request/, M('delete-received', 1, { fixed: { what: 'IKE SA' } })],
  [/^(?:phase ?1 hard expiry|phase ?1 sa replace|re ?auth timeout)/, M('sa-expired', 1)],
  [/^(?:phase ?2 hard expiry|phase ?2 sa replace|kick old sa|hard expiry|modecfg address soft expiry)/, M('sa-expired', 2)],
  [/^config modify or manual offline/, M('sa-deleted', 1, { fixed: { what: 'IKE SA', why: 'manual' } })],
];

/** How a reason is compared: `dpd-timeout`, `Phase1 Proposal Mismatch` and `dpd timeout` are one. */
export function normalizeReason(reason: string): string {
  return reason.toLowerCase().replace(/[-_]/g, ' ').replace(/\s+/g, ' ').replace(/[.;,]+$/, '').trim();
}

export function huaweiReason(reason: string): ReasonMeaning | undefined {
  const r = normalizeReason(reason);
  for (const [re, meaning] of HUAWEI_REASONS) if (re.test(r)) return meaning;
  return undefined;
}

/** `ReasonCode=` → the reason it stands for (the alarm references' numbering), for a line whose `Reason=` is cut or missing. */
export const REASON_CODES: Readonly<Record<string, string>> = {
  '1': 'phase1 proposal mismatch', '2': 'phase2 proposal or pfs mismatch', '3': 'encapsulation mode mismatch', '4': 'flow or peer mismatch',
  '5': 'version mismatch', '6': 'responder dh mismatch', '7': 'initiator dh mismatch', '10': 'ip assigned fail', '12': 'peer address mismatch',
  '13': 'config ID mismatch', '14': 'construct local ID fail', '15': 'authentication fail', '16': 'rekey no find old sa', '17': 'rekey fail',
  '18': 'first packet limited', '21': 'invalid cookie', '24': 'invalid length', '26': 'unsupported version', '28': 'malformed payload',
  '30': 'malformed message', '31': 'cookie mismatch', '32': 'exchange mode mismatch', '33': 'unknown exchange type', '34': 'critical drop',
  '35': 'uncritical drop', '36': 'route limit', '39': 'local address mismatch', '40': 'nat detection fail', '41': 'ipsec tunnel number reaches limitation',
  '42': 'dynamic peers number reaches limitation', '43': "none of user's interface is selected", '44': 'in disconnect state',
  '45': 'proposal mismatch or use sm in ikev2', '46': 'flow conflict', '47': 'ikev2 not support sm in ipsec proposal', '48': 'netmask mismatch',
  '49': 'no policy applied on interface', '50': 'fragment packet limit', '51': 'fragment packet reassemble timeout', '52': 'form cert payload fail',
  '53': 'max transmit reached', '54': 'no valid local cert',
};
