// The frame around a Huawei VRP or H3C Comware information-center message: an optional syslog
// priority (`<189>`), a stamp in any of the shapes stamps.ts reads, up to six header words (host
// name, an RFC 5424 app name the line parser's unframe left as `app:`, its `- - -`), then the tag
// `[%%vv]MODULE/severity/MNEMONIC[(l|t|d|s)][[seq]]:` and the text. Comware may put a location
// (`-MDC=1-Slot=2;`) and VRP 8 a `CID=0x…;` between the tag and the text; traps start `OID 1.3.6…`.
import type { ScannedStamp } from '../peer-common/time.js';
import { scanDeviceStamp } from './stamps.js';

export interface FrameTag {
  /** `01` (VRP) / `10` (Comware) when written. */
  version?: string;
  module: string;
  severity: number;
  mnemonic: string;
  /** VRP: l (log), t (trap), d (debug), s (security). */
  kind?: string;
  seq?: string;
}

export interface Frame {
  stamp?: ScannedStamp;
  host?: string;
  /** Where the stamp starts (after `<pri>`), where the tag starts and where the text starts. */
  stampAt: number;
  tagAt: number;
  bodyAt: number;
  tag: FrameTag;
  vendor: 'huawei' | 'h3c';
}

const TAG = /(?:%%(\d\d))?([A-Z][A-Z0-9-]{1,15})\/([0-7])\/([A-Za-z][A-Za-z0-9_]{1,63})(?:\(([a-z])\))?(?:\[(\d+)\])?:(?:\s*-[A-Za-z]+=[^;\s]*(?:-[A-Za-z]+=[^;\s]*)*;)?(?:CID=0x[0-9A-Fa-f]+;)?\s*(?:OID [\d.]+\s+)?/y;

/** Modules whose messages are the tunnel's: only these are claimed without a stamp in front. */
export const TUNNEL_MODULES = /^(?:IKE|IKEV2|IKEv2|IPSEC|IPSEC-VPN|IPSEC_VPN|IKEV1)$/i;

function tagAt(s: string, at: number): { tag: FrameTag; end: number } | undefined {
  TAG.lastIndex = at;
  const m = TAG.exec(s);
  if (!m) return undefined;
  const tag: FrameTag = { module: m[2]!, severity: Number(m[3]), mnemonic: m[4]! };
  if (m[1]) tag.version = m[1];
  if (m[5]) tag.kind = m[5];
  if (m[6]) tag.seq = m[6];
  return { tag, end: TAG.lastIndex };
}

/** Comware writes its own version (`%%10`), its buffer stamp with `%`, and mnemonics of words joined by `_`. */
function vendorOf(s: string, stamp: ScannedStamp | undefined, tag: FrameTag): 'huawei' | 'h3c' {
  if (tag.version === '10' || stamp?.text.startsWith('%') || stamp?.text.startsWith('*')) return 'h3c';
  if (tag.version === '01') return 'huawei';
  return /^(?:IKE|IKEV2|IPSEC)_(?:P[12]_)?SA_|^IPSEC_PACKET_|^IKEV2_/.test(tag.mnemonic) ? 'h3c' : 'huawei';
}

const PROGRAM = /^ipsec_ike\[\d+\]: (?:\[[^\]]{1,64}\] )?/;

/** The frame of a line, or undefined when the line is not an information-center message. */
export function readFrame(s: string): Frame | undefined {
  // A cheap gate first: every tag has two slashes and a colon (the syslog program form has neither).
  const slash = s.indexOf('/');
  if ((slash < 0 || s.indexOf(':', slash) < 0) && s.indexOf('ipsec_ike[') < 0) return undefined;
  let i = 0;
  if (s.charCodeAt(0) === 60) {
    const close = s.indexOf('>');
    if (close < 2 || close > 4 || !/^<\d{1,3}>$/.test(s.slice(0, close + 1))) return undefined;
    i = close + 1;
    // RFC 5424 (when the line parser did not unframe it first): `<pri>1 stamp host app procid msgid sd`.
    if (s.charCodeAt(i) === 49 && s.charCodeAt(i + 1) === 32) i += 2;
  }
  const stampAt = i;
  const stamp = scanDeviceStamp(i === 0 ? s : s.slice(i));
  if (!stamp) {
    // Bare message (a pasted buffer without stamps): only a tunnel module's tag at the start.
    const t = tagAt(s, i);
    if (!t || !TUNNEL_MODULES.test(t.tag.module)) return undefined;
    return { stampAt, tagAt: i, bodyAt: t.end, tag: t.tag, vendor: vendorOf(s, undefined, t.tag) };
  }
  let at = i + stamp.end;
  let host: string | undefined;
  for (let word = 0; word < 7; word++) {
    while (s.charCodeAt(at) === 32) at++;
    const t = tagAt(s, at);
    if (t) return { stamp, ...(host ? { host } : {}), stampAt, tagAt: at, bodyAt: t.end, tag: t.tag, vendor: vendorOf(s, stamp, t.tag) };
    // Huawei Cloud's VPN gateway writes VRP's IKE sentences through syslog as `ipsec_ike[pid]: [peer] …`.
    const p = PROGRAM.exec(s.slice(at, at + 80));
    if (p) return { stamp, ...(host ? { host } : {}), stampAt, tagAt: at, bodyAt: at + p[0].length, tag: { module: 'IKE', severity: 6, mnemonic: '' }, vendor: 'huawei' };
    const sp = s.indexOf(' ', at);
    if (sp < 0) return undefined;
    host ??= s.slice(at, sp).replace(/:$/, '');
    at = sp;
  }
  return undefined;
}
