// racoon2 message templates (kb §2.4 and the lab logs) → typed events with their variables.
// Templates are indexed by the message's first word so a line costs one Map lookup and, at most,
// a couple of anchored RegExps — the catalogue runs on every record of a million-line export.
import type { EventType } from '../../src/parse/events.js';

export interface MessageTemplate {
  event: EventType;
  re: RegExp;
  /** Names of the RegExp's capture groups, in order. */
  vars?: string[];
  phase?: 1 | 2;
  /** Constant variables added to the event. */
  fixed?: Record<string, string>;
}

const T = (event: EventType, re: RegExp, vars?: string[], phase?: 1 | 2, fixed?: Record<string, string>): MessageTemplate => ({
  event,
  re,
  ...(vars ? { vars } : {}),
  ...(phase ? { phase } : {}),
  ...(fixed ? { fixed } : {}),
});

const ENDPOINTS = ['local', 'remote'];
const MY_PEER = ['my', 'peer'];

/** The key of the message starting at `at` in TEMPLATES: its first word, or `#num` when it starts with a digit. */
export function templateKey(s: string, at = 0): string {
  const c0 = s.charCodeAt(at);
  if (c0 >= 48 && c0 <= 57) return '#num';
  const space = s.indexOf(' ', at);
  return s.slice(at, space < 0 ? s.length : space);
}

