// Token types of the racoon2 (Alibaba gateway `iked`) line grammar, and the hand-written tokenizer
// that produces them. A hand tokenizer feeds the Chevrotain parser because a generated lexer was
// the main cost on million-line exports; the tokenizer only finds field boundaries with charCode
// scans, the parser (parser.ts) gives the record its structure.
import { createToken, type IToken, type TokenType } from '../chevrotain.js';

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

/**
 * A pooled token. A Location also carries what the tokenizer already split out of it — file, source
 * line, function — in fields every pooled token has (one hidden class, no payload object per line).
 */
export interface ScanToken extends IToken {
  file: string;
  srcLine: number;
  func: string | undefined;
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
const pool: ScanToken[] = [];

function tok(out: IToken[], type: TokenType, image: string, offset: number): ScanToken {
  const i = out.length;
  let t = pool[i];
  if (!t) {
    t = { image, startOffset: offset, endOffset: 0, tokenType: type, tokenTypeIdx: type.tokenTypeIdx!, file: '', srcLine: 0, func: undefined } as ScanToken;
    pool[i] = t;
  } else {
    // The parser matches on tokenTypeIdx and the actions read image and the location fields;
    // offsets only feed error messages, which this grammar never shows (a rejected batch is
    // re-read line by line).
    t.image = image;
    t.tokenType = type;
    t.tokenTypeIdx = type.tokenTypeIdx!;
  }
  out.push(t);
  return t;
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

/**
 * The whole header up to the message as one sticky scan: stamp, optional resource id (with
 * tolerated markdown debris), `[TAG]:`, then the location — `file.c:N:func():`, a masked
 * `file.c:N:isakmp****` ending the line, `file.c:N:`, or an empty `: ` — or none.
 */
const HEAD =
  /(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)[ \t]+(?:((?:vco|tun|iss|vpn)-[A-Za-z0-9*]+)[ \t*-]*)?(\[[A-Z_]{1,22}\]:)[ \t]*(?::[ \t]*|(?:([\w.-]{1,62}\.c):(\d+)(?::([\w*]+)\(\):|:([\w*]+)$|:))[ \t]*)?/y;

export function tokenizeLine(s: string, base: number, out: IToken[]): string | null {
  HEAD.lastIndex = 0;
  const h = HEAD.exec(s);
  if (!h) {
    if (!startsWithStamp(s)) return 'no timestamp';
    return s.includes('[') ? 'malformed [TAG]:' : 'no [TAG]';
  }
  tok(out, Timestamp, h[1]!, base);
  if (h[2] !== undefined) tok(out, ResourceId, h[2], base + 20);
  tok(out, Tag, h[3]!, base);
  if (h[4] !== undefined) {
    // The location's parts are captured, not the location as a whole: its image is the file.
    const t = tok(out, Location, h[4], base);
    t.file = h[4];
    t.srcLine = Number(h[5]);
    t.func = h[6] ?? h[7];
  }
  const i = HEAD.lastIndex;
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
