// The event vocabulary shared by every dialect's message catalogue. Rules and facts key on these
// ids, never on raw wording, so a strongSwan line and a racoon2 line meaning the same thing
// produce the same event (distinguished by the record's `side`).

/** Event id → what it means. Variables each event carries are listed in brackets. */
export const EVENT_TYPES = {
  'daemon-start': 'The IKE daemon started (startup chatter follows).',
  'p1-start': 'A phase-1 (IKE SA) negotiation begins [role=initiator|responder, local, remote].',
  'p1-mode': 'IKEv1 exchange mode chosen [mode=main|aggressive].',
  'p1-established': 'Phase 1 (ISAKMP/IKE SA) established.',
  'p1-timeout': 'Phase 1 gave up after retransmissions (racoon2 "phase1 negotiation failed due to time up") [peerCookie: the responder cookie, when the line names it; zeros = the peer never answered].',
  'p1-failed': 'Phase 1 failed, reason given elsewhere.',
  'p1-resend': 'A phase-1 packet was retransmitted [count].',
  'p1-proposal-ours': 'racoon2 prints "ours:" proposal (the peer\'s values when racoon2 responds) [enc, hash, dh, auth].',
  'p1-proposal-theirs': 'racoon2 prints "theirs:" proposal (the local config when racoon2 responds) [enc, hash, dh, auth].',
  'p1-compared': 'racoon2 "Compared: DB:Peer" line for one attribute [attr, db, peer].',
  'p1-rejected': 'A phase-1 attribute was rejected [attr=hashtype|enctype|dh_group|authmethod].',
  'p1-attr': 'Phase-1 transform attribute as parsed from a packet [attr, value].',
  'no-proposal': 'No acceptable proposal (phase given by record.phase).',
  'proposal-received': 'Peer daemons: the proposals the other side offered [proposals, phase].',
  'proposal-configured': 'Peer daemons: the proposals configured locally [proposals, phase].',
  'mode-not-acceptable': 'The exchange mode is not acceptable [mode].',
  'exchange-mismatch': 'Exchange type differs from the configured one [db, packet].',
  'id-type-unacceptable': 'ID type not acceptable in main mode [type].',
  'id-mismatch': 'Peer identity does not match the configured one [id, which].',
  'hash-mismatch': 'HASH payload mismatched (PSK or identity).',
  'payload-invalid': 'A decrypted payload could not be parsed: keys differ (PSK).',
  'decrypt-failed': 'Decryption or integrity check of an encrypted message failed.',
  'encrypt-failed': "This end could not encrypt its own message with the negotiated cipher (its crypto library lacks it) [alg: the IKEv1 attribute's number].",
  'info-ignored-no-sa': 'Peer sent an unencrypted informational before phase 1 completed.',
  'info-no-hash': 'Informational without HASH payload ignored (DPD payload order).',
  'notify': 'A notification was received [type, direction=received|sent].',
  'packet-received': 'An IKE packet arrived [from, bytes].',
  'packet-sent': 'An IKE packet was sent [to, bytes].',
  'unknown-ikev2-peer': 'IKEv2 packet from a peer with no IKEv2 configuration.',
  'no-config': 'The daemon has no connection for this peer [local, remote].',
  'ke-mismatch': 'KE payload group differs [received, expected].',
  'ke-missing': 'Message lacks the KE payload (PFS on one side only).',
  'payload-missing': 'Message lacks a required payload [payload].',
  'retransmit': 'A request was retransmitted [count, msgid].',
  'retransmit-limit': 'Retransmission limit reached, giving up.',
  'auth-failed': 'Authentication failed (AUTH payload / PSK / identity).',
  'nat-detected': 'NAT detected between the two ends [who].',
  'natt-unexpected-payload': 'Unexpected NAT-D payload type [type].',
  'p2-start': 'A phase-2 (IPsec SA / CHILD SA) negotiation begins [role, local, remote].',
  'p2-established': 'Phase 2 (IPsec SA) established [spi].',
  'p2-timeout': 'Phase 2 gave up waiting.',
  'p2-wait-p1-timeout': 'Phase 2 gave up waiting for phase 1.',
  'p2-failed': 'Phase 2 failed, reason given elsewhere.',
  'pfs-mismatch': 'PFS group differs [my, peer].',
  'lifetime-mismatch': 'Proposed SA lifetime longer than allowed [my, peer, unit].',
  'trns-mismatch': 'ESP transform (encryption) differs [my, peer].',
  'p2-transform': "racoon2's DEBUG dump of one ESP transform of a bundle, its own or the peer's (`(trns_id=AES encklen=128 authtype=hmac-sha256)`): the key length `trns_id mismatched` leaves out [trnsId, encklen, authtype].",
  'authtype-mismatch': 'ESP authentication algorithm differs [my, peer].',
  'proto-mismatch': 'Security protocol differs (ESP/AH) [my, peer].',
  'encmode-mismatch': 'Encapsulation mode differs [my, peer].',
  'selector-not-found': 'No policy/selector matches the proposed traffic [src, dst].',
  'address-mismatch': 'A proposed traffic-selector address differs from the configured one [expected, received].',
  'id-payload': 'A phase-2 ID payload decoded [which=IDci|IDcr, subnet].',
  'ts-unacceptable': 'Traffic selectors unacceptable / INVALID_ID_INFORMATION.',
  'traffic-outside-sa': 'A packet decrypted from an SA lies outside its selectors: the other end encrypts traffic they do not name [src, dst, localProxy, remoteProxy].',
  'dpd-dead': 'Dead peer detection declared the peer dead.',
  'dpd-sent': 'A DPD R-U-THERE was sent.',
  'dpd-ack': 'A DPD acknowledgement was received.',
  'delete-received': 'The other side sent a delete notification [what].',
  'sa-expired': 'An SA expired (normal rekey).',
  'sa-deleted': 'An SA was deleted.',
  'peer-address-unexpected': 'A packet came from an address other than the configured peer [address].',
  'critical-payload': 'UNSUPPORTED_CRITICAL_PAYLOAD error.',
  'commit-bit': 'IKEv1 commit bit set by the peer.',
  'cert-error': 'Certificate validation failed.',
  'proposal-selected': 'Peer daemons: the proposal both ends agreed on [proposals, normalized, phase].',
  'transform-unacceptable': 'strongSwan "no acceptable <TRANSFORM> found": which transform type of one offered proposal failed, a trace of the selection (another proposal may match) [transform, kind].',
  'proposal-matched': 'strongSwan "proposal matches": a proposal of the offer was acceptable (the selection succeeded).',
  'peer-retransmit': "The other end retransmitted a message the device had already answered: it did not accept the device's next message (IKEv1 main mode 5: PSK or ID mismatch) [msgid].",
  'message-invalid': 'A message failed verification or parsing (malformed, interoperability) [why].',
  'version-unsupported': 'The device does not accept the IKE version the other end speaks [version].',
  'install-failed': 'The kernel refused an SA, policy or route the device negotiated [what].',
  'lifetime-differs': 'The other end proposed another lifetime and this side adopted one of them: not a failure [my, peer, unit].',
  'config-error': 'The daemon refused its own configuration: a connection was not loaded, or cannot be used because neither end\'s address is on the device (kind orient) [why, parameter, value, localAddress, remoteAddress, kind=ike|esp|pfs|orient|other].',
  'connection-oriented': 'A connection left unoriented (neither end\'s address on the device) was oriented later, once its address appeared (Libreswan `oriented IKEv1 connection (local: …)`) [localAddress, remoteAddress].',
  'sa-state': 'racoon2 IKEv2 state change not otherwise meaningful [from, to].',
  'delete-sent': 'This side sent a delete notification [what].',
  'reauth-start': 'This side begins reauthenticating its IKE SA (strongSwan `reauth_time`, ipsec.conf `reauth=yes`): it deletes the IKE SA, then negotiates a new one; that delete is not a loss.',
  'daemon-stop': 'The IKE daemon is shutting down (it deletes its SAs first).',
  'ts-narrowed': 'The device accepted the other end\'s traffic selectors by narrowing them to a subset of its own (FortiGate "phase2 matched by subset"): not a failure, the subnets differ [localTs, remoteTs].',
  'send-failed': 'The device could not send an IKE packet at all ("Network is unreachable": no route to the other end) [why].',
  'passive-mode': 'The device is set never to initiate and only answers (FortiGate passive-mode): it ignored a request to negotiate.',
} as const;

