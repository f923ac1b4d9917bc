// PAN-OS messages → typed events. The system log's sentences (`IKE phase-1 negotiation is failed as
// initiator, main mode. Failed SA: … due to timeout.`, `IKEv2 child SA negotiation is succeeded …`,
// `… failed when processing Proxy ID. Received local id …`), ikemgr's bodies (racoon's and racoon2's
// messages: `authentication failure`, `received ID_I (…) does not match peers id`, `received notify
// type …`, `message lacks KE payload`), its upper-case banners, and the event ids alone (a GUI
// detail whose description is cut). Where the text does not say the phase, the exchange does: a
// phase-2 event id, else whether an IKE SA is up in this input (state kept per input).
import type { LogRecord } from '../../src/types.js';
import { eventForNotify, levelFromEvent, recordText } from '../peer-common/catalog-kit.js';
import { notifyFromWords as notifyName } from '../peer-common/events.js';
import type { PanFrame } from './tokens.js';

/** What one input has shown so far: whether an IKE SA is up (a refusal then concerns phase 2). */
export interface PanState {
  source: string | undefined;
  ikeUp: boolean;
}

/** Characters of a record's text the catalogue reads. */
const TEXT_MAX = 4000;

export const newPanState = (): PanState => ({ source: undefined, ikeUp: false });

type Ev = { type: string; vars: Record<string, string> };


/** `a.b.c.d[500]` → address and port. */
function endpoint(text: string | undefined): { ip: string; port?: number } | undefined {
  const m = /^\[?([\d.]+|[0-9a-fA-F:]*:[0-9a-fA-F:.]+)\]?\[(\d+)\]$/.exec(text ?? '') ?? /^([\d.]+)$/.exec(text ?? '');
  if (!m) return undefined;
  return m[2] ? { ip: m[1]!, port: Number(m[2]) } : { ip: m[1]! };
}

/** `L[p]-R[p]` (the system log's SA) or `L[p] - R[p]` (ikemgr): this end, then the other. */
function setEndpoints(rec: LogRecord, text: string): void {
  const m = /([\d.]+\[\d+\])\s?-\s?([\d.]+\[\d+\])/.exec(text);
  if (m) {
    const l = endpoint(m[1]);
    const r = endpoint(m[2]);
    if (l) rec.local = l;
    if (r) rec.remote = r;
    return;
  }
  const peer = /peer IP ([\d.]+)\[(\d+)\]/.exec(text) ?? /from IP ([\d.]+)\[(\d+)\]/.exec(text);
  if (peer) rec.remote = { ip: peer[1]!, port: Number(peer[2]) };
}

/** The phase of an event the text does not place: its event id, else the state of the input. */
function phaseOf(frame: PanFrame | undefined, st: PanState): 1 | 2 {
  const id = frame?.eventId ?? '';
  if (/^(?:ike-nego-p2|ikev2-nego-child|ipsec-)/.test(id)) return 2;
  if (/^(?:ike-nego-p1|ikev2-nego-ike|ikev2-nego-(?:enc|integ|prf|dh)-)/.test(id)) return 1;
  return st.ikeUp ? 2 : 1;
}

const ROLE = /as (initiator|responder)/i;
const MODE = /(main|aggressive) mode/i;

function roleVars(text: string): Record<string, string> {
  const role = ROLE.exec(text)?.[1]?.toLowerCase();
  const mode = MODE.exec(text)?.[1]?.toLowerCase();
  const vars: Record<string, string> = {};
  if (role) vars['role'] = role;
  if (mode) vars['mode'] = mode;
  if (/(?<!non-)rekey/i.test(text)) vars['rekey'] = 'true';
  return vars;
}

/**
 * Whether the other end had answered before a phase 1 timed out: the responder's cookie (IKEv1) or
 * SPI (IKEv2) in the failed SA is not all zeros — or this end is the responder, which answered first.
 */
function answered(text: string, role: string | undefined): Record<string, string> {
  if (role === 'responder') return { answered: 'true' };
  const m = /(?:cookie|SPI):\s*([0-9a-fA-F]{16}):([0-9a-fA-F]{16})/.exec(text);
  return m ? { answered: /^0+$/.test(m[2]!) ? 'false' : 'true' } : {};
}

