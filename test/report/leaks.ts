// Test helper for the redaction tests: collects the identifying strings of an input (IPv4
// addresses, Alibaba resource ids, keys: pre-shared keys and their hex dumps, PEM bodies, SPIs and
// cookies) and finds which of them survive in a rendered output.

import type { Side, Subject } from '../../src/types.js';

export interface Identifiers {
  ips: Set<string>;
  ids: Set<string>;
  keys: Set<string>;
  hex: Set<string>;
}

const IPV4 = /(?<![\d.])(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}(?![\d]|\.\d)/g;
const RESOURCE_ID = /\b(?:vco|tun|vpn|cgw|vpndgn|iss)-(?=[a-z0-9]*\d)[a-z0-9]{6,}/g;

/** Addresses that identify nobody (and that redaction deliberately keeps). */
export const isNeutralIp = (ip: string): boolean => ip === '0.0.0.0' || ip.startsWith('127.') || ip.startsWith('255.');

export function emptyIdentifiers(): Identifiers {
  return { ips: new Set(), ids: new Set(), keys: new Set(), hex: new Set() };
}

/** Adds what `text` holds to `into`. */
export function collect(text: string, into: Identifiers = emptyIdentifiers()): Identifiers {
  for (const m of text.matchAll(IPV4)) if (!isNeutralIp(m[0])) into.ips.add(m[0]);
  for (const m of text.matchAll(RESOURCE_ID)) into.ids.add(m[0]);
  // racoon2 prints the PSK as a hex dump on the lines after `psk:`.
  for (const m of text.matchAll(/\bpsk:[^\n]*((?:\n[0-9a-f]{2,8}(?: [0-9a-f]{2,8})*[ \t]*(?=\n|$))+)/g)) {
    const groups = m[1]!.trim().split(/\s+/);
    for (const g of groups) if (g.length === 8) into.keys.add(g);
    const ascii = Buffer.from(groups.join(''), 'hex').toString('latin1');
    if (ascii.length >= 4) into.keys.add(ascii);
  }
  for (const m of text.matchAll(/"Psk"\s*:\s*"([^"]{4,})"/g)) into.keys.add(m[1]!);
  for (const m of text.matchAll(/-----BEGIN [A-Z ]+-----\n([A-Za-z0-9+/=]{16,})/g)) into.keys.add(m[1]!.slice(0, 40));
  // SPIs (strongSwan `_i/_o`, racoon2 `spi=`) and IKE cookies.
  for (const m of text.matchAll(/\b([0-9a-f]{8})_[io]\b/g)) if (!/^0+$/.test(m[1]!) && Number.parseInt(m[1]!, 16) >= 256) into.hex.add(m[1]!);
  for (const m of text.matchAll(/(?<![\w-])([0-9a-f]{16})(?![\w-])/g)) if (/[a-f]/.test(m[1]!) && /\d/.test(m[1]!)) into.hex.add(m[1]!);
  return into;
}

/** The identifiers that occur in `output` (IPs matched as whole addresses). */
export function leaks(output: string, ids: Identifiers): string[] {
  const found: string[] = [];
  for (const ip of ids.ips) {
    if (new RegExp(`(?<![\\d.])${ip.replace(/\./g, '\\.')}(?![\\d]|\\.\\d)`).test(output)) found.push(ip);
  }
  for (const s of [...ids.ids, ...ids.keys, ...ids.hex]) if (output.includes(s)) found.push(s);
  return found;
}

/** IPv4 addresses in a text (for cross-side correlation checks). */
export const ipsIn = (text: string): Set<string> => new Set([...text.matchAll(IPV4)].map((m) => m[0]).filter((ip) => !isNeutralIp(ip)));

/** All text the report attributes to one side (timeline and evidence). */
export function sideText(s: Subject, side: Side): string {
  return [
    ...s.timeline.filter((e) => e.side === side).map((e) => e.text),
    ...s.findings.flatMap((f) => f.evidence.filter((e) => e.side === side).map((e) => e.text)),
  ].join('\n');
}
