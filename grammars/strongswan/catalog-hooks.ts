// Hooks of the strongSwan catalogue: endpoints into the record, proposal lists normalised into the
// event, and the per-IKE_SA state that tells a DPD give-up from a phase-1 one and a phase-2
// NO_PROPOSAL_CHOSEN from a phase-1 one.
import type { LogEvent } from '../../src/types.js';
import type { MatchContext } from '../peer-common/catalog-kit.js';
import { eventForNotify } from '../peer-common/catalog-kit.js';
import { parseBracketEndpoint, selectorList } from '../peer-common/endpoints.js';
import { SHORT_NOTIFY, isErrorNotify } from '../peer-common/events.js';
import { diffProposals, proposalVars } from '../peer-common/proposal-diff.js';

type Hook = (ev: LogEvent, m: RegExpExecArray, cx: MatchContext) => void;

const CHILD_ERRORS = new Set(['NO_PROPOSAL_CHOSEN', 'TS_UNACCEPTABLE', 'INVALID_SELECTORS', 'SINGLE_PAIR_REQUIRED', 'NO_ADDITIONAL_SAS', 'INTERNAL_ADDRESS_FAILURE', 'FAILED_CP_REQUIRED']);
const V1_EXCHANGES = new Set(['ID_PROT', 'AGGRESSIVE', 'QUICK_MODE', 'INFORMATIONAL_V1', 'TRANSACTION']);
const PHASE2_EXCHANGES = new Set(['QUICK_MODE', 'CREATE_CHILD_SA']);

function setEndpoints(cx: MatchContext, local: string | undefined, remote: string | undefined): void {
  const l = parseBracketEndpoint(local);
  const r = parseBracketEndpoint(remote);
  if (l) cx.rec.local = l;
  if (r) cx.rec.remote = r;
}

function nameAndId(ev: LogEvent, cx: MatchContext): void {
  const name = ev.vars['name'];
  const id = ev.vars['id'];
  if (name && !cx.rec.connName) cx.rec.connName = name;
  if (id && !cx.rec.session) cx.rec.session = id;
}

export const endpointsFromVars: Hook = (ev, _m, cx) => setEndpoints(cx, ev.vars['local'], ev.vars['remote']);

export const packetIn: Hook = (ev, _m, cx) => {
  setEndpoints(cx, ev.vars['to'], ev.vars['from']);
  cx.st.dpdPending = false;
};

export const packetOut: Hook = (ev, _m, cx) => setEndpoints(cx, ev.vars['from'], ev.vars['to']);

/** Phase when the line does not say: before the IKE SA is up it is phase 1. */
export const phaseFromState: Hook = (_ev, _m, cx) => {
  if (cx.rec.phase) return;
  if (!cx.st.established) cx.rec.phase = 1;
  else if (cx.st.lastRequest && PHASE2_EXCHANGES.has(cx.st.lastRequest)) cx.rec.phase = 2;
};

const PHASE1_EXCHANGES = new Set(['ID_PROT', 'AGGRESSIVE', 'IKE_SA_INIT', 'IKE_AUTH']);

/** The phase of a line that names its exchange (`QUICK_MODE request … processing failed`), else of the session. */
export const phaseFromExchange: Hook = (ev, m, cx) => {
  const x = ev.vars['exchange'] ?? cx.st.lastRequest;
  if (x && PHASE2_EXCHANGES.has(x)) cx.rec.phase = 2;
  else if (x && PHASE1_EXCHANGES.has(x)) cx.rec.phase = 1;
  else phaseFromState(ev, m, cx);
};

/** A DH group refused or failed: phase 1 in the IKE_SA_INIT of a new SA, phase 2 (PFS) in a CHILD_SA exchange. */
export const keExchange: Hook = (ev, m, cx) => {
  if (cx.st.established || (cx.st.lastRequest && PHASE2_EXCHANGES.has(cx.st.lastRequest))) {
    cx.rec.phase = 2;
    ev.type = 'pfs-mismatch';
  } else phaseFromState(ev, m, cx);
};

export const lowerMode: Hook = (ev) => {
  if (ev.vars['mode']) ev.vars['mode'] = ev.vars['mode'].toLowerCase();
};

/** This side deleting its own SA: an IKE_SA delete takes the tunnel down. */
export const deleteOut: Hook = (ev, _m, cx) => {
  const ike = ev.vars['what'] === 'IKE_SA';
  cx.rec.phase = ike ? 1 : 2;
};

