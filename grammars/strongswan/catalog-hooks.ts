// Hooks of the strongSwan catalogue: endpoints into the record and the per-IKE_SA state that tells
// a DPD give-up from a phase-1 one (proposal lists: proposal-hooks.ts; notifies and message lines,
// which tell a phase-2 NO_PROPOSAL_CHOSEN from a phase-1 one: notify-hooks.ts).
import type { LogEvent } from '../../src/types.js';
import { authMethodOf, type MatchContext } from '../peer-common/catalog-kit.js';
import { parseBracketEndpoint, selectorList } from '../peer-common/endpoints.js';
import { PHASE2_EXCHANGES } from './notify-hooks.js';

type Hook = (ev: LogEvent, m: RegExpExecArray, cx: MatchContext) => void;

export { bareProposals, noProposal, proposals, transform } from './proposal-hooks.js';
export { messageIn, messageOut, modeRefused, notifyError, notifyWording } from './notify-hooks.js';

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

/** What makes two packet lines the same packet: endpoints and size. */
const packetKey = (ev: LogEvent): string => `${ev.vars['from']}>${ev.vars['to']}:${ev.vars['bytes']}`;

/**
 * A packet received. The same packet again, when the one before was never parsed as a new message
 * (charon answers a retransmission from its cache without parsing it), is the other end repeating
 * itself — what `received retransmit of request` says at `ike 1`, and all that `ike 0` leaves.
 * Only in a session whose message lines are logged: without them every packet looks unparsed.
 */
export const packetIn: Hook = (ev, _m, cx) => {
  setEndpoints(cx, ev.vars['to'], ev.vars['from']);
  cx.st.dpdPending = false;
  if (cx.st.lastSent) cx.st.lastSent.answered = true;
  const key = packetKey(ev);
  const last = cx.st.lastRecv;
  cx.st.lastRecv = { key, parsed: false };
  if (last && last.key === key && !last.parsed && (cx.st.messages ?? 0) > 0) {
    ev.type = 'peer-retransmit';
    ev.vars = { kind: 'request', msgid: cx.st.lastIn ?? '', inferred: 'true' };
    peerRetransmit(ev, _m, cx);
  }
};

/**
 * A packet sent. When the same packet (endpoints and size) goes out again with nothing received in
 * between and no `sending retransmit` line announced it, it is a retransmission logged only at the
 * packet level: charon's `default 0` / `ike 0` logs keep the NET and ENC lines but drop the IKE
 * retransmit lines, so the repeat is the only trace that the other end stayed silent.
 */
export const packetOut: Hook = (ev, m, cx) => {
  setEndpoints(cx, ev.vars['from'], ev.vars['to']);
  const key = packetKey(ev);
  const last = cx.st.lastSent;
  const announced = cx.st.retransmitLogged === true;
  cx.st.retransmitLogged = false;
  if (last && last.key === key && !last.answered && !announced) {
    last.repeats++;
    const out = cx.st.lastOut;
    ev.type = 'retransmit';
    ev.vars = { count: String(last.repeats), kind: out?.kind ?? 'request', msgid: out?.msgid ?? '', inferred: 'true' };
    const v1 = cx.st.ikeVersion === 1;
    if (out && out.kind === 'request') {
      if (v1 ? (out.exchange === 'ID_PROT' || out.exchange === 'AGGRESSIVE') && /^SA\b/.test(out.payloads) : out.exchange === 'IKE_SA_INIT') ev.vars['first'] = 'true';
      if (v1 ? out.exchange === 'ID_PROT' && /\bID\b/.test(out.payloads) && /\bHASH\b/.test(out.payloads) : out.exchange === 'IKE_AUTH' && !cx.st.established) ev.vars['auth'] = 'true';
    }
    if (v1 && out?.msgid === '0') cx.rec.phase = 1;
    else phaseFromState(ev, m, cx);
    return;
  }
  cx.st.lastSent = { key, answered: false, repeats: last?.key === key && !last.answered ? last.repeats : 0 };
};

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
  } else {
    phaseFromState(ev, m, cx);
    if (cx.rec.phase === 1) cx.conn().keRequested = true;
  }
};

export const lowerMode: Hook = (ev) => {
  if (ev.vars['mode']) ev.vars['mode'] = ev.vars['mode'].toLowerCase();
};

