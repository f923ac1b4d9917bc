// One place that ends a command with a message and an exit code.
import { oneLine } from '../errors.js';

/** Prints one line to stderr and sets the exit code (the process ends when work is done). */
export function fail(code: number, message: string): void {
  process.stderr.write(`ipsec-doctor: ${oneLine(message)}\n`);
  process.exitCode = code;
}