/** First word of the message → templates tried in order. `#num` = messages starting with a number. */
export const TEMPLATES: Record<string, MessageTemplate[]> = {
  starting: [T('daemon-start', /^starting iked/)],
  initiate: [
    T('p1-start', /^initiate new phase 1 negotiation: (\S+?)<=>(\S+)/, ENDPOINTS, 1, { role: 'initiator' }),
    T('p2-start', /^initiate new phase 2 negotiation: (\S+?)<=>(\S+)/, ENDPOINTS, 2, { role: 'initiator' }),
  ],
  respond: [
    T('p1-start', /^respond new phase 1 negotiation: (\S+?)<=>(\S+)/, ENDPOINTS, 1, { role: 'responder' }),
    T('p2-start', /^respond new phase 2 negotiation: (\S+?)<=>(\S+)/, ENDPOINTS, 2, { role: 'responder' }),
  ],
  begin: [T('p1-mode', /^begin (Identity Protection|Aggressive|Base) mode/, ['mode'], 1)],
  // IKEv2 keeps its progress in DEBUG state changes (refine.ts turns them into p1-start,
  // p1-established, p1-failed and sa-deleted): the only proof an IKEv2 SA came up.
  ike_sa: [T('sa-state', /^ike_sa \S+ state (\S+) -> (\S+)/, ['from', 'to'], 1, { version: '2' })],
  SADB_UPDATE: [T('p2-established', /^SADB_UPDATE .*?src=(\S+) dst=(\S+) satype=(\S+) samode=(\S+) spi=(\S+)/, ['from', 'to', 'proto', 'mode', 'spi'], 2)],
  SADB_ADD: [T('p2-established', /^SADB_ADD .*?src=(\S+) dst=(\S+) satype=(\S+) samode=(\S+) spi=(\S+)/, ['from', 'to', 'proto', 'mode', 'spi'], 2)],
  aborting: [T('sa-deleted', /^aborting ike_sa/, undefined, 1, { what: 'IKE_SA', why: 'aborted' })],
  // The gateway drops its ISAKMP SA: after the peer's delete, or after DPD declared the peer dead.
  purging: [T('sa-deleted', /^purging ISAKMP-SA spi=(\S+?)\.?$/, ['spi'], 1, { what: 'ISAKMP-SA' })],
  // isakmp_info_recv_d: the peer's delete payload was processed.
  purged: [
    T('delete-received', /^purged (ISAKMP-SA|IPsec-SA) proto_id=(\S+) spi=(\S+?)\.?$/, ['what', 'proto', 'spi']),
    T('delete-received', /^purged SAs\./, undefined, 2, { what: 'IPsec-SA' }),
  ],
  malformed: [T('message-invalid', /^malformed (unauthenticated packet|payload format)/, ['why'])],
  unexpected: [
    T('pfs-mismatch', /^unexpected KE payload, ignored/, undefined, 2, { my: '0', peer: 'enabled' }),
    T('message-invalid', /^unexpected message format/, undefined, undefined, { why: 'format' }),
  ],
  reject: [
    T('payload-invalid', /^reject the packet, expecting the packet encrypted/, undefined, 1, { why: 'plaintext' }),
    // An Informational racoon2 cannot parse, sent before phase 1 was up: the other end refused.
    T('info-ignored-no-sa', /^reject the packet, received unexpected payload type (\S+?)\.?$/, ['payload'], 1),
  ],
  resend: [
    T('p1-resend', /^resend phase1 packet (\S+)/, ['cookie'], 1),
    T('retransmit', /^resend phase2 packet (\S+)/, ['msgid'], 2),
  ],
  sendto: [T('notify', /^sendto Information (\S+?)\.?$/, ['what'], undefined, { direction: 'sent' })],
  'ISAKMP-SA': [
    T('p1-established', /^ISAKMP-SA established (\S+?)-(\S+) spi:(\S+)/, ['local', 'remote', 'spi'], 1),
    T('sa-expired', /^ISAKMP-SA expired/, undefined, 1),
    T('sa-deleted', /^ISAKMP-SA deleted/, undefined, 1),
  ],
  'IPsec-SA': [
    T('p2-established', /^IPsec-SA established: (\S+) (\S+?)->(\S+) spi=(\S+)/, ['proto', 'from', 'to', 'spi'], 2),
    T('sa-expired', /^IPsec-SA expired/, undefined, 2),
  ],
  phase1: [
    // Upstream's `(index icookie:rcookie)`: a responder cookie other than zeros means the peer
    // answered main mode 1 (or started the exchange): it was reached, whatever stalled after.
    T('p1-timeout', /^phase1 negotiation failed due to time up(?: \(index [0-9a-f]+:([0-9a-f]+)\))?/, ['peerCookie'], 1),
    T('p1-failed', /^phase1 negotiation failed/, undefined, 1),
  ],
  phase2: [
    T('p2-wait-p1-timeout', /^phase2 negotiation failed due to time up waiting for phase1/, undefined, 2),
    T('p2-timeout', /^phase2 negotiation failed due to time up/, undefined, 2),
    T('p2-failed', /^phase2 negotiation failed/, undefined, 2),
    T('sa-expired', /^phase2 sa expired/, undefined, 2),
    T('sa-deleted', /^phase2 sa deleted/, undefined, 2),
  ],
  'ours:': [T('p1-proposal-ours', /^ours: enctype=(.+?) authmethod=(.+?) hashtype (.+?) dh_group (.+)$/, ['enc', 'auth', 'hash', 'dh'], 1)],
  rejected: [T('p1-rejected', /^rejected (\w+)/, ['attr'], 1)],
  no: [
    T('no-proposal', /^no suitable proposal found/, undefined, 1),
    T('no-proposal', /^no proposal chosen/),
    T('no-proposal', /^no suitable policy found/, undefined, 2),
    T('pfs-mismatch', /^no PFS is specified, but peer sends KE/, undefined, 2, { my: '0', peer: 'enabled' }),
    T('no-proposal', /^no suitable transform found/, undefined, 2),
    T('id-mismatch', /^no shared key with peer/, undefined, 1, { why: 'no pre-shared key for the peer identity' }),
    T('no-config', /^no configuration found for peer address/, undefined, 1),
  ],
  PFS: [T('pfs-mismatch', /^PFS is specified, but peer doesn't sends KE/, undefined, 2, { my: 'enabled', peer: '0' })],
  lifetime: [T('lifetime-mismatch', /^lifetime mismatched: my:(-?\d+) peer:(-?\d+)/, MY_PEER, 2, { unit: 'lifetime' })],
  lifebyte: [T('lifetime-mismatch', /^lifebyte mismatched: my:(-?\d+) peer:(-?\d+)/, MY_PEER, 2, { unit: 'lifebyte' })],
  "peer's": [T('ke-mismatch', /^peer's dh group choice does not match mine/, undefined, 1)],
  ID: [T('id-mismatch', /^ID (?:mismatched|type mismatched)/, undefined, 1)],
  proposal: [
    // Alibaba's gateway, IKEv2 transform types (RFC 7296): 1 encryption, 3 integrity, 4 DH group.
    T('p1-rejected', /^proposal mismatch, transform type: ?1\b/, undefined, 1, { attr: 'enctype' }),
    T('p1-rejected', /^proposal mismatch, transform type: ?3\b/, undefined, 1, { attr: 'hashtype' }),
    T('p1-rejected', /^proposal mismatch, transform type: ?4\b/, undefined, 1, { attr: 'dh_group' }),
    T('no-proposal', /^proposal mismatch, transform type: ?\d+/, undefined, 1),
    T('no-proposal', /^proposal mismathed/, undefined, 2),
    T('no-proposal', /^proposal #\d+ mismatched/, undefined, 2),
  ],
  proto_id: [T('proto-mismatch', /^proto_id mismat(?:c)?hed: my:(\S+) peer:(\S+)/, MY_PEER, 2)],
  mismatched: [T('ts-unacceptable', /^mismatched ID was returned/, undefined, 2)],
  remote: [
    T('peer-address-unexpected', /^remote address mismatched\. db=(\S+?)(?:, act=(\S+))?$/, ['expected', 'address'], 1),
    T('mode-not-acceptable', /^remote (\S+) passive mode specified/, ['remote'], 1, { mode: 'passive' }),
  ],
  "couldn't": [
    T('no-config', /^couldn't find configuration/, undefined, 1),
    T('id-mismatch', /^couldn't find the pskey for (\S+?)\.?$/, ['id'], 1, { why: 'no pre-shared key for the peer identity' }),
    T('id-mismatch', /^couldn't find the pskey\./, undefined, 1, { why: 'no pre-shared key for the peer identity' }),
  ],
  unsupported: [T('version-unsupported', /^unsupported isakmp version (\d+)\.(\d+)/, ['major', 'minor'], 1)],
  ikev2: [T('version-unsupported', /^ikev2 not acceptable by configuration/, undefined, 1, { version: '2' })],
  ts: [T('ts-unacceptable', /^ts unacceptable/, undefined, 2)],
  "responder's": [T('ts-unacceptable', /^responder's TS([ir]) does not match my selector/, ['which'], 2)],
  mode: [T('encmode-mismatch', /^mode mismatch: peer (\S+) mine (\S+)/, ['peer', 'my'], 2)],
  ipsec: [T('encmode-mismatch', /^ipsec mode does not match where exact match specified/, undefined, 2)],
  Wrong: [T('info-no-hash', /^Wrong DPD sequence number/, undefined, undefined, { why: 'DPD sequence' })],
  Commit: [T('commit-bit', /^Commit bit on phase1 forbidden/, undefined, 1)],
  Invalid: [T('cert-error', /^Invalid SIG/, undefined, 1)],
  failed: [
    T('no-proposal', /^failed to get valid proposal/, undefined, 1),
    // IKEv2 IKE_AUTH with a cipher the library lacks (3DES under OpenSSL 3 without its legacy provider).
    T('encrypt-failed', /^failed encrypting the packet/, undefined, 1),
    T('selector-not-found', /^failed to get sainfo/, undefined, 2),
    T('decrypt-failed', /^failed to decrypt message/),
    T('ke-mismatch', /^failed to compute dh value/, undefined, 1),
  ],
  not: [T('mode-not-acceptable', /^not acceptable (.+?) mode/, ['mode'], 1)],
  exchange: [T('exchange-mismatch', /^exchange type is mismatched: db=(.+?) packet=(.+?)(?:,|$)/, ['db', 'packet'], 1)],
  Expecting: [T('id-type-unacceptable', /^Expecting IP address type in main mode, ?but (\S+?)\.?$/, ['type'], 1)],
  peer: [
    T('id-mismatch', /^peer identifier \(type (\S+) \[(.*)\]\) does not match/, ['type', 'id'], 1),
    T('id-mismatch', /^peer identifier does not match/, undefined, 1),
    T('id-type-unacceptable', /^peer ID type (\S+) is not acceptable/, ['type'], 1),
    T('no-proposal', /^peer response does not match my proposal/, undefined, 2),
  ],
  HASH: [T('hash-mismatch', /^HASH mismatched/, undefined, 1)],
  'HASH(2)': [T('hash-mismatch', /^HASH\(2\) mismatch/, undefined, 2)],
  'HASH(3)': [T('hash-mismatch', /^HASH\(3\) mismatch/, undefined, 2)],
  'HASH(4)': [T('hash-mismatch', /^HASH\(4\) mismatch/, undefined, 2)],
  long: [T('lifetime-mismatch', /^long (lifetime|lifebyte) proposed: my:(\d+) peer:(\d+)/, ['unit', 'my', 'peer'], 2)],
  pfs: [T('pfs-mismatch', /^pfs group mismatched: my:(\d+) peer:(\d+)/, MY_PEER, 2)],
  pfs_group: [T('pfs-mismatch', /^pfs_group mismatch\. mine:(\d+) peer:(\d+)/, MY_PEER, 2)],
  encmode: [T('encmode-mismatch', /^encmode mismatched: my:(\S+) peer:(\S+)/, MY_PEER, 2)],
  trns_id: [T('trns-mismatch', /^trns_id mismatched: my:(\S+) peer:(\S+)/, MY_PEER, 2)],
  authtype: [T('authtype-mismatch', /^authtype mismatched: my:(\S+) peer:(\S+)/, MY_PEER, 2)],
  invalied: [T('p1-rejected', /^invalied (encryption|hash) algorithm=(\d+)/, ['attr', 'value'], 1), T('decrypt-failed', /^invalied padding len/, undefined, 1)],
  decryption: [T('decrypt-failed', /^decryption \d+ failed/, undefined, 1)],
  // IKEv1 main mode 5 with such a cipher: `oakley_do_encrypt(): encryption 5 failed.` (5 = 3DES-CBC).
  encryption: [T('encrypt-failed', /^encryption (\d+) failed/, ['alg'], 1)],
  the: [
    T('cert-error', /^the peer's certificate is not verified/, undefined, 1),
    T('peer-retransmit', /^the packet (?:is )?retransmitted (?:by|in a short time from) (\S+?)\.?$/, ['from']),
  ],
  ignore: [
    T('info-no-hash', /^ignore information because the message has no hash payload/),
    T('info-ignored-no-sa', /^ignore information because ISAKMP-SA has not been established/, undefined, 1),
    // Payload type 130 (and 20) is NAT-D: a NAT-T difference. Any other type right after the key
    // exchange is a message decrypted with the wrong key (the PSK differs).
    T('natt-unexpected-payload', /^ignore the packet, received unexpecting payload type (130|20)\b/, ['type']),
    T('payload-invalid', /^ignore the packet, received unexpecting payload type (\d+)/, ['type'], 1),
    T('payload-invalid', /^ignore the packet, expecting the packet encrypted/, undefined, 1, { why: 'plaintext' }),
  ],
  "can't": [
    T('selector-not-found', /^can't find matching selector src=(\S+) dst=(\S+)/, ['src', 'dst'], 2),
    T('p2-failed', /^can't start the quick mode, there is no (?:valid )?ISAKMP-SA/, undefined, 2, { why: 'stale-isakmp-sa' }),
  ],
  address: [T('address-mismatch', /^address mismatch (\S+?)\[\d+\] != (\S+?)\[\d+\]/, ['expected', 'received'], 2)],
  'DPD:': [T('dpd-dead', /^DPD: remote seems to be dead/)],
  DPD: [T('dpd-ack', /^DPD R-U-There-Ack received/), T('dpd-sent', /^DPD R-U-There sent/)],
  unknown: [
    T('unknown-ikev2-peer', /^unknown ikev2 peer/, undefined, 1),
    T('ke-mismatch', /^unknown dh group, dropping a packet with INVALID_KE_PAYLOAD/, undefined, 1),
    T('notify', /^unknown notify message, no phase2 handle found/, undefined, 2, { direction: 'received' }),
    T('info-ignored-no-sa', /^unknown Informational exchange received/),
  ],
  received: [
    // Only CREATE_CHILD_SA logs it: the PFS group of a rekeyed CHILD_SA, not the IKE DH group.
    T('pfs-mismatch', /^received KE type (\d+), ?expected (\d+)/, ['peer', 'my'], 2),
    T('notify', /^received Notify payload protocol (\d+) type (\S+)/, ['protocol', 'type'], undefined, { direction: 'received' }),
    T('delete-received', /^received DELETE (\S+)/, ['what'], 1),
    T('id-mismatch', /^received ID_I \(type (\S+) \[(.*)\]\) does not match peers id/, ['type', 'id'], 1, { which: 'ID_I' }),
    T('id-mismatch', /^received ID_R \(type (\S+) \[(.*)\]\) does not match my id/, ['type', 'id'], 1, { which: 'ID_R' }),
    T('id-payload', /^received (IDci|IDcr)2:/, ['which'], 2),
    T('critical-payload', /^received UNSUPPORTED_CRITICAL_PAYLOAD/),
    T('version-unsupported', /^received IKEv([12]) request but no IKEv[12] configuration for peer (\S+)/, ['version', 'peer'], 1),
    T('info-ignored-no-sa', /^received unencrypted Notify payload, ignored/, undefined, 1),
    T('notify', /^received unknown notification type (\S+?)\.?$/, ['type'], undefined, { direction: 'received' }),
    // Alibaba's error-code table quotes it without the tail (`received Notify type TS_UNACCEPTABLE`).
    T('notify', /^received Notify type ([A-Z_]+)(?:, failed establishing child_sa|\s*$)/, ['type'], 2, { direction: 'received' }),
    T('notify', /^received notify type (\S+)/, ['type'], undefined, { direction: 'received' }),
    T('delete-received', /^received unencrypted Delete payload, ignored/, undefined, undefined, { ignored: 'true' }),
    T('payload-invalid', /^received invalid next payload type/, undefined, 1),
  ],
  ignoring: [T('notify', /^ignoring notification payload \(type (\S+)\) inside unauthenticated response/, ['type'], 1, { direction: 'received' })],
  message: [
    T('ke-missing', /^message lacks KE payload/, undefined, 2),
    T('payload-missing', /^message lacks (\S+) payload/, ['payload']),
    T('info-ignored-no-sa', /^message to a nonexistent ike_sa/),
  ],
  packet: [T('payload-missing', /^packet lacks expected payload/)],
  // Wording of Alibaba's gateway that upstream racoon2 lacks (its error-code table's keywords).
  Unknow: [T('id-mismatch', /^Unknown? peer id/, undefined, 1, { why: 'unknown peer id' })],
  Unknown: [T('id-mismatch', /^Unknown peer id/, undefined, 1, { why: 'unknown peer id' })],
  Parse: [T('id-mismatch', /^Parse PEERID failed/, undefined, 1, { why: 'peer id unreadable' })],
  none: [T('no-proposal', /^none of my proposals? matched/, undefined, 1)],
  retransmission: [T('retransmit-limit', /^retransmission count exceeded the limit/)],
  ICV: [T('decrypt-failed', /^ICV check failure/)],
  authentication: [T('auth-failed', /^authentication failure/, undefined, 1)],
  // isakmp_info_recv_n reads only authenticated Informationals: in IKEv1 that is phase 2.
  notification: [T('notify', /^notification message (\d+):(\S+?), doi=\d+ proto_id=(\d+)/, ['code', 'type', 'proto'], 2, { direction: 'received' })],
  NAT: [T('nat-detected', /^NAT detected: (.+?)\s*$/, ['who'], 1), T('nat-detected', /^NAT detected -> UDP encapsulation/, undefined, 2)],
  invalid: [
    T('payload-invalid', /^invalid length of payload/),
    T('trns-mismatch', /^invalid encryption algorithm (\d+)/, ['my']),
    T('id-mismatch', /^invalid ID payload/, undefined, 1, { why: 'invalid ID payload' }),
    T('trns-mismatch', /^invalid transform-id=(\d+) in (\S+?)\./, ['peer', 'proto'], 2),
  ],
  // ikev2_process_delete: a DELETE payload the peer sent (a request, or its answer to ours).
  delete: [
    T('delete-received', /^delete proto (\S+) spi (\S+)/, ['proto', 'spi'], 2, { what: 'CHILD_SA' }),
    T('notify', /^delete phase1 handle/, undefined, 1, { direction: 'received' }),
  ],
  hashtype: [T('p1-compared', /^hashtype = (.+?):(.+)$/, ['db', 'peer'], 1, { attr: 'hashtype' })],
  enctype: [T('p1-compared', /^enctype = (.+?):(.+)$/, ['db', 'peer'], 1, { attr: 'enctype' })],
  dh_group: [T('p1-compared', /^dh_group = (.+?):(.+)$/, ['db', 'peer'], 1, { attr: 'dh_group' })],
  authmethod: [T('p1-compared', /^authmethod = (.+?):(.+)$/, ['db', 'peer'], 1, { attr: 'authmethod' })],
  '(lifetime': [T('p1-compared', /^\(lifetime = (\d+):(\d+)\)/, ['db', 'peer'], 1, { attr: 'lifetime' })],
  '(encklen': [T('p1-compared', /^\(encklen = (\d+):(\d+)\)/, ['db', 'peer'], 1, { attr: 'encklen' })],
  '#num': [
    T('packet-received', /^(\d+) bytes message received from (\S+)/, ['bytes', 'from']),
    T('packet-sent', /^\d+ times of (\d+) bytes message will be sent to (\S+)/, ['bytes', 'to']),
  ],
};

/**
 * DEBUG dumps whose message starts with no word, keyed by the function that prints them:
 * get_ph2approvalx's `my/peer single bundle:` transforms, one per line.
 */
export const BY_FUNCTION: ReadonlyMap<string, MessageTemplate[]> = new Map([
  ['printsatrns', [T('p2-transform', /\(trns_id=(\S+) encklen=(\d+) authtype=([^)\s]+)\)/, ['trnsId', 'encklen', 'authtype'], 2)]],
]);

/** Templates whose first word varies (prefix before the keyword). Checked with a cheap `includes`. */
export const FLOATING: { keyword: string; template: MessageTemplate }[] = [
  { keyword: 'theirs: ', template: T('p1-proposal-theirs', /theirs: enctype=(.+?) authmethod=(.+?) hashtype (.+?) dh_group (.+)$/, ['enc', 'auth', 'hash', 'dh'], 1) },
  { keyword: 'give up to get IPsec-SA', template: T('p2-timeout', /give up to get IPsec-SA due to time up/, undefined, 2) },
  // Alibaba's gateway (`Decryption failed! mismatch of preshared secrets`, listed for PskMismatch).
  { keyword: 'mismatch of preshared secrets', template: T('decrypt-failed', /mismatch of preshared secrets/, undefined, 1, { why: 'psk' }) },
];

/**
 * racoon2's isakmp_log() prefix `0:LOCAL - REMOTE:0xPTR:` (or `0:? - REMOTE:(nil):`) in front of
 * the message proper. The endpoints it carries are kept.
 */
export const ISAKMP_PREFIX = /^\d+:(\S+) - (\S+):(?:0x[0-9a-f]+|\(nil\)):/;
