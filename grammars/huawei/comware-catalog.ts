// H3C Comware IKE / IKEv2 / IPSEC messages → typed events, decided by the mnemonic (as H3C's
// system log messages reference documents them) and the `Reason:` sentence:
//   IKE_P1_SA_ESTABLISH_FAIL, IKE_P2_SA_ESTABLISH_FAIL, IKEV2_…_ESTABLISH_FAIL, IPSEC_SA_ESTABLISH_FAIL → the reason's event
//   IKE_P1_SA_ESTABLISH / IKE_P2_SA_ESTABLISH / IPSEC_SA_ESTABLISH (and IKEv2)  → p1-/p2-established
//   IKE_P1_SA_TERMINATE / IKE_P2_SA_TERMINATE / IPSEC_SA_TERMINATE               → the terminate reason's event
//   IPSEC_PACKET_DISCARDED                                                        → a warning, no event
// The SA information block (Role, Local IP, Remote IP, ports), folded or not, gives the endpoints.
import type { Endpoint, LogRecord } from '../../src/types.js';
import { comwareInfo } from './fields.js';
import { H3C_FAIL_REASONS, H3C_TERMINATE_REASONS, h3cReason } from './h3c-reasons.js';
import { applyMeaning, established } from './meaning.js';
import type { HuaweiState } from './state.js';

const MNEMONIC = /^(IKEV2|IKE|IPSEC)_(?:(P1|P2|IKE|CHILD|IPSEC)_)?SA_(ESTABLISH_FAIL|ESTABLISH|TERMINATE)$/;

function endpoint(ip: string | undefined, port: string | undefined): Endpoint | undefined {
  const addr = ip?.replace(/[,.;]$/, '');
  if (!addr || !/^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:]+)$/.test(addr)) return undefined;
  const p = Number(port);
  return Number.isInteger(p) && p > 0 && p < 65536 ? { ip: addr, port: p } : { ip: addr };
}

export function classifyComware(rec: LogRecord, module: string, mnemonic: string, st: HuaweiState): void {
  const mn = mnemonic.toUpperCase();
  if (mn === 'IPSEC_PACKET_DISCARDED') {
    rec.level = 'warn';
    rec.phase = 2;
    return;
  }
  const m = MNEMONIC.exec(mn);
  if (!m) return;
  const info = comwareInfo(rec.message, rec.continuation);
  const f = info.fields;
  const remote = endpoint(f['Remote IP'] ?? f['Remote address'], f['Remote port']);
  const local = endpoint(f['Local IP'] ?? f['Local address'], f['Local port']);
  if (remote) rec.remote = remote;
  if (local) rec.local = local;
  const v2 = m[1] === 'IKEV2' || /^IKEV2$/i.test(module);
  if (v2) rec.ikeVersion = 2;
  else if (m[1] === 'IKE') rec.ikeVersion = 1;
  const phase: 1 | 2 = m[1] === 'IPSEC' || m[2] === 'P2' || m[2] === 'CHILD' || m[2] === 'IPSEC' ? 2 : 1;
  const role = f['Role']?.toLowerCase();
  const extra: Record<string, string> = role === 'initiator' || role === 'responder' ? { role } : {};
  if (info.mode === 'main' || info.mode === 'aggressive') extra['mode'] = info.mode;
  if (info.state) extra['state'] = info.state;
  if (m[3] === 'ESTABLISH') {
    established(rec, phase, st, extra);
    return;
  }
  const reason = info.reason ?? '';
  if (m[3] === 'ESTABLISH_FAIL') {
    const meaning = reason ? h3cReason(H3C_FAIL_REASONS, reason) : undefined;
    if (meaning) applyMeaning(rec, meaning, reason, st, meaning.phase ?? phase, extra);
    else {
      rec.level = 'error';
      rec.phase = phase;
    }
    return;
  }
  const meaning = (reason ? h3cReason(H3C_TERMINATE_REASONS, reason) : undefined) ?? { type: 'sa-deleted' as const };
  applyMeaning(rec, meaning, reason || 'deleted', st, meaning.phase ?? phase, extra);
}
