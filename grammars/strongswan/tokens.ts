// Token types of the strongSwan charon line grammar and the hand tokenizer that produces them (the
// racoon2 grammar's approach: charCode scans find the field boundaries, a Chevrotain parser in
// parser.ts gives the record its structure). Shapes:
//   filelog   [stamp] NN[GRP] [<conn|id>] message          (stamp per `time_format`, optional)
//   syslog    stamp [host] charon[pid]: NN[GRP] [<conn|id>] message
//   journald  stamp host charon-systemd[pid]: message      (no thread/group: the journal has them)
//   swanctl   [GRP] message, and swanctl / `ipsec statusall` report lines (status noise)
import { createToken, type IToken, type TokenType } from '../chevrotain.js';
import { newToken, readProgram, type ProgramPayload } from '../peer-common/syslog-program.js';

export type { ProgramPayload };
import { scanStamp, type ScannedStamp } from '../peer-common/time.js';
import { matchesCatalog } from '../peer-common/catalog-kit.js';
import { STRONGSWAN_CATALOG } from './catalog.js';

/**
 * A charon message without its thread and group — `ipsec up` output, NetworkManager's strongSwan
 * plugin, a pasted excerpt — is recognised by the catalogue itself: only a message a template
 * matches is claimed, so other programs' lines stay theirs.
 */
export function isBareCharonMessage(msg: string): boolean {
  return msg.length > 8 && matchesCatalog(STRONGSWAN_CATALOG, msg);
}

/** Whether the text after the first `: ` from i starts with a charon thread (`07[IKE]`). */
function threadFollows(s: string, i: number): boolean {
  const colon = s.indexOf(': ', i);
  return colon > 0 && colon - i < 120 && isThreadAt(s, colon + 2);
}

/** `[host ]name[pid]: ` of another program at i (NetworkManager, a wrapper script) before a bare charon message. */
function foreignProgramEnd(s: string, i: number): number {
  const m = /^(?:\S+ )?[\w.-]+\[\d+\]: /.exec(s.slice(i, i + 120));
  return m ? i + m[0].length : -1;
}

export const Timestamp = createToken({ name: 'Timestamp', pattern: /[A-Z0-9][^ ]*/ });
export const Program = createToken({ name: 'Program', pattern: /\S+:/ });
export const Thread = createToken({ name: 'Thread', pattern: /\d*\[[A-Z]+\d?\]/ });
export const IkeSa = createToken({ name: 'IkeSa', pattern: /<[^>]*>/ });
export const Status = createToken({ name: 'Status', pattern: /[^\n]+/ });
export const Message = createToken({ name: 'Message', pattern: /[^\n]+/ });
export const LineEnd = createToken({ name: 'LineEnd', pattern: /\n/ });

export const allTokens: TokenType[] = [Timestamp, Program, Thread, IkeSa, Status, Message, LineEnd];

export interface ThreadPayload {
  thread?: string;
  group: string;
  level?: number;
}
export interface IkeSaPayload {
  name?: string;
  id: string;
}

/** Syslog program names that are strongSwan's. */
export const PROGRAMS = new Set(['charon', 'charon-systemd', 'charon-cmd', 'charon-nm', 'charon-svc', 'charon-tkm', 'ipsec_starter', 'starter', 'swanctl', 'strongswan']);
const isOwnProgram = (n: string): boolean => PROGRAMS.has(n) || /^charon-[a-z]+$/.test(n);

/** `NN[GRP] ` / `NNN[GRP] ` (thread and log group) at i, by charCodes. */
export function isThreadAt(s: string, i: number): boolean {
  const d = (k: number): boolean => s.charCodeAt(k) >= 48 && s.charCodeAt(k) <= 57;
  if (!d(i) || !d(i + 1)) return false;
  const open = d(i + 2) ? i + 3 : i + 2;
  const c = s.charCodeAt(open + 1);
  return s.charCodeAt(open) === 91 && c >= 65 && c <= 90;
}

