// What wraps a daemon's log line when people paste it: a web UI's tab-separated export or table
// (time, process, pid, message), a mail quote (`> `), Markdown bold around a line, an RFC 5424
// syslog record, Android logcat (brief, time, threadtime), a docker-compose service prefix, an OpenWrt facility, a `[pluto]`
// tag in place of the program, whack output relayed by NetworkManager or behind a stamp, a router's
// `Day, date - [tunnel]` log, blanks before the stamp, `grep`'s file name and line number, a
// collector's stamp before the daemon's own, a Markdown list item or inline code, a journal
// exported as CSV or shown under a non-English locale (`12月 07 …`) or with `-o short-full`, a
// `<facility.severity>` after the stamp, Apple's unified log as Console copies it (and the older
// Console's US dates), charon's file log with a `time_format` of its own, a syslog server's stamp
// before a Cisco device's own, a time without a date, and a line copied from a page's HTML source.
// `unframe` returns the line as the daemon's own grammar knows it, or the line itself; it never
// throws and costs a few character tests on lines without a frame (every line of a million-line
// gateway export passes here).

/** Blanks before an ISO or syslog stamp. */
const INDENTED_STAMP = /^[ \t]+(?=\d{4}-\d\d-\d\d[ T]\d\d:\d\d|[A-Za-z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d)/;

/** `2023-01-27T13:26:23\tInformational\tcharon\t10[CFG] …\t` (OPNsense/pfSense log view export). */
const TSV = /^(\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)\t[A-Za-z]+\t([\w.-]+)(?:\[(\d+)\])?\t(.*?)\t?$/;
/**
 * `May 11 11:09:54\tcharon\t88717\t05[CFG] …` (pfSense/OPNsense log table copied from the browser:
 * time, process, pid, message columns; the pid column may be empty).
 */
const TSV_PID = /^((?:[A-Za-z][a-z]{2} [ \d]?\d|\d{4}-\d\d-\d\d[T ]?) ?\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)\t([\w.-]+)\t(\d*)\t(.*?)\t?$/;
/**
 * `  charon: 09[IKE] …` (the pfSense documentation's samples and pastes with the time columns cut
 * off), `  ike V=root:0: …` (FortiGate debug), `  *Oct 25 18:50:01.497: …` (Cisco debug): a daemon's
 * prefix behind blanks. Only these: an indented line is otherwise a continuation of the record
 * before it (swanctl, dumps).
 */
const INDENTED_PROGRAM = /^[ \t]+(?=(?:charon|charon-systemd|pluto|racoon|iked|ipsec)(?:\[\d+\])?: |ike (?:V=[^:\s]+:)?\d+[:\s]|\*[A-Z][a-z]{2} [ \d]?\d \d\d:\d\d:\d\d)/;
/** `> 003 "conn" #3: …` (a line of a mail or forum quote). */
const QUOTED = /^(?:>[ \t]?)+[ \t]*(?=\S)/;
/** `>`, `> > ` alone. */
const QUOTE_ONLY = /^(?:>[ \t]?)+[ \t]*$/;
/** `**IDir '…' does not match to '…'**` (a line made bold in a Markdown post). */
const BOLD = /^\*\*(.+?)\*\*\s*$/;
/** `<30>1 2024-06-08T00:46:22+02:00 host charon 51742 - [meta …] msg` (RFC 5424). */
const RFC5424 = /^<\d{1,3}>1 (\S+) (\S+) ([\w.-]+) (\S+) \S+ (?:-|(?:\[[^\]]*\])+) ?(.*)$/;
/** `I/charon  (18819): msg`, `D/charon: msg` (Android logcat, brief and threadtime-less formats). */
const LOGCAT = /^[VDIWEF]\/([\w.-]+)\s*(?:\(\s*\d+\))?: ?(.*)$/;
/**
 * `10-17 18:01:46.708 12637 12637 I racoon  : msg` (logcat `-v threadtime`, what `adb logcat` and bug
 * reports print) and `10-17 18:01:46.708 I/racoon( 12637): msg` (`-v time`).
 */
