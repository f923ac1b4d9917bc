// Live diagnosis, end to end: find the connections in scope, then ask the cloud for its verdict
// (DiagnoseVpnConnections), the connection logs and the gateway diagnosis, concurrently. Returns the
// raw response documents for the analyzer and the problems of whatever failed: one failed call
// never loses the others' results. It never prints; progress and traces go through hooks.
import type { Problem } from '../../types.js';
import { locate } from '../../errors.js';
import { AliCloudClient } from './client.js';
import { diagnoseConnections, planDiagnoseRequests } from './connection-diagnosis.js';
import { describeConnections } from './connections.js';
import { ramActionFor, type ApiError } from './errors.js';
import { runGatewayDiagnosis } from './gateway-diagnosis.js';
import { fetchLogs, logWindow } from './logs.js';
import type { ConnectionTarget, LiveDiagnosisHooks, LiveDiagnosisOptions, LiveDiagnosisResult, LiveDocument, PollPolicy, RefusedCall } from './types.js';
import { compareText } from '../../compare.js';

const DEFAULT_POLL: PollPolicy = { initialDelayMs: 1000, maxDelayMs: 5000, factor: 1.5 };
const unique = (xs: string[] | undefined): string[] => [...new Set(xs ?? [])];

interface Sink {
  documents: LiveDocument[];
  problems: Problem[];
  errors: ApiError[];
}

function absorb(sink: Sink, part: { documents?: LiveDocument[]; document?: LiveDocument; problems: Problem[]; errors: ApiError[] }): void {
  if (part.documents) sink.documents.push(...part.documents);
  if (part.document) sink.documents.push(part.document);
  sink.problems.push(...part.problems);
  sink.errors.push(...part.errors);
}

/** Narrows dual-tunnel connections to the requested tunnels; with a tunnel filter, single-tunnel ones drop out. */
function applyTunnelFilter(targets: ConnectionTarget[], tunnelIds: string[], sink: Sink): ConnectionTarget[] {
  if (!tunnelIds.length) return targets;
  const out = targets
    .map((t) => ({ ...t, tunnels: t.tunnels.filter((id) => tunnelIds.includes(id)) }))
    .filter((t) => t.tunnels.length > 0);
  const known = new Set(out.flatMap((t) => t.tunnels));
  for (const id of tunnelIds.filter((x) => !known.has(x))) {
    sink.problems.push({ source: 'api/DescribeVpnConnections', code: 'E_API_NOT_FOUND', message: locate('api/DescribeVpnConnections', undefined, `TunnelId ${id} is not a tunnel of the connections in scope`, 'Check --tunnel against --connection/--gateway.') });
  }
  return out;
}

function fatalOf(errors: ApiError[], anySuccess: boolean): LiveDiagnosisResult['fatal'] {
  const hard = errors.find((e) => e.kind === 'auth' || e.kind === 'credentials');
  const unreachable = !anySuccess ? errors.find((e) => e.kind === 'network' || e.kind === 'timeout') : undefined;
  const e = hard ?? unreachable;
  return e ? { code: e.code, kind: e.kind, message: e.message } : undefined;
}

function refusedOf(errors: ApiError[]): RefusedCall[] {
  const byAction = new Map<string, RefusedCall>();
  for (const e of errors) if (e.kind === 'forbidden') byAction.set(e.action, { action: e.action, ramAction: ramActionFor(e.action), code: e.code });
  return [...byAction.values()];
}

/** Asks the cloud about the connections in scope. Never throws: what fails ends up in `problems` or `fatal`. */
export async function collectLiveDiagnosis(options: LiveDiagnosisOptions, hooks: LiveDiagnosisHooks = {}): Promise<LiveDiagnosisResult> {
  const client = new AliCloudClient({
    region: options.region, endpoint: options.endpoint, profile: options.profile, credentials: options.credentials,
    signatureAlgorithm: options.signatureAlgorithm, retry: options.retry, requestTimeoutMs: options.requestTimeoutMs,
    trace: hooks.trace, random: options.random,
  });
  try {
    return await collect(client, options, hooks);
  } catch (e) {
    const message = client.scrubber.scrub(e instanceof Error ? e.message : String(e));
    return { documents: [], problems: [], refused: [], connections: [], fatal: { code: 'InternalError', kind: 'internal', message: `live diagnosis failed: ${message}` } };
  }
}

