// Decodes `DiagnoseResultDescription`: a JSON string, sometimes escaped more than once, whose keys
// depend on `DiagnoseName` (kb §3). Known keys are typed; unknown keys are kept raw.

export type DiagnoseName =
  | 'RouteEntryConflict'
  | 'VpnRouteQuota'
  | 'VpnIPsecQuota'
  | 'VpnPbrRouteQuota'
  | 'VcoConfigConsistency'
  | 'VcoUserInternetIpConnectivity'
  | 'VcoPrivateConnectivity';

export const DIAGNOSE_NAMES: readonly DiagnoseName[] = [
  'RouteEntryConflict',
  'VpnRouteQuota',
  'VpnIPsecQuota',
  'VpnPbrRouteQuota',
  'VcoConfigConsistency',
  'VcoUserInternetIpConnectivity',
  'VcoPrivateConnectivity',
];

export interface QuotaDescription {
  kind: 'quota';
  quotaName?: string;
  quantity?: number;
  used?: number;
  /** used / quantity, 0..1 */
  usage?: number;
}
export interface ConnectivityDescription {
  kind: 'connectivity';
  targetIp?: string;
  srcIp?: string;
  /** Round-trip ms; −1 means no reply. */
  rtt?: number;
  /** Percent 0..100. */
  lossRate?: number;
}
export interface ConsistencyDescription {
  kind: 'consistency';
  vcoLackConf?: boolean;
  vcoRunningConf?: unknown;
  vcoDiffConf?: unknown;
  vcoConf?: unknown;
  /** Parameter names listed in vcoDiffConf, when it is a list or an object. */
  diffItems: string[];
}
export interface RawDescription {
  kind: 'raw';
}

export type DecodedDescription = (QuotaDescription | ConnectivityDescription | ConsistencyDescription | RawDescription) & {
  /** Keys the decoder does not know, kept as they came. */
  extra: Record<string, unknown>;
};

export interface DecodeResult {
  description: DecodedDescription;
  error?: string;
}

/** Unwraps a JSON string that may be encoded several times. */
export function unwrapJsonString(raw: unknown): { value: unknown; error?: string } {
  let v = raw;
  for (let i = 0; i < 5 && typeof v === 'string'; i++) {
    const t = v.trim();
    if (t === '') return { value: {} };
    try {
      v = JSON.parse(t);
    } catch (e) {
      return { value: raw, error: (e as Error).message };
    }
  }
  return { value: v };
}

const num = (v: unknown): number | undefined => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
};
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function take(obj: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (!keys.includes(k)) extra[k] = v;
  return extra;
}

function diffItemsOf(v: unknown): string[] {
  const u = typeof v === 'string' ? unwrapJsonString(v).value : v;
  if (Array.isArray(u)) return u.map((x) => (typeof x === 'string' ? x : typeof x === 'object' && x ? String(Object.values(x)[0] ?? '') : String(x))).filter(Boolean);
  if (u && typeof u === 'object') return Object.keys(u);
  if (typeof u === 'string' && u) return u.split(/[,;\s]+/).filter(Boolean);
  return [];
}

/** Decodes one description for its DiagnoseName. Never throws. */
export function decodeDescription(name: string, raw: unknown): DecodeResult {
  const { value, error } = unwrapJsonString(raw);
  if (error || !value || typeof value !== 'object' || Array.isArray(value)) {
    return { description: { kind: 'raw', extra: { value } }, error: error ?? 'not a JSON object' };
  }
  const o = value as Record<string, unknown>;
  switch (name) {
    case 'VpnIPsecQuota':
    case 'VpnRouteQuota':
    case 'VpnPbrRouteQuota': {
      const quantity = num(o['quantity']);
      const used = num(o['used']);
      const d: QuotaDescription = { kind: 'quota' };
      const qn = str(o['quotaName']);
      if (qn) d.quotaName = qn;
      if (quantity !== undefined) d.quantity = quantity;
      if (used !== undefined) d.used = used;
      if (quantity && used !== undefined) d.usage = used / quantity;
      return { description: { ...d, extra: take(o, ['quotaName', 'quantity', 'used']) } };
    }
    case 'VcoUserInternetIpConnectivity':
    case 'VcoPrivateConnectivity': {
      const d: ConnectivityDescription = { kind: 'connectivity' };
      const t = str(o['targetIp']);
      const s = str(o['srcIp']);
      const rtt = num(o['rtt']);
      const loss = num(o['lossRate']);
      if (t) d.targetIp = t;
      if (s) d.srcIp = s;
      if (rtt !== undefined) d.rtt = rtt;
      if (loss !== undefined) d.lossRate = loss;
      return { description: { ...d, extra: take(o, ['targetIp', 'srcIp', 'rtt', 'lossRate']) } };
    }
    case 'VcoConfigConsistency': {
      const d: ConsistencyDescription = { kind: 'consistency', diffItems: diffItemsOf(o['vcoDiffConf']) };
      if (o['vcoLackConf'] !== undefined) d.vcoLackConf = o['vcoLackConf'] === true || o['vcoLackConf'] === 'true';
      if (o['vcoRunningConf'] !== undefined) d.vcoRunningConf = o['vcoRunningConf'];
      if (o['vcoDiffConf'] !== undefined) d.vcoDiffConf = o['vcoDiffConf'];
      if (o['vcoConf'] !== undefined) d.vcoConf = o['vcoConf'];
      return { description: { ...d, extra: take(o, ['vcoLackConf', 'vcoRunningConf', 'vcoDiffConf', 'vcoConf']) } };
    }
    default:
      // RouteEntryConflict's keys are undocumented: keep everything raw.
      return { description: { kind: 'raw', extra: o } };
  }
}
