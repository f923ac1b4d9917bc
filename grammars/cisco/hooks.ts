// How a Cisco catalogue line reads and updates the peer's state: roles, the refusal of a proposal
// with the diff both blocks give, ASA's printed attribute difference, selectors, retransmissions
// and their meaning, deletions and the reasons ASA names, notifies.
import type { LogEvent } from '../../src/types.js';
import { eventForNotify, type MatchContext } from '../peer-common/catalog-kit.js';
import { notifyName } from '../peer-common/events.js';
import { rangeToCidr } from '../peer-common/endpoints.js';
import { diffProposals, type ProposalDiff } from '../peer-common/proposal-diff.js';
import { parseProposalList } from '../peer-common/proposals.js';
import { ciscoPeer, type CiscoSource } from './state.js';

export type Hook = (ev: LogEvent, m: RegExpExecArray, cx: MatchContext) => void;

/** The source state reaches the hooks through the context (set by the dialect per record). */
export interface CiscoContext extends MatchContext {
  src: CiscoSource;
}
const src = (cx: MatchContext): CiscoSource => (cx as CiscoContext).src;

export const phaseOf = (cx: MatchContext): 1 | 2 => (cx.st.established ? 2 : 1);

export function role(r: 'initiator' | 'responder', mode?: string): Hook {
  return (ev, _m, cx) => {
    ciscoPeer(cx.st).role = r;
    ciscoPeer(cx.st).received = 0;
    cx.st.established = false;
    ev.vars['role'] = r;
    if (mode) ev.vars['mode'] = mode;
    if (ev.vars['mode']) ev.vars['mode'] = ev.vars['mode'].toLowerCase();
    if (cx.rec.remote) ev.vars['remote'] = cx.rec.remote.ip;
    cx.rec.phase = 1;
  };
}

export const up: Hook = (_ev, _m, cx) => {
  cx.st.established = true;
  cx.rec.phase = 1;
};

export const setPhase: Hook = (_ev, _m, cx) => {
  cx.rec.phase ??= phaseOf(cx);
};

/** `/`-masked or ranged selectors (`203.0.113.0/255.255.255.128/0/0`, `203.0.113.0-203.0.113.127`) → CIDR. */
export function selector(text: string): string {
  const t = text.trim();
  const mask = /^([\d.]+)\/(\d+\.\d+\.\d+\.\d+)/.exec(t);
  if (mask) {
    const bits = mask[2]!.split('.').reduce((n, o) => n + (Number(o) >>> 0).toString(2).replace(/0/g, '').length, 0);
    return `${mask[1]}/${bits}`;
  }
  return rangeToCidr(t.replace(/\/\d+\/\d+$/, ''));
}

/** ts-unacceptable vars as the facts read them: localTs = this device's side as proposed, remoteTs = the other end's. */
export const tsHook: Hook = (ev, _m, cx) => {
  const p = ciscoPeer(cx.st);
  if (ev.vars['local']) p.localTs = selector(ev.vars['local']);
  if (ev.vars['remote']) p.remoteTs = selector(ev.vars['remote']);
  delete ev.vars['local'];
  delete ev.vars['remote'];
  if (p.localTs) ev.vars['localTs'] = p.localTs;
  if (p.remoteTs) ev.vars['remoteTs'] = p.remoteTs;
  cx.rec.phase = 2;
};

/** Remembers selectors without an event (ASA 713034/713035, IKEv2 750001). */
export const rememberTs: Hook = (ev, _m, cx) => {
  const p = ciscoPeer(cx.st);
  if (ev.vars['local']) p.localTs = selector(ev.vars['local']);
  if (ev.vars['remote']) p.remoteTs = selector(ev.vars['remote']);
};

/**
 * A refused proposal. With the offer (received) and this device's configuration both read, the
 * event carries the exact diff; a difference in the phase-2 DH group alone is PFS. ASA's 713257
 * names the one attribute instead. Without either, the event stays a bare refusal.
 */
export const noProposal: Hook = (ev, _m, cx) => {
  const p = ciscoPeer(cx.st);
  p.block = undefined;
  const phase = cx.rec.phase ?? (ev.vars['phase'] === '2' ? 2 : undefined) ?? phaseOf(cx);
  cx.rec.phase = phase;
  const r = cx.st.received?.phase === phase ? cx.st.received : undefined;
  const c = cx.st.configured?.phase === phase ? cx.st.configured : src(cx).configured[phase];
  if (r) {
    ev.vars['received'] = JSON.stringify(r.list);
    ev.vars['receivedRaw'] = r.raw;
  }
  if (c) ev.vars['configuredRaw'] = c.raw;
  let diff: ProposalDiff[] = [];
  if (p.attrDiff && p.attrDiff.phase === phase) diff = p.attrDiff.diff;
  else if (r && c && r.list.length > 0 && c.list.length > 0) {
    diff = diffProposals(r.list, c.list);
    if ((c as { pfsUnknown?: boolean }).pfsUnknown) diff = diff.filter((d) => d.parameter !== 'IpsecPfs');
  }
  if (diff.length === 0) return;
  ev.vars['diff'] = JSON.stringify(diff);
  if (phase === 2 && diff.every((d) => d.parameter === 'IpsecPfs')) {
    ev.type = 'pfs-mismatch';
    ev.vars['my'] = diff[0]!.peer ?? '';
    ev.vars['peer'] = diff[0]!.cloud ?? '';
  }
};

