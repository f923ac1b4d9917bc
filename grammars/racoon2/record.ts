// Builds a racoon2 record in the parser's action, from a header line and its tokens: no
// intermediate header object, the tag a shared constant. Owns the record's shape — one literal, so
// every racoon2 record has one hidden class — and the pool records are reused from.
import type { HeaderLine, ParseContext } from '../../src/parse/dialect.js';
import type { LogRecord } from '../../src/types.js';
import { parseContextSuffix } from './context.js';
import type { ScanToken } from './tokens.js';
import { readStamp } from './stamp.js';

const LEVELS: Record<string, LogRecord['level']> = {
  INFO: 'info',
  DEBUG: 'debug',
  PROTO_ERR: 'error',
  INTERNAL_ERR: 'error',
  CRITICAL: 'error',
  PROTO_WARN: 'warn',
  INTERNAL_WARN: 'warn',
};

/** IKE version from racoon2's source file (kb §2.5), by prefix. */
function versionOf(file: string): 1 | 2 | undefined {
  switch (file.charCodeAt(0)) {
    case 105: // i
      if (file.startsWith('ikev2')) return 2;
      return file.startsWith('ikev1') || file.startsWith('isakmp') || file.startsWith('ipsec_doi') ? 1 : undefined;
    case 111: // o
      return file.startsWith('oakley') ? 1 : undefined;
    case 112: // p
      return file.startsWith('proposal') ? 1 : undefined;
    case 118: // v
      return file.startsWith('vendorid') ? 1 : undefined;
    default:
      return undefined;
  }
}

function phaseOf(file: string | undefined, func: string | undefined): 1 | 2 | undefined {
  if (func) {
    if (func.includes('ph1') || func.startsWith('ident_') || func.startsWith('agg_')) return 1;
    if (func.includes('ph2') || func.startsWith('quick_')) return 2;
  }
  if (file) {
    if (file.startsWith('isakmp_quick') || file.startsWith('pfkey') || file.startsWith('ikev2_child')) return 2;
    if (file.startsWith('isakmp_ident') || file.startsWith('isakmp_agg') || file.startsWith('oakley')) return 1;
  }
  return undefined;
}

/** The tag's name without brackets, as a shared constant when it is one of racoon2's seven. */
const TAG_NAMES: Record<string, string> = Object.fromEntries(Object.keys(LEVELS).map((t) => [`[${t}]:`, t]));

/** Records handed back by the line parser once their consumer copied what it needed. */
const spare: LogRecord[] = [];
/** A window's header records (the line parser parses 512 lines at a time), and some to spare. */
const SPARE_MAX = 640;

/**
 * A racoon2 record to fill in: a recycled one when there is one, else a new one. The one literal
 * below fixes every field and their order, so all racoon2 records share one hidden class; callers
 * assign every field the line decides.
 */
export function racoon2Record(): LogRecord {
  return (
    spare.pop() ?? {
      source: '',
      line: 0,
      endLine: 0,
      pointer: undefined,
      side: 'cloud',
      dialect: 'racoon2',
      text: '',
      localTime: undefined,
      timeMs: undefined,
      resourceId: undefined,
      tag: undefined,
      level: 'debug',
      file: undefined,
      srcLine: undefined,
      func: undefined,
      message: '',
      context: undefined,
      local: undefined,
      remote: undefined,
      ikeVersion: undefined,
      phase: undefined,
      connName: undefined,
      session: undefined,
      continuationLines: 0,
      continuation: undefined,
      event: undefined,
      secret: undefined,
      parseMemo: undefined,
    }
  );
}

/** Keeps a finished record for reuse, holding on to none of its texts. */
export function recycleRecord(rec: LogRecord): void {
  if (spare.length >= SPARE_MAX || rec.dialect !== 'racoon2') return;
  rec.text = '';
  rec.localTime = undefined;
  rec.resourceId = undefined;
  rec.message = '';
  rec.event = undefined;
  rec.context = undefined;
  rec.continuation = undefined;
  rec.parseMemo = undefined;
  spare.push(rec);
}

/**
 * Sets the fields every racoon2 record takes from its line and context (and clears the ones only
 * a record's later life sets): shared by the grammar's records and the memo's copies.
 */
export function startRecord(rec: LogRecord, line: HeaderLine, ctx: ParseContext): void {
  const st = readStamp(line.text, ctx.tz);
  rec.source = ctx.source;
  rec.line = line.line;
  rec.endLine = line.line;
  rec.pointer = undefined;
  rec.text = line.text;
  rec.localTime = st.text;
  rec.timeMs = st.ms;
  rec.connName = undefined;
  rec.session = undefined;
  rec.continuationLines = 0;
  rec.continuation = undefined;
  rec.event = undefined;
  rec.secret = undefined;
}

/** The record of one header line from its tokens' images (stamp, id, `[TAG]:`, message, `[{…}]`). */
export function buildRecord(line: HeaderLine, ctx: ParseContext, ridImage: string | undefined, tagImage: string, loc: ScanToken | undefined, msgImage: string, contextImage: string | undefined): LogRecord {
  let message = msgImage;
  let resourceId = ridImage;
  if (!resourceId && message.startsWith('iss-')) {
    // IPsec-server lines put the id after the (empty) location.
    const sp = message.indexOf(' ');
    resourceId = sp < 0 ? message : message.slice(0, sp);
    message = sp < 0 ? '' : message.slice(sp + 1);
  }
  const tag = TAG_NAMES[tagImage] ?? tagImage.slice(1, -2);
  const rec = racoon2Record();
  startRecord(rec, line, ctx);
  rec.resourceId = resourceId;
  rec.tag = tag;
  rec.level = LEVELS[tag] ?? 'warn';
  rec.file = loc?.file;
  rec.srcLine = loc?.srcLine;
  rec.func = loc?.func;
  rec.message = message;
  rec.context = undefined;
  rec.local = undefined;
  rec.remote = undefined;
  rec.ikeVersion = loc ? versionOf(loc.file) : undefined;
  rec.phase = loc ? phaseOf(loc.file, loc.func) : undefined;
  rec.parseMemo = undefined;
  if (contextImage) {
    const parsed = parseContextSuffix(contextImage);
    if (parsed) {
      rec.context = parsed.groups;
      if (parsed.local) rec.local = parsed.local;
      if (parsed.remote) rec.remote = parsed.remote;
      if (parsed.groups['ph1'] !== undefined) rec.phase ??= 1;
      if (parsed.groups['ph2'] !== undefined) rec.phase ??= 2;
    } else {
      rec.message = `${message} ${contextImage}`.trim();
    }
  }
  return rec;
}
