// The Libreswan record grammar: `lines := (record LineEnd)*`,
// `record := (Timestamp Program? | Program | WhackCode)? (Debug | Connection | Packet)? Message?`. One parser
// instance serves every batch.
import type { IToken } from '../chevrotain.js';
import { LineRecordsParser } from '../common/line-parser.js';
import { feedParser } from '../common/feed-parser.js';
import type { ScannedStamp } from '../peer-common/time.js';
import { allTokens, Connection, Debug, LineEnd, Message, Packet, Program, Timestamp, WhackCode, type ConnectionPayload, type ProgramPayload } from './tokens.js';

/** The fields of one header line, before time zones and the catalogue. */
export interface RawHeader {
  stamp?: ScannedStamp;
  program?: ProgramPayload;
  whack?: string;
  debug?: boolean;
  connection?: ConnectionPayload;
  /** `packet from ADDR:PORT:` prefix: the other end's endpoint as written. */
  packetFrom?: string;
  message: string;
}

class LibreswanLineParser extends LineRecordsParser<RawHeader> {
  constructor() {
    super(allTokens, LineEnd);
    this.performSelfAnalysis();
  }

  protected readonly record = this.RULE('record', (): RawHeader => {
    const h: RawHeader = { message: '' };
    this.OPTION(() => {
      this.OR([
        {
          ALT: () => {
            const t = this.CONSUME(Timestamp);
            this.ACTION(() => (h.stamp = t.payload as ScannedStamp));
            this.OPTION2(() => {
              const p = this.CONSUME(Program);
              this.ACTION(() => (h.program = p.payload as ProgramPayload));
            });
          },
        },
        {
          // `pluto[400]: …` with no time (docker logs, journal views without times).
          ALT: () => {
            const p = this.CONSUME2(Program);
            this.ACTION(() => (h.program = p.payload as ProgramPayload));
          },
        },
        {
          ALT: () => {
            const w = this.CONSUME(WhackCode);
            this.ACTION(() => (h.whack = w.payload as string));
          },
        },
      ]);
    });
    this.OPTION3(() => {
      this.OR2([
        {
          ALT: () => {
            this.CONSUME(Debug);
            this.ACTION(() => (h.debug = true));
          },
        },
        {
          ALT: () => {
            const c = this.CONSUME(Connection);
            this.ACTION(() => (h.connection = c.payload as ConnectionPayload));
          },
        },
        {
          ALT: () => {
            const p = this.CONSUME(Packet);
            this.ACTION(() => (h.packetFrom = p.payload as string));
          },
        },
      ]);
    });
    this.OPTION4(() => {
      const m: IToken = this.CONSUME(Message);
      this.ACTION(() => (h.message = m.image));
    });
    return h;
  });
}

let shared: LibreswanLineParser | undefined;

/** Parses a token vector of well-formed lines; null when the grammar rejects it. */
export function parseTokenVector(tokens: IToken[]): RawHeader[] | null {
  shared ??= new LibreswanLineParser();
  return feedParser(shared, tokens, (p) => p.lines());
}