const LOGCAT_STAMPED = /^(\d\d)-(\d\d) (\d\d:\d\d:\d\d(?:\.\d+)?) +(?:(\d+) +\d+ [VDIWEF] ([\w.-]+?)|[VDIWEF]\/([\w.-]+?) *\( *(\d+)\)) *: ?(.*)$/;
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `svc_1  | msg` (docker compose), `host | msg` (a pipe-separated view). */
const COMPOSE = /^[\w.-]+_\d+\s+\| (.*)$/;
/** `stamp host authpriv.warn prog[pid]: msg` (OpenWrt logread: a facility.level between host and program). */
const FACILITY = /^(.{15,32}? \S+ )(?:kern|user|daemon|auth|authpriv|syslog|local\d)\.(?:emerg|alert|crit|err|warn|warning|notice|info|debug) (.*)$/;
/** `[stamp host ]NetworkManager[44643]: 010 "conn" #2: …`: whack output relayed by the program that ran `ipsec whack`. */
const WHACK_RELAY = /^(.{15,32}? \S+ )?(?:NetworkManager|nm-[\w-]+|ipsec|whack)\[(\d+)\]: (\d{3}) (.*)$/;
/** `Aug 01 13:06:48.886 104 "Office" #1: …`: whack output with a stamp in front (Openswan L2TP applets). */
const STAMPED_WHACK = /^((?:[A-Za-z][a-z]{2} [ \d]\d|\d{4}-\d\d-\d\d) \d\d:\d\d:\d\d(?:\.\d+)?) \d{3} (".*)$/;
/** `Wed, 2012-08-01 13:08:29 - [Office] msg` (router web-UI logs of an Openswan tunnel). */
const ROUTER_TUNNEL = /^[A-Z][a-z]{2}, (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) - \[([^\]"]+)\] (.*?)\s*$/;
/** A stamp a line starts with once `grep`'s prefix is cut: syslog or ISO. */
const STAMP_AHEAD = '(?=\\*?[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d|\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d)';
/** The same, a gateway hex dump's first word (the continuation lines of a stamped record), or nothing (an empty line). */
const STAMP_OR_DUMP_AHEAD = '(?=\\*?[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d|\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d|[0-9a-f]{8,}(?: |$)|$)';
/** `- 2026-…`, `3. Dec  4 …`: a line made a Markdown list item. */
const LIST_ITEM = new RegExp(`^(?:[-*+]|\\d{1,4}[.)])[ \\t]+${STAMP_AHEAD}`);
/** `` `2026-… [ERROR]: …` ``: a line quoted as inline code. */
const INLINE_CODE = /^`+([^`].*?)`+\s*$/;
/** `1234:Dec  4 …` / `1234-Dec  4 …` (`grep -n`, a match or a context line). */
const GREP_LINE_NUMBER = new RegExp(`^\\d{1,9}[:-]${STAMP_OR_DUMP_AHEAD}`);
/** `/var/log/syslog:Dec  4 …`, `charon.log:12:2026-…` (`grep` over several files, `-n` too). */
const GREP_FILE = new RegExp(`^(?:(?:[\\w.-]*/)+[\\w.-]+|[\\w.-]+\\.log(?:\\.\\d+)?|(?:syslog|messages|secure)(?:\\.\\d+)?):(?:\\d{1,9}[:-])?${STAMP_OR_DUMP_AHEAD}`);
/** `2026-12-04T09:35:11.123456789Z Dec  4 17:35:11 …`: a collector's stamp before the daemon's own (docker, kubectl). */
const COLLECTOR_STAMP = new RegExp(`^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?(?:Z|[+-]\\d\\d:?\\d\\d) ${STAMP_AHEAD}`);
/**
 * `Jun 12 14:34:49 Jun 12 2008 14:34:49 pix : %PIX-…`, `Jun 12 14:34:49 10.1.1.1 Jun 12 2008 14:34:49: %ASA-…`:
 * a syslog server's stamp (and the sender) before the device's own stamp with its year.
 */
const RELAYED_STAMP = /^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d (?:\S+ )?(?=[A-Z][a-z]{2} [ \d]?\d \d{4} \d\d:\d\d:\d\d)/;
/** `15:23:04 srv-test charon: 08[CFG] …` (a syslog template without the date): the line behind the time, as a paste without a stamp. */
const TIME_ONLY = /^\d\d:\d\d:\d\d(?:[.,]\d+)? (?=(?:[\w.-]+ )?[\w.-]+(?:\[\d+\])?: )/;
/** HTML's own tags as a web page's source has them around a line (charon's `<conn|1>` is none of them). */
const HTML_TAG = /<\/?(?:p|span|br|code|pre|div|b|i|strong|em|font|td|tr|li|tt|kbd|samp)\b[^>]*>/gi;
const HTML_ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(lt|gt|amp|quot|apos|nbsp));/gi;
const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' };

/** `<p>Jun 16 … charon: 12<span class="error">&#91;IKE&#93;</span> …</p>` (a line copied from a page's source): tags dropped, entities decoded; undefined when it has neither. */
function htmlLine(line: string): string | undefined {
  const out = line.replace(HTML_TAG, '').replace(HTML_ENTITY, (_m, dec?: string, hex?: string, named?: string) => {
    const code = dec ? Number(dec) : hex ? parseInt(hex, 16) : -1;
    if (code >= 0) return code > 0x10ffff || code < 32 ? '?' : String.fromCodePoint(code);
    return NAMED_ENTITIES[named!.toLowerCase()] ?? '';
  });
  return out === line ? undefined : out;
}
/** `2022-01-05T10:04:48\tcharon[73003]\t08[MGR] …\t` (OPNsense log export: time, program[pid], message). */
const TSV_PROGRAM = /^(\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)\t([\w.-]+)\[(\d+)\]\t(.*?)[\t ]*$/;
/**
 * `default\t21:34:54.700963+0000\tracoon\taccept a request to establish IKE-SA: …` (Apple's unified
 * log as Console copies it: type, time of day, process, message): the process's own line, as
 * logcat's is read (the time has no date).
 */
const UNIFIED_LOG = /^(?:default|info|debug|error|fault)\t\d\d:\d\d:\d\d(?:\.\d+)?(?:[+-]\d{4})?\t([\w.-]+)\t(.*?)\t?$/;
/** `3/2/17 10:08:54.565 AM racoon[427]: …` (macOS Console before the unified log: US date, 12-hour clock). */
const CONSOLE_US = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4}) (\d{1,2}):(\d\d):(\d\d(?:\.\d+)?) ([AP])M ([\w.-]+\[\d+\]: .*)$/;
/**
 * `12月 07 19:11:14 host charon[1234]: …`, `дек 07 …`, `déc. 07 …` (journalctl under a non-English
 * locale: strftime's `%b`). Syslog daemons always write English month names; a journal read with
 * `LANG` set to the reader's language does not. Numeric CJK months, and the abbreviations glibc's
 * common locales use (no name means two months in any of them).
 */