export type EventType = keyof typeof EVENT_TYPES;

export function isKnownEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_TYPES, type);
}

/** IKE error notify types (values < 16384) as the daemons spell them. */
const ERROR_NOTIFY = /^(?:v2N_)?(?:NO_PROPOSAL_CHOSEN|AUTHENTICATION_FAILED|TS_UNACCEPTABLE|INVALID_ID_INFORMATION|INVALID_KE_PAYLOAD|INVALID_SYNTAX|INVALID_MAJOR_VERSION|UNSUPPORTED_CRITICAL_PAYLOAD|INVALID_HASH_INFORMATION|INVALID_SPI|INVALID_IKE_SPI|INVALID_MESSAGE_ID|PAYLOAD_MALFORMED|SINGLE_PAIR_REQUIRED|NO_ADDITIONAL_SAS|INTERNAL_ADDRESS_FAILURE|FAILED_CP_REQUIRED|INVALID_SELECTORS|TEMPORARY_FAILURE|CHILD_SA_NOT_FOUND|INVALID_CERTIFICATE|CERTIFICATE_UNAVAILABLE|INVALID_CERT_AUTHORITY|ATTRIBUTES_NOT_SUPPORTED|UNACCEPTABLE_ADDRESSES|UNEXPECTED_NAT_DETECTED|INVALID_EXCHANGE_TYPE)$/;

export function isErrorNotify(type: string | undefined): boolean {
  return type !== undefined && ERROR_NOTIFY.test(type);
}
