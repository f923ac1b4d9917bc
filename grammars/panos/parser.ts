// The PAN-OS record grammar: `lines := (record LineEnd)*`, `record := Timestamp? Frame Message?`.
// The frame (ikemgr's level and ids, the system log's event id and object, a GUI detail's `Event:`)
// comes from the tokenizer; one parser instance serves every batch.
import type { IToken } from '../chevrotain.js';
import { LineRecordsParser } from '../common/line-parser.js';
import { feedParser } from '../common/feed-parser.js';
import type { ScannedStamp } from '../peer-common/time.js';
import { allTokens, Frame, LineEnd, Message, Timestamp, type PanFrame } from './tokens.js';

/** The fields of one header line, before time zones and the catalogue. */
export interface RawHeader {
  stamp?: ScannedStamp;
  frame: PanFrame;
  message: string;
}

class PanLineParser extends LineRecordsParser<RawHeader> {
  constructor() {
    super(allTokens, LineEnd);
    this.performSelfAnalysis();
  }

  protected readonly record = this.RULE('record', (): RawHeader => {
    let t: IToken | undefined;
    let m: IToken | undefined;
    this.OPTION(() => {
      t = this.CONSUME(Timestamp);
    });
    const f = this.CONSUME(Frame);
    this.OPTION2(() => {
      m = this.CONSUME(Message);
    });
    return this.ACTION(() => ({ ...(t ? { stamp: t.payload as ScannedStamp } : {}), frame: f.payload as PanFrame, message: m ? m.image : '' }));
  });
}

let shared: PanLineParser | undefined;

/** Parses a token vector of well-formed lines; null when the grammar rejects it. */
export function parseTokenVector(tokens: IToken[]): RawHeader[] | null {
  shared ??= new PanLineParser();
  return feedParser(shared, tokens, (p) => p.lines());
}
