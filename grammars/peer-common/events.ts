// Event ids the peer-device catalogues add to the shared vocabulary (src/parse/events.ts), and the
// set of events that signal a failure on the device side. Rules key on these ids like on the
// shared ones; the lead may move them into src/parse/events.ts.
import { EVENT_TYPES, isErrorNotify, type EventType } from '../../src/parse/events.js';

export { isErrorNotify };

/** Event id → meaning, for ids that src/parse/events.ts does not define. Variables in brackets. */
export const PEER_EVENT_TYPES = {
  'proposal-selected': EVENT_TYPES['proposal-selected'],
  'transform-unacceptable': EVENT_TYPES['transform-unacceptable'],
  'proposal-matched': EVENT_TYPES['proposal-matched'],
  'peer-retransmit': EVENT_TYPES['peer-retransmit'],
  'message-invalid': EVENT_TYPES['message-invalid'],
  'version-unsupported': EVENT_TYPES['version-unsupported'],
  'install-failed': EVENT_TYPES['install-failed'],
} as const;

export type PeerEventType = EventType | keyof typeof PEER_EVENT_TYPES;

export function isPeerEventType(type: string): type is PeerEventType {
  return Object.prototype.hasOwnProperty.call(EVENT_TYPES, type) || Object.prototype.hasOwnProperty.call(PEER_EVENT_TYPES, type);
}

/**
 * Events that mean "something went wrong" on the device. `notify` counts only for error notify
 * types (see isFailureEvent); `retransmit` is a symptom and `delete-received` happens on
 * every rekey, so both are left out, as is `transform-unacceptable`: strongSwan traces it for
 * each proposal it skips, also when a later one matches.
 */
export const PEER_FAILURE_EVENTS: ReadonlySet<string> = new Set<PeerEventType>([
  'p1-timeout',
  'p1-failed',
  'p2-failed',
  'p2-timeout',
  'no-proposal',
  'auth-failed',
  'decrypt-failed',
  'payload-invalid',
  'message-invalid',
  'ts-unacceptable',
  'no-config',
  'id-mismatch',
  'dpd-dead',
  'retransmit-limit',
  'ke-mismatch',
  'cert-error',
  'version-unsupported',
  'mode-not-acceptable',
  'encmode-mismatch',
  'lifetime-mismatch',
  'peer-retransmit',
  'install-failed',
  'config-error',
]);

export function isFailureEvent(ev: { type: string; vars: Record<string, string> } | undefined): boolean {
  if (!ev) return false;
  if (ev.type === 'notify') return isErrorNotify(ev.vars['type']);
  return PEER_FAILURE_EVENTS.has(ev.type);
}

/**
 * RFC 2408 / 7296 error notify numbers a daemon prints bare when it has no name for them
 * (strongSwan: `N((29))`, `received (29) error notify`).
 */
export const NOTIFY_BY_NUMBER: Readonly<Record<string, string>> = {
  '7': 'INVALID_SYNTAX',
  '14': 'NO_PROPOSAL_CHOSEN',
  '16': 'PAYLOAD_MALFORMED',
  '17': 'INVALID_KE_PAYLOAD',
  '18': 'INVALID_ID_INFORMATION',
  '23': 'INVALID_HASH_INFORMATION',
  '24': 'AUTHENTICATION_FAILED',
  '29': 'INVALID_EXCHANGE_TYPE',
};

/** A notify as printed (`NO_PROP`, `(29)`, `29`) → its RFC name. */
export function notifyName(printed: string): string {
  const bare = printed.replace(/^\((\d+)\)$/, '$1');
  return NOTIFY_BY_NUMBER[bare] ?? SHORT_NOTIFY[bare] ?? bare;
}

/** A notify named in words (`no proposal chosen`, `Invalid ID information`, `NO-PROPOSAL-CHOSEN`) → its RFC name. */
export function notifyFromWords(words: string): string {
  return notifyName(words.trim().replace(/[\s-]+/g, '_').toUpperCase());
}

/** strongSwan's short notify names (`N(NO_PROP)`) → the RFC names the rest of the pipeline uses. */
export const SHORT_NOTIFY: Readonly<Record<string, string>> = {
  CRIT: 'UNSUPPORTED_CRITICAL_PAYLOAD',
  INVAL_IKE_SPI: 'INVALID_IKE_SPI',
  INVAL_MAJOR: 'INVALID_MAJOR_VERSION',
  INVAL_SYN: 'INVALID_SYNTAX',
  INVAL_MID: 'INVALID_MESSAGE_ID',
  INVAL_SPI: 'INVALID_SPI',
  ATTR_UNSUP: 'ATTRIBUTES_NOT_SUPPORTED',
  NO_PROP: 'NO_PROPOSAL_CHOSEN',
  PLD_MAL: 'PAYLOAD_MALFORMED',
  INVAL_KE: 'INVALID_KE_PAYLOAD',
  INVAL_ID: 'INVALID_ID_INFORMATION',
  INVAL_CERTEN: 'INVALID_CERT_ENCODING',
  INVAL_CERT: 'INVALID_CERTIFICATE',
  CERT_UNSUP: 'CERT_TYPE_UNSUPPORTED',
  INVAL_CA: 'INVALID_CERT_AUTHORITY',
  INVAL_HASH: 'INVALID_HASH_INFORMATION',
  AUTH_FAILED: 'AUTHENTICATION_FAILED',
  SINGLE_PAIR: 'SINGLE_PAIR_REQUIRED',
  NO_ADD_SAS: 'NO_ADDITIONAL_SAS',
  INT_ADDR_FAIL: 'INTERNAL_ADDRESS_FAILURE',
  FAIL_CP_REQ: 'FAILED_CP_REQUIRED',
  TS_UNACCEPT: 'TS_UNACCEPTABLE',
  INVAL_SEL: 'INVALID_SELECTORS',
  UNACCEPT_ADDR: 'UNACCEPTABLE_ADDRESSES',
  UNEXPECT_NAT: 'UNEXPECTED_NAT_DETECTED',
  TEMP_FAIL: 'TEMPORARY_FAILURE',
  NO_CHILD_SA: 'CHILD_SA_NOT_FOUND',
};
