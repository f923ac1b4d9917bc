// Token types of the Libreswan pluto line grammar and the hand tokenizer that produces them (charCode
// scans find the field boundaries; parser.ts gives the record its structure). Shapes:
//   --logfile  `Nov 21 21:42:23.126889: ` then a prefix and the message
//   syslog     `Nov 21 21:42:23 host pluto[123]: ` then a prefix and the message
//   whack      `002 ` (ipsec auto / whack output) then a prefix and the message
// Prefixes: `"conn"[1] 198.51.100.1 #1: `, `"conn" #1: `, `"conn": `, `packet from 198.51.100.1:500: `,
// `| ` (debug), or none (start-up banner, the indented algorithm table).
import { createToken, type IToken, type TokenType } from '../chevrotain.js';
import { newToken, readProgram, type ProgramPayload } from '../peer-common/syslog-program.js';

export type { ProgramPayload };
import { scanStamp, type ScannedStamp } from '../peer-common/time.js';
import { PLUTO_CONSOLE_LEVEL } from '../peer-common/sniff.js';

export const Timestamp = createToken({ name: 'Timestamp', pattern: /[A-Z0-9][^:]*:/ });
export const Program = createToken({ name: 'Program', pattern: /\S+:/ });
export const WhackCode = createToken({ name: 'WhackCode', pattern: /\d{3} / });
export const Debug = createToken({ name: 'Debug', pattern: /\|/ });
export const Connection = createToken({ name: 'Connection', pattern: /"[^"]*"[^:]*:/ });
export const Packet = createToken({ name: 'Packet', pattern: /packet from \S+:/ });
export const Message = createToken({ name: 'Message', pattern: /[^\n]+/ });
export const LineEnd = createToken({ name: 'LineEnd', pattern: /\n/ });

export const allTokens: TokenType[] = [Timestamp, Program, WhackCode, Debug, Connection, Packet, Message, LineEnd];

export interface ConnectionPayload {
  name: string;
  instance?: string;
  address?: string;
  serial?: string;
}

/** Syslog program names that are Libreswan's. */
export const PROGRAMS = new Set(['pluto', 'ipsec', 'ipsec_setup', 'addconn', 'libreswan', 'whack']);
const isOwnProgram = (n: string): boolean => PROGRAMS.has(n);

/** Lines without a stamp: `"conn"[1] ADDR #N: ` headers and whack output (`002 "conn" …`, `000 …`). */
export const CONNECTION_SNIFF = /^"[^"]+"(?:\[\d+\])?(?: [^\s:"]+)?(?: #\d+)?:(?: |$)/;
export const WHACK_SNIFF = /^(?:[0-2]\d\d "|000 |0\d\d Failed to add connection ")/;
/** `#3:  STATE_PARENT_I1: sent v2I1`: a state number where the connection name was cut off. */
export const SERIAL_ONLY = /^(#(\d+):) +(?=\S)/;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** `"conn"[inst] addr #serial: ` (every part after the name optional) at i. */
function readConnection(s: string, i: number): { payload: ConnectionPayload; end: number } | undefined {
  const close = s.indexOf('"', i + 1);
  if (close < 0) return undefined;
  const payload: ConnectionPayload = { name: s.slice(i + 1, close) };
  let j = close + 1;
  if (s.charCodeAt(j) === 91) {
    const e = s.indexOf(']', j);
    if (e < 0 || !/^\d+$/.test(s.slice(j + 1, e))) return undefined;
    payload.instance = s.slice(j + 1, e);
    j = e + 1;
  }
  if (s.charCodeAt(j) === 32 && s.charCodeAt(j + 1) !== 35) {
    let e = j + 1;
    while (e < s.length && s.charCodeAt(e) !== 32 && !(s.charCodeAt(e) === 58 && (e + 1 >= s.length || s.charCodeAt(e + 1) === 32))) e++;
    if (e === j + 1) return undefined;
    payload.address = s.slice(j + 1, e);
    j = e;
  }
  if (s.charCodeAt(j) === 32 && s.charCodeAt(j + 1) === 35) {
    let e = j + 2;
    while (e < s.length && isDigit(s.charCodeAt(e))) e++;
    if (e === j + 2) return undefined;
    payload.serial = s.slice(j + 2, e);
    j = e;
  }
  if (s.charCodeAt(j) !== 58) return undefined;
  return { payload, end: j + 1 };
}

function skipSpaces(s: string, i: number): number {
  while (i < s.length && s.charCodeAt(i) === 32) i++;
  return i;
}

/**
 * A pluto message pasted alone, without stamp, program or connection (a forum post's one line):
 * only messages no other daemon writes, so the line is Libreswan's (or Openswan's) by its words.
 */
export const BARE_MESSAGE =
  /^(?:we require (?:IKEv1 )?peer to have ID '|no suitable connection for peer '|initial (?:Main|Aggressive) Mode message received on \S+ but no connection has been authorized|authentication failed: computed hash does not match hash received from peer|sent IKE_SA_INIT (?:request|reply)\b|processing decrypted IKE_AUTH (?:request|response)\b|processed IKE_SA_INIT (?:request|response)\b|STATE_(?:MAIN|AGGR|QUICK|V2|PARENT)_[A-Z0-9_]+: |max number of retransmissions \(\d+\) reached|no acceptable Oakley Transform|Oakley Transform \[|responding to (?:Main|Aggressive) Mode\b|OAKLEY proposal refused: |Peer ID '[^']*' mismatched on first found connection|No IKEv2 connection found with compatible Traffic Selectors|dropping unexpected \S+ message containing \S+ notification|ignoring informational payload \S+, msgid=|received and ignored notification payload: |IKE SA authentication request rejected by peer: |responding to \S+ message \(ID \d+\) from (?:<[^>]*>\S*|\S+) with (?:encrypted |unencrypted )?notification |sending (?:encrypted |unencrypted )?notification \S+ to \S+:\d+|cannot respond to IPsec SA request because no connection is known for |encountered fatal error in state |Failed to find our RSA key|(?:left|right|our) certificate with nickname '[^']*' was not found|failed to add connection: |Failed to add connection "[^"]*"[:,] |AUTHENTICATION_FAILED: No acceptable \S+ ASN\.1 signature hash proposal|X509: authentication failed; |CREATE_CHILD_SA (?:request failed, responder SA processing returned|failed with error notification) |no local proposal matches remote proposals |established (?:IKE SA; authenticated using|Child SA; IPsec tunnel) )/;

/** Appends the tokens of one line to `out`; returns why the line does not fit, or null. */
export function tokenizeLine(s: string, base: number, out: IToken[]): string | null {
  const start = out.length;
  const fail = (why: string): string => {
    out.length = start;
    return why;
  };
  let i = 0;
  let framed = false;
  const stamp: ScannedStamp | undefined = scanStamp(s, 0);
  if (stamp) {
    if (s.charCodeAt(stamp.end) === 58 && s.charCodeAt(stamp.end + 1) === 32) {
      out.push(newToken(Timestamp, stamp.text, base, stamp));
      i = stamp.end + 2;
    } else if (s.charCodeAt(stamp.end) === 32) {
      out.push(newToken(Timestamp, stamp.text, base, stamp));
      const at = skipSpaces(s, stamp.end);
      // `docker logs -t` and other collectors put their own stamp before pluto's `"conn" #1: …`.
      if (s.charCodeAt(at) === 34 && CONNECTION_SNIFF.test(s.slice(at, at + 200))) i = at;
      else {
        const prog = readProgram(s, at, isOwnProgram);
        if (!prog) return fail('no pluto syslog program after the time stamp');
        out.push(newToken(Program, s.slice(at, prog.end - 1), base + stamp.end, prog.payload));
        i = prog.end;
      }
    } else return fail('time stamp not followed by ": " or a syslog program');
    framed = true;
  } else if (s.startsWith('pluto')) {
    const prog = readProgram(s, 0, isOwnProgram);
    if (!prog) return fail('pluto without a syslog program shape');
    out.push(newToken(Program, s.slice(0, prog.end - 1), base, prog.payload));
    i = prog.end;
    framed = true;
  } else if (isDigit(s.charCodeAt(0)) && isDigit(s.charCodeAt(1)) && isDigit(s.charCodeAt(2)) && s.charCodeAt(3) === 32) {
    out.push(newToken(WhackCode, s.slice(0, 4), base, s.slice(0, 3)));
    i = 4;
    framed = true;
  } else {
    // Libreswan ≥ 4 on the console (`ipsec up`, whack): no code, `ERROR: ` / `WARNING: ` before the connection.
    const level = PLUTO_CONSOLE_LEVEL.exec(s);
    if (level) {
      out.push(newToken(WhackCode, level[0], base, level[1]!));
      i = level[0].length;
      framed = true;
    }
  }
  let prefixed = false;
  if (s.charCodeAt(i) === 124) {
    out.push(newToken(Debug, '|', base + i));
    i = skipSpaces(s, i + 1);
    prefixed = true;
  } else if (s.charCodeAt(i) === 34) {
    const c = readConnection(s, i);
    if (c) {
      out.push(newToken(Connection, s.slice(i, c.end), base + i, c.payload));
      i = skipSpaces(s, c.end);
      prefixed = true;
    }
  } else if (s.charCodeAt(i) === 35 && !framed) {
    // `#3: msg`: a state's line with its connection name cut off (pastes trimmed by hand).
    const m = SERIAL_ONLY.exec(s);
    if (m) {
      out.push(newToken(Connection, m[1]!, base, { name: '', serial: m[2]! } satisfies ConnectionPayload));
      i = m[0].length;
      prefixed = true;
    }
  } else if (s.startsWith('packet from ', i)) {
    // `packet from 198.51.100.1:500: msg`; Openswan pastes also drop the colon after the port.
    const m = /^packet from (\S+?)(?:: |:$| (?=[A-Za-z]))/.exec(s.slice(i, i + 100));
    if (m) {
      const end = i + m[0].length;
      out.push(newToken(Packet, s.slice(i, end).trimEnd(), base + i, m[1]));
      i = skipSpaces(s, end);
      prefixed = true;
    }
  }
  if (!framed && !prefixed && !s.startsWith('Starting Pluto') && !BARE_MESSAGE.test(s)) return fail('not a pluto log line');
  if (i < s.length) out.push(newToken(Message, s.slice(i), base + i));
  out.push(newToken(LineEnd, '\n', base + s.length));
  return null;
}
