// Token types of the Azure VPN Gateway line grammar and the hand tokenizer that produces them.
// Azure's gateway runs Windows' IKE service (IKEEXT); what users paste is one of (docs/azure.md):
//   IKE diagnostic log (Log Analytics `IKEDiagnosticLog`, Network Watcher's IKElogs.txt):
//     `[2026-12-05T10:00:04.123Z ]Remote 198.51.100.1:500: Local 198.51.100.2:500: [SEND][NOTIFY] Sending Notify Message - Policy Mismatch`
//     `IkeCleanupQMNegotiation called with error 13868 and flags a`
//   Network Watcher's IKEErrors.txt: `Error: Authentication failed. Check shared key. …` with an
//     indented `based on log : Peer failed with Windows error 13801(ERROR_IPSEC_IKE_AUTH_FAIL)`
//   Network Watcher's wfpdiag trace: `[0]0368.03A4::02/02/2017-17:36:01.496 [ikeext] 3038|52.161.24.36|Failure type: …`
import type { IToken } from '../chevrotain.js';
import { Frame, LineEnd, Message, Timestamp } from '../common/framed-line.js';
import { newToken } from '../peer-common/syslog-program.js';
import { scanIsoStamp, type ScannedStamp } from '../peer-common/time.js';

/** Where a line came from, and the addresses its frame names. */
export interface AzureFrame {
  shape: 'ike' | 'cleanup' | 'errors' | 'wfpdiag';
  remote?: string;
  remotePort?: number;
  local?: string;
  localPort?: number;
}

/** `Remote a:p: Local b:q: ` (addresses may be masked, as `<IPaddress>` in Microsoft's samples). */
const IKE_PREFIX = /^Remote (\S+?):(\d+): Local (\S+?):(\d+): ?/;
/** IKEEXT's clean-up of a failed main-mode or quick-mode negotiation, with its Windows error. */
const CLEANUP = /^Ike(?:Cleanup|Handle)(\w*) called with error \d+/;
/** Whether a line is a clean-up line of a main- or quick-mode negotiation (the name tested apart: one pattern was quadratic). */
const isCleanup = (s: string): boolean => {
  const m = CLEANUP.exec(s);
  return m !== null && /MM|QM/.test(m[1]!);
};
/** The summary lines of Network Watcher's IKEErrors.txt. */
const ERRORS = /^Error: (?:Authentication failed|On-prem(?:ises)? device|IKE|Peer|Policy|Negotiation|Traffic selector|The remote)/;
/** wfpdiag: `[cpu]pid.tid::MM/DD/YYYY-HH:MM:SS.mmm [ikeext] ctx|remote|text`. */
const WFPDIAG = /^\[\d+\][0-9A-Fa-f]+\.[0-9A-Fa-f]+::(\d\d)\/(\d\d)\/(\d{4})-(\d\d):(\d\d):(\d\d)\.(\d{3}) \[ikeext\] [^|]*\|([^|]*)\|/;

interface Read {
  stamp?: ScannedStamp;
  frame: AzureFrame;
  frameEnd: number;
  message: string;
}

/** A Log Analytics export puts the time (ISO, UTC) and often a tab or comma before the message. */
function leadingStamp(s: string): { stamp: ScannedStamp; at: number } | undefined {
  const st = scanIsoStamp(s, 0);
  if (!st) return undefined;
  let at = st.end;
  while (at < s.length && (s[at] === ' ' || s[at] === '\t' || s[at] === ',' || s[at] === '"')) at++;
  return { stamp: st, at };
}

function readLine(s: string): Read | string {
  const lead = leadingStamp(s);
  const at = lead?.at ?? 0;
  const rest = at > 0 ? s.slice(at).replace(/"$/, '') : s;
  const p = IKE_PREFIX.exec(rest);
  if (p) {
    const frame: AzureFrame = { shape: 'ike', remote: p[1]!, remotePort: Number(p[2]), local: p[3]!, localPort: Number(p[4]) };
    return { ...(lead ? { stamp: lead.stamp } : {}), frame, frameEnd: at + p[0].length, message: rest.slice(p[0].length).trimEnd() };
  }
  if (isCleanup(rest)) return { ...(lead ? { stamp: lead.stamp } : {}), frame: { shape: 'cleanup' }, frameEnd: at, message: rest.trimEnd() };
  if (at === 0 && ERRORS.test(s)) return { frame: { shape: 'errors' }, frameEnd: 0, message: s.trimEnd() };
  const w = at === 0 ? WFPDIAG.exec(s) : null;
  if (w) {
    const stamp: ScannedStamp = { text: s.slice(s.indexOf('::') + 2, s.indexOf(' [ikeext]')), parts: { year: Number(w[3]), month: Number(w[1]) - 1, day: Number(w[2]), hour: Number(w[4]), minute: Number(w[5]), second: Number(w[6]), ms: Number(w[7]) }, end: 0 };
    return { stamp, frame: { shape: 'wfpdiag', ...(w[8] ? { remote: w[8] } : {}) }, frameEnd: w[0].length, message: s.slice(w[0].length).trimEnd() };
  }
  return 'not an Azure VPN gateway line';
}

/** Appends the tokens of one line to `out`. Returns why the line does not fit, or null. */
export function tokenizeLine(s: string, base: number, out: IToken[]): string | null {
  const r = readLine(s);
  if (typeof r === 'string') return r;
  if (r.stamp) out.push(newToken(Timestamp, r.stamp.text || ' ', base, r.stamp));
  out.push(newToken(Frame, s.slice(0, r.frameEnd) || ' ', base, r.frame));
  if (r.message) out.push(newToken(Message, r.message, base + r.frameEnd));
  out.push(newToken(LineEnd, '\n', base + s.length));
  return null;
}

/** Cheap test: does an Azure VPN gateway record start on this line? */
export function sniffLine(s: string): boolean {
  if (s.indexOf('Remote ') < 0 && s.indexOf('called with error') < 0 && !s.startsWith('Error: ') && s.indexOf('[ikeext]') < 0) return false;
  return typeof readLine(s) !== 'string';
}
