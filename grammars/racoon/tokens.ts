// Token types of the ipsec-tools racoon line grammar (customer devices and routers that run racoon:
// Linux, BSD, macOS, MikroTik RouterOS) and the hand tokenizer that produces them. Shapes:
//   file log    `2006-08-10 19:22:40: INFO: msg`       (racoon -l, racoon -F)
//   syslog      `Jul 18 02:28:58 host racoon[123]: ERROR: msg` (macOS: no level)
//   foreground  `INFO: isakmp.c:797:isakmp_ph1begin_i(): msg` (racoon -F -d)
//   MikroTik    ` 2026-09-18 09:53:32 ipsec,error msg`, `17:21:08 ipsec rejected hashtype: …` (/log print)
import { createToken, type IToken, type TokenType } from '../chevrotain.js';
import { newToken, readProgram, type ProgramPayload } from '../peer-common/syslog-program.js';
import { PLUTO_CONSOLE_LEVEL } from '../peer-common/sniff.js';
import { scanStamp, type ScannedStamp } from '../peer-common/time.js';

export type { ProgramPayload };

export const Timestamp = createToken({ name: 'Timestamp', pattern: /[A-Z0-9][^ ]*/ });
export const Program = createToken({ name: 'Program', pattern: /\S+:/ });
export const Topics = createToken({ name: 'Topics', pattern: /ipsec\S*/ });
export const Level = createToken({ name: 'Level', pattern: /[A-Z]+\d?:/ });
export const Location = createToken({ name: 'Location', pattern: /\S+\.c:\d+:\S+\(\):/ });
export const Message = createToken({ name: 'Message', pattern: /[^\n]+/ });
export const LineEnd = createToken({ name: 'LineEnd', pattern: /\n/ });

export const allTokens: TokenType[] = [Timestamp, Program, Topics, Level, Location, Message, LineEnd];

export const PROGRAMS = new Set(['racoon', 'racoon2', 'setkey']);
const LEVELS = new Set(['INFO', 'ERROR', 'WARNING', 'NOTIFY', 'DEBUG', 'DEBUG2', 'CRITICAL']);

export interface LocationPayload {
  file: string;
  line: number;
  func: string;
}

/** `HH:MM:SS` (MikroTik prints the date only for older entries). */
const CLOCK_ONLY = /^(\d\d):(\d\d):(\d\d) /;

/** `LEVEL: ` at i, the level, and where the rest starts. */
function readLevel(s: string, i: number): { level: string; end: number } | undefined {
  // Some messages name the peer in front of the level: `[192.0.2.1] INFO: Selected NAT-T version …`.
  if (s.charCodeAt(i) === 91) {
    const close = s.indexOf('] ', i);
    return close > i && close - i < 64 ? readLevel(s, close + 2) : undefined;
  }
  const colon = s.indexOf(': ', i);
  if (colon < 0 || colon - i > 9) return undefined;
  const level = s.slice(i, colon);
  return LEVELS.has(level) ? { level, end: colon + 2 } : undefined;
}

/** `file.c:123:func(): ` at i (debug builds and racoon -d). */
function readLocation(s: string, i: number): { payload: LocationPayload; end: number } | undefined {
  const m = /^([\w.-]+\.c):(\d+):([\w*]+)\(\): ?/.exec(s.slice(i, i + 120));
  return m ? { payload: { file: m[1]!, line: Number(m[2]), func: m[3]! }, end: i + m[0].length } : undefined;
}

/** MikroTik `ipsec[,topic…] ` at i: the topics list of RouterOS logging. */
function readTopics(s: string, i: number): { topics: string; end: number } | undefined {
  if (!s.startsWith('ipsec', i)) return undefined;
  const sp = s.indexOf(' ', i);
  if (sp < 0) return undefined;
  const topics = s.slice(i, sp);
  return /^ipsec(?:,[a-z]+)*$/.test(topics) ? { topics, end: sp + 1 } : undefined;
}

/** The line `racoon -F` prints before its log. */
export const FOREGROUND = 'Foreground mode.';

/** Appends the tokens of one line to `out`. Returns why the line does not fit, or null. */
export function tokenizeLine(s: string, base: number, out: IToken[]): string | null {
  const start = out.length;
  const fail = (why: string): string => {
    out.length = start;
    return why;
  };
  // MikroTik indents /log print output by one space.
  const lead = s.charCodeAt(0) === 32 ? 1 : 0;
  let i = lead;
  const clock = CLOCK_ONLY.exec(s.slice(i, i + 9));
  const stamp: ScannedStamp | undefined = clock ? undefined : scanStamp(s, i);
  if (stamp) {
    out.push(newToken(Timestamp, stamp.text, base + i, stamp));
    i = stamp.end;
    if (s.charCodeAt(i) === 58) i++;
    while (s.charCodeAt(i) === 32) i++;
  } else if (clock) {
    out.push(newToken(Timestamp, clock[0].trim(), base + i, { clockOnly: clock[0].trim() }));
    i += clock[0].length;
  }
  const prog = readProgram(s, i, (n) => PROGRAMS.has(n));
  if (prog) {
    out.push(newToken(Program, s.slice(i, prog.end - 1), base + i, prog.payload));
    i = prog.end;
  }
  const topics = prog ? undefined : readTopics(s, i);
  if (topics) {
    out.push(newToken(Topics, topics.topics, base + i, topics.topics));
    i = topics.end;
  }
  const level = topics ? undefined : readLevel(s, i);
  if (level) {
    out.push(newToken(Level, s.slice(i, level.end - 1), base + i, level.level));
    i = level.end;
  }
  // `racoon -F`'s bare start-up line: a message of its own, without stamp, program or level.
  if (!prog && !topics && !level && !(i === 0 && s === FOREGROUND)) return fail('no racoon program, level or RouterOS ipsec topic');
  const loc = readLocation(s, i);
  if (loc) {
    out.push(newToken(Location, s.slice(i, loc.end).trimEnd(), base + i, loc.payload));
    i = loc.end;
  }
  if (i < s.length) out.push(newToken(Message, s.slice(i).trimEnd(), base + i));
  out.push(newToken(LineEnd, '\n', base + s.length));
  return null;
}

/** Cheap test: does a racoon record start on this line? (no allocation on the common negative path) */
export function sniffLine(s: string, afterStamp: number): boolean {
  let i = afterStamp;
  if (i > 0 && s.charCodeAt(i) === 58) i++;
  while (s.charCodeAt(i) === 32) i++;
  const c = s.charCodeAt(i);
  if (c === 105 && readTopics(s, i)) return true;
  // `ERROR: "conn" #2: …` without a stamp is Libreswan's console, not racoon (which never quotes a connection there).
  if (afterStamp === 0 && PLUTO_CONSOLE_LEVEL.test(s)) return false;
  if (((c >= 65 && c <= 90) || c === 91) && readLevel(s, i)) return true;
  const colon = s.indexOf(': ', i);
  if (colon < 0 || colon - i > 80) return false;
  const head = s.slice(i, colon);
  const name = head.slice(head.lastIndexOf(' ') + 1).replace(/\[\d+\]$/, '');
  return PROGRAMS.has(name);
}