/** IKEv1 main mode keeps message ID 0; its first request (seq 1) is the proposal, answered by any live peer. */
/** The other end repeated a message: phase 1's until the IKE SA is up, then a quick mode or informational. */
export const peerRetransmit: Hook = (ev, _m, cx) => {
  // IKEv1 main mode keeps message ID 0: a repeated ID 0 is phase 1 even once this end called it up.
  cx.rec.phase = cx.st.ikeVersion === 1 && ev.vars['msgid'] === '0' ? 1 : cx.st.established ? 2 : 1;
};

export const retransmitV1: Hook = (ev, m, cx) => {
  if (ev.vars['msgid'] === '0') cx.rec.phase = 1;
  else phaseFromState(ev, m, cx);
  if (ev.vars['msgid'] === '0' && ev.vars['seq'] === '1' && ev.vars['kind'] === 'request') ev.vars['first'] = 'true';
  // Main-mode 5 (seq 3): the first encrypted message, answered only once the key is right.
  if (ev.vars['msgid'] === '0' && ev.vars['seq'] === '3' && ev.vars['kind'] === 'request') ev.vars['auth'] = 'true';
};

/** IKEv2 message ID 0 is IKE_SA_INIT, the first request. */
export const retransmitV2: Hook = (ev, m, cx) => {
  phaseFromState(ev, m, cx);
  if (ev.vars['msgid'] === '0' && ev.vars['kind'] === 'request') ev.vars['first'] = 'true';
  if (ev.vars['msgid'] === '1' && ev.vars['kind'] === 'request' && !cx.st.established) ev.vars['auth'] = 'true';
};

export const dpdOut: Hook = (_ev, _m, cx) => {
  cx.st.dpdPending = true;
};

export const givingUp: Hook = (ev, m, cx) => {
  if (cx.st.dpdPending && cx.st.established) {
    ev.type = 'dpd-dead';
    return;
  }
  phaseFromState(ev, m, cx);
};

export const p1Start: Hook = (ev, _m, cx) => {
  const mode = ev.vars['mode'];
  if (mode) ev.vars['mode'] = mode.toLowerCase();
  cx.rec.ikeVersion = mode ? 1 : 2;
  cx.st.ikeVersion = cx.rec.ikeVersion;
  cx.st.established = false;
  setEndpoints(cx, undefined, ev.vars['remote']);
  nameAndId(ev, cx);
};

export const p1Up: Hook = (ev, _m, cx) => {
  cx.st.established = true;
  cx.st.dpdPending = false;
  setEndpoints(cx, ev.vars['local'], ev.vars['remote']);
  nameAndId(ev, cx);
};

export const p1Down: Hook = (ev, _m, cx) => {
  cx.st.established = false;
  setEndpoints(cx, ev.vars['local'], ev.vars['remote']);
  nameAndId(ev, cx);
};

export const tsVars: Hook = (ev) => {
  if (ev.vars['localTs']) ev.vars['localTs'] = selectorList(ev.vars['localTs']);
  if (ev.vars['remoteTs']) ev.vars['remoteTs'] = selectorList(ev.vars['remoteTs']);
};

export const childUp: Hook = (ev, m, cx) => {
  tsVars(ev, m, cx);
  cx.st.established = true;
};

export const deleteIn: Hook = (ev, _m, cx) => {
  const ike = ev.vars['what'] === 'IKE_SA';
  cx.rec.phase = ike ? 1 : 2;
  if (ike) cx.st.established = false;
};

/** `received|configured|selected proposals: …` → normalised list in the event and the state. */
export function proposals(kind: 'received' | 'configured' | 'selected'): Hook {
  return (ev, m, cx) => {
    const raw = m[1]!.trim();
    const p = proposalVars(raw);
    Object.assign(ev.vars, p.vars);
    cx.rec.phase = p.phase;
    if (kind !== 'selected') cx.st[kind] = { raw, phase: p.phase, list: p.list };
  };
}

/** Adds what the session saw of both proposal lists, and their diff, to a no-proposal event. */
export const noProposal: Hook = (ev, _m, cx) => {
  const { received, configured } = cx.st;
  if (received) {
    ev.vars['received'] = JSON.stringify(received.list);
    ev.vars['receivedRaw'] = received.raw;
  }
  if (configured) {
    ev.vars['configured'] = JSON.stringify(configured.list);
    ev.vars['configuredRaw'] = configured.raw;
  }
  // The device logs the other end's offer as "received": that side is the cloud.
  if (received && configured) ev.vars['diff'] = JSON.stringify(diffProposals(received.list, configured.list));
  cx.rec.phase ??= received?.phase ?? configured?.phase ?? (cx.st.established ? 2 : 1);
};

