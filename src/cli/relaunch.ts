// The biggest analyses (but a fleet export, which seals as it goes: input-shape.ts) run in a child
// Node started with a flag that can only be given at start: a
// single-threaded garbage collector, where the parallel collector's helper buffers and
// old-generation fragmentation kept pages committed for no live data. Smaller inputs stay
// in-process: the young generation is held small at run time instead (heap-policy.ts), which
// saves the second Node's start (~150 ms of a 1 M-line analysis). Measured (peak RSS, time):
// - 1 M lines, 94 MB, in-process with the young-generation cap: 104–108 MB (relaunched with an
//   8 MB semi-space, as before 2026-11-22: 119–129 MB), time within noise.
// - 11 M lines, 1 GB, in-process with the cap: 138 MB; relaunched single-threaded as well: 126 MB,
//   4 % slower.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/** Inputs at least this big (in bytes) are analysed in a relaunched Node. */
export const HUGE_INPUT_BYTES = 128 * 1024 * 1024;
const SINGLE_THREADED_GC_FLAG = '--single-threaded-gc';
/**
 * What the relaunched Node is started with. The semi-space flag bounds the young generations of
 * worker threads too, which the run-time cap does not (it is lifted for them).
 */
export const RELAUNCH_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8', SINGLE_THREADED_GC_FLAG];

/** The Node flags the CLI runs an input of this size (and shape: input-shape.ts) with (the benchmark uses the same). */
export function bigInputNodeFlags(totalBytes: number, bigFleet = false): string[] {
  return totalBytes >= HUGE_INPUT_BYTES && !bigFleet ? [...RELAUNCH_NODE_FLAGS] : [];
}
const MARK = 'IPSEC_DOCTOR_RELAUNCHED';

/** Input bytes from which a run is big: HUGE_INPUT_BYTES (tests lower it to exercise big runs on small inputs). */
export function bigInputBytes(env: NodeJS.ProcessEnv = process.env): number {
  return Number(env['IPSEC_DOCTOR_RELAUNCH_BYTES'] ?? HUGE_INPUT_BYTES);
}

/** Whether this run should hand itself to a relaunched Node (never twice, never when flags were given). */
export function shouldRelaunch(totalBytes: number, env: NodeJS.ProcessEnv = process.env, execArgv: readonly string[] = process.execArgv): boolean {
  if (env[MARK]) return false;
  if (!(totalBytes >= bigInputBytes(env))) return false;
  return !execArgv.some((a) => a.startsWith('--max-semi-space-size') || a === SINGLE_THREADED_GC_FLAG);
}

/** True in the relaunched child. */
export function isRelaunched(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[MARK] === '1';
}

/**
 * Runs this same command line in a child Node with `RELAUNCH_NODE_FLAGS`, sharing stdin,
 * stdout and stderr; resolves to the child's exit code, or undefined when it could not be started
 * (the caller then analyses in-process).
 */
export function relaunch(): Promise<number | undefined> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, ...RELAUNCH_NODE_FLAGS, ...process.argv.slice(1)], {
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
