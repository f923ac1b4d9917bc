// Junos key-management messages → typed events. Its syslog tags (`KMD_PM_SA_ESTABLISHED`,
// `KMD_VPN_UP_ALARM_USER`, `KMD_VPN_DOWN_ALARM_USER`, `KMD_PM_P2_POLICY_LOOKUP_FAILURE`) and the
// one-line summaries kmd/iked write for each negotiation (`IKE negotiation successfully
// completed.`, `IKE|IPSec negotiation failed with error: <reason>. IKE Version: N, VPN: …`,
// `IKE Phase-2: Failed to match the peer proxy ids […]`). The subject of a record is the remote
// gateway: an SRX keeps one gateway per peer address, and every message names it.
import type { LogRecord } from '../../src/types.js';
import { levelFromEvent } from '../peer-common/catalog-kit.js';

/** `ipv4_subnet(any:0,[0..7]=10.0.0.0/24)` / `ipv4(any:0,[0..3]=10.0.0.1)` → `10.0.0.0/24` / `10.0.0.1/32`. */
export function proxyId(text: string | undefined): string | undefined {
  const m = /=\s*([\d.]+)(\/\d+)?\)?$/.exec(text ?? '') ?? /=\s*([\d.]+)(\/\d+)?\)/.exec(text ?? '');
  if (!m) return undefined;
  return `${m[1]}${m[2] ?? '/32'}`;
}

/** Where an address or `address/port` names the other end. */
function remoteOf(rec: LogRecord, addr: string | undefined, port?: string): void {
  const ip = addr?.replace(/\/\d+$/, '');
  if (!ip || !/^[\d.]+$|:/.test(ip)) return;
  rec.remote = port ? { ip, port: Number(port) } : { ip };
  rec.connName = ip;
}

/** A negotiation's failure reason → the event it means, and the phase it belongs to when it says. */
function failure(reason: string, ipsec: boolean): { type: string; phase: 1 | 2; vars?: Record<string, string> } {
  const phase: 1 | 2 = ipsec ? 2 : 1;
  if (/no proposal chosen|proposal (?:mismatch|not acceptable)/i.test(reason)) return { type: 'no-proposal', phase };
  if (/authentication failed|pre-shared|psk/i.test(reason)) return { type: 'auth-failed', phase: 1, vars: { reason: 'psk' } };
  if (/ts unacceptable|traffic selector|proxy[ -]?id/i.test(reason)) return { type: 'ts-unacceptable', phase: 2 };
  if (/invalid id|ike-id|id validation|identity/i.test(reason)) return ipsec ? { type: 'ts-unacceptable', phase: 2 } : { type: 'id-mismatch', phase: 1 };
  if (/timed out|timeout|no response/i.test(reason)) return { type: ipsec ? 'p2-timeout' : 'p1-timeout', phase };
  if (/invalid ke|dh group|key exchange/i.test(reason)) return ipsec ? { type: 'pfs-mismatch', phase: 2 } : { type: 'no-proposal', phase: 1 };
  return { type: ipsec ? 'p2-failed' : 'p1-failed', phase };
}

/** The summary's `IKE Version: N, VPN: name Gateway: gw, Local: a/500, Remote: b/500, …` fields. */
const SUMMARY = /IKE Version: (\d)[,.]?\s*VPN: (\S+?),? Gateway: (\S+?), Local: (\S+?)\/(\d+), Remote: (\S+?)\/(\d+)/;

