// DiagnoseVpnConnections: the cloud's own verdict per connection or tunnel (FailedReasonCode,
// SourceLog, Mismatch*Param). Single-tunnel connections are asked by VpnConnectionIds and
// dual-tunnel ones by TunnelIds, as the API requires; every page is fetched.
import type { Problem } from '../../types.js';
import type { AliCloudClient } from './client.js';
import { documentOf } from './connections.js';
import { problemFromError, type ApiError } from './errors.js';
import type { ConnectionTarget, LiveDocument } from './types.js';

type Body = Record<string, unknown>;

export interface DiagnoseOutcome {
  documents: LiveDocument[];
  problems: Problem[];
  errors: ApiError[];
  /** `VpnConnectionId`/`TunnelId` pairs the answers named (used when DescribeVpnConnections failed). */
  seen: { vpnConnectionId: string; tunnelId?: string }[];
}

interface Request {
  label: string;
  params: Record<string, unknown>;
}

/** Groups targets by gateway and mode into requests. `fallbackGateways` are asked whole when nothing else is known. */
export function planDiagnoseRequests(targets: ConnectionTarget[], fallbackGateways: string[]): Request[] {
  const groups = new Map<string, { gw?: string; single: string[]; tunnels: string[] }>();
  for (const t of targets) {
    const key = t.vpnGatewayId ?? '';
    const g = groups.get(key) ?? { gw: t.vpnGatewayId, single: [], tunnels: [] };
    if (t.tunnels.length) g.tunnels.push(...t.tunnels);
    else g.single.push(t.vpnConnectionId);
    groups.set(key, g);
  }
  const out: Request[] = [];
  for (const g of groups.values()) {
    const base = g.gw ? { VpnGatewayId: g.gw } : {};
    const label = g.gw ?? 'connections';
    if (g.single.length) out.push({ label, params: { ...base, VpnConnectionIds: g.single } });
    if (g.tunnels.length) out.push({ label: `${label}-tunnels`, params: { ...base, TunnelIds: g.tunnels } });
  }
  if (!targets.length) for (const gw of fallbackGateways) out.push({ label: gw, params: { VpnGatewayId: gw } });
  return out;
}

export async function diagnoseConnections(client: AliCloudClient, requests: Request[], pageSize: number): Promise<DiagnoseOutcome> {
  const out: DiagnoseOutcome = { documents: [], problems: [], errors: [], seen: [] };
  const results = await Promise.all(
    requests.map((r) =>
      client.pages('DiagnoseVpnConnections', r.params, {
        items: (b: Body) => (Array.isArray(b.VpnConnections) ? b.VpnConnections : []),
        total: (b: Body) => (typeof b.TotalCount === 'number' ? b.TotalCount : undefined),
        pageSize,
      }),
    ),
  );
  results.forEach(({ bodies, error }, i) => {
    const req = requests[i]!;
    bodies.forEach((body, p) => {
      out.documents.push(documentOf(`api/DiagnoseVpnConnections-${req.label}-p${p + 1}.json`, body));
      for (const entry of (Array.isArray(body.VpnConnections) ? body.VpnConnections : []) as Body[]) {
        if (typeof entry.VpnConnectionId !== 'string') continue;
        out.seen.push({ vpnConnectionId: entry.VpnConnectionId, ...(typeof entry.TunnelId === 'string' && entry.TunnelId ? { tunnelId: entry.TunnelId } : {}) });
      }
    });
    if (error) {
      out.errors.push(error);
      out.problems.push(problemFromError(error, req.params));
    }
  });
  return out;
}
