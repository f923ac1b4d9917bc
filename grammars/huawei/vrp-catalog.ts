// Huawei VRP information-center messages of the IKE and IPSEC modules → typed events, decided by
// the mnemonic and the sentence (as Huawei's log and alarm references document them):
//   IPSECNEGOFAIL / "… negotiation fails. (… Reason=…, ReasonCode=…, PeerAddress=…)"  → the reason's event
//   IKESAPHASE1ESTABLISHED / "IKE phase1 sa established"                            → p1-established
//   IPSECTUNNELSTART / IPSEC_TUNNEL_UP / "The IPSec tunnel is established"         → p2-established
//   IPSECTUNNELSTOP / "The IPSec tunnel is deleted. (… OfflineReason=…)", IKEPEERDOWN → the offline reason's event
//   DPD messages ("… DPD … timeout")                                                 → dpd-dead
// and the rows of `display ike error-info` / `display ike offline-info` (the same reasons).
import type { Endpoint, LogRecord } from '../../src/types.js';
import { vrpFields } from './fields.js';
import { applyMeaning, established } from './meaning.js';
import { REASON_CODES, huaweiReason } from './reasons.js';
import type { HuaweiState } from './state.js';

function endpoint(ip: string | undefined, port: string | undefined): Endpoint | undefined {
  if (!ip || !/^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:]+)$/.test(ip) || ip === '0.0.0.0') return undefined;
  const p = Number(port);
  return Number.isInteger(p) && p > 0 && p < 65536 ? { ip, port: p } : { ip };
}

const get = (f: Record<string, string>, ...keys: string[]): string | undefined => {
  for (const k of keys) if (f[k] !== undefined && f[k] !== '') return f[k];
  return undefined;
};

function readVersion(v: string | undefined): 1 | 2 | undefined {
  const m = /^(?:v|ikev)?([12])$/i.exec(v ?? '');
  return m ? (m[1] === '1' ? 1 : 2) : undefined;
}

export function classifyVrp(rec: LogRecord, mnemonic: string, st: HuaweiState): void {
  const body = [rec.message, ...(rec.continuation ?? [])].join(' ');
  const f = vrpFields(body);
  const remote = endpoint(get(f, 'PeerAddress', 'PeerAddr', 'RemoteAddress', 'RemoteAddr', 'DstIP', 'RemoteIP'), get(f, 'PeerPort', 'RemotePort'));
  const local = endpoint(get(f, 'LocalAddress', 'LocalAddr', 'SrcIP', 'LocalIP'), get(f, 'LocalPort'));
  if (remote) rec.remote = remote;
  if (local) rec.local = local;
  const version = readVersion(get(f, 'Version', 'IkeVersion', 'IKEVersion'));
  if (version) rec.ikeVersion = version;
  const role = get(f, 'Role')?.toLowerCase();
  const extra: Record<string, string> = role === 'initiator' || role === 'responder' ? { role } : {};
  const mn = mnemonic.toUpperCase();
  const sentence = body.slice(0, body.indexOf('(') >= 0 ? body.indexOf('(') : undefined);
  if (/NEGO_?FAIL|NEGOTIATION_?FAIL/.test(mn) || /negotiation fail/i.test(sentence)) {
    const code = get(f, 'ReasonCode');
    const reason = get(f, 'Reason', 'Reason-Str', 'ReasonStr', 'FailReason') ?? (code ? REASON_CODES[code] : undefined);
    if (code) extra['reasonCode'] = code;
    const m = reason ? huaweiReason(reason) : undefined;
    if (m && reason) applyMeaning(rec, m, reason, st, undefined, extra);
    else rec.level = 'error';
    return;
  }
  if (/PHASE1_?ESTABLISH|P1_?SA_?ESTABLISH|IKESA_?ESTABLISH/.test(mn) || /phase ?1 sa (?:is )?established|IKE SA (?:is )?established/i.test(sentence)) {
    established(rec, 1, st, extra);
    return;
  }
  if (/TUNNEL_?(?:START|UP|ESTABLISH)/.test(mn) || /tunnel (?:is )?(?:established|up)\b/i.test(sentence)) {
    established(rec, 2, st, extra);
    return;
  }
  if (/DPD/.test(mn) || /\bDPD\b|dead peer/i.test(sentence)) {
    if (/time ?out|timed out|fail|dead|down/i.test(body)) applyMeaning(rec, { type: 'dpd-dead', phase: 1 }, 'dpd timeout', st, undefined, extra);
    return;
  }
  const down = /TUNNEL_?(?:STOP|DOWN|DEL)|PEER_?DOWN|SA_?DEL/.test(mn) || /(?:tunnel|peer|SA) (?:is |was )?(?:deleted|down|torn down)/i.test(sentence);
  if (down) {
    const reason = get(f, 'OfflineReason', 'Reason', 'DelReason', 'DeleteReason');
    const m = reason ? huaweiReason(reason) : undefined;
    if (m && reason) applyMeaning(rec, m, reason, st, undefined, extra);
    else applyMeaning(rec, { type: 'sa-deleted', ...(/IKE|PEER/.test(mn) ? { phase: 1 as const } : { phase: 2 as const }) }, reason ?? 'deleted', st, undefined, extra);
  }
}

/** A row of `display ike error-info` (a failure) or `display ike offline-info` (a teardown); toRecord set its peer and version. */
export function classifyRow(rec: LogRecord, reason: string, flow: string | undefined, st: HuaweiState): void {
  const m = huaweiReason(reason);
  if (m) applyMeaning(rec, m, reason, st, undefined, flow ? { flow } : {});
  else rec.level = 'error';
}
