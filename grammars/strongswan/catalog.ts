// strongSwan charon message templates (kb/ike-failure-signatures.md and the lab logs) → typed
// events with their variables. Indexed by first word; the hooks in catalog-hooks.ts read and feed
// the per-IKE_SA state (phase, DPD in flight, proposal lists seen) the events need.
import { T, classifySendFailure, type Catalog } from '../peer-common/catalog-kit.js';
import * as H from './catalog-hooks.js';

const V1 = { v: 1 as const };
const PROPOSAL = '(?:IKE|ESP|AH):[A-Z0-9_]+(?:/[A-Z0-9_]+)*';
/** One or more proposals and nothing else on the line (a trailing comma when the list goes on). */
const BARE_LIST = new RegExp(`^(${PROPOSAL}(?:, ?${PROPOSAL})*),?\\s*$`);
const V2 = { v: 2 as const };

export const STRONGSWAN_CATALOG: Catalog = {
  byFirstWord: {
    // The socket refused the packet: no route, a local address not on the device, its own firewall.
    error: [T('send-failed', /^error writing to socket: (.+)$/, ['reason'], { then: classifySendFailure })],
    received: [
      T('packet-received', /^received packet: from (\S+) to (\S+) \((\d+) bytes\)/, ['from', 'to', 'bytes'], { then: H.packetIn }),
      T('proposal-received', /^received proposals: (.+)$/, undefined, { then: H.proposals('received') }),
      T('no-proposal', /^received proposals unacceptable/, undefined, { ...V2, then: H.noProposal }),
      T('notify', /^received (\S+) notify error$/, ['notify'], { ...V2, fixed: { direction: 'received' }, then: H.notifyError }),
      T('notify', /^received (\S+) error notify$/, ['notify'], { ...V1, fixed: { direction: 'received' }, then: H.notifyError }),
      // Alibaba Cloud's older (strongSwan-based) gateways print this spelling; their FAQ lists it,
      // with AUTHENTICATION_FAILED, for main and aggressive mode configured differently.
      T('notify', /^received (\S+) error notifyed$/, ['notify'], { ...V1, fixed: { direction: 'received', wording: 'notifyed' }, then: H.notifyWording }),
      T('notify', /^received (\S+) notify, no CHILD_SA built/, ['notify'], { ...V2, phase: 2, fixed: { direction: 'received' }, then: H.notifyError }),
      T('delete-received', /^received DELETE for (?:unknown )?(IKE_SA|(?:ESP |AH )?CHILD_SA) (.*)$/, ['what', 'detail'], { then: H.deleteIn }),
      T('delete-received', /^received DELETE for different IKE_SA, ignored/, undefined, { fixed: { what: 'IKE_SA', ignored: 'true' } }),
      T('peer-retransmit', /^received retransmit of (request|response) with ID (\d+)/, ['kind', 'msgid'], { then: H.peerRetransmit }),
      // strongSwan adopts the other end's IKEv1 lifetime: a difference, not a failure.
      T('lifetime-differs', /^received (\d+)s lifetime, configured (\d+)s/, ['peer', 'my'], { ...V1, fixed: { unit: 's' }, then: H.phaseFromExchange }),
      T('lifetime-differs', /^received lifetime (\d+)s does not match configured lifetime (\d+)s/, ['peer', 'my'], { ...V1, fixed: { unit: 's' }, then: H.phaseFromExchange }),
      T('lifetime-differs', /^received (\d+) lifebytes, configured (\d+)/, ['peer', 'my'], { ...V1, phase: 2, fixed: { unit: 'bytes' } }),
      T('hash-mismatch', /^received HASH payload does not match/, undefined, { ...V1, then: H.phaseFromState }),
      T('p2-failed', /^received (?:quick mode|CREATE_CHILD_SA) request for unestablished IKE_SA/, undefined, { phase: 2, fixed: { why: 'phase1-not-established' } }),
      T('id-mismatch', /^received IDr (\S+), but require (\S+)/, ['received', 'expected'], { ...V2, phase: 1 }),
      T('notify', /^received (\S+) notify, will retry later/, ['notify'], { phase: 2, fixed: { direction: 'received' }, then: H.notifyError }),
      T('message-invalid', /^received message ID (\d+), expected (\d+)/, ['msgid', 'expected'], { fixed: { why: 'msgid' } }),
      T('info-ignored-no-sa', /^received unencrypted informational/, undefined, { ...V1 }),
      T('version-unsupported', /^received unsupported IKE version (\S+) from (\S+)/, ['version', 'from'], { phase: 1 }),
      T('ke-mismatch', /^received KE type (\S+), expected (\S+)/, ['received', 'expected']),
    ],
    sending: [
      T('packet-sent', /^sending packet: from (\S+) to (\S+) \((\d+) bytes\)/, ['from', 'to', 'bytes'], { then: H.packetOut }),
      T('retransmit', /^sending retransmit (\d+) of (request|response) message ID (\d+), seq (\d+)/, ['count', 'kind', 'msgid', 'seq'], { ...V1, then: H.retransmitV1 }),
      T('dpd-sent', /^sending DPD request/, undefined, { then: H.dpdOut }),
      T('delete-sent', /^sending DELETE for (IKE_SA|(?:ESP |AH )?CHILD_SA)(.*)$/, ['what', 'detail'], { then: H.deleteOut }),
      T(null, /^sending end entity cert/, undefined, { then: H.ownCertificate }),
    ],
    retransmit: [T('retransmit', /^retransmit (\d+) of (request|response) with message ID (\d+)/, ['count', 'kind', 'msgid'], { ...V2, then: H.retransmitV2 })],
    giving: [T('retransmit-limit', /^giving up after (\d+) retransmits/, ['retransmits'], { then: H.givingUp })],
    peer: [
      T('retransmit-limit', /^peer not responding, trying again \((\d+)\/(\d+)\)/, ['try', 'max'], { phase: 1 }),
      // `my` is always the device's group, `peer` the gateway's (what the message calls requested or received).
      T('ke-mismatch', /^peer didn't accept (?:DH group|key exchange method) (\S+), it requested (\S+)/, ['my', 'peer'], { then: H.keExchange }),
      T('auth-failed', /^peer authentication failed/, undefined, { phase: 1 }),
      T('no-proposal', /^peers proposal selection invalid/, undefined, { phase: 1, fixed: { direction: 'received' } }),
      T('p2-timeout', /^peer did not initiate expected exchange/, undefined, { phase: 2 }),
      T('ts-unacceptable', /^peer selected invalid traffic selectors: (.*)$/, ['detail'], { ...V1, phase: 2 }),
      T('cert-error', /^peer certificate (.*)$/, ['detail'], { phase: 1 }),
    ],
    establishing: [
      T('p1-timeout', /^establishing IKE_SA failed, peer not responding/, undefined, { phase: 1 }),
      T('p1-failed', /^establishing IKE_SA failed/, undefined, { phase: 1 }),
      T('p2-start', /^establishing CHILD_SA (\S+?)(?:\{(\d+)\})?(?: |$)/, ['child', 'childId'], { phase: 2, fixed: { role: 'initiator' } }),
    ],
    initiating: [T('p1-start', /^initiating (?:(Main|Aggressive) Mode )?IKE_SA (\S+?)\[(\d+)\] to (\S+)/, ['mode', 'name', 'id', 'remote'], { phase: 1, fixed: { role: 'initiator' }, then: H.p1Start })],
    IKE_SA: [
      T('p1-established', /^IKE_SA (\S+?)\[(\d+)\] established between (\S+?)\[([^\]]*)\]\.\.\.(\S+?)\[([^\]]*)\]/, ['name', 'id', 'local', 'localId', 'remote', 'remoteId'], { phase: 1, then: H.p1Up }),
      T('sa-deleted', /^IKE_SA deleted/, undefined, { phase: 1, then: H.p1Down }),
      T('p1-established', /^IKE_SA (\S+?)\[(\d+)\] rekeyed between (\S+?)\[([^\]]*)\]\.\.\.(\S+?)\[([^\]]*)\]/, ['name', 'id', 'local', 'localId', 'remote', 'remoteId'], { phase: 1, fixed: { rekey: 'true' }, then: H.p1Up }),
      T('p1-failed', /^IKE_SA rekeying failed/, undefined, { phase: 1, fixed: { why: 'rekey' } }),
      T('p1-established', /^IKE_SA reauthentication completed/, undefined, { phase: 1, fixed: { rekey: 'true' }, then: H.p1Up }),
    ],
    // `CHILD_SA con4{97} state change: REKEYING => REKEYED`: the rekey went through (a new CHILD_SA is up).
    CHILD_SA: [
      T('p2-established', /^CHILD_SA (\S+?)\{(\d+)\} state change: REKEYING => REKEYED/, ['child', 'childId'], { phase: 2, fixed: { rekey: 'true' }, then: H.childUp }),
      T('p2-established', /^CHILD_SA (\S+?)\{(\d+)\} established with SPIs (\S+?)_i (\S+?)_o and TS (.+?) === (.+)$/, ['child', 'childId', 'spi', 'spiOut', 'localTs', 'remoteTs'], { phase: 2, then: H.childUp }),
      T('p2-established', /^CHILD_SA (\S+?)\{(\d+)\} established/, ['child', 'childId'], { phase: 2 }),
      T('p2-failed', /^CHILD_SA rekeying failed/, undefined, { phase: 2, fixed: { why: 'rekey' } }),
    ],
    configured: [T('proposal-configured', /^configured proposals: (.+)$/, undefined, { then: H.proposals('configured') })],
    no: [
      T('no-config', /^no IKE config found for (\S+?)\.\.\.(\S+?), sending NO_PROPOSAL_CHOSEN/, ['local', 'remote'], { phase: 1, then: H.endpointsFromVars }),
      T('no-proposal', /^no acceptable proposal found/, undefined, { then: H.noProposal }),
      T('no-proposal', /^no proposal found/, undefined, { ...V1, phase: 1, then: H.noProposal }),
      T('no-proposal', /^no matching proposal found, sending NO_PROPOSAL_CHOSEN/, undefined, { ...V1, phase: 2, then: H.noProposal }),
      T('no-proposal', /^no matching proposal found/, undefined, { ...V1, phase: 2, fixed: { direction: 'received' }, then: H.noProposal }),
      T('ts-unacceptable', /^no acceptable traffic selectors found/, undefined, { phase: 2 }),
      T('auth-failed', /^no shared key found for '?([^'[]*)'?(?:\[[^\]]*\])? - '?([^'[]*)'?/, ['localId', 'remoteId'], { phase: 1, fixed: { reason: 'no-shared-key' } }),
      T('cert-error', /^no (?:\S+ )?private key found for '([^']*)'/, ['id'], { phase: 1, fixed: { reason: 'own-key-missing' } }),
      T('transform-unacceptable', /^no acceptable (ENCRYPTION_ALGORITHM|INTEGRITY_ALGORITHM|PSEUDO_RANDOM_FUNCTION|DIFFIE_HELLMAN_GROUP|KEY_EXCHANGE_METHOD|EXTENDED_SEQUENCE_NUMBERS|ADDITIONAL_KEY_EXCHANGE_\d) found/, ['transform'], { then: H.transform }),
      T('id-mismatch', /^no matching peer config found/, undefined, { ...V2, phase: 1, fixed: { reason: 'no-peer-config' }, then: H.lookupIds }),
      T('id-mismatch', /^no peer config found/, undefined, { ...V1, phase: 1, fixed: { reason: 'no-peer-config' }, then: H.lookupIds }),

      T('ts-unacceptable', /^no matching CHILD_SA config found/, undefined, { ...V1, phase: 2, then: H.childLookup }),
      T('cert-error', /^no trusted (\S+) public key found for '([^']*)'/, ['keyType', 'id'], { phase: 1 }),

    ],
    tried: [T('auth-failed', /^tried (\d+) shared keys? for '([^']*)' - '([^']*)', but MAC mismatched/, ['keys', 'localId', 'remoteId'], { ...V2, phase: 1, fixed: { reason: 'mac-mismatch' }, then: H.sameIdentities })],
    invalid: [T('decrypt-failed', /^invalid (HASH_V1|ID_V1) payload length, decryption failed\?/, ['payload'], { ...V1, phase: 1, then: H.ownAuthFailed })],
    could: [T('decrypt-failed', /^could not decrypt payloads/, undefined, { ...V1, then: H.phaseFromState })],
    message: [
      T('payload-invalid', /^message parsing failed/, undefined, { then: H.phaseFromState }),
      T('message-invalid', /^message verification failed/, undefined, { fixed: { why: 'verification' } }),
    ],
    parsing: [T('message-invalid', /^parsing IKE (header|message) from (\S+) failed/, ['what', 'from'])],
    traffic: [T('ts-unacceptable', /^traffic selectors (.+?) === (.+?) unacceptable/, ['localTs', 'remoteTs'], { ...V2, phase: 2, then: H.tsVars })],
    TS: [T('ts-unacceptable', /^TS payloads missing in message/, undefined, { ...V2, phase: 2 })],
    proposal: [T('proposal-matched', /^proposal matches$/)],
    selected: [
      T('proposal-selected', /^selected proposal: (.+)$/, undefined, { then: H.proposals('selected') }),
      T('id-mismatch', /^selected peer config '([^']*)' unacceptable: (.*)$/, ['peerConfig', 'why'], { phase: 1 }),
      T(null, /^selected peer config '?"?([^'"]+)/, ['peerConfig']),
    ],
    failed: [
      T('p2-failed', /^failed to establish CHILD_SA, keeping IKE_SA/, undefined, { phase: 2 }),
      // kernel-libipsec (userspace ESP) refusing an SA: printed at every log level, where the
      // IKE group's `unable to install … SA (SAD)` needs level 1 (lab wave 21, level 0).
      T('install-failed', /^failed to create (SAD entry)$/, ['what'], { then: H.installFailed }),
    ],
    closing: [
      // charon sends a delete for the CHILD SA it closes here; at log level 0 that delete is not
      // logged, only this line (lab wave 21): `deletes` lets the tunnel's life count it as one.
      T('sa-expired', /^closing expired CHILD_SA (\S+?)\{(\d+)\}(?: with (SPIs \S+ \S+))?/, ['child', 'childId', 'detail'], { phase: 2, fixed: { deletes: 'true' } }),
      T('p2-failed', /^closing IKE_SA due CHILD_SA setup failure/, undefined, { phase: 2 }),
      T('sa-deleted', /^closing CHILD_SA (\S+?)\{(\d+)\}/, ['child', 'childId'], { phase: 2 }),
    ],
    deleting: [
      T('p1-timeout', /^deleting half open IKE_SA (?:(\S+?)\[(\d+)\] )?with (\S+) after timeout/, ['name', 'id', 'remote'], { phase: 1, then: H.endpointsFromVars }),
      // What was deleted is the IKE SA: at log level 0 this line is the only sign of a device
      // deleting it (the `sending DELETE for IKE_SA` line is a level-1 one).
      T('sa-deleted', /^deleting IKE_SA (\S+?)\[(\d+)\] between (\S+?)\[[^\]]*\]\.\.\.(\S+?)\[/, ['name', 'id', 'local', 'remote'], { phase: 1, fixed: { what: 'IKE_SA' }, then: H.p1Down }),
    ],
    DPD: [
      T('dpd-dead', /^DPD check timed out, enforcing DPD action/, undefined, V1),
      T(null, /^DPD not supported by peer, disabled/, undefined, { fixed: { dpd: 'off' } }),
    ],
    SIGTERM: [T('daemon-stop', /^SIGTERM received, shutting down/)],
    SIGINT: [T('daemon-stop', /^SIGINT received, shutting down/)],
    calculated: [T('auth-failed', /^calculated HASH does not match HASH payload/, undefined, { ...V1, phase: 1, fixed: { reason: 'hash-mismatch' }, then: H.ownAuthFailed })],
    // Credentials refused at load time: the certificate is not there when authentication needs it.
    loading: [T('cert-error', /^loading (ca |end entity |aa |ocsp signer )?certificate from '([^']*)' failed/, ['kind', 'file'], { phase: 1, fixed: { reason: 'not-loaded' } })],
    ca: [T('cert-error', /^ca certificate "([^"]*)" lacks ca basic constraint, discarded/, ['subject'], { phase: 1, fixed: { reason: 'not-a-ca' } })],
    found: [
      T('cert-error', /^found unsupported critical X\.509 extension: (.+)$/, ['extension'], { phase: 1, fixed: { reason: 'unsupported-extension' } }),
      T('mode-not-acceptable', /^found (\d+) matching configs?, but none allows (\S+(?: \S+)*?) authentication using (Main|Aggressive) Mode/, ['count', 'auth', 'mode'], { ...V1, phase: 1, then: H.lowerMode }),
      T('decrypt-failed', /^found encrypted message, but no keys available/, undefined, { phase: 1 }),
    ],
    // `inacceptable` in strongSwan 5.0–5.5.
    DH: [T('ke-mismatch', /^DH group (\S+) (?:un|in)acceptable, requesting (\S+)/, ['peer', 'my'], { then: H.keExchange })],
    applying: [T('ke-mismatch', /^applying DH public value failed/, undefined, { then: H.keExchange })],
    requested: [T('ke-mismatch', /^requested DH group (\S+) not contained in any of our proposals/, ['peer'], { then: H.keExchange })],
    integrity: [T('decrypt-failed', /^integrity check failed/, undefined, { then: H.phaseFromState })],
    KE: [T('ke-missing', /^KE payload missing/, undefined, { ...V1, phase: 2 })],
    rekeying: [T('retransmit-limit', /^rekeying IKE_SA failed, peer not responding/, undefined, { phase: 1, fixed: { why: 'rekey' } })],
    // The console output of `ipsec up` (stroke) ends with this line once the CHILD_SA is up.
    connection: [T('p2-established', /^connection '([^']+)' established successfully/, ['conn'], { phase: 2, then: H.connectionUp })],
    // Break-before-make reauthentication: the delete that follows is the device's own, planned.
    reauthenticating: [T('reauth-start', /^reauthenticating IKE_SA/, undefined, { phase: 1 })],
    proper: [T('retransmit-limit', /^proper IKE_SA delete failed, peer not responding/, undefined, { phase: 1, fixed: { why: 'delete' } })],
    outbound: [T('p2-established', /^outbound CHILD_SA (\S+?)\{(\d+)\} established(?: with SPIs (\S+?)_i (\S+?)_o)?/, ['child', 'childId', 'spi', 'spiOut'], { phase: 2, fixed: { rekey: 'true' }, then: H.childUp })],
    // After a failed decryption (`could not decrypt payloads`, which carries the event): quiet.
    ignore: [T(null, /^ignore malformed (\S+) (request|response)/, ['exchange', 'kind'])],
    ignoring: [
      T('pfs-mismatch', /^ignoring KE exchange, agreed on a non-PFS proposal/, undefined, { phase: 2, fixed: { my: '0', peer: 'enabled' } }),
      T('info-ignored-no-sa', /^ignoring unprotected INFORMATIONAL from (\S+)/, ['from'], { ...V1 }),
    ],
    // A quiet success line (`authentication of '198.51.100.2' with pre-shared key successful`).
    // Which end and how: `(myself) with pre-shared key` / `with RSA_EMSA_PKCS1_SHA2_256 successful`.
    authentication: [T(null, /^authentication of '([^']*)' (\(myself\) )?with (.+?)( successful)?\s*$/, ['id', 'myself', 'method', 'ok'], { then: H.authenticationOk })],
    signature: [T('cert-error', /^signature validation failed/, undefined, { phase: 1 })],
    local: [T('nat-detected', /^local host is behind NAT/, undefined, { fixed: { who: 'local' } })],
    remote: [T('nat-detected', /^remote host is behind NAT/, undefined, { fixed: { who: 'remote' } })],
    faking: [T('nat-detected', /^faking NAT situation to enforce UDP encapsulation/, undefined, { fixed: { who: 'faked' } })],
    Aggressive: [T('mode-not-acceptable', /^Aggressive Mode PSK disabled for security reasons/, undefined, { ...V1, phase: 1, fixed: { mode: 'aggressive' } })],
    // Quoted as charon prints them; Alibaba's FAQ quotes the line without the quotes.
    IDir: [T('id-mismatch', /^IDir (?:'([^']*)'|(\S+)) does not match to (?:'([^']*)'|(\S+))\s*$/, ['received', 'received', 'expected', 'expected'], { ...V1, phase: 1 })],
    IDr: [T('id-mismatch', /^IDr (?:'([^']*)'|(\S+)) does not match to (?:'([^']*)'|(\S+))\s*$/, ['received', 'received', 'expected', 'expected'], { ...V2, phase: 1 })],
    looking: [
      T(null, /^looking for (?:[\w-]+ (?:key |signature )?)?peer configs matching (\S+?)(?:\[([^\]]*)\])?\.\.\.(\S+?)(?:\[([^\]]*)\])?$/, ['local', 'localId', 'remote', 'remoteId'], { then: H.rememberLookup }),
      T(null, /^looking for a child config for (.+?) ?=== (.+)$/, ['localTs', 'remoteTs'], { then: H.rememberChildLookup }),
    ],
    generating: [T(null, /^generating (\S+) (request|response) (\d+) \[ ?(.*?) ?\]$/, ['exchange', 'kind', 'msgid', 'payloads'], { then: H.messageOut })],
    parsed: [T(null, /^parsed (\S+) (request|response) (\d+) \[ ?(.*?) ?\]$/, ['exchange', 'kind', 'msgid', 'payloads'], { then: H.messageIn })],
    Starting: [T('daemon-start', /^Starting (?:IKE )?\S+ (?:IKE )?daemon \(strongSwan ([^,)]+)/, ['version'], { then: H.restart })],
    unable: [T('install-failed', /^unable to (install .+|add SAD entry.*|update SAD entry.*|add policy.*)$/, ['what'], { then: H.installFailed })],
    constraint: [T('cert-error', /^constraint check failed: (.*)$/, ['detail'], { phase: 1 })],
    certificate: [T('cert-error', /^certificate (status is not available|was revoked.*|expired.*)$/, ['detail'], { phase: 1 })],
    IKE: [T('version-unsupported', /^IKE version (\d) not supported/, ['version'], { phase: 1 })],
    // `ID_PROT request with message ID 0 processing failed`: the exchange names the phase.

  },
  floating: [
    { keyword: ' processing failed', template: T('message-invalid', /^(\S+) (request|response) with message ID (\d+) processing failed/, ['exchange', 'kind', 'msgid'], { fixed: { why: 'processing' }, then: H.phaseFromExchange }) },
    { keyword: ' is initiating a', template: T('p1-start', /^(\S+) is initiating an? (?:(Main|Aggressive) Mode )?IKE_SA/, ['remote', 'mode'], { phase: 1, fixed: { role: 'responder' }, then: H.p1Start }) },
    { keyword: 'MAC mismatched', template: T('auth-failed', /MAC mismatched/, undefined, { phase: 1, fixed: { reason: 'mac-mismatch' } }) },
    // A proposal list alone on its line (`ESP:AES_CBC_256/HMAC_SHA1_96/MODP_1024/NO_EXT_SEQ`).
    { keyword: 'ESP:', template: T('proposal-received', BARE_LIST, undefined, { then: H.bareProposals }) },
    { keyword: 'IKE:', template: T('proposal-received', BARE_LIST, undefined, { then: H.bareProposals }) },
    { keyword: 'AH:', template: T('proposal-received', BARE_LIST, undefined, { then: H.bareProposals }) },
  ],
};
