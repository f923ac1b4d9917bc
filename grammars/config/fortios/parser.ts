// The FortiOS configuration grammar over the balanced tokens:
// `file := block*`, `block := Config (Set | Unset | entry | block)* End`,
// `entry := Edit (Set | Unset | block)* Next`. Every block is kept (the reader picks the VPN and
// address tables and skips the rest).
import { EmbeddedActionsParser, type IToken } from '../../chevrotain.js';
import { feedParser } from '../../common/feed-parser.js';
import { allTokens, Config, Edit, End, Next, Set, Unset, type FortiPayload } from './tokens.js';

export interface FortiEntry {
  name: string;
  head: FortiPayload;
  /** The `next` line (undefined for a block's own settings). */
  close?: FortiPayload;
  /** Settings by key, the last `set` winning; an `unset` removes. */
  sets: Map<string, FortiPayload>;
  blocks: FortiBlock[];
}

export interface FortiBlock {
  path: string;
  head: FortiPayload;
  close?: FortiPayload;
  entries: FortiEntry[];
  /** `set` lines directly in the block (tables without `edit`, like `config system global`). */
  own: FortiEntry;
}

class FortiosParser extends EmbeddedActionsParser {
  constructor() {
    super(allTokens, { recoveryEnabled: false, maxLookahead: 1, skipValidations: true });
    this.performSelfAnalysis();
  }

  public file = this.RULE('file', (): FortiBlock[] => {
    const out: FortiBlock[] = [];
    this.MANY(() => {
      const b = this.SUBRULE(this.block);
      this.ACTION(() => out.push(b));
    });
    return out;
  });

  private settings = this.RULE('settings', (into: FortiEntry): void => {
    this.OR([
      {
        ALT: () => {
          const t = this.CONSUME(Set);
          this.ACTION(() => into.sets.set((t.payload as FortiPayload).name, t.payload as FortiPayload));
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(Unset);
          this.ACTION(() => into.sets.delete((t.payload as FortiPayload).name));
        },
      },
      {
        ALT: () => {
          const b = this.SUBRULE(this.block);
          this.ACTION(() => into.blocks.push(b));
        },
      },
    ]);
  });

  private block = this.RULE('block', (): FortiBlock => {
    const h: IToken = this.CONSUME(Config);
    const head = h.payload as FortiPayload;
    const b: FortiBlock = { path: head?.name, head, entries: [], own: { name: '', head, sets: new Map(), blocks: [] } };
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.settings, { ARGS: [b.own] }) },
        {
          ALT: () => {
            const e = this.SUBRULE(this.entry);
            this.ACTION(() => b.entries.push(e));
          },
        },
      ]);
    });
    const end: IToken = this.CONSUME(End);
    this.ACTION(() => (b.close = end.payload as FortiPayload));
    return b;
  });

  private entry = this.RULE('entry', (): FortiEntry => {
    const h: IToken = this.CONSUME(Edit);
    const head = h.payload as FortiPayload;
    const e: FortiEntry = { name: head?.name, head, sets: new Map(), blocks: [] };
    this.MANY(() => this.SUBRULE(this.settings, { ARGS: [e] }));
    const n: IToken = this.CONSUME(Next);
    this.ACTION(() => (e.close = n.payload as FortiPayload));
    return e;
  });
}

let shared: FortiosParser | undefined;

/** The top-level blocks of a token vector; null when the grammar rejects it. */
export function parseFortiosTokens(tokens: IToken[]): FortiBlock[] | null {
  shared ??= new FortiosParser();
  return feedParser(shared, tokens, (p) => p.file());
}