/** swanctl output and the top lines of `ipsec statusall` / `swanctl --list-*` (indented lines fold into them). */
const STATUS_WORDS =
  /^(?:\[[A-Z]{2,4}\d?\] |Status of IKE charon daemon|Listening IP addresses:|Connections:|Routed Connections:|Shunted Connections:|Security Associations \(|no (?:authorities|pools|certs|keys|connections|secrets|SAs) found|loaded (?:ike|eap|xauth|ppk|rsa|ecdsa|private|certificate|connection|pool|authority|key|shared)|successfully loaded|(?:initiate|terminate|install|uninstall|redirect|rekey) (?:completed|failed)|unloaded |plugin ')/;
/** `swanctl --list-sas` / `--list-conns` heads: `name: #1, ESTABLISHED, …`, `name: IKEv2, …`. */
const STATUS_CONN = /^[\w.-]+: (?:#\d+, |IKEv[12], )/;

export function isStatusLine(s: string): boolean {
  if (STATUS_WORDS.test(s)) return true;
  const p = s.indexOf(': ');
  if (p <= 0 || p > 80) return false;
  const c = s.charCodeAt(p + 2);
  return (c === 35 || c === 73) && STATUS_CONN.test(s);
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isUpper = (c: number): boolean => c >= 65 && c <= 90;

/** `NN[GRP]`, `NN[GRPL]` (log_level = yes) or swanctl's `[GRP]` at i. */
function readThread(s: string, i: number): { payload: ThreadPayload; end: number } | undefined {
  let j = i;
  while (j < s.length && j - i < 3 && isDigit(s.charCodeAt(j))) j++;
  if (s.charCodeAt(j) !== 91 || (j > i && j - i < 2)) return undefined;
  const close = s.indexOf(']', j);
  if (close < 0 || close - j > 6) return undefined;
  const inner = s.slice(j + 1, close);
  const m = /^([A-Z]{2,4})(\d)?$/.exec(inner);
  if (!m) return undefined;
  const payload: ThreadPayload = { group: m[1]! };
  if (j > i) payload.thread = s.slice(i, j);
  if (m[2] !== undefined) payload.level = Number(m[2]);
  return { payload, end: close + 1 };
}

function readForeignProgram(head: string): ProgramPayload {
  const sp = head.lastIndexOf(' ');
  const host = sp > 0 ? head.slice(0, sp) : undefined;
  const named = sp > 0 ? head.slice(sp + 1) : head;
  const br = named.indexOf('[');
  const name = br > 0 ? named.slice(0, br) : named;
  const pid = br > 0 ? named.slice(br + 1, -1) : undefined;
  return { ...(host ? { host } : {}), name, ...(pid ? { pid } : {}) };
}

/** `<conn|id>` or `<id>` at i. */
function readIkeSa(s: string, i: number): { payload: IkeSaPayload; end: number } | undefined {
  if (s.charCodeAt(i) !== 60) return undefined;
  const close = s.indexOf('>', i);
  if (close < 0) return undefined;
  const inner = s.slice(i + 1, close);
  const bar = inner.lastIndexOf('|');
  const id = bar >= 0 ? inner.slice(bar + 1) : inner;
  if (!/^\d+$/.test(id)) return undefined;
  return { payload: bar >= 0 ? { name: inner.slice(0, bar), id } : { id }, end: close + 1 };
}

/**
 * Appends the tokens of one line to `out`. Returns why the line does not fit (and appends nothing),
 * or null.
 */
export function tokenizeLine(s: string, base: number, out: IToken[]): string | null {
  const start = out.length;
  const fail = (why: string): string => {
    out.length = start;
    return why;
  };
  let i = 0;
  const c0 = s.charCodeAt(0);
  let stamp: ScannedStamp | undefined;
  if (isDigit(c0) || isUpper(c0) || (c0 >= 97 && c0 <= 122)) {
    stamp = scanStamp(s, 0);
    if (stamp && s.charCodeAt(stamp.end) !== 32) stamp = undefined;
  }
  if (stamp) {
    out.push(newToken(Timestamp, stamp.text, base, stamp));
    i = stamp.end;
    while (s.charCodeAt(i) === 32) i++;
  }
  // Any program whose message starts with a charon thread is charon (`ipsec[915]: 07[IKE] …`).
  const prog = readProgram(s, i, (n) => isOwnProgram(n) || threadFollows(s, i));
  if (prog) {
    out.push(newToken(Program, s.slice(i, prog.end - 1), base + i, prog.payload));
    i = prog.end;
  }
  const th = readThread(s, i);
  if (th) {
    out.push(newToken(Thread, s.slice(i, th.end), base + i, th.payload));
    i = th.end;
    if (s.charCodeAt(i) === 32) i++;
    const sa = readIkeSa(s, i);
    if (sa) {
      out.push(newToken(IkeSa, s.slice(i, sa.end), base + i, sa.payload));
      i = sa.end;
      if (s.charCodeAt(i) === 32) i++;
    }
  }
  if (!prog && !th) {
    // A bare charon message, with or without a time stamp or another program's prefix.
    const after = foreignProgramEnd(s, i);
    // A message pasted with the indentation it had in a post or a status view (` no private key …`).
    let lead = i;
    while (lead < s.length && lead - i < 8 && (s.charCodeAt(lead) === 32 || s.charCodeAt(lead) === 9)) lead++;
    const at = after > 0 && isBareCharonMessage(s.slice(after)) ? after : isBareCharonMessage(s.slice(i)) ? i : lead > i && isBareCharonMessage(s.slice(lead)) ? lead : -1;
    if (at >= 0) {
      if (at > i && at !== lead) out.push(newToken(Program, s.slice(i, at - 2), base + i, readForeignProgram(s.slice(i, at - 2))));
      out.push(newToken(Message, s.slice(at), base + at));
      out.push(newToken(LineEnd, '\n', base + s.length));
      return null;
    }
    if (stamp) return fail('no charon thread/group or syslog program after the time stamp');
    if (!isStatusLine(s)) return fail('not a charon, swanctl or statusall line');
    out.push(newToken(Status, s, base));
    out.push(newToken(LineEnd, '\n', base + s.length));
    return null;
  }
  if (i < s.length) out.push(newToken(Message, s.slice(i), base + i));
  out.push(newToken(LineEnd, '\n', base + s.length));
  return null;
}
