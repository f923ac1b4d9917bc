// Owns the small value syntaxes the dialects share: durations (`8h`, `3600s`, `1d`), booleans
// (`yes`/`no`, `enable`/`disable`), IPv4 subnets (`10.0.0.0/8`, `10.0.0.0 255.0.0.0`, a host) and
// quoted strings.

const UNIT: Readonly<Record<string, number>> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** `3600`, `3600s`, `60m`, `8h`, `1d` → seconds; undefined when not a duration. */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([smhd]?)$/i.exec(text.trim());
  if (!m) return undefined;
  return Math.round(Number(m[1]) * UNIT[m[2]!.toLowerCase()]!);
}

/** yes/no, true/false, enable/disable, on/off; undefined otherwise. */
export function parseBool(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (['yes', 'true', 'enable', 'enabled', 'on', '1'].includes(t)) return true;
  if (['no', 'false', 'disable', 'disabled', 'off', '0'].includes(t)) return false;
  return undefined;
}

/** Strips one pair of surrounding quotes (`"…"` or `'…'`), undoing `\"` and `\\` inside. */
export function unquote(text: string): string {
  const t = text.trim();
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0]) return t.slice(1, -1).replace(/\\(["'\\])/g, '$1');
  return t;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function ipv4ToInt(ip: string): number | undefined {
  const m = IPV4.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1, 5).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

function intToIpv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export const isIpv4 = (text: string): boolean => ipv4ToInt(text) !== undefined;

/** A dotted mask → its prefix length; undefined for a non-contiguous mask. */
export function maskToPrefix(mask: string): number | undefined {
  const n = ipv4ToInt(mask);
  if (n === undefined) return undefined;
  const inv = ~n >>> 0;
  if ((inv & (inv + 1)) !== 0) return undefined;
  return 32 - Math.log2(inv + 1);
}

/** `10.1.2.0/24`, `10.1.2.3` (a host), `10.1.2.0 255.255.255.0`, `10.1.2.0/255.255.255.0` → `a.b.c.d/n` with host bits cleared; IPv6 and names pass through lower-cased; undefined when malformed IPv4. */
export function normalizeSubnet(text: string): string | undefined {
  const t = text.trim();
  if (t.includes(':') || !/^[\d./ ]+$/.test(t)) return t.toLowerCase();
  const [addr, maskPart] = t.includes('/') ? t.split('/', 2) : t.split(/\s+/, 2);
  const ip = ipv4ToInt(addr ?? '');
  if (ip === undefined) return undefined;
  let prefix = 32;
  if (maskPart !== undefined && maskPart !== '') {
    prefix = /^\d{1,2}$/.test(maskPart) ? Number(maskPart) : (maskToPrefix(maskPart) ?? -1);
    if (prefix < 0 || prefix > 32) return undefined;
  }
  const net = prefix === 0 ? 0 : (ip & (~0 << (32 - prefix))) >>> 0;
  return `${intToIpv4(net)}/${prefix}`;
}

/** `a.b.c.d/n` → `a.b.c.d m.m.m.m` (FortiOS writes masks). */
export function subnetToMask(cidr: string): string | undefined {
  const [addr, p] = cidr.split('/');
  const prefix = Number(p);
  if (!addr || !isIpv4(addr) || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) return undefined;
  const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
  return `${addr} ${intToIpv4(mask)}`;
}

/** An inclusive IPv4 range → the one CIDR it is exactly, or undefined. */
export function rangeToSubnet(start: string, end: string): string | undefined {
  const a = ipv4ToInt(start);
  const b = ipv4ToInt(end);
  if (a === undefined || b === undefined || b < a) return undefined;
  const size = b - a + 1;
  const prefix = 32 - Math.log2(size);
  if (!Number.isInteger(prefix) || a % size !== 0) return undefined;
  return `${intToIpv4(a)}/${prefix}`;
}
