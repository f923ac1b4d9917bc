// The configured side a `show` paste prints beside a debug: `show crypto isakmp policy` (a
// `Protection suite of priority N` header with its attributes folded under it), transform sets
// (`Transform set TS: { esp-aes 256 esp-sha-hmac }`, or `TS:  { … }` inside `show crypto map`), and
// the crypto map's `PFS (Y/N): Y` / `DH group:  group14`. IOS policies and transform sets are
// global: they hold for every peer of the source.
import type { LogRecord } from '../../src/types.js';
import { blockSeen, feedPolicyLine, openBlock, startProposal, transformSetTokens } from './transforms.js';
import type { CiscoSource } from './state.js';

/** Reads one show line into the source's configured proposals; sets the record's event. */
export function showLine(rec: LogRecord, src: CiscoSource): void {
  const line = rec.message.trim();
  let m = /^Protection suite of priority (\d+)/.exec(line);
  if (m) {
    const b = src.showBlock?.phase === 1 ? src.showBlock : (src.showBlock = openBlock('configured', 1));
    startProposal(b, m[1]!);
    for (const c of rec.continuation ?? []) feedPolicyLine(b, c);
    publish(rec, src, 1);
    return;
  }
  m = /^(?:Transform set (\S+?)|([\w.-]+)):\s+\{([^}]*)\}/.exec(line);
  if (m) {
    let b = src.configured2;
    if (!b) b = src.configured2 = openBlock('configured', 2, true);
    startProposal(b, m[1] ?? m[2]!);
    transformSetTokens(b, m[3]!.trim().split(/\s+/));
    publish(rec, src, 2);
    return;
  }
  m = /^PFS \(Y\/N\): ([YN])/.exec(line);
  if (m) {
    src.pfs = m[1] === 'N' ? 'none' : (src.pfs && src.pfs !== 'none' ? src.pfs : 'on');
    if (src.configured2) publish(rec, src, 2);
    return;
  }
  m = /^DH group:\s+(?:group)?(\d+)$/i.exec(line);
  if (m && src.pfs !== 'none') {
    src.pfs = `GROUP${m[1]}`;
    if (src.configured2) publish(rec, src, 2);
  }
}

function publish(rec: LogRecord, src: CiscoSource, phase: 1 | 2): void {
  const b = phase === 1 ? src.showBlock! : src.configured2!;
  // A transform set says nothing of PFS: only a crypto map's `PFS (Y/N)` line does.
  const pfs = phase === 2 && src.pfs && src.pfs !== 'on' ? (src.pfs === 'none' ? 'NONE' : src.pfs) : undefined;
  const { seen, vars } = blockSeen(b, pfs);
  src.configured[phase] = seen;
  rec.event = { type: 'proposal-configured', vars };
  rec.phase = phase;
}
