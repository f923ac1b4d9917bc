// DescribeVpnConnectionLogs: the gateway's own IKE log for the last N minutes, per connection or,
// in dual-tunnel mode, per tunnel, every page. Each saved page names its owner (`VpnConnectionId`,
// `TunnelId`) at the top level, because the response itself does not say whose log it is.
import type { Problem } from '../../types.js';
import type { AliCloudClient } from './client.js';
import { documentOf } from './connections.js';
import { problemFromError, type ApiError } from './errors.js';
import type { LiveDocument } from './types.js';

type Body = Record<string, unknown>;

export interface LogTarget {
  vpnConnectionId: string;
  tunnelId?: string;
}

export interface LogsOutcome {
  documents: LiveDocument[];
  problems: Problem[];
  errors: ApiError[];
}

function logLines(body: Body): unknown[] {
  const data = body.Data as { Logs?: unknown } | undefined;
  return Array.isArray(data?.Logs) ? data.Logs : [];
}

/** `From`/`To` in UNIX seconds for the last `minutes` before `nowMs`. */
export function logWindow(nowMs: number, minutes: number): { From: number; To: number } {
  const to = Math.floor(nowMs / 1000);
  return { From: to - Math.round(minutes * 60), To: to };
}

export async function fetchLogs(client: AliCloudClient, target: LogTarget, window: { From: number; To: number }, pageSize: number): Promise<LogsOutcome> {
  const params: Record<string, unknown> = { VpnConnectionId: target.vpnConnectionId, ...(target.tunnelId ? { TunnelId: target.tunnelId } : {}), ...window };
  const { bodies, error } = await client.pages('DescribeVpnConnectionLogs', params, {
    items: logLines,
    total: (b) => (typeof b.Count === 'number' ? b.Count : undefined),
    pageSize: Math.min(pageSize, 50),
  });
  const owner = target.tunnelId ?? target.vpnConnectionId;
  const out: LogsOutcome = { documents: [], problems: [], errors: [] };
  bodies.forEach((body, i) => {
    const doc = { VpnConnectionId: target.vpnConnectionId, ...(target.tunnelId ? { TunnelId: target.tunnelId } : {}), ...body };
    out.documents.push(documentOf(`api/DescribeVpnConnectionLogs-${owner}-p${i + 1}.json`, doc));
  });
  if (error) {
    out.errors.push(error);
    out.problems.push(problemFromError(error, params, owner));
  }
  return out;
}
