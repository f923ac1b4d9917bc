// The racoon2 record grammar: `lines := (record LineEnd)*`, `record := Timestamp ResourceId? Tag
// Location? Message? Context?`. One parser instance is reused for every chunk (Chevrotain's
// performance guide): building a parser costs milliseconds, feeding it a token vector microseconds.
import { EmbeddedActionsParser, type IToken } from '../chevrotain.js';
import { feedParser } from '../common/feed-parser.js';
import { allTokens, Context, LineEnd, Location, Message, ResourceId, Tag, Timestamp, type LocationPayload } from './tokens.js';

/** The fields of one header line, before time zones, catalogue or context parsing. */
export interface RawHeader {
  stamp: string;
  resourceId: string | undefined;
  tag: string;
  location: LocationPayload | undefined;
  message: string;
  context: string | undefined;
}

class Racoon2LineParser extends EmbeddedActionsParser {
  constructor() {
    super(allTokens, { recoveryEnabled: false, maxLookahead: 1, skipValidations: true });
    this.performSelfAnalysis();
  }

  // One rule, the record inlined in the loop: a SUBRULE call per line costs more than the record.
  public lines = this.RULE('lines', (): RawHeader[] => {
    const out: RawHeader[] = [];
    this.MANY(() => {
      const stamp = this.CONSUME(Timestamp);
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
        out.push({
          stamp: stamp.image,
          resourceId: rid?.image,
          tag: tag.image.slice(1, -2),
          location: loc?.payload as LocationPayload | undefined,
          message: msg ? msg.image : '',
          context: ctx?.image,
        });
      });
    });
    return out;
  });
}

let shared: Racoon2LineParser | undefined;

/** Parses a token vector of well-formed lines; returns null when the grammar rejects it. */
export function parseTokenVector(tokens: IToken[]): RawHeader[] | null {
  shared ??= new Racoon2LineParser();
  return feedParser(shared, tokens, (p) => p.lines());
}
