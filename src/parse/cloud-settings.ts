// The settings of each connection (or tunnel) as Alibaba holds them, for `check` and `analyze`, read
// from a DescribeVpnConnection / DescribeVpnConnections response (single tunnel: IkeConfig and
// IpsecConfig; dual tunnel: TunnelOptionsSpecification.TunnelOptions[] with TunnelIkeConfig and
// TunnelIpsecConfig) or a DownloadVpnConnectionConfig response — the peer's view of the same
// connection, so its Local*/Remote* are swapped back here. Values are in the cloud's perspective
// and Alibaba's vocabulary, each with the JSON pointer it came from; a key is kept as a digest.
import type { Problem } from '../types.js';
import { locate } from '../errors.js';
import { normalizeParameter } from '../facts/normalize.js';
import { EXPORTED_CONFIG_KEYS, type Parameter } from '../vocabulary/parameters.js';
import { digestSecret } from '../check/secret-digest.js';

export type CloudExportKind = 'describe' | 'download';

export interface CloudValue {
  /** Alibaba's value (a digest for `Psk`). */
  value: string;
  pointer: string;
}

export interface CloudTunnel {
  source: string;
  kind: CloudExportKind;
  /** JSON pointer of the object holding this connection's or tunnel's settings. */
  pointer: string;
  vpnConnectionId?: string;
  tunnelId?: string;
  tunnelIndex?: number;
  regionId?: string;
  /** The VPN gateway's address for this tunnel (what the device names as its peer). */
  gatewayIp?: string;
  /** The customer gateway's address. */
  customerIp?: string;
  values: Partial<Record<Parameter, CloudValue>>;
}

export interface CloudRead {
  tunnels: CloudTunnel[];
  problems: Problem[];
  /** Clear-text keys seen (a DownloadVpnConnectionConfig carries one): scrubbed from every output. */
  secrets: string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);
