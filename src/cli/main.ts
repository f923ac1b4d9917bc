#!/usr/bin/env node
// The command-line entry: argument parsing, sub-commands, exit codes. Heavy modules load lazily
// inside each command so `--version` and `--help` start fast.
import { Command, CommanderError } from 'commander';
import { VERSION } from '../version.js';
import { oneLine } from '../errors.js';
import { registerAnalyzeCommand } from './analyze.js';
import { registerRulesCommand } from './rules.js';
import { registerDiagnoseCommand } from './diagnose.js';
import { registerSimulateCommand } from './simulate.js';
import { registerCheckCommand } from './check.js';
import { applyHeapPolicy } from './heap-policy.js';
import { exitCodesHelp } from './exit.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('ipsec-doctor')
    .description('Tells you why an Alibaba Cloud IPsec-VPN tunnel is down and exactly what to change.')
    .version(VERSION, '-V, --version')
    .showSuggestionAfterError()
    .addHelpText('after', exitCodesHelp())
    .exitOverride();
  registerAnalyzeCommand(program);
  registerCheckCommand(program);
  registerDiagnoseCommand(program);
  registerSimulateCommand(program);
  registerRulesCommand(program);
  return program;
}

async function main(): Promise<void> {
  // A reader that stops early (`| head`) is not an error: end quietly instead of a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    });
  }
  applyHeapPolicy();
  const program = buildProgram();
  try {
    await program.parseAsync(process.argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version exit 0; usage errors were already printed by commander in one line.
      process.exitCode = e.exitCode === 0 ? 0 : 2;
      return;
    }
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(`ipsec-doctor: internal error: ${oneLine(msg)}. Please report it with the command you ran.\n`);
    process.exitCode = 70;
  }
}

void main();
