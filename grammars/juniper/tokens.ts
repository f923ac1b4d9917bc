// Token types of the Juniper SRX (Junos) key-management line grammar and the hand tokenizer that
// produces them. Shapes (the syslog of `kmd`, or of `iked` on later SRX, as `show log kmd`, a
// syslog server or the structured-data format through parse/frames.ts print it):
//   `Nov 28 11:24:02  srx kmd[13696]: KMD_VPN_UP_ALARM_USER: VPN vpn-1 from 198.51.100.1 is up. …`
//   `Nov 28 11:24:02  srx kmd[13696]: IKE negotiation failed with error: No proposal chosen. IKE Version: 1, …`
import { createToken, type IToken, type TokenType } from '../chevrotain.js';
import { newToken, readProgram, type ProgramPayload } from '../peer-common/syslog-program.js';
import { scanStamp } from '../peer-common/time.js';

export type { ProgramPayload };

export const Timestamp = createToken({ name: 'Timestamp', pattern: /[A-Z0-9][^ ]*/ });
export const Program = createToken({ name: 'Program', pattern: /\S+:/ });
export const Message = createToken({ name: 'Message', pattern: /[^\n]+/ });
export const LineEnd = createToken({ name: 'LineEnd', pattern: /\n/ });

export const allTokens: TokenType[] = [Timestamp, Program, Message, LineEnd];

/**
 * Junos's key-management daemons. `iked` is also racoon2's name: a line of it is Junos's only with
 * a Junos message (JUNOS_MESSAGE).
 */
const PROGRAMS = new Set(['kmd', 'iked']);
/** How Junos's key management messages start (its syslog tags and its IKE summaries). */
export const JUNOS_MESSAGE = /^(?:KMD_[A-Z0-9_]+:|IKE negotiation |IPSec negotiation |IKE Phase-[12]|IKE SA |IPSec SA |Config download)/;

/** `[host ]program[pid]: ` after the stamp at i, with the message start, or undefined. */
function readHead(s: string, i: number): { program: { payload: ProgramPayload; end: number }; at: number } | undefined {
  while (s.charCodeAt(i) === 32) i++;
  const program = readProgram(s, i, (n) => PROGRAMS.has(n));
  if (!program) return undefined;
  if (program.payload.name === 'iked' && !JUNOS_MESSAGE.test(s.slice(program.end, program.end + 40))) return undefined;
  return { program, at: i };
}

/** Appends the tokens of one line to `out`. Returns why the line does not fit, or null. */
export function tokenizeLine(s: string, base: number, out: IToken[]): string | null {
  const stamp = scanStamp(s, 0);
  if (!stamp) return 'no syslog or ISO time stamp';
  const head = readHead(s, stamp.end);
  if (!head) return 'no Junos key-management program (kmd, iked)';
  out.push(newToken(Timestamp, stamp.text, base, stamp));
  out.push(newToken(Program, s.slice(head.at, head.program.end - 1), base + head.at, head.program.payload));
  const end = head.program.end;
  if (end < s.length) out.push(newToken(Message, s.slice(end).trimEnd(), base + end));
  out.push(newToken(LineEnd, '\n', base + s.length));
  return null;
}

/** Cheap test: does a Junos key-management record start on this line? */
export function sniffLine(s: string): boolean {
  if (s.indexOf('kmd') < 0 && s.indexOf('iked') < 0) return false;
  const stamp = scanStamp(s, 0);
  return stamp !== undefined && readHead(s, stamp.end) !== undefined;
}