const ptr = (base: string, ...keys: (string | number)[]): string => [base, ...keys.map((k) => String(k).replace(/~/g, '~0').replace(/\//g, '~1'))].join('/');

/** IkeConfig/IpsecConfig may be objects or JSON strings (the API takes strings; some exports keep them). */
function config(v: unknown): Obj | undefined {
  if (isObj(v)) return v;
  if (typeof v !== 'string') return undefined;
  try {
    const o: unknown = JSON.parse(v);
    return isObj(o) ? o : undefined;
  } catch {
    return undefined;
  }
}

/** Unwraps `{ body: … }` / `{ statusCode, headers, body }` SDK envelopes. */
function unwrap(v: unknown): unknown {
  let cur = v;
  for (let i = 0; i < 3 && isObj(cur) && isObj(cur['body']); i++) cur = cur['body'];
  return cur;
}

class Reader {
  readonly out: CloudRead = { tunnels: [], problems: [], secrets: [] };
  constructor(readonly source: string) {}

  put(t: CloudTunnel, parameter: Parameter, raw: unknown, pointer: string): void {
    const s = str(raw);
    if (s === undefined) return;
    if (parameter === 'Psk') {
      this.out.secrets.push(s);
      t.values.Psk = { value: digestSecret(s), pointer };
      return;
    }
    const value = parameter === 'LocalSubnet' || parameter === 'RemoteSubnet' ? normalizeSubnets(s) : parameter === 'EnableDpd' || parameter === 'EnableNatTraversal' ? s.toLowerCase() : normalizeParameter(parameter, s);
    if (value !== undefined) t.values[parameter] = { value, pointer };
  }

  /** IKE and IPsec settings of one connection or tunnel; `swapIds` for the peer's view (DownloadVpnConnectionConfig). */
  settings(t: CloudTunnel, base: string, ikeKey: string, ike: unknown, ipsecKey: string, ipsec: unknown, swapIds: boolean): void {
    const ikeObj = config(ike);
    const ipsecObj = config(ipsec);
    for (const p of EXPORTED_CONFIG_KEYS) {
      const fromIke = p.startsWith('Ike') || p === 'LocalId' || p === 'RemoteId';
      const obj = fromIke ? ikeObj : ipsecObj;
      if (!obj) continue;
      const key: string = swapIds && p === 'LocalId' ? 'RemoteId' : swapIds && p === 'RemoteId' ? 'LocalId' : p;
      this.put(t, p, obj[key], ptr(base, fromIke ? ikeKey : ipsecKey, key));
    }
    if (ikeObj) this.put(t, 'Psk', ikeObj['Psk'], ptr(base, ikeKey, 'Psk'));
  }

  describe(c: Obj, base: string, regionId: string | undefined): void {
    const id = str(c['VpnConnectionId']);
    const spec = c['TunnelOptionsSpecification'];
    const list = isObj(spec) ? spec['TunnelOptions'] : spec;
    const common = (t: CloudTunnel, from: Obj, fromBase: string): void => {
      this.put(t, 'LocalSubnet', c['LocalSubnet'], ptr(base, 'LocalSubnet'));
      this.put(t, 'RemoteSubnet', c['RemoteSubnet'], ptr(base, 'RemoteSubnet'));
      for (const p of ['EnableDpd', 'EnableNatTraversal'] as const) {
        if (from[p] !== undefined) this.put(t, p, from[p], ptr(fromBase, p));
        else this.put(t, p, c[p], ptr(base, p));
      }
    };
    const make = (pointer: string): CloudTunnel => {
      const t: CloudTunnel = { source: this.source, kind: 'describe', pointer, values: {} };
      if (id) t.vpnConnectionId = id;
      if (regionId) t.regionId = regionId;
      return t;
    };
    if (Array.isArray(list) && list.length > 0) {
      list.forEach((o, k) => {
        if (!isObj(o)) return;
        const tb = ptr(base, 'TunnelOptionsSpecification', ...(isObj(spec) ? ['TunnelOptions'] : []), k);
        const t = make(tb);
        t.tunnelIndex = k;
        const tid = str(o['TunnelId']);
        if (tid) t.tunnelId = tid;
        const gw = str(o['TunnelIp']) ?? str(o['InternetIp']) ?? str(o['VpnGatewayIp']);
        if (gw) t.gatewayIp = gw;
        const cgw = str(o['CustomerGatewayIp']) ?? str(c['RemoteIp']) ?? str(c['CustomerGatewayIp']);
        if (cgw) t.customerIp = cgw;
        this.settings(t, tb, 'TunnelIkeConfig', o['TunnelIkeConfig'], 'TunnelIpsecConfig', o['TunnelIpsecConfig'], false);
        common(t, o, tb);
        this.out.tunnels.push(t);
      });
      return;
    }
    const t = make(base);
    const gw = str(c['VpnGatewayIp']) ?? str(c['InternetIp']);
    if (gw) t.gatewayIp = gw;
    const cgw = str(c['RemoteIp']) ?? str(c['CustomerGatewayIp']);
    if (cgw) t.customerIp = cgw;
    this.settings(t, base, 'IkeConfig', c['IkeConfig'], 'IpsecConfig', c['IpsecConfig'], false);
    common(t, c, base);
    this.out.tunnels.push(t);
  }

  download(cfg: Obj, base: string, top: Obj): void {
    const tunnelsObj = cfg['TunnelsConfig'];
    const list = isObj(tunnelsObj) ? tunnelsObj['TunnelConfig'] : tunnelsObj;
    const one = (o: Obj, b: string, k?: number): void => {
      const t: CloudTunnel = { source: this.source, kind: 'download', pointer: b, values: {} };
      const id = str(top['VpnConnectionId']) ?? str(cfg['VpnConnectionId']);
      if (id) t.vpnConnectionId = id;
      if (k !== undefined) t.tunnelIndex = k;
      const tid = str(o['TunnelId']);
      if (tid) t.tunnelId = tid;
      // The peer's view: Remote is the VPN gateway, Local the customer gateway.
      const gw = str(o['Remote']) ?? str(cfg['Remote']);
      if (gw) t.gatewayIp = gw;
      const cgw = str(o['Local']) ?? str(cfg['Local']);
      if (cgw) t.customerIp = cgw;
      const ikeKey = o['TunnelIkeConfig'] !== undefined ? 'TunnelIkeConfig' : 'IkeConfig';
      const ipsecKey = o['TunnelIpsecConfig'] !== undefined ? 'TunnelIpsecConfig' : 'IpsecConfig';
      this.settings(t, b, ikeKey, o[ikeKey], ipsecKey, o[ipsecKey], true);
      this.put(t, 'LocalSubnet', o['RemoteSubnet'] ?? cfg['RemoteSubnet'], o['RemoteSubnet'] !== undefined ? ptr(b, 'RemoteSubnet') : ptr(base, 'RemoteSubnet'));
      this.put(t, 'RemoteSubnet', o['LocalSubnet'] ?? cfg['LocalSubnet'], o['LocalSubnet'] !== undefined ? ptr(b, 'LocalSubnet') : ptr(base, 'LocalSubnet'));
      this.out.tunnels.push(t);
    };
    if (Array.isArray(list) && list.length > 0) {
      list.forEach((o, k) => {
        if (isObj(o)) one(o, ptr(base, 'TunnelsConfig', ...(isObj(tunnelsObj) ? ['TunnelConfig'] : []), k), k);
      });
    } else one(cfg, base);
  }

  visit(v: unknown, base: string, depth: number): boolean {
    const o = unwrap(v);
    const b = o === v ? base : `${base}/body`;
    if (Array.isArray(o)) {
      if (depth > 4) return false;
      let any = false;
      o.forEach((x, i) => (any = this.visit(x, `${b}/${i}`, depth + 1) || any));
      return any;
    }
    if (!isObj(o)) return false;
    const region = str(o['RegionId']);
    if (isObj(o['VpnConnectionConfig'])) {
      this.download(o['VpnConnectionConfig'], ptr(b, 'VpnConnectionConfig'), o);
      return true;
    }
    const conns = isObj(o['VpnConnections']) ? o['VpnConnections']['VpnConnection'] : undefined;
    if (Array.isArray(conns)) {
      conns.forEach((c, i) => {
        if (isObj(c)) this.describe(c, ptr(b, 'VpnConnections', 'VpnConnection', i), str(c['RegionId']) ?? region);
      });
      return true;
    }
    if (str(o['VpnConnectionId']) && (o['IkeConfig'] !== undefined || o['TunnelOptionsSpecification'] !== undefined || o['LocalSubnet'] !== undefined)) {
      this.describe(o, b, region);
      return true;
    }
    return false;
  }
}

/** Cloud side values never hold a space after a comma: `10.0.0.0/8, 192.168.0.0/16` → sorted, comma-joined. */
export function normalizeSubnets(text: string): string {
  return [...new Set(text.split(/[\s,;]+/).filter((x) => x !== ''))].sort().join(',');
}

/** Reads the connections of one parsed cloud export. */
export function readCloudSettings(value: unknown, source: string, base = ''): CloudRead {
  const r = new Reader(source);
  if (!r.visit(value, base, 0)) {
    r.out.problems.push({
      source,
      pointer: '',
      code: 'E_JSON_SHAPE',
      message: locate(source, '/', 'no connection settings in this JSON', 'Expected a DescribeVpnConnection(s) or DownloadVpnConnectionConfig response.'),
    });
  }
  return r.out;
}
