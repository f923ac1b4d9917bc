// What the FortiGate catalogue remembers between lines of one IKE SA (its serial) and how a line
// reads it: the proposal block being printed, both blocks seen, the peer identifier, the traffic
// selectors offered, the last message label sent (to tell a first or an AUTH retransmission).
import type { LogEvent } from '../../src/types.js';
import type { MatchContext } from '../peer-common/catalog-kit.js';
import { eventForNotify } from '../peer-common/catalog-kit.js';
import { rangeToCidr } from '../peer-common/endpoints.js';
import { diffProposals, putProposalLists } from '../peer-common/proposal-diff.js';
import type { SessionState } from '../peer-common/session-state.js';
import { blockSeen, feedBlock, openBlock, type ProposalBlock } from './proposal-block.js';

type Hook = (ev: LogEvent, m: RegExpExecArray, cx: MatchContext) => void;

export interface FortigateSession {
  block?: ProposalBlock;
  peerId?: string;
  /** Selectors the other end proposed: its own side (TSi / `peer:`) and this side's (TSr / `me:`). */
  peerTs?: string;
  myTs?: string;
  lastLabel?: string;
  role?: 'initiator' | 'responder';
}

const extra = new WeakMap<SessionState, FortigateSession>();

export function fortigateState(st: SessionState): FortigateSession {
  let s = extra.get(st);
  if (!s) {
    s = {};
    extra.set(st, s);
  }
  return s;
}

/** Phase of a line: its prefix names a phase-2 SA, or the IKE SA is up; else phase 1. */
export function phaseOf(cx: MatchContext): 1 | 2 {
  return cx.rec.context?.['phase2'] !== undefined || cx.st.established ? 2 : 1;
}

export const setPhase: Hook = (_ev, _m, cx) => {
  cx.rec.phase ??= phaseOf(cx);
};

/** `incoming proposal:` / `incoming child SA proposal:` / `my proposal[, gw X]:` open a block. */
export function open(kind: 'received' | 'configured', child = false): Hook {
  return (_ev, _m, cx) => {
    const fs = fortigateState(cx.st);
    // `my proposal` follows the incoming block of the same exchange: it shares its phase.
    const phase = child ? 2 : kind === 'configured' && fs.block ? fs.block.phase : phaseOf(cx);
    fs.block = openBlock(kind, phase);
    cx.rec.phase = phase;
  };
}

/** A line inside a block: a transform makes the record a proposal event carrying the block so far. */
export function blockLine(msg: string, cx: MatchContext): boolean {
  const fs = fortigateState(cx.st);
  const b = fs.block;
  if (!b) return false;
  const r = feedBlock(b, msg);
  if (r === undefined) {
    fs.block = undefined;
    return false;
  }
  cx.rec.phase = b.phase;
  if (r === 'transform') {
    const { seen, vars } = blockSeen(b);
    cx.st[b.kind] = seen;
    cx.rec.event = { type: b.kind === 'received' ? 'proposal-received' : 'proposal-configured', vars };
    // Every transform line carries the block so far: a debug line, not a message to list.
    cx.rec.level = 'debug';
  }
  return true;
}

/**
 * `no SA proposal chosen` / `no proposal chosen`: with both blocks logged the facts get an exact
 * diff. Identical blocks mean the proposals were never the problem — no gateway (phase 1) or no
 * phase 2 (selectors, policy) matched; a phase-2 difference in the DH group alone is PFS.
 */
export const noProposal: Hook = (ev, _m, cx) => {
  const fs = fortigateState(cx.st);
  fs.block = undefined;
  const received = cx.st.received;
  const configured = cx.st.configured;
  const phase = cx.rec.phase ?? received?.phase ?? configured?.phase ?? phaseOf(cx);
  cx.rec.phase = phase;
  const same = (p: typeof received): typeof received => (p && p.phase === phase ? p : undefined);
  const r = same(received);
  const c = same(configured);
  putProposalLists(ev.vars, r, c);
  if (!r || !c || r.list.length === 0 || c.list.length === 0) return;
  const diff = diffProposals(r.list, c.list);
  if (diff.length === 0) {
    // Both ends offer a common proposal, yet none was chosen: nothing matched the request itself.
    if (phase === 1) {
      ev.type = 'no-config';
      ev.vars['why'] = 'no-gateway-matched';
    } else {
      ev.type = 'ts-unacceptable';
      ev.vars['why'] = 'no-phase2-matched';
      tsVars(ev, cx);
    }
    return;
  }
  ev.vars['diff'] = JSON.stringify(diff);
  if (phase === 2 && diff.every((d) => d.parameter === 'IpsecPfs')) {
    ev.type = 'pfs-mismatch';
    ev.vars['my'] = diff[0]!.peer ?? '';
    ev.vars['peer'] = diff[0]!.cloud ?? '';
  }
};

