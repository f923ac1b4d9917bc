// The project's one error class and its stable codes. Messages read
// `<file>:<line or json-path>: <problem>. <hint>`.

export type ErrorCode =
  | 'E_USAGE'
  | 'E_NO_INPUT'
  | 'E_INPUT_UNREADABLE'
  | 'E_INPUT_UNKNOWN'
  | 'E_INPUT_EMPTY'
  | 'E_INPUT_BINARY'
  | 'E_INPUT_CORRUPT'
  | 'E_INPUT_TOO_LARGE'
  | 'E_INPUT_SKIPPED'
  | 'E_INPUT_REPEATED'
  | 'E_JSON_INVALID'
  | 'E_JSON_SHAPE'
  | 'E_JSON_TOO_DEEP'
  | 'E_UNPARSED_LINE'
  | 'E_LINE_TOO_LONG'
  | 'E_BINARY_LINE'
  | 'E_NUL_BYTES'
  | 'E_PROBLEMS_CAPPED'
  | 'E_HEADER_INVALID'
  | 'E_UNKNOWN_TAG'
  | 'E_DESCRIPTION_INVALID'
  | 'E_RULE_INVALID'
  | 'E_RULE_DUPLICATE'
  | 'E_RULE_TOO_LARGE'
  | 'E_RULE_RUNTIME'
  | 'E_RULES_PATH'
  | 'E_RULE_CASE_FAILED'
  | 'E_API';

export class DoctorError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'DoctorError';
    this.code = code;
  }
}

// Line ends and other control characters from an input (a file name, a quoted value) would
// split a one-line message: they are written as escapes.
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;
const CONTROL_ALL = new RegExp(CONTROL.source, 'g');
/** The text on one line: control characters and line ends written as escapes. */
export const oneLine = (t: string): string => (CONTROL.test(t) ? escapeControl(t) : t);
const escapeControl = (t: string): string =>
  t.replace(CONTROL_ALL, (c) => (c.charCodeAt(0) > 0xff ? `\\u${c.charCodeAt(0).toString(16)}` : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));

/** Formats a location-first message on one line: `file:12: problem. hint` or `file:/json/path: problem. hint`. */
export function locate(source: string, where: number | string | undefined, problem: string, hint?: string): string {
  const loc = where === undefined ? source : `${source}:${where}`;
  return oneLine(`${loc}: ${problem}.${hint ? ` ${hint}` : ''}`);
}