/** ASA 713257 class names → the token kind its values are read as. */
const CLASS_KIND: [RegExp, 'enc' | 'hash' | 'dh'][] = [
  [/encr/i, 'enc'],
  [/hash|integ|auth(?:entication)? alg/i, 'hash'],
  [/group|DH|Diffie/i, 'dh'],
];

/** A printed value (`Group 14`, `AES-256`, `SHA2-256`) → its Alibaba value through the one table. */
function valueOf(kind: 'enc' | 'hash' | 'dh', text: string, phase: 1 | 2): string | undefined {
  const t = text.trim().replace(/^ESP[-_]/i, '');
  const tok = kind === 'dh' ? `GROUP${/\d+/.exec(t)?.[0] ?? t}` : t.replace(/\s+/g, '_');
  const list = parseProposalList(`${phase === 2 ? 'ESP' : 'IKE'}:${tok}`, phase === 2 ? 'ESP' : 'IKE')[0];
  if (!list) return undefined;
  const key = kind === 'enc' ? (phase === 2 ? 'IpsecEncAlg' : 'IkeEncAlg') : kind === 'hash' ? (phase === 2 ? 'IpsecAuthAlg' : 'IkeAuthAlg') : phase === 2 ? 'IpsecPfs' : 'IkePfs';
  return list[key];
}

/** ASA 713257 `Phase N failure: Mismatched attribute types for class C: Rcv'd: X Cfg'd: Y`. */
export const attrMismatch: Hook = (ev, _m, cx) => {
  const phase = ev.vars['phase'] === '2' ? 2 : 1;
  cx.rec.phase = phase;
  const kind = CLASS_KIND.find(([re]) => re.test(ev.vars['class'] ?? ''))?.[1];
  if (!kind) return;
  const cloud = valueOf(kind, ev.vars['rcvd'] ?? '', phase);
  const peer = valueOf(kind, ev.vars['cfgd'] ?? '', phase);
  const parameter = (kind === 'enc' ? (phase === 2 ? 'IpsecEncAlg' : 'IkeEncAlg') : kind === 'hash' ? (phase === 2 ? 'IpsecAuthAlg' : 'IkeAuthAlg') : phase === 2 ? 'IpsecPfs' : 'IkePfs') as ProposalDiff['parameter'];
  if (!cloud && !peer) return;
  const diff: ProposalDiff[] = [{ parameter, ...(cloud ? { cloud } : {}), ...(peer ? { peer } : {}) }];
  ciscoPeer(cx.st).attrDiff = { phase, diff };
  noProposal(ev, _m, cx);
};

/** A notify the other end sent (`processing NOTIFY INVALID_ID_INFO`, ASA `non-routine Notify message: X (18)`). */
export const notifyIn: Hook = (ev, _m, cx) => {
  const raw = ev.vars['type'] ?? '';
  const num = /\((\d+)\)/.exec(raw)?.[1];
  const IOS: Record<string, string> = { PROPOSAL_NOT_CHOSEN: 'NO_PROPOSAL_CHOSEN', INVALID_ID_INFO: 'INVALID_ID_INFORMATION', INVALID_HASH_INFO: 'INVALID_HASH_INFORMATION', 'No proposal chosen': 'NO_PROPOSAL_CHOSEN', 'Invalid ID info': 'INVALID_ID_INFORMATION', 'Invalid hash info': 'INVALID_HASH_INFORMATION' };
  const name = num ? notifyName(num) : (IOS[raw.replace(/\s*\(\d+\)$/, '')] ?? notifyName(raw.replace(/[- ]/g, '_').toUpperCase()));
  ev.vars = { type: name, direction: 'received' };
  if (/R_U_THERE_ACK/.test(raw)) {
    ev.type = 'dpd-ack';
    return;
  }
  if (/R_U_THERE|INITIAL_CONTACT|RESPONDER_LIFETIME|REPLAY/.test(raw)) {
    ev.type = '';
    return;
  }
  ev.type = eventForNotify(name);
  cx.rec.phase = name === 'INVALID_ID_INFORMATION' || name === 'TS_UNACCEPTABLE' || cx.st.established ? 2 : 1;
  if (ev.type === 'ts-unacceptable') tsHook(ev, _m, cx);
};

