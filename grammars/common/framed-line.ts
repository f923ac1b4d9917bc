// The grammar of dialects whose tokenizer reads each line's frame by hand (PAN-OS, Azure, Check Point): an
// optional time stamp, the frame (what the line's shape says besides its message, as the token's
// payload), an optional message. `lines := (record LineEnd)*`, `record := Timestamp? Frame Message?`.
// One token set and one parser instance serve every such dialect.
import { createToken, type IToken, type TokenType } from '../chevrotain.js';
import { LineRecordsParser } from './line-parser.js';
import { feedParser } from './feed-parser.js';
import type { ScannedStamp } from '../peer-common/time.js';
import { newToken } from '../peer-common/syslog-program.js';

export const Timestamp = createToken({ name: 'FramedTimestamp', pattern: /\d[^ ]*/ });
export const Frame = createToken({ name: 'Frame', pattern: /[^\n]+/ });
export const Message = createToken({ name: 'FramedMessage', pattern: /[^\n]+/ });
export const LineEnd = createToken({ name: 'FramedLineEnd', pattern: /\n/ });

const allTokens: TokenType[] = [Timestamp, Frame, Message, LineEnd];

/** The fields of one header line, before time zones and the catalogue. */
export interface FramedHeader<F> {
  stamp?: ScannedStamp;
  frame: F;
  message: string;
}

class FramedLineParser extends LineRecordsParser<FramedHeader<unknown>> {
  constructor() {
    super(allTokens, LineEnd);
    this.performSelfAnalysis();
  }

  protected readonly record = this.RULE('record', (): FramedHeader<unknown> => {
    let t: IToken | undefined;
    let m: IToken | undefined;
    this.OPTION(() => {
      t = this.CONSUME(Timestamp);
    });
    const f = this.CONSUME(Frame);
    this.OPTION2(() => {
      m = this.CONSUME(Message);
    });
    return this.ACTION(() => ({ ...(t ? { stamp: t.payload as ScannedStamp } : {}), frame: f.payload, message: m ? m.image : '' }));
  });
}

let shared: FramedLineParser | undefined;

/** Parses a token vector of well-formed lines; null when the grammar rejects it. */
export function parseFramedLines<F>(tokens: IToken[]): FramedHeader<F>[] | null {
  shared ??= new FramedLineParser();
  return feedParser(shared, tokens, (p) => p.lines()) as FramedHeader<F>[] | null;
}

/** The tokens of a line whose frame ends at `at` (its payload `frame`) and whose message follows it. */
export function pushFramed(out: IToken[], s: string, base: number, frame: unknown, at: number): null {
  out.push(newToken(Frame, s.slice(0, at) || ' ', base, frame));
  if (at < s.length) out.push(newToken(Message, s.slice(at), base + at));
  out.push(newToken(LineEnd, '\n', base + s.length));
  return null;
}
