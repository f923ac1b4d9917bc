// The five VPC actions the simulator serves, validating parameters the way the real API does and
// answering with documented shapes and error codes: DescribeVpnConnections, DiagnoseVpnConnections,
// DiagnoseVpnGateway, GetVpnGatewayDiagnoseResult, DescribeVpnConnectionLogs.
import { isIPv4 } from 'node:net';
import type { DiagnosisBook } from './diagnosis.js';
import { intParam, listParam, newRequestId, page, required, SimError } from './protocol.js';
import { neutralGatewayDiagnosis, type Json, type Scenario, type SimConnection } from './scenario.js';

export interface ActionContext {
  scenario: Scenario;
  book: DiagnosisBook;
  params: Record<string, string>;
}

type Handler = (ctx: ActionContext) => Json;

function inRegion(ctx: ActionContext): SimConnection[] {
  return required(ctx.params, 'RegionId') === ctx.scenario.regionId ? ctx.scenario.connections : [];
}

function gatewayExists(ctx: ActionContext, gw: string): boolean {
  return inRegion(ctx).some((c) => c.vpnGatewayId === gw);
}

const describeVpnConnections: Handler = (ctx) => {
  const p = ctx.params;
  const pageNumber = intParam(p, 'PageNumber', 1, 1, 1_000_000);
  const pageSize = intParam(p, 'PageSize', 10, 1, 50);
  const all = inRegion(ctx).filter((c) => (!p.VpnGatewayId || c.vpnGatewayId === p.VpnGatewayId) && (!p.VpnConnectionId || c.vpnConnectionId === p.VpnConnectionId));
  return {
    RequestId: newRequestId(), PageNumber: pageNumber, PageSize: pageSize, TotalCount: all.length,
    VpnConnections: { VpnConnection: page(all, pageNumber, pageSize).map((c) => c.describe) },
  };
};

const diagnoseVpnConnections: Handler = (ctx) => {
  const p = ctx.params;
  const conns = inRegion(ctx);
  const pageNumber = intParam(p, 'PageNumber', 1, 1, 1_000_000);
  const pageSize = intParam(p, 'PageSize', 10, 1, 50);
  const ids = listParam(p, 'VpnConnectionIds');
  const tunnels = listParam(p, 'TunnelIds');
  if (!ids && !tunnels && !p.VpnGatewayId) throw new SimError('InvalidParameter', 'VpnConnectionIds is required for single-tunnel connections and TunnelIds for dual-tunnel ones.');
  const entries: Json[] = [];
  for (const id of ids ?? []) {
    const c = conns.find((x) => x.vpnConnectionId === id);
    if (!c) throw new SimError('InvalidParameter', `The specified VpnConnectionIds value [${id}] does not exist.`);
    if (c.tunnels?.length) throw new SimError('InvalidParameter', `The IPsec-VPN connection [${id}] is in dual-tunnel mode: pass its TunnelIds.`);
    entries.push(c.diagnose ?? { VpnConnectionId: id, Severity: 'Normal' });
  }
  for (const tid of tunnels ?? []) {
    const c = conns.find((x) => x.tunnels?.some((t) => t.tunnelId === tid));
    if (!c) throw new SimError('InvalidParameter', `The specified TunnelIds value [${tid}] does not exist.`);
    entries.push(c.tunnels!.find((t) => t.tunnelId === tid)!.diagnose);
  }
  if (!ids && !tunnels) {
    for (const c of conns.filter((x) => x.vpnGatewayId === p.VpnGatewayId)) {
      if (c.tunnels?.length) entries.push(...c.tunnels.map((t) => t.diagnose));
      else entries.push(c.diagnose ?? { VpnConnectionId: c.vpnConnectionId, Severity: 'Normal' });
    }
  } else if (p.VpnGatewayId) {
    const onGateway = new Set(conns.filter((c) => c.vpnGatewayId === p.VpnGatewayId).map((c) => c.vpnConnectionId));
    entries.splice(0, entries.length, ...entries.filter((e) => onGateway.has(String(e.VpnConnectionId))));
  }
  return { RequestId: newRequestId(), PageNumber: pageNumber, PageSize: pageSize, TotalCount: entries.length, VpnConnections: page(entries, pageNumber, pageSize) };
};

function checkIp(info: Json, key: string): void {
  const v = info[key];
  if (v !== undefined && (typeof v !== 'string' || !isIPv4(v))) throw new SimError(`IllegalParam.${key}`, `The specified private ${key === 'PrivateSourceIp' ? 'source' : 'destination'} IP [${String(v)}] is invalid.`);
}

