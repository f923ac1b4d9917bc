// Token types of the racoon2 (Alibaba gateway `iked`) line grammar, and the hand-written tokenizer
// that produces them. A hand tokenizer feeds the Chevrotain parser because a generated lexer was
// the main cost on million-line exports; the tokenizer only finds field boundaries with charCode
// scans, the parser (parser.ts) gives the record its structure.
import { createToken, type IToken, type TokenType } from 'chevrotain';

export const Timestamp = createToken({ name: 'Timestamp', pattern: /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/ });
export const ResourceId = createToken({ name: 'ResourceId', pattern: /(?:vco|tun|iss|vpn)-[A-Za-z0-9*]+/ });
export const Tag = createToken({ name: 'Tag', pattern: /\[[A-Z_]+\]:/ });
export const Location = createToken({ name: 'Location', pattern: /[\w.-]+\.c:\d+(?::[\w*]+(?:\(\))?)?:/ });
export const Message = createToken({ name: 'Message', pattern: /[^\n]+/ });
export const Context = createToken({ name: 'Context', pattern: /\[\{.*\}\]/ });
export const LineEnd = createToken({ name: 'LineEnd', pattern: /\n/ });

export const allTokens: TokenType[] = [Timestamp, ResourceId, Tag, Location, Context, Message, LineEnd];

/** The seven racoon2 plog tags (lib/plog.c). */
export const KNOWN_TAGS = new Set(['INFO', 'PROTO_ERR', 'PROTO_WARN', 'INTERNAL_ERR', 'INTERNAL_WARN', 'DEBUG', 'CRITICAL']);

/** Extra data the tokenizer already split, so the parser's actions need not scan again. */
export interface LocationPayload {
  file: string;
  srcLine: number;
  func?: string;
}

export interface TokenizedLine {
  /** Index of the line inside the batch. */
  index: number;
  ok: boolean;
  /** Why the line does not fit the grammar (when !ok). */
  reason?: string;
}

/**
 * Token objects are pooled by position in the vector: the parser reads them only while a chunk
 * is parsed and the records keep strings, so a chunk's tokens can be reused by the next chunk.
 */
const pool: IToken[] = [];

function tok(out: IToken[], type: TokenType, image: string, offset: number, payload?: unknown): void {
  const i = out.length;
  let t = pool[i];
  if (!t) {
    t = { image, startOffset: offset, endOffset: 0, tokenType: type, tokenTypeIdx: type.tokenTypeIdx!, payload } as IToken;
    pool[i] = t;
  }
  t.image = image;
  t.startOffset = offset;
  t.endOffset = offset + image.length - 1;
  t.tokenType = type;
  t.tokenTypeIdx = type.tokenTypeIdx!;
  t.payload = payload;
  out.push(t);
}

const CH_0 = 48;
const CH_9 = 57;
const isDigit = (c: number): boolean => c >= CH_0 && c <= CH_9;

/** Cheap test that a line starts with `YYYY-MM-DD HH:MM:SS`. */
export function startsWithStamp(s: string): boolean {
  return (
    s.length >= 19 &&
    s.charCodeAt(4) === 45 &&
    s.charCodeAt(7) === 45 &&
    s.charCodeAt(10) === 32 &&
    s.charCodeAt(13) === 58 &&
    s.charCodeAt(16) === 58 &&
    isDigit(s.charCodeAt(0)) &&
    isDigit(s.charCodeAt(3)) &&
    isDigit(s.charCodeAt(18))
  );
}

