// Libreswan pluto message templates (kb/ike-failure-signatures.md and the lab logs) → typed events
// with their variables. Indexed by first word (after the `STATE_…: ` prefix older versions put in
// front, which index.ts strips and keeps); keyword templates catch messages whose start varies.
import { T, classifySendFailure, type Catalog } from '../peer-common/catalog-kit.js';
import * as H0 from './catalog-hooks.js';
import * as C from './config-hooks.js';

const H = { ...H0, ...C };

const V1 = { v: 1 as const };
const V2 = { v: 2 as const };
const NOTIFY = /\b(?:v2N_)?(NO_PROPOSAL_CHOSEN|AUTHENTICATION_FAILED|TS_UNACCEPTABLE|INVALID_ID_INFORMATION|INVALID_KE_PAYLOAD|INVALID_HASH_INFORMATION)\b/;

/** Neither end of the connection is one of the device's own addresses: it cannot tell which end it is. */
const UNORIENTED = T('config-error', /^[Ww]e cannot identify ourselves with either end of this connection\.?(?: +(\S+) or (\S+) are not usable)?/, ['localAddress', 'remoteAddress'], { fixed: { kind: 'orient' } });

export const LIBRESWAN_CATALOG: Catalog = {
  byFirstWord: {
    Starting: [T('daemon-start', /^Starting Pluto \(Libreswan Version (\S+)/, ['version'], { then: H.restart })],
    // Libreswan accepts only subnets as selectors: a range the other end proposes is refused (TS_UNACCEPTABLE follows).
    'non-CIDR': [T('ts-unacceptable', /^non-CIDR Traffic Selector range (\S+) is not supported/, ['range'], { ...V2, phase: 2 })],
    // The other end's authentication verified (its signature, its certificate): a refusal after it is the identity's.
    authenticated: [T(null, /^authenticated using (\S+)/, ['method'], { phase: 1, then: H.peerAuthenticated })],
    certificate: [T(null, /^certificate verified OK/, undefined, { phase: 1, then: H.peerAuthenticated })],
    // `AUTHENTICATION_FAILED: No acceptable ECDSA/RSA-PSS ASN.1 signature hash proposal included for rsasig in I2 Auth Payload`.
    // The peer's certificate verified, but does not carry the ID it sent (`X509: authentication failed; peer
    // certificate subjectAltName extension does not match ID_FQDN '…'`, or it has no subjectAltName at all).
    'X509:': [T('cert-error', /^X509: authentication failed; (.*)$/, ['detail'], { phase: 1, fixed: { reason: 'certificate-id' }, then: H.certRefused })],
    'AUTHENTICATION_FAILED:': [T('cert-error', /^AUTHENTICATION_FAILED: No acceptable (\S+) ASN\.1 signature hash proposal/, ['what'], { ...V2, phase: 1, fixed: { reason: 'signature-hash' } })],
    responding: [
      T('p1-start', /^responding to (Main|Aggressive) Mode(?: from unknown peer (\S+))?/, ['mode', 'remote'], { ...V1, phase: 1, fixed: { role: 'responder' }, then: H.p1Start }),
      T('p2-start', /^responding to Quick Mode proposal/, undefined, { ...V1, phase: 2, fixed: { role: 'responder' } }),
      T('notify', /^responding to (\S+) \(\d+\) message \(Message ID (\d+)\) with (?:unencrypted |encrypted )?notification (\S+)/, ['exchange', 'msgid', 'type'], { ...V2, then: H.notifySent }),
      T('notify', /^responding to (\S+) message \(ID (\d+)\) from (<[^>]*>\S*|\S+) with (?:encrypted |unencrypted )?notification (\S+)/, ['exchange', 'msgid', 'remote', 'type'], { ...V2, then: H.notifySent }),
    ],
    initiating: [
      T('p1-start', /^initiating IKEv2 (?:IKE SA|connection) to replace/, undefined, { ...V2, phase: 1, fixed: { role: 'initiator', rekey: 'true' } }),
      T('p1-start', /^initiating IKEv1 (Main|Aggressive) Mode connection to replace/, ['mode'], { ...V1, phase: 1, fixed: { role: 'initiator', rekey: 'true' }, then: H.p1Start }),
      T('p1-start', /^initiating IKEv2 (?:IKE SA|connection)(?: (?:to|with) (\S+))?/, ['remote'], { ...V2, phase: 1, fixed: { role: 'initiator' }, then: H.p1Start }),
      T('p1-start', /^initiating IKEv1 (Main|Aggressive) Mode connection(?: (?:to|with) (\S+))?/, ['mode', 'remote'], { ...V1, phase: 1, fixed: { role: 'initiator' }, then: H.p1Start }),
      T(null, /^initiating rekey to replace/, undefined, {}),
      T('p1-start', /^initiating (Main|Aggressive) Mode/, ['mode'], { ...V1, phase: 1, fixed: { role: 'initiator' }, then: H.p1Start }),
      T('p1-start', /^initiating v2 parent SA/, undefined, { ...V2, phase: 1, fixed: { role: 'initiator' } }),
      T('p2-start', /^initiating Quick Mode/, undefined, { ...V1, phase: 2, fixed: { role: 'initiator' } }),
      T('p2-start', /^initiating Child SA/, undefined, { ...V2, phase: 2, fixed: { role: 'initiator' } }),
    ],
    Oakley: [T('proposal-received', /^Oakley Transform \[(.+)\] refused/, undefined, { ...V1, phase: 1, then: H.oakleyRefused })],
    no: [
      T('no-proposal', /^no acceptable Oakley Transform/, undefined, { ...V1, phase: 1, then: H.noOakley }),
      T('no-proposal', /^no local proposal matches remote proposals (.+)$/, undefined, { ...V2, then: H.noLocalProposal }),
      // IKEv1 main mode 5: the ID the peer sent matches no connection (Openswan, Libreswan ≤ 4).
      T('id-mismatch', /^no suitable connection for peer '([^']*)'/, ['received'], { phase: 1 }),
      T('no-proposal', /^no acceptable Proposal in IPsec SA/, undefined, { ...V1, phase: 2 }),
      T('cert-error', /^no (?:\S+ )?private key found/, undefined, { phase: 1, fixed: { reason: 'own-key-missing' } }),
    ],
    // A payload dump's notify type (a plutodebug line; see DEBUG_READ in index.ts): selectors
    // refused in either direction mean they differ.
    Notify: [T('notify', /^Notify Message Type: v2N_(TS_UNACCEPTABLE)\b/, ['type'], { ...V2, phase: 2, fixed: { from: 'payload-dump' } })],
    No: [
      T('ts-unacceptable', /^No IKEv2 connection found with compatible Traffic Selectors/, undefined, { ...V2, phase: 2 }),
      T('p2-timeout', /^No acceptable response to our first Quick Mode message/, undefined, { ...V1, phase: 2, fixed: { hint: 'no-proposal' } }),
    ],
    initial: [
      T('no-config', /^initial (Main|Aggressive) Mode message received(?: on (\S+))? but no connection has been authorized(?: with policy (\S+)| with authby=(\S+) and xauth=(\S+))?/, ['mode', 'local', 'policy', 'authby', 'xauth'], { ...V1, phase: 1, then: H.noConnectionV1 }),
      T('no-config', /^initial Main Mode message received but "([^"]*)"\S* forbids connection/, ['conn'], { ...V1, phase: 1 }),
      // IKEv2 (Libreswan 3.x logs it as a debug line).
      T('no-config', /^initial parent SA message received on (\S+) but no connection has been authorized(?: with policy (\S+))?/, ['local', 'policy'], { ...V2, phase: 1, then: H.noConnectionV2 }),
      T('mode-not-acceptable', /^initial Aggressive Mode message from (\S+) but no (?:\(wildcard\) )?connection has been configured with authby (\S+)/, ['remote', 'authby'], { ...V1, phase: 1, fixed: { mode: 'aggressive' }, then: H.remoteFromVars }),
      T('id-mismatch', /^initial Aggressive Mode packet claiming to be from (\S+) on (\S+) but no (?:matching )?connection has been authorized/, ['id', 'remote'], { ...V1, phase: 1 }),
    ],
    authentication: [T('auth-failed', /^authentication failed: (.*?)(?: from peer (ID_\S+) '([^']*)')?\s*$/, ['reason', 'idType', 'remoteId'], { phase: 1 })],
    Failed: [
      T('auth-failed', /^Failed to find our PreShared Key/, undefined, { phase: 1, fixed: { reason: 'no-psk' } }),
      T('cert-error', /^Failed to find our (?:RSA|ECDSA) key/, undefined, { phase: 1, fixed: { reason: 'own-key-missing' } }),
      // 3.x wording: `Failed to add connection "c": ike string error: …`, `… "c", esp="…" is invalid: …`.
      T('config-error', /^Failed to add connection "([^"]*)"[:,] (.*)$/, ['conn', 'why'], { then: H.configRefused }),
    ],
    // `leftcert=` names a certificate the NSS database does not hold: the connection cannot sign.
    left: [T('cert-error', /^left certificate with nickname '([^']*)' was not found/, ['nickname'], { phase: 1, fixed: { reason: 'own-key-missing' } })],
    right: [T('cert-error', /^right certificate with nickname '([^']*)' was not found/, ['nickname'], { phase: 1, fixed: { reason: 'own-key-missing' } })],
    Peer: [
      T('id-mismatch', /^Peer ID '([^']*)' mismatched on first found connection/, ['received'], { phase: 1 }),
      T('id-mismatch', /^Peer mismatch on first found connection and no better connection found/, undefined, { phase: 1 }),
      T(null, /^Peer ID is (\S+): '([^']*)'/, ['idType', 'remoteId']),
    ],
    // Libreswan ≤ 3 capitalises it.
    We: [UNORIENTED],
    we: [
      UNORIENTED,
      T('id-mismatch', /^we require IKEv([12]) peer to have ID '([^']*)', but peer declares '([^']*)'/, ['version', 'expected', 'received'], { phase: 1 }),
      // Openswan and Libreswan ≤ 3 do not name the version.
      T('id-mismatch', /^we require peer to have ID '([^']*)', but peer declares '([^']*)'/, ['expected', 'received'], { phase: 1 }),
      T('pfs-mismatch', /^we require PFS but Quick I1 SA specifies no GROUP_DESCRIPTION/, undefined, { ...V1, phase: 2, fixed: { my: 'enabled', peer: '0' } }),
    ],
    missing: [T('ke-missing', /^missing KE payload in (\S+) message/, ['exchange'], { ...V1, phase: 2 })],
    expecting: [T('pfs-mismatch', /^expecting (\S+) but remote's accepted proposal includes (\S+)/, ['my', 'peer'], { ...V2, phase: 2 })],
    initiator: [
      T('ke-mismatch', /^initiator guessed wrong keying material group \(([^)]*)\); responding with INVALID_KE_PAYLOAD requesting (\S+)/, ['received', 'requested'], { ...V2, then: H.keExchange }),
      T('p1-established', /^initiator rekeyed IKE SA/, undefined, { ...V2, phase: 1, fixed: { rekey: 'true' } }),
      T('p2-established', /^initiator rekeyed Child SA/, undefined, { ...V2, phase: 2, fixed: { rekey: 'true' } }),
    ],
    responder: [
      T('p1-established', /^responder rekeyed IKE SA/, undefined, { ...V2, phase: 1, fixed: { rekey: 'true' } }),
      T('p2-established', /^responder rekeyed Child SA/, undefined, { ...V2, phase: 2, fixed: { rekey: 'true' } }),
    ],
    Received: [T('ke-mismatch', /^Received unauthenticated INVALID_KE_PAYLOAD response to DH (\S+); resending with suggested DH (\S+)/, ['sent', 'requested'], { ...V2, phase: 1, fixed: { recovered: 'true' } })],
    Discarding: [T('ke-mismatch', /^Discarding unauthenticated INVALID_KE_PAYLOAD response to DH (\S+); suggested DH (\S+) is not acceptable/, ['sent', 'requested'], { ...V2, phase: 1 })],
    remote: [T('no-proposal', /^remote accepted the invalid proposal/, undefined, { ...V2, fixed: { direction: 'received' } })],
    encrypted: [T('decrypt-failed', /^encrypted payload seems to be corrupt/, undefined, { phase: 1 })],
    intiating: [T('delete-sent', /^intiating delete/, undefined, { fixed: { what: 'IKE_SA' } })],
    ESP: [T('sa-deleted', /^ESP traffic information: in=(\S+) out=(\S+)/, ['in', 'out'], { phase: 2, fixed: { what: 'CHILD_SA' } })],
    Child: [
      T('ts-unacceptable', /^Child SA's Traffic Selector request \{TSi=([^;}]*);TSr=([^}]*)\} does not match/, ['remoteTs', 'localTs'], { ...V2, phase: 2, then: H.childTs }),
      T(null, /^Child SA proposals \(connection add\)/, undefined, { then: H.listing(2) }),
      T('p2-failed', /^Child SA lost its IKE SA/, undefined, { phase: 2 }),
    ],
    // The exchange is named: a refusal of a rekey (or of a further Child SA) once one Child SA is up is PFS's.
    CREATE_CHILD_SA: [
      T('notify', /^CREATE_CHILD_SA request failed, responder SA processing returned (\S+)/, ['notify'], { ...V2, phase: 2, fixed: { exchange: 'CREATE_CHILD_SA' }, then: H.notifyMapped('sent') }),
      T('notify', /^CREATE_CHILD_SA failed with error notification (\S+)/, ['notify'], { ...V2, phase: 2, fixed: { exchange: 'CREATE_CHILD_SA' }, then: H.notifyMapped('received') }),
    ],
    probable: [T('auth-failed', /^probable authentication failure \(mismatch of preshared secrets\?\)(?::\s*(.*))?/, ['detail'], { ...V1, phase: 1, fixed: { reason: 'psk' }, then: H.ownAuthFailed })],
    Possible: [T('auth-failed', /^Possible authentication failure: no acceptable response to our first encrypted message/, undefined, { phase: 1, fixed: { reason: 'no-response-to-encrypted' }, then: H.unansweredAuth })],
    received: [
      T('auth-failed', /^received Hash Payload does not match computed value/, undefined, { ...V1, phase: 1, fixed: { reason: 'hash-mismatch' } }),
      T('notify', /^received (?:unauthenticated |encrypted |authenticated )?v2N_([A-Z_0-9]+)/, ['notify'], { ...V2, then: H.notifyMapped('received') }),
      T('delete-received', /^received Delete SA(?:\(0x[0-9a-f]+\))? payload: (?:self-)?deleting (ISAKMP|IPsec) State #(\d+)/, ['what', 'serial'], { ...V1, then: H.deleteIn }),
      T('delete-received', /^received Delete SA(?:\(0x[0-9a-f]+\))? payload: replace (IPsec|IPSEC) State #(\d+)/, ['what', 'serial'], { ...V1, then: H.deleteIn }),
      // Libreswan 4.x/5: `#13: received Delete SA payload via #8` (the IPsec SA #13, announced on ISAKMP SA #8).
      T('delete-received', /^received Delete SA payload via #(\d+)/, ['via'], { ...V1, fixed: { what: 'IPsec' }, then: H.deleteIn }),
      T('hash-mismatch', /^received '([^']*)' message HASH\(\d\) data does not match/, ['exchange'], { ...V1, then: H.hashPhase }),
      T('notify', /^received (?:and ignored )?(?:notification|informational) payload:? (?:type )?([A-Z_][A-Z0-9_]+)/, ['notify'], { then: H.notifyMapped('received') }),
    ],
    sending: [T('notify', /^sending (?:encrypted )?notification (\S+) to (\S+)/, ['type', 'remote'], { then: H.notifySent })],
    encountered: [T('p1-failed', /^encountered fatal error in state (\S+)/, ['state'], { then: H.failedInState })],
    deleting: [
      T('sa-deleted', /^deleting (IKE|Child|IPsec) SA \(([^)]*)\)/, ['what', 'state'], { then: H.deletedState }),
      T('p1-timeout', /^deleting incomplete state after ([\d.]+) seconds/, ['seconds'], { then: H.incomplete }),
      T('sa-deleted', /^deleting ([^(]*)\(([A-Z0-9_]+)\)(?: aged ([\d.]+)s)?(?: and (NOT )?sending notification)?/, ['what', 'state', 'aged', 'silent'], { then: H.deletedState }),
    ],
    IKE: [
      T(null, /^IKE SA proposals \(connection add\)/, undefined, { then: H.listing(1) }),
      // 4.x IKEv1 phase 1 (3.x said "ISAKMP SA established"); IKEv2 says "established IKE SA".
      T('p1-established', /^IKE SA established(.*)$/, ['detail'], { ...V1, then: H.establishedSummary(1) }),
      T('auth-failed', /^IKE SA authentication request rejected by peer: (\S+)/, ['notify'], { ...V2, phase: 1, fixed: { direction: 'received' } }),
      T('p2-failed', /^IKE SA established but initiator rejected Child SA response/, undefined, { ...V2, phase: 2 }),
      T(null, /^IKE SA expired/, undefined, { phase: 1 }),
    ],
    IKE_AUTH: [
      T('no-proposal', /^IKE_AUTH responder matching remote ESP\/AH proposals failed, responder SA processing returned (\S+)/, ['notify'], { ...V2, phase: 2, fixed: { direction: 'sent' } }),
      T('notify', /^IKE_AUTH response rejected Child SA with (\S+)/, ['notify'], { ...V2, phase: 2, then: H.notifyMapped('received') }),
      // Only AUTHENTICATION_FAILED refuses the IKE SA in IKE_AUTH; a proposal or selector refusal is the Child SA's.
      T('notify', /^IKE_AUTH response contained the error notification (\S+)/, ['notify'], { ...V2, then: H.ikeAuthRefusal }),
      T('p2-failed', /^IKE_AUTH response missing v2SA, v2TSi or v2TSr/, undefined, { ...V2, phase: 2 }),
    ],
    Quick: [
      T('p2-failed', /^Quick Mode message is unacceptable because it is for an incomplete ISAKMP SA/, undefined, { ...V1, phase: 2 }),
      // Libreswan 5: `Quick Mode request rejected, peer requested lease but proposed local selector X does not match connection Y`.
      T('ts-unacceptable', /^Quick Mode request rejected,.*? (local|remote) selector (\S+) does not match connection (\S+?);?(?: |$)/, ['which', 'proposed', 'configured'], { ...V1, phase: 2 }),
    ],
    phase2: [T('p2-failed', /^phase2 initiation failed because parent ISAKMP #\d+ is gone/, undefined, { ...V1, phase: 2 })],
    connection: [T('cert-error', /^connection \S+ private key not found/, undefined, { phase: 1, fixed: { reason: 'own-key-missing' } })],
    unable: [T('cert-error', /^unable to locate my private key/, undefined, { phase: 1, fixed: { reason: 'own-key-missing' } })],
    // NSS holds no key (or certificate) under the connection's `leftcert`/CKA_ID.
    "Can't": [T('cert-error', /^Can't find the certificate or private key from the NSS/, undefined, { phase: 1, fixed: { reason: 'own-key-missing' } })],
    '#num': [T('proposal-configured', /^(\d+):(IKE|ESP|AH)=(\S+)/, undefined, { then: H.configuredLine })],
    added: [
      T(null, /^added (?:oriented )?IKEv([12]) connection/, ['version'], { then: H.connectionAdded }),
      // Libreswan 5 says at load time what older ones say only when the connection is brought up.
      T('config-error', /^added unoriented IKEv([12]) connection(?: \(neither left=(\S+) nor right=(\S+) match an interface\))?/, ['version', 'localAddress', 'remoteAddress'], { fixed: { kind: 'orient' }, then: H.connectionAdded }),
    ],
    // The interface appeared: the connection unoriented until now can be used.
    oriented: [T('connection-oriented', /^oriented IKEv[12] connection \(local: left=(\S+) remote: right=(\S+)\)/, ['localAddress', 'remoteAddress'])],
    failed: [T('config-error', /^failed to add connection: (.*)$/, ['why'], { then: H.configRefused })],
    cannot: [T('ts-unacceptable', /^cannot respond to IPsec SA request because no connection is known for (.+)$/, ['selectors'], { ...V1, phase: 2 })],
    proposal: [T('proposal-selected', /^proposal (\S+) chosen from remote proposals (.+)$/, undefined, { ...V2, then: H.selected })],
    dropping: [T('message-invalid', /^dropping (.*)$/, ['what'], { then: H.dropping })],
    global: [T('version-unsupported', /^global ikev1-policy=drop does not allow IKEv1 connections/, undefined, { ...V1, phase: 1, fixed: { version: '1' } })],
    ignoring: [
      T('version-unsupported', /^ignoring IKEv1 packet as policy is set to/, undefined, { phase: 1, fixed: { version: '1' } }),
      T('notify', /^ignoring (?:informational|notification) payload,? (?:type )?([A-Z_][A-Z0-9_]+)/, ['notify'], { then: H.notifyMapped('received') }),
    ],
    rejecting: [T('version-unsupported', /^rejecting IKEv1 packet as policy is set to/, undefined, { phase: 1, fixed: { version: '1' } })],
    next: [T('payload-invalid', /^next payload type of ISAKMP Hash Payload has an unknown value/, undefined, { ...V1, phase: 1 })],
    malformed: [T('payload-invalid', /^malformed payload in packet/, undefined, { phase: 1 })],
    // IKEv2 responder whose connection is `type=transport` (or tunnel) answering the other mode.
    // The device's own refusal: no my/peer variables, whose sense is the gateway's in racoon2's event.
    policy: [T('encmode-mismatch', /^policy dictates (?:Transport|Tunnel) Mode, but peer requested (?:Tunnel|Transport) Mode/, undefined, { ...V2, phase: 2 })],
    'NAT-Traversal:': [T('nat-detected', /^NAT-Traversal: Result using .*?: (.*)$/, ['result'], { phase: 1, then: H.natResult })],
    'DPD:': [T('dpd-dead', /^DPD: No response from peer - declaring peer dead/)],
    DPD: [T('dpd-dead', /^DPD action - (.*)$/, ['action'])],
    liveness: [T('dpd-dead', /^liveness action - (.*)$/, ['action'], V2)],
    // Openswan pastes keep two blanks (`ISAKMP SA  established`).
    ISAKMP: [T('p1-established', /^ISAKMP SA +established(.*)$/, ['detail'], { ...V1, then: H.establishedSummary(1) })],
    IPsec: [T('p2-established', /^IPsec SA +established(.*)$/, ['detail'], { then: H.establishedSummary(2) })],
    negotiated: [T(null, /^negotiated connection \[([^\]]+)\] -> \[([^\]]+)\]/, ['localTs', 'remoteTs'], { then: H.negotiated })],
    // IKEv1 main mode 5 with a certificate (`I am sending a certificate request` is not one).
    I: [T(null, /^I am sending my cert/, undefined, { then: H.ownAuth })],
    sent: [
      T(null, /^sent IKE_AUTH (?:request|response) (?:to \S+ )?with (.+?) and \S+ '/, ['method'], { then: H.ownAuth }),
      // The responder's first answer carries the transform it accepted (`STATE_MAIN_R1: sent MR1, …` before 4.0).
      T('proposal-selected', /^sent (?:Main Mode R1|MR1|Aggressive Mode R1|AR1)\b/, undefined, { ...V1, phase: 1 }),
      T(null, /^sent (?:IKE_SA_INIT|Main Mode|MI1|v2I1) (?:request|reply)?(?: to (\S+))?/, ['remote'], { then: H.remoteFromVars }),
    ],
  },
  floating: [
    // `sendto on eth0 to 198.51.100.1:500 failed in main_outI1. Errno 101: Network is unreachable` (3.x),
    // `ERROR: "c" #3: send on eth3 from A to B using UDP failed in delete IKE SA: Network is unreachable (errno 101)` (4.x and later).
    { keyword: ' failed in ', template: T('send-failed', /\bsend(?:to)? on (\S+) (?:from \S+ )?to (\S+)(?: using \S+)? failed in (.+?)[.:] (?:Errno \d+: )?(.+?)(?: \(errno \d+\))?$/, ['iface', 'to', 'where', 'reason'], { then: classifySendFailure }) },
    // An ICMP error the network sent back for a packet this end sent: `ERROR: asynchronous network
    // error report on eth0 (A:500), complainant B: No route to host [errno 113, origin ICMP type 3 code 1 …]`.
    { keyword: 'asynchronous network error report', template: T('send-failed', /asynchronous network error report on (\S+) \(([^)]*)\)\S*, complainant (\S+): ([^[]+?)\s*\[/, ['iface', 'local', 'complainant', 'reason'], { fixed: { icmp: 'true' }, then: classifySendFailure }) },
    // `ipsec auto --status` / whack: `#20: "conn":500 STATE_MAIN_I1 (sent MI1, expecting MR1); EVENT_RETRANSMIT in 4s`
    // (3.2x names the event per IKE version: `EVENT_v1_RETRANSMIT`, `EVENT_v2_RETRANSMIT`).
    { keyword: 'RETRANSMIT in ', template: T('retransmit', /^#(\d+): "[^"]+"\S* (STATE_\S+|\S+_[IR]\d?) \(([^)]*)\); EVENT_(?:v[12]_)?RETRANSMIT/, ['serial', 'state', 'what'], { fixed: { status: 'true' } }) },
    // The same listing for an SA that is up: `#2: "conn/0x1":4500 STATE_QUICK_I2 (sent QI2, IPsec SA established); EVENT_SA_REPLACE in 734s`.
    { keyword: 'SA established)', template: T('p2-established', /^#(\d+): "[^"]+"\S* (STATE_QUICK_[IR]\d) \((?:sent Q[IR]\d, )?IPsec SA established\)/, ['serial', 'state'], { ...V1, phase: 2, fixed: { status: 'true' } }) },
    { keyword: 'SA established)', template: T('p1-established', /^#(\d+): "[^"]+"\S* (STATE_(?:MAIN|AGGR)_[IR]\d) \((?:sent [MA][IR]\d, )?ISAKMP SA established\)/, ['serial', 'state'], { ...V1, phase: 1, fixed: { status: 'true' } }) },
    { keyword: 'retransmission; will wait', template: T('retransmit', /retransmission; will wait ([\d.]+)/, ['wait']) },
    { keyword: 'max number of retransmissions', template: T('retransmit-limit', /max number of retransmissions \((\d+)\) reached after ([\d.]+) seconds/, ['retransmits', 'seconds'], { then: H.gaveUp }) },
    { keyword: 'second timeout exceeded after', template: T('retransmit-limit', /(\d+) second timeout exceeded after (\d+) retransmits/, ['seconds', 'retransmits'], { then: H.gaveUp }) },
    { keyword: 'responding with TS_UNACCEPTABLE', template: T('ts-unacceptable', /^(.*?) does not match/, ['selectors'], { phase: 2 }) },
    { keyword: 'but no suitable connection found with IKEv2 policy', template: T('no-config', /^(\S+) message received on (\S+) but no suitable connection found with IKEv2 policy/, ['exchange', 'local'], { ...V2, phase: 1, then: H.noConnectionV2 }) },
    { keyword: 'no suitable connection', template: T('no-config', /no suitable connection/, undefined, { phase: 1 }) },
    { keyword: "subnet returned doesn't match my proposal", template: T('ts-unacceptable', /^(\S+) subnet returned doesn't match my proposal - us: (\S+) vs them: (\S+)/, ['which', 'localTs', 'remoteTs'], { ...V1, phase: 2 }) },
    { keyword: ' SA expired (', template: T('sa-expired', /^(IKE|ISAKMP|IPsec|Child) SA expired/, ['what'], { then: H.expiredPhase }) },
    { keyword: 'EXPIRE for', template: T('sa-expired', /^received (\S+) EXPIRE for/, ['kind'], { phase: 2 }) },
    // Openswan and Libreswan ≤ 3: `STATE_QUICK_I2: sent QI2, IPsec SA established tunnel mode {…}`, `STATE_MAIN_R3: sent MR3, ISAKMP SA established {…}`.
    { keyword: 'IPsec SA ', template: T('p2-established', /^sent Q[IR]\d, IPsec SA +established(.*)$/, ['detail'], { then: H.establishedSummary(2) }) },
    { keyword: 'ISAKMP SA ', template: T('p1-established', /^sent M[IR]\d, ISAKMP SA +established(.*)$/, ['detail'], { then: H.establishedSummary(1) }) },
    { keyword: 'netlink response for', template: T('install-failed', /netlink response for (.*)$/, ['what']) },
    { keyword: 'established IKE SA', template: T('p1-established', /established IKE SA(.*)$/, ['detail'], { ...V2, then: H.establishedSummary(1) }) },
    { keyword: 'SA established', template: T('p1-established', /(?:IKE|PARENT|parent) SA established(.*)$/, ['detail'], { ...V2, then: H.establishedSummary(1) }) },
    { keyword: 'established Child SA', template: T('p2-established', /established Child SA(.*)$/, ['detail'], { ...V2, then: H.establishedSummary(2) }) },
    { keyword: 'declaring peer dead', template: T('dpd-dead', /declaring peer dead/) },
    // This end's check of the other end's certificate (NSS: expired, revoked, …): the refusal it
    // sends next (INVALID_ID_INFORMATION, AUTHENTICATION_FAILED) only reports it.
    { keyword: 'certificate', template: T('cert-error', /certificate.*\b(?:rejected|expired|revoked|invalid|not yet valid|failed)\b/i, undefined, { phase: 1, then: H.certRefused }) },
    { keyword: '_', template: T('notify', NOTIFY, ['notify'], { then: H.notifyGuess }) },
  ],
};
