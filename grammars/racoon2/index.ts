// The racoon2 dialect (the Alibaba gateway's IKE daemon): sniff → tokenize → parse → records, and
// the catalogue pass that turns a record's message into a typed event.
import { parseHeaderBatch, type LineGrammar } from '../common/header-batch.js';
import { isHeaderFailure, type Dialect, type HeaderFailure, type HeaderLine, type ParseContext } from '../../src/parse/dialect.js';
import type { Endpoint, LogRecord } from '../../src/types.js';
import { isHexDumpLine } from '../../src/parse/line-access.js';
import { BY_FUNCTION, FLOATING, ISAKMP_PREFIX, TEMPLATES, templateKey, type MessageTemplate } from './catalog.js';
import { parseTokenVector } from './parser.js';
import { secretLabel } from './secrets.js';
import { applyClassified, memoFor, type TailEntry, rememberTail, storeClassified } from './tail-memo.js';
import { scanPrefix } from './prefix.js';
import { recordFromTail } from './tail-record.js';
import { refineEvent } from './refine.js';
import { recycleRecord } from './record.js';
import { KNOWN_TAGS, startsWithStamp, tokenizeLine } from './tokens.js';

/** Parses `addr[port]` (IPv4 or IPv6) into an endpoint. */
export function parseEndpoint(text: string | undefined): Endpoint | undefined {
  if (!text || text === '?') return undefined;
  const open = text.lastIndexOf('[');
  if (open > 0 && text.endsWith(']')) {
    const port = Number(text.slice(open + 1, -1));
    return Number.isFinite(port) ? { ip: text.slice(0, open), port } : { ip: text.slice(0, open) };
  }
  return /^[0-9a-fA-F.:]+$/.test(text) ? { ip: text } : undefined;
}

const GRAMMAR: LineGrammar<LogRecord> = { label: 'racoon2', tokenize: tokenizeLine, parse: parseTokenVector, toRecord: (r) => r };

/** Decodes a phase-2 ID payload dump (`04000000 c0000200 ffffff00`) into `a.b.c.d/len`. */
export function decodeIdPayload(hexLines: string[] | undefined): string | undefined {
  if (!hexLines || hexLines.length === 0) return undefined;
  const hex = hexLines.join('').replace(/[^0-9a-fA-F]/g, '');
  if (hex.length < 16) return undefined;
  const type = parseInt(hex.slice(0, 2), 16);
  const octets = (at: number): string => [0, 2, 4, 6].map((k) => parseInt(hex.slice(at + k, at + k + 2), 16)).join('.');
  if (type === 1 && hex.length >= 16) return `${octets(8)}/32`;
  if (type === 4 && hex.length >= 24) {
    const mask = parseInt(hex.slice(16, 24), 16) >>> 0;
    let len = 0;
    for (let b = 31; b >= 0 && (mask >>> b) & 1; b--) len++;
    return `${octets(8)}/${len}`;
  }
  if (type === 7 && hex.length >= 24) return `${octets(8)}-${octets(16)}`;
  return undefined;
}

function matchTemplates(list: MessageTemplate[] | undefined, msg: string, rec: LogRecord): boolean {
  if (!list) return false;
  for (const t of list) {
    const m = t.re.exec(msg);
    if (!m) continue;
    // A plain loop: a callback per match was a closure per record on million-line exports.
    const vars: Record<string, string> = t.fixed ? { ...t.fixed } : {};
    const names = t.vars;
    if (names) {
      for (let i = 0; i < names.length; i++) {
        const v = m[i + 1];
        if (v !== undefined) vars[names[i]!] = v;
      }
    }
    rec.event = { type: t.event, vars };
    if (t.phase) rec.phase = t.phase;
    return true;
  }
  return false;
}

/**
 * The catalogue proper: message templates → typed event, endpoints and phase. ipsec-tools racoon
 * (grammars/racoon) shares racoon2's IKEv1 wording and reads its lines through this too.
 */
export function classifyRecord(rec: LogRecord): void {
  let msg = rec.message;
  if (msg.charCodeAt(0) >= 48 && msg.charCodeAt(0) <= 57 && msg.includes(' - ')) {
    const m = ISAKMP_PREFIX.exec(msg);
    if (m) {
      const local = parseEndpoint(m[1]);
      const remote = parseEndpoint(m[2]);
      if (local && !rec.local) rec.local = local;
      if (remote && !rec.remote) rec.remote = remote;
      msg = msg.slice(m[0].length);
    }
  }
  if (!KNOWN_TAGS.has(rec.tag ?? '')) rec.level = 'warn';
  const key = templateKey(msg);
  // Floating templates ("… theirs: …", "… give up to get IPsec-SA …") are errors, never DEBUG.
  if (!matchTemplates(TEMPLATES[key], msg, rec) && rec.level !== 'debug') {
    for (const f of FLOATING) {
      if (msg.includes(f.keyword) && matchTemplates([f.template], msg, rec)) break;
    }
  }
  if (!rec.event && rec.func !== undefined) matchTemplates(BY_FUNCTION.get(rec.func), msg, rec);
  if (!rec.event) return;
  // IKEv1 spells notify types with hyphens (NO-PROPOSAL-CHOSEN), IKEv2 with underscores.
  if (rec.event.type === 'notify' && rec.event.vars['type']) rec.event.vars['type'] = rec.event.vars['type'].replace(/-/g, '_');
  refineEvent(rec);
  const ev = rec.event;
  if (!ev) return;
  if (ev.type === 'id-payload') {
    const subnet = decodeIdPayload(rec.continuation);
    if (subnet) ev.vars['subnet'] = subnet;
  }
  if (ev.vars['local'] && !rec.local) {
    const e = parseEndpoint(ev.vars['local']);
    if (e) rec.local = e;
  }
  if (ev.vars['remote'] && !rec.remote) {
    const e = parseEndpoint(ev.vars['remote']);
    if (e) rec.remote = e;
  }
  if (ev.type === 'packet-received' && !rec.remote) {
    const e = parseEndpoint(ev.vars['from']);
    if (e) rec.remote = e;
  }
}