/** A negotiation's outcome sentence (system log, banner): phase, IKE version, what happened. */
function outcome(text: string): { phase: 1 | 2; version: 1 | 2; what: 'started' | 'succeeded' | 'failed' } | undefined {
  const m = /^(?:====>\s*)?(?:(IKE phase[- ]?([12])|IKEv2 (IKE|child) SA) negotiation (?:is )?(started|succeeded|failed)|PHASE-([12]) NEGOTIATION (STARTED|SUCCEEDED|FAILED)|IKEV2 (IKE|CHILD) SA NEGOTIATION (STARTED|SUCCEEDED|FAILED))/i.exec(text);
  if (!m) return undefined;
  const what = (m[4] ?? m[6] ?? m[8])!.toLowerCase() as 'started' | 'succeeded' | 'failed';
  if (m[2] || m[5]) return { phase: (m[2] ?? m[5]) === '2' ? 2 : 1, version: 1, what };
  return { phase: /child/i.test(m[3] ?? m[7] ?? '') ? 2 : 1, version: 2, what };
}

/** Why a negotiation failed, when the text says (the same sentence or ikemgr's own line). */
function reason(text: string, phase: 1 | 2): Ev | undefined {
  let m: RegExpExecArray | null;
  if ((m = /Couldn.t find configuration for IKE phase-?1 request for peer IP ([^\s[\]]+)\[(\d+)\]/i.exec(text))) return { type: 'no-config', vars: { remote: m[1]! } };
  if ((m = /received ID_I \(type (\S+) \[([^\]]*)\]\)\s*does\s*not\s*match peers id/i.exec(text))) return { type: 'id-mismatch', vars: { id: m[2]!, type: m[1]!, which: 'IDi' } };
  if ((m = /Received local id:? (\S+?)\/?(\d+)? type .*?received remote id:? (\S+?)\/?(\d+)? type/i.exec(text))) {
    const net = (a: string, len: string | undefined): string => `${a.replace(/,$/, '')}${len ? `/${len}` : a.includes('/') ? '' : '/32'}`;
    // The ids the other end proposed, named from this end: its local one is the gateway's remote subnet.
    return { type: 'ts-unacceptable', vars: { localTs: net(m[1]!, m[2]), remoteTs: net(m[3]!, m[4]) } };
  }
  if (/failed when processing Proxy ID|failed to get sainfo|ts unacceptable/i.test(text)) return { type: 'ts-unacceptable', vars: {} };
  if ((m = /Configured (encryption|integrity|prf|dh group|dh) (?:algorithm )?'([^']+)' was not presented/i.exec(text))) return { type: 'no-proposal', vars: { parameter: m[1]!.toLowerCase(), mine: m[2]! } };
  if (/lacks KEi? payload/i.test(text)) return { type: 'ke-missing', vars: {} };
  if ((m = /received (?:unencrypted )?notify (?:type |payload \()?([A-Za-z_-]+)/i.exec(text)) || (m = /notification message received: ([A-Z_-]+)/i.exec(text))) {
    const name = notifyName(m[1]!);
    const type = eventForNotify(name);
    return { type, vars: type === 'notify' ? { type: name, direction: 'received' } : { notify: name, direction: 'received' } };
  }
  if (/Unable to process peer.s SA payload|no suitable proposal|no proposal chosen|failed to get valid proposal/i.test(text)) return { type: 'no-proposal', vars: {} };
  if (/authentication (?:failure|result: failure|failed)/i.test(text)) return { type: 'auth-failed', vars: {} };
  if (/HASH mismatch|hash verification failed/i.test(text)) return { type: 'hash-mismatch', vars: {} };
  if ((m = /not acceptable (Identity Protection|Aggressive) mode/i.exec(text))) return { type: 'mode-not-acceptable', vars: { mode: /aggressive/i.test(m[1]!) ? 'aggressive' : 'main' } };
  if (/[Dd]ue to (?:negotiation )?timeout|due to time up/.test(text)) return { type: phase === 2 ? 'p2-timeout' : 'p1-timeout', vars: {} };
  if (/DPD: remote .*seems to be dead|dead peer detect/i.test(text)) return { type: 'dpd-dead', vars: {} };
  return undefined;
}