async function collect(client: AliCloudClient, options: LiveDiagnosisOptions, hooks: LiveDiagnosisHooks): Promise<LiveDiagnosisResult> {
  const now = options.now ?? Date.now;
  const sink: Sink = { documents: [], problems: [], errors: [] };
  const connIds = unique(options.connectionIds);
  const gwIds = unique(options.gatewayIds);
  const tunIds = unique(options.tunnelIds);
  const pageSize = options.pageSize ?? 10;

  // 1. Scope. Named connections are described one by one; otherwise every connection of the gateways.
  const described = await describeConnections(client, { gatewayIds: connIds.length ? [] : gwIds, connectionIds: connIds }, pageSize);
  absorb(sink, described);
  const fatal = fatalOf(described.errors, described.documents.length > 0);
  if (fatal) return { documents: [], problems: sink.problems, refused: refusedOf(sink.errors), fatal, connections: [] };
  let targets = described.connections.filter((t) => !connIds.length || connIds.includes(t.vpnConnectionId));
  // A connection we could not describe is still diagnosed: single-tunnel, unless tunnels were named.
  for (const id of described.unresolved.filter((x) => x.startsWith('vco-'))) {
    targets.push({ vpnConnectionId: id, ...(gwIds.length === 1 ? { vpnGatewayId: gwIds[0] } : {}), tunnels: [...tunIds] });
  }
  targets = applyTunnelFilter(targets, tunIds, sink);
  const fallbackGateways = described.unresolved.filter((x) => x.startsWith('vpn-'));

  // 2. The cloud's verdict. When nothing could be described, it also tells us which connections exist.
  const diagnosePlan = planDiagnoseRequests(targets, fallbackGateways);
  const verdict = diagnoseConnections(client, diagnosePlan, pageSize);
  if (!targets.length && fallbackGateways.length) {
    const v = await verdict;
    const byId = new Map<string, ConnectionTarget>();
    for (const s of v.seen) {
      const t = byId.get(s.vpnConnectionId) ?? { vpnConnectionId: s.vpnConnectionId, ...(fallbackGateways.length === 1 ? { vpnGatewayId: fallbackGateways[0] } : {}), tunnels: [] };
      if (s.tunnelId && !t.tunnels.includes(s.tunnelId)) t.tunnels.push(s.tunnelId);
      byId.set(s.vpnConnectionId, t);
    }
    targets = applyTunnelFilter([...byId.values()], tunIds, sink);
  }

  // 3. Logs per connection or tunnel.
  const window = logWindow(now(), options.logMinutes ?? 10);
  const logTargets = targets.flatMap((t) => (t.tunnels.length ? t.tunnels.map((tunnelId) => ({ vpnConnectionId: t.vpnConnectionId, tunnelId })) : [{ vpnConnectionId: t.vpnConnectionId }]));
  const logs = Promise.all(logTargets.map((t) => fetchLogs(client, t, window, 50)));

  // 4. Gateway diagnosis: one at a time per gateway (the API refuses a second), gateways in parallel.
  const gateway = options.gatewayDiagnosis === false ? Promise.resolve([]) : runDiagnoses(client, targets, options, hooks, now, sink);

  const [v, l] = await Promise.all([verdict, logs, gateway]);
  absorb(sink, v);
  for (const part of l) absorb(sink, part);

  // The order `analyze DIR` lists a saved directory in, so both runs read the same sequence.
  const documents = sink.documents.sort((a, b) => compareText(a.source, b.source));
  const anySuccess = documents.length > 0;
  const late = fatalOf(sink.errors.filter((e) => e.kind === 'auth' || e.kind === 'credentials'), anySuccess);
  return { documents, problems: sink.problems, refused: refusedOf(sink.errors), ...(late && !anySuccess ? { fatal: late } : {}), connections: targets };
}

async function runDiagnoses(
  client: AliCloudClient, targets: ConnectionTarget[], options: LiveDiagnosisOptions, hooks: LiveDiagnosisHooks, now: () => number, sink: Sink,
): Promise<void[]> {
  const poll = { ...DEFAULT_POLL, ...options.poll };
  const deadline = now() + (options.timeoutSeconds ?? 120) * 1000;
  const extendInfo = options.privateSourceIp && options.privateDestinationIp
    ? { PrivateSourceIp: options.privateSourceIp, PrivateDestinationIp: options.privateDestinationIp } : undefined;
  const byGateway = new Map<string, ConnectionTarget[]>();
  for (const t of targets) {
    if (!t.vpnGatewayId) {
      sink.problems.push({ source: 'api/DiagnoseVpnGateway', code: 'E_API_NOT_IN_SCOPE', message: locate('api/DiagnoseVpnGateway', undefined, `the gateway of ${t.vpnConnectionId} is unknown, so its gateway diagnosis was skipped`, 'Pass --gateway, or allow vpc:DescribeVpnConnections.') });
      continue;
    }
    byGateway.set(t.vpnGatewayId, [...(byGateway.get(t.vpnGatewayId) ?? []), t]);
  }
  return Promise.all(
    [...byGateway].map(async ([vpnGatewayId, conns]) => {
      for (const c of conns) {
        const r = await runGatewayDiagnosis(client, { vpnGatewayId, vpnConnectionId: c.vpnConnectionId }, { extendInfo, deadline, poll, progress: hooks.progress, now });
        absorb(sink, r);
        if (r.unsupported) break;
      }
    }),
  );
}