/** This side deleting its own SA: an IKE_SA delete takes the tunnel down. */
export const deleteOut: Hook = (ev, _m, cx) => {
  const ike = ev.vars['what'] === 'IKE_SA';
  cx.rec.phase = ike ? 1 : 2;
};

/** The other end repeated a message: phase 1's until the IKE SA is up, then a quick mode or informational. */
export const peerRetransmit: Hook = (ev, _m, cx) => {
  // IKEv1 main mode keeps message ID 0: a repeated ID 0 is phase 1 even once this end called it up.
  cx.rec.phase = cx.st.ikeVersion === 1 && ev.vars['msgid'] === '0' ? 1 : cx.st.established ? 2 : 1;
};

export const retransmitV1: Hook = (ev, m, cx) => {
  cx.st.retransmitLogged = true;
  if (ev.vars['msgid'] === '0') cx.rec.phase = 1;
  else phaseFromState(ev, m, cx);
  if (ev.vars['msgid'] === '0' && ev.vars['seq'] === '1' && ev.vars['kind'] === 'request') ev.vars['first'] = 'true';
  // Main-mode 5 (seq 3): the first encrypted message, answered only once the key is right.
  if (ev.vars['msgid'] === '0' && ev.vars['seq'] === '3' && ev.vars['kind'] === 'request') ev.vars['auth'] = 'true';
};

/** IKEv2 message ID 0 is IKE_SA_INIT, the first request. */
export const retransmitV2: Hook = (ev, m, cx) => {
  cx.st.retransmitLogged = true;
  phaseFromState(ev, m, cx);
  if (ev.vars['msgid'] === '0' && ev.vars['kind'] === 'request') ev.vars['first'] = 'true';
  if (ev.vars['msgid'] === '1' && ev.vars['kind'] === 'request' && !cx.st.established) ev.vars['auth'] = 'true';
};

/** A key looked up for the same identity on both ends: one end's ID is the other's value. */
export const sameIdentities: Hook = (ev) => {
  const { localId, remoteId } = ev.vars;
  if (localId && localId === remoteId) ev.vars['sameIds'] = 'true';
};

/** `authentication of 'X' with … successful` (not `(myself)`): the other end's AUTH verified here. */
export const authenticationOk: Hook = (ev, _m, cx) => {
  if (ev.vars['myself']) cx.st.ownAuth = authMethodOf(ev.vars['method'] ?? '') ?? cx.st.ownAuth;
  else if (ev.vars['ok']) cx.st.peerAuthOk = true;
};

/** `sending end entity cert`: this end authenticates with its certificate. */
export const ownCertificate: Hook = (_ev, _m, cx) => {
  cx.st.ownAuth = 'certificate';
};

/** This end could not verify the other's authentication (its own key check failed). */
export const ownAuthFailed: Hook = (_ev, _m, cx) => {
  cx.st.ownAuthFailure = true;
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
  if (mode && ev.vars['role'] !== 'responder') cx.st.initiatedMode = mode.toLowerCase();
  cx.rec.ikeVersion = mode ? 1 : 2;
  cx.st.ikeVersion = cx.rec.ikeVersion;
  cx.st.established = false;
  // A new IKE_SA_INIT right after the group was refused: the retry with the group asked for.
  const conn = cx.conn();
  if (conn.keRequested) ev.vars['retry'] = 'ke';
  conn.keRequested = false;
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
  cx.st.childLogged = true;
};

/** `ipsec up`'s `connection 'x' established successfully`: the CHILD_SA up, unless its own line already said so. */
export const connectionUp: Hook = (ev, _m, cx) => {
  if (cx.st.childLogged) ev.type = '';
  cx.st.established = true;
  // The console output names the connection only here and in the IKE_SA lines: one session.
  if (ev.vars['conn'] && !cx.rec.connName) cx.rec.connName = ev.vars['conn'];
};

export const deleteIn: Hook = (ev, _m, cx) => {
  const ike = ev.vars['what'] === 'IKE_SA';
  cx.rec.phase = ike ? 1 : 2;
  if (ike) cx.st.established = false;
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

/** The kernel refused what was negotiated; without NAT-T from the other end, a device that can only encapsulate (libipsec, behind NAT) fails here. */
export const installFailed: Hook = (ev, _m, cx) => {
  if (cx.st.peerNatT !== undefined) ev.vars['peerNatT'] = String(cx.st.peerNatT);
};

export const restart: Hook = (_ev, _m, cx) => cx.restart();
