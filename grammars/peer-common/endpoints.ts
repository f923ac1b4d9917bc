// Endpoint spellings of the peer daemons: strongSwan `198.51.100.1[500]` (IPv6 `2001:db8::1[500]`),
// Libreswan `198.51.100.1:500` (IPv6 `[2001:db8::1]:500`), bare addresses, and the `%any` wildcard.
import type { Endpoint } from '../../src/types.js';

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const IPV6 = /^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$/;

export function isIpAddress(text: string): boolean {
  return IPV4.test(text) || (text.includes(':') && IPV6.test(text));
}

function withPort(ip: string, port: string | undefined): Endpoint | undefined {
  if (!isIpAddress(ip)) return undefined;
  if (port === undefined || port === '') return { ip };
  const n = Number(port);
  return Number.isInteger(n) && n >= 0 && n <= 65535 ? { ip, port: n } : { ip };
}

/** strongSwan `addr[port]`, `addr[identity]` (the identity is dropped) or a bare address. */
export function parseBracketEndpoint(text: string | undefined): Endpoint | undefined {
  if (!text) return undefined;
  const open = text.indexOf('[');
  if (open < 0) return withPort(text, undefined);
  const inner = text.slice(open + 1, text.endsWith(']') ? -1 : undefined);
  return withPort(text.slice(0, open), /^\d+$/.test(inner) ? inner : undefined);
}

/** Libreswan `addr:port`, `[v6]:port` or a bare address. */
export function parseColonEndpoint(text: string | undefined): Endpoint | undefined {
  if (!text) return undefined;
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close < 0) return undefined;
    const port = text.charCodeAt(close + 1) === 58 ? text.slice(close + 2) : undefined;
    return withPort(text.slice(1, close), port);
  }
  if (IPV4.test(text)) return { ip: text };
  const colon = text.lastIndexOf(':');
  if (colon < 0) return undefined;
  const head = text.slice(0, colon);
  // One colon: v4:port. Several: a bare v6 address, unless the head alone is one (`v6:port`).
  if (IPV4.test(head)) return withPort(head, text.slice(colon + 1));
  return withPort(text, undefined);
}

/** Cleans one traffic selector as the daemons print it: `10.0.0.0/24|/0`, `10.0.0.0/24[tcp/80]`. */
export function cleanSelector(ts: string): string {
  let t = ts.trim();
  const bar = t.indexOf('|');
  if (bar >= 0) t = t.slice(0, bar);
  const br = t.indexOf('[');
  if (br > 0) t = t.slice(0, br);
  return t;
}

/** A side of `A B === C D`: its selectors, cleaned and comma-joined. */
export function selectorList(side: string): string {
  return side
    .trim()
    .split(/\s+/)
    .filter((s) => s.length > 0)
    .map(cleanSelector)
    .join(',');
}

/** Libreswan range selectors (`[203.0.113.128-203.0.113.255:0-65535 0]`) → CIDR when exact. */
export function rangeToCidr(range: string): string {
  const m = /^\[?(\d{1,3}(?:\.\d{1,3}){3})(?:-(\d{1,3}(?:\.\d{1,3}){3}))?(?:\/(\d+))?/.exec(range.trim());
  if (!m) return range.trim();
  if (m[3] !== undefined) return `${m[1]}/${m[3]}`;
  if (m[2] === undefined) return `${m[1]}/32`;
  const a = toInt(m[1]!);
  const b = toInt(m[2]);
  const size = b - a + 1;
  const bits = Math.log2(size);
  if (size > 0 && Number.isInteger(bits) && a % size === 0) return `${m[1]}/${32 - bits}`;
  return `${m[1]}-${m[2]}`;
}

function toInt(ip: string): number {
  return ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
}
