// The skeleton every log grammar's Chevrotain parser shares: `lines := (record LineEnd)*`, one
// record per physical line, no recovery (a line that does not fit is the grammar's failure to
// report), one lookahead. Each grammar subclasses it with its own `record` rule and token set.
import { EmbeddedActionsParser, type TokenType } from '../chevrotain.js';

/** What `this.RULE(…)` returns for a rule without arguments (called by SUBRULE). */
type Rule<R> = (idx?: number) => R;

export abstract class LineRecordsParser<R> extends EmbeddedActionsParser {
  /** The grammar's rule for one line (a field of the subclass, defined before performSelfAnalysis). */
  protected abstract readonly record: Rule<R>;

  constructor(
    tokens: TokenType[],
    /** The grammar's own line-end token. */
    private readonly lineEnd: TokenType,
  ) {
    super(tokens, { recoveryEnabled: false, maxLookahead: 1, skipValidations: true });
  }

  // The rule body runs only when Chevrotain records the grammar (performSelfAnalysis, called by
  // the subclass once its own rules exist) and when parsing: `record` and `lineEnd` are set by then.
  public lines = this.RULE('lines', (): R[] => {
    const out: R[] = [];
    this.MANY(() => {
      const rec = this.SUBRULE(this.record as never) as R;
      this.CONSUME(this.lineEnd);
      this.ACTION(() => out.push(rec));
    });
    return out;
  });
}
