// Big analyses run in a child Node started with two heap flags that can only be given at start:
// a smaller young generation and a single-threaded garbage collector. Measured on a 1 GB export
// (11 M lines): peak RSS 176–178 MB → 145–148 MB, time within noise (31–35 s either way): with the
// parallel collector, helper threads' allocation buffers and the old generation's fragmentation
// kept ~30 MB of pages committed for no live data. Small inputs stay in-process (no extra start).
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/** Inputs at least this big (in bytes) are analysed in a relaunched Node. */
export const BIG_INPUT_BYTES = 64 * 1024 * 1024;
/** What the relaunched Node is started with (the benchmark measures with the same flags). */
export const BIG_INPUT_NODE_FLAGS = ['--max-semi-space-size=8', '--single-threaded-gc'];
const MARK = 'IPSEC_DOCTOR_RELAUNCHED';

/** Whether this run should hand itself to a relaunched Node (never twice, never when flags were given). */
export function shouldRelaunch(totalBytes: number, env: NodeJS.ProcessEnv = process.env, execArgv: readonly string[] = process.execArgv): boolean {
  if (env[MARK]) return false;
  // Tests lower the threshold to exercise the relaunch on small inputs.
  const threshold = Number(env['IPSEC_DOCTOR_RELAUNCH_BYTES'] ?? BIG_INPUT_BYTES);
  if (!(totalBytes >= threshold)) return false;
  return !execArgv.some((a) => a.startsWith('--max-semi-space-size') || a === '--single-threaded-gc');
}

/** True in the relaunched child. */
export function isRelaunched(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[MARK] === '1';
}

/**
 * Runs this same command line in a child Node with BIG_INPUT_NODE_FLAGS, sharing stdin, stdout and
 * stderr; resolves to the child's exit code, or undefined when it could not be started (the caller
 * then analyses in-process).
 */
export function relaunch(): Promise<number | undefined> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, ...BIG_INPUT_NODE_FLAGS, ...process.argv.slice(1)], {
      stdio: 'inherit',
      env: { ...process.env, [MARK]: '1' },
    });
    // A terminal's Ctrl-C reaches both processes; a `kill` reaches only this one: pass it on.
    const forward = (signal: NodeJS.Signals): void => {
      child.kill(signal);
    };
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.once('error', () => resolve(undefined));
    child.once('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0));
    });
  });
}
