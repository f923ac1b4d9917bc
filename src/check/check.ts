// `check`: the cloud's settings of a connection next to the device's configuration, before any
// negotiation — every compared parameter with a verdict, and for each difference both fixes. Pure:
// the caller hands in parsed exports and configuration texts (run/check.ts reads the files).
import type { InputSummary, Problem, Report, Subject } from '../types.js';
import { VERSION } from '../version.js';
import { readCloudSettings, type CloudTunnel } from '../parse/cloud-settings.js';
import { compareTunnel, pickChild, type ComparisonRow } from './compare.js';
import type { ConfigFile, DeviceConfigParse, DeviceConnection } from './device-model.js';
import { pairFindings, type DeviceFixer } from './findings.js';
import { pairTunnels } from './pairing.js';
import { scrubReport } from '../report/scrub.js';

export interface CheckInputs {
  /** Parsed cloud exports (DescribeVpnConnection(s), DownloadVpnConnectionConfig), with their file names. */
  cloud: { source: string; value: unknown }[];
  /** Device configuration files. */
  device: ConfigFile[];
  /** Problems met while reading (unreadable files, broken JSON), reported as they are. */
  problems?: Problem[];
}

export interface CheckDeps {
  parseDevice: (files: ConfigFile[]) => DeviceConfigParse;
  fixer: DeviceFixer;
}

export interface CheckRun {
  report: Report;
  /** Why nothing could be compared (exit 2), when that is the case. */
  unusable?: string;
  /** The pairs compared, for callers that verify fixes (applyModify, device edits). */
  pairs: { tunnel: CloudTunnel; connection: DeviceConnection | undefined; rows: ComparisonRow[] }[];
}

function subjectId(t: CloudTunnel, conn: DeviceConnection | undefined): string {
  return t.tunnelId ?? t.vpnConnectionId ?? (conn ? `device:${conn.name}` : t.pointer || t.source);
}

function statusOf(s: Subject): Subject['status'] {
  if (s.findings.some((f) => f.severity === 'critical' || f.severity === 'high')) return 'failing';
  if (s.findings.some((f) => f.severity !== 'info')) return 'degraded';
  return 'healthy';
}

/** A tunnel no device connection names: the device has nothing to answer it with. */
function unpairedSubject(t: CloudTunnel, connections: readonly DeviceConnection[]): Subject {
  const names = connections.map((c) => `${c.name}${c.remoteAddress ? ` → ${c.remoteAddress.value}` : ''}`).join(', ');
  return {
    id: subjectId(t, undefined),
    vpnConnectionId: t.vpnConnectionId ?? null,
    tunnelId: t.tunnelId ?? null,
    vpnGatewayId: null,
    status: 'failing',
    findings: [
      {
        ruleId: 'check/peer-not-configured',
        cause: 'peer-not-configured',
        title: 'No device connection is configured for this tunnel',
        severity: 'high',
        confidence: 0.9,
        score: 72,
        summary: `No connection of the device configuration names ${t.gatewayIp ?? 'this tunnel'} as its peer${names ? ` (it has: ${names})` : ''}.`,
        diff: [],
        evidence: [{ source: t.source, pointer: t.pointer || '/', side: 'cloud', text: `tunnel ${t.tunnelId ?? t.vpnConnectionId ?? ''} ${t.gatewayIp ?? ''}`.trim() }],
        remediation: [{ side: 'peer', step: `Add a connection to ${t.gatewayIp ?? "the tunnel's address"} on the device (a dual-tunnel connection needs one per tunnel), or give the configuration file that holds it.` }],
        references: [],
      },
    ],
    timeline: [],
    comparison: { cloudSource: t.source, device: null, entries: [] },
    ...(t.gatewayIp || t.customerIp ? { endpoints: { ...(t.gatewayIp ? { cloud: t.gatewayIp } : {}), ...(t.customerIp ? { peer: t.customerIp } : {}) } } : {}),
  };
}