/** The event ids a GUI detail names, when its description is cut or missing. */
const BY_EVENT_ID: Readonly<Record<string, [string, 1 | 2]>> = {
  'ike-nego-p1-start': ['p1-start', 1],
  'ike-nego-p1-succ': ['p1-established', 1],
  'ike-nego-p1-fail': ['p1-failed', 1],
  'ike-nego-p2-start': ['p2-start', 2],
  'ike-nego-p2-succ': ['p2-established', 2],
  'ike-nego-p2-fail': ['p2-failed', 2],
  'ikev2-nego-ike-start': ['p1-start', 1],
  'ikev2-nego-ike-succ': ['p1-established', 1],
  'ikev2-nego-ike-fail': ['p1-failed', 1],
  'ikev2-nego-child-start': ['p2-start', 2],
  'ikev2-nego-child-succ': ['p2-established', 2],
  'ikev2-nego-child-fail': ['p2-failed', 2],
  'ipsec-key-install': ['p2-established', 2],
  'ike-recv-p2-delete': ['delete-received', 2],
  'ike-recv-p1-delete': ['delete-received', 1],
  'ike-send-p2-delete': ['delete-sent', 2],
  'ike-send-p1-delete': ['delete-sent', 1],
  'ike-dpd': ['dpd-dead', 1],
};

/** ikemgr's `local[port] - remote[port]:0x…` before its message (read by setEndpoints first). */
const IKEMGR_SA = /^\S+\[\d+\]\s?-\s?\S+\[\d+\]:(?:0x[0-9a-fA-F]+|\(nil\)):?\s*/;

function classifyText(rec: LogRecord, frame: PanFrame | undefined, whole: string, st: PanState): Ev | undefined {
  setEndpoints(rec, whole);
  const text = whole.replace(IKEMGR_SA, '');
  const o = outcome(text);
  if (o) {
    rec.ikeVersion = o.version;
    rec.phase = o.phase;
    const vars = roleVars(text);
    if (o.what === 'started') return { type: o.phase === 1 ? 'p1-start' : 'p2-start', vars };
    if (o.what === 'succeeded') return { type: o.phase === 1 ? 'p1-established' : 'p2-established', vars: vars['role'] ? { role: vars['role'] } : {} };
    const why = reason(text, o.phase);
    if (why?.type === 'p1-timeout') Object.assign(why.vars, vars, answered(text, vars['role']));
    if (why) return why;
    return { type: o.phase === 1 ? 'p1-failed' : 'p2-failed', vars: {} };
  }
  let m: RegExpExecArray | null;
  if ((m = /IKE protocol (IPSec|IKE) SA delete message (received from|sent to) peer/i.exec(text))) {
    rec.phase = m[1] === 'IKE' ? 1 : 2;
    return { type: m[2]!.startsWith('received') ? 'delete-received' : 'delete-sent', vars: { what: m[1] === 'IKE' ? 'IKE_SA' : 'CHILD_SA' } };
  }
  if (/^IPSec key installed/i.test(text)) {
    rec.phase = 2;
    return { type: 'p2-established', vars: {} };
  }
  if (/^IPSec key deleted/i.test(text)) {
    rec.phase = 2;
    return { type: 'sa-expired', vars: {} };
  }
  if (/phase1 negotiation failed due to time up/.test(text)) return { type: 'p1-timeout', vars: {} };
  if (/phase2 negotiation failed due to time up|give up to get IPsec-SA/.test(text)) return { type: 'p2-timeout', vars: {} };
  if (/ISAKMP-SA established/.test(text)) return { type: 'p1-established', vars: {} };
  if (/IPsec-SA established/.test(text)) return { type: 'p2-established', vars: {} };
  const phase = phaseOf(frame, st);
  const why = reason(text, phase);
  if (why) {
    rec.phase ??= why.type === 'ts-unacceptable' || why.type === 'ke-missing' ? 2 : phase;
    return why;
  }
  const byId = frame?.eventId ? BY_EVENT_ID[frame.eventId] : undefined;
  if (byId) {
    rec.phase = byId[1];
    if (/^ikev2-/.test(frame!.eventId!)) rec.ikeVersion = 2;
    return { type: byId[0], vars: {} };
  }
  return undefined;
}

export function classifyPanos(rec: LogRecord, frame: PanFrame | undefined, st: PanState): void {
  if (st.source !== rec.source) {
    st.source = rec.source;
    st.ikeUp = false;
  }
  // A description wrapped over several lines (a GUI detail, a mail) reads as one sentence. PAN-OS's
  // are a few hundred characters: a longer text is cut, so no pattern ever scans a giant line.
  const text = recordText(rec, TEXT_MAX);
  const ev = classifyText(rec, frame, text, st);
  if (frame?.eventId?.startsWith('ikev2-')) rec.ikeVersion ??= 2;
  if (ev) {
    rec.event = { type: ev.type, vars: ev.vars };
    if (ev.type === 'p1-established') st.ikeUp = true;
    else if (ev.type === 'p1-start' && ev.vars['rekey'] !== 'true') st.ikeUp = false;
  }
  levelFromEvent(rec);
}
