// Recognises exported Alibaba API responses by their shape (DiagnoseVpnConnections,
// GetVpnGatewayDiagnoseResult, DescribeVpnConnectionLogs, DescribeVpnConnection(s), DownloadVpnConnectionConfig), unwraps SDK
// envelopes, and types their fields. Unknown shapes become problems that name what was expected.
import type { InputKind, Problem } from '../types.js';
import { locate } from '../errors.js';
import { EXPORTED_CONFIG_KEYS } from '../vocabulary/parameters.js';
import { decodeDescription, type DecodedDescription } from './diagnosis.js';
import { readCloudSettings } from './cloud-settings.js';
import { apiKeyed } from './api-keys.js';

export interface ConnectionDiagnosis {
  source: string;
  pointer: string;
  vpnConnectionId?: string;
  tunnelId?: string;
  vpnGatewayId?: string;
  failedReasonCode?: string;
  failedReason?: string;
  failedTimeMs?: number;
  severity?: string;
  mismatchLocal?: string;
  mismatchRemote?: string;
  sourceLog?: string;
}

export interface GatewayCheck {
  source: string;
  pointer: string;
  diagnoseId?: string;
  vpnGatewayId?: string;
  resourceId?: string;
  name: string;
  level: string;
  description: DecodedDescription;
  rawDescription: string;
  finishTime?: string;
  finishedCount?: number;
  totalCount?: number;
}

export interface LogsDocument {
  source: string;
  vpnConnectionId?: string;
  tunnelId?: string;
  logs: string[];
  pointerBase: string;
}

export interface SideConfig {
  IkeVersion?: string;
  IkeMode?: string;
  IkeEncAlg?: string;
  IkeAuthAlg?: string;
  IkePfs?: string;
  IkeLifetime?: string;
  LocalId?: string;
  RemoteId?: string;
  IpsecEncAlg?: string;
  IpsecAuthAlg?: string;
  IpsecPfs?: string;
  IpsecLifetime?: string;
}

/** The cloud side's settings of one connection or tunnel (`Psk` is never kept). */
export interface CloudConfig {
  source: string;
  pointer: string;
  vpnConnectionId: string;
  tunnelId?: string;
  tunnelIndex?: number;
  vpnGatewayId?: string;
  customerGatewayId?: string;
  localSubnet?: string;
  remoteSubnet?: string;
  remoteIp?: string;
  gatewayIp?: string;
  enableDpd?: string;
  enableNatTraversal?: string;
  status?: string;
  params: SideConfig;
}

