// Owns the located problems of the configuration dialects: stable codes and the one message shape
// `<file>:<line>: <problem>. <hint>`. A message never quotes a value (a value may be a key).
import type { Problem } from '../../../src/types.js';

export const CONFIG_CODES = {
  syntax: 'E_CONFIG_SYNTAX',
  unknownKey: 'E_CONFIG_UNKNOWN_KEY',
  include: 'E_CONFIG_INCLUDE',
  dialect: 'E_CONFIG_DIALECT',
  binary: 'E_CONFIG_BINARY',
  empty: 'E_CONFIG_EMPTY',
  value: 'E_CONFIG_VALUE',
  unresolved: 'E_CONFIG_UNRESOLVED',
} as const;

export type ConfigCode = (typeof CONFIG_CODES)[keyof typeof CONFIG_CODES];

/** One located problem: `<file>:<line>: <problem>. <hint>`. */
export function configProblem(file: string, line: number, code: ConfigCode, problem: string, hint: string): Problem {
  return { source: file, line, code, message: `${file}:${line}: ${problem}. ${hint}` };
}

/** A key name fit to quote in a message: short, printable, or a placeholder. */
export function quoteKey(key: string): string {
  return /^[\w.@%:/-]{1,40}$/.test(key) ? `'${key}'` : 'a key';
}
