// The FortiGate record grammar: `lines := (record LineEnd)*`,
// `record := Timestamp? (IkePrefix Message? | Noise) | EventFields | CsvHeader | CsvRow`.
// One parser instance serves every batch.
import type { IToken } from '../chevrotain.js';
import { LineRecordsParser } from '../common/line-parser.js';
import { feedParser } from '../common/feed-parser.js';
import type { ScannedStamp } from '../peer-common/time.js';
import { allTokens, CsvHeader, CsvRow, EventFields, IkePrefix, LineEnd, Message, Noise, Timestamp, type PrefixPayload } from './tokens.js';

/** The fields of one header line, before time zones and the catalogue. */
export interface RawHeader {
  kind: 'debug' | 'event' | 'csv-header' | 'csv-row' | 'noise';
  stamp?: ScannedStamp;
  prefix?: PrefixPayload;
  /** Debug message; event log: the `key=value` body; CSV: the row. */
  body: string;
  /** Event log: what came before the fields (a syslog header). */
  header?: string;
}

class FortigateLineParser extends LineRecordsParser<RawHeader> {
  constructor() {
    super(allTokens, LineEnd);
    this.performSelfAnalysis();
  }

  protected readonly record = this.RULE('record', (): RawHeader => {
    return this.OR([
      { ALT: () => this.SUBRULE(this.debugLine) },
      {
        ALT: () => {
          const t = this.CONSUME(EventFields);
          return this.ACTION(() => ({ kind: 'event', body: t.image, header: (t.payload as { header: string }).header }) as RawHeader);
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(CsvHeader);
          return this.ACTION(() => ({ kind: 'csv-header', body: t.image }) as RawHeader);
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(CsvRow);
          return this.ACTION(() => ({ kind: 'csv-row', body: t.image }) as RawHeader);
        },
      },
    ]);
  });

  private debugLine = this.RULE('debugLine', (): RawHeader => {
    let stamp: IToken | undefined;
    let prefix: IToken | undefined;
    let msg: IToken | undefined;
    let noise: IToken | undefined;
    this.OPTION(() => {
      stamp = this.CONSUME(Timestamp);
    });
    this.OR([
      {
        ALT: () => {
          prefix = this.CONSUME(IkePrefix);
          this.OPTION2(() => {
            msg = this.CONSUME(Message);
          });
        },
      },
      {
        ALT: () => {
          noise = this.CONSUME(Noise);
        },
      },
    ]);
    return this.ACTION(() => {
      const h: RawHeader = noise ? { kind: 'noise', body: noise.image } : { kind: 'debug', body: msg ? msg.image : '' };
      if (stamp) h.stamp = stamp.payload as ScannedStamp;
      if (prefix) h.prefix = prefix.payload as PrefixPayload;
      return h;
    }) as RawHeader;
  });
}

let shared: FortigateLineParser | undefined;

/** Parses a token vector of well-formed lines; null when the grammar rejects it. */
export function parseTokenVector(tokens: IToken[]): RawHeader[] | null {
  shared ??= new FortigateLineParser();
  return feedParser(shared, tokens, (p) => p.lines());
}
