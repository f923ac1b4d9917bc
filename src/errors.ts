// The project's one error class and its stable codes. Messages read
// `<file>:<line or json-path>: <problem>. <hint>`.

export type ErrorCode =
  | 'E_USAGE'
  | 'E_NO_INPUT'
  | 'E_INPUT_UNREADABLE'
  | 'E_INPUT_UNKNOWN'
  | 'E_INPUT_EMPTY'
  | 'E_INPUT_BINARY'
  | 'E_JSON_INVALID'
  | 'E_JSON_SHAPE'
  | 'E_UNPARSED_LINE'
  | 'E_LINE_TOO_LONG'
  | 'E_BINARY_LINE'
  | 'E_HEADER_INVALID'
  | 'E_UNKNOWN_TAG'
  | 'E_DESCRIPTION_INVALID'
  | 'E_RULE_INVALID'
  | 'E_RULE_DUPLICATE'
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

/** Formats a location-first message: `file:12: problem. hint` or `file:/json/path: problem. hint`. */
export function locate(source: string, where: number | string | undefined, problem: string, hint?: string): string {
  const loc = where === undefined ? source : `${source}:${where}`;
  return `${loc}: ${problem}.${hint ? ` ${hint}` : ''}`;
}
