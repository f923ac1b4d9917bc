// The hand tokenizer of the Check Point dialect. What users paste is the Log Exporter's syslog
// (R80 and later): an RFC 5424 header, then the log's fields as `key:"value";` pairs — the IKE
// text in `ike::"…"` (docs/checkpoint.md):
//   `1 2026-12-05T10:00:04Z fw CheckPoint 19710 - [action:"Reject"; …; ike::"Main Mode Failed to match proposal: …"; peer_gateway:"198.51.100.1"; …]`
// or the same fields without the header (a SmartConsole log copied as text).
import type { IToken } from '../chevrotain.js';
import { Frame, LineEnd, Message, Timestamp } from '../common/framed-line.js';
import { newToken } from '../peer-common/syslog-program.js';
import { scanIsoStamp, type ScannedStamp } from '../peer-common/time.js';

/** The fields of a Check Point log line that say what happened. */
export interface CheckpointFrame {
  shape: 'log-exporter' | 'fields';
  fields: Record<string, string>;
}

/** `key:"value"` pairs (`key::"value"` for the fields Check Point marks as its own); `\"` inside. */
export function cpFields(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  // A key starts at a word's start only: from inside a long word the pattern would rescan it (quadratic).
  const re = /(?<![\w.-])([A-Za-z_][\w.-]*)::?"((?:[^"\\]|\\.)*)"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) out[m[1]!] = m[2]!.replace(/\\(.)/g, '$1');
  return out;
}

/** A Check Point VPN log: IKE text, or an IKE/VPN scheme, or a key install. */
const isVpn = (f: Record<string, string>): boolean => f['ike'] !== undefined || f['fw_subproduct'] === 'VPN-1' || f['scheme'] === 'IKE' || f['vpn_feature_name'] === 'IKE';

interface Read {
  stamp?: ScannedStamp;
  frame: CheckpointFrame;
  frameEnd: number;
  message: string;
}

function readLine(s: string): Read | string {
  let at = 0;
  let stamp: ScannedStamp | undefined;
  // `<pri>1 ISO host CheckPoint pid - [` (the priority may be cut away by the receiver).
  const head = /^(?:<\d+>)?1 (\S+) \S+ CheckPoint \S+ - \[/.exec(s);
  if (head) {
    stamp = scanIsoStamp(head[1]!, 0);
    at = head[0].length;
  } else if (!/^\[?\s*(?:[\w.-]+::?"[^"]*";\s*){2}/.test(s)) return 'not a Check Point log line';
  const fields = cpFields(s.slice(at, at + 64 * 1024));
  if (!isVpn(fields)) return 'not a Check Point VPN log';
  const message = fields['ike'] ?? fields['reason'] ?? fields['action'] ?? '';
  return { ...(stamp ? { stamp } : {}), frame: { shape: head ? 'log-exporter' : 'fields', fields }, frameEnd: s.length, message };
}

/** Appends the tokens of one line to `out`. Returns why the line does not fit, or null. */
export function tokenizeLine(s: string, base: number, out: IToken[]): string | null {
  const r = readLine(s);
  if (typeof r === 'string') return r;
  if (r.stamp) out.push(newToken(Timestamp, r.stamp.text, base, r.stamp));
  out.push(newToken(Frame, s, base, r.frame));
  if (r.message) out.push(newToken(Message, r.message, base));
  out.push(newToken(LineEnd, '\n', base + s.length));
  return null;
}

/** Cheap test: does a Check Point VPN log start on this line? */
export function sniffLine(s: string): boolean {
  if (s.indexOf('CheckPoint') < 0 && s.indexOf('ike::"') < 0) return false;
  return typeof readLine(s) !== 'string';
}
