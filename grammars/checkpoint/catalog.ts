// Check Point IKE texts → typed events. The Log Exporter's `ike::` field holds what SmartConsole
// shows as the IKE information: `<exchange> <what happened>`, the exchange being Main Mode,
// Aggressive Mode, Quick Mode, Informational Exchange, or IKEv2's exchanges; a refused proposal
// names the attribute (`Reason: Wrong value for: Hash Algorithm`) and the transform it was offered.
import type { LogRecord } from '../../src/types.js';
import { eventForNotify, levelFromEvent } from '../peer-common/catalog-kit.js';
import { notifyFromWords as notifyName } from '../peer-common/events.js';
import { classifyAlg } from '../../src/vocabulary/algorithms.js';
import type { CheckpointFrame } from './tokens.js';

type Ev = { type: string; vars: Record<string, string> };

/** Characters of the IKE text the catalogue reads. */
const TEXT_MAX = 4000;

/** The attribute a refused proposal names → the connection's parameter (phase 1, phase 2). */
const ATTRIBUTE: Readonly<Record<string, [string, string]>> = {
  'encryption algorithm': ['IkeEncAlg', 'IpsecEncAlg'],
  'hash algorithm': ['IkeAuthAlg', 'IpsecAuthAlg'],
  'authentication algorithm': ['IkeAuthAlg', 'IpsecAuthAlg'],
  'dh group': ['IkePfs', 'IpsecPfs'],
  'group': ['IkePfs', 'IpsecPfs'],
  pfs: ['IkePfs', 'IpsecPfs'],
  'key length': ['IkeEncAlg', 'IpsecEncAlg'],
};

/** The value of `parameter` in an offered transform (`AES-256, SHA256, Pre-shared secret, Group 2 (1024 bit)`). */
function offeredValue(transform: string | undefined, parameter: string): string | undefined {
  const kind = /EncAlg$/.test(parameter) ? 'enc' : /AuthAlg$/.test(parameter) ? 'hash' : /Pfs$/.test(parameter) ? 'dh' : undefined;
  for (const part of (transform ?? '').split(',')) {
    const a = classifyAlg(part.replace(/\(.*\)/, '').trim());
    if (a.value && (a.kind === kind || (kind === 'hash' && a.kind === 'integ'))) return a.value;
  }
  return undefined;
}


function classifyText(text: string): { ev: Ev; phase?: 1 | 2 } | undefined {
  let m: RegExpExecArray | null;
  const phase: 1 | 2 | undefined = /^Quick Mode|CREATE_CHILD_SA|Child SA/i.test(text) ? 2 : /^(?:Main|Aggressive) Mode|IKE_SA_INIT|Auth exchange|IKE_AUTH/i.test(text) ? 1 : undefined;
  const at = (p: 1 | 2 | undefined, ev: Ev): { ev: Ev; phase?: 1 | 2 } => (p ? { ev, phase: p } : { ev });
  if ((m = /Failed to match proposal(?:: Transform: (.*?);)?.*?Reason: Wrong value for: ([A-Za-z -]+?)\s*$/i.exec(text))) {
    const names = ATTRIBUTE[m[2]!.toLowerCase()];
    const vars: Record<string, string> = { attribute: m[2]! };
    if (names) {
      const parameter = phase === 2 ? names[1] : names[0];
      vars['parameter'] = parameter;
      // The transform is what the other end offered (the gateway's values): the one it names.
      const offered = offeredValue(m[1], parameter);
      if (offered) vars['diff'] = JSON.stringify([{ parameter, cloud: offered, peer: null }]);
    }
    return at(phase ?? 1, { type: 'no-proposal', vars });
  }
  if (/Failed to match proposal|no proposal chosen/i.test(text) && !/Received Notification/i.test(text)) return at(phase ?? 1, { type: 'no-proposal', vars: {} });
  if ((m = /(Received|Sent) Notification(?: from Peer| to Peer)?: ([A-Za-z][A-Za-z _-]+?)\s*\.?$/i.exec(text))) {
    const name = notifyName(m[2]!);
    const type = eventForNotify(name === 'PAYLOAD_MALFORMED' ? 'INVALID_PAYLOAD_TYPE' : name);
    const direction = m[1]!.toLowerCase() === 'sent' ? 'sent' : 'received';
    // A malformed payload in main mode is a key that differs: the other end could not decrypt.
    if (name === 'PAYLOAD_MALFORMED') return at(phase ?? 1, { type: 'payload-invalid', vars: { notify: name, direction } });
    return at(type === 'ts-unacceptable' ? 2 : phase, { type, vars: type === 'notify' ? { type: name, direction } : { notify: name, direction } });
  }
  if (/Received Delete IKE-SA/i.test(text)) return at(1, { type: 'delete-received', vars: { what: 'IKE_SA' } });
  if (/Received Delete IPSEC-SA|Received Delete IPsec/i.test(text)) return at(2, { type: 'delete-received', vars: { what: 'CHILD_SA' } });
  if (/(?:Main|Aggressive) Mode completion|IKE SA established/i.test(text)) return at(1, { type: 'p1-established', vars: {} });
  if (/Quick Mode completion|Child SA established/i.test(text)) return at(2, { type: 'p2-established', vars: {} });
  if (/No response from peer|Retransmission limit|timed out/i.test(text)) return at(phase ?? 1, { type: phase === 2 ? 'p2-timeout' : 'p1-timeout', vars: {} });
  if (/Authentication failed|Invalid pre-shared secret|pre-shared secret mismatch/i.test(text)) return at(1, { type: 'auth-failed', vars: {} });
  if (/should not have been decrypted|cleartext packet within an encrypted connection/i.test(text)) return at(2, { type: 'ts-unacceptable', vars: { dataPlane: 'true' } });
  return undefined;
}

export function classifyCheckpoint(rec: LogRecord, frame: CheckpointFrame | undefined): void {
  const f = frame?.fields ?? {};
  const peer = f['peer_gateway'] ?? (f['ike'] ? /from Peer: ([\d.]+)/.exec(f['ike'])?.[1] : undefined);
  if (peer && /^[\d.]+$|:/.test(peer)) rec.remote = { ip: peer };
  if (f['ike']) rec.ikeVersion = /IKEv2|IKE_SA_INIT|IKE_AUTH|CREATE_CHILD_SA/.test(f['ike']) ? 2 : 1;
  const hit = classifyText(rec.message.slice(0, TEXT_MAX).trim());
  if (hit) {
    rec.event = hit.ev;
    if (hit.phase) rec.phase = hit.phase;
  }
  levelFromEvent(rec);
}