export const packetIn: Hook = (ev, _m, cx) => {
  cx.rec.remote = { ip: ev.vars['fromIp']!, port: Number(ev.vars['fromPort']) };
  cx.rec.local = { ip: ev.vars['toIp']!, port: Number(ev.vars['toPort']) };
  ev.vars['from'] = `${ev.vars['fromIp']}:${ev.vars['fromPort']}`;
  ev.vars['to'] = `${ev.vars['toIp']}:${ev.vars['toPort']}`;
};

/** IKEv1 main/aggressive mode labels of the first message, and of the one that carries the AUTH (main mode 5). */
const FIRST_LABELS = /^(?:ident_i1send|agg_i1send|SA_INIT)$/;
const AUTH_LABELS = /^(?:ident_i3send|AUTH)$/;

/**
 * `sent IKE msg (label): A:p->B:p, …`: a packet sent; a `RETRANSMIT_*` / `P1_RETRANSMIT` label is a
 * retransmission (first = the other end never answered at all, auth = it stopped after the keys).
 */
export const packetOut: Hook = (ev, _m, cx) => {
  const label = ev.vars['label']!;
  const fs = fortigateState(cx.st);
  cx.rec.local = { ip: ev.vars['fromIp']!, port: Number(ev.vars['fromPort']) };
  cx.rec.remote = { ip: ev.vars['toIp']!, port: Number(ev.vars['toPort']) };
  const rt = /^(?:RETRANSMIT_(\w+)|P([12])_RETRANSMIT)$/.exec(label);
  if (!rt) {
    fs.lastLabel = label;
    ev.vars['from'] = `${ev.vars['fromIp']}:${ev.vars['fromPort']}`;
    ev.vars['to'] = `${ev.vars['toIp']}:${ev.vars['toPort']}`;
    if (label === 'SA_INIT' || label === 'ident_i1send' || label === 'agg_i1send') {
      // This end opens a negotiation.
      ev.type = 'p1-start';
      ev.vars = { role: 'initiator', remote: ev.vars['toIp']!, local: ev.vars['fromIp']! };
      if (label !== 'SA_INIT') ev.vars['mode'] = label === 'agg_i1send' ? 'aggressive' : 'main';
      fs.role = 'initiator';
      cx.st.established = false;
      cx.rec.phase = 1;
      cx.rec.ikeVersion = label === 'SA_INIT' ? 2 : 1;
      cx.st.ikeVersion = cx.rec.ikeVersion;
    }
    return;
  }
  const of = rt[1] ?? (rt[2] === '2' ? 'CREATE_CHILD' : fs.lastLabel ?? '');
  ev.type = 'retransmit';
  ev.vars = { label, exchange: of };
  if (rt[1]) cx.rec.ikeVersion = 2;
  if (of === 'CREATE_CHILD' || /^quick/.test(of) || (cx.st.established && !rt[1])) cx.rec.phase = 2;
  else cx.rec.phase = cx.st.established ? 2 : 1;
  if (!cx.st.established && FIRST_LABELS.test(of)) ev.vars['first'] = 'true';
  if (!cx.st.established && AUTH_LABELS.test(of)) ev.vars['auth'] = 'true';
};

/** A received notify: the refusal it names, in the phase of the exchange it answers. */
export const notifyIn: Hook = (ev, _m, cx) => {
  const type = ev.vars['type']!.replace(/-/g, '_');
  ev.vars['type'] = type;
  ev.vars['direction'] = 'received';
  const meaning = eventForNotify(type);
  if (type === 'R_U_THERE_ACK') {
    ev.type = 'dpd-ack';
    return;
  }
  ev.type = meaning;
  if (meaning === 'notify' && !/^(?:NO_|AUTH|INVALID|TS_|SINGLE|INTERNAL|FAILED|TEMPORARY|CHILD_SA_NOT|UNSUPPORTED)/.test(type)) ev.type = '';
  if (meaning === 'notify') ev.vars['type'] = type;
  cx.rec.phase = type === 'TS_UNACCEPTABLE' || type === 'INVALID_ID_INFORMATION' || (cx.st.established && type !== 'AUTHENTICATION_FAILED') ? 2 : 1;
  if (cx.rec.phase === 1 && fortigateState(cx.st).lastLabel === 'AUTH' && /^(?:NO_PROPOSAL_CHOSEN|TS_UNACCEPTABLE)$/.test(type)) cx.rec.phase = 2;
};

