// Hooks of the Libreswan catalogue: state names → phase and IKE version, endpoints into the record,
// proposal lists (connection add, remote proposals, refused Oakley transforms) normalised and
// diffed, and the retransmission give-ups told apart by what they waited for.
import type { LogEvent } from '../../src/types.js';
import { authMethodOf, eventForNotify, markAggressiveRefused, type MatchContext } from '../peer-common/catalog-kit.js';
import { parseColonEndpoint, rangeToCidr } from '../peer-common/endpoints.js';
import { diffProposals, proposalVars } from '../peer-common/proposal-diff.js';
import { parseProposalList, proposalPhase } from '../peer-common/proposals.js';

type Hook = (ev: LogEvent, m: RegExpExecArray, cx: MatchContext) => void;

/** Pluto states of an SA that is up (IKEv2 established IKE/Child SA; IKEv1 main mode done, quick mode done). */
export const ESTABLISHED_STATE = /ESTABLISHED|MAIN_I4$|MAIN_R3$|QUICK_[IR]2$/;

/** A pluto state name (`STATE_MAIN_R0`, `STATE_V2_PARENT_R1`, `IKE_SA_INIT_I`, `STATE_QUICK_I1`) → phase and version. */
export function stateInfo(state: string): { phase?: 1 | 2; ikeVersion?: 1 | 2 } {
  if (/MAIN|AGGR/.test(state)) return { phase: 1, ikeVersion: 1 };
  if (/QUICK/.test(state)) return { phase: 2, ikeVersion: 1 };
  if (/CHILD|IPSEC|V2_NEW|REKEY_CHILD/.test(state)) return { phase: 2, ikeVersion: 2 };
  if (/PARENT|IKE_SA_INIT|IKE_AUTH|IKE_INTERMEDIATE|V2_.*IKE|IKE_SA/.test(state)) return { phase: 1, ikeVersion: 2 };
  return {};
}

/** Applies a state name to the record (phase, version) unless the template already decided. */
export function applyState(cx: MatchContext, state: string | undefined): void {
  if (!state) return;
  const info = stateInfo(state);
  if (info.phase && !cx.rec.phase) cx.rec.phase = info.phase;
  if (info.ikeVersion && !cx.rec.ikeVersion) cx.rec.ikeVersion = info.ikeVersion;
}

function remote(cx: MatchContext, text: string | undefined): void {
  const e = parseColonEndpoint(text);
  if (e) cx.rec.remote = e;
}

export const remoteFromVars: Hook = (ev, _m, cx) => remote(cx, ev.vars['remote']);

export const localFromVars: Hook = (ev, _m, cx) => {
  const e = parseColonEndpoint(ev.vars['local']);
  if (e) cx.rec.local = e;
};

export const p1Start: Hook = (ev, _m, cx) => {
  if (ev.vars['mode']) ev.vars['mode'] = ev.vars['mode'].toLowerCase();
  if (ev.vars['mode'] && ev.vars['role'] === 'initiator') cx.st.initiatedMode = ev.vars['mode'];
  remote(cx, ev.vars['remote']);
};

/** `probable authentication failure (mismatch of preshared secrets?)`: this end's own check of the other's HASH failed. */
export const ownAuthFailed: Hook = (_ev, _m, cx) => {
  cx.st.ownAuthFailure = true;
};

/**
 * AUTHENTICATION_FAILED answering this end's first aggressive-mode message: the initiator sends its
 * authentication only after the answer (which this end verifies first, so a wrong key shows as its
 * own failed check), and its SA counts as established from then on. A refusal before that refused
 * the exchange itself: aggressive mode (or the identity it carried) is not accepted there.
 */
function aggressiveRefused(ev: LogEvent, cx: MatchContext): boolean {
  if (cx.st.initiatedMode !== 'aggressive' || cx.st.established || cx.st.ownAuthFailure || cx.st.peerAuthOk) return false;
  markAggressiveRefused(ev);
  cx.rec.phase = 1;
  return true;
}

