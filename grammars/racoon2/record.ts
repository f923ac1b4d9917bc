// Builds a racoon2 record in the parser's action, from a header line and its tokens: one object
// literal per line (one hidden class), no intermediate header object, the tag a shared constant.
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

/** The record of one header line from its tokens' images (stamp, id, `[TAG]:`, message, `[{…}]`). */
export function buildRecord(line: HeaderLine, ctx: ParseContext, stamp: string, ridImage: string | undefined, tagImage: string, loc: ScanToken | undefined, msgImage: string, contextImage: string | undefined): LogRecord {
  let message = msgImage;
  let resourceId = ridImage;
  if (!resourceId && message.startsWith('iss-')) {
    // IPsec-server lines put the id after the (empty) location.
    const sp = message.indexOf(' ');
    resourceId = sp < 0 ? message : message.slice(0, sp);
    message = sp < 0 ? '' : message.slice(sp + 1);
  }
  const tag = TAG_NAMES[tagImage] ?? tagImage.slice(1, -2);
  const st = readStamp(stamp, ctx.tzOffsetMinutes);
  // One object literal with every field: records keep one hidden class on the hot path.
  const rec: LogRecord = {
    source: ctx.source,
    line: line.line,
    endLine: line.line,
    pointer: undefined,
    side: 'cloud',
    dialect: 'racoon2',
    text: line.text,
    localTime: st.text,
    timeMs: st.ms,
    resourceId,
    tag,
    level: LEVELS[tag] ?? 'warn',
    file: loc?.file,
    srcLine: loc?.srcLine,
    func: loc?.func,
    message,
    context: undefined,
    local: undefined,
    remote: undefined,
    ikeVersion: loc ? versionOf(loc.file) : undefined,
    phase: loc ? phaseOf(loc.file, loc.func) : undefined,
    connName: undefined,
    session: undefined,
    continuationLines: 0,
    continuation: undefined,
    event: undefined,
    secret: undefined,
    parseMemo: undefined,
  };
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