const LOCALIZED_STAMP = /^(?: ?(\d{1,2})[月월]|([^\s\d:[\]<>"'`*#|]{2,6}?)\.?) {1,2}(\d{1,2})日? (\d\d:\d\d:\d\d(?:\.\d+)?) (.*)$/;
const LOCAL_MONTHS: ReadonlyMap<string, number> = new Map(
  [
    // ru, uk, de, fr, es, pt, it, nl, pl, tr, cs, sv, lt, lv, fi, hu, ro, el, id, da/nb, ca (lowercase, no trailing dot)
    'янв jan ene gen sty oca led січ janv sau saus tammi ian ιαν',
    'фев feb fev lut şub úno лют févr vas helmi febr φεβ',
    'мар mar mär mrt bře бер mars kov maalis márc març μάρ',
    'апр apr abr kwi nis dub кві avr avril bal huhti ápr απρ',
    'мая май mai may mag mei maj kvě тра geg touko máj maig μάι μαΐ',
    'июн jun juin giu cze haz čvn чер bir birž jūn kesä jún iun juny ιούν',
    'июл jul juil lug lip tem čvc лип lie liep jūl heinä júl iul ιούλ',
    'авг aug ago sie ağu srp сер août rgp rugp elo agu ag αύγ',
    'сен sep set wrz eyl zář вер sept rgs rugs syys szept σεπ',
    'окт okt oct out ott paź eki říj жов spa spal loka οκτ',
    'ноя nov lis kas лис lap lapkr marras νοέ',
    'дек dec dez dic déc gru ara pro гру grd gruod joulu des δεκ',
  ].flatMap((names, month) => names.split(' ').map((name) => [name, month] as const)),
);
/**
 * `Mon 2026-12-07 19:11:14 CST host charon[1234]: …` (`journalctl -o short-full`, its weekday in any
 * language): the ISO date and time; a numeric offset is kept, a zone's abbreviation is not (CST is
 * three zones).
 */
const JOURNAL_FULL = /^[^\s\d,]{1,6}\.? (\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d(?:\.\d+)?)(?: (?:([+-]\d{4})|[A-Z]{2,5}))? (.*)$/;
/** `"Feb  7 03:08:15 host pluto[57436]: ""conn"": …"` (a journal exported as CSV: the line quoted, its quotes doubled). */
const CSV_QUOTED = new RegExp(`^"${STAMP_AHEAD}(.*)"\\s*$`);
/** `Feb 26 06:26:52 <10.4> host pluto[2531]: …` (a syslog daemon writing facility.severity after the stamp). */
const PRIORITY_AFTER_STAMP = /^((?:[A-Z][a-z]{2} [ \d]\d|\d{4}-\d\d-\d\d[T ]?) ?\d\d:\d\d:\d\d(?:\.\d+)? )<\d{1,3}(?:\.\d{1,3})?> (.*)$/;
/**
 * `Sat Jan 23 00:49:59 2016 daemon.info : 11[NET] …` (OpenWrt logread, the program name empty: a
 * ctime stamp with its year, facility.level): the message behind an ISO stamp, as a file log has it.
 */
const LOGREAD_NO_PROGRAM = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) ([ \d]\d) (\d\d:\d\d:\d\d) (\d{4}) (?:kern|user|daemon|auth|authpriv|syslog|local\d)\.[a-z]+ : (.*)$/;
/**
 * `Mon, 2021-05-10, 16:21:10 14[IKE] …`: charon's file log with its own `time_format` (any
 * strftime pattern): written with the ISO or syslog stamp the grammar reads, from the date and time
 * in it. Only before charon's `thread[GROUP]`, the one thing all such lines share.
 */
const CHARON_FREE_STAMP = /^([^[\]]{8,48}?\b(\d\d:\d\d:\d\d)(?:[.,](\d+))?(?: (\d{4}))?)[ ,]+(\d{1,3}\[[A-Z]{3,4}\] .*)$/;
const KNOWN_STAMP = /^(?:[A-Z][a-z]{2} [ \d]\d|\d{4}-\d\d-\d\d[T ]?) ?\d\d:\d\d:\d\d(?:\.\d+)?$/;
const ISO_DATE = /(\d{4})-(\d\d)-(\d\d)/;
const MONTH_DAY = /\b([A-Z][a-z]{2}) +(\d{1,2})\b/;

/** `2016-01-23` from a year, a month's name (`Jan`) and a day (`23`, ` 3`). */
const isoDate = (year: string, month: string, day: string): string => `${year}-${String(MONTH_NAMES.indexOf(month) + 1).padStart(2, '0')}-${day.trim().padStart(2, '0')}`;

/** A charon file-log line with a stamp of its own `time_format`, with one the grammar reads; undefined when none. */
function charonFreeStamp(line: string): string | undefined {
  // Lines that start with a syslog or ISO stamp (nearly all) are not tried: the test runs on every line.
  if (line.charCodeAt(3) === 32 && line.charCodeAt(6) === 32 && line.charCodeAt(9) === 58 && line.charCodeAt(12) === 58) return undefined;
  if (line.charCodeAt(4) === 45 && line.charCodeAt(7) === 45 && line.charCodeAt(13) === 58) return undefined;
  const m = CHARON_FREE_STAMP.exec(line);
  if (!m || KNOWN_STAMP.test(m[1]!)) return undefined;
  const time = m[3] ? `${m[2]}.${m[3]}` : m[2]!;
  const iso = ISO_DATE.exec(m[1]!);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]} ${time} ${m[5]}`;
  const md = MONTH_DAY.exec(m[1]!);
  if (!md || !MONTH_NAMES.includes(md[1]!)) return undefined;
  // A year after the time (`%c`, ctime): kept, as an ISO date.
  if (m[4]) return `${isoDate(m[4], md[1]!, md[2]!)} ${time} ${m[5]}`;
  return `${md[1]} ${md[2]!.padStart(2, ' ')} ${time} ${m[5]}`;
}

/** English month names as three character codes: the test every syslog-stamped line passes, without a string made. */
const ENGLISH_MONTH_KEYS: ReadonlySet<number> = new Set(MONTH_NAMES.map((m) => m.charCodeAt(0) * 65536 + m.charCodeAt(1) * 256 + m.charCodeAt(2)));

/**
 * A journal line under a non-English locale (or `-o short-full`), written with the stamp the
 * grammars read; undefined for any other line. English month names are not tried.
 */
function localizedStamp(line: string, c0: number): string | undefined {
  // English month names (nearly every line that starts with a capital and a blank) are read as they are.
  if (c0 >= 65 && c0 <= 90 && line.charCodeAt(3) === 32 && ENGLISH_MONTH_KEYS.has(c0 * 65536 + line.charCodeAt(1) * 256 + line.charCodeAt(2)) && line.charCodeAt(1) < 128) return undefined;
  const digit = c0 >= 48 && c0 <= 57;
  if (digit || c0 === 32) {
    // `12月`, ` 1월`: the month's sign within the first four characters, or not a localized stamp.
    const sign = line.slice(1, 4);
    if (sign.indexOf('月') < 0 && sign.indexOf('월') < 0) return undefined;
  } else if (c0 < 128 && !(c0 >= 97 && c0 <= 122) && !(c0 >= 65 && c0 <= 90)) return undefined;
  let m = digit || c0 === 32 ? null : JOURNAL_FULL.exec(line);
  if (m) return `${m[1]}${m[3] ? `T${m[2]}${m[3]}` : ` ${m[2]}`} ${m[4]}`;
  m = LOCALIZED_STAMP.exec(line);
  if (!m) return undefined;
  const month = m[1] ? Number(m[1]) - 1 : LOCAL_MONTHS.get(m[2]!.toLowerCase());
  const name = month === undefined ? undefined : MONTH_NAMES[month];
  return name ? `${name} ${m[3]!.padStart(2, ' ')} ${m[4]} ${m[5]}` : undefined;
}

/** `stamp [pluto] msg` (a tag in place of the syslog program). */
const BRACKET_PROGRAM = /^(.{15,32}? )\[(pluto|charon|racoon|ipsec)\] (.*)$/;

/**
 * `…  <-- This is the error`, `…   <- the ID on the wire is correct`: what a poster wrote after a
 * log line. An arrow with blanks on both sides (a double dash, or a single one after 4+ blanks): a
 * daemon's own arrows (`a[500]<=>b[500]`, `a:500->b:500`) have none. A run of blanks is tried from
 * its start only (the look-behind): a long run without an arrow after it costs its length once.
 */
const ANNOTATION = /(?<=\S)(?:[ \t]+(?:<-{2,}|<={2,}|‹-|←)|[ \t]{4,}<-)[ \t].*$/;

/** The line as its daemon's grammar expects it (or the line itself when it carries no known frame). */
export function unframe(line: string, depth = 0): string {
  const c0 = line.charCodeAt(0);
  // Fast path: racoon2 and ISO-stamped lines without tabs are never framed (an exported gateway
  // log is not a post: no annotations either).
  // (`docker logs -t` / `kubectl logs --timestamps` put an RFC 3339 stamp with a `T` before the line.)
  if (c0 >= 48 && c0 <= 57 && line.charCodeAt(4) === 45 && line.charCodeAt(10) !== 84 && line.indexOf('\t') < 0) return line;
  // Frames nest (a quoted, indented paste), but only so deep: `**…**` around `**…**` on a hostile
  // line would otherwise recurse once per pair.
  const out = depth < MAX_NESTED_FRAMES ? unframeOnce(line, c0, depth + 1) : line;
  return ARROW.test(out) ? out.replace(ANNOTATION, '') : out;
}

/** Whether the line's first `:` comes before any blank (a file name's, not a stamp's or a message's). */
function noBlankBeforeColon(line: string): boolean {
  const colon = line.indexOf(':');
  return colon > 0 && colon < 200 && line.lastIndexOf(' ', colon) < 0;
}

/** The quick test before ANNOTATION: one pass over the line. */
const ARROW = /<[-=]|[\u2039\u2190]/;
/** Frames inside frames read at most. */
const MAX_NESTED_FRAMES = 4;

function unframeOnce(line: string, c0: number, depth: number): string {
  let m: RegExpExecArray | null;
  // Indented paste (a forum post, a quoted mail): a stamped line behind blanks is still a header.
  if ((c0 === 32 || c0 === 9) && (m = INDENTED_STAMP.exec(line) ?? INDENTED_PROGRAM.exec(line))) return unframe(line.slice(m[0].length), depth);
  if (c0 === 62 && (m = QUOTED.exec(line))) return unframe(line.slice(m[0].length), depth);
  if (c0 === 60 || line.indexOf('&') >= 0) {
    const plain = htmlLine(line);
    if (plain !== undefined) return unframe(plain, depth);
  }
  // Only Cisco devices stamp their own lines with the year: their messages carry a `%FACILITY-…` tag.
  if (c0 >= 65 && c0 <= 90 && line.charCodeAt(15) === 32 && line.indexOf('%', 16) > 0 && (m = RELAYED_STAMP.exec(line))) return unframe(line.slice(m[0].length), depth);
  if (c0 >= 48 && c0 <= 57 && line.charCodeAt(2) === 58 && line.charCodeAt(5) === 58 && (m = TIME_ONLY.exec(line))) return unframe(line.slice(m[0].length), depth);
  // An empty line of the quote.
  if (c0 === 62 && QUOTE_ONLY.test(line)) return '';
  if (c0 >= 48 && c0 <= 57 && (m = GREP_LINE_NUMBER.exec(line) ?? COLLECTOR_STAMP.exec(line))) return unframe(line.slice(m[0].length), depth);
  if (c0 !== 32 && c0 !== 9 && noBlankBeforeColon(line) && (m = GREP_FILE.exec(line))) return unframe(line.slice(m[0].length), depth);
  if (c0 === 42 && (m = BOLD.exec(line))) return unframe(m[1]!, depth);
  if (c0 === 96 && (m = INLINE_CODE.exec(line))) return unframe(m[1]!, depth);
  if ((c0 === 45 || c0 === 42 || c0 === 43 || (c0 >= 48 && c0 <= 57)) && (m = LIST_ITEM.exec(line))) return unframe(line.slice(m[0].length), depth);
  if (c0 === 60 && (m = RFC5424.exec(line))) return `${m[1]} ${m[2]} ${m[3]}${/^\d+$/.test(m[4]!) ? `[${m[4]}]` : ''}: ${m[5]}`;
  if (c0 === 34 && (m = CSV_QUOTED.exec(line))) return unframe(m[1]!.replaceAll('""', '"'), depth);
  if (c0 >= 48 && c0 <= 57 && (line.charCodeAt(1) === 47 || line.charCodeAt(2) === 47) && (m = CONSOLE_US.exec(line))) {
    const hour = (Number(m[4]) % 12) + (m[7] === 'P' ? 12 : 0);
    const year = m[3]!.length === 2 ? `20${m[3]}` : m[3]!;
    return `${year}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')} ${String(hour).padStart(2, '0')}:${m[5]}:${m[6]} ${m[8]}`;
  }
  const local = localizedStamp(line, c0);
  if (local !== undefined) return unframe(local, depth);
  if (line.indexOf('\t') >= 0) {
    if ((m = TSV.exec(line))) return `${m[1]} ${m[2]}${m[3] ? `[${m[3]}]` : ''}: ${m[4]}`;
    if ((m = TSV_PROGRAM.exec(line))) return `${m[1]} ${m[2]}[${m[3]}]: ${m[4]}`;
    if (c0 >= 100 && c0 <= 105 && (m = UNIFIED_LOG.exec(line))) return `${m[1]}: ${m[2]}`;
    if ((m = TSV_PID.exec(line))) return `${m[1]} ${m[2]}${m[3] ? `[${m[3]}]` : ''}: ${m[4]}`;
    // A tab between the stamp and the program (older web UI views): read it as a space.
    return unframe(line.replace(/\t+/g, ' ').replace(/ {2,}/g, ' ').trimEnd(), depth);
  }
  if (line.charCodeAt(1) === 47 && (m = LOGCAT.exec(line))) return `${m[1]}: ${m[2]}`;
  // A logcat stamp has no year and a numeric month: written as the syslog stamp the grammars read.
  if (c0 >= 48 && c0 <= 49 && line.charCodeAt(2) === 45 && (m = LOGCAT_STAMPED.exec(line))) {
    const month = MONTH_NAMES[Number(m[1]) - 1];
    if (month) return `${month} ${m[2]} ${m[3]} ${m[5] ?? m[6]}[${m[4] ?? m[7]}]: ${m[8]}`;
  }
  if ((m = COMPOSE.exec(line))) return m[1]!;
  if (c0 >= 65 && c0 <= 90 && line.charCodeAt(3) === 32 && (m = LOGREAD_NO_PROGRAM.exec(line)) && MONTH_NAMES.includes(m[1]!))
    return unframe(`${isoDate(m[4]!, m[1]!, m[2]!)} ${m[3]} ${m[5]}`, depth);
  if (line.indexOf('> ') > 0 && (m = PRIORITY_AFTER_STAMP.exec(line))) return unframe(`${m[1]}${m[2]}`, depth);
  if (line.indexOf('.') > 0 && (m = FACILITY.exec(line))) return `${m[1]}${m[2]}`;
  if (c0 >= 65 && c0 <= 90 && line.charCodeAt(3) === 44 && (m = ROUTER_TUNNEL.exec(line))) return `${m[1]} pluto: "${m[2]}" ${m[3]}`;
  if (line.indexOf(' "') > 0 && (m = STAMPED_WHACK.exec(line))) return `${m[1]} pluto: ${m[2]}`;
  if (line.indexOf(']: ') > 0 && (m = WHACK_RELAY.exec(line))) return m[1] ? `${m[1]}pluto[${m[2]}]: ${m[4]}` : `${m[3]} ${m[4]}`;
  if (line.indexOf(' [') > 0 && (m = BRACKET_PROGRAM.exec(line))) return `${m[1]}${m[2]}: ${m[3]}`;
  if (line.indexOf('[') > 8) return charonFreeStamp(line) ?? line;
  return line;
}
