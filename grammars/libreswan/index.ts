// The Libreswan (pluto) dialect of the customer's device: sniff → tokenize → parse → records (side
// `peer`), and the catalogue pass that turns a record's message into a typed event.
import { parseHeaderBatch, type LineGrammar } from '../common/header-batch.js';
import type { Dialect, HeaderFailure, HeaderLine, ParseContext } from '../../src/parse/dialect.js';
import type { LogRecord } from '../../src/types.js';
import { levelFromEvent, runCatalog, stampOwnAuth, type MatchContext } from '../peer-common/catalog-kit.js';
import { parseColonEndpoint } from '../peer-common/endpoints.js';
import { maskLine, maskSecrets, redactContinuation } from '../peer-common/secrets.js';
import { SessionTracker } from '../peer-common/session-state.js';
import { PLUTO_CONSOLE_LEVEL, stampEnd, syslogProgram } from '../peer-common/sniff.js';
import { stampToEpochMs } from '../peer-common/time.js';
import { LIBRESWAN_CATALOG } from './catalog.js';
import { ESTABLISHED_STATE, applyState } from './catalog-hooks.js';
import { parseTokenVector, type RawHeader } from './parser.js';
import { BARE_MESSAGE, CONNECTION_SNIFF, PROGRAMS, SERIAL_ONLY, WHACK_SNIFF, tokenizeLine } from './tokens.js';

/** racoon's level after its stamp, behind the peer's address on some lines. */
const RACOON_LEVEL = /^(?:\[[^\]\s]{1,60}\] )?(?:INFO|ERROR|WARNING|NOTIFY|DEBUG2?|CRITICAL): /;

