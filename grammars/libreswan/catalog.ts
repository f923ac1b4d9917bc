// Libreswan pluto message templates (kb/ike-failure-signatures.md and the lab logs) → typed events
// with their variables. Indexed by first word (after the `STATE_…: ` prefix older versions put in
// front, which index.ts strips and keeps); keyword templates catch messages whose start varies.
import { T, type Catalog } from '../peer-common/catalog-kit.js';
import * as H from './catalog-hooks.js';

const V1 = { v: 1 as const };
const V2 = { v: 2 as const };
const NOTIFY = /\b(?:v2N_)?(NO_PROPOSAL_CHOSEN|AUTHENTICATION_FAILED|TS_UNACCEPTABLE|INVALID_ID_INFORMATION|INVALID_KE_PAYLOAD|INVALID_HASH_INFORMATION)\b/;

export const LIBRESWAN_CATALOG: Catalog = {
  byFirstWord: {
    Starting: [T('daemon-start', /^Starting Pluto \(Libreswan Version (\S+)/, ['version'], { then: H.restart })],
    responding: [
      T('p1-start', /^responding to (Main|Aggressive) Mode(?: from unknown peer (\S+))?/, ['mode', 'remote'], { ...V1, phase: 1, fixed: { role: 'responder' }, then: H.p1Start }),
      T('notify', /^responding to (\S+) message \(ID (\d+)\) from (\S+) with (?:encrypted |unencrypted )?notification (\S+)/, ['exchange', 'msgid', 'remote', 'type'], { ...V2, then: H.notifySent }),
    ],
    initiating: [
      T('p1-start', /^initiating IKEv2 (?:IKE SA|connection)(?: (?:to|with) (\S+))?/, ['remote'], { ...V2, phase: 1, fixed: { role: 'initiator' }, then: H.p1Start }),
      T('p1-start', /^initiating IKEv1 (Main|Aggressive) Mode connection(?: (?:to|with) (\S+))?/, ['mode', 'remote'], { ...V1, phase: 1, fixed: { role: 'initiator' }, then: H.p1Start }),
      T('p1-start', /^initiating (Main|Aggressive) Mode/, ['mode'], { ...V1, phase: 1, fixed: { role: 'initiator' }, then: H.p1Start }),
      T('p1-start', /^initiating v2 parent SA/, undefined, { ...V2, phase: 1, fixed: { role: 'initiator' } }),
      T('p2-start', /^initiating Quick Mode/, undefined, { ...V1, phase: 2, fixed: { role: 'initiator' } }),
      T('p2-start', /^initiating Child SA/, undefined, { ...V2, phase: 2, fixed: { role: 'initiator' } }),
    ],
    Oakley: [T('proposal-received', /^Oakley Transform \[(.+)\] refused/, undefined, { ...V1, phase: 1, then: H.oakleyRefused })],
    no: [
      T('no-proposal', /^no acceptable Oakley Transform/, undefined, { ...V1, phase: 1, then: H.noOakley }),
      T('no-proposal', /^no local proposal matches remote proposals (.+)$/, undefined, { ...V2, then: H.noLocalProposal }),
      T('no-config', /^no suitable connection for peer '([^']*)'/, ['peerId'], { phase: 1 }),
    ],
    No: [
      T('ts-unacceptable', /^No IKEv2 connection found with compatible Traffic Selectors/, undefined, { ...V2, phase: 2 }),
      T('p2-timeout', /^No acceptable response to our first Quick Mode message/, undefined, { ...V1, phase: 2, fixed: { hint: 'no-proposal' } }),
    ],
    initial: [
      T('no-config', /^initial (Main|Aggressive) Mode message received on (\S+) but no connection has been authorized(?: with policy (\S+)| with authby=(\S+) and xauth=(\S+))?/, ['mode', 'local', 'policy', 'authby', 'xauth'], { ...V1, phase: 1, then: H.localFromVars }),
    ],
    authentication: [T('auth-failed', /^authentication failed: (.*?)(?: from peer (ID_\S+) '([^']*)')?\s*$/, ['reason', 'idType', 'remoteId'], { phase: 1 })],
    probable: [T('auth-failed', /^probable authentication failure \(mismatch of preshared secrets\?\)(?::\s*(.*))?/, ['detail'], { ...V1, phase: 1, fixed: { reason: 'psk' } })],
    Possible: [T('auth-failed', /^Possible authentication failure: no acceptable response to our first encrypted message/, undefined, { phase: 1, fixed: { reason: 'no-response-to-encrypted' } })],
    received: [
      T('auth-failed', /^received Hash Payload does not match computed value/, undefined, { ...V1, phase: 1, fixed: { reason: 'hash-mismatch' } }),
      T('notify', /^received (?:unauthenticated |encrypted |authenticated )?v2N_([A-Z_0-9]+)/, ['notify'], { ...V2, then: H.notifyMapped('received') }),
      T('delete-received', /^received Delete SA(?:\(0x[0-9a-f]+\))? payload: (?:self-)?deleting (ISAKMP|IPsec) State #(\d+)/, ['what', 'serial'], { ...V1, then: H.deleteIn }),
      T('notify', /^received (?:and ignored )?(?:notification|informational) payload:? (?:type )?([A-Z_][A-Z0-9_]+)/, ['notify'], { then: H.notifyMapped('received') }),
    ],
    ignoring: [T('notify', /^ignoring (?:informational|notification) payload,? (?:type )?([A-Z_][A-Z0-9_]+)/, ['notify'], { then: H.notifyMapped('received') })],
    sending: [T('notify', /^sending (?:encrypted )?notification (\S+) to (\S+)/, ['type', 'remote'], { then: H.notifySent })],
    encountered: [T('p1-failed', /^encountered fatal error in state (\S+)/, ['state'], { then: H.failedInState })],
    deleting: [T('sa-deleted', /^deleting ([^(]*)\(([A-Z0-9_]+)\)/, ['what', 'state'], { then: H.deletedState })],
    IKE_AUTH: [T('notify', /^IKE_AUTH response rejected Child SA with (\S+)/, ['notify'], { ...V2, phase: 2, then: H.notifyMapped('received') })],
    CREATE_CHILD_SA: [T('notify', /^CREATE_CHILD_SA request failed, responder SA processing returned (\S+)/, ['notify'], { ...V2, phase: 2, then: H.notifyMapped('sent') })],
    Child: [
      T('ts-unacceptable', /^Child SA's Traffic Selector request \{TSi=([^;}]*);TSr=([^}]*)\} does not match/, ['remoteTs', 'localTs'], { ...V2, phase: 2, then: H.childTs }),
      T(null, /^Child SA proposals \(connection add\)/, undefined, { then: H.listing(2) }),
    ],
    IKE: [T(null, /^IKE SA proposals \(connection add\)/, undefined, { then: H.listing(1) })],
    '#num': [T('proposal-configured', /^(\d+):(IKE|ESP|AH)=(\S+)/, undefined, { then: H.configuredLine })],
    added: [T(null, /^added IKEv([12]) connection/, ['version'], { then: H.connectionAdded })],
    cannot: [T('ts-unacceptable', /^cannot respond to IPsec SA request because no connection is known for (.+)$/, ['selectors'], { ...V1, phase: 2 })],
    we: [T('id-mismatch', /^we require IKEv2 peer to have ID '([^']*)', but peer declares '([^']*)'/, ['expected', 'received'], { ...V2, phase: 1 })],
    proposal: [T('proposal-selected', /^proposal (\S+) chosen from remote proposals (.+)$/, undefined, { ...V2, then: H.selected })],
    dropping: [T('message-invalid', /^dropping (.*)$/, ['what'], { then: H.dropping })],
    global: [T('version-unsupported', /^global ikev1-policy=drop does not allow IKEv1 connections/, undefined, { ...V1, phase: 1, fixed: { version: '1' } })],
    next: [T('payload-invalid', /^next payload type of ISAKMP Hash Payload has an unknown value/, undefined, { ...V1, phase: 1 })],
    malformed: [T('payload-invalid', /^malformed payload in packet/, undefined, { phase: 1 })],
    'NAT-Traversal:': [T('nat-detected', /^NAT-Traversal: Result using .*?: (.*)$/, ['result'], { phase: 1, then: H.natResult })],
    'DPD:': [T('dpd-dead', /^DPD: No response from peer - declaring peer dead/)],
    DPD: [T('dpd-dead', /^DPD action - (.*)$/, ['action'])],
    liveness: [T('dpd-dead', /^liveness action - (.*)$/, ['action'], V2)],
    ISAKMP: [T('p1-established', /^ISAKMP SA established(.*)$/, ['detail'], { ...V1, then: H.establishedSummary(1) })],
    IPsec: [T('p2-established', /^IPsec SA established(.*)$/, ['detail'], { then: H.establishedSummary(2) })],
    negotiated: [T(null, /^negotiated connection \[([^\]]+)\] -> \[([^\]]+)\]/, ['localTs', 'remoteTs'], { then: H.negotiated })],
    sent: [T(null, /^sent (?:IKE_SA_INIT|Main Mode|MI1|v2I1) (?:request|reply)?(?: to (\S+))?/, ['remote'], { then: H.remoteFromVars })],
  },
  floating: [
    { keyword: 'retransmission; will wait', template: T('retransmit', /retransmission; will wait ([\d.]+)/, ['wait']) },
    { keyword: 'max number of retransmissions', template: T('retransmit-limit', /max number of retransmissions \((\d+)\) reached after ([\d.]+) seconds/, ['retransmits', 'seconds'], { then: H.gaveUp }) },
    { keyword: 'second timeout exceeded after', template: T('retransmit-limit', /(\d+) second timeout exceeded after (\d+) retransmits/, ['seconds', 'retransmits'], { then: H.gaveUp }) },
    { keyword: 'responding with TS_UNACCEPTABLE', template: T('ts-unacceptable', /^(.*?) does not match/, ['selectors'], { phase: 2 }) },
    { keyword: 'no suitable connection', template: T('no-config', /no suitable connection/, undefined, { phase: 1 }) },
    { keyword: 'established IKE SA', template: T('p1-established', /established IKE SA(.*)$/, ['detail'], { ...V2, then: H.establishedSummary(1) }) },
    { keyword: 'SA established', template: T('p1-established', /(?:IKE|PARENT|parent) SA established(.*)$/, ['detail'], { ...V2, then: H.establishedSummary(1) }) },
    { keyword: 'established Child SA', template: T('p2-established', /established Child SA(.*)$/, ['detail'], { ...V2, then: H.establishedSummary(2) }) },
    { keyword: 'declaring peer dead', template: T('dpd-dead', /declaring peer dead/) },
    { keyword: 'certificate', template: T('cert-error', /certificate.*\b(?:rejected|expired|revoked|invalid|not yet valid|failed)\b/i, undefined, { phase: 1 }) },
    { keyword: '_', template: T('notify', NOTIFY, ['notify'], { then: H.notifyGuess }) },
  ],
};
