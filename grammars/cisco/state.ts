// What the Cisco catalogue remembers between lines of one file: per source, the peer each IOS
// connection id belongs to and the last peer named (most debug lines name none), the configured
// proposals a `show` paste printed (global on IOS: they hold for every peer), and per peer the
// shared SessionState plus the Cisco extras (role, the attribute block or packet dump being read).
import type { LogRecord } from '../../src/types.js';
import type { SeenProposals, SessionState } from '../peer-common/session-state.js';
import type { ProposalDiff } from '../peer-common/proposal-diff.js';

/** An IKEv1 attribute list (`Checking ISAKMP transform`, `Checking IPSec proposal`) or an IKEv2 SA payload being read. */
export interface TransformBlock {
  kind: 'received' | 'configured';
  phase: 1 | 2;
  /** Tokens per transform/proposal number, in the order read. */
  proposals: Map<string, { enc?: string; keyLen?: string; tokens: string[] }>;
  current: string;
  /** The configured side's PFS is not in the block (an ESP transform set): never diff it. */
  pfsUnknown?: boolean;
}

export interface CiscoPeer {
  role?: 'initiator' | 'responder';
  block?: TransformBlock;
  /** IKEv2 packet dump under way: its direction and exchange. */
  dump?: { dir: 'in' | 'out'; exchange?: string; request?: boolean; ts?: 'TSi' | 'TSr' };
  /** The last IKEv2 request this end sent (for a retransmission's meaning). */
  lastRequest?: string;
  /** Packets received from the other end in this attempt. */
  received: number;
  peerId?: string;
  /** ASA 713257: the attribute both ends differ in, as printed. */
  attrDiff?: { phase: 1 | 2; diff: ProposalDiff[] };
  /** Selectors: this device's side and the other end's, as proposed (CIDR). */
  localTs?: string;
  remoteTs?: string;
  /** IOS `IPSec policy invalidated proposal with error N`. */
  policyError?: string;
  /** ASA IKEv2 `Received Policies:` / `Expected Policies:`: the list its `Proposal N: …` lines fill (closed by any other line). */
  policies?: TransformBlock;
  /** This peer's last `Received Policies:` list (its IKE offer). */
  receivedPolicies?: SeenProposals;
}

export interface CiscoSource {
  lastLine: number;
  lastPeer?: string;
  conns: Map<string, string>;
  /** Configured proposals printed by `show` commands, by phase. */
  configured: Partial<Record<1 | 2, SeenProposals & { pfsUnknown?: boolean }>>;
  /** `show crypto map`: PFS on/off and group, read before or after its transform sets. */
  pfs?: string;
  showBlock?: TransformBlock;
  /** The transform sets read so far (phase 2, PFS unknown until a crypto map says it). */
  configured2?: TransformBlock;
}

const MAX = 4096;
const extras = new WeakMap<SessionState, CiscoPeer>();

export function ciscoPeer(st: SessionState): CiscoPeer {
  let p = extras.get(st);
  if (!p) {
    p = { received: 0 };
    extras.set(st, p);
  }
  return p;
}

export class CiscoSources {
  private readonly sources = new Map<string, CiscoSource>();

  of(rec: LogRecord): CiscoSource {
    let s = this.sources.get(rec.source);
    if (!s || rec.line < s.lastLine) {
      s = { lastLine: 0, conns: new Map(), configured: {} };
      this.sources.delete(rec.source);
      if (this.sources.size >= 64) this.sources.delete(this.sources.keys().next().value!);
      this.sources.set(rec.source, s);
    }
    s.lastLine = rec.line;
    return s;
  }

  /** Remembers which peer a connection id names (bounded). */
  static bind(src: CiscoSource, conn: string | undefined, peer: string): void {
    src.lastPeer = peer;
    if (conn === undefined || conn === '0') return;
    if (src.conns.size >= MAX) src.conns.delete(src.conns.keys().next().value!);
    src.conns.set(conn, peer);
  }
}
