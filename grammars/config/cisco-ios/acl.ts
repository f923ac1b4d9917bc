// Owns the crypto access list of a map entry (`match address 101` / `match address NAME`): its
// permit lines → the child's local (source) and remote (destination) subnets. IOS writes
// wildcard masks (`10.10.0.0 0.0.0.255`), `host a.b.c.d` (/32) and `any` (0.0.0.0/0); `deny`
// lines exempt traffic and `remark` lines say nothing, so neither adds a subnet.
import type { Problem } from '../../../src/types.js';
import { isIpv4, normalizeSubnet } from '../common/values.js';
import { badValue } from './common.js';
import { lw, type CiscoNode } from './parser.js';

export interface AclEntry {
  node: CiscoNode;
  src: string;
  dst: string;
}

const invert = (mask: string): string => mask.split('.').map((o) => String(255 - Number(o))).join('.');

/** One address operand at `w[i]` → [CIDR, words used]; undefined when malformed. */
function operand(w: string[], i: number): [string, number] | undefined {
  const a = w[i]?.toLowerCase();
  if (a === 'any') return ['0.0.0.0/0', 1];
  if (a === 'host' && w[i + 1] && isIpv4(w[i + 1]!)) return [`${w[i + 1]}/32`, 2];
  if (a && isIpv4(a) && w[i + 1] && isIpv4(w[i + 1]!)) {
    const cidr = normalizeSubnet(`${a} ${invert(w[i + 1]!)}`);
    return cidr ? [cidr, 2] : undefined;
  }
  return undefined;
}

/** The permit entries of an ACL: numbered (`access-list 101 permit ip S D`) or named (` [seq] permit ip S D`). */
export function aclEntries(entries: CiscoNode[], problems: Problem[]): AclEntry[] {
  const out: AclEntry[] = [];
  for (const n of entries) {
    const w = n.cmd.words;
    let i = lw(n)[0] === 'access-list' ? 2 : 0;
    if (/^\d+$/.test(w[i] ?? '') && lw(n)[0] !== 'access-list') i++;
    const action = w[i]?.toLowerCase();
    if (action !== 'permit') continue;
    const src = operand(w, i + 2);
    const dst = src ? operand(w, i + 2 + src[1]) : undefined;
    if (!src || !dst) {
      badValue(n, problems, 'the access-list entry does not read as `permit <protocol> <source> <destination>`', 'Write addresses as `a.b.c.d <wildcard>`, `host a.b.c.d` or `any`');
      continue;
    }
    out.push({ node: n, src: src[0], dst: dst[0] });
  }
  return out;
}

/** A CIDR as an ACL operand (`10.10.0.0 0.0.0.255`, `host a.b.c.d`, `any`). */
export function aclOperand(cidr: string): string | undefined {
  const [addr, p] = cidr.split('/');
  const prefix = Number(p ?? 32);
  if (!addr || !isIpv4(addr) || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) return undefined;
  if (prefix === 0) return 'any';
  if (prefix === 32) return `host ${addr}`;
  const wild = prefix === 0 ? 0xffffffff : ~(~0 << (32 - prefix)) >>> 0;
  return `${addr} ${[24, 16, 8, 0].map((sh) => (wild >>> sh) & 255).join('.')}`;
}
