// Big analyses run in a child Node started with heap flags that can only be given at start: a
// smaller young generation for every big input, and a single-threaded garbage collector for the
// biggest, where the parallel collector's helper buffers and old-generation fragmentation kept
// ~30 MB of pages committed for no live data. Measured (peak RSS, time):
// - 1 M lines, 94 MB: in-process 147–153 MB; young generation 8 MB: 122–135 MB at in-process
//   speed; single-threaded as well: no lower, 10–15 % slower.
// - 3.2 M lines, 300 MB: young generation 8 MB: 150 MB; single-threaded as well: 136 MB.
// - 11 M lines, 1 GB: young generation 8 MB: 157–159 MB; single-threaded as well: 143–147 MB.
// Small inputs stay in-process (no extra start).
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/** Inputs at least this big (in bytes) are analysed in a relaunched Node. */
export const BIG_INPUT_BYTES = 64 * 1024 * 1024;
/** From this size on, the relaunched Node also collects garbage on one thread. */
export const HUGE_INPUT_BYTES = 128 * 1024 * 1024;
const YOUNG_GENERATION_FLAG = '--max-semi-space-size=8';
const SINGLE_THREADED_GC_FLAG = '--single-threaded-gc';

/** What the relaunched Node is started with for an input of this size (the benchmark uses the same). */
export function bigInputNodeFlags(totalBytes: number): string[] {
  return totalBytes >= HUGE_INPUT_BYTES ? [YOUNG_GENERATION_FLAG, SINGLE_THREADED_GC_FLAG] : [YOUNG_GENERATION_FLAG];
}
const MARK = 'IPSEC_DOCTOR_RELAUNCHED';

/** Whether this run should hand itself to a relaunched Node (never twice, never when flags were given). */
export function shouldRelaunch(totalBytes: number, env: NodeJS.ProcessEnv = process.env, execArgv: readonly string[] = process.execArgv): boolean {
  if (env[MARK]) return false;
  // Tests lower the threshold to exercise the relaunch on small inputs.
  const threshold = Number(env['IPSEC_DOCTOR_RELAUNCH_BYTES'] ?? BIG_INPUT_BYTES);
  if (!(totalBytes >= threshold)) return false;
  return !execArgv.some((a) => a.startsWith('--max-semi-space-size') || a === SINGLE_THREADED_GC_FLAG);
}

/** True in the relaunched child. */
export function isRelaunched(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[MARK] === '1';
}

/**
 * Runs this same command line in a child Node with `bigInputNodeFlags(totalBytes)`, sharing stdin,
 * stdout and stderr; resolves to the child's exit code, or undefined when it could not be started
 * (the caller then analyses in-process).
 */
export function relaunch(totalBytes: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, ...bigInputNodeFlags(totalBytes), ...process.argv.slice(1)], {
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