export interface ApiDocument {
  kind: InputKind;
  diagnoses: ConnectionDiagnosis[];
  checks: GatewayCheck[];
  logs: LogsDocument[];
  configs: CloudConfig[];
  problems: Problem[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const s = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);

function set<T extends object, K extends keyof T>(o: T, k: K, v: T[K] | undefined): void {
  if (v !== undefined) o[k] = v;
}

function unwrap(v: unknown): unknown {
  let cur = v;
  for (let i = 0; i < 3 && isObj(cur) && isObj(cur['body']) && Object.keys(cur).every((k) => ['body', 'headers', 'statusCode'].includes(k)); i++) cur = cur['body'];
  return cur;
}

const CONFIG_KEYS = EXPORTED_CONFIG_KEYS as readonly (keyof SideConfig)[];

function readSideConfig(...parts: unknown[]): SideConfig {
  const out: SideConfig = {};
  for (const p of parts) {
    const o = typeof p === 'string' ? safeJson(p) : p;
    if (!isObj(o)) continue;
    for (const k of CONFIG_KEYS) set(out, k, s(o[k]));
  }
  return out;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function readDiagnoses(o: Obj, source: string, base: string, out: ApiDocument): void {
  (o['VpnConnections'] as unknown[]).forEach((c, i) => {
    const pointer = `${base}/VpnConnections/${i}`;
    if (!isObj(c)) {
      out.problems.push({ source, pointer, code: 'E_JSON_SHAPE', message: locate(source, pointer, 'entry is not an object', 'Skipped.') });
      return;
    }
    const d: ConnectionDiagnosis = { source, pointer };
    set(d, 'vpnConnectionId', s(c['VpnConnectionId']));
    set(d, 'tunnelId', s(c['TunnelId']));
    set(d, 'vpnGatewayId', s(c['VpnGatewayId']) ?? s(o['VpnGatewayId']));
    set(d, 'failedReasonCode', s(c['FailedReasonCode']));
    set(d, 'failedReason', s(c['FailedReason']));
    const t = Number(c['FailedTime']);
    if (Number.isFinite(t) && t > 0) d.failedTimeMs = t < 1e11 ? t * 1000 : t;
    set(d, 'severity', s(c['Severity']));
    set(d, 'mismatchLocal', s(c['MismatchLocalParam']));
    set(d, 'mismatchRemote', s(c['MismatchRemoteParam']));
    set(d, 'sourceLog', s(c['SourceLog']));
    if (!d.vpnConnectionId && !d.tunnelId) {
      // Nothing to tie it to and nothing to say: not a subject (10 000 `{}` were 10 000 of them).
      const says = d.failedReasonCode ?? d.sourceLog ?? d.mismatchLocal ?? d.mismatchRemote ?? d.failedReason;
      out.problems.push({ source, pointer, code: 'E_JSON_SHAPE', message: locate(source, pointer, 'entry names neither VpnConnectionId nor TunnelId', says ? 'Its result cannot be tied to a connection.' : 'It says nothing either: skipped.') });
      if (!says) return;
    }
    out.diagnoses.push(d);
  });
}

function readChecks(o: Obj, source: string, base: string, out: ApiDocument): void {
  (o['DiagnoseResult'] as unknown[]).forEach((r, i) => {
    const pointer = `${base}/DiagnoseResult/${i}`;
    if (!isObj(r) || typeof r['DiagnoseName'] !== 'string') {
      out.problems.push({ source, pointer, code: 'E_JSON_SHAPE', message: locate(source, pointer, 'result has no DiagnoseName', 'Skipped.') });
      return;
    }
    const raw = r['DiagnoseResultDescription'];
    const decoded = decodeDescription(r['DiagnoseName'], raw);
    if (decoded.error) {
      out.problems.push({ source, pointer: `${pointer}/DiagnoseResultDescription`, code: 'E_DESCRIPTION_INVALID', message: locate(source, `${pointer}/DiagnoseResultDescription`, `description is not JSON (${decoded.error})`, 'Kept raw.') });
    }
    const c: GatewayCheck = { source, pointer, name: r['DiagnoseName'], level: (s(r['DiagnoseResultLevel']) ?? 'unknown').toLowerCase(), description: decoded.description, rawDescription: typeof raw === 'string' ? raw : JSON.stringify(raw ?? null) };
    set(c, 'diagnoseId', s(o['DiagnoseId']));
    set(c, 'vpnGatewayId', s(o['VpnGatewayId']));
    set(c, 'resourceId', s(o['ResourceInstanceId']));
    set(c, 'finishTime', s(o['FinishTime']));
    const f = Number(o['FinishedCount']);
    const t = Number(o['TotalCount']);
    if (Number.isFinite(f)) c.finishedCount = f;
    if (Number.isFinite(t)) c.totalCount = t;
    out.checks.push(c);
  });
}

function readConfigs(list: unknown[], source: string, base: string, out: ApiDocument): void {
  list.forEach((c, i) => readConfig(c, source, `${base}/${i}`, out));
}

/** One connection's configuration (a DescribeVpnConnections entry, or a DescribeVpnConnection response). */
function readConfig(c: unknown, source: string, pointer: string, out: ApiDocument): void {
  if (!isObj(c) || !s(c['VpnConnectionId'])) return;
  const common = {
    source,
    vpnConnectionId: s(c['VpnConnectionId'])!,
  };
  const tunnels = (isObj(c['TunnelOptionsSpecification']) ? (c['TunnelOptionsSpecification'] as Obj)['TunnelOptions'] : c['TunnelOptionsSpecification']) as unknown;
  const fill = (cfg: CloudConfig, from: Obj): void => {
    set(cfg, 'vpnGatewayId', s(c['VpnGatewayId']));
    set(cfg, 'customerGatewayId', s(from['CustomerGatewayId']) ?? s(c['CustomerGatewayId']));
    set(cfg, 'localSubnet', s(c['LocalSubnet']));
    set(cfg, 'remoteSubnet', s(c['RemoteSubnet']));
    set(cfg, 'remoteIp', s(from['CustomerGatewayIp']) ?? s(c['RemoteIp']) ?? s(c['CustomerGatewayIp']));
    set(cfg, 'gatewayIp', s(from['TunnelIp']) ?? s(c['InternetIp']) ?? s(c['VpnGatewayIp']));
    set(cfg, 'enableDpd', s(from['EnableDpd']) ?? s(c['EnableDpd']));
    set(cfg, 'enableNatTraversal', s(from['EnableNatTraversal']) ?? s(c['EnableNatTraversal']));
    set(cfg, 'status', s(from['Status']) ?? s(c['Status']));
  };
  if (Array.isArray(tunnels) && tunnels.length > 0) {
    tunnels.forEach((t, k) => {
      if (!isObj(t)) return;
      const cfg: CloudConfig = { ...common, pointer: `${pointer}/TunnelOptionsSpecification/${k}`, tunnelIndex: k, params: readSideConfig(t['TunnelIkeConfig'], t['TunnelIpsecConfig']) };
      set(cfg, 'tunnelId', s(t['TunnelId']));
      fill(cfg, t);
      out.configs.push(cfg);
    });
  } else {
    const cfg: CloudConfig = { ...common, pointer, params: readSideConfig(c['IkeConfig'], c['IpsecConfig']) };
    fill(cfg, c);
    out.configs.push(cfg);
  }
}

/**
 * A DownloadVpnConnectionConfig response: the peer's view of one connection (cloud-settings.ts reads
 * it back to the cloud's). It names no connection unless the export added `VpnConnectionId`; the
 * facts then join it to the subject whose addresses it shares. The key is never kept.
 */
function readDownload(o: Obj, source: string, base: string, out: ApiDocument): void {
  for (const t of readCloudSettings(o, source, base).tunnels) {
    const params: SideConfig = {};
    for (const k of CONFIG_KEYS) set(params, k, t.values[k]?.value);
    const cfg: CloudConfig = { source, pointer: t.pointer, vpnConnectionId: t.vpnConnectionId ?? '', params };
    set(cfg, 'tunnelId', t.tunnelId);
    set(cfg, 'localSubnet', t.values.LocalSubnet?.value);
    set(cfg, 'remoteSubnet', t.values.RemoteSubnet?.value);
    set(cfg, 'remoteIp', t.customerIp);
    set(cfg, 'gatewayIp', t.gatewayIp);
    out.configs.push(cfg);
  }
}

/** Arrays of responses nest this deep at most (a list of pages of lists); deeper is not an export. */
export const MAX_ARRAY_DEPTH = 8;

/** A log entry that is not a string, as text; a value too deep to print is named, not thrown. */
function logText(l: unknown): string {
  if (typeof l === 'string') return l;
  try {
    return JSON.stringify(l) ?? String(l);
  } catch {
    return '[a value too deeply nested to print]';
  }
}

/** Reads one parsed JSON export. Arrays of responses are read element by element. */
export function readApiDocument(value: unknown, source: string): ApiDocument {
  const out: ApiDocument = { kind: 'unknown', diagnoses: [], checks: [], logs: [], configs: [], problems: [] };
  let tooDeep = false;
  const visit = (v: unknown, base: string, depth: number): boolean => {
    const inner = unwrap(v);
    const o = apiKeyed(inner);
    if (Array.isArray(o)) {
      if (depth >= MAX_ARRAY_DEPTH) {
        if (!tooDeep) {
          tooDeep = true;
          out.problems.push({ source, pointer: base, code: 'E_JSON_TOO_DEEP', message: locate(source, base, `arrays nested more than ${MAX_ARRAY_DEPTH} deep`, 'Not read below this depth: no API response nests so deep.') });
        }
        return false;
      }
      let any = false;
      o.forEach((x, i) => (any = visit(x, `${base}/${i}`, depth + 1) || any));
      return any;
    }
    if (!isObj(o)) return false;
    const b = inner === v ? base : `${base}/body`;
    if (isObj(o['VpnConnectionConfig'])) {
      out.kind = out.kind === 'unknown' ? 'download-vpn-connection-config' : out.kind;
      readDownload(o, source, b, out);
      return true;
    }
    if (Array.isArray(o['VpnConnections'])) {
      out.kind = 'diagnose-vpn-connections';
      readDiagnoses(o, source, b, out);
      return true;
    }
    if (isObj(o['VpnConnections']) && Array.isArray((o['VpnConnections'] as Obj)['VpnConnection'])) {
      out.kind = out.kind === 'unknown' ? 'describe-vpn-connections' : out.kind;
      readConfigs((o['VpnConnections'] as Obj)['VpnConnection'] as unknown[], source, `${b}/VpnConnections/VpnConnection`, out);
      return true;
    }
    if (Array.isArray(o['DiagnoseResult'])) {
      out.kind = out.kind === 'unknown' ? 'gateway-diagnose-result' : out.kind;
      readChecks(o, source, b, out);
      return true;
    }
    if (isObj(o['Data']) && Array.isArray((o['Data'] as Obj)['Logs'])) {
      out.kind = out.kind === 'unknown' ? 'vpn-connection-logs' : out.kind;
      const logs = ((o['Data'] as Obj)['Logs'] as unknown[]).map(logText);
      const doc: LogsDocument = { source, logs, pointerBase: `${b}/Data/Logs` };
      set(doc, 'vpnConnectionId', s(o['VpnConnectionId']));
      set(doc, 'tunnelId', s(o['TunnelId']));
      out.logs.push(doc);
      return true;
    }
    // DescribeVpnConnection (one connection): its fields at the top, as `check` reads it too.
    if (s(o['VpnConnectionId']) && (isObj(o['IkeConfig']) || isObj(o['IpsecConfig']) || o['TunnelOptionsSpecification'] !== undefined)) {
      out.kind = out.kind === 'unknown' ? 'describe-vpn-connections' : out.kind;
      readConfig(o, source, b, out);
      return true;
    }
    return false;
  };
  if (!visit(value, '', 0) && !tooDeep) {
    out.problems.push({
      source,
      pointer: '',
      code: 'E_JSON_SHAPE',
      message: locate(source, '/', 'JSON of an unknown shape', 'Expected a DiagnoseVpnConnections, GetVpnGatewayDiagnoseResult, DescribeVpnConnectionLogs, DescribeVpnConnection(s) or DownloadVpnConnectionConfig response.'),
    });
  }
  return out;
}
