// Applies a reason's meaning (reasons.ts, h3c-reasons.ts) to a record: the event with its
// variables (the reason as written, the parameters it names as a diff of unknown values), the
// phase, the level; and keeps the IKE-SA-up memory in step. Shared by the VRP, Comware and table
// catalogues.
import type { LogRecord } from '../../src/types.js';
import { isFailureEvent } from '../peer-common/events.js';
import type { ReasonMeaning } from './reasons.js';
import type { HuaweiState } from './state.js';

export function applyMeaning(rec: LogRecord, m: ReasonMeaning, reason: string, st: HuaweiState, phaseHint?: 1 | 2, extra: Record<string, string> = {}): void {
  let phase = m.phase ?? phaseHint;
  if (!m.type) {
    rec.level = m.level ?? 'error';
    if (phase) rec.phase = phase;
    return;
  }
  let type: string = m.type;
  let params = m.params;
  if (m.dh) {
    // The DH group of no stated phase: PFS once the IKE SA is up, the IKE group before.
    const p2 = phaseHint === 2 || (phaseHint === undefined && st.up(rec));
    phase = p2 ? 2 : 1;
    type = p2 ? 'pfs-mismatch' : 'no-proposal';
    params = [p2 ? 'IpsecPfs' : 'IkePfs'];
  }
  if (type === 'p1-timeout' && phase === 2) type = 'p2-timeout';
  if (type === 'retransmit-limit' || type === 'message-invalid') phase ??= st.up(rec) ? 2 : 1;
  if ((type === 'delete-received' || type === 'sa-deleted') && !m.fixed?.['what']) extra = { what: phase === 2 ? 'IPsec SA' : 'IKE SA', ...extra };
  const vars: Record<string, string> = { ...(m.fixed ?? {}), ...extra, reason };
  if (params && params.length > 0) vars['diff'] = JSON.stringify(params.map((parameter) => ({ parameter })));
  rec.event = { type, vars };
  if (phase) rec.phase = phase;
  rec.level = m.level ?? (isFailureEvent(rec.event) ? 'error' : type === 'critical-payload' ? 'error' : 'info');
  if (type === 'dpd-dead' || ((type === 'delete-received' || type === 'sa-deleted') && /^(?:IKE|ISAKMP)/.test(vars['what'] ?? ''))) st.setUp(rec, false);
}

/** An SA came up: phase 1 (IKE SA) or phase 2 (IPsec SA, which needs an IKE SA). */
export function established(rec: LogRecord, phase: 1 | 2, st: HuaweiState, vars: Record<string, string> = {}): void {
  rec.event = { type: phase === 1 ? 'p1-established' : 'p2-established', vars };
  rec.phase = phase;
  rec.level = 'info';
  st.setUp(rec, true);
}
