// Keyed pseudonyms for IPv4/IPv6 addresses and prefixes. An address keeps its kind (private stays
// in its private block, public goes to the benchmarking range), so a reader can still tell a NAT
// address from a public one; the same address always gets the same pseudonym, so the cloud and
// peer logs still line up. IPv4 maps whole /24 blocks (the last octet is kept), which keeps
// subnets, their hosts and network addresses consistent with one another (`.0/25`, `.1`, `.129`).

import { isIPv6 } from 'node:net';
import type { Keyed } from './keyed.js';

interface Range {
  base: number;
  /** Prefix length of the range. */
  bits: number;
}

const r = (a: string, bits: number): Range => ({ base: v4ToInt(a), bits });
/** Ranges whose addresses stay inside them (private-looking stays private-looking). */
const PRIVATE: Range[] = [r('10.0.0.0', 8), r('172.16.0.0', 12), r('192.168.0.0', 16), r('100.64.0.0', 10), r('169.254.0.0', 16)];
/**
 * Where public addresses go: the benchmarking /15, then 240/4. Not the documentation /24s: labs and
 * examples use those for real hosts, and a pseudonym must never equal an address of the input,
 * including addresses of lines the report does not quote.
 */
const BENCH: Range = r('198.18.0.0', 15);
const RESERVED: Range = r('240.0.0.0', 4);
/** Well-known networks that identify nobody and appear in advice (e.g. the VPN gateway's 100.104.0.0/16). */
const WELL_KNOWN_CIDRS = new Set([
  '0.0.0.0/0', '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '169.254.0.0/16',
  '100.104.0.0/16', '224.0.0.0/4', '127.0.0.0/8',
]);

export function v4ToInt(text: string): number {
  return text.split('.').reduce((acc, part) => acc * 256 + Number(part), 0) >>> 0;
}

export function intToV4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

const inRange = (n: number, range: Range): boolean => range.bits === 0 || n >>> (32 - range.bits) === range.base >>> (32 - range.bits);
const maskOf = (bits: number): number => (bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0);

/** Addresses that identify nobody: unspecified, loopback, broadcast, multicast, netmasks. */
function isNeutralV4(n: number): boolean {
  if (n === 0 || n === 0xffffffff || n >>> 24 === 127 || n >>> 28 === 14) return true;
  // A netmask (contiguous ones from the top, at least /8) is not an address.
  const inv = ~n >>> 0;
  return n >>> 24 === 255 && (inv & (inv + 1)) === 0;
}

/** Maps IPv4/IPv6 addresses of one report. Call `observe` on every address first, then `v4`/`v6`. */
export class IpPseudonyms {
  private readonly seen24 = new Set<number>();
  private readonly seenV6 = new Set<string>();
  /** `${bits}` → source block → target block. */
  private readonly tables = new Map<number, Map<number, number>>();
  private readonly used = new Map<number, Set<number>>();
  private readonly v6map = new Map<string, string>();
  private readonly v6used = new Set<string>();

  constructor(private readonly keyed: Keyed) {}

  observeV4(text: string): void {
    this.seen24.add(v4ToInt(text) >>> 8);
  }

  observeV6(text: string): void {
    this.seenV6.add(expandV6(text));
  }

  /** Pseudonym of `a.b.c.d`, or of `a.b.c.d/len` when `prefix` is given. */
  v4(text: string, prefix?: number): string {
    const n = v4ToInt(text);
    if (prefix !== undefined && WELL_KNOWN_CIDRS.has(`${text}/${prefix}`)) return text;
    if (isNeutralV4(n) && prefix === undefined) return text;
    if (prefix !== undefined && prefix <= 8) return text; // a whole /8 or more identifies nobody
    const bits = prefix !== undefined && prefix < 24 ? prefix : 24;
    const target = this.block(n, bits);
    return intToV4(prefix !== undefined && prefix < 24 ? target : (target | (n & ~maskOf(24))) >>> 0);
  }