export const notifyError: Hook = (ev, m, cx) => {
  const type = ev.vars['notify']!;
  ev.type = eventForNotify(type);
  if (ev.type === 'notify') ev.vars['type'] = type;
  if (ev.type === 'ts-unacceptable') cx.rec.phase = 2;
  if (ev.type === 'no-proposal') noProposal(ev, m, cx);
  if (!cx.rec.phase) cx.rec.phase = cx.st.established ? 2 : 1;
};

const TRANSFORM_KIND: Readonly<Record<string, string>> = {
  ENCRYPTION_ALGORITHM: 'enc',
  INTEGRITY_ALGORITHM: 'integ',
  PSEUDO_RANDOM_FUNCTION: 'prf',
  DIFFIE_HELLMAN_GROUP: 'dh',
  KEY_EXCHANGE_METHOD: 'dh',
  EXTENDED_SEQUENCE_NUMBERS: 'esn',
};

export const transform: Hook = (ev) => {
  const t = ev.vars['transform'] ?? '';
  ev.vars['kind'] = TRANSFORM_KIND[t] ?? (t.startsWith('ADDITIONAL_KEY_EXCHANGE') ? 'dh' : 'unknown');
};

export const rememberLookup: Hook = (ev, _m, cx) => {
  const { local, localId, remote, remoteId } = ev.vars;
  if (local && remote) cx.st.lookup = { local, remote, ...(localId ? { localId } : {}), ...(remoteId ? { remoteId } : {}) };
  setEndpoints(cx, local, remote);
};

export const lookupIds: Hook = (ev, _m, cx) => {
  const l = cx.st.lookup;
  if (!l) return;
  Object.assign(ev.vars, l);
  setEndpoints(cx, l.local, l.remote);
};

export const rememberChildLookup: Hook = (ev, _m, cx) => {
  cx.st.childLookup = { localTs: selectorList(ev.vars['localTs'] ?? ''), remoteTs: selectorList(ev.vars['remoteTs'] ?? '') };
};

export const childLookup: Hook = (ev, _m, cx) => {
  if (cx.st.childLookup) Object.assign(ev.vars, cx.st.childLookup);
};

function notifiesOf(payloads: string): string[] {
  const out: string[] = [];
  for (const m of payloads.matchAll(/\bN\((\w+)\)/g)) out.push(SHORT_NOTIFY[m[1]!] ?? m[1]!);
  return out;
}

/** `generating|parsed EXCHANGE request|response N [ payloads ]`: version, exchange, error notifies. */
function message(direction: 'sent' | 'received'): Hook {
  return (ev, _m, cx) => {
    const { exchange = '', kind, payloads = '' } = ev.vars;
    const v = V1_EXCHANGES.has(exchange) ? 1 : 2;
    cx.rec.ikeVersion = v;
    cx.st.ikeVersion = v;
    if (direction === 'sent' && kind === 'request') cx.st.lastRequest = exchange;
    const notifies = notifiesOf(payloads);
    if (direction === 'received' && (notifies.includes('DPD_R_U_THERE_ACK') || notifies.includes('DPD_ACK') || (cx.st.dpdPending && exchange === 'INFORMATIONAL' && kind === 'response'))) {
      cx.st.dpdPending = false;
      ev.type = 'dpd-ack';
      return;
    }
    const error = notifies.find(isErrorNotify);
    if (!error) return;
    ev.type = 'notify';
    ev.vars['type'] = error;
    ev.vars['direction'] = direction;
    // In IKE_AUTH only AUTHENTICATION_FAILED is about the IKE SA: a proposal or selector refusal
    // there is the CHILD_SA's (IKEv2 negotiated the IKE proposal in IKE_SA_INIT).
    const childError = exchange === 'IKE_AUTH' && CHILD_ERRORS.has(error);
    if (error === 'TS_UNACCEPTABLE' || error === 'INVALID_ID_INFORMATION' || PHASE2_EXCHANGES.has(exchange) || childError) cx.rec.phase = 2;
    else if (error === 'AUTHENTICATION_FAILED' || exchange === 'IKE_SA_INIT' || exchange === 'ID_PROT' || exchange === 'AGGRESSIVE') cx.rec.phase = 1;
    else cx.rec.phase = cx.st.established ? 2 : 1;
    // The other end's refusal names the failure (the device's own are logged on their own lines).
    if (direction === 'received' && kind === 'response') {
      const meaning = eventForNotify(error);
      if (meaning !== 'notify') ev.type = meaning;
    }
  };
}

export const messageOut = message('sent');
export const messageIn = message('received');

export const restart: Hook = (_ev, _m, cx) => cx.restart();
