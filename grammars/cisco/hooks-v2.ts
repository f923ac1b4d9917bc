// IKEv2 hooks shared by ASA (750xxx, `debug crypto ikev2`) and IOS (`debug crypto ikev2`,
// `%IKEV2-…`): the abort reason ASA and IOS name, and the packet dump — direction and exchange of
// each packet, the SA payload read as a proposal block, the notifies a packet carries.
import { levelFromEvent } from '../peer-common/catalog-kit.js';
import * as H from './hooks.js';
import { ciscoPeer } from './state.js';
import { blockSeen, feedDump, feedPolicy, openBlock } from './transforms.js';
import { diffProposals } from '../peer-common/proposal-diff.js';
import type { MatchContext } from '../peer-common/catalog-kit.js';
import type { LogEvent } from '../../src/types.js';

/** `Negotiation aborted due to ERROR: <reason>`: the reason names the failure; a bare one decides nothing. */
export const v2Abort: H.Hook = (ev, m, cx) => {
  const r = ev.vars['reason'] ?? '';
  ev.vars = { reason: r };
  if (/matching (?:policy|proposal)|NO_PROPOSAL_CHOSEN|no proposal chosen/i.test(r)) {
    ev.type = 'no-proposal';
    cx.rec.phase = /child|IPsec|CREATE_CHILD/i.test(r) || cx.st.established ? 2 : 1;
    H.noProposal(ev, m, cx);
  } else if (/auth(?:entication)?(?: exchange)? fail|AUTHENTICATION_FAILED|failed to authenticate|authentication data/i.test(r)) {
    ev.type = 'auth-failed';
    ev.vars['reason'] = 'psk';
    cx.rec.phase = 1;
  } else if (/traffic selector|TS_UNACCEPTABLE|policy found for received TS/i.test(r)) {
    ev.type = 'ts-unacceptable';
    H.tsHook(ev, m, cx);
  } else if (/maximum number of retransmissions|max(?:imum)? retransmi/i.test(r)) {
    H.retransmit('first')(ev, m, cx);
    ev.type = 'retransmit-limit';
  } else H.generic(ev, m, cx);
};

/** `Received Packet [From A:p/To B:p/…]` / `Sending Packet [To A:p/From B:p/…]`: a packet, and the dump after it. */
export function packet(dir: 'in' | 'out'): H.Hook {
  return (ev, _m, cx) => {
    const p = ciscoPeer(cx.st);
    const peer = { ip: ev.vars['peer']!, port: Number(ev.vars['peerPort']) };
    const me = { ip: ev.vars['me']!, port: Number(ev.vars['myPort']) };
    cx.rec.remote = peer;
    cx.rec.local = me;
    p.dump = { dir };
    p.block = undefined;
    if (dir === 'in') p.received++;
    ev.vars = dir === 'in' ? { from: `${peer.ip}:${peer.port}`, to: `${me.ip}:${me.port}` } : { to: `${peer.ip}:${peer.port}`, from: `${me.ip}:${me.port}` };
    cx.rec.phase = H.phaseOf(cx);
  };
}

/** `IKEv2 IKE_SA_INIT Exchange REQUEST`: the exchange of the packet being dumped; a new SA_INIT starts a negotiation. */
export const exchange: H.Hook = (ev, m, cx) => {
  const p = ciscoPeer(cx.st);
  const ex = ev.vars['exchange']!;
  const request = ev.vars['kind'] === 'REQUEST';
  ev.type = '';
  if (!p.dump) return;
  p.dump.exchange = ex;
  p.dump.request = request;
  if (p.dump.dir === 'out' && request) p.lastRequest = ex;
  cx.rec.phase = ex === 'IKE_SA_INIT' || ex === 'IKE_AUTH' ? 1 : ex === 'CREATE_CHILD_SA' ? 2 : H.phaseOf(cx);
  if (ex === 'IKE_SA_INIT' && request && !cx.st.established) {
    ev.type = 'p1-start';
    ev.vars = {};
    H.role(p.dump.dir === 'out' ? 'initiator' : 'responder')(ev, m, cx);
    if (p.dump.dir === 'in') p.received = 1;
    else p.lastRequest = ex;
  }
};

/** A notify that refuses something (types below 16384), among the payloads a line lists. */
const ERROR_NOTIFY = /NOTIFY\((NO_PROPOSAL_CHOSEN|AUTHENTICATION_FAILED|TS_UNACCEPTABLE|INVALID_[A-Z_]+|SINGLE_PAIR_REQUIRED|NO_ADDITIONAL_SAS|INTERNAL_ADDRESS_FAILURE|FAILED_CP_REQUIRED|UNSUPPORTED_CRITICAL_PAYLOAD|TEMPORARY_FAILURE|CHILD_SA_NOT_FOUND)\)/;

