// The Huawei / H3C dialect of the customer's device: VRP (USG firewalls, AR routers) and Comware
// information-center messages of the IKE and IPSEC modules — from `display logbuffer`, a syslog
// server (RFC 3164 / 5424 framing) or a bare paste — and the `display ike error-info` /
// `display ike offline-info` tables → records (side `peer`), and the catalogue pass that turns each
// into a typed event. Auto-detected per line; registered last.
import { parseHeaderBatch, type LineGrammar } from '../common/header-batch.js';
import type { Dialect, HeaderFailure, HeaderLine, ParseContext } from '../../src/parse/dialect.js';
import type { LogRecord } from '../../src/types.js';
import type { ScannedStamp } from '../peer-common/time.js';
import { stampToEpochMs } from '../peer-common/time.js';
import { classifyComware } from './comware-catalog.js';
import { isFoldedFields, isFoldedInfo } from './fields.js';
import { TUNNEL_MODULES } from './frame.js';
import { parseTokenVector, type RawHeader } from './parser.js';
import { maskHuawei } from './secrets.js';
import { HuaweiState } from './state.js';
import { classifyRow, classifyVrp } from './vrp-catalog.js';
import { sniffLine, tokenizeLine } from './tokens.js';

export const HUAWEI = 'huawei';

function stampRecord(rec: LogRecord, stamp: ScannedStamp | undefined, ctx: ParseContext): void {
  if (!stamp) return;
  rec.localTime = stamp.text.replace(/^[%*]/, '');
  const ms = stampToEpochMs(stamp.parts, ctx);
  if (ms !== undefined) rec.timeMs = ms;
}

function toRecord(h: RawHeader, line: HeaderLine, ctx: ParseContext): LogRecord {
  const rec: LogRecord = { source: ctx.source, line: line.line, endLine: line.line, side: 'peer', dialect: HUAWEI, text: line.text, level: 'debug', message: h.body, continuationLines: 0 };
  if (h.kind === 'noise') rec.tag = 'noise';
  if (h.kind === 'row' && h.row) {
    rec.level = 'info';
    const row = h.row;
    rec.context = { format: 'table', reason: row.reason };
    if (row.flow) rec.context['flow'] = row.flow;
    rec.remote = row.port ? { ip: row.peer, port: row.port } : { ip: row.peer };
    if (row.version) rec.ikeVersion = row.version;
    stampRecord(rec, row.stamp, ctx);
  }
  if (h.kind === 'message' && h.frame) {
    const fr = h.frame;
    // Another module's message (a whole log buffer pasted) is kept quietly: it is not the tunnel's.
    rec.level = !TUNNEL_MODULES.test(fr.tag.module) ? 'debug' : fr.tag.severity <= 3 ? 'error' : fr.tag.severity <= 4 ? 'warn' : 'info';
    rec.context = { format: fr.vendor === 'h3c' ? 'comware' : 'vrp', vendor: fr.vendor, module: fr.tag.module, mnemonic: fr.tag.mnemonic, severity: String(fr.tag.severity) };
    if (fr.host) rec.context['host'] = fr.host;
    stampRecord(rec, fr.stamp, ctx);
  }
  // Whatever the line is, no key it echoes leaves the parser.
  const masked = maskHuawei(rec.text);
  if (masked.text !== rec.text) {
    rec.text = masked.text;
    rec.message = maskHuawei(rec.message).text;
  }
  if (masked.secret) rec.secret = true;
  return rec;
}

const grammar: LineGrammar<RawHeader> = { label: 'Huawei/H3C', tokenize: tokenizeLine, parse: parseTokenVector, toRecord };

/** A Huawei / H3C dialect with its own memory (IKE SA up per source): one per analysis. */
export function createHuaweiDialect(): Dialect {
  const state = new HuaweiState();
  return {
    name: HUAWEI,
    title: 'Huawei / H3C (IPsec logs, display ike error-info)',
    side: 'peer',
    sniff: sniffLine,
    parseHeaders(lines: HeaderLine[], ctx: ParseContext): (LogRecord | HeaderFailure)[] {
      return parseHeaderBatch(grammar, lines, ctx);
    },
    classify(rec: LogRecord): void {
      try {
        const cx = rec.context;
        if (rec.tag === 'noise' || !cx) return;
        if (cx['format'] === 'table') {
          classifyRow(rec, cx['reason'] ?? '', cx['flow'], state);
          return;
        }
        if (!TUNNEL_MODULES.test(cx['module'] ?? '')) return;
        if (cx['format'] === 'comware') classifyComware(rec, cx['module']!, cx['mnemonic'] ?? '', state);
        else classifyVrp(rec, cx['mnemonic'] ?? '', state);
      } catch {
        // A catalogue bug must not lose the record: it stays, without an event.
      }
    },
    redactSecrets(rec: LogRecord): void {
      if (!rec.continuation) return;
      rec.continuation = rec.continuation.map((c) => {
        const m = maskHuawei(c);
        if (m.secret) rec.secret = true;
        return m.text;
      });
    },
    // Only the folded lines of a message (an SA information block, a wrapped field list) continue
    // a record; any other line without a header is reported.
    continues: (text: string) => isFoldedInfo(text) || isFoldedFields(text),
  };
}

/** The shared instance tests use. */
export const huaweiDialect: Dialect = createHuaweiDialect();
