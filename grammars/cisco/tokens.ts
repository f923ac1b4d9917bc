// Token types of the Cisco line grammar and the hand tokenizer that produces them. Shapes:
//   syslog   [<pri>][seq: ][relay stamp host : ][*]stamp: %ASA-5-713119: Group = …, IP = …, text
//            … %CRYPTO-4-IKMP_BAD_MESSAGE: text, %IKEV2-5-SA_UP: text
//   debug    [stamp: ]ISAKMP:(1001): text | IPSEC(func): text | IKEv2:(SESSION ID = 1,SA ID = 1): text
//            [stamp ][IKEv1 DEBUG][:]Group = …, IP = …, text (ASA console debug; also pasted without the tag)
//   dump     an IKEv2 packet dump line (`  Proposal: 1, Protocol id: IKE, …`, `    type: 1, reserved: 0x0, id: AES-CBC`)
//   show     `Protection suite of priority 10`, `Transform set TS: { esp-aes 256 esp-sha-hmac }`,
//            `Crypto Map IPv4 "CMAP" 10 ipsec-isakmp`, `PFS (Y/N): Y`, `DH group:  group14`
//   noise    the CLI prompt with a command, `Crypto ISAKMP debugging is on`
import { createToken, type IToken, type TokenType } from '../chevrotain.js';
import { newToken } from '../peer-common/syslog-program.js';
import { BARE_TAG, readPrefix } from './prefix.js';
import { scanHead } from './stamp.js';

export const Stamp = createToken({ name: 'Stamp', pattern: /[^\n]+?/ });
export const Prefix = createToken({ name: 'Prefix', pattern: /[^\n]+?/ });
export const Message = createToken({ name: 'Message', pattern: /[^\n]+/ });
export const Dump = createToken({ name: 'Dump', pattern: /[^\n]+/ });
export const Show = createToken({ name: 'Show', pattern: /[^\n]+/ });
export const Noise = createToken({ name: 'Noise', pattern: /[^\n]+/ });
export const LineEnd = createToken({ name: 'LineEnd', pattern: /\n/ });

export const allTokens: TokenType[] = [Stamp, Prefix, Message, Dump, Show, Noise, LineEnd];

/** IKEv2 packet-dump lines whose content the catalogue reads or that only a Cisco debug prints. */
const DUMP =
  /^\s*(?:Initiator SPI : \S+ - Responder SPI : |Payload contents: ?$|Proposal: \d+, Protocol id: |Proposal \d+: (?:AES|3DES|DES|NULL)[\w-]* |type: \d+, reserved: 0x[0-9a-f]+, id: |last (?:proposal|transform): 0x|NOTIFY\([\w_]+\)|Security protocol id: \w+, spi size: |[A-Za-z]{1,6}\s+Next payload: \w+, reserved: |DH group: \d+, Reserved|Num of TSs: |TS type: |start port: \d+, end port: |start addr: |Id type: |Auth method |Decrypted packet:)/;