/** What a Cisco router's line starts with after its time: a syslog tag or a debug prefix (pluto never does). */
const CISCO_LEAD = /^(?:%[A-Z]|ISAKMP[:( -]|IPSEC\(|IKEv2[-:(]|IKEV2[-:]|CRYPTO[-_]|crypto_engine)/;

export const LIBRESWAN = 'libreswan';

/** `STATE_MAIN_I1: ` / `IKE_SA_INIT_I: ` in front of a message (Libreswan ≤ 4 puts the state there). */
const STATE_PREFIX = /^((?:STATE_)?[A-Z][A-Z0-9_]*_[IR]\d*|STATE_[A-Z0-9_]+): /;

function toRecord(h: RawHeader, line: HeaderLine, ctx: ParseContext): LogRecord {
  const rec: LogRecord = {
    source: ctx.source,
    line: line.line,
    endLine: line.line,
    side: 'peer',
    dialect: LIBRESWAN,
    text: line.text,
    level: h.debug ? 'debug' : 'info',
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
  if (h.whack) context['whack'] = h.whack;
  if (h.debug) rec.tag = 'debug';
  if (h.connection) {
    // `conn/1x2`: the instance a `leftsubnets=`/`rightsubnets=` connection makes for one pair of
    // subnets. They share one ISAKMP/IKE SA and are one connection to the other end.
    const pair = SUBNET_PAIR.exec(h.connection.name);
    // A state number alone (`#3: …`, the name cut off) names no connection.
    if (h.connection.name !== '') rec.connName = pair ? pair[1]! : h.connection.name;
    if (pair) context['subnets'] = pair[2]!;
    if (h.connection.serial) rec.session = h.connection.serial;
    if (h.connection.instance) context['instance'] = h.connection.instance;
    const remote = parseColonEndpoint(h.connection.address);
    if (remote) rec.remote = remote;
  }
  if (h.packetFrom) {
    const remote = parseColonEndpoint(h.packetFrom);
    if (remote) rec.remote = remote;
  }
  if (Object.keys(context).length > 0) rec.context = context;
  // Debug dumps are recognised by their `|` lead, which the tokenizer split off the message.
  const masked = maskSecrets(h.debug ? `| ${rec.message}` : rec.message);
  if (masked.changed) {
    const text = h.debug ? masked.text.replace(/^\|\s?/, '') : masked.text;
    rec.text = maskLine(rec.text, rec.message, text);
    rec.message = text;
  }
  if (masked.secret) rec.secret = true;
  return rec;
}

const SUBNET_PAIR = /^(.+)\/(\d+x\d+)$/;
/**
 * Debug lines the catalogue reads: some 3.x releases log the refusal of an unknown peer only at
 * debug level, and Libreswan 4 answers a Child SA whose selectors it refuses with no other line
 * than the payload dump's notify type (`|    Notify Message Type: v2N_TS_UNACCEPTABLE`, libreswan#1109).
 */
const DEBUG_READ = /^(?:initial (?:parent SA|Main Mode|Aggressive Mode) message received .{0,120}but no connection has been authorized|\s*Notify Message Type: v2N_TS_UNACCEPTABLE\b)/;

const GRAMMAR: LineGrammar<RawHeader> = { label: 'Libreswan', tokenize: tokenizeLine, parse: parseTokenVector, toRecord };

/** A Libreswan dialect with its own session memory (one per analysis keeps runs independent). */
export function createLibreswanDialect(): Dialect {
  const tracker = new SessionTracker();
  return {
    name: LIBRESWAN,
    title: 'Libreswan pluto',
    side: 'peer',
    sniff(line: string): boolean {
      let i = stampEnd(line);
      if (i > 0) {
        // `stamp: LEVEL: ` and `stamp: [addr] LEVEL: ` are racoon's file log, not pluto's.
        // `stamp: %CRYPTO-4-…`, `stamp: ISAKMP:(1001):…` is a Cisco router's (its clock set, no `*`).
        if (line.charCodeAt(i) === 58) return line.charCodeAt(i + 1) === 32 && !RACOON_LEVEL.test(line.slice(i + 2, i + 72)) && !CISCO_LEAD.test(line.slice(i + 2, i + 14));
        if (line.charCodeAt(i) !== 32) return false;
        while (line.charCodeAt(i) === 32) i++;
        if (line.charCodeAt(i) === 34) return CONNECTION_SNIFF.test(line.slice(i, i + 200));
        const prog = syslogProgram(line, i);
        return prog !== undefined && PROGRAMS.has(prog);
      }
      const c = line.charCodeAt(0);
      if (c === 34) return CONNECTION_SNIFF.test(line);
      if (c === 35) return SERIAL_ONLY.test(line);
      // The console's `ERROR: "conn" #2: …` (Libreswan ≥ 4): a connection after the level, which racoon never writes.
      if ((c === 69 || c === 87) && PLUTO_CONSOLE_LEVEL.test(line)) return true;
      // `| …`: plutodebug output pasted without its stamps (a markdown table row ends in `|` too).
      if (c === 124) return line.charCodeAt(1) === 32 && !line.trimEnd().endsWith('|');
      if (c >= 48 && c <= 50) return WHACK_SNIFF.test(line);
      // `pluto[400]: …` without a stamp (`docker logs`, a journal view without times).
      if (c === 112 && line.startsWith('pluto') && syslogProgram(line, 0) === 'pluto') return true;
      return (c === 112 && line.startsWith('packet from ')) || (c === 83 && line.startsWith('Starting Pluto ')) || BARE_MESSAGE.test(line);
    },
    parseHeaders(lines: HeaderLine[], ctx: ParseContext): (LogRecord | HeaderFailure)[] {
      return parseHeaderBatch(GRAMMAR, lines, ctx);
    },
    classify(rec: LogRecord): void {
      try {
        // Debug lines (but DEBUG_READ's) and the start-up algorithm table (indented) carry no events.
        const debug = rec.tag === 'debug';
        if (debug ? !DEBUG_READ.test(rec.message) : rec.message.startsWith('  ')) return;
        // A dump's fields are indented under their payload.
        let msg = debug ? rec.message.trimStart() : rec.message;
        const sm = STATE_PREFIX.exec(msg);
        const state = sm?.[1];
        if (sm) msg = msg.slice(sm[0].length);
        const st = tracker.session(rec);
        const cx: MatchContext = { rec, st, conn: () => tracker.connection(rec), restart: () => tracker.restart(rec), versions: () => tracker.versions(rec), ...(state ? { state } : {}) };
        // The state prefix places the line (phase, version) before the hooks read it; a template's
        // own phase still wins.
        applyState(cx, state);
        // This SA's phase 1 shows in the log (its start, or a phase-1 state named in the prefix).
        if (state && /MAIN|AGGR|PARENT|IKE_SA_INIT|IKE_AUTH/.test(state)) st.begun = true;
        runCatalog(LIBRESWAN_CATALOG, msg, cx);
        if (rec.event?.type === 'p1-start' || rec.event?.type === 'p1-established') st.begun = true;
        if (state && rec.event) rec.event.vars['state'] ??= state;
        // A retransmission in the first initiator state: the other end never answered at all.
        const at = state ?? rec.event?.vars['state'];
        if (rec.event?.type === 'retransmit' && at && /(?:MAIN|AGGR|PARENT)_I1$|IKE_SA_INIT_I$/.test(at)) rec.event.vars['first'] = 'true';
        // ... in the state after the first encrypted message (main mode 5, IKE_AUTH): it was sent, never answered.
        if (rec.event?.type === 'retransmit' && at && /MAIN_I3$|PARENT_I2$|IKE_AUTH_I$/.test(at)) rec.event.vars['auth'] = 'true';
        // ... in an established state: a liveness (DPD), rekey or delete request the other end leaves unanswered.
        if (rec.event?.type === 'retransmit' && at && ESTABLISHED_STATE.test(at)) rec.event.vars['established'] = 'true';
        // A quick mode under way: an unencrypted refusal that arrives now (on the ISAKMP state,
        // message ID 0) answers it, not phase 1.
        if (rec.connName && (rec.event?.type === 'p1-start' || rec.event?.type === 'p2-start')) tracker.connection(rec).phase2Started = rec.event.type === 'p2-start';
        if (!rec.ikeVersion && rec.connName) {
          const v = tracker.connection(rec).ikeVersion;
          if (v) rec.ikeVersion = v;
        }
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
export const libreswanDialect: Dialect = createLibreswanDialect();
