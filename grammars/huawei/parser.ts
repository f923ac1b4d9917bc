// The Huawei / H3C record grammar: `lines := (record LineEnd)*`, `record := Tag Body? | Row | Noise`.
// One parser instance serves every batch.
import type { IToken } from '../chevrotain.js';
import { LineRecordsParser } from '../common/line-parser.js';
import { feedParser } from '../common/feed-parser.js';
import type { Frame } from './frame.js';
import type { TableRow } from './table.js';
import { allTokens, Body, LineEnd, Noise, Row, Tag } from './tokens.js';

/** The fields of one header line, before time zones and the catalogue. */
export interface RawHeader {
  kind: 'message' | 'row' | 'noise';
  frame?: Frame;
  row?: TableRow;
  /** The message text after the tag; a row or noise line: the line. */
  body: string;
}

class HuaweiLineParser extends LineRecordsParser<RawHeader> {
  constructor() {
    super(allTokens, LineEnd);
    this.performSelfAnalysis();
  }

  protected readonly record = this.RULE('record', (): RawHeader => {
    return this.OR([
      { ALT: () => this.SUBRULE(this.message) },
      {
        ALT: () => {
          const t = this.CONSUME(Row);
          return this.ACTION(() => ({ kind: 'row', row: t.payload as TableRow, body: t.image }) as RawHeader);
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(Noise);
          return this.ACTION(() => ({ kind: 'noise', body: t.image }) as RawHeader);
        },
      },
    ]);
  });

  private message = this.RULE('message', (): RawHeader => {
    let body: IToken | undefined;
    const tag = this.CONSUME(Tag);
    this.OPTION(() => {
      body = this.CONSUME(Body);
    });
    return this.ACTION(() => ({ kind: 'message', frame: tag.payload as Frame, body: body ? body.image : '' }) as RawHeader);
  });
}

let shared: HuaweiLineParser | undefined;

/** Parses a token vector of well-formed lines; null when the grammar rejects it. */
export function parseTokenVector(tokens: IToken[]): RawHeader[] | null {
  shared ??= new HuaweiLineParser();
  return feedParser(shared, tokens, (p) => p.lines());
}
