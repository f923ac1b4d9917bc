// FortiGate's proposal blocks — `incoming proposal:` / `my proposal, gw X:` / `incoming child SA
// proposal:` followed by `proposal id = N:`, `protocol id = ISAKMP:` and one `type=…, val=…` line per
// transform — gathered line by line into one proposal text per block, in the `PROTO:alg/alg/…` form
// the shared proposal parser reads (src/vocabulary/algorithms.ts classifies every spelling).
import { proposalVars } from '../peer-common/proposal-diff.js';
import type { SeenProposals } from '../peer-common/session-state.js';

export type BlockKind = 'received' | 'configured';

export interface ProposalBlock {
  kind: BlockKind;
  phase: 1 | 2;
  /** Transform tokens per proposal (`proposal id = N:` opens the next). */
  proposals: { protocol: 'IKE' | 'ESP' | 'AH'; tokens: string[] }[];
}

/** `AES_CBC (key_len = 256)`, `AES_CBC, key-len=256`, `ESP_AES_CBC (key_len = 128)` → `AES_CBC_256`; trailing `.` dropped. */
export function algorithmToken(val: string): string {
  let v = val.trim().replace(/\.$/, '');
  const len = /^(.*?)\s*(?:\(\s*key_?len\s*=\s*(\d+)\s*\)|,\s*key-?len\s*=\s*(\d+))$/i.exec(v);
  if (len) v = `${len[1]}_${len[2] ?? len[3]}`;
  return v.replace(/\s+/g, '_');
}

/** Transform types that carry an algorithm (the others — AUTH_METHOD, ESN, lifetimes, encapsulation — do not). */
const ALGORITHM_TYPES = /^(?:OAKLEY_ENCRYPT_ALG|OAKLEY_HASH_ALG|OAKLEY_GROUP|ENCR|INTEGR|PRF|DH_GROUP|AUTH_ALG|GROUP_DESCRIPTION|AUTH)$/;

export function openBlock(kind: BlockKind, phase: 1 | 2): ProposalBlock {
  return { kind, phase, proposals: [] };
}

function current(b: ProposalBlock): { protocol: 'IKE' | 'ESP' | 'AH'; tokens: string[] } {
  if (b.proposals.length === 0) b.proposals.push({ protocol: b.phase === 2 ? 'ESP' : 'IKE', tokens: [] });
  return b.proposals[b.proposals.length - 1]!;
}

/**
 * Feeds one message of the block. Returns 'transform' when it added an algorithm, 'line' when it
 * belongs to the block without one, or undefined when the message is not a block line (the block ends).
 */
export function feedBlock(b: ProposalBlock, msg: string): 'transform' | 'line' | undefined {
  let m = /^proposal id = \d+:?$/.exec(msg);
  if (m) {
    b.proposals.push({ protocol: b.phase === 2 ? 'ESP' : 'IKE', tokens: [] });
    return 'line';
  }
  m = /^protocol(?: id)? = (\S+?):?$/.exec(msg);
  if (m) {
    const p = m[1]!.toUpperCase();
    const protocol = /ESP/.test(p) ? 'ESP' : /AH/.test(p) ? 'AH' : 'IKE';
    current(b).protocol = protocol;
    // An ESP or AH proposal is a CHILD SA's, whatever opened the block (`negotiation result`).
    if (protocol !== 'IKE') b.phase = 2;
    return 'line';
  }
  m = /^trans_id = (.+)$/.exec(msg);
  if (m) {
    // IKEv1 ESP names its cipher here (`ESP_AES_CBC (key_len = 256)`); `KEY_IKE` is no algorithm.
    if (/^KEY_IKE/.test(m[1]!)) return 'line';
    current(b).tokens.push(algorithmToken(m[1]!.replace(/^ESP_/, '')));
    return 'transform';
  }
  m = /^type ?= ?([A-Z0-9_]+), val ?= ?(.+)$/.exec(msg);
  if (m) {
    if (!ALGORITHM_TYPES.test(m[1]!)) return 'line';
    current(b).tokens.push(algorithmToken(m[2]!));
    return 'transform';
  }
  // The CHILD SA's PFS group, printed apart from the transforms.
  m = /^PFS DH group = (\d+)$/.exec(msg);
  if (m && b.phase === 2) {
    current(b).tokens.push(`GROUP${m[1]}`);
    return 'transform';
  }
  if (/^(?:encapsulation = |ISAKMP SA lifetime=|lifetime ?=|PFS is |PFS DH group = )/.test(msg)) return 'line';
  return undefined;
}

/** The block as proposal text (`IKE:AES_CBC_256/SHA2_256/MODP2048, …`). */
export function blockText(b: ProposalBlock): string {
  return b.proposals
    .filter((p) => p.tokens.length > 0)
    .map((p) => `${p.protocol}:${p.tokens.join('/')}`)
    .join(', ');
}

/** The block as the session keeps it and the event variables that carry it. */
export function blockSeen(b: ProposalBlock): { seen: SeenProposals; vars: Record<string, string> } {
  const raw = blockText(b);
  const p = proposalVars(raw, b.phase === 2 ? 'ESP' : 'IKE');
  return { seen: { raw, phase: b.phase, list: p.list }, vars: { ...p.vars, phase: String(b.phase) } };
}
