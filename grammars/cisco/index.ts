// The Cisco dialect of the customer's device: ASA syslog (`%ASA-n-713xxx`/`750xxx`, with or
// without syslog framing, and the `[IKEv1 DEBUG]` console debug) and IOS / IOS-XE `debug crypto
// isakmp|ipsec|ikev2` output with the `%CRYPTO-…`/`%IKEV2-…` syslog → records (side `peer`), and
// the catalogue pass that turns each into a typed event. Auto-detected per line; registered after
// FortiGate.
import { parseHeaderBatch, type LineGrammar } from '../common/header-batch.js';
import type { Dialect, HeaderFailure, HeaderLine, ParseContext } from '../../src/parse/dialect.js';
import type { LogRecord } from '../../src/types.js';
import { levelFromEvent, runCatalog } from '../peer-common/catalog-kit.js';
import { SessionTracker } from '../peer-common/session-state.js';
import { stampToEpochMs } from '../peer-common/time.js';
import { ASA_CATALOG } from './catalog-asa.js';
import { IOS_CATALOG } from './catalog-ios.js';
import { IKEV2_CATALOG } from './catalog-v2.js';
import type { CiscoContext } from './hooks.js';
import { dumpLine } from './hooks-v2.js';
import { parseTokenVector, type RawHeader } from './parser.js';
import { peerOf } from './peer.js';
import { maskCisco } from './secrets.js';
import { showLine } from './show.js';
import { CiscoSources, ciscoPeer } from './state.js';
import { sniffLine, tokenizeLine } from './tokens.js';
import { blockSeen, feedAttribute } from './transforms.js';

export const CISCO = 'cisco';

/** ASA IKEv2 (750xxx) `Local:a:p Remote:b:p Username:u ` in front of the text: the endpoints. */
const ASA_V2 = /^Local:(\S+?):(\d+) Remote:(\S+?):(\d+) Username:\S+ /;

function toRecord(h: RawHeader, line: HeaderLine, ctx: ParseContext): LogRecord {
  const rec: LogRecord = { source: ctx.source, line: line.line, endLine: line.line, side: 'peer', dialect: CISCO, text: line.text, level: 'info', message: h.body, continuationLines: 0 };
  if (h.kind === 'noise') {
    rec.tag = 'noise';
    rec.level = 'debug';
  }
  if (h.kind === 'dump') rec.level = 'debug';
  if (h.stamp) {
    rec.localTime = h.stamp.text;
    const ms = stampToEpochMs(h.stamp.parts, ctx);
    if (ms !== undefined) rec.timeMs = ms;
  }
  const p = h.prefix;
  if (p) {
    const context: Record<string, string> = { family: p.kind };
    if (p.id) context['id'] = p.id;
    if (p.facility && p.kind === 'ios-syslog') context['facility'] = p.facility;
    if (p.peer) context['peer'] = p.peer;
    if (p.group) context['group'] = p.group;
    if (p.conn !== undefined) context['conn'] = p.conn;
    if (p.version) rec.ikeVersion = p.version;
    const v2 = p.kind === 'asa' ? ASA_V2.exec(rec.message) : null;
    if (v2) {
      rec.local = { ip: v2[1]!, port: Number(v2[2]) };
      rec.remote = { ip: v2[3]!, port: Number(v2[4]) };
      rec.message = rec.message.slice(v2[0].length);
    }
    rec.context = context;
  }
  if (h.kind === 'show' || h.kind === 'dump') rec.context = { family: h.kind };
  const masked = maskCisco(rec.message);
  if (masked.text !== rec.message) {
    const at = rec.text.lastIndexOf(rec.message);
    rec.text = at >= 0 ? `${rec.text.slice(0, at)}${masked.text}${rec.text.slice(at + rec.message.length)}` : maskCisco(rec.text).text;
    rec.message = masked.text;
  }
  if (masked.secret) rec.secret = true;
  return rec;
}

/** A Cisco dialect with its own memory (peers, connection ids, configured proposals): one per analysis. */
export function createCiscoDialect(): Dialect {
  const tracker = new SessionTracker();
  const sources = new CiscoSources();
  const grammar: LineGrammar<RawHeader> = { label: 'Cisco', tokenize: tokenizeLine, parse: parseTokenVector, toRecord };

  const classify = (rec: LogRecord): void => {
    const family = rec.context?.['family'];
    const src = sources.of(rec);
    if (family === 'show') {
      showLine(rec, src);
      return;
    }
    const peer = peerOf(rec, src);
    if (peer) {
      rec.connName = peer;
      if (!rec.remote) rec.remote = { ip: peer };
    }
    const st = tracker.session({ source: rec.source, line: rec.line, session: peer ?? '-' } as LogRecord);
    const cx: CiscoContext = { rec, st, conn: () => tracker.connection(rec), restart: () => tracker.restart(rec), src };
    const p = ciscoPeer(st);
    // An ASA policy list ends at the first line that is not one of its `Proposal N:` lines.
    if (family !== 'dump') p.policies = undefined;
    if (family === 'dump') {
      dumpLine(rec.message, cx);
      return;
    }
    const msg = rec.message.trim();
    if (family === 'isakmp' && p.block && rec.context?.['conn'] === undefined) {
      const r = feedAttribute(p.block, msg);
      if (r !== undefined) {
        rec.phase = p.block.phase;
        rec.level = 'debug';
        if (r === 'transform') {
          const { seen, vars } = blockSeen(p.block);
          st.received = seen;
          rec.event = { type: 'proposal-received', vars };
        }
        return;
      }
    }
    if (family === 'asa') runCatalog(ASA_CATALOG, msg, cx);
    else if (family === 'ikev2') runCatalog(IKEV2_CATALOG, msg, cx);
    else if (family === 'ios-syslog') runCatalog(IOS_CATALOG, `${rec.context?.['id'] ?? ''} ${msg}`, cx);
    else runCatalog(IOS_CATALOG, msg, cx);
    if (rec.level !== 'debug' && rec.level !== 'error') levelFromEvent(rec);
    else if (rec.level === 'error' && rec.event) levelFromEvent(rec);
  };

  return {
    name: CISCO,
    title: 'Cisco (ASA syslog, IOS debug crypto)',
    side: 'peer',
    sniff: sniffLine,
    parseHeaders(lines: HeaderLine[], ctx: ParseContext): (LogRecord | HeaderFailure)[] {
      return parseHeaderBatch(grammar, lines, ctx);
    },
    classify(rec: LogRecord): void {
      try {
        if (rec.tag === 'noise') return;
        classify(rec);
      } catch {
        // A catalogue bug must not lose the record: it stays, without an event.
      }
    },
    // IOS folds what a message lists under it (ID payload fields, proxies, policy attributes,
    // packet dumps) as indented lines: those continue the record; anything else is reported.
    // IOS debug blocks go on in `name= value,` lines (`src_proxy= …`, `lifedur= 3600s and 4608000kb,`).
    continues: (text: string) => /^[ \t]/.test(text) || /^\(key eng\. msg\.\)|^\{[^}]*\}\s*$|^[a-z][a-z_]*= \S/.test(text),
    redactSecrets(rec: LogRecord): void {
      if (rec.secret) {
        rec.continuation = undefined;
        return;
      }
      if (!rec.continuation) return;
      rec.continuation = rec.continuation.map((c) => {
        const m = maskCisco(c);
        if (m.secret) rec.secret = true;
        return m.text;
      });
      if (rec.secret) rec.continuation = undefined;
    },
  };
}

/** The shared instance tests use. */
export const ciscoDialect: Dialect = createCiscoDialect();
