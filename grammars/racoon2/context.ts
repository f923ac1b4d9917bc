// Alibaba's context suffix `[{remote id:4}{ph1: 172.16.0.88[500] <=> 192.168.0.206[500], …}]` as
// its own small grammar: groups of `{key: value}`, then endpoints read from the values. Only the
// few lines that carry a suffix pay for this lexer.
import { createToken, EmbeddedActionsParser, Lexer } from '../chevrotain.js';
import type { Endpoint } from '../../src/types.js';

const LCurly = createToken({ name: 'LCurly', pattern: /\{/ });
const RCurly = createToken({ name: 'RCurly', pattern: /\}/ });
const GroupText = createToken({ name: 'GroupText', pattern: /[^{}]+/ });
const contextTokens = [LCurly, RCurly, GroupText];
const contextLexer = new Lexer(contextTokens, { positionTracking: 'onlyOffset', ensureOptimizations: false });

class ContextParser extends EmbeddedActionsParser {
  constructor() {
    super(contextTokens, { recoveryEnabled: false });
    this.performSelfAnalysis();
  }

  public groups = this.RULE('groups', (): string[] => {
    const out: string[] = [];
    this.MANY(() => {
      this.CONSUME(LCurly);
      let text = '';
      this.OPTION(() => {
        text = this.CONSUME(GroupText).image;
      });
      this.CONSUME(RCurly);
      this.ACTION(() => out.push(text));
    });
    return out;
  });
}

let parser: ContextParser | undefined;

export interface ParsedContext {
  groups: Record<string, string>;
  local?: Endpoint;
  remote?: Endpoint;
}

const ENDPOINT_PAIR = /^\s*([0-9A-Fa-f.:]+)\[(\d+)\]\s*<=>\s*([0-9A-Fa-f.:]+)\[(\d+)\]/;

/** Parses `[{…}{…}]`; returns null when the text is not a well-formed context suffix. */
export function parseContextSuffix(text: string): ParsedContext | null {
  const inner = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const lexed = contextLexer.tokenize(inner);
  if (lexed.errors.length > 0) return null;
  parser ??= new ContextParser();
  parser.input = lexed.tokens;
  const groups = parser.groups();
  if (parser.errors.length > 0) return null;
  const out: ParsedContext = { groups: {} };
  for (const g of groups) {
    const colon = g.indexOf(':');
    const key = (colon < 0 ? g : g.slice(0, colon)).trim();
    const value = colon < 0 ? '' : g.slice(colon + 1).trim();
    if (!key) continue;
    out.groups[key] = value;
    const m = ENDPOINT_PAIR.exec(value);
    if (m && !out.local) {
      out.local = { ip: m[1]!, port: Number(m[2]) };
      out.remote = { ip: m[3]!, port: Number(m[4]) };
    }
  }
  return out;
}