/** Compares every cloud tunnel with its device connection. */
export function runCheck(inputs: CheckInputs, deps: CheckDeps, options: { now?: Date } = {}): CheckRun {
  const started = Date.now();
  const problems: Problem[] = [...(inputs.problems ?? [])];
  const secrets = new Set<string>();
  const summaries: InputSummary[] = [];
  const tunnels: CloudTunnel[] = [];
  for (const c of inputs.cloud) {
    const read = readCloudSettings(c.value, c.source);
    tunnels.push(...read.tunnels);
    problems.push(...read.problems);
    for (const s of read.secrets) secrets.add(s);
    const kind = read.tunnels.some((t) => t.kind === 'download') ? 'download-vpn-connection-config' : read.tunnels.length > 0 ? 'describe-vpn-connections' : 'unknown';
    summaries.push({ source: c.source, kind, records: read.tunnels.length, problems: read.problems.length });
  }
  const device = deps.parseDevice(inputs.device);
  problems.push(...device.problems);
  for (const s of device.secrets) secrets.add(s);
  for (const f of inputs.device) {
    summaries.push({ source: f.name, kind: 'device-config', records: device.connections.filter((c) => c.at.file === f.name).length, problems: device.problems.filter((p) => p.source === f.name).length });
  }
  const { pairs, ignored } = pairTunnels(tunnels, device.connections);
  const subjects: Subject[] = [];
  const compared: CheckRun['pairs'] = [];
  for (const p of pairs) {
    if (!p.connection) {
      subjects.push(unpairedSubject(p.tunnel, device.connections));
      compared.push({ tunnel: p.tunnel, connection: undefined, rows: [] });
      continue;
    }
    const child = pickChild(p.tunnel, p.connection);
    const rows = compareTunnel(p.tunnel, p.connection, child);
    compared.push({ tunnel: p.tunnel, connection: p.connection, rows });
    const conn = p.connection;
    const subject: Subject = {
      id: subjectId(p.tunnel, conn),
      vpnConnectionId: p.tunnel.vpnConnectionId ?? null,
      tunnelId: p.tunnel.tunnelId ?? null,
      vpnGatewayId: null,
      status: 'unknown',
      findings: pairFindings({ tunnel: p.tunnel, connection: conn, child, rows, fixer: deps.fixer }),
      timeline: [],
      comparison: {
        cloudSource: p.tunnel.source,
        device: { name: conn.name, dialect: conn.dialect, source: conn.at.file, line: conn.at.line },
        ...(p.by ? { pairedBy: p.by } : {}),
        entries: rows.map((r) => ({
          parameter: r.parameter,
          verdict: r.verdict,
          cloud: r.cloud,
          device: r.device,
          ...(r.note ? { note: r.note } : {}),
          ...(r.cloudPointer ? { cloudPointer: r.cloudPointer } : {}),
          ...(r.deviceAt ? { deviceLine: r.deviceAt.line } : {}),
          ...(r.deviceDefaulted ? { deviceDefaulted: true } : {}),
        })),
      },
    };
    const endpoints = { ...(p.tunnel.gatewayIp ? { cloud: p.tunnel.gatewayIp } : {}), ...(p.tunnel.customerIp ?? conn.localAddress?.value ? { peer: p.tunnel.customerIp ?? conn.localAddress!.value } : {}) };
    if (Object.keys(endpoints).length > 0) subject.endpoints = endpoints;
    subject.status = statusOf(subject);
    subjects.push(subject);
  }
  const assumptions: string[] = [];
  if (ignored.length > 0) assumptions.push(`${ignored.length} tunnel(s) of the cloud export belong to connections no device connection names; they were not compared.`);
  let unusable: string | undefined;
  if (tunnels.length === 0) unusable = `no connection settings in the cloud export${problems[0] ? `: ${problems[0].message}` : ''}`;
  else if (device.connections.length === 0) {
    // A file that could not be read says more than the empty parse that followed it.
    const why = inputs.problems?.find((p) => !inputs.cloud.some((c) => c.source === p.source)) ?? device.problems[0];
    unusable = `no IPsec connection in the device configuration${why ? `: ${why.message}` : ''}`;
  }
  const report: Report = {
    schemaVersion: 1,
    tool: { name: 'ipsec-doctor', version: VERSION },
    generatedAt: (options.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    inputs: summaries,
    subjects,
    problems,
    stats: { lines: 0, parsed: 0, unparsed: 0, subjects: subjects.length, durationMs: Date.now() - started },
    ...(assumptions.length > 0 ? { assumptions } : {}),
  };
  scrubReport(report, secrets);
  return { report, pairs: compared, ...(unusable ? { unusable } : {}) };
}

/** Exit code of `check`: 0 everything matches, 1 any difference (mismatch or warning). */
export function checkExitCode(report: Report): number {
  return report.subjects.some((s) => s.findings.some((f) => f.severity !== 'info')) ? 1 : 0;
}
