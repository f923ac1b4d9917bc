// `ipsec-doctor diagnose`: live diagnosis through the Alibaba Cloud API. Asks the cloud (describe,
// DiagnoseVpnConnections, logs, gateway diagnosis), optionally saves the raw answers, and runs the
// same analysis as `analyze` on them. Exit codes: 0 ok, 1 --fail-on hit, 2 bad usage, no local
// credentials or ids that do not exist, 3 the cloud refused (Forbidden, or the AccessKey or
// signature was rejected), 4 the cloud could not be reached or the answers could not be saved.
import { isIPv4 } from 'node:net';
import { Option, type Command } from 'commander';
import type { Report } from '../types.js';
import { oneLine } from '../errors.js';
import type { LiveDiagnosisOptions, LiveDiagnosisResult, DiagnosisProgress } from '../sources/alicloud/types.js';
import type { Endpoint } from '../sources/alicloud/endpoint.js';
import { addReportOptions, analyzeOptionsFrom, optionErrorMessage, withTeamConfig, type ReportCliOptions } from './report-options.js';
import { fail } from './exit.js';

export const EXIT_USAGE = 2;
export const EXIT_REFUSED = 3;
export const EXIT_UNREACHABLE = 4;

export interface DiagnoseCliOptions extends ReportCliOptions {
  region?: string;
  gateway: string[];
  connection: string[];
  tunnel: string[];
  privateSourceIp?: string;
  privateDestinationIp?: string;
  logMinutes: string;
  gatewayDiagnosis: boolean;
  save?: string;
  timeout: string;
  endpoint?: string;
  profile?: string;
  signature: string;
  verbose?: boolean;
  /** Hidden: poll interval and retry backoff base in ms (tests and impatient demos). */
  pollMs?: string;
  retryMs?: string;
}

const collect = (v: string, prev: string[] = []): string[] => [...prev, ...v.split(',').map((s) => s.trim()).filter(Boolean)];

/** Checks the options; returns the live-diagnosis options or the one-line reason they are wrong. */
export async function liveOptionsFrom(o: DiagnoseCliOptions): Promise<LiveDiagnosisOptions | string> {
  const { isRegionId, parseEndpoint } = await import('../sources/alicloud/endpoint.js');
  if (!o.region) return 'diagnose needs --region (e.g. --region cn-hangzhou)';
  if (!isRegionId(o.region)) return `--region ${o.region} is not a region id (e.g. cn-hangzhou)`;
  if (!o.gateway.length && !o.connection.length) return 'diagnose needs --gateway vpn-… or --connection vco-… (repeatable)';
  const bad = [
    ...o.gateway.filter((id) => !/^vpn-[A-Za-z0-9]+$/.test(id)).map((id) => `--gateway ${id} is not a VPN gateway id (vpn-…)`),
    ...o.connection.filter((id) => !/^vco-[A-Za-z0-9]+$/.test(id)).map((id) => `--connection ${id} is not an IPsec connection id (vco-…)`),
    ...o.tunnel.filter((id) => !/^tun-[A-Za-z0-9]+$/.test(id)).map((id) => `--tunnel ${id} is not a tunnel id (tun-…)`),
  ];
  if (bad.length) return bad[0]!;
  const src = o.privateSourceIp;
  const dst = o.privateDestinationIp;
  if (!!src !== !!dst) return '--private-source-ip and --private-destination-ip go together';
  if (src && !isIPv4(src)) return `--private-source-ip ${src} is not an IPv4 address`;
  if (dst && !isIPv4(dst)) return `--private-destination-ip ${dst} is not an IPv4 address`;
  const minutes = Number(o.logMinutes);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) return `--log-minutes ${o.logMinutes} must be a whole number from 1 to 1440`;
  const timeout = Number(o.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0 || timeout > 3600) return `--timeout ${o.timeout} must be a number of seconds from 1 to 3600`;
  let endpoint: Endpoint | undefined;
  if (o.endpoint) {
    const e = parseEndpoint(o.endpoint);
    if ('error' in e) return e.error;
    endpoint = e;
  }
  const pollMs = o.pollMs === undefined ? undefined : Number(o.pollMs);
  const retryMs = o.retryMs === undefined ? undefined : Number(o.retryMs);
  if ([pollMs, retryMs].some((n) => n !== undefined && !(Number.isFinite(n) && n >= 0))) return '--poll-ms and --retry-ms take a number of milliseconds';
  const sig = o.signature.toLowerCase();
  if (sig !== 'acs3' && sig !== 'v2') return `--signature ${o.signature} must be acs3 or v2`;
  return {
    region: o.region, gatewayIds: o.gateway, connectionIds: o.connection, tunnelIds: o.tunnel,
    ...(src && dst ? { privateSourceIp: src, privateDestinationIp: dst } : {}),
    logMinutes: minutes, gatewayDiagnosis: o.gatewayDiagnosis, timeoutSeconds: timeout,
    requestTimeoutMs: Math.min(15_000, timeout * 1000),
    ...(endpoint ? { endpoint } : {}), ...(o.profile ? { profile: o.profile } : {}),
    signatureAlgorithm: sig === 'v2' ? 'v2' : 'ACS3-HMAC-SHA256',
    ...(pollMs !== undefined ? { poll: { initialDelayMs: pollMs, maxDelayMs: pollMs, factor: 1 } } : {}),
    ...(retryMs !== undefined ? { retry: { baseDelayMs: retryMs, maxDelayMs: retryMs * 8 } } : {}),
  };
}

