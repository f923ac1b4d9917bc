// The two ways to close each difference `check` finds: a complete ModifyVpnConnectionAttribute
// request that gives the cloud the device's value, and a device change that gives the device the
// cloud's value — and which of the two the report recommends: the cloud when the device's value is
// the stronger one (and Alibaba accepts it), otherwise the device. The key itself appears in neither.
import type { CloudTunnel } from '../parse/cloud-settings.js';
import type { ComparisonRow } from './compare.js';
import type { DeviceChange, DeviceChild, DeviceConnection } from './device-model.js';
import { IKE_CONFIG_KEYS, IPSEC_CONFIG_KEYS, TUNNEL_LEVEL_KEYS, type Parameter } from '../vocabulary/parameters.js';

export type FixSide = 'cloud' | 'device';

export interface RowFix {
  parameter: Parameter;
  recommended: FixSide;
  /** The value the cloud would take (the device's), when Alibaba accepts it. */
  cloudValue?: string;
  device?: DeviceChange;
}

/** Values Alibaba accepts per parameter (kb §5.4), weakest first: the order is the strength order. */
const ACCEPTED: Partial<Record<Parameter, readonly string[]>> = {
  IkeEncAlg: ['des', '3des', 'aes', 'aes192', 'aes256'],
  IpsecEncAlg: ['des', '3des', 'aes', 'aes192', 'aes256'],
  IkeAuthAlg: ['md5', 'sha1', 'sha256', 'sha384', 'sha512'],
  IpsecAuthAlg: ['md5', 'sha1', 'sha256', 'sha384', 'sha512'],
  IkePfs: ['group1', 'group2', 'group5', 'group14'],
  IpsecPfs: ['disabled', 'group1', 'group2', 'group5', 'group14'],
  IkeVersion: ['ikev1', 'ikev2'],
  IkeMode: ['aggressive', 'main'],
  EnableDpd: ['false', 'true'],
  EnableNatTraversal: ['false', 'true'],
};

/** The placeholder a device line carries where the key goes. */
export const PSK_PLACEHOLDER = '<the Psk of DownloadVpnConnectionConfig>';

/** Whether Alibaba accepts `value` for `parameter`. */
export function cloudAccepts(parameter: Parameter, value: string): boolean {
  if (parameter === 'IkeLifetime' || parameter === 'IpsecLifetime') return /^\d+$/.test(value) && Number(value) <= 86400;
  if (parameter === 'LocalId' || parameter === 'RemoteId') return value.length <= 100 && !/\s/.test(value);
  const list = ACCEPTED[parameter];
  return list ? list.includes(value) : true;
}

function deviceIsStronger(parameter: Parameter, cloud: string, device: string): boolean {
  if (parameter === 'IkeLifetime' || parameter === 'IpsecLifetime') return Number(device) < Number(cloud);
  const list = ACCEPTED[parameter];
  if (!list) return false;
  return list.indexOf(device) > list.indexOf(cloud);
}

/** The device's single value for a row (its closest proposal may list several: the first counts). */
const firstValue = (row: ComparisonRow): string | undefined => row.device?.split('/')[0] ?? undefined;

function deviceChange(row: ComparisonRow, rows: readonly ComparisonRow[], t: CloudTunnel, child: DeviceChild | undefined): DeviceChange | undefined {
  const cloud = (p: Parameter): string | undefined => t.values[p]?.value ?? firstValue(rows.find((r) => r.parameter === p) ?? row);
  const p = row.parameter;
  const v = row.cloud ?? undefined;
  const childName = child?.name ?? '';
  switch (p) {
    case 'IkeEncAlg':
    case 'IkeAuthAlg':
    case 'IkePfs': {
      const [enc, auth, dh] = [cloud('IkeEncAlg'), cloud('IkeAuthAlg'), cloud('IkePfs')];
      return enc && auth && dh ? { field: 'ikeProposal', enc, auth, dh } : undefined;
    }
    case 'IpsecEncAlg':
    case 'IpsecAuthAlg':
    case 'IpsecPfs': {
      const [enc, auth, pfs] = [cloud('IpsecEncAlg'), cloud('IpsecAuthAlg'), cloud('IpsecPfs')];
      return child && enc && auth && pfs ? { field: 'childProposal', child: childName, enc, auth, pfs } : undefined;
    }
    case 'IkeVersion':
      return v === 'ikev1' || v === 'ikev2' ? { field: 'ikeVersion', value: v } : undefined;
    case 'IkeMode':
      return v === 'main' || v === 'aggressive' ? { field: 'ikeMode', value: v } : undefined;
    case 'IkeLifetime':
      return v && /^\d+$/.test(v) ? { field: 'ikeLifetime', seconds: Number(v) } : undefined;
    case 'IpsecLifetime':
      return child && v && /^\d+$/.test(v) ? { field: 'childLifetime', child: childName, seconds: Number(v) } : undefined;
    case 'LocalId':
      return v ? { field: 'remoteId', value: v } : undefined;
    case 'RemoteId':
      return v ? { field: 'localId', value: v } : undefined;
    case 'Psk':
      return { field: 'psk', placeholder: PSK_PLACEHOLDER };
    case 'LocalSubnet':
      return child && v ? { field: 'remoteSubnets', child: childName, value: v.split(',') } : undefined;
    case 'RemoteSubnet':
      return child && v ? { field: 'localSubnets', child: childName, value: v.split(',') } : undefined;
    case 'EnableDpd':
      return v ? { field: 'dpd', value: v === 'true' } : undefined;
    case 'EnableNatTraversal':
      return v ? { field: 'natTraversal', value: v === 'true' } : undefined;
    default:
      return undefined;
  }
}

