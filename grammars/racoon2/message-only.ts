// The gateway's messages quoted alone — without time, instance or tag, at most behind their
// `file.c:line:function(): ` origin (`phase1 negotiation failed due to time up`, the keywords of
// Alibaba's error-code table pasted into a ticket). A line is one only when the racoon2 catalogue
// knows its message; it is read as a gateway line without a time. Registered after every other
// dialect: a line that carries any dialect's frame is that dialect's.
import { framedDialect } from '../common/framed-dialect.js';
import { Frame, LineEnd, Message } from '../common/framed-line.js';
import { newToken } from '../peer-common/syslog-program.js';
import type { IToken } from '../chevrotain.js';
import type { Dialect } from '../../src/parse/dialect.js';
import { FLOATING, TEMPLATES, templateKey } from './catalog.js';
import { classifyRecord } from './index.js';

/** `isakmp.c:1234:isakmp_ph1resend(): ` in front of the message. */
const ORIGIN = /^[\w-]+\.c:\d+:\w+\(\): ?/;
const MAX_LINE = 2000;

const isHex = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 97 && c <= 102);

/**
 * Where the message starts (after blanks and an origin), or -1 when the catalogue does not know it.
 * Asked about every line no other dialect claims — a gateway export's hex dumps, a third of its
 * lines, among them — so a dump word is turned away before any string is made.
 */
function messageStart(line: string): number {
  if (line.length > MAX_LINE) return -1;
  let i = 0;
  while (i < 8 && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  let hex = 0;
  while (hex < 8 && isHex(line.charCodeAt(i + hex))) hex++;
  if (hex === 8) return -1;
  const dotC = line.indexOf('.c:', i);
  if (dotC > i && dotC < i + 40) {
    const o = ORIGIN.exec(line.slice(i, i + 120));
    if (o) i += o[0].length;
  }
  if (line.length - i < 8) return -1;
  const list = TEMPLATES[templateKey(line, i)];
  if (list) {
    const msg = line.slice(i);
    if (list.some((t) => t.re.test(msg))) return i;
  }
  for (const f of FLOATING) if (line.includes(f.keyword, i) && f.template.re.test(line.slice(i))) return i;
  return -1;
}

function tokenize(s: string, base: number, out: IToken[]): string | null {
  const at = messageStart(s);
  if (at < 0) return 'not a racoon2 message the catalogue knows';
  out.push(newToken(Frame, s.slice(0, at) || ' ', base, undefined));
  out.push(newToken(Message, s.slice(at).trimEnd(), base + at));
  out.push(newToken(LineEnd, '\n', base + s.length));
  return null;
}

export const racoon2MessageDialect: Dialect = framedDialect<undefined>({
  name: 'racoon2-message',
  title: 'racoon2 gateway messages pasted alone',
  side: 'cloud',
  fallback: true,
  label: 'racoon2 message',
  sniff: (line) => messageStart(line) >= 0,
  tokenize,
  fill(rec) {
    // Quoted without its tag: an error unless the catalogue says what it is.
    rec.tag = 'PROTO_ERR';
  },
  classify(rec) {
    classifyRecord(rec);
  },
  continues: (text) => text.trim() === '',
});
