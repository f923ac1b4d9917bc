// The racoon2 record grammar: `lines := (record LineEnd)*`, `record := Timestamp ResourceId? Tag
// Location? Message? Context?`. One parser instance is reused for every chunk (Chevrotain's
// performance guide): building a parser costs milliseconds, feeding it a token vector microseconds.
// Its action builds each line's record straight from the tokens (record.ts).
import { EmbeddedActionsParser, type IToken } from '../chevrotain.js';
import { feedParser } from '../common/feed-parser.js';
import type { HeaderLine, ParseContext } from '../../src/parse/dialect.js';
import type { LogRecord } from '../../src/types.js';
import { buildRecord } from './record.js';
import { allTokens, Context, LineEnd, Location, Message, ResourceId, Tag, Timestamp, type ScanToken } from './tokens.js';

class Racoon2LineParser extends EmbeddedActionsParser {
  /** The lines whose tokens are parsed, in order, and what is known of their file. */
  lineBatch: readonly HeaderLine[] = [];
  context: ParseContext = { source: '', tz: { minutes: 0 } };
  private next = 0;

  constructor() {
    super(allTokens, { recoveryEnabled: false, maxLookahead: 1, skipValidations: true });
    this.performSelfAnalysis();
  }

  // One rule, the record inlined in the loop: a SUBRULE call per line costs more than the record.
  public lines = this.RULE('lines', (): LogRecord[] => {
    const out: LogRecord[] = [];
    this.ACTION(() => {
      this.next = 0;
    });
    this.MANY(() => {
      this.CONSUME(Timestamp);
      let rid: IToken | undefined;
      let loc: IToken | undefined;
      let msg: IToken | undefined;
      let ctx: IToken | undefined;
      this.OPTION(() => {
        rid = this.CONSUME(ResourceId);
      });
      const tag = this.CONSUME(Tag);
      this.OPTION2(() => {
        loc = this.CONSUME(Location);
      });
      this.OPTION3(() => {
        msg = this.CONSUME(Message);
      });
      this.OPTION4(() => {
        ctx = this.CONSUME(Context);
      });
      this.CONSUME(LineEnd);
      this.ACTION(() => {
        out.push(buildRecord(this.lineBatch[this.next++]!, this.context, rid?.image, tag.image, loc as ScanToken | undefined, msg?.image ?? '', ctx?.image));
      });
    });
    return out;
  });
}

let shared: Racoon2LineParser | undefined;

/** Parses the token vector of `lines` (each of which tokenized) into records; null when the grammar rejects it. */
export function parseTokenVector(tokens: IToken[], lines: readonly HeaderLine[], context: ParseContext): LogRecord[] | null {
  shared ??= new Racoon2LineParser();
  shared.lineBatch = lines;
  shared.context = context;
  return feedParser(shared, tokens, (p) => p.lines());
}
