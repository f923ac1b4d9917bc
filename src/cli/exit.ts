// One place that ends a command with a message and an exit code.
import { oneLine } from '../errors.js';

/** Prints one line to stderr and sets the exit code (the process ends when work is done). */
export function fail(code: number, message: string): void {
  process.stderr.write(`ipsec-doctor: ${oneLine(message)}\n`);
  process.exitCode = code;
}

/** Every exit code the command line uses, once: `--help` prints this table, the README mirrors it (a test checks). */
export const EXIT_CODES: readonly (readonly [number, string])[] = [
  [0, 'the analysis ran (findings or not); `check`: every compared parameter matches'],
  [1, 'a finding at or above --fail-on exists; `check`: a difference (mismatch or warning); `rules validate|test`: a rule problem or a failed case'],
  [2, 'bad usage or nothing usable: unknown option, a --rules path that cannot be read or holds no rule file, an --out that cannot be written, no usable input, no local credentials (one line on stderr)'],
  [3, '`diagnose`: the cloud refused the call or the credentials'],
  [4, '`diagnose`: the cloud could not be reached, or its answers could not be saved'],
  [70, 'an internal error (a bug: please report it with the command you ran)'],
];

export function exitCodesHelp(): string {
  return `\nExit codes:\n${EXIT_CODES.map(([c, what]) => `  ${String(c).padStart(2)}  ${what}`).join('\n')}\n`;
}
