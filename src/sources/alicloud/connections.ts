// DescribeVpnConnections: which connections are in scope, on which gateway, and whether each runs
// in single- or dual-tunnel mode. The bodies are kept (pre-shared keys removed) because their
// IkeConfig/IpsecConfig/TunnelOptionsSpecification are the cloud side's exact settings.
import type { Problem } from '../../types.js';
import { locate } from '../../errors.js';
import type { AliCloudClient } from './client.js';
import { problemFromError, type ApiError } from './errors.js';
import { stripSecrets } from './secrets.js';
import type { ConnectionTarget, LiveDocument } from './types.js';

/** A response body as a document named `api/<name>`; ids from the wire cannot escape the directory. */
export function documentOf(source: string, body: unknown): LiveDocument {
  const name = source.replace(/^api\//, '').replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');
  return { source: `api/${name}`, content: `${JSON.stringify(body, null, 2)}\n` };
}

type Body = Record<string, unknown>;

function connectionList(body: Body): Body[] {
  const wrap = body.VpnConnections as { VpnConnection?: unknown } | undefined;
  return Array.isArray(wrap?.VpnConnection) ? (wrap.VpnConnection as Body[]) : [];
}

/** Tunnel ids of a dual-tunnel connection, or [] in single-tunnel mode. */
export function tunnelIdsOf(conn: Body): string[] {
  const spec = conn.TunnelOptionsSpecification as { TunnelOptions?: unknown } | unknown[] | undefined;
  const list = Array.isArray(spec) ? spec : Array.isArray((spec as { TunnelOptions?: unknown })?.TunnelOptions) ? ((spec as { TunnelOptions: unknown[] }).TunnelOptions) : [];
  return list.map((t) => (t as Body).TunnelId).filter((id): id is string => typeof id === 'string' && id !== '');
}

export interface DescribeOutcome {
  documents: LiveDocument[];
  connections: ConnectionTarget[];
  problems: Problem[];
  errors: ApiError[];
  /** Gateway or connection ids whose DescribeVpnConnections call failed (not: found nothing). */
  unresolved: string[];
}

/** Describes every gateway's connections (all pages) and every named connection not already seen. */
export async function describeConnections(
  client: AliCloudClient,
  scope: { gatewayIds: string[]; connectionIds: string[] },
  pageSize: number,
): Promise<DescribeOutcome> {
  const out: DescribeOutcome = { documents: [], connections: [], problems: [], errors: [], unresolved: [] };
  const seen = new Map<string, ConnectionTarget>();
  const absorb = (bodies: Body[], label: string) => {
    bodies.forEach((body, i) => {
      out.documents.push(documentOf(`api/DescribeVpnConnections-${label}-p${i + 1}.json`, stripSecrets(body)));
      for (const conn of connectionList(body)) {
        const id = conn.VpnConnectionId;
        if (typeof id !== 'string' || seen.has(id)) continue;
        const target: ConnectionTarget = { vpnConnectionId: id, tunnels: tunnelIdsOf(conn) };
        if (typeof conn.VpnGatewayId === 'string' && conn.VpnGatewayId) target.vpnGatewayId = conn.VpnGatewayId;
        seen.set(id, target);
      }
    });
  };
  const pick = {
    items: (b: Body) => connectionList(b),
    total: (b: Body) => (typeof b.TotalCount === 'number' ? b.TotalCount : undefined),
    pageSize: Math.min(pageSize, 50),
  };
  for (const gw of scope.gatewayIds) {
    const before = seen.size;
    const { bodies, error } = await client.pages('DescribeVpnConnections', { VpnGatewayId: gw }, pick);
    absorb(bodies, gw);
    if (error) {
      out.errors.push(error);
      out.unresolved.push(gw);
      out.problems.push(problemFromError(error, { VpnGatewayId: gw }));
    } else if (seen.size === before) {
      const src = 'api/DescribeVpnConnections';
      out.problems.push({ source: src, code: 'E_API_NOT_FOUND', message: locate(src, undefined, `VpnGatewayId ${gw} has no IPsec connections in region ${client.region}`, 'Check the gateway id and --region.') });
    }
  }
  for (const id of scope.connectionIds) {
    if (seen.has(id)) continue;
    const { bodies, error } = await client.pages('DescribeVpnConnections', { VpnConnectionId: id }, pick);
    absorb(bodies, id);
    if (error) {
      out.errors.push(error);
      out.unresolved.push(id);
      out.problems.push(problemFromError(error, { VpnConnectionId: id }));
    } else if (!seen.has(id)) {
      const src = 'api/DescribeVpnConnections';
      out.problems.push({ source: src, code: 'E_API_NOT_FOUND', message: locate(src, undefined, `VpnConnectionId ${id} was not found in region ${client.region}`, 'Check the connection id and --region.') });
    }
  }
  out.connections = [...seen.values()];
  return out;
}
