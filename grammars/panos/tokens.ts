// Token types of the Palo Alto Networks PAN-OS line grammar and the hand tokenizer that produces
// them. PAN-OS's IKE daemon descends from racoon (IKEv1) and racoon2 (IKEv2); what users paste is
// one of these shapes (docs/panos.md):
//   ikemgr.log:  `2025-01-22 17:26:22.700 -0800  [PERR]: { 1: }: 192.0.2.1[500] - 198.51.100.1[500]:0x7fa6… authentication failure`
//   its trace:   `2025-01-22 17:26:22.890 -0800 debug: pan_ikev2_debug(protocols/ikev2/ikev2.c:6946): …`
//   system log:  `[<14>Nov  9 19:53:08 fw ]1,2019/10/06 15:46:26,0097…,SYSTEM,vpn,0,2019/10/19 15:39:29,,ike-nego-p1-fail,GW,0,0,general,informational,"IKE phase-1 …",…`
//   its CLI:     `2019/10/19 15:39:29 info     vpn      GW   ike-nego-p1-fail 0  IKE phase-1 …`
//   GUI detail:  `Event: ike-nego-p1-fail` with the description on the next lines
//   pasted bare: `IKE phase-1 negotiation is failed as initiator, main mode. Failed SA: …`, `====> … <====`
import type { IToken } from '../chevrotain.js';
import { Frame, LineEnd, Message, Timestamp } from '../common/framed-line.js';
import { newToken } from '../peer-common/syslog-program.js';
import { scanBsdStamp, scanIsoStamp, type ScannedStamp } from '../peer-common/time.js';

/** Where a line came from, and what its frame says besides the message. */
export interface PanFrame {
  shape: 'ikemgr' | 'trace' | 'system' | 'cli' | 'event' | 'bare';
  /** ikemgr's level tag (`PERR`, `INFO`, `PNTF`, `DEBUG`, …). */
  level?: string;
  /** The system log's event id (`ike-nego-p1-fail`). */
  eventId?: string;
  /** The system log's object: the IKE gateway's or the tunnel's name. */
  object?: string;
  severity?: string;
}

/** PAN-OS's own sentences (system log descriptions, ikemgr banners), as pasted without a frame. */
export const BARE_MESSAGE =
  /^(?:IKE phase[- ]?[12] negotiation (?:is )?(?:started|succeeded|failed)|IKEv2 (?:IKE|child) SA negotiation is (?:started|succeeded|failed)|IKE protocol (?:notification message|IPSec SA delete|IKE SA delete)|IPSec key (?:installed|deleted)|IKE daemon configuration load|====>\s.*<====\s*$)/i;

/** System-log event ids of IKE and IPsec (`ike-nego-p1-fail`, `ikev2-nego-child-succ`, `ipsec-key-install`, …). */
const EVENT_ID = /^(?:ike|ikev2|ipsec)-[a-z0-9-]+$/;

/** `2019/10/06 15:46:26` at i. */
function scanSlashStamp(s: string, i: number): ScannedStamp | undefined {
  const m = /^(\d{4})\/(\d\d)\/(\d\d) (\d\d):(\d\d):(\d\d)/.exec(s.slice(i, i + 19));
  if (!m) return undefined;
  return { text: m[0], parts: { year: Number(m[1]), month: Number(m[2]) - 1, day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6]), ms: 0 }, end: i + 19 };
}

/** ikemgr's stamp: ISO date, time, fraction, and the zone after a space (`… 17:26:22.700 -0800`). */
function scanIkemgrStamp(s: string): ScannedStamp | undefined {
  const st = scanIsoStamp(s, 0);
  if (!st) return undefined;
  const z = /^ ([+-])(\d\d)(\d\d)(?= )/.exec(s.slice(st.end, st.end + 7));
  if (!z || st.parts.offsetMinutes !== undefined) return st;
  const mins = Number(z[2]) * 60 + Number(z[3]);
  return { text: s.slice(0, st.end + 6), parts: { ...st.parts, offsetMinutes: z[1] === '-' ? -mins : mins }, end: st.end + 6 };
}

