// `ipsec-doctor check CLOUD DEVICE…`: the cloud's settings of a connection against the device's
// configuration, before any negotiation. Exit 0 when everything matches, 1 on any difference
// (like a linter), 2 when an input cannot be used.
import { Option, type Command } from 'commander';
import { FORMATS } from './choices.js';
import type { ReportCliOptions } from './report-options.js';
import { fail } from './exit.js';

export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description("compare a connection's cloud settings with the device configuration before the tunnel is tried: every parameter, both fixes")
    .argument('<cloud>', 'DescribeVpnConnection / DescribeVpnConnections / DownloadVpnConnectionConfig response (JSON)')
    .argument('<device...>', 'device configuration files or directories: swanctl.conf, ipsec.conf (+ ipsec.secrets) of strongSwan or Libreswan, FortiOS `show vpn ipsec phase1-interface` / `phase2-interface`')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS as unknown as string[]).default('text'))
    .option('-o, --out <file>', 'write the report to a file instead of stdout')
    .option('--redact', 'replace addresses, ids and keys with stable pseudonyms (safe to share)')
    .option('--redact-key <key>', 'key for --redact pseudonyms')
    .option('-q, --quiet', 'print only differences')
    .option('--no-color', 'no colour even on a terminal')
    .action(async (cloud: string, device: string[], opts: ReportCliOptions) => {
      const { checkRun } = await import('../run/check.js');
      const run = await checkRun(cloud, device);
      if (run.unusable) return fail(2, run.unusable);
      const { writeReport } = await import('./output.js');
      const written = await writeReport(run.report, { ...opts, lang: 'en' });
      if (written !== 0) {
        process.exitCode = written;
        return;
      }
      const { checkExitCode } = await import('../check/check.js');
      process.exitCode = checkExitCode(run.report);
    });
}