  /** Target of the aligned `/bits` block holding `n`, chosen once per block and never reused. */
  private block(n: number, bits: number): number {
    const src = (n & maskOf(bits)) >>> 0;
    let table = this.tables.get(bits);
    if (!table) this.tables.set(bits, (table = new Map()));
    const hit = table.get(src);
    if (hit !== undefined) return hit;
    const home = PRIVATE.find((range) => inRange(n, range));
    const pools = home ? [home, PRIVATE[0]!] : bits >= 15 ? [BENCH, RESERVED] : [RESERVED];
    const used = this.used.get(bits) ?? new Set<number>();
    this.used.set(bits, used);
    for (const pool of pools.filter((p) => p.bits <= bits)) {
      const slots = 2 ** (bits - pool.bits);
      const start = this.keyed.int(`v4|${bits}|${src}|${pool.base}`) % slots;
      for (let i = 0; i < Math.min(slots, 4096); i++) {
        const candidate = (pool.base + ((start + i) % slots) * 2 ** (32 - bits)) >>> 0;
        if (used.has(candidate) || this.touchesInput(candidate, bits)) continue;
        used.add(candidate);
        table.set(src, candidate);
        return candidate;
      }
    }
    // Every slot is taken: fall back to a hashed address in 240/4, still never the input.
    const fallback = (RESERVED.base | (this.keyed.int(`v4f|${src}`) & ~maskOf(4) & maskOf(bits))) >>> 0;
    table.set(src, fallback);
    return fallback;
  }

  /** True when the block holds any /24 that occurs in the report, so no output equals an input. */
  private touchesInput(candidate: number, bits: number): boolean {
    const first = candidate >>> 8;
    const count = 2 ** (24 - Math.min(bits, 24));
    if (count <= 64) {
      for (let i = 0; i < count; i++) if (this.seen24.has(first + i)) return true;
      return false;
    }
    for (const b of this.seen24) if (b >= first && b < first + count) return true;
    return false;
  }

  /** Pseudonym of an IPv6 address (prefix length only affects masking of the result). */
  v6(text: string, prefix?: number): string {
    if (!isIPv6(text)) return text;
    const full = expandV6(text);
    const groups = full.split(':').map((g) => parseInt(g, 16));
    if (groups.slice(0, 7).every((g) => g === 0) && groups[7]! <= 1) return text; // :: and ::1
    const v4tail = text.match(/(\d+\.\d+\.\d+\.\d+)$/)?.[1];
    if (v4tail && groups.slice(0, 5).every((g) => g === 0)) return text.replace(v4tail, this.v4(v4tail));
    const cacheKey = `${full}/${prefix ?? 128}`;
    const cached = this.v6map.get(cacheKey);
    if (cached) return cached;
    let out = '';
    for (let attempt = 0; ; attempt++) {
      const net = this.keyed.bytes(`v6net|${full.slice(0, 19)}|${attempt}`);
      const rnd = this.keyed.bytes(`v6iid|${full}|${attempt}`);
      // A zero or tiny interface id (`::`, `::1`) marks a network or a router; keep it so subnets read.
      const smallIid = groups.slice(4, 7).every((g) => g === 0) && groups[7]! < 0x100;
      const iid = smallIid ? groups.slice(4) : [0, 1, 2, 3].map((i) => rnd.readUInt16BE(i * 2));
      let head: number[];
      if (groups[0]! >>> 9 === 0x7e) head = [0xfd00 | net[0]!, net.readUInt16BE(1), net.readUInt16BE(3), net.readUInt16BE(5)];
      else if (groups[0]! >>> 6 === 0x3fa) head = groups.slice(0, 4); // fe80::/10 link-local: hide the IID only
      else head = [0x2001, 0x0db8, net.readUInt16BE(0), net.readUInt16BE(2)];
      let all = [...head, ...iid];
      if (prefix !== undefined) all = maskV6(all, prefix);
      out = compressV6(all);
      if (!this.seenV6.has(expandV6(out)) && !this.v6used.has(out) && attempt < 64) break;
      if (attempt >= 64) break;
    }
    this.v6used.add(out);
    this.v6map.set(cacheKey, out);
    return out;
  }
}

/** Eight zero-padded groups, lower case; an embedded IPv4 tail becomes two groups. */
export function expandV6(text: string): string {
  let t = text.toLowerCase();
  const v4 = t.match(/(\d+\.\d+\.\d+\.\d+)$/)?.[1];
  if (v4) {
    const n = v4ToInt(v4);
    t = t.slice(0, -v4.length) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = t.includes('::') ? t.split('::') as [string, string] : [t, undefined];
  const h = head ? head.split(':') : [];
  const tl = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const fill = tail !== undefined ? Array(8 - h.length - tl.length).fill('0') : [];
  return [...h, ...fill, ...tl].map((g) => g.padStart(4, '0')).join(':');
}

function maskV6(groups: number[], prefix: number): number[] {
  return groups.map((g, i) => {
    const keep = Math.max(0, Math.min(16, prefix - i * 16));
    return keep === 0 ? 0 : g & ((0xffff << (16 - keep)) & 0xffff);
  });
}

/** RFC 5952 text form: lower case, longest run of zero groups (≥ 2) as `::`. */
export function compressV6(groups: number[]): string {
  let best = -1, bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) { best = i; bestLen = j - i; }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}
