// Tencent Cloud VPN gateway log texts → typed events (docs/tencent.md). Two kinds of line: a
// failure summary (`IKE_SA_ESTABLISH_FAIL:Failed to establish IKE SA for the reason of <reason>[,
// configured [..], received [..]]. ike connection: <name>, my ip: <a>, peer ip: <b>.`) and a
// negotiation step (`IKE_NEGO: <message>`, strongSwan's wording for the notifies).
import type { LogRecord } from '../../src/types.js';
import { eventForNotify, levelFromEvent } from '../peer-common/catalog-kit.js';
import { notifyName } from '../peer-common/events.js';
import { diffProposals, proposalVars } from '../peer-common/proposal-diff.js';

/** What a line's tag says: a failure summary, a negotiation step or another message. */
export interface TencentFrame {
  kind: 'fail' | 'nego' | 'other';
  tag: string;
  ikeVersion?: 1 | 2;
}

type Ev = { type: string; vars: Record<string, string>; phase?: 1 | 2 };

const SUMMARY = /^Failed to establish (IKE|IPsec|IPSEC|CHILD) SA for the reason of (.+?)(?:,\s*configured\s*\[(.*?)\],\s*received\s*\[(.*?)\])?\.\s*(?:ike connection:\s*(.*?),\s*my ip:\s*(\S+?),\s*peer ip:\s*(\S+?)\.?)?\s*$/;

/** The reason of a failure summary → the event it names. */
function fromReason(reason: string, phase: 1 | 2): Ev {
  const r = reason.toLowerCase();
  if (/proposal/.test(r)) return { type: 'no-proposal', vars: { why: reason }, phase };
  if (/peer config|id payload|\bid\b|identity/.test(r)) return { type: 'id-mismatch', vars: { why: reason }, phase: 1 };
  if (/secret|pre-?shared|psk/.test(r)) return { type: 'auth-failed', vars: { reason: 'no-shared-key', why: reason }, phase: 1 };
  if (/auth/.test(r)) return { type: 'auth-failed', vars: { why: reason }, phase: 1 };
  if (/no response|not respond|timeout|timed out/.test(r)) return { type: 'retransmit-limit', vars: { why: reason }, phase };
  if (/selector|ts_unacceptable|subnet/.test(r)) return { type: 'ts-unacceptable', vars: { why: reason }, phase: 2 };
  return { type: phase === 1 ? 'p1-failed' : 'p2-failed', vars: { why: reason }, phase };
}

function summary(m: RegExpExecArray): Ev {
  const phase: 1 | 2 = m[1] === 'IKE' ? 1 : 2;
  const ev = fromReason(m[2]!, phase);
  const [configured, received] = [m[3], m[4]];
  if (ev.type === 'no-proposal' && configured && received && /^(?:IKE|ESP|AH):/.test(configured)) {
    // The gateway's own list is "configured"; the other end's offer is "received" (the cloud's, seen from here).
    const c = proposalVars(configured);
    const r = proposalVars(received);
    Object.assign(ev.vars, { configured: JSON.stringify(c.list), received: JSON.stringify(r.list), diff: JSON.stringify(diffProposals(r.list, c.list)) });
  } else if (configured && received) Object.assign(ev.vars, { expected: configured, received });
  if (m[5]) ev.vars['connection'] = m[5];
  if (m[6]) ev.vars['local'] = m[6];
  if (m[7]) ev.vars['remote'] = m[7];
  return ev;
}

function negotiation(msg: string): Ev | undefined {
  let m = /^received (\S+) (?:error notify|notify error)/.exec(msg);
  if (m) {
    const type = notifyName(m[1]!);
    const ev: Ev = { type: eventForNotify(type), vars: { notify: type, direction: 'received' } };
    if (ev.type === 'notify') ev.vars['type'] = type;
    // A refusal with nothing around it: phase 1's, as charon takes it before the IKE SA is up.
    ev.phase = ev.type === 'ts-unacceptable' ? 2 : 1;
    return ev;
  }
  m = /^retransmit IKEv([12]) (Main|Aggressive|Quick) Mode (Initiator|Responder) (\d+)\w* message (\d+) times?/i.exec(msg);
  if (m) {
    const quick = /quick/i.test(m[2]!);
    const vars: Record<string, string> = { count: m[5]!, kind: 'request' };
    if (m[4] === '1' && !quick) vars['first'] = 'true';
    if (m[4] === '5' && /main/i.test(m[2]!)) vars['auth'] = 'true';
    return { type: 'retransmit', vars, phase: quick ? 2 : 1 };
  }
  if (/^invalid HASH_V1 payload length, decryption failed/.test(msg)) return { type: 'decrypt-failed', vars: {}, phase: 1 };
  return undefined;
}

export function classifyTencent(rec: LogRecord, frame: TencentFrame | undefined): void {
  const msg = rec.message.slice(0, 4000);
  const m = frame?.kind === 'fail' ? SUMMARY.exec(msg) : null;
  const ev = m ? summary(m) : frame?.kind === 'nego' ? negotiation(msg) : undefined;
  if (!ev) return;
  rec.event = { type: ev.type, vars: ev.vars };
  if (ev.phase) rec.phase = ev.phase;
  if (frame?.ikeVersion) rec.ikeVersion = frame.ikeVersion;
  levelFromEvent(rec);
}
