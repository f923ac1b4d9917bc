// Owns the advanced-ACL view of a policy's protected traffic: `rule [N] permit ip source A W
// destination B W` → CIDRs (wildcard masks are inverted masks; `0` is one host; `any` is
// 0.0.0.0/0), and the writing of rule lines back in that syntax.
import type { Problem } from '../../../src/types.js';
import { CONFIG_CODES, configProblem } from '../common/problems.js';
import { isIpv4, maskToPrefix, normalizeSubnet } from '../common/values.js';
import type { HwNode } from './parser.js';
import type { HwLine } from './tokens.js';

export interface AclRule {
  line: HwLine;
  number?: string;
  source: string;
  destination: string;
}

/** `0` → 0, `0.0.0.255` → 24 (as a mask `255.255.255.0`); undefined when not contiguous. */
function wildcardPrefix(w: string): number | undefined {
  if (w === '0') return 32;
  if (!isIpv4(w)) return undefined;
  const inverted = w.split('.').map((o) => String(255 - Number(o))).join('.');
  return maskToPrefix(inverted);
}

function side(words: string[], at: number): string | undefined {
  if (at < 0) return '0.0.0.0/0';
  const addr = words[at + 1];
  if (!addr) return undefined;
  if (addr.toLowerCase() === 'any') return '0.0.0.0/0';
  const w = words[at + 2];
  const prefix = w === undefined || /^[a-z]/i.test(w) ? 32 : wildcardPrefix(w);
  return prefix === undefined ? undefined : normalizeSubnet(`${addr}/${prefix}`);
}

/** The permit rules of an ACL, with the rules that do not read as subnets reported. */
export function aclRules(acl: HwNode, problems: Problem[]): AclRule[] {
  const out: AclRule[] = [];
  for (const { head: l } of acl.children) {
    if (l.lower[0] !== 'rule') continue;
    const number = /^\d+$/.test(l.lower[1] ?? '') ? l.lower[1] : undefined;
    if (!l.lower.includes('permit')) continue;
    const source = side(l.words, l.lower.indexOf('source'));
    const destination = side(l.words, l.lower.indexOf('destination'));
    if (!source || !destination) {
      problems.push(configProblem(l.file, l.line, CONFIG_CODES.value, 'the ACL rule does not read as a source and destination subnet', 'Write `rule 5 permit ip source <net> <wildcard> destination <net> <wildcard>`'));
      continue;
    }
    out.push({ line: l, ...(number ? { number } : {}), source, destination });
  }
  return out;
}

/** `10.1.0.0/16` → `10.1.0.0 0.0.255.255`; a host → `10.1.2.3 0`; the whole space → `any`. */
export function wildcardOf(cidr: string): string | undefined {
  const [addr, p] = cidr.split('/');
  const prefix = Number(p ?? '32');
  if (!addr || !isIpv4(addr) || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) return undefined;
  if (prefix === 0) return 'any';
  if (prefix === 32) return `${addr} 0`;
  const wild = (2 ** (32 - prefix) - 1) >>> 0;
  return `${addr} ${[24, 16, 8, 0].map((s) => (wild >>> s) & 255).join('.')}`;
}

/** The body of a rule line (`permit ip source … destination …`). */
export function ruleBody(source: string, destination: string): string | undefined {
  const s = wildcardOf(source);
  const d = wildcardOf(destination);
  return s && d ? `permit ip source ${s} destination ${d}` : undefined;
}
