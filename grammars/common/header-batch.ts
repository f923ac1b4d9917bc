// The batch step every dialect shares: tokenize each header line (a line that does not tokenize
// is a failure of its own), parse all token vectors in one parser call, and fall back to line by
// line when the parser rejects the batch, so one bad line never costs the others. Never throws.
import type { HeaderFailure, HeaderLine, ParseContext } from '../../src/parse/dialect.js';
import type { LogRecord } from '../../src/types.js';
import type { IToken } from '../chevrotain.js';

export interface LineGrammar<H> {
  /** Names the dialect in failure messages ("racoon2 header: …"). */
  label: string;
  /** Appends one line's tokens; returns why the line does not fit, or null. */
  tokenize(text: string, base: number, out: IToken[]): string | null;
  /**
   * Parses the token vector of `lines` (the lines that tokenized, in order); null when the grammar
   * rejects it. A grammar that builds records in its actions reads the lines and the context.
   */
  parse(tokens: IToken[], lines: readonly HeaderLine[], ctx: ParseContext): H[] | null;
  toRecord(header: H, line: HeaderLine, ctx: ParseContext): LogRecord;
}

function failure(label: string, l: HeaderLine, why: string): HeaderFailure {
  return { line: l.line, text: l.text, code: 'E_HEADER_INVALID', message: `${label} header: ${why}` };
}

function oneByOne<H>(g: LineGrammar<H>, lines: HeaderLine[], ctx: ParseContext): (LogRecord | HeaderFailure)[] {
  return lines.map((l) => {
    const tokens: IToken[] = [];
    const why = g.tokenize(l.text, 0, tokens);
    const parsed = why ? null : g.parse(tokens, [l], ctx);
    if (!parsed || parsed.length !== 1) return failure(g.label, l, why ?? 'grammar rejected the line');
    return g.toRecord(parsed[0]!, l, ctx);
  });
}

/** Lines per parser call: Chevrotain's performance guide keeps token vectors short. */
const CHUNK = 100;

export function parseHeaderBatch<H>(g: LineGrammar<H>, lines: HeaderLine[], ctx: ParseContext): (LogRecord | HeaderFailure)[] {
  if (lines.length <= CHUNK) return parseChunk(g, lines, ctx);
  const out: (LogRecord | HeaderFailure)[] = [];
  for (let c = 0; c < lines.length; c += CHUNK) for (const r of parseChunk(g, lines.slice(c, c + CHUNK), ctx)) out.push(r);
  return out;
}

function parseChunk<H>(g: LineGrammar<H>, lines: HeaderLine[], ctx: ParseContext): (LogRecord | HeaderFailure)[] {
  try {
    const tokens: IToken[] = [];
    const failures = new Map<number, HeaderFailure>();
    const tokenized: HeaderLine[] = [];
    lines.forEach((l, i) => {
      const why = g.tokenize(l.text, 0, tokens);
      if (why) failures.set(i, failure(g.label, l, why));
      else tokenized.push(l);
    });
    const parsed = g.parse(tokens, tokenized, ctx);
    if (!parsed || parsed.length !== tokenized.length) return oneByOne(g, lines, ctx);
    if (failures.size === 0) return parsed.map((h, i) => g.toRecord(h, lines[i]!, ctx));
    let k = 0;
    return lines.map((l, i) => failures.get(i) ?? g.toRecord(parsed[k++]!, l, ctx));
  } catch (e) {
    return lines.map((l) => failure(g.label, l, (e as Error).message));
  }
}
