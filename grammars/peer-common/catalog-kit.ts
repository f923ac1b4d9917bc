// The shape of a peer-daemon message catalogue: templates indexed by the message's first word (one
// Map lookup and a few anchored RegExps per record), keyword templates for messages whose first
// word varies, and hooks that read or update the session state. Shared by strongSwan and Libreswan.
import type { LogEvent, LogRecord } from '../../src/types.js';
import type { PeerEventType } from './events.js';
import { isFailureEvent } from './events.js';
import type { ConnectionState, SessionState } from './session-state.js';

export interface MatchContext {
  rec: LogRecord;
  st: SessionState;
  conn: () => ConnectionState;
  /** The daemon (re)started: forget every session of this source. */
  restart: () => void;
  /** The daemon's state name in front of the message (Libreswan `STATE_MAIN_I3: `), when there is one. */
  state?: string;
  /** IKE versions of the connections the device added so far (Libreswan prints them). */
  versions?: () => ReadonlySet<number>;
}

export interface Template {
  /** Event raised, or null for lines that only feed the session state. */
  event: PeerEventType | null;
  re: RegExp;
  /** Names of the RegExp's capture groups, in order. */
  vars?: string[];
  phase?: 1 | 2;
  ikeVersion?: 1 | 2;
  fixed?: Record<string, string>;
  /** Runs after a match: may change the event (type, vars), the record or the session state. */
  then?: (ev: LogEvent, m: RegExpExecArray, cx: MatchContext) => void;
}

export function T(
  event: PeerEventType | null,
  re: RegExp,
  vars?: string[],
  opts: { phase?: 1 | 2; v?: 1 | 2; fixed?: Record<string, string>; then?: Template['then'] } = {},
): Template {
  return {
    event,
    re,
    ...(vars ? { vars } : {}),
    ...(opts.phase ? { phase: opts.phase } : {}),
    ...(opts.v ? { ikeVersion: opts.v } : {}),
    ...(opts.fixed ? { fixed: opts.fixed } : {}),
    ...(opts.then ? { then: opts.then } : {}),
  };
}

export interface Catalog {
  byFirstWord: Record<string, Template[]>;
  /** Tried (in order) when no first-word template matched and the message contains the keyword. */
  floating: { keyword: string; template: Template }[];
}

/** Key of a message in `byFirstWord`: its first word, or `#num` when that starts with a digit. */
export function firstWordKey(msg: string): string {
  let space = msg.indexOf(' ');
  if (space < 0) space = msg.length;
  const c0 = msg.charCodeAt(0);
  return c0 >= 48 && c0 <= 57 ? '#num' : msg.slice(0, space);
}

function apply(t: Template, m: RegExpExecArray, cx: MatchContext): boolean {
  const vars: Record<string, string> = { ...(t.fixed ?? {}) };
  t.vars?.forEach((name, i) => {
    const v = m[i + 1];
    if (v !== undefined && v !== '') vars[name] = v;
  });
  const ev: LogEvent = { type: t.event ?? '', vars };
  if (t.phase) cx.rec.phase = t.phase;
  if (t.ikeVersion) cx.rec.ikeVersion = t.ikeVersion;
  t.then?.(ev, m, cx);
  if (ev.type !== '') cx.rec.event = ev;
  return true;
}

function tryList(list: Template[] | undefined, msg: string, cx: MatchContext): boolean {
  if (!list) return false;
  for (const t of list) {
    const m = t.re.exec(msg);
    if (m) return apply(t, m, cx);
  }
  return false;
}

/** Whether a template of the catalogue matches the message (nothing is run): how a bare line is recognised. */
export function matchesCatalog(cat: Catalog, msg: string): boolean {
  const list = cat.byFirstWord[firstWordKey(msg)];
  if (list?.some((t) => t.re.test(msg))) return true;
  return cat.floating.some((f) => msg.includes(f.keyword) && f.template.re.test(msg));
}

/** Runs the catalogue on one message. Returns whether a template matched (event or not). */
export function runCatalog(cat: Catalog, msg: string, cx: MatchContext): boolean {
  if (tryList(cat.byFirstWord[firstWordKey(msg)], msg, cx)) return true;
  for (const f of cat.floating) {
    if (msg.includes(f.keyword)) {
      const m = f.template.re.exec(msg);
      if (m) return apply(f.template, m, cx);
    }
  }
  return false;
}