/** Both fixes of one row that is not a match (nor unverifiable), and the recommended side. */
export function fixRow(row: ComparisonRow, rows: readonly ComparisonRow[], t: CloudTunnel, _conn: DeviceConnection, child: DeviceChild | undefined): RowFix {
  const fix: RowFix = { parameter: row.parameter, recommended: 'device' };
  const device = deviceChange(row, rows, t, child);
  if (device) fix.device = device;
  const dv = row.parameter === 'LocalSubnet' || row.parameter === 'RemoteSubnet' ? row.device ?? undefined : firstValue(row);
  if (row.parameter !== 'Psk' && row.verdict !== 'no-alibaba-value' && dv !== undefined && cloudAccepts(row.parameter, dv)) {
    fix.cloudValue = dv;
    if (row.cloud !== null && deviceIsStronger(row.parameter, row.cloud, dv)) fix.recommended = 'cloud';
  }
  if (!fix.device && fix.cloudValue !== undefined) fix.recommended = 'cloud';
  return fix;
}

const LIFETIME = new Set<string>(['IkeLifetime', 'IpsecLifetime']);

/** The API value of a parameter: lifetimes are numbers, switches booleans, the rest strings. */
function apiValue(p: string, v: string): string | number | boolean {
  if (LIFETIME.has(p)) return Number(v);
  if (p === 'EnableDpd' || p === 'EnableNatTraversal') return v === 'true';
  return v;
}

/**
 * A complete ModifyVpnConnectionAttribute request setting `changes` on the tunnel: the whole
 * IkeConfig/IpsecConfig as the cloud has it with the changes applied (the key left out), inside
 * TunnelOptionsSpecification for a tunnel of a dual-tunnel connection.
 */
export function modifyRequest(t: CloudTunnel, changes: Readonly<Partial<Record<Parameter, string>>>): Record<string, unknown> {
  const req: Record<string, unknown> = {};
  if (t.regionId) req['RegionId'] = t.regionId;
  req['VpnConnectionId'] = t.vpnConnectionId ?? '<VpnConnectionId>';
  const current = (p: Parameter): string | undefined => (p in changes ? changes[p] : t.values[p]?.value);
  const group = (keys: ReadonlySet<string>): Record<string, unknown> | undefined => {
    if (!Object.keys(changes).some((p) => keys.has(p))) return undefined;
    const out: Record<string, unknown> = {};
    for (const k of keys) {
      if (k === 'Psk') continue;
      const v = current(k as Parameter);
      if (v !== undefined) out[k] = apiValue(k, v);
    }
    return out;
  };
  const ike = group(IKE_CONFIG_KEYS);
  const ipsec = group(IPSEC_CONFIG_KEYS);
  const dual = t.tunnelId !== undefined;
  const tunnelSpec: Record<string, unknown> = { TunnelId: t.tunnelId };
  for (const [p, v] of Object.entries(changes)) {
    if (IKE_CONFIG_KEYS.has(p) || IPSEC_CONFIG_KEYS.has(p) || v === undefined) continue;
    if (dual && TUNNEL_LEVEL_KEYS.has(p)) tunnelSpec[p] = apiValue(p, v);
    else req[p] = apiValue(p, v);
  }
  if (dual) {
    if (ike) tunnelSpec['TunnelIkeConfig'] = ike;
    if (ipsec) tunnelSpec['TunnelIpsecConfig'] = ipsec;
    if (Object.keys(tunnelSpec).length > 1) req['TunnelOptionsSpecification'] = [tunnelSpec];
  } else {
    if (ike) req['IkeConfig'] = ike;
    if (ipsec) req['IpsecConfig'] = ipsec;
  }
  return req;
}