function skipSpaces(s: string, i: number): number {
  while (i < s.length && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
  return i;
}

const ID_PREFIXES = ['vco-', 'tun-', 'iss-', 'vpn-'];

function readResourceId(s: string, i: number): number {
  if (!ID_PREFIXES.includes(s.slice(i, i + 4))) return i;
  let j = i + 4;
  for (; j < s.length; j++) {
    const c = s.charCodeAt(j);
    const ok = isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 42;
    if (!ok) break;
  }
  return j > i + 4 ? j : i;
}

/** `file.c:NNN:func():` or `file.c:NNN:` or masked `file.c:NNN:isakmp****`; returns end index or -1. */
function readLocation(s: string, i: number): { end: number; payload: LocationPayload } | null {
  const dotC = s.indexOf('.c:', i);
  if (dotC < 0 || dotC - i > 64) return null;
  for (let k = i; k < dotC; k++) {
    const c = s.charCodeAt(k);
    if (c === 32 || c === 58) return null;
  }
  let j = dotC + 3;
  const numStart = j;
  while (j < s.length && isDigit(s.charCodeAt(j))) j++;
  if (j === numStart) return null;
  const file = s.slice(i, dotC + 2);
  const srcLine = Number(s.slice(numStart, j));
  if (s.charCodeAt(j) !== 58) return { end: j, payload: { file, srcLine } };
  j++;
  const fnStart = j;
  while (j < s.length) {
    const c = s.charCodeAt(j);
    if (c === 40 || c === 58 || c === 32) break;
    j++;
  }
  const func = s.slice(fnStart, j) || undefined;
  if (s.startsWith('():', j)) return { end: j + 3, payload: func ? { file, srcLine, func } : { file, srcLine } };
  if (s.charCodeAt(j) === 58) return { end: j + 1, payload: func ? { file, srcLine, func } : { file, srcLine } };
  // Masked function with nothing after it (`isakmp_inf.c:1514:isakmp****`).
  if (j >= s.length) return { end: j, payload: func ? { file, srcLine, func } : { file, srcLine } };
  return null;
}

/**
 * Appends the tokens of one header line to `out`. Returns false (and appends nothing) when the
 * line does not have the racoon2 header shape, so the parser only ever sees well-formed lines.
 */
export function tokenizeLine(s: string, base: number, out: IToken[]): string | null {
  if (!startsWithStamp(s)) return 'no timestamp';
  const start = out.length;
  tok(out, Timestamp, s.slice(0, 19), base);
  let i = skipSpaces(s, 19);
  const idEnd = readResourceId(s, i);
  if (idEnd > i) {
    tok(out, ResourceId, s.slice(i, idEnd), base + i);
    i = idEnd;
    // Tolerate markdown debris between id and tag (`vco-…***\t- [PROTO_ERR]`).
    while (i < s.length && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9 || s.charCodeAt(i) === 45 || s.charCodeAt(i) === 42)) i++;
  }
  if (s.charCodeAt(i) !== 91) {
    out.length = start;
    return 'no [TAG]';
  }
  const close = s.indexOf(']', i);
  if (close < 0 || close - i > 24 || s.charCodeAt(close + 1) !== 58) {
    out.length = start;
    return 'malformed [TAG]:';
  }
  tok(out, Tag, s.slice(i, close + 2), base + i);
  i = skipSpaces(s, close + 2);
  if (s.charCodeAt(i) === 58) {
    // Empty location (`[INFO]: : iss-… message`).
    i = skipSpaces(s, i + 1);
  } else {
    const loc = readLocation(s, i);
    if (loc) {
      tok(out, Location, s.slice(i, loc.end), base + i, loc.payload);
      i = skipSpaces(s, loc.end);
    }
  }
  let msgEnd = s.length;
  while (msgEnd > i && s.charCodeAt(msgEnd - 1) === 32) msgEnd--;
  if (msgEnd - i >= 4 && s.charCodeAt(msgEnd - 1) === 93 && s.charCodeAt(msgEnd - 2) === 125) {
    const open = s.startsWith('[{', i) ? i - 1 : s.lastIndexOf(' [{', msgEnd);
    if (open >= i - 1) {
      if (open > i) tok(out, Message, s.slice(i, open), base + i);
      tok(out, Context, s.slice(open + 1, msgEnd), base + open + 1);
      tok(out, LineEnd, '\n', base + s.length);
      return null;
    }
  }
  if (msgEnd > i) tok(out, Message, s.slice(i, msgEnd), base + i);
  tok(out, LineEnd, '\n', base + s.length);
  return null;
}
