// Renders a report in the chosen format to stdout or a file, and turns findings into the exit
// code `--fail-on` asks for. Part of the CLI boundary: the only place besides cli/ commands that
// writes to the terminal.
import { fstatSync, writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { Report, Severity, Subject } from '../types.js';
import type { SubjectSink } from '../run/options.js';
import type { JsonReportStream, subjectItemBytes } from '../report/render/json.js';
import { badRulesPath } from './rules.js';
import type { ReportCliOptions } from './report-options.js';
import { fail } from './exit.js';

const RANK: Severity[] = ['info', 'low', 'medium', 'high', 'critical'];
/** Bytes of a streamed report gathered before a write. */
const WRITE_BLOCK = 256 * 1024;

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

/** Whether a subject has a finding at or above `failOn`. */
const reachesFailOn = (s: Subject, failOn: Severity): boolean => s.findings.some((f) => RANK.indexOf(f.severity) >= RANK.indexOf(failOn));

/** Exit code for --fail-on: 1 when a finding at or above the threshold exists. */
export function failOnExitCode(report: Report, failOn: Severity | undefined): number {
  if (!failOn) return 0;
  return report.subjects.some((s) => reachesFailOn(s, failOn)) ? 1 : 0;
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

/** Whether a standard stream is a regular file (a shell redirect), not a terminal or a pipe. */
function isRegularFile(stream: NodeJS.WriteStream): boolean {
  try {
    return fstatSync((stream as unknown as { fd: number }).fd).isFile();
  } catch {
    return false;
  }
}

/** All of `bytes` written to `fd` now (a regular file takes what it is given, a few calls at most). */
function writeAllSync(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

/** Writes chunks to stdout, waiting for the pipe to drain rather than queueing them all. */
async function toStdout(chunks: Iterable<string>): Promise<void> {
  for (const c of chunks) {
    if (!process.stdout.write(c)) await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
  }
}

/**
 * A JSON report written while the run judges its subjects (no --redact: its pseudonyms are derived
 * from the whole report): the run hands `sink` each subject and keeps none, and `finish` writes
 * the rest. `finish` answers undefined when the run collected its subjects instead (device logs,
 * no subject, a bad rules path, an output file that cannot be opened): writeReport then writes
 * the report, or says what is wrong, as for any other format.
 */
export function streamedJsonReport(opts: ReportCliOptions, onFirstWrite: () => void): { sink: SubjectSink; finish(report: Report): Promise<number | undefined> } | undefined {
  if (opts.format !== 'json' || opts.redact) return undefined;
  let stream: JsonReportStream | undefined;
  let itemBytes: typeof subjectItemBytes | undefined;
  let file: FileHandle | undefined;
  let failed = false;
  // Subjects are a few kilobytes each: written in blocks, not one system call (or pipe wait) each.
  // One block, reused: each write copies into it, and a full block is written before it is reused.
  // stdout redirected to a file is written at once, as a file is; a pipe may hold the block
  // until the other end reads it, so it gets a copy.
  let block: Buffer = Buffer.allocUnsafe(WRITE_BLOCK);
  let used = 0;
  const stdoutIsFile = !opts.out && isRegularFile(process.stdout);
  const flush = async (): Promise<void> => {
    if (used === 0) return;
    const chunk = block.subarray(0, used);
    used = 0;
    if (file) await file.write(chunk);
    // Not process.stdout.write(chunk): its callback comes only after the judging loop yields, so
    // the block could not be reused, and a new block's first touch of its pages costs as much as
    // the copy (Buffer.from, 2 % of a fleet export's run).
    else if (stdoutIsFile) writeAllSync(1, chunk);
    else if (!process.stdout.write(Buffer.from(chunk))) await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
  };
  const write = async (chunk: string | Uint8Array): Promise<void> => {
    const length = typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    if (used + length > block.length) await flush();
    if (length > block.length) block = Buffer.allocUnsafe(length);
    if (typeof chunk === 'string') block.write(chunk, used);
    else block.set(chunk, used);
    used += length;
  };
  const sink: SubjectSink = {
    async begin(head) {
      if (badRulesPath(head.problems)) return false;
      if (opts.out) {
        try {
          file = await open(opts.out, 'w');
        } catch {
          return false;
        }
      }
      onFirstWrite();
      const json = await import('../report/render/json.js');
      stream = new json.JsonReportStream(head.subjects);
      itemBytes = json.subjectItemBytes;
      await write(stream.head({ schemaVersion: head.schemaVersion, tool: head.tool, generatedAt: head.generatedAt, inputs: head.inputs }));
      return true;
    },
    async subject(s) {
      if (opts.failOn && reachesFailOn(s, opts.failOn)) failed = true;
      // As bytes: a subject's text encoded once (render/json.ts says why).
      await write(itemBytes!(s));
      await write(stream!.afterItem());
    },
    async subjectJson(item) {
      // Only --fail-on reads a sealed subject's findings.
      if (opts.failOn && !failed && reachesFailOn(JSON.parse(Buffer.from(item).toString('utf8')) as Subject, opts.failOn)) failed = true;
      await write(item);
      await write(stream!.afterItem());
    },
  };
  return {
    sink,
    async finish(report) {
      if (!stream) return undefined;
      try {
        await write(stream.tail({ problems: report.problems, stats: report.stats, assumptions: report.assumptions }));
        await flush();
      } finally {
        await file?.close();
      }
      if (opts.out && !opts.quiet) process.stderr.write(`ipsec-doctor: report written to ${opts.out}\n`);
      return failed ? 1 : 0;
    },
  };
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
