// Azure VPN gateway messages → typed events. Windows' IKE service names a failure by its Windows
// error code (13801 authentication, 13868 policy mismatch, 13999 traffic selectors, …), by the
// notify it sends, or — in Network Watcher's summaries — in a sentence; main mode (MM) and quick
// mode (QM) say the phase, also for IKEv2 (Windows keeps the IKEv1 names). A summary's detail line
// (`based on log : …`) is read with it.
import type { LogRecord } from '../../src/types.js';
import { eventForNotify, levelFromEvent, recordText } from '../peer-common/catalog-kit.js';
import type { AzureFrame } from './tokens.js';

type Ev = { type: string; vars: Record<string, string> };

/** Characters of a record's text the catalogue reads (Azure's messages are short). */
const TEXT_MAX = 4000;

/** Windows IKE errors (winerror.h, `ERROR_IPSEC_IKE_*`) → the event each one means. */
const WINDOWS_ERRORS: Readonly<Record<number, { type: string; phase?: 1 | 2; name: string }>> = {
  13801: { type: 'auth-failed', name: 'ERROR_IPSEC_IKE_AUTH_FAIL' },
  13805: { type: 'p1-timeout', name: 'ERROR_IPSEC_IKE_TIMED_OUT' },
  13822: { type: 'ke-mismatch', name: 'ERROR_IPSEC_IKE_DH_FAIL' },
  13824: { type: 'message-invalid', name: 'ERROR_IPSEC_IKE_INVALID_HEADER' },
  13825: { type: 'no-config', name: 'ERROR_IPSEC_IKE_NO_POLICY' },
  13826: { type: 'auth-failed', name: 'ERROR_IPSEC_IKE_INVALID_SIGNATURE' },
  13843: { type: 'message-invalid', name: 'ERROR_IPSEC_IKE_INVALID_PAYLOAD' },
  13846: { type: 'message-invalid', name: 'ERROR_IPSEC_IKE_INVALID_COOKIE' },
  13868: { type: 'no-proposal', name: 'ERROR_IPSEC_IKE_POLICY_MATCH' },
  13880: { type: 'version-unsupported', name: 'ERROR_IPSEC_IKE_INVALID_MAJOR_VERSION' },
  13999: { type: 'ts-unacceptable', phase: 2, name: 'ERROR_IPSEC_IKE_TS_UNACCEPTABLE' },
};

/** `13801`, `0x35E9`, `0x000035e9` → the error number. */
function errorNumber(text: string): number | undefined {
  const m = /(?:[Ww]indows error|with error|[Ee]rror ?[Cc]ode\]?:?) ?(0x[0-9A-Fa-f]+|\d{4,5})\b/.exec(text);
  if (!m) return undefined;
  return m[1]!.startsWith('0x') ? Number.parseInt(m[1]!.slice(2), 16) : Number(m[1]);
}

/**
 * Main mode (phase 1) or quick mode (phase 2), where the text says — also by what an IKEv2
 * exchange carries: IKE_AUTH brings the first Child SA's proposal and traffic selectors.
 */
function phaseOf(text: string): 1 | 2 | undefined {
  if (/\bQM\b|QMNegotiation|Quick Mode|child|CHILD_SA|IPSec payload|Traffic Selector/i.test(text) || /IKE AUTH message|\bIKE_AUTH\b/.test(text)) return 2;
  if (/\bMM\b|MMNegotiation|Main Mode|IKE_SA_INIT|SA_INIT|IKE SA\b/i.test(text)) return 1;
  return undefined;
}

/** What one input has shown so far: the phase its latest placed line was in. */
export interface AzureState {
  source: string | undefined;
  phase: 1 | 2 | undefined;
}

export const newAzureState = (): AzureState => ({ source: undefined, phase: undefined });

function classifyText(text: string): Ev | undefined {
  let m: RegExpExecArray | null;
  const code = errorNumber(text);
  const known = code === undefined ? undefined : WINDOWS_ERRORS[code];
  if (known) {
    const ev: Ev = { type: known.type, vars: { error: String(code), errorName: known.name } };
    // A timed-out quick mode is phase 2's.
    if (known.type === 'p1-timeout' && phaseOf(text) === 2) ev.type = 'p2-timeout';
    if (known.type === 'message-invalid') ev.vars['why'] = known.name;
    return ev;
  }
  if ((m = /Sending Notify Message - (Policy Mismatch|Authentication failed|Traffic selectors? unacceptable|No proposal chosen)/i.exec(text))) {
    const name = /policy|proposal/i.test(m[1]!) ? 'NO_PROPOSAL_CHOSEN' : /auth/i.test(m[1]!) ? 'AUTHENTICATION_FAILED' : 'TS_UNACCEPTABLE';
    return { type: eventForNotify(name), vars: { notify: name, direction: 'sent' } };
  }
  if ((m = /Peer sent (\w+) notify|Received Notify(?: Message)? - ?(\w+)/i.exec(text))) {
    const name = (m[1] ?? m[2]!).toUpperCase();
    const type = eventForNotify(name);
    return { type, vars: type === 'notify' ? { type: name, direction: 'received' } : { notify: name, direction: 'received' } };
  }
  if (/Authentication failed|authentication credentials are unacceptable|Failed to verify signature/i.test(text)) return { type: 'auth-failed', vars: {} };
  if (/rejected (?:Quick|Main) Mode settings|Policy match error|No proposal/i.test(text)) return { type: 'no-proposal', vars: {} };
  if (/Traffic selectors? unacceptable/i.test(text)) return { type: 'ts-unacceptable', vars: {} };
  if (/Negotiation timed out|SA_NEGOTIATION_FAILED.*timed out/i.test(text)) return { type: 'p1-timeout', vars: {} };
  if (/cannot handle version of IKE/i.test(text)) return { type: 'version-unsupported', vars: {} };
  if (/sent invalid payload|Invalid payload received/i.test(text)) return { type: 'message-invalid', vars: { why: 'invalid payload' } };
  if ((m = /Failure type: IKE\/Authip (Main|Quick) Mode Failure/i.exec(text))) return { type: m[1] === 'Quick' ? 'p2-failed' : 'p1-failed', vars: {} };
  return undefined;
}

export function classifyAzure(rec: LogRecord, frame: AzureFrame | undefined, st: AzureState): void {
  if (st.source !== rec.source) {
    st.source = rec.source;
    st.phase = undefined;
  }
  // A summary and its indented detail, a wfpdiag block's lines: one text.
  const text = recordText(rec, TEXT_MAX);
  const ip = (s: string | undefined): string | undefined => (s && /^[\d.]+$|:/.test(s) ? s : undefined);
  const remote = ip(frame?.remote);
  const local = ip(frame?.local);
  if (remote) rec.remote = frame?.remotePort ? { ip: remote, port: frame.remotePort } : { ip: remote };
  if (local) rec.local = frame?.localPort ? { ip: local, port: frame.localPort } : { ip: local };
  const ev = classifyText(text);
  const placed = phaseOf(text);
  if (ev) {
    rec.event = ev;
    // A refusal that does not say its phase belongs to the exchange under way.
    rec.phase = ev.type === 'ts-unacceptable' || ev.type === 'p2-timeout' || ev.type === 'p2-failed' ? 2 : (placed ?? st.phase ?? 1);
  }
  if (placed) st.phase = placed;
  levelFromEvent(rec);
}