/** A notify this device sent: its own refusal (IKEv2 dumps `NOTIFY(NO_PROPOSAL_CHOSEN)` in an outgoing packet). */
export const notifyOut: Hook = (ev, m, cx) => {
  const name = ev.vars['type'] ?? '';
  ev.vars = { type: name, direction: 'sent' };
  const meaning = eventForNotify(name);
  if (meaning === 'notify') {
    ev.type = '';
    return;
  }
  ev.type = meaning;
  const dump = ciscoPeer(cx.st).dump;
  cx.rec.phase = name === 'TS_UNACCEPTABLE' || cx.st.established || (dump?.exchange !== undefined && dump.exchange !== 'IKE_SA_INIT') ? 2 : 1;
  if (meaning === 'no-proposal') noProposal(ev, m, cx);
  if (meaning === 'ts-unacceptable') tsHook(ev, m, cx);
};

/**
 * A retransmission: `first` when this end initiated and nothing came back yet, `auth` when the
 * message repeated is the one carrying the authentication (IKEv1 main mode 5, IKEv2 IKE_AUTH).
 */
export function retransmit(what: 'first' | 'auth' | 'state' | 'p2'): Hook {
  return (ev, _m, cx) => {
    const p = ciscoPeer(cx.st);
    const state = ev.vars['state'] ?? '';
    ev.vars = { ...(state ? { state } : {}) };
    if (what === 'p2' || cx.st.established) {
      cx.rec.phase = 2;
      return;
    }
    cx.rec.phase = 1;
    const initiator = p.role !== 'responder';
    if (what === 'first' && p.received === 0 && initiator) ev.vars['first'] = 'true';
    if (what === 'auth' && initiator) ev.vars['auth'] = 'true';
    if (what === 'state') {
      if (/^(?:MM_NO_STATE|AG_NO_STATE|AG_INIT_EXCH|MM_WAIT_MSG2|AM_WAIT_MSG2)$/.test(state) && initiator && p.received === 0) ev.vars['first'] = 'true';
      if (/^(?:MM_KEY_EXCH|MM_WAIT_MSG6)$/.test(state) && initiator) ev.vars['auth'] = 'true';
    }
    if (p.lastRequest === 'IKE_AUTH' && initiator && what !== 'state') ev.vars['auth'] = 'true';
  };
}

/** A give-up: phase-1 timeout until phase 1 is up, then phase 2; `first`/`auth` as for a retransmission. */
export const timeout: Hook = (ev, m, cx) => {
  const state = ev.vars['state'] ?? '';
  if (/QM_|P2/.test(state) || (cx.st.established && !/MM_|AM_|P1/.test(state))) {
    ev.type = 'p2-timeout';
    cx.rec.phase = 2;
    return;
  }
  retransmit('state')(ev, m, cx);
  ev.type = 'p1-timeout';
};

/** ASA 713050/713259/750007 reasons, IOS `Crypto tunnel is DOWN`: who ended the tunnel. */
export const teardown: Hook = (ev, _m, cx) => {
  const reason = (ev.vars['reason'] ?? '').trim();
  ev.vars = { what: 'ISAKMP SA', ...(reason ? { reason } : {}) };
  cx.rec.phase = 1;
  if (/peer (?:terminate|delete)|peer reclaimed|remote/i.test(reason)) ev.type = 'delete-received';
  else if (/lost service|lost contact|DPD|keepalive|dead peer/i.test(reason)) ev.type = 'dpd-dead';
  // The proposed proxies match no crypto map entry's ACL: the protected subnets differ.
  else if (/crypto map policy not found/i.test(reason)) {
    ev.type = 'ts-unacceptable';
    cx.rec.phase = 2;
  } else if (/phase 2 mismatch|mismatch/i.test(reason)) ev.type = '';
  else ev.type = 'delete-sent';
  cx.st.established = false;
};

/** The generic failure lines: an error without an event (the line before says why). */
export const generic: Hook = (ev, _m, cx) => {
  cx.rec.phase ??= phaseOf(cx);
  cx.rec.level = 'error';
  ev.type = '';
};

export const idSeen: Hook = (ev, _m, cx) => {
  ciscoPeer(cx.st).peerId = ev.vars['id'];
  ev.type = '';
};

export const idMismatch: Hook = (ev, _m, cx) => {
  const id = ciscoPeer(cx.st).peerId;
  if (id) ev.vars['received'] ??= id;
  cx.rec.phase = 1;
};

/** IOS `IPSec policy invalidated proposal with error N`: 32 is the proxy identities, else the transforms. */
export const policyError: Hook = (ev, m, cx) => {
  const code = ev.vars['error'] ?? '';
  ciscoPeer(cx.st).policyError = code;
  cx.rec.phase = 2;
  if (code === '32') {
    ev.type = 'ts-unacceptable';
    tsHook(ev, m, cx);
  } else noProposal(ev, m, cx);
};