/** `NOTIFY_NAME` in a sent/received line → the event its meaning says. */
export function notifyMapped(direction: 'sent' | 'received'): Hook {
  return (ev, _m, cx) => {
    const type = (ev.vars['notify'] ?? '').replace(/^v[12]N_/, '');
    ev.vars['notify'] = type;
    ev.vars['direction'] = direction;
    ev.type = eventForNotify(type);
    if (type === 'AUTHENTICATION_FAILED' && direction === 'received' && aggressiveRefused(ev, cx)) return;
    if (ev.type === 'notify') ev.vars['type'] = type;
    // INVALID_ID_INFORMATION is placed below by when it arrives.
    if (ev.type === 'ts-unacceptable' && type !== 'INVALID_ID_INFORMATION') cx.rec.phase = 2;
    if (type === 'AUTHENTICATION_FAILED') cx.rec.phase = 1;
    // A refusal once the IKE SA is up (an IKEv1 Informational, a CREATE_CHILD_SA) is phase 2's,
    // one before it phase 1's.
    if (!cx.rec.phase) {
      cx.rec.phase = cx.st.established || (cx.rec.connName !== undefined && cx.conn().phase2Started === true) ? 2 : 1;
      // An IKEv1 SA whose start is not in the log (a posted tail): the refusal may answer a quick
      // mode on an ISAKMP SA that was up all along. Its deletion later says which (deletedState).
      if (cx.rec.phase === 1 && !cx.st.begun && cx.rec.ikeVersion !== 2 && cx.st.ikeVersion !== 2) {
        ev.vars['phaseGuessed'] = 'true';
        cx.st.phaseGuessed = true;
      }
    }
    // INVALID_ID_INFORMATION refuses the identity in phase 1, the selectors in phase 2.
    if (type === 'INVALID_ID_INFORMATION' && !cx.st.established && cx.rec.phase !== 2) {
      ev.type = 'id-mismatch';
      cx.rec.phase = 1;
    }
    if (ev.vars['remote']) remote(cx, ev.vars['remote']);
    if (ev.vars['exchange']) applyState(cx, ev.vars['exchange']);
  };
}

/** `sending notification X to ADDR`: stays a `notify` event (the line before names the reason). */
export const notifySent: Hook = (ev, _m, cx) => {
  ev.vars['direction'] = 'sent';
  remote(cx, ev.vars['remote']);
  const t = ev.vars['type'] ?? '';
  // The refusal that follows this end's own certificate check (`X509: authentication failed; …`)
  // only reports it: the certificate's failure is the cause, and its record says so.
  if ((t === 'INVALID_ID_INFORMATION' || t === 'AUTHENTICATION_FAILED') && cx.st.certRefused && !cx.st.established) {
    cx.rec.phase = 1;
    return;
  }
  // The device refusing the other end's identity in phase 1.
  if (t === 'INVALID_ID_INFORMATION' && !cx.st.established && cx.rec.phase !== 2) {
    ev.type = 'id-mismatch';
    cx.rec.phase = 1;
    return;
  }
  // A refusal sent before any IKE SA state exists (`packet from ADDR:` lines name no connection):
  // this end refused the other's first message. Its reason is the line before (no acceptable
  // transform, no connection), which a paste may lack: the rules read the two together.
  if (t === 'NO_PROPOSAL_CHOSEN' && cx.rec.session === undefined && cx.rec.connName === undefined && !cx.st.established) {
    cx.rec.phase = 1;
    ev.vars['stateless'] = 'true';
    return;
  }
  // INVALID_ID_INFORMATION refuses the identity in phase 1 and the selectors in phase 2.
  if (t === 'TS_UNACCEPTABLE' || (t === 'INVALID_ID_INFORMATION' && cx.st.established)) cx.rec.phase = 2;
  if (t === 'AUTHENTICATION_FAILED' || t === 'INVALID_HASH_INFORMATION') cx.rec.phase = 1;
  // Refused after the other end's signature verified: not its key but its identity (an ID its
  // certificate does not carry, or one no connection accepts).
  if (t === 'AUTHENTICATION_FAILED' && cx.st.peerAuthOk && !cx.st.established) {
    ev.type = 'id-mismatch';
    ev.vars['reason'] = 'refused-after-authentication';
  }
};

/** `sent IKE_AUTH request … with digital-signature … and ID '…'`, `I am sending my cert`: how this end authenticates. */
export const ownAuth: Hook = (ev, _m, cx) => {
  cx.st.ownAuth = ev.vars['method'] ? (authMethodOf(ev.vars['method']) ?? cx.st.ownAuth) : 'certificate';
};

/** `X509: authentication failed; …`: the other end's certificate does not carry the ID it sent. */
export const certRefused: Hook = (_ev, _m, cx) => {
  cx.st.certRefused = true;
};