/**
 * A record's message with its folded lines as one sentence, cut to `max` characters before the
 * blanks are folded, so that no pattern ever scans a giant line.
 */
export function recordText(rec: LogRecord, max = 4000): string {
  return [rec.message, ...(rec.continuation ?? [])].join(' ').slice(0, max).replace(/\s+/g, ' ').trim();
}

/** This end's authentication method, from how its daemon names it (`pre-shared key`, `RSA_EMSA_…`, `digital-signature`). */
export function authMethodOf(text: string): 'certificate' | 'psk' | undefined {
  if (/pre-?shared|shared-key|\bPSK\b/i.test(text)) return 'psk';
  if (/signature|RSA|ECDSA|ED25519|ED448|\bcert/i.test(text)) return 'certificate';
  return undefined;
}

/**
 * Why the device could not send an IKE packet, from the system error it logged: no route, a local
 * address that is not on the device, its own firewall, the other end's host or port refusing (an
 * ICMP error that came back), or something else.
 */
export function sendFailureKind(reason: string): string {
  if (/Network is unreachable|ENETUNREACH/i.test(reason)) return 'network-unreachable';
  if (/No route to host|EHOSTUNREACH|Host is unreachable/i.test(reason)) return 'host-unreachable';
  if (/Cannot assign requested address|EADDRNOTAVAIL/i.test(reason)) return 'address-not-local';
  if (/Operation not permitted|EPERM/i.test(reason)) return 'local-firewall';
  if (/Connection refused|ECONNREFUSED/i.test(reason)) return 'port-unreachable';
  return 'other';
}

/** A `send-failed` event's reason → its `why` (sendFailureKind). */
export function classifySendFailure(ev: LogEvent): void {
  ev.vars['why'] = sendFailureKind(ev.vars['reason'] ?? '');
}

/**
 * AUTHENTICATION_FAILED answering this end's aggressive-mode offer before any key was used (each
 * dialect's hooks decide when that holds): the other end refused the exchange itself — aggressive
 * mode, or the identity its first message carried — not a key.
 */
export function markAggressiveRefused(ev: LogEvent): void {
  ev.type = 'mode-not-acceptable';
  ev.vars['mode'] = 'aggressive';
  ev.vars['inferred'] = 'auth-failed-before-keys';
}

/**
 * Marks a refusal of this end's authentication with the method it used (`ownAuth`), when its log
 * said: the other end refusing a certificate is no key mismatch.
 */
export function stampOwnAuth(rec: LogRecord, ownAuth: 'certificate' | 'psk' | undefined): void {
  const ev = rec.event;
  if (!ev || !ownAuth) return;
  // The other end's refusal, or its silence after this end's first encrypted message (IKEv1 main mode 5).
  const refused = ev.vars['direction'] === 'received' && (ev.type === 'auth-failed' || (ev.type === 'notify' && ev.vars['type'] === 'AUTHENTICATION_FAILED'));
  if (refused || (ev.type === 'auth-failed' && ev.vars['reason'] === 'no-response-to-encrypted')) ev.vars['ownAuth'] = ownAuth;
}

/** Failure events make the record an error, retransmissions a warning. */
export function levelFromEvent(rec: LogRecord): void {
  const ev = rec.event;
  if (!ev) return;
  if (isFailureEvent(ev)) rec.level = 'error';
  else if (ev.type === 'retransmit' && rec.level !== 'error') rec.level = 'warn';
}

/** Notify name → the event that names its meaning (the notify itself when nothing more specific). */
export function eventForNotify(type: string): PeerEventType {
  switch (type.replace(/^v[12]N_/, '')) {
    case 'NO_PROPOSAL_CHOSEN':
      return 'no-proposal';
    case 'AUTHENTICATION_FAILED':
    case 'INVALID_HASH_INFORMATION':
      return 'auth-failed';
    case 'TS_UNACCEPTABLE':
    case 'INVALID_ID_INFORMATION':
      return 'ts-unacceptable';
    case 'INVALID_KE_PAYLOAD':
      return 'ke-mismatch';
    case 'INVALID_MAJOR_VERSION':
      return 'version-unsupported';
    case 'INVALID_EXCHANGE_TYPE':
      // IKEv1: the exchange type (main or aggressive mode) is refused.
      return 'mode-not-acceptable';
    default:
      return 'notify';
  }
}