export function classifyJunos(rec: LogRecord): void {
  const msg = rec.message;
  let m: RegExpExecArray | null;
  const summary = (): void => {
    const s = SUMMARY.exec(msg);
    if (!s) return;
    rec.ikeVersion = s[1] === '2' ? 2 : 1;
    rec.local = { ip: s[4]!, port: Number(s[5]) };
    remoteOf(rec, s[6], s[7]);
    (rec.context ??= {})['vpn'] = s[2]!;
  };
  if ((m = /^KMD_PM_SA_ESTABLISHED: Local gateway: (\S+?), Remote gateway: (\S+?), Local ID: (\S+?), Remote ID: (\S+?), Direction: (\w+)/.exec(msg))) {
    remoteOf(rec, m[2]);
    rec.local = { ip: m[1]! };
    rec.phase = 2;
    // Both directions are logged: one established event per pair.
    if (m[5] === 'inbound') {
      const local = proxyId(m[3]);
      const remote = proxyId(m[4]);
      rec.event = { type: 'p2-established', vars: { ...(local ? { localTs: local } : {}), ...(remote ? { remoteTs: remote } : {}) } };
    }
  } else if ((m = /^KMD_VPN_(UP|DOWN)_ALARM_USER: VPN (\S+) from (\S+) is (?:up|down)/.exec(msg))) {
    remoteOf(rec, m[3]);
    (rec.context ??= {})['vpn'] = m[2]!;
    rec.phase = 2;
    rec.event = m[1] === 'UP' ? { type: 'p2-established', vars: {} } : { type: 'sa-deleted', vars: { what: 'IKE SA', reason: 'VPN down' } };
  } else if (/^IKE negotiation successfully completed/.test(msg)) {
    summary();
    rec.phase = 1;
    const role = /Role: (Initiator|Responder)/.exec(msg)?.[1]?.toLowerCase();
    rec.event = { type: 'p1-established', vars: role ? { role } : {} };
  } else if ((m = /^(IKE|IPSec) negotiation failed with error: (.+?)\.\s+IKE Version/.exec(msg)) || (m = /^(IKE|IPSec) negotiation failed with error: (.+?)\.?$/.exec(msg))) {
    summary();
    const f = failure(m[2]!, m[1] === 'IPSec');
    rec.phase = f.phase;
    rec.event = { type: f.type, vars: { reason: m[2]!, ...(f.vars ?? {}) } };
  } else if ((m = /^KMD_PM_P2_POLICY_LOOKUP_FAILURE: Policy lookup for Phase-2 \[(\w+)\] failed for p1_local=\S+ p1_remote=(\S+) p2_local=(\S+) p2_remote=(\S+)/.exec(msg))) {
    remoteOf(rec, /=\s*([\d.]+)\)/.exec(m[2]!)?.[1]);
    rec.phase = 2;
    const local = proxyId(m[3]);
    const remote = proxyId(m[4]);
    rec.event = { type: 'ts-unacceptable', vars: { ...(local ? { local } : {}), ...(remote ? { remote } : {}) } };
  } else if ((m = /^IKE Phase-2: Failed to match the peer proxy ids \[p2_remote_proxy_id=(\w+\([^)]*\)), p2_local_proxy_id=(\w+\([^)]*\))\](?: for local ip: (\S+?), remote peer ip: (\S+))?/.exec(msg))) {
    remoteOf(rec, m[4]);
    rec.phase = 2;
    const local = proxyId(m[2]);
    const remote = proxyId(m[1]);
    rec.event = { type: 'ts-unacceptable', vars: { ...(local ? { local } : {}), ...(remote ? { remote } : {}) } };
  } else if (msg.startsWith('IKE Phase-1 Failure: ')) {
    // `IKE Phase-1 Failure: <reason> [spi=…, src_ip=…, dst_ip=…]`: the bracket cut by position, not
    // by a pattern (a lazy reason before an optional bracket rescans the line for every end).
    const rest = msg.slice('IKE Phase-1 Failure: '.length);
    const at = rest.endsWith(']') ? rest.lastIndexOf(' [') : -1;
    const reason = at >= 0 ? rest.slice(0, at) : rest;
    const dst = at >= 0 ? /(?:dst_ip|remote peer ip|remote_ip)[=:] ?([\d.]+)/.exec(rest.slice(at))?.[1] : undefined;
    remoteOf(rec, dst);
    const f = failure(reason, false);
    rec.phase = f.phase;
    rec.event = { type: f.type, vars: { reason, ...(f.vars ?? {}) } };
  }
  levelFromEvent(rec);
}
