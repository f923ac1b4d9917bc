// FortiGate VPN event-log records (`subtype="vpn"`) → typed events. The fields decide, as the
// FortiOS Log Message Reference documents them: `logid` (37124 phase-1 error, 37122 phase-2
// error, 37127/37129 negotiation progress, 37138 connection up/down, 37139/37141 phase 2 up/down),
// `action`, `status`, `reason`, `msg`, `peer_notif`. A bare `Negotiate SA Error` or
// `negotiate_error` without a reason never decides a cause: it stays an error line without event.
import type { LogEvent } from '../../src/types.js';
import type { PeerEventType } from '../peer-common/events.js';

export interface EventLogResult {
  event?: LogEvent;
  phase?: 1 | 2;
  level?: 'error' | 'warn' | 'info';
}

/** Reason texts (in `reason`, after `Negotiate SA Error: ` in `msg`, or in `peer_notif`) → event. */
const REASONS: [RegExp, PeerEventType, Record<string, string>?][] = [
  [/probable pre-shared (?:secret|key) mismatch|PSK auth failed|AUTHENTICATION[-_]FAILED/i, 'auth-failed', { reason: 'psk' }],
  [/peer SA proposal not match local policy|no SA proposal chosen|no proposal chosen|NO[-_]PROPOSAL[-_]CHOSEN/i, 'no-proposal'],
  [/peer ?id(?:entifier)? (?:mismatch|does not match)|gw validation failed/i, 'id-mismatch'],
  [/TS[-_]UNACCEPTABLE|no matching phase2|failed to match peer selectors|INVALID[-_]ID[-_]INFORMATION/i, 'ts-unacceptable'],
  [/no policy configured/i, 'no-config', { why: 'no-policy' }],
  [/no (?:matching )?gateway/i, 'no-config', { why: 'no-gateway-matched' }],
  [/Network is unreachable/i, 'send-failed', { why: 'network-unreachable', reason: 'Network is unreachable' }],
  [/negotiation timeout|peer (?:is )?not responding|timed? ?out/i, 'p1-timeout'],
  [/passive mode/i, 'passive-mode'],
  [/phase2 matched by subset/i, 'ts-narrowed'],
];

function phaseOf(f: Record<string, string>): 1 | 2 | undefined {
  const text = `${f['logdesc'] ?? ''} ${f['msg'] ?? ''} ${f['action'] ?? ''}`;
  if (/phase ?2|quick mode|IPsec SA|CHILD/i.test(text) || f['logid'] === '0101037122' || f['logid'] === '0101037129') return 2;
  if (/phase ?1|ISAKMP|IKE SA/i.test(text) || f['logid'] === '0101037124' || f['logid'] === '0101037127') return 1;
  return undefined;
}

/** The reason the record gives, wherever it gives it. */
function reasonText(f: Record<string, string>): string {
  const fromMsg = /SA Error:\s*(.+)$/i.exec(f['msg'] ?? '')?.[1];
  return [f['reason'], fromMsg, f['peer_notif'] && f['peer_notif'] !== 'NOT-APPLICABLE' ? f['peer_notif'] : undefined, f['msg']].filter((x): x is string => !!x && x !== 'N/A').join(' | ');
}

export function classifyEventLog(f: Record<string, string>): EventLogResult {
  const action = (f['action'] ?? '').toLowerCase();
  const status = (f['status'] ?? '').toLowerCase();
  let phase = phaseOf(f);
  // Connection and SA state changes.
  if (action === 'tunnel-up') return { event: { type: 'p1-established', vars: {} }, phase: 1, level: 'info' };
  if (action === 'phase2-up' || action === 'install_sa') return { event: { type: 'p2-established', vars: {} }, phase: 2, level: 'info' };
  if (action === 'tunnel-down') return { event: { type: 'sa-deleted', vars: { what: 'IKE SA' } }, phase: 1, level: 'info' };
  if (action === 'phase2-down' || action === 'delete_ipsec_sa') return { event: { type: 'sa-deleted', vars: { what: 'IPsec SA' } }, phase: 2, level: 'info' };
  if (action === 'dpd' && /fail/.test(status)) return { event: { type: 'dpd-dead', vars: {} }, phase: 1, level: 'error' };
  const failed = /error|fail/.test(status) || /error/i.test(f['level'] ?? '') || (f['result'] ?? '').toUpperCase() === 'ERROR';
  if (!failed) {
    if (action === 'negotiate' && status === 'success' && phase) {
      // Progress records: a completed exchange of the phase; the last stage of a phase is its SA.
      return { phase, level: 'info' };
    }
    return phase ? { phase, level: 'info' } : { level: 'info' };
  }
  const reason = reasonText(f);
  for (const [re, type, fixed] of REASONS) {
    if (!re.test(reason)) continue;
    const vars: Record<string, string> = { ...(fixed ?? {}), reason };
    let t: string = type;
    if (type === 'ts-unacceptable' || type === 'ts-narrowed') phase = 2;
    if (type === 'auth-failed' || type === 'id-mismatch') phase = 1;
    if (type === 'p1-timeout' && phase === 2) t = 'p2-timeout';
    if (type === 'no-proposal') vars['direction'] = /peer SA proposal|no SA proposal chosen/i.test(reason) ? 'local' : 'received';
    return { event: { type: t, vars }, ...(phase ? { phase } : {}), level: type === 'ts-narrowed' ? 'info' : 'error' };
  }
  // `negotiate_error` / `Negotiate SA Error` with no reason: an error line, no cause.
  return { ...(phase ? { phase } : {}), level: 'error' };
}
