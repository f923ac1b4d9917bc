// The strongSwan (charon) dialect of the customer's device: sniff → tokenize → parse → records
// (side `peer`), and the catalogue pass that turns a record's message into a typed event.
import { parseHeaderBatch, type LineGrammar } from '../common/header-batch.js';
import type { Dialect, HeaderFailure, HeaderLine, ParseContext } from '../../src/parse/dialect.js';
import type { LogRecord } from '../../src/types.js';
import { levelFromEvent, runCatalog, stampOwnAuth } from '../peer-common/catalog-kit.js';
import { isFailureEvent } from '../peer-common/events.js';
import { maskLine, maskSecrets, redactContinuation } from '../peer-common/secrets.js';
import { SessionTracker } from '../peer-common/session-state.js';
import { stampEnd, syslogProgram } from '../peer-common/sniff.js';
import { stampToEpochMs } from '../peer-common/time.js';
import { STRONGSWAN_CATALOG } from './catalog.js';
import { parseTokenVector, type RawHeader } from './parser.js';
import { PROGRAMS, isBareCharonMessage, isStatusLine, isThreadAt, tokenizeLine } from './tokens.js';

export const STRONGSWAN = 'strongswan';

function toRecord(h: RawHeader, line: HeaderLine, ctx: ParseContext): LogRecord {
  const rec: LogRecord = {
    source: ctx.source,
    line: line.line,
    endLine: line.line,
    side: 'peer',
    dialect: STRONGSWAN,
    text: line.text,
    level: h.thread?.level !== undefined && h.thread.level >= 2 ? 'debug' : 'info',
    message: h.message,
    continuationLines: 0,
  };
  if (h.stamp) {
    rec.localTime = h.stamp.text;
    const ms = stampToEpochMs(h.stamp.parts, ctx);
    if (ms !== undefined) rec.timeMs = ms;
  }
  const context: Record<string, string> = {};
  if (h.program) {
    context['program'] = h.program.name;
    if (h.program.host) context['host'] = h.program.host;
    if (h.program.pid) context['pid'] = h.program.pid;
  }
  if (h.thread) {
    rec.tag = h.thread.group;
    if (h.thread.thread) context['thread'] = h.thread.thread;
  }
  if (h.status) rec.tag = 'status';
  if (Object.keys(context).length > 0) rec.context = context;
  if (h.ikeSa) {
    rec.session = h.ikeSa.id;
    if (h.ikeSa.name) rec.connName = h.ikeSa.name;
  }
  const masked = maskSecrets(rec.message);
  if (masked.changed) {
    rec.text = maskLine(rec.text, rec.message, masked.text);
    rec.message = masked.text;
  }
  if (masked.secret) rec.secret = true;
  return rec;
}

const GRAMMAR: LineGrammar<RawHeader> = { label: 'strongSwan', tokenize: tokenizeLine, parse: parseTokenVector, toRecord };

/** A strongSwan dialect with its own session memory (one per analysis keeps runs independent). */
export function createStrongswanDialect(): Dialect {
  const tracker = new SessionTracker();
  return {
    name: STRONGSWAN,
    title: 'strongSwan charon',
    side: 'peer',
    sniff(line: string): boolean {
      let i = stampEnd(line);
      if (i > 0) {
        if (line.charCodeAt(i) !== 32) return false;
        while (line.charCodeAt(i) === 32) i++;
      }
      if (isThreadAt(line, i)) return true;
      const prog = syslogProgram(line, i);
      if (prog !== undefined && (PROGRAMS.has(prog) || prog.startsWith('charon-'))) return true;
      // Another program whose message is a charon thread line (`ipsec[915]: 07[IKE] …`).
      if (prog !== undefined && isThreadAt(line, line.indexOf(': ', i) + 2)) return true;
      if (i === 0 && isStatusLine(line)) return true;
      // A bare charon message (`ipsec up` output), also behind another program's prefix.
      const colon = prog !== undefined && line.charCodeAt(line.indexOf(': ', i) - 1) === 93 ? line.indexOf(': ', i) : -1;
      if (colon > 0) return isBareCharonMessage(line.slice(colon + 2));
      // Leading blanks of a pasted message (` no private key found …`): only before a catalogued message.
      return isBareCharonMessage(line.slice(i)) || (i === 0 && /^[ \t]{1,8}\S/.test(line) && isBareCharonMessage(line.trimStart()));
    },
    parseHeaders(lines: HeaderLine[], ctx: ParseContext): (LogRecord | HeaderFailure)[] {
      return parseHeaderBatch(GRAMMAR, lines, ctx);
    },
    classify(rec: LogRecord): void {
      try {
        if (rec.tag === 'status') return;
        const st = tracker.session(rec);
        const messages = st.messages;
        runCatalog(STRONGSWAN_CATALOG, rec.message.trimStart(), {
          rec,
          st,
          conn: () => tracker.connection(rec),
          restart: () => tracker.restart(rec),
        });
        if (!rec.ikeVersion && st.ikeVersion) rec.ikeVersion = st.ikeVersion;
        // A refusal on its own line: the notify the next message carries is that refusal's.
        if (st.messages === messages && isFailureEvent(rec.event)) st.failedSinceMessage = true;
        stampOwnAuth(rec, st.ownAuth);
        levelFromEvent(rec);
      } catch {
        // A catalogue bug must not lose the record: it stays, without an event.
      }
    },
    redactSecrets: redactContinuation,
  };
}

/** The shared instance the pipeline registers. */
export const strongswanDialect: Dialect = createStrongswanDialect();