export const racoon2Dialect: Dialect = {
  name: 'racoon2',
  title: 'racoon2 (gateway)',
  side: 'cloud',
  sniff(line: string): boolean {
    if (!startsWithStamp(line)) return false;
    const close = line.indexOf(']:', 20);
    if (close < 0 || close >= 120) return false;
    // PAN-OS's ikemgr.log (a racoon2 descendant) follows its tag with `{ gw: p2 }:`, never a gateway line.
    if (line.charCodeAt(close + 3) === 123 && line.charCodeAt(close + 2) === 32) return false;
    // The `]:` closes a tag (`[INFO]:`, `[PROTO_ERR]:`), not a syslog program's pid (`charon[1234]:`).
    const open = line.lastIndexOf('[', close);
    if (open < 0 || close - open < 2 || close - open > 23) return false;
    for (let i = open + 1; i < close; i++) {
      const c = line.charCodeAt(i);
      if (!((c >= 65 && c <= 90) || c === 95)) return false;
    }
    return true;
  },
  parseHeaders(lines: HeaderLine[], ctx: ParseContext): (LogRecord | HeaderFailure)[] {
    const memo = memoFor(ctx);
    if (!memo) return parseHeaderBatch(GRAMMAR, lines, ctx);
    // Lines whose tail was parsed before are copied; the rest go through the grammar together.
    const out: (LogRecord | HeaderFailure)[] = new Array(lines.length);
    const missed: number[] = [];
    // Each missed line's prefix, kept for remembering its tail (the scan's result object is shared).
    const missedTailAt: number[] = [];
    const missedResourceId: (string | undefined)[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const p = scanPrefix(line.text);
      const e = p.tailAt < 0 ? undefined : memo.find(line.text, p.tailAt);
      if (e) out[i] = recordFromTail(e, line, ctx, p);
      else {
        missed.push(i);
        missedTailAt.push(p.tailAt);
        missedResourceId.push(p.resourceId);
      }
    }
    if (missed.length === 0) return out;
    const missedLines = missed.length === lines.length ? lines : missed.map((i) => lines[i]!);
    const parsed = parseHeaderBatch(GRAMMAR, missedLines, ctx);
    for (let k = 0; k < missed.length; k++) {
      const r = parsed[k]!;
      out[missed[k]!] = r;
      if (!isHeaderFailure(r)) rememberTail(memo, r, missedLines[k]!.text, missedTailAt[k]!, missedResourceId[k]);
    }
    return out;
  },
  classify(rec: LogRecord): void {
    // A tail classified before gets the same answer: the catalogue reads nothing else.
    if (applyClassified(rec)) return;
    classifyRecord(rec);
    storeClassified(rec);
  },
  recycle: recycleRecord,
  continues(text: string): boolean {
    // iked continues a record only with payload hex dumps and blank lines: other free text after
    // one is something else (a paste, another program) and is reported, not counted as parsed.
    return text.trim() === '' || isHexDumpLine(text);
  },
  keepsContinuation(rec: LogRecord): boolean {
    // Only ID payload dumps (`received IDci2:` + hex) are read back, to decode the subnet.
    return rec.message.includes('received ID');
  },
  redactSecrets(rec: LogRecord): void {
    // Most remembered tails name no key material: no need to look again.
    if (rec.parseMemo && !(rec.parseMemo as TailEntry).announcesSecret) return;
    const m = secretLabel(rec.message);
    if (!m) return;
    // Key material follows the label, on this line or as a hex dump on the next ones.
    rec.continuation = undefined;
    const cut = m.index + m[0].length;
    const tail = rec.message.slice(cut);
    if (/[0-9a-f]{8}/i.test(tail) && !/\d{4}-\d\d-\d\d/.test(tail)) {
      rec.message = `${rec.message.slice(0, cut)}[redacted]`;
      const at = rec.text.indexOf(tail);
      if (at >= 0) rec.text = `${rec.text.slice(0, at)}[redacted]`;
    }
    rec.secret = true;
  },
};
