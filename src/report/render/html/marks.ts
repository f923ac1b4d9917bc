// What a timeline entry looks like on the chart: its kind (attempt, retransmission, failure,
// success, other) and its IKE phase. Keys on the event ids of src/parse/events.ts; ids added later
// fall back to their wording, so a new event still lands in a sensible kind.

import type { TimelineEntry } from '../../../types.js';

export type MarkKind = 'attempt' | 'retransmit' | 'failure' | 'success' | 'other';

const KINDS: Record<string, MarkKind> = {
  'p1-start': 'attempt', 'p2-start': 'attempt', 'p1-mode': 'attempt',
  'p1-resend': 'retransmit', 'retransmit': 'retransmit',
  'p1-established': 'success', 'p2-established': 'success', 'dpd-ack': 'success',
  'daemon-start': 'other', 'packet-received': 'other', 'packet-sent': 'other', 'dpd-sent': 'other',
  'p1-proposal-ours': 'other', 'p1-proposal-theirs': 'other', 'p1-compared': 'other', 'p1-attr': 'other',
  'proposal-received': 'other', 'proposal-configured': 'other', 'nat-detected': 'other', 'id-payload': 'other',
  'sa-expired': 'other', 'info-ignored-no-sa': 'other', 'info-no-hash': 'other',
  'retransmit-limit': 'failure', 'p1-timeout': 'failure', 'p1-failed': 'failure', 'p1-rejected': 'failure',
  'no-proposal': 'failure', 'mode-not-acceptable': 'failure', 'exchange-mismatch': 'failure',
  'id-type-unacceptable': 'failure', 'id-mismatch': 'failure', 'hash-mismatch': 'failure',
  'payload-invalid': 'failure', 'decrypt-failed': 'failure', 'unknown-ikev2-peer': 'failure', 'no-config': 'failure',
  'ke-mismatch': 'failure', 'ke-missing': 'failure', 'payload-missing': 'failure', 'auth-failed': 'failure',
  'natt-unexpected-payload': 'failure', 'p2-timeout': 'failure', 'p2-wait-p1-timeout': 'failure', 'p2-failed': 'failure',
  'pfs-mismatch': 'failure', 'lifetime-mismatch': 'failure', 'trns-mismatch': 'failure', 'authtype-mismatch': 'failure',
  'proto-mismatch': 'failure', 'encmode-mismatch': 'failure', 'selector-not-found': 'failure',
  'address-mismatch': 'failure', 'ts-unacceptable': 'failure', 'dpd-dead': 'failure', 'delete-received': 'failure',
  'sa-deleted': 'other', 'peer-address-unexpected': 'failure', 'critical-payload': 'failure',
  'commit-bit': 'failure', 'cert-error': 'failure',
};

/** Phase-2 events whose ids do not say so. */
const PHASE2 = new Set(['pfs-mismatch', 'lifetime-mismatch', 'trns-mismatch', 'authtype-mismatch', 'proto-mismatch',
  'encmode-mismatch', 'selector-not-found', 'address-mismatch', 'id-payload', 'ts-unacceptable', 'ke-missing']);

export function markKind(e: TimelineEntry): MarkKind {
  if (e.event === 'notify') {
    return /FAIL|ERROR|INVALID|NO_PROPOSAL|UNACCEPTABLE|TS_UNACCEPTABLE|MISMATCH/i.test(e.text) ? 'failure' : 'other';
  }
  const known = KINDS[e.event];
  if (known) return known;
  if (/fail|timeout|mismatch|reject|error|invalid|dead|unaccept|not-found|missing/.test(e.event)) return 'failure';
  if (/resend|retrans/.test(e.event)) return 'retransmit';
  if (/established|-up$|success/.test(e.event)) return 'success';
  if (/start|init/.test(e.event)) return 'attempt';
  return 'other';
}

export function markPhase(e: TimelineEntry): 1 | 2 | undefined {
  if (e.phase === 1 || e.phase === 2) return e.phase;
  if (e.event.startsWith('p1-')) return 1;
  if (e.event.startsWith('p2-') || PHASE2.has(e.event)) return 2;
  return undefined;
}