/** `authenticated using RSA …`, `certificate verified OK`: the other end proved itself. */
export const peerAuthenticated: Hook = (_ev, _m, cx) => {
  cx.st.peerAuthOk = true;
};

export const failedInState: Hook = (ev, _m, cx) => {
  applyState(cx, ev.vars['state']);
  ev.type = cx.rec.phase === 2 ? 'p2-failed' : 'p1-failed';
};

export const deletedState: Hook = (ev, _m, cx) => {
  ev.vars['what'] = (ev.vars['what'] ?? '').trim();
  applyState(cx, ev.vars['state']);
  // An ISAKMP SA deleted in an established state after a refusal taken as phase 1's: it was up when
  // the refusal came, so the refusal answered a quick mode (phase 2).
  const state = ev.vars['state'] ?? '';
  if (cx.st.phaseGuessed && /MAIN_I4$|MAIN_R3$|AGGR_I2$|AGGR_R2$/.test(state)) ev.vars['refusedWhileUp'] = 'true';
};

export const deleteIn: Hook = (ev, _m, cx) => {
  cx.rec.phase = ev.vars['what'] === 'ISAKMP' ? 1 : 2;
};

/** IKEv1 responder: each refused Oakley transform is the other end's offer. */
export const oakleyRefused: Hook = (ev, m, cx) => {
  const raw = `[${m[1]}]`;
  const list = parseProposalList(raw, 'IKE');
  Object.assign(ev.vars, { proposals: raw, phase: '1', normalized: JSON.stringify(list), refused: 'true' });
  cx.st.refused.push(...list);
  cx.st.refusedRaw.push(raw);
};

function attach(ev: LogEvent, cx: MatchContext, phase: 1 | 2, received: { raw: string; list: ReturnType<typeof parseProposalList> } | undefined): void {
  const configured = cx.conn().configured[phase];
  if (received && received.list.length) {
    ev.vars['received'] = JSON.stringify(received.list);
    ev.vars['receivedRaw'] = received.raw;
  }
  if (configured) {
    ev.vars['configured'] = JSON.stringify(configured.list);
    ev.vars['configuredRaw'] = configured.raw;
  }
  if (received && received.list.length && configured) ev.vars['diff'] = JSON.stringify(diffProposals(received.list, configured.list));
  cx.rec.phase = phase;
}

export const noOakley: Hook = (ev, _m, cx) => {
  attach(ev, cx, 1, cx.st.refused.length ? { raw: cx.st.refusedRaw.join(' '), list: cx.st.refused } : undefined);
};

export const noLocalProposal: Hook = (ev, m, cx) => {
  const raw = m[1]!.trim();
  const phase = proposalPhase(raw);
  attach(ev, cx, phase, { raw, list: parseProposalList(raw, phase === 2 ? 'ESP' : 'IKE') });
};

/** `"conn":   1:IKE=…` after "IKE SA proposals (connection add):" — the device's own configuration. */
export const configuredLine: Hook = (ev, m, cx) => {
  const raw = `${m[1]}:${m[2]}=${m[3]}`;
  const p = proposalVars(raw);
  Object.assign(ev.vars, p.vars);
  cx.rec.phase = p.phase;
  const conn = cx.conn();
  const prev = conn.configured[p.phase];
  conn.configured[p.phase] = prev ? { raw: `${prev.raw} ${raw}`, phase: p.phase, list: [...prev.list, ...p.list] } : { raw, phase: p.phase, list: p.list };
};

export function listing(phase: 1 | 2): Hook {
  return (_ev, _m, cx) => {
    const conn = cx.conn();
    conn.listing = phase;
    delete conn.configured[phase];
  };
}

export const connectionAdded: Hook = (ev, _m, cx) => {
  cx.conn().ikeVersion = ev.vars['version'] === '1' ? 1 : 2;
};

export const selected: Hook = (ev, m, cx) => {
  const p = proposalVars(m[1]!);
  Object.assign(ev.vars, p.vars, { remoteProposals: m[2]!.trim() });
  cx.rec.phase = p.phase;
};

