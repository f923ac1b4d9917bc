// What the cloud would hold after a ModifyVpnConnectionAttribute call: applies a request to a
// DescribeVpnConnection(s) or DownloadVpnConnectionConfig export and returns the changed copy.
// Pure; `check` uses it to prove that its cloud fix makes a second check pass.
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

/** IkeConfig may be an object or a JSON string; the result keeps the form it had. */
function merge(target: unknown, patch: Obj, swapIds = false): unknown {
  const asString = typeof target === 'string';
  let base: Obj = {};
  if (isObj(target)) base = { ...target };
  else if (asString) {
    try {
      const o: unknown = JSON.parse(target);
      if (isObj(o)) base = o;
    } catch {
      base = {};
    }
  }
  for (const [k, v] of Object.entries(patch)) {
    const key = swapIds && k === 'LocalId' ? 'RemoteId' : swapIds && k === 'RemoteId' ? 'LocalId' : k;
    base[key] = typeof base[key] === 'string' && typeof v !== 'string' ? String(v) : v;
  }
  return asString ? JSON.stringify(base) : base;
}

const asObj = (v: unknown): Obj => (isObj(v) ? v : {});

function applyToDescribe(c: Obj, req: Obj): void {
  for (const k of ['LocalSubnet', 'RemoteSubnet', 'EnableDpd', 'EnableNatTraversal']) if (k in req) c[k] = req[k];
  if (isObj(req['IkeConfig'])) c['IkeConfig'] = merge(c['IkeConfig'], req['IkeConfig']);
  if (isObj(req['IpsecConfig'])) c['IpsecConfig'] = merge(c['IpsecConfig'], req['IpsecConfig']);
  const specs = Array.isArray(req['TunnelOptionsSpecification']) ? (req['TunnelOptionsSpecification'] as unknown[]) : [];
  const holder = c['TunnelOptionsSpecification'];
  const list = isObj(holder) ? holder['TunnelOptions'] : holder;
  if (!Array.isArray(list)) return;
  for (const spec of specs.filter(isObj)) {
    const t = list.find((x) => isObj(x) && x['TunnelId'] === spec['TunnelId']);
    if (!isObj(t)) continue;
    for (const [k, v] of Object.entries(spec)) {
      if (k === 'TunnelId') continue;
      t[k] = k === 'TunnelIkeConfig' || k === 'TunnelIpsecConfig' ? merge(t[k], asObj(v)) : v;
    }
  }
}

/** The peer's view: ids and subnets are swapped, and the key is not applied (a request never carries it). */
function applyToDownload(cfg: Obj, req: Obj): void {
  if ('LocalSubnet' in req) cfg['RemoteSubnet'] = req['LocalSubnet'];
  if ('RemoteSubnet' in req) cfg['LocalSubnet'] = req['RemoteSubnet'];
  const holder = cfg['TunnelsConfig'];
  const list = isObj(holder) ? holder['TunnelConfig'] : holder;
  const specs = Array.isArray(req['TunnelOptionsSpecification']) ? (req['TunnelOptionsSpecification'] as unknown[]).filter(isObj) : [];
  if (Array.isArray(list) && specs.length > 0) {
    for (const spec of specs) {
      const t = list.find((x) => isObj(x) && x['TunnelId'] === spec['TunnelId']);
      if (!isObj(t)) continue;
      const ikeKey = 'TunnelIkeConfig' in t ? 'TunnelIkeConfig' : 'IkeConfig';
      const ipsecKey = 'TunnelIpsecConfig' in t ? 'TunnelIpsecConfig' : 'IpsecConfig';
      if (isObj(spec['TunnelIkeConfig'])) t[ikeKey] = merge(t[ikeKey], spec['TunnelIkeConfig'], true);
      if (isObj(spec['TunnelIpsecConfig'])) t[ipsecKey] = merge(t[ipsecKey], spec['TunnelIpsecConfig'], true);
    }
    return;
  }
  if (isObj(req['IkeConfig'])) cfg['IkeConfig'] = merge(cfg['IkeConfig'], req['IkeConfig'], true);
  if (isObj(req['IpsecConfig'])) cfg['IpsecConfig'] = merge(cfg['IpsecConfig'], req['IpsecConfig'], true);
}

function visit(v: unknown, req: Obj): void {
  if (Array.isArray(v)) {
    for (const x of v) visit(x, req);
    return;
  }
  if (!isObj(v)) return;
  if (isObj(v['body'])) visit(v['body'], req);
  if (isObj(v['VpnConnectionConfig'])) {
    const id = v['VpnConnectionId'] ?? v['VpnConnectionConfig']['VpnConnectionId'];
    if (id === undefined || id === req['VpnConnectionId'] || req['VpnConnectionId'] === '<VpnConnectionId>') applyToDownload(v['VpnConnectionConfig'], req);
    return;
  }
  const conns = isObj(v['VpnConnections']) ? v['VpnConnections']['VpnConnection'] : undefined;
  if (Array.isArray(conns)) {
    for (const c of conns) if (isObj(c) && c['VpnConnectionId'] === req['VpnConnectionId']) applyToDescribe(c, req);
    return;
  }
  if (v['VpnConnectionId'] === req['VpnConnectionId']) applyToDescribe(v, req);
}

/** The export as it would read after `request` (ModifyVpnConnectionAttribute parameters) is applied. */
export function applyModify<T>(exported: T, request: Readonly<Record<string, unknown>>): T {
  const copy = JSON.parse(JSON.stringify(exported)) as T;
  visit(copy, request as Obj);
  return copy;
}