/**
 * A dump line under a packet: the SA payload's proposals (the other end's offer when the packet
 * came in, this device's when it went out), or a notify the packet carries.
 */
/** ASA IKEv2 `Received Policies:` / `Expected Policies:`: the `Proposal N: …` lines after it fill the list. */
export function policies(kind: 'received' | 'configured'): H.Hook {
  return (ev, _m, cx) => {
    ev.type = '';
    ciscoPeer(cx.st).policies = openBlock(kind, 1);
    cx.rec.phase = 1;
  };
}

/**
 * One `Proposal N: …` line of a policy list: the other end's offer (received) or this device's
 * (expected), the expected one diffed against the offer read before it.
 */
function policyLine(m: RegExpExecArray, cx: MatchContext): void {
  const s = ciscoPeer(cx.st);
  const b = s.policies!;
  feedPolicy(b, m[1]!, m[2]!, m[3]!, m[4]!, m[5]!);
  const { seen, vars } = blockSeen(b);
  cx.rec.phase = 1;
  if (b.kind === 'received') {
    s.receivedPolicies = seen;
    cx.rec.event = { type: 'proposal-received', vars };
    return;
  }
  const offer = s.receivedPolicies;
  const diff = offer && offer.list.length > 0 && seen.list.length > 0 ? diffProposals(offer.list, seen.list) : [];
  cx.rec.event = { type: 'proposal-configured', vars: diff.length > 0 ? { ...vars, diff: JSON.stringify(diff) } : vars };
}

export function dumpLine(line: string, cx: MatchContext): void {
  const p = ciscoPeer(cx.st);
  const dump = p.dump;
  cx.rec.level = 'debug';
  cx.rec.ikeVersion = 2;
  const pol = p.policies ? /^\s*Proposal (\d+): (\S+) (\S+) (\S+) (\S+(?: \S+)?)\s*$/.exec(line) : null;
  if (pol) {
    policyLine(pol, cx);
    return;
  }
  if (!dump) return;
  // IOS-XE 16 lists the payloads on the line under `Payload contents:` (` VID IDr AUTH
  // NOTIFY(NO_PROPOSAL_CHOSEN)`), which folds into that record: its error notify counts.
  const listed = /^\s*Payload contents:/.test(line) ? (cx.rec.continuation ?? []).map((c) => ERROR_NOTIFY.exec(c)).find((x) => x !== null) : undefined;
  const n = listed ?? /NOTIFY\(([\w_]+)\)/.exec(line);
  if (n) {
    const ev = { type: 'notify', vars: { type: n[1]! } };
    const m = n as RegExpExecArray;
    if (dump.dir === 'in') H.notifyIn(ev, m, cx);
    else H.notifyOut(ev, m, cx);
    // In IKE_AUTH the IKE SA's proposal was agreed in IKE_SA_INIT: a proposal refused there is the Child SA's.
    if (dump.exchange === 'IKE_AUTH' && /^(?:NO_PROPOSAL_CHOSEN|TS_UNACCEPTABLE)$/.test(ev.vars.type ?? '')) cx.rec.phase = 2;
    if (ev.type !== '') {
      cx.rec.event = ev;
      cx.rec.level = 'info';
      levelFromEvent(cx.rec);
    }
    return;
  }
  // Selectors of an incoming request: TSi is the other end's side, TSr this device's.
  const ts = /^\s*(TSi|TSr)\s+Next payload/.exec(line);
  if (ts) dump.ts = ts[1] as 'TSi' | 'TSr';
  const addr = /start addr: ([\d.]+), end addr: ([\d.]+)/.exec(line);
  if (addr && dump.ts && dump.dir === 'in') {
    const ev: LogEvent = { type: '', vars: dump.ts === 'TSi' ? { remote: `${addr[1]}-${addr[2]}` } : { local: `${addr[1]}-${addr[2]}` } };
    H.rememberTs(ev, addr, cx);
    return;
  }
  const kind = dump.dir === 'in' ? 'received' : 'configured';
  if (/Proposal: \d+, Protocol id: /.test(line) && (!p.block || p.block.kind !== kind)) p.block = openBlock(kind, 1);
  if (!p.block) return;
  const r = feedDump(p.block, line);
  cx.rec.phase = p.block.phase;
  if (r !== 'transform') return;
  const { seen, vars } = blockSeen(p.block);
  cx.st[kind] = seen;
  cx.rec.event = { type: kind === 'received' ? 'proposal-received' : 'proposal-configured', vars };
}
