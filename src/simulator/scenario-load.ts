// Builds a scenario from a fixture directory (`<dir>/input/*.json` or `<dir>/*.json`): saved
// DiagnoseVpnConnections, DescribeVpnConnectionLogs, GetVpnGatewayDiagnoseResult and
// DescribeVpnConnections bodies, recognised by shape, plus an optional `scenario.json` with the
// scenario-wide settings. Also resolves scenario names: built-ins, then the repository's fixtures.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BUILTIN_SCENARIOS, DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET, DEMO_REGION, neutralGatewayDiagnosis,
  type Json, type Scenario, type SimConnection,
} from './scenario.js';

const unwrap = (v: unknown): Json => {
  const o = (v && typeof v === 'object' ? v : {}) as Json;
  return o.body && typeof o.body === 'object' && Object.keys(o).length <= 3 ? (o.body as Json) : o;
};

function ownerOfLogs(doc: Json, logs: string[]): { vco?: string; tun?: string } {
  const vco = typeof doc.VpnConnectionId === 'string' ? doc.VpnConnectionId : undefined;
  const tun = typeof doc.TunnelId === 'string' ? doc.TunnelId : undefined;
  if (vco || tun) return { vco, tun };
  const id = logs.map((l) => /^\S+ \S+ ((?:vco|tun)-[\w*]+)/.exec(l)?.[1]).find(Boolean);
  return id?.startsWith('tun-') ? { tun: id } : { vco: id };
}

/** Reads one fixture directory into a scenario; throws with the file name on unreadable JSON. */
export function loadScenarioDir(dir: string): Scenario {
  const root = existsSync(join(dir, 'input')) ? join(dir, 'input') : dir;
  const conns = new Map<string, SimConnection>();
  const tunnelOwner = new Map<string, string>();
  let settings: Partial<Scenario> = {};
  const get = (id: string, gw?: string): SimConnection => {
    let c = conns.get(id);
    if (!c) {
      c = { vpnConnectionId: id, vpnGatewayId: gw ?? `vpn-sim${id.replace(/^vco-/, '').slice(0, 18)}`, describe: {} };
      conns.set(id, c);
    }
    if (gw) c.vpnGatewayId = gw;
    return c;
  };
  const tunnel = (c: SimConnection, tunnelId: string) => {
    c.tunnels ??= [];
    let t = c.tunnels.find((x) => x.tunnelId === tunnelId);
    if (!t) c.tunnels.push((t = { tunnelId, role: c.tunnels.length ? 'slave' : 'master', diagnose: {}, logs: [] }));
    tunnelOwner.set(tunnelId, c.vpnConnectionId);
    return t;
  };
  const logDocs: Json[] = [];
  for (const name of readdirSync(root).filter((f) => f.endsWith('.json')).sort()) {
    const path = join(root, name);
    let doc: Json;
    try {
      doc = unwrap(JSON.parse(readFileSync(path, 'utf8')));
    } catch (e) {
      throw new Error(`${path}: not valid JSON (${(e as Error).message})`);
    }
    if (name === 'scenario.json') settings = doc as Partial<Scenario>;
    else if (Array.isArray((doc.VpnConnections as Json | undefined)?.VpnConnection)) {
      for (const d of (doc.VpnConnections as { VpnConnection: Json[] }).VpnConnection) {
        const c = get(String(d.VpnConnectionId), typeof d.VpnGatewayId === 'string' ? d.VpnGatewayId : undefined);
        c.describe = d;
        const opts = (d.TunnelOptionsSpecification as { TunnelOptions?: Json[] } | undefined)?.TunnelOptions ?? [];
        for (const o of opts) if (typeof o.TunnelId === 'string') tunnel(c, o.TunnelId).role = o.Role === 'slave' ? 'slave' : 'master';
      }
    } else if (Array.isArray(doc.VpnConnections)) {
      for (const e of doc.VpnConnections as Json[]) {
        const c = get(String(e.VpnConnectionId));
        if (typeof e.TunnelId === 'string' && e.TunnelId) tunnel(c, e.TunnelId).diagnose = e;
        else c.diagnose = e;
      }
    } else if (Array.isArray(doc.DiagnoseResult)) {
      const c = get(String(doc.ResourceInstanceId), typeof doc.VpnGatewayId === 'string' ? doc.VpnGatewayId : undefined);
      c.gatewayDiagnosis = doc.DiagnoseResult as Json[];
    } else if (Array.isArray((doc.Data as Json | undefined)?.Logs)) logDocs.push(doc);
  }
  // Logs last: their owner may only be known from the other documents.
  for (const doc of logDocs) {
    const logs = ((doc.Data as Json).Logs as unknown[]).map(String);
    const { vco, tun } = ownerOfLogs(doc, logs);
    const connId = vco ?? (tun ? tunnelOwner.get(tun) : undefined) ?? [...conns.keys()][0];
    if (!connId) continue;
    const c = get(connId);
    if (tun) {
      const t = tunnel(c, tun);
      t.logs = [...t.logs, ...logs];
    } else c.logs = [...(c.logs ?? []), ...logs];
  }
  for (const c of conns.values()) {
    if (!Object.keys(c.describe).length) c.describe = { VpnConnectionId: c.vpnConnectionId, VpnGatewayId: c.vpnGatewayId, Name: c.vpnConnectionId, State: 'active' };
    if (c.tunnels?.length && !c.describe.TunnelOptionsSpecification) {
      c.describe = { ...c.describe, TunnelOptionsSpecification: { TunnelOptions: c.tunnels.map((t) => ({ TunnelId: t.tunnelId, Role: t.role })) } };
    }
    c.diagnose ??= { VpnConnectionId: c.vpnConnectionId, Severity: 'Normal' };
    c.gatewayDiagnosis ??= neutralGatewayDiagnosis();
  }
  return {
    name: settings.name ?? dir.split(/[\\/]/).filter(Boolean).pop() ?? 'scenario',
    description: settings.description ?? `loaded from ${dir}`,
    regionId: settings.regionId ?? DEMO_REGION,
    accessKeys: settings.accessKeys ?? { [DEMO_ACCESS_KEY_ID]: { secret: DEMO_ACCESS_KEY_SECRET } },
    ...settings,
    connections: [...conns.values()],
  };
}

/** The repository root when running from a checkout (src/ or dist/src/), where test fixtures live. */
function repoRoot(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'test', 'fixtures'))) return dir;
    dir = dirname(dir);
  }
  return undefined;
}

/** `NAME` (built-in, or a fixture case name in a checkout) or a directory path. */
export function resolveScenario(nameOrDir: string | undefined): Scenario {
  const key = nameOrDir ?? 'single';
  const builtin = BUILTIN_SCENARIOS[key];
  if (builtin) return builtin();
  if (existsSync(key) && statSync(key).isDirectory()) return loadScenarioDir(resolve(key));
  const root = repoRoot();
  for (const sub of ['lab', 'gateway-diagnosis']) {
    const dir = root ? join(root, 'test', 'fixtures', sub, key) : '';
    if (dir && existsSync(dir)) return loadScenarioDir(dir);
  }
  throw new Error(`unknown scenario "${key}": use ${Object.keys(BUILTIN_SCENARIOS).join(', ')}, a fixture case name, or a directory`);
}

export function scenarioNames(): string[] {
  return Object.keys(BUILTIN_SCENARIOS);
}