/** Splits one CSV record (double quotes, `""` inside them). */
export function csvFields(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= s.length) {
    if (s.charCodeAt(i) === 34) {
      let v = '';
      let j = i + 1;
      for (;;) {
        const q = s.indexOf('"', j);
        if (q < 0) {
          v += s.slice(j);
          j = s.length;
          break;
        }
        v += s.slice(j, q);
        if (s.charCodeAt(q + 1) === 34) {
          v += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      out.push(v);
      const comma = s.indexOf(',', j);
      if (comma < 0) break;
      i = comma + 1;
    } else {
      const comma = s.indexOf(',', i);
      out.push(comma < 0 ? s.slice(i) : s.slice(i, comma));
      if (comma < 0) break;
      i = comma + 1;
    }
  }
  return out;
}

interface Read {
  stamp?: ScannedStamp;
  frame: PanFrame;
  /** Where the frame's text ends in the line (its image), and the message. */
  frameEnd: number;
  message: string;
}

/** The system log's CSV (after an optional syslog header): `1,recv,serial,SYSTEM,subtype,…`. */
function readSystem(s: string): Read | undefined {
  let at = 0;
  if (s.charCodeAt(0) === 60) at = s.indexOf('>') + 1;
  const bsd = scanBsdStamp(s, at);
  if (bsd) {
    at = bsd.end + 1;
    // An optional host before the record.
    if (!s.startsWith('1,', at)) {
      const sp = s.indexOf(' ', at);
      if (sp < 0 || sp - at > 80) return undefined;
      at = sp + 1;
    }
  }
  if (!s.startsWith('1,', at) || s.indexOf(',SYSTEM,', at) < 0) return undefined;
  const f = csvFields(s.slice(at));
  if (f.length < 15 || f[3] !== 'SYSTEM' || !EVENT_ID.test(f[8] ?? '')) return undefined;
  const stamp = scanSlashStamp(f[6]!, 0) ?? scanSlashStamp(f[1]!, 0);
  if (!stamp) return undefined;
  return { stamp, frame: { shape: 'system', eventId: f[8]!, ...(f[9] ? { object: f[9] } : {}), ...(f[13] ? { severity: f[13] } : {}) }, frameEnd: s.length, message: f[14] ?? '' };
}

/** `show log system`: `2019/10/19 15:39:29 info  vpn  GW  ike-nego-p1-fail  0  description`. */
function readCli(s: string): Read | undefined {
  const stamp = scanSlashStamp(s, 0);
  if (!stamp) return undefined;
  const m = /^\s+(\w+)\s+vpn\s+(\S*)\s+((?:ike|ikev2|ipsec)-[a-z0-9-]+)\s+\d+\s+/.exec(s.slice(stamp.end));
  if (!m) return undefined;
  const end = stamp.end + m[0].length;
  return { stamp, frame: { shape: 'cli', eventId: m[3]!, ...(m[2] ? { object: m[2] } : {}), severity: m[1]! }, frameEnd: end, message: s.slice(end).trimEnd() };
}

/** ikemgr.log: stamp, `[LEVEL]:`, the `{ gw: p2 }:` ids; or its `debug: pan_…(file:line):` trace. */
function readIkemgr(s: string): Read | undefined {
  const stamp = scanIkemgrStamp(s);
  if (!stamp) return undefined;
  const rest = s.slice(stamp.end);
  const m = /^\s+\[([A-Z_]{3,12})\]:\s*\{[\s\d:]*\}:\s*/.exec(rest);
  if (m) return { stamp, frame: { shape: 'ikemgr', level: m[1]! }, frameEnd: stamp.end + m[0].length, message: rest.slice(m[0].length).trimEnd() };
  const t = /^ debug: pan_\w+\([^()]*\):\s*/.exec(rest);
  if (t) return { stamp, frame: { shape: 'trace', level: 'DEBUG' }, frameEnd: stamp.end + t[0].length, message: rest.slice(t[0].length).trimEnd() };
  return undefined;
}

function readLine(s: string): Read | string {
  const c = s.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    const r = readIkemgr(s) ?? readCli(s) ?? readSystem(s);
    return r ?? 'no PAN-OS ikemgr, system-log or CLI frame after the time stamp';
  }
  if (c === 60 || (c >= 65 && c <= 90)) {
    const r = readSystem(s);
    if (r) return r;
  }
  const ev = /^Event:\s*((?:ike|ikev2|ipsec)-[a-z0-9-]+)\s*$/.exec(s);
  if (ev) return { frame: { shape: 'event', eventId: ev[1]! }, frameEnd: s.length, message: '' };
  if (BARE_MESSAGE.test(s)) return { frame: { shape: 'bare' }, frameEnd: 0, message: s.trimEnd() };
  return 'not a PAN-OS line';
}

/** Appends the tokens of one line to `out`. Returns why the line does not fit, or null. */
export function tokenizeLine(s: string, base: number, out: IToken[]): string | null {
  const r = readLine(s);
  if (typeof r === 'string') return r;
  if (r.stamp) out.push(newToken(Timestamp, r.stamp.text, base, r.stamp));
  out.push(newToken(Frame, s.slice(0, r.frameEnd) || ' ', base, r.frame));
  if (r.message) out.push(newToken(Message, r.message, base + Math.max(0, r.frameEnd)));
  out.push(newToken(LineEnd, '\n', base + s.length));
  return null;
}

/** Cheap test: does a PAN-OS record start on this line? */
export function sniffLine(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    // ikemgr (a level tag in brackets and PAN's `{ n: }` ids, or the pan_ trace), the CLI's vpn rows, the CSV.
    if (s.indexOf(']: {') < 0 && s.indexOf(' debug: pan_') < 0 && s.indexOf(' vpn ') < 0 && s.indexOf(',SYSTEM,') < 0) return false;
    return typeof readLine(s) !== 'string';
  }
  if (c === 60 || (c >= 65 && c <= 90) || c === 61) {
    if (s.indexOf(',SYSTEM,') >= 0) return readSystem(s) !== undefined;
    if (c === 69) return /^Event:\s*(?:ike|ikev2|ipsec)-[a-z0-9-]+\s*$/.test(s);
    return (c === 73 || c === 61) && BARE_MESSAGE.test(s);
  }
  return false;
}
