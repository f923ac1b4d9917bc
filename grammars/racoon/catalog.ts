// racoon's own wordings on top of racoon2's catalogue (grammars/racoon2/catalog.ts, which its IKEv1
// code comes from): RouterOS's `respond new phase 1 (Identity Protection)`, address-first errors and
// IKEv2 identity and notify lines,
// macOS's `IKE Packet:` status lines, and what a missing key means on a device.
import type { LogRecord } from '../../src/types.js';
import { classifyRecord } from '../racoon2/index.js';

interface Extra {
  re: RegExp;
  event: string;
  vars?: string[];
  phase?: 1 | 2;
  fixed?: Record<string, string>;
}

const X = (event: string, re: RegExp, vars?: string[], phase?: 1 | 2, fixed?: Record<string, string>): Extra => ({ event, re, ...(vars ? { vars } : {}), ...(phase ? { phase } : {}), ...(fixed ? { fixed } : {}) });

/** Tried before racoon2's catalogue. */
const EXTRAS: Extra[] = [
  X('p1-start', /^respond new phase 1 \((Identity Protection|Aggressive)\): (\S+?)<=>(\S+)/, ['mode', 'local', 'remote'], 1, { role: 'responder' }),
  X('p1-start', /^initiate new phase 1 \((Identity Protection|Aggressive)\): (\S+?)<=>(\S+)/, ['mode', 'local', 'remote'], 1, { role: 'initiator' }),
  X('p2-start', /^(?:initiate|respond) new phase 2 negotiation/, undefined, 2),
  X('p1-failed', /^failed to pre-process ph1 packet/, undefined, 1),
  X('p2-failed', /^failed to pre-process ph2 packet/, undefined, 2),
  X('auth-failed', /^failed to generate SKEYID/, undefined, 1, { reason: 'no-psk' }),
  X('auth-failed', /^couldn't find the pskey/, undefined, 1, { reason: 'no-psk' }),
  X('auth-failed', /^IKEv1 Phase ?1 AUTH: failed/i, undefined, 1),
  X('p1-established', /^IKEv1 Phase ?1 AUTH: success/i, undefined, 1),
  X('p2-established', /^IKEv1 Phase ?2 .*: success/i, undefined, 2),
  X('retransmit', /^IKE Packet: transmit success\. \(Phase 1 Retransmit\)/, undefined, 1),
  X('peer-retransmit', /^the packet is retransmitted by (\S+?) \((\d+)\)\.?$/, ['from', 'count']),
  X('message-invalid', /^IKE Packet: receive failed\. \((\w+), ([\w-]+) Message (\d+)\)/, ['role', 'mode', 'message'], 1),
  // RouterOS IKEv2 (its own code, logged under the same `ipsec` topics): no identity of the router
  // matches the IDs the other end sent, and the notifies it answers with.
  X('id-mismatch', /^identity not found for (?:responder|initiator): (?:\w+:)?(\S+) peer: (?:\w+:)?(\S+)/, ['local', 'received'], 1),
  X('auth-failed', /^reply notify: AUTHENTICATION_FAILED/, undefined, 1, { direction: 'sent' }),
  X('ts-unacceptable', /^reply notify: TS_UNACCEPTABLE/, undefined, 2, { direction: 'sent' }),
];

/** `205.210.31.162 failed to get valid proposal.` (RouterOS puts the peer address first). */
const ADDRESS_FIRST = /^(\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f:]+:[0-9a-f:]*) (?=[a-z])/;

export function classifyRacoon(rec: LogRecord): void {
  const level = rec.level;
  const lead = ADDRESS_FIRST.exec(rec.message);
  const msg = lead ? rec.message.slice(lead[0].length) : rec.message;
  for (const x of EXTRAS) {
    const m = x.re.exec(msg);
    if (!m) continue;
    const vars: Record<string, string> = { ...(x.fixed ?? {}) };
    x.vars?.forEach((v, i) => m[i + 1] !== undefined && (vars[v] = m[i + 1]!));
    rec.event = { type: x.event, vars };
    if (x.phase) rec.phase = x.phase;
    return;
  }
  if (lead) rec.message = msg;
  classifyRecord(rec);
  rec.level = level;
  if (lead) rec.message = `${lead[0]}${msg}`;
}
