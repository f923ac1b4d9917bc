// The racoon record grammar: `lines := (record LineEnd)*`,
// `record := Timestamp? (Program | Topics)? Level? Location? Message?`.
import type { IToken } from '../chevrotain.js';
import { LineRecordsParser } from '../common/line-parser.js';
import { feedParser } from '../common/feed-parser.js';
import type { ScannedStamp } from '../peer-common/time.js';
import { allTokens, LineEnd, Level, Location, Message, Program, Timestamp, Topics, type LocationPayload, type ProgramPayload } from './tokens.js';

/** The fields of one header line, before time zones and the catalogue. */
export interface RawHeader {
  stamp?: ScannedStamp | { clockOnly: string };
  program?: ProgramPayload;
  /** RouterOS topics (`ipsec,error`). */
  topics?: string;
  level?: string;
  location?: LocationPayload;
  message: string;
}

class RacoonLineParser extends LineRecordsParser<RawHeader> {
  constructor() {
    super(allTokens, LineEnd);
    this.performSelfAnalysis();
  }

  protected readonly record = this.RULE('record', (): RawHeader => {
    const h: RawHeader = { message: '' };
    this.OPTION(() => {
      const t = this.CONSUME(Timestamp);
      this.ACTION(() => (h.stamp = t.payload as RawHeader['stamp']));
    });
    this.OPTION2(() => {
      this.OR([
        {
          ALT: () => {
            const p = this.CONSUME(Program);
            this.ACTION(() => (h.program = p.payload as ProgramPayload));
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(Topics);
            this.ACTION(() => (h.topics = t.payload as string));
          },
        },
      ]);
    });
    this.OPTION3(() => {
      const l = this.CONSUME(Level);
      this.ACTION(() => (h.level = l.payload as string));
    });
    this.OPTION4(() => {
      const l = this.CONSUME(Location);
      this.ACTION(() => (h.location = l.payload as LocationPayload));
    });
    this.OPTION5(() => {
      const m: IToken = this.CONSUME(Message);
      this.ACTION(() => (h.message = m.image));
    });
    return h;
  });
}

let shared: RacoonLineParser | undefined;

/** Parses a token vector of well-formed lines; null when the grammar rejects it. */
export function parseTokenVector(tokens: IToken[]): RawHeader[] | null {
  shared ??= new RacoonLineParser();
  return feedParser(shared, tokens, (p) => p.lines());
}
