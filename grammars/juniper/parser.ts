// The Junos key-management record grammar: `lines := (record LineEnd)*`,
// `record := Timestamp Program Message?`. One parser instance serves every batch.
import type { IToken } from '../chevrotain.js';
import { LineRecordsParser } from '../common/line-parser.js';
import { feedParser } from '../common/feed-parser.js';
import type { ScannedStamp } from '../peer-common/time.js';
import { allTokens, LineEnd, Message, Program, Timestamp, type ProgramPayload } from './tokens.js';

/** The fields of one header line, before time zones and the catalogue. */
export interface RawHeader {
  stamp: ScannedStamp;
  program: ProgramPayload;
  message: string;
}

class JunosLineParser extends LineRecordsParser<RawHeader> {
  constructor() {
    super(allTokens, LineEnd);
    this.performSelfAnalysis();
  }

  protected readonly record = this.RULE('record', (): RawHeader => {
    const t = this.CONSUME(Timestamp);
    const p = this.CONSUME(Program);
    let m: IToken | undefined;
    this.OPTION(() => {
      m = this.CONSUME(Message);
    });
    return this.ACTION(() => ({ stamp: t.payload as ScannedStamp, program: p.payload as ProgramPayload, message: m ? m.image : '' }));
  });
}

let shared: JunosLineParser | undefined;

/** Parses a token vector of well-formed lines; null when the grammar rejects it. */
export function parseTokenVector(tokens: IToken[]): RawHeader[] | null {
  shared ??= new JunosLineParser();
  return feedParser(shared, tokens, (p) => p.lines());
}