/** `show crypto isakmp policy`, `show crypto ipsec transform-set`, `show crypto map` lines the catalogue reads. */
const SHOW =
  /^\s*(?:Protection suite of priority \d+|Default protection suite|Global IKE policy|Transform set (?:\S+?): \{|Crypto Map (?:IPv4 )?"[^"]+" \d+ (?:ipsec-isakmp|gdoi|ipsec-manual)|PFS \(Y\/N\): [YN]|DH group:\s+\S+$|[\w.-]+:\s+\{ (?:esp|ah)-)/;

/** The CLI prompt with a command, the debug switches' answers, a show command's header. */
const NOISE =
  /^(?:[A-Za-z][\w.-]{0,62}(?:\([\w-]+\))?[#>] ?(?:(?:debug|undebug|terminal|term|show|sh|clear|no|logging|conf(?:igure)?|ping|end|exit|write|un)\b.*)?\s*$|(?:Crypto (?:ISAKMP|IPSEC|IKEv2|Engine)|IKEv2 (?:default|error|packet|terse|internal)|ISAKMP|IPSEC) [\w ]*debugging is (?:on|off)\s*$|All possible debugging has been turned (?:on|off)\s*$|Load for five secs: .*|Time source is .*|Log Buffer \(\d+ bytes\):\s*$)/;

/** `ISAKMP:`, `ISAKMP (0):`, `ISAKMP-PAK:`, `IPSEC(func):`, `IPSEC:`: a debug facility, not the word. */
const DEBUG_HEAD = /^(?:ISAKMP(?:-\w+)?(?::| ?\()|IPSE[Cc](?:-\w+)?[(:])/;

function isIkev2Prefix(s: string, i: number): boolean {
  const c = s.charCodeAt(i + 5);
  return c === 58 || c === 45 || /^IKEv2 [A-Z_]+ Exchange (?:REQUEST|RESPONSE)/.test(s.slice(i, i + 60));
}

/** Where a debug or syslog message starts in the line, and its prefix; undefined when none. */
function prefixAt(s: string, i: number): ReturnType<typeof readPrefix> {
  const c = s.charCodeAt(i);
  // A syslog tag quoted without its `%` (`ASA-5-713049: …`, `CRYPTO-4-IKMP_BAD_MESSAGE: …`).
  if ((c === 65 || c === 67 || c === 73) && BARE_TAG.test(s.slice(i, i + 48))) return readPrefix(s, i);
  if (c !== 37 && c !== 91 && c !== 73 && c !== 67 && c !== 71) return undefined;
  if (c === 73 && s.startsWith('IKEv2', i) && !isIkev2Prefix(s, i)) return undefined;
  if (c === 73 && !s.startsWith('IKEv2', i) && !DEBUG_HEAD.test(s.slice(i, i + 24))) return undefined;
  return readPrefix(s, i);
}

/** The sniff: one of the shapes above, and nothing another dialect writes. */
export function sniffLine(s: string): boolean {
  const c0 = s.charCodeAt(0);
  // Fast exits: the shapes start with a stamp, `<`, `%`, `*`, `.`, `[`, `I`, a prompt or white space.
  if (c0 === 32 || c0 === 9) return DUMP.test(s) || SHOW.test(s);
  // `A…` starts a bare tag (`ASA-5-713049: …`) or a stamp in April or August: both are tried.
  const prefixFirst = c0 === 73 || c0 === 37 || c0 === 91 || c0 === 67 || c0 === 71;
  if ((prefixFirst || c0 === 65) && prefixAt(s, 0)) return true;
  if (!prefixFirst) {
    const h = scanHead(s);
    if (h.end > 0) return prefixAt(s, h.end) !== undefined;
    // A digit or `<` that starts no stamp (a gateway's hex dump line): none of ours.
    if ((c0 >= 48 && c0 <= 57) || c0 === 60) return false;
  }
  return DUMP.test(s) || SHOW.test(s) || NOISE.test(s);
}

/** Appends the tokens of one line to `out`; returns why the line does not fit (appending nothing), or null. */
export function tokenizeLine(s: string, base: number, out: IToken[]): string | null {
  const h = s.charCodeAt(0) === 32 || s.charCodeAt(0) === 9 ? { end: 0 } : scanHead(s);
  const p = prefixAt(s, h.end);
  if (p) {
    if (h.end > 0) out.push(newToken(Stamp, s.slice(0, h.end), base, 'stamp' in h ? h.stamp : undefined));
    out.push(newToken(Prefix, s.slice(h.end, p.end), base + h.end, p.payload));
    if (p.end < s.length) out.push(newToken(Message, s.slice(p.end), base + p.end));
  } else if (DUMP.test(s)) out.push(newToken(Dump, s, base));
  else if (SHOW.test(s)) out.push(newToken(Show, s, base));
  else if (NOISE.test(s)) out.push(newToken(Noise, s, base));
  else return 'not a Cisco ASA syslog, IOS debug crypto or show line';
  out.push(newToken(LineEnd, '\n', base + s.length));
  return null;
}
