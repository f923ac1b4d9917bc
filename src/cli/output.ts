// Renders a report in the chosen format to stdout or a file, and turns findings into the exit
// code `--fail-on` asks for. Part of the CLI boundary: the only place besides cli/ commands that
// writes to the terminal.
import { open } from 'node:fs/promises';
import type { Report, Severity } from '../types.js';
import type { ReportCliOptions } from './report-options.js';
import { fail } from './exit.js';

const RANK: Severity[] = ['info', 'low', 'medium', 'high', 'critical'];

export function useColor(opts: { color?: boolean }, stream: NodeJS.WriteStream = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  if (opts.color === false || env['NO_COLOR'] !== undefined) return false;
  // FORCE_COLOR (the Node and npm convention) asks for colour through pipes and CI logs; 0 or false turns it off.
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return !/^(?:0|false)$/i.test(force);
  if (env['CI']) return false;
  return stream.isTTY === true;
}

/** The terminal's width, or COLUMNS (set by shells, honoured through pipes), or 100; at most 160. */
function terminalWidth(env: NodeJS.ProcessEnv = process.env): number {
  const columns = Number(env['COLUMNS']);
  return Math.max(40, Math.min(process.stdout.columns || (Number.isInteger(columns) && columns > 0 ? columns : 100), 160));
}

/** Exit code for --fail-on: 1 when a finding at or above the threshold exists. */
export function failOnExitCode(report: Report, failOn: Severity | undefined): number {
  if (!failOn) return 0;
  const min = RANK.indexOf(failOn);
  return report.subjects.some((s) => s.findings.some((f) => RANK.indexOf(f.severity) >= min)) ? 1 : 0;
}

/** The rendered report as chunks: JSON one subject at a time, the other formats whole. */
async function render(report: Report, opts: ReportCliOptions, toFile: boolean): Promise<Iterable<string>> {
  switch (opts.format) {
    case 'json': {
      const { renderJsonChunks } = await import('../report/render/json.js');
      return renderJsonChunks(report);
    }
    case 'markdown': {
      const { renderMarkdown } = await import('../report/render/markdown.js');
      return [renderMarkdown(report, { lang: opts.lang ?? 'en' })];
    }
    case 'html': {
      const { renderHtml } = await import('../report/render/html.js');
      return [renderHtml(report, { lang: opts.lang ?? 'en' })];
    }
    default: {
      const { renderText } = await import('../report/render/text.js');
      return [
        renderText(report, {
          color: !toFile && useColor(opts),
          width: terminalWidth(),
          quiet: opts.quiet ?? false,
          explain: opts.explain ?? false,
          lang: opts.lang ?? 'en',
        }),
      ];
    }
  }
}

/** Writes chunks to stdout, waiting for the pipe to drain rather than queueing them all. */
async function toStdout(chunks: Iterable<string>): Promise<void> {
  for (const c of chunks) {
    if (!process.stdout.write(c)) await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
  }
}

/** Writes the report as asked and returns the exit code. */
export async function writeReport(report: Report, opts: ReportCliOptions): Promise<number> {
  let shown = report;
  if (opts.redact) {
    const { redactReport } = await import('../report/redact.js');
    // The key is derived from the report (the same inputs give the same pseudonyms) unless the
    // user gives one to correlate reports of different inputs.
    shown = redactReport(report, opts.redactKey ? { key: opts.redactKey } : {});
  }
  const chunks = await render(shown, opts, !!opts.out);
  if (opts.out) {
    try {
      const file = await open(opts.out, 'w');
      try {
        for (const c of chunks) await file.write(c);
      } finally {
        await file.close();
      }
    } catch (e) {
      // A path the user typed, not a bug: one line and exit 2.
      fail(2, `${opts.out}: cannot write the report (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). Check the directory exists and is writable.`);
      return 2;
    }
    if (!opts.quiet) process.stderr.write(`ipsec-doctor: report written to ${opts.out}\n`);
  } else {
    await toStdout(chunks);
  }
  return failOnExitCode(report, opts.failOn);
}
