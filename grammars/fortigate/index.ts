// The FortiGate dialect of the customer's device: `diagnose debug application ike -1` output and
// the VPN event log (key=value, syslog-framed, CSV) → records (side `peer`), and the catalogue pass
// that turns each into a typed event. Auto-detected per line; registered after the other dialects.
import { parseHeaderBatch, type LineGrammar } from '../common/header-batch.js';
import type { Dialect, HeaderFailure, HeaderLine, ParseContext } from '../../src/parse/dialect.js';
import type { LogRecord } from '../../src/types.js';
import { levelFromEvent, runCatalog, type MatchContext } from '../peer-common/catalog-kit.js';
import { SessionTracker } from '../peer-common/session-state.js';
import { scanIsoStamp, stampToEpochMs } from '../peer-common/time.js';
import { FORTIGATE_CATALOG } from './catalog.js';
import { blockLine } from './catalog-hooks.js';
import { classifyEventLog } from './event-catalog.js';
import { KEPT_FIELDS, csvFields, parseKv, splitCsv } from './event-log.js';
import { parseTokenVector, type RawHeader } from './parser.js';
import { maskFortigate } from './secrets.js';
import { sniffLine, tokenizeLine } from './tokens.js';

export const FORTIGATE = 'fortigate';

/** Event-log time: `date` + `time` (+ `tz="+0800"`), else `eventtime` (s, ms, µs or ns since the epoch). */
function eventTime(f: Record<string, string>, rec: LogRecord, ctx: ParseContext): void {
  if (f['date'] && f['time']) {
    const tz = /^([+-])(\d\d):?(\d\d)$/.exec(f['tz'] ?? '');
    const text = `${f['date']} ${f['time']}`;
    const st = scanIsoStamp(`${f['date']}T${f['time']}${tz ? `${tz[1]}${tz[2]}:${tz[3]}` : ''}`);
    if (st) {
      rec.localTime = text;
      const ms = stampToEpochMs(st.parts, ctx);
      if (ms !== undefined) rec.timeMs = ms;
      return;
    }
  }
  const et = f['eventtime'];
  if (et && /^\d{10,19}$/.test(et)) {
    const n = Number(et.slice(0, 13).padEnd(13, '0'));
    rec.timeMs = n;
    rec.localTime = new Date(n).toISOString();
  }
}

function endpoint(ip: string | undefined, port: string | undefined): { ip: string; port?: number } | undefined {
  if (!ip || !/^[\d.]+$|:/.test(ip) || ip === 'N/A') return undefined;
  const p = Number(port);
  return Number.isInteger(p) && p > 0 ? { ip, port: p } : { ip };
}

function fromFields(rec: LogRecord, f: Record<string, string>, ctx: ParseContext): void {
  eventTime(f, rec, ctx);
  const context: Record<string, string> = { format: 'event-log' };
  for (const k of KEPT_FIELDS) if (f[k] !== undefined && f[k] !== '') context[k] = f[k]!;
  rec.context = context;
  rec.message = f['msg'] ?? f['logdesc'] ?? '';
  if (f['vpntunnel'] && f['vpntunnel'] !== 'N/A') rec.connName = f['vpntunnel'];
  const remote = endpoint(f['remip'], f['remport']);
  const local = endpoint(f['locip'], f['locport']);
  if (remote) rec.remote = remote;
  if (local) rec.local = local;
}

/** A FortiGate dialect with its own memory (sessions, CSV columns): one per analysis. */
export function createFortigateDialect(): Dialect {
  const tracker = new SessionTracker();
  const columns = new Map<string, string[]>();
  // `ike 0: IKEv2 exchange=…` names the version before the line naming the SA: per source, the last one.
  const lastVersion = new Map<string, 1 | 2>();

  const toRecord = (h: RawHeader, line: HeaderLine, ctx: ParseContext): LogRecord => {
    const rec: LogRecord = { source: ctx.source, line: line.line, endLine: line.line, side: 'peer', dialect: FORTIGATE, text: line.text, level: 'debug', message: h.body, continuationLines: 0 };
    if (h.kind === 'noise') rec.tag = 'noise';
    if (h.kind === 'csv-header') {
      columns.set(ctx.source, splitCsv(h.body).map((c) => c.trim().toLowerCase()));
      rec.tag = 'noise';
    }
    if (h.kind === 'event' || h.kind === 'csv-row') {
      rec.level = 'info';
      fromFields(rec, h.kind === 'event' ? parseKv(h.body) : csvFields(h.body, columns.get(ctx.source)), ctx);
    }
    if (h.kind === 'debug') {
      rec.level = 'info';
      if (h.stamp) {
        rec.localTime = h.stamp.text;
        const ms = stampToEpochMs(h.stamp.parts, ctx);
        if (ms !== undefined) rec.timeMs = ms;
      }
      const p = h.prefix;
      const context: Record<string, string> = {};
      if (p?.vdom) context['vdom'] = p.vdom;
      if (p?.phase2) context['phase2'] = p.phase2;
      if (p?.errorEcho) context['errorEcho'] = p.errorEcho;
      if (Object.keys(context).length > 0) rec.context = context;
      if (p?.gateway) rec.connName = p.gateway;
      if (p?.serial) rec.session = p.serial;
    }
    const masked = maskFortigate(rec.message);
    if (masked.text !== rec.message) {
      const at = rec.text.lastIndexOf(rec.message);
      rec.text = at >= 0 ? `${rec.text.slice(0, at)}${masked.text}${rec.text.slice(at + rec.message.length)}` : maskFortigate(rec.text).text;
      rec.message = masked.text;
    }
    if (masked.secret) rec.secret = true;
    if (h.kind !== 'debug') {
      // The quoted line of an event record may hold more than its message (a psksecret echo, keys).
      const whole = maskFortigate(rec.text);
      if (whole.text !== rec.text) rec.text = whole.text;
    }
    return rec;
  };

  const grammar: LineGrammar<RawHeader> = { label: 'FortiGate', tokenize: tokenizeLine, parse: parseTokenVector, toRecord };

  return {
    name: FORTIGATE,
    title: 'FortiGate (ike debug, VPN event log)',
    side: 'peer',
    sniff: sniffLine,
    parseHeaders(lines: HeaderLine[], ctx: ParseContext): (LogRecord | HeaderFailure)[] {
      return parseHeaderBatch(grammar, lines, ctx);
    },
    classify(rec: LogRecord): void {
      try {
        if (rec.tag === 'noise') return;
        if (rec.context?.['format'] === 'event-log') {
          const r = classifyEventLog(rec.context);
          if (r.phase) rec.phase = r.phase;
          if (r.event) rec.event = r.event;
          if (r.level) rec.level = r.level;
          return;
        }
        const st = tracker.session(rec);
        const cx: MatchContext = { rec, st, conn: () => tracker.connection(rec), restart: () => tracker.restart(rec) };
        const msg = rec.message.trim();
        if (!blockLine(msg, cx)) runCatalog(FORTIGATE_CATALOG, msg, cx);
        if (rec.ikeVersion) lastVersion.set(rec.source, rec.ikeVersion);
        else {
          const v = st.ikeVersion ?? lastVersion.get(rec.source);
          if (v) rec.ikeVersion = v;
        }
        if (rec.level !== 'debug') levelFromEvent(rec);
      } catch {
        // A catalogue bug must not lose the record: it stays, without an event.
      }
    },
    // Debug output has no continuation lines of its own: a line no shape claims is reported.
    continues: () => false,
  };
}

/** The shared instance tests use. */
export const fortigateDialect: Dialect = createFortigateDialect();