export const rememberPeerId: Hook = (ev, _m, cx) => {
  fortigateState(cx.st).peerId = `${ev.vars['idType']} ${ev.vars['id']}`;
  cx.rec.phase = 1;
};

export const idMismatch: Hook = (ev, _m, cx) => {
  const id = fortigateState(cx.st).peerId;
  if (id) ev.vars['received'] ??= id;
  cx.rec.phase = 1;
};

/** A range selector `0:10.0.0.0-10.0.0.255:0` → `10.0.0.0/24`. */
function selector(text: string): string {
  const m = /^(?:\d+:)?([\d.]+(?:-[\d.]+)?(?:\/\d+)?)(?::\d+(?:-\d+)?)?$/.exec(text.trim());
  return m ? rangeToCidr(m[1]!) : text.trim();
}

export const rememberTs: Hook = (ev, _m, cx) => {
  const fs = fortigateState(cx.st);
  // As responder the initiator's own subnet comes as TSi: the other end's side.
  const which = ev.vars['which'];
  const value = selector(ev.vars['ts']!);
  const theirs = (which === 'TSi') === (fs.role !== 'initiator');
  if (theirs) fs.peerTs = value;
  else fs.myTs = value;
  cx.rec.phase = 2;
};

/** IKEv1 `peer proposal is: peer:0:A-B:0, me:0:C-D:0`. */
export const rememberV1Ts: Hook = (ev, _m, cx) => {
  const fs = fortigateState(cx.st);
  fs.peerTs = selector(ev.vars['peerTs']!);
  fs.myTs = selector(ev.vars['myTs']!);
  cx.rec.phase = 2;
};

/** ts-unacceptable vars as the facts read them: localTs = this device's side as proposed, remoteTs = the other end's. */
export function tsVars(ev: LogEvent, cx: MatchContext): void {
  const fs = fortigateState(cx.st);
  if (fs.myTs) ev.vars['localTs'] ??= fs.myTs;
  if (fs.peerTs) ev.vars['remoteTs'] ??= fs.peerTs;
  cx.rec.phase = 2;
}

export const tsHook: Hook = (ev, _m, cx) => tsVars(ev, cx);

export const roleStart: Hook = (ev, _m, cx) => {
  fortigateState(cx.st).role = ev.vars['role'] as 'initiator' | 'responder';
  cx.st.established = false;
  if (ev.vars['mode']) {
    ev.vars['mode'] = ev.vars['mode'].toLowerCase();
    cx.rec.ikeVersion = 1;
    cx.st.ikeVersion = 1;
  } else {
    cx.rec.ikeVersion = 2;
    cx.st.ikeVersion = 2;
  }
};

export const up: Hook = (_ev, _m, cx) => {
  cx.st.established = true;
  cx.rec.phase = 1;
};

export const version: Hook = (ev, _m, cx) => {
  const v = ev.vars['version'] === '1' ? 1 : 2;
  cx.rec.ikeVersion = v;
  cx.st.ikeVersion = v;
};

/** `negotiation timeout`: phase 1 until the IKE SA is up, then phase 2. */
export const timeout: Hook = (ev, _m, cx) => {
  const phase = phaseOf(cx);
  cx.rec.phase = phase;
  ev.type = phase === 1 ? 'p1-timeout' : 'p2-timeout';
};

/**
 * The generic `negotiation failure` / `Negotiate SA Error`: placed in its phase and kept as an
 * error line, but no event — it never decides a cause; the line before it says why.
 */
export const generic: Hook = (ev, _m, cx) => {
  cx.rec.phase = cx.rec.context?.['errorEcho'] === 'IPsec' ? 2 : phaseOf(cx);
  cx.rec.level = 'error';
  ev.type = '';
};

export const deleteIn: Hook = (ev, _m, cx) => {
  const ike = /ISAKMP|IKE/i.test(ev.vars['what'] ?? '');
  cx.rec.phase = ike ? 1 : 2;
  if (ike) cx.st.established = false;
};
