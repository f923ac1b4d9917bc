// Feeds a token vector to a reusable Chevrotain parser and reads its errors: the same few lines
// every grammar needs around its top rule.
import type { IToken } from '../chevrotain.js';

interface ReusableParser {
  input: IToken[];
  errors: unknown[];
}

/** Runs `top` on `tokens`; null when the parser reported an error. */
export function feedParser<P extends ReusableParser, R>(parser: P, tokens: IToken[], top: (p: P) => R): R | null {
  parser.input = tokens;
  const result = top(parser);
  return parser.errors.length > 0 ? null : result;
}
