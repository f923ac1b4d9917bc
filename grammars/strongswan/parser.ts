// The strongSwan record grammar: `lines := (record LineEnd)*`,
// `record := Status | Timestamp? Program? (Thread IkeSa?)? Message?`. One parser instance serves
// every batch (building one costs milliseconds, feeding it a token vector microseconds).
import type { IToken } from '../chevrotain.js';
import { LineRecordsParser } from '../common/line-parser.js';
import { feedParser } from '../common/feed-parser.js';
import type { ScannedStamp } from '../peer-common/time.js';
import { allTokens, IkeSa, LineEnd, Message, Program, Status, Thread, Timestamp, type IkeSaPayload, type ProgramPayload, type ThreadPayload } from './tokens.js';

/** The fields of one header line, before time zones and the catalogue. */
export interface RawHeader {
  stamp?: ScannedStamp;
  program?: ProgramPayload;
  thread?: ThreadPayload;
  ikeSa?: IkeSaPayload;
  message: string;
  /** swanctl / statusall report line: the whole line is the message. */
  status?: boolean;
}

class StrongswanLineParser extends LineRecordsParser<RawHeader> {
  constructor() {
    super(allTokens, LineEnd);
    this.performSelfAnalysis();
  }

  protected readonly record = this.RULE('record', (): RawHeader => {
    return this.OR([
      {
        ALT: () => {
          const s = this.CONSUME(Status);
          return this.ACTION(() => ({ message: s.image, status: true }) as RawHeader);
        },
      },
      { ALT: () => this.SUBRULE(this.daemonLine) },
    ]);
  });

  private daemonLine = this.RULE('daemonLine', (): RawHeader => {
    let stamp: IToken | undefined;
    let prog: IToken | undefined;
    let thread: IToken | undefined;
    let sa: IToken | undefined;
    let msg: IToken | undefined;
    this.OPTION(() => {
      stamp = this.CONSUME(Timestamp);
    });
    this.OPTION2(() => {
      prog = this.CONSUME(Program);
    });
    this.OPTION3(() => {
      thread = this.CONSUME(Thread);
      this.OPTION4(() => {
        sa = this.CONSUME(IkeSa);
      });
    });
    this.OPTION5(() => {
      msg = this.CONSUME(Message);
    });
    return this.ACTION(() => {
      const h: RawHeader = { message: msg ? msg.image : '' };
      if (stamp) h.stamp = stamp.payload as ScannedStamp;
      if (prog) h.program = prog.payload as ProgramPayload;
      if (thread) h.thread = thread.payload as ThreadPayload;
      if (sa) h.ikeSa = sa.payload as IkeSaPayload;
      return h;
    }) as RawHeader;
  });
}

let shared: StrongswanLineParser | undefined;

/** Parses a token vector of well-formed lines; null when the grammar rejects it. */
export function parseTokenVector(tokens: IToken[]): RawHeader[] | null {
  shared ??= new StrongswanLineParser();
  return feedParser(shared, tokens, (p) => p.lines());
}
