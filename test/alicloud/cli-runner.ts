// Runs `diagnose`/`simulate`/`analyze` in-process through commander, capturing everything written
// to stdout and stderr, with a given environment and TTY-ness, and returns the exit code.
import { vi } from 'vitest';
import { Command, CommanderError } from 'commander';
import { registerDiagnoseCommand } from '../../src/cli/diagnose.js';
import { registerSimulateCommand } from '../../src/cli/simulate.js';
import { registerAnalyzeCommand } from '../../src/cli/analyze.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[], env: Record<string, string | undefined> = {}, opts: { tty?: boolean } = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const text = (chunk: unknown) => (typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
  const so = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => (out.push(text(chunk)), true));
  const se = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => (err.push(text(chunk)), true));
  const savedEnv = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const savedTty = process.stderr.isTTY;
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  if (opts.tty !== undefined) process.stderr.isTTY = opts.tty;
  process.exitCode = undefined;
  try {
    const program = new Command().exitOverride().configureOutput({ writeOut: (s) => out.push(s), writeErr: (s) => err.push(s) });
    registerDiagnoseCommand(program);
    registerSimulateCommand(program);
    registerAnalyzeCommand(program);
    try {
      await program.parseAsync(args, { from: 'user' });
    } catch (e) {
      if (!(e instanceof CommanderError)) throw e;
      process.exitCode = e.exitCode === 0 ? 0 : 2;
    }
    return { code: Number(process.exitCode ?? 0), stdout: out.join(''), stderr: err.join('') };
  } finally {
    so.mockRestore();
    se.mockRestore();
    process.stderr.isTTY = savedTty;
    for (const [k, v] of Object.entries(savedEnv)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    process.exitCode = undefined;
  }
}
