// The Azure VPN Gateway dialect of the other end (side `peer`): the gateway's IKE diagnostic log
// (Log Analytics `IKEDiagnosticLog`, Network Watcher's IKElogs.txt), Network Watcher's IKEErrors.txt
// summaries and its wfpdiag trace — and the catalogue pass that turns them into typed events
// (docs/azure.md).
import { parseHeaderBatch, type LineGrammar } from '../common/header-batch.js';
import { framedRecord, parseFramedLines, type FramedHeader } from '../common/framed-line.js';
import type { Dialect, HeaderFailure, HeaderLine, ParseContext } from '../../src/parse/dialect.js';
import type { LogRecord } from '../../src/types.js';
import { classifyAzure, newAzureState } from './catalog.js';
import { sniffLine, tokenizeLine, type AzureFrame } from './tokens.js';

export const AZURE = 'azure';

type RawHeader = FramedHeader<AzureFrame>;

/** The frame of each record, for the catalogue (a record has no field of its own for it). */
const frames = new WeakMap<LogRecord, AzureFrame>();

function toRecord(h: RawHeader, line: HeaderLine, ctx: ParseContext): LogRecord {
  const rec = framedRecord(h, line, ctx, AZURE);
  rec.context = { shape: h.frame.shape };
  frames.set(rec, h.frame);
  return rec;
}

const GRAMMAR: LineGrammar<RawHeader> = { label: 'Azure VPN gateway', tokenize: tokenizeLine, parse: (tokens) => parseFramedLines<AzureFrame>(tokens), toRecord };

/** A dialect instance per parse run: the catalogue keeps the exchange under way in each input. */
export function createAzureDialect(): Dialect {
  const state = newAzureState();
  return {
  name: AZURE,
  title: 'Azure VPN Gateway (IKE diagnostic log, Network Watcher)',
  side: 'peer',
  sniff: sniffLine,
  parseHeaders(lines: HeaderLine[], ctx: ParseContext): (LogRecord | HeaderFailure)[] {
    return parseHeaderBatch(GRAMMAR, lines, ctx);
  },
  classify(rec: LogRecord): void {
    try {
      classifyAzure(rec, frames.get(rec), state);
    } catch {
      // A catalogue bug must not lose the record: it stays, without an event.
    }
  },
  // IKEErrors.txt's indented `based on log : …` detail belongs to the summary above it.
  continues: (text) => /^\s/.test(text) || text.trim() === '',
  };
}