const diagnoseVpnGateway: Handler = (ctx) => {
  const p = ctx.params;
  const conns = inRegion(ctx);
  const resourceId = required(p, 'ResourceId');
  const resourceType = required(p, 'ResourceType');
  const gw = required(p, 'VpnGatewayId');
  if (resourceType.toLowerCase() !== 'ipsec') throw new SimError('IllegalParam.ResourceType', `The specified resource type [${resourceType}] is invalid.`);
  if (p.IPsecExtendInfo !== undefined) {
    let info: Json;
    try {
      info = JSON.parse(p.IPsecExtendInfo) as Json;
    } catch {
      throw new SimError('InvalidParameter', 'IPsecExtendInfo must be a JSON object.');
    }
    checkIp(info, 'PrivateSourceIp');
    checkIp(info, 'PrivateDestinationIp');
  }
  if (!gatewayExists(ctx, gw)) throw new SimError('InvalidVpnGatewayInstanceId.NotFound');
  const conn = conns.find((c) => c.vpnConnectionId === resourceId && c.vpnGatewayId === gw);
  if (!conn) throw new SimError('InvalidResourceId.NotFound', `The specified resource id [${resourceId}] does not exist.`);
  const key = JSON.stringify([gw, resourceId, resourceType, p.IPsecExtendInfo ?? '']);
  const replayed = ctx.book.replay(p.ClientToken, key);
  if (replayed) return { DiagnoseId: replayed.id, RequestId: newRequestId() };
  if (ctx.scenario.unsupportedGateways?.includes(gw)) throw new SimError('OperationUnsupported.DiagnoseVpn');
  if (ctx.book.running(gw)) throw new SimError('OperationFailed.VpnGatewayDiagnosing');
  const results = [...(conn.gatewayDiagnosis ?? neutralGatewayDiagnosis())];
  const d = ctx.book.start(gw, resourceId, results, ctx.scenario.diagnosisPolls ?? 3, ctx.scenario.diagnosisTimeouts?.includes(resourceId) ?? false);
  ctx.book.remember(p.ClientToken, key, d);
  return { DiagnoseId: d.id, RequestId: newRequestId() };
};

const getVpnGatewayDiagnoseResult: Handler = (ctx) => {
  const p = ctx.params;
  required(p, 'RegionId');
  if (!p.DiagnoseId && !p.VpnGatewayId) throw new SimError('MissingParam.DiagnoseInfo');
  if (p.DiagnoseId) {
    const d = ctx.book.byId(p.DiagnoseId);
    if (!d || (p.VpnGatewayId && d.vpnGatewayId !== p.VpnGatewayId) || !gatewayExists(ctx, d.vpnGatewayId)) {
      throw new SimError('InvalidDiagnoseId.NotFound', `The specified diagnose ID [${p.DiagnoseId}] does not exist.`);
    }
    return ctx.book.poll(d);
  }
  const gw = p.VpnGatewayId!;
  if (!gatewayExists(ctx, gw)) throw new SimError('InvalidVpnGatewayInstanceId.NotFound');
  const d = ctx.book.latest(gw);
  if (!d) throw new SimError('InvalidVpnGatewayId.NotFound', `The specified VPN gateway [${gw}] does not have any diagnoses.`);
  return ctx.book.poll(d);
};

const describeVpnConnectionLogs: Handler = (ctx) => {
  const p = ctx.params;
  const id = required(p, 'VpnConnectionId');
  const conn = inRegion(ctx).find((c) => c.vpnConnectionId === id);
  if (!conn) throw new SimError('InvalidVpnConnectionInstanceId.NotFound');
  let logs: readonly string[] = conn.logs ?? [];
  if (conn.tunnels?.length) {
    if (!p.TunnelId) throw new SimError('InvalidParameter', `TunnelId is required: [${id}] is a dual-tunnel connection.`);
    const t = conn.tunnels.find((x) => x.tunnelId === p.TunnelId);
    if (!t) throw new SimError('InvalidParameter', `The specified TunnelId [${p.TunnelId}] does not belong to [${id}].`);
    logs = t.logs;
  } else if (p.TunnelId) throw new SimError('InvalidParameter', `[${id}] is a single-tunnel connection: omit TunnelId.`);
  if (p.From !== undefined || p.To !== undefined) {
    const from = intParam(p, 'From', -1, 0, Number.MAX_SAFE_INTEGER);
    const to = intParam(p, 'To', -1, 0, Number.MAX_SAFE_INTEGER);
    if (from < 0 || to < 0) throw new SimError('InvalidParameter', 'From and To must be given together.');
    if (from > 99_999_999_999 || to > 99_999_999_999) throw new SimError('InvalidParameter', 'From and To are UNIX timestamps in seconds, not milliseconds.');
    if (from >= to) throw new SimError('InvalidParameter', 'From must be earlier than To.');
  } else {
    if (p.MinutePeriod === undefined) throw new SimError('InvalidParameter', 'MinutePeriod is required when From and To are not given.');
    intParam(p, 'MinutePeriod', 10, 1, 10);
  }
  const pageNumber = intParam(p, 'PageNumber', 1, 1, 1_000_000);
  const pageSize = intParam(p, 'PageSize', 10, 1, 50);
  // The recorded lines are replayed whatever the window: scenarios are fixed recordings.
  const lines = page([...logs], pageNumber, pageSize);
  // `Count` is documented as the number of log entries on this page, not the total.
  return { Count: lines.length, Data: { Logs: lines }, IsCompleted: true, PageNumber: pageNumber, PageSize: pageSize, RequestId: newRequestId() };
};

export const ACTIONS: Record<string, Handler> = {
  DescribeVpnConnections: describeVpnConnections,
  DiagnoseVpnConnections: diagnoseVpnConnections,
  DiagnoseVpnGateway: diagnoseVpnGateway,
  GetVpnGatewayDiagnoseResult: getVpnGatewayDiagnoseResult,
  DescribeVpnConnectionLogs: describeVpnConnectionLogs,
};
