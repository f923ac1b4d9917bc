// The Cisco record grammar: `lines := (record LineEnd)*`,
// `record := Stamp? Prefix Message? | Dump | Show | Noise`. One parser instance serves every batch.
import type { IToken } from '../chevrotain.js';
import { LineRecordsParser } from '../common/line-parser.js';
import { feedParser } from '../common/feed-parser.js';
import type { StampParts } from '../peer-common/time.js';
import type { PrefixPayload } from './prefix.js';
import { allTokens, Dump, LineEnd, Message, Noise, Prefix, Show, Stamp } from './tokens.js';

/** The fields of one header line, before time zones and the catalogue. */
export interface RawHeader {
  kind: 'message' | 'dump' | 'show' | 'noise';
  stamp?: { text: string; parts: StampParts };
  prefix?: PrefixPayload;
  /** The message after its prefix, or the whole line (dump, show, noise). */
  body: string;
}

class CiscoLineParser extends LineRecordsParser<RawHeader> {
  constructor() {
    super(allTokens, LineEnd);
    this.performSelfAnalysis();
  }

  protected readonly record = this.RULE('record', (): RawHeader => {
    return this.OR([
      { ALT: () => this.SUBRULE(this.message) },
      { ALT: () => this.line(Dump, 'dump') },
      { ALT: () => this.line(Show, 'show') },
      { ALT: () => this.line(Noise, 'noise') },
    ]);
  });

  private line(type: typeof Dump, kind: RawHeader['kind']): RawHeader {
    const t = this.CONSUME(type);
    return this.ACTION(() => ({ kind, body: t.image })) as RawHeader;
  }

  private message = this.RULE('message', (): RawHeader => {
    let stamp: IToken | undefined;
    let msg: IToken | undefined;
    this.OPTION(() => {
      stamp = this.CONSUME(Stamp);
    });
    const prefix = this.CONSUME(Prefix);
    this.OPTION2(() => {
      msg = this.CONSUME(Message);
    });
    return this.ACTION(() => {
      const h: RawHeader = { kind: 'message', body: msg ? msg.image : '', prefix: prefix.payload as PrefixPayload };
      if (stamp?.payload) h.stamp = stamp.payload as RawHeader['stamp'];
      return h;
    }) as RawHeader;
  });
}

let shared: CiscoLineParser | undefined;

/** Parses a token vector of well-formed lines; null when the grammar rejects it. */
export function parseTokenVector(tokens: IToken[]): RawHeader[] | null {
  shared ??= new CiscoLineParser();
  return feedParser(shared, tokens, (p) => p.lines());
}
