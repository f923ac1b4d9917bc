// The ipsec.conf grammar over the tokenizer's lines: `file := (section | Include | Version)*`,
// `section := Header Setting*`.
import { EmbeddedActionsParser, type IToken } from '../../chevrotain.js';
import { feedParser } from '../../common/feed-parser.js';
import { allTokens, Header, Include, Setting, Version, type HeaderPayload, type IncludePayload, type SettingPayload } from './tokens.js';

export interface ConfSection {
  head: HeaderPayload;
  settings: SettingPayload[];
}

export interface ConfFile {
  sections: ConfSection[];
  includes: IncludePayload[];
}

class IpsecConfParser extends EmbeddedActionsParser {
  constructor() {
    super(allTokens, { recoveryEnabled: false, maxLookahead: 1, skipValidations: true });
    this.performSelfAnalysis();
  }

  public file = this.RULE('file', (): ConfFile => {
    const out: ConfFile = { sections: [], includes: [] };
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            const s = this.SUBRULE(this.section);
            this.ACTION(() => out.sections.push(s));
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(Include);
            this.ACTION(() => out.includes.push(t.payload as IncludePayload));
          },
        },
        { ALT: () => this.CONSUME(Version) },
      ]);
    });
    return out;
  });

  private section = this.RULE('section', (): ConfSection => {
    const h: IToken = this.CONSUME(Header);
    const sec: ConfSection = { head: h.payload as HeaderPayload, settings: [] };
    this.MANY(() => {
      const t = this.CONSUME(Setting);
      this.ACTION(() => sec.settings.push(t.payload as SettingPayload));
    });
    return sec;
  });
}

let shared: IpsecConfParser | undefined;

/** The sections of a token vector; null when the grammar rejects it. */
export function parseIpsecConfTokens(tokens: IToken[]): ConfFile | null {
  shared ??= new IpsecConfParser();
  return feedParser(shared, tokens, (p) => p.file());
}
