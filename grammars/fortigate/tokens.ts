// Token types of the FortiGate line grammar and the hand tokenizer that produces them. Shapes:
//   debug     [stamp] ike [V=vdom:]N[:gw[:serial[:p2[:serial]]]]: message     (`diagnose debug application ike -1`)
//             ike Negotiate ISAKMP SA Error: ike 0:gw:serial: message          (FortiOS 6 error echo)
//   event log [<pri>][syslog header] date=… time=… logid="0101…" … key=value …
//   CSV       header row of field names, then quoted cells (`"2024-05-10","11:12:13","0101037124",…`)
//   noise     `Debug messages will be on for 30 minutes.`, the CLI prompt `FGT # diagnose …`
import { createToken, type IToken, type TokenType } from '../chevrotain.js';
import { newToken } from '../peer-common/syslog-program.js';
import { scanIsoStamp, type ScannedStamp } from '../peer-common/time.js';
import { isCsvHeader, isCsvRow, isKvRecord, kvStart } from './event-log.js';

export const Timestamp = createToken({ name: 'Timestamp', pattern: /\d[^ ]*/ });
export const IkePrefix = createToken({ name: 'IkePrefix', pattern: /ike[^\n]*?: / });
export const Message = createToken({ name: 'Message', pattern: /[^\n]+/ });
export const EventFields = createToken({ name: 'EventFields', pattern: /[^\n]+/ });
export const CsvHeader = createToken({ name: 'CsvHeader', pattern: /[^\n]+/ });
export const CsvRow = createToken({ name: 'CsvRow', pattern: /[^\n]+/ });
export const Noise = createToken({ name: 'Noise', pattern: /[^\n]+/ });
export const LineEnd = createToken({ name: 'LineEnd', pattern: /\n/ });

export const allTokens: TokenType[] = [Timestamp, IkePrefix, Message, EventFields, CsvHeader, CsvRow, Noise, LineEnd];

/** What the `ike …:` prefix names: VDOM, gateway (phase-1 name), IKE SA serial, phase-2 name. */
export interface PrefixPayload {
  vdom?: string;
  vdomIndex?: string;
  gateway?: string;
  serial?: string;
  phase2?: string;
  /** `ike Negotiate ISAKMP SA Error: …` / `ike Negotiate IPsec SA Error: …`: the line repeats an error. */
  errorEcho?: 'ISAKMP' | 'IPsec';
}

/** `ike [V=root:]0[:fields]: ` at i → payload and the index after it. */
const PREFIX = /^ike (?:V=([^:\s]+):)?(\d+)((?::[^:\s]+)*): ?/;
const ECHO = /^ike Negotiate (ISAKMP|IPsec) SA Error: /;

export function readPrefix(s: string, i: number): { payload: PrefixPayload; end: number } | undefined {
  const rest = i === 0 ? s : s.slice(i);
  let skip = 0;
  let echo: PrefixPayload['errorEcho'];
  const e = ECHO.exec(rest);
  if (e) {
    echo = e[1] as 'ISAKMP' | 'IPsec';
    skip = e[0].length;
  }
  const m = PREFIX.exec(skip ? rest.slice(skip) : rest);
  if (!m) return undefined;
  const payload: PrefixPayload = { vdomIndex: m[2]! };
  if (m[1]) payload.vdom = m[1];
  if (echo) payload.errorEcho = echo;
  const fields = m[3] ? m[3].slice(1).split(':') : [];
  // Before a gateway matched, FortiOS names the SA by its cookies (`d1ae…/0000…`): not a name.
  if (fields[0] && !fields[0].includes('/')) payload.gateway = fields[0];
  const serial = fields[1] !== undefined && /^\d+$/.test(fields[1]) ? fields[1] : undefined;
  if (serial) payload.serial = serial;
  const p2 = serial ? fields[2] : fields[1];
  if (p2 && !/^\d+$/.test(p2)) payload.phase2 = p2;
  return { payload, end: i + skip + m[0].length };
}

/** `FGT60F # diagnose …`, `FGT60F (root) $ …`: the CLI prompt, with whatever was typed after it. */
const PROMPT = /^[A-Za-z0-9][\w.-]{0,62}(?: \([\w.-]+\))? [#$] ?/;
/** Lines `diagnose debug` prints around the debug output, and the commands echoed without a prompt. */
const NOISE =
  /^(?:Debug messages will be on for \d+ minutes\.?|Debug messages (?:will be|are) (?:off|disabled)|(?:diagnose|diag) (?:debug|vpn|sniffer) \S.*|ike (?:shrank heap|HA state|\d+: cache rebuild).*)$/;

export function isNoise(s: string): boolean {
  return NOISE.test(s) || (PROMPT.test(s) && /^[\w.-]+(?: \([\w.-]+\))? [#$](?: (?:diagnose|diag|get|show|execute|exec|config|end|next|set|edit|unset)\b.*)?\s*$/.test(s));
}

/** Whether a debug line (after an optional stamp) starts at i. */
export function isDebugAt(s: string, i: number): boolean {
  return s.charCodeAt(i) === 105 && s.startsWith('ike ', i) && (readPrefix(s, i) !== undefined || NOISE.test(s.slice(i)));
}

/** A leading `2024-05-10 11:12:13[.ffffff] ` stamp (`diagnose debug console timestamp enable`). */
export function leadingStamp(s: string): ScannedStamp | undefined {
  const st = scanIsoStamp(s, 0);
  return st && s.charCodeAt(st.end) === 32 ? st : undefined;
}

/** The sniff: one of the shapes above, and nothing another dialect writes. */
export function sniffLine(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c === 105) return isDebugAt(s, 0);
  if (c >= 48 && c <= 57) {
    const st = leadingStamp(s);
    if (st && isDebugAt(s, st.end + 1)) return true;
  }
  if (s.indexOf('logid') >= 0) {
    if (isKvRecord(s)) return true;
    if (isCsvHeader(s)) return true;
  }
  if (isCsvRow(s)) return true;
  return isNoise(s);
}

/** Appends the tokens of one line to `out`; returns why the line does not fit (appending nothing), or null. */
export function tokenizeLine(s: string, base: number, out: IToken[]): string | null {
  const start = out.length;
  let i = 0;
  const st = s.charCodeAt(0) >= 48 && s.charCodeAt(0) <= 57 ? leadingStamp(s) : undefined;
  if (st && isDebugAt(s, st.end + 1)) {
    out.push(newToken(Timestamp, st.text, base, st));
    i = st.end + 1;
  }
  if (s.startsWith('ike ', i)) {
    const p = readPrefix(s, i);
    if (p) {
      out.push(newToken(IkePrefix, s.slice(i, p.end), base + i, p.payload));
      if (p.end < s.length) out.push(newToken(Message, s.slice(p.end), base + p.end));
      out.push(newToken(LineEnd, '\n', base + s.length));
      return null;
    }
  }
  if (i === 0 && isKvRecord(s)) {
    const k = kvStart(s);
    out.push(newToken(EventFields, s.slice(k), base + k, { header: s.slice(0, k) }));
  } else if (i === 0 && isCsvHeader(s)) out.push(newToken(CsvHeader, s, base));
  else if (i === 0 && isCsvRow(s)) out.push(newToken(CsvRow, s, base));
  else if (isNoise(s.slice(i))) out.push(newToken(Noise, s.slice(i), base + i));
  else {
    out.length = start;
    return 'not a FortiGate ike debug, event log or CLI line';
  }
  out.push(newToken(LineEnd, '\n', base + s.length));
  return null;
}