function progressPrinter(enabled: boolean): ((p: DiagnosisProgress) => void) | undefined {
  if (!enabled) return undefined;
  const last = new Map<string, string>();
  return (p) => {
    const text = `${p.finished}/${p.total}`;
    if (last.get(p.vpnConnectionId) === text) return;
    last.set(p.vpnConnectionId, text);
    process.stderr.write(`gateway diagnosis ${p.vpnConnectionId} on ${p.vpnGatewayId}: ${text}${p.done ? ' done' : ''}\n`);
  };
}

function fatalExit(f: NonNullable<LiveDiagnosisResult['fatal']>): void {
  if (f.kind === 'credentials') {
    return fail(EXIT_USAGE, `${f.message}. Set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, configure ~/.alibabacloud/credentials or the aliyun CLI, or pass --profile`);
  }
  if (f.kind === 'auth') return fail(EXIT_REFUSED, `the cloud refused the credentials (${f.code}). Check the AccessKey pair, any STS token, and the clock`);
  fail(EXIT_UNREACHABLE, `${f.message}. Check --region/--endpoint and the network`);
}

/** Runs the command; sets process.exitCode. */
export async function runDiagnose(o: DiagnoseCliOptions): Promise<void> {
  const live = await liveOptionsFrom(o);
  if (typeof live === 'string') return fail(EXIT_USAGE, live);
  const { collectLiveDiagnosis } = await import('../sources/alicloud/collect.js');
  const result = await collectLiveDiagnosis(live, {
    progress: progressPrinter(process.stderr.isTTY === true && !o.quiet),
    ...(o.verbose ? { trace: (line: string) => process.stderr.write(`[api] ${line}\n`) } : {}),
  });
  if (result.fatal) return fatalExit(result.fatal);
  let saveFailed: string | undefined;
  if (o.save) {
    const { saveDocuments } = await import('../sources/alicloud/save.js');
    try {
      const written = await saveDocuments(o.save, result.documents);
      if (!o.quiet) process.stderr.write(`ipsec-doctor: saved ${written.length} API responses under ${o.save}\n`);
    } catch (e) {
      saveFailed = `could not save to ${o.save}: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  const { analyze, AnalyzeOptionError } = await import('../index.js');
  let report: Report;
  try {
    report = await analyze(result.documents, {
      ...analyzeOptionsFrom(o),
      extraProblems: result.problems,
    });
  } catch (e) {
    if (e instanceof AnalyzeOptionError) return fail(EXIT_USAGE, optionErrorMessage(e));
    throw e;
  }
  const { writeReport } = await import('./output.js');
  let code = await writeReport(report, o);
  for (const r of result.refused) {
    process.stderr.write(`ipsec-doctor: the cloud refused ${r.action} (${r.code}): grant the RAM action ${r.ramAction}\n`);
    code = EXIT_REFUSED;
  }
  if (!report.subjects.length && code === 0) {
    // Nothing was diagnosed: an id that does not exist is a usage error, anything else a failure to ask.
    const first = result.problems[0];
    process.stderr.write(`ipsec-doctor: nothing to diagnose${first ? `: ${oneLine(first.message)}` : ''}\n`);
    code = result.problems.some((p) => p.code === 'E_API_NOT_FOUND') ? EXIT_USAGE : EXIT_UNREACHABLE;
  }
  if (saveFailed) {
    process.stderr.write(`ipsec-doctor: ${saveFailed}\n`);
    code = Math.max(code, EXIT_UNREACHABLE);
  }
  process.exitCode = code;
}

export function registerDiagnoseCommand(program: Command): void {
  const cmd = program
    .command('diagnose')
    .description('ask Alibaba Cloud why IPsec connections are down (DiagnoseVpnConnections, logs, gateway diagnosis) and explain it')
    .option('--region <id>', 'region of the VPN gateway, e.g. cn-hangzhou')
    .option('--gateway <id>', 'VPN gateway id (vpn-…): all its IPsec connections (repeatable)', collect, [])
    .option('--connection <id>', 'IPsec connection id (vco-…) (repeatable)', collect, [])
    .option('--tunnel <id>', 'only this tunnel (tun-…) of a dual-tunnel connection (repeatable)', collect, [])
    .option('--private-source-ip <ip>', 'VPC-side address for the gateway diagnosis private connectivity probe')
    .option('--private-destination-ip <ip>', 'data-center-side address for that probe')
    .option('--log-minutes <n>', 'minutes of connection logs to fetch', '10')
    .option('--no-gateway-diagnosis', 'skip DiagnoseVpnGateway')
    .option('--save <dir>', 'also write every raw API response under DIR (replay with: ipsec-doctor analyze DIR)')
    .option('--timeout <seconds>', 'how long to wait for gateway diagnoses', '120')
    .option('--endpoint <url>', 'API endpoint instead of the region\'s (scheme optional; http://127.0.0.1:8080 for the simulator)')
    .option('--profile <name>', 'credentials profile (aliyun CLI config or ~/.alibabacloud/credentials)')
    .option('--signature <form>', 'request signature: acs3 (ACS3-HMAC-SHA256) or v2 (HMAC-SHA1)', 'acs3')
    .option('-v, --verbose', 'trace every API call on stderr (never credentials)')
    .addOption(new Option('--poll-ms <ms>', 'gateway diagnosis poll interval').hideHelp())
    .addOption(new Option('--retry-ms <ms>', 'retry backoff base').hideHelp());
  addReportOptions(cmd).action(async (opts: DiagnoseCliOptions, command: Command) => {
    const badConfig = await withTeamConfig(command, opts);
    if (badConfig) return fail(EXIT_USAGE, badConfig);
    await runDiagnose(opts);
  });
}