/** `{cipher=… integ=… group=…}` / `xfrm=…` of an "established" line → the agreed values. */
export const establishedSummary: (phase: 1 | 2) => Hook = (phase) => (ev, m, cx) => {
  cx.rec.phase = phase;
  if (phase === 1) cx.st.established = true;
  const text = ev.vars['detail'] ?? m[0];
  const brace = /\{[^}]*\}/.exec(text)?.[0];
  const xfrm = /\bxfrm=(\S+?)[\s}]/.exec(text)?.[1];
  const list = phase === 2 && xfrm ? parseProposalList(`xfrm=${xfrm}`, 'ESP') : brace && phase === 1 ? parseProposalList(brace, 'IKE') : [];
  if (list.length) ev.vars['normalized'] = JSON.stringify(list);
  const ts = /\[([^\]]*?)(?:===|\] -> \[)([^\]]*)\]/.exec(text);
  if (ts) {
    ev.vars['localTs'] = rangeToCidr(ts[1]!);
    ev.vars['remoteTs'] = rangeToCidr(ts[2]!);
  } else if (phase === 2 && cx.st.childLookup) Object.assign(ev.vars, cx.st.childLookup);
};

export const negotiated: Hook = (ev, _m, cx) => {
  cx.st.childLookup = { localTs: rangeToCidr(ev.vars['localTs'] ?? ''), remoteTs: rangeToCidr(ev.vars['remoteTs'] ?? '') };
};

export const childTs: Hook = (ev) => {
  for (const k of ['localTs', 'remoteTs']) if (ev.vars[k]) ev.vars[k] = ev.vars[k]!.split(/[,\s]+/).map(rangeToCidr).join(',');
};

/** `no acceptable response to our first encrypted message` in IKEv2: the IKE_AUTH request went unanswered (not refused). */
export const unansweredAuth: Hook = (ev, _m, cx) => {
  if (cx.rec.ikeVersion !== 2) return;
  ev.type = 'retransmit-limit';
  const { reason: _refusal, ...counts } = ev.vars;
  ev.vars = { ...counts, auth: 'true' };
};

/** Retransmission give-up: what it waited for decides the event. */
export const gaveUp: Hook = (ev, m, cx) => {
  const text = m.input;
  if (cx.state && ESTABLISHED_STATE.test(cx.state)) {
    // Giving up on an SA that was up: its liveness (DPD) probes went unanswered.
    ev.type = 'dpd-dead';
    cx.rec.phase = 1;
  } else if (/first encrypted message|Possible authentication failure/i.test(text)) {
    cx.rec.phase = 1;
    // IKEv2 answers an AUTH it cannot verify with AUTHENTICATION_FAILED: silence after IKE_AUTH
    // is a path that drops it (UDP 4500 after NAT detection, lab wave 7), not a wrong key. In
    // IKEv1 a responder with another key cannot decrypt main mode 5 and stays silent.
    ev.type = 'auth-failed';
    ev.vars['reason'] = 'no-response-to-encrypted';
    unansweredAuth(ev, m, cx);
  } else if (/Quick Mode/i.test(text)) {
    ev.type = 'p2-timeout';
    cx.rec.phase = 2;
  } else if (/first IKEv[12] message/.test(text)) {
    ev.type = 'p1-timeout';
    cx.rec.phase = 1;
  }
};

export const dropping: Hook = (ev, m, cx) => {
  const n = /\b(?:v2N_)?(NO_PROPOSAL_CHOSEN|AUTHENTICATION_FAILED|TS_UNACCEPTABLE|INVALID_ID_INFORMATION|INVALID_KE_PAYLOAD)\b/.exec(m.input);
  if (n) {
    ev.vars['notify'] = n[1]!;
    // `dropping unexpected ISAKMP_v2_IKE_AUTH message containing v2N_NO_PROPOSAL_CHOSEN`: the IKE SA's
    // proposal was agreed in IKE_SA_INIT, so a proposal (or KE) refused in IKE_AUTH or
    // CREATE_CHILD_SA is the Child SA's.
    if (/\b(?:ISAKMP_v2_)?(?:IKE_AUTH|CREATE_CHILD_SA)\b/.test(m.input) && /^(?:NO_PROPOSAL_CHOSEN|TS_UNACCEPTABLE|INVALID_KE_PAYLOAD)$/.test(n[1]!)) cx.rec.phase = 2;
    notifyMapped('received')(ev, m, cx);
  }
};

export const natResult: Hook = (ev) => {
  if (/no NAT detected/i.test(ev.vars['result'] ?? '')) ev.type = '';
};

/** A notify name somewhere in a line: sent when the line says the device sends it. */
export const notifyGuess: Hook = (ev, m, cx) => notifyMapped(/\b(?:sending|responding|sent)\b/.test(m.input) ? 'sent' : 'received')(ev, m, cx);

export const restart: Hook = (_ev, _m, cx) => cx.restart();
