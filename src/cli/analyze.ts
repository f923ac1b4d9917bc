// `ipsec-doctor analyze PATH…`: offline analysis of exported API responses and log files.
import { InvalidArgumentError, type Command } from 'commander';
import type { Report } from '../types.js';
import { addReportOptions, analyzeOptionsFrom, optionErrorMessage, withTeamConfig, type ReportCliOptions } from './report-options.js';
import { fail } from './exit.js';
import { capYoungGeneration, liftYoungGenerationCap, raiseYoungGenerationCap } from './heap-policy.js';

/** No subject and nothing read: the one-line reason for exit 2. */
export function nothingUsable(report: Report): string | undefined {
  if (report.subjects.length > 0 || report.inputs.some((i) => i.records > 0)) return undefined;
  const first = report.problems.find((p) => !p.code.startsWith('E_RULE'));
  return first ? `nothing usable in the inputs: ${first.message}` : 'nothing usable in the inputs';
}

export function registerAnalyzeCommand(program: Command): void {
  const cmd = program
    .command('analyze')
    .description('explain why IPsec-VPN tunnels fail, from exported API responses and gateway/peer logs')
    .argument('<paths...>', 'files or directories (read recursively): DiagnoseVpnConnections, GetVpnGatewayDiagnoseResult, DescribeVpnConnectionLogs/DescribeVpnConnections exports, gateway or peer logs (.gz too); - reads standard input');
  addReportOptions(cmd)
    .option('--stdin-name <name>', 'what `-` (standard input) is called in the report, e.g. peer.log (default <stdin>)')
    .option('-j, --jobs <n>', 'threads for big gateway logs (default auto: one per core for two or more logs of ≥ 32 MB; see docs/performance.md)', (v) => {
      if (v === 'auto') return v;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number ≥ 1, or auto');
      return n;
    })
    .option('--open-subjects <n>', 'connections kept in memory while reading; beyond them the least recently logging one is judged and kept in a temporary file (default 512; see docs/scaling.md)', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number ≥ 1');
      return n;
    })
    .action(async (paths: string[], opts: ReportCliOptions & { jobs?: number | 'auto'; stdinName?: string; openSubjects?: number }, command: Command) => {
    if (paths.filter((p) => p === '-').length > 1) return fail(2, 'standard input (-) can be named only once');
    const badConfig = await withTeamConfig(command, opts);
    if (badConfig) return fail(2, badConfig);
    const { totalInputBytes } = await import('../sources/files/read-inputs.js');
    // `-` is standard input, read as a stream; a file really called `-` is `./-`.
    const inputs = paths.map((p) => (p === '-' ? { source: opts.stdinName ?? '<stdin>', stream: process.stdin } : p));
    const total = await totalInputBytes(inputs);
    const { HUGE_INPUT_BYTES, isRelaunched, relaunch, shouldRelaunch } = await import('./relaunch.js');
    // A big fleet export seals as it goes: in-process (input-shape.ts).
    const bigFleet = await (await import('./input-shape.js')).isBigFleetExport(inputs, total);
    if (!bigFleet && shouldRelaunch(total)) {
      const code = await relaunch();
      if (code !== undefined) {
        process.exitCode = code;
        return;
      }
    }
    if (isRelaunched() && process.env['IPSEC_DOCTOR_TRACE'] === 'relaunch') process.stderr.write(`ipsec-doctor: relaunched with ${process.execArgv.join(' ')}\n`);
    capYoungGeneration();
    const { analyze, AnalyzeOptionError } = await import('../index.js');
    const { progressLine } = await import('./progress.js');
    const progress = progressLine(process.stderr.isTTY ? total : 0);
    // A JSON report is written as its subjects are judged: a fleet's is never whole in memory.
    const { streamedJsonReport } = await import('./output.js');
    const streamed = streamedJsonReport(opts, () => progress.done());
    let report: Report;
    try {
      report = await analyze(inputs, {
        ...analyzeOptionsFrom(opts),
        jobs: opts.jobs ?? 'auto',
        ...(opts.openSubjects ? { openSubjects: opts.openSubjects } : {}),
        onProgress: (p) => progress.update(p),
        onWorkerThreads: liftYoungGenerationCap,
        // A run that seals has a bounded live set: a bigger young generation buys time. Not for a
        // huge input, where memory is the bound (1 GB fleet export in-process: 121 MB at 8 MB,
        // 145–146 MB at 16 MB, in the same time within noise).
        ...(total < HUGE_INPUT_BYTES ? { onSealing: () => raiseYoungGenerationCap() } : {}),
        ...(streamed ? { subjectSink: streamed.sink } : {}),
      });
    } catch (e) {
      progress.done();
      if (e instanceof AnalyzeOptionError) return fail(2, optionErrorMessage(e));
      throw e;
    }
    progress.done();
    const code = await streamed?.finish(report);
    if (code !== undefined) {
      process.exitCode = code;
      return;
    }
    const { badRulesPath } = await import('./rules.js');
    const badRules = badRulesPath(report.problems);
    if (badRules) return fail(2, badRules);
    const why = nothingUsable(report);
    if (why) return fail(2, why);
    const { writeReport } = await import('./output.js');
    process.exitCode = await writeReport(report, opts);
  });
}
