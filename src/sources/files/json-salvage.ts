// The readable start of a damaged JSON text: an export cut short (a download interrupted, a
// gzip stream damaged) or altered in the middle keeps every complete value before the damage.
// The text is cut back to the last point where the open arrays and objects could be closed —
// after a complete element, before a comma, just inside an opener — and closed there. Also where
// the damage is (`damageAt`, `lineColumn`), and V8's error without the input it quotes (`jsonError`).

/** The prefix of `text` (up to `end`) cut at its last safe point (`cut`) and closed, or undefined. */
export function closeJsonPrefix(text: string, end = text.length): { closed: string; cut: number } | undefined {
  // Closers of the open containers; their first `safeDepth` entries are those open at `safeAt`.
  const open: string[] = [];
  let inString = false;
  let escaped = false;
  let safeAt = -1;
  let safeDepth = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (c === 92) escaped = true;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      open.push(c === 123 ? '}' : ']');
      safeAt = i + 1;
      safeDepth = open.length;
    } else if (c === 125 || c === 93) {
      open.pop();
      safeAt = i + 1;
      safeDepth = open.length;
    } else if (c === 44) {
      safeAt = i;
      safeDepth = open.length;
    }
  }
  if (safeAt < 0) return undefined;
  let closers = '';
  for (let d = safeDepth - 1; d >= 0; d--) closers += open[d];
  return { closed: text.slice(0, safeAt) + closers, cut: safeAt };
}

/**
 * Parses what can be read of a damaged JSON text: the longest safe prefix before `errorAt`
 * (where the parser stopped), backing off one safe point at a time if that still does not parse
 * (a key cut after its colon). Undefined when nothing before the damage is a usable document.
 */
export function salvageJson(text: string, errorAt: number): { value: unknown; readTo: number } | undefined {
  let end = Math.min(errorAt, text.length);
  for (let attempt = 0; attempt < 8 && end > 0; attempt++) {
    const prefix = closeJsonPrefix(text, end);
    if (prefix === undefined) return undefined;
    try {
      return { value: JSON.parse(prefix.closed), readTo: prefix.cut };
    } catch {
      end = prefix.cut - 1;
    }
  }
  return undefined;
}

/** `line:column` of an offset in a text. */
export function lineColumn(text: string, pos: number): string {
  let line = 1;
  let lastNl = -1;
  for (let i = text.indexOf('\n'); i >= 0 && i < pos; i = text.indexOf('\n', i + 1)) {
    line++;
    lastNl = i;
  }
  return `${line}:${pos - lastNl}`;
}

/** Salvage by bisection is for documents this small (each step parses the prefix again). */
const BISECT_MAX_CHARS = 16 * 1024 * 1024;

/**
 * Where the parser stopped: the offset V8 names, the end for a cut text, or — when V8 names none
 * (`Unexpected token`) — the longest prefix that still closes into a document, found by bisection.
 */
export function damageAt(text: string, err: Error): number | undefined {
  const m = /position (\d+)/.exec(err.message);
  if (m) return Number(m[1]);
  if (/Unexpected end/.test(err.message)) return text.length;
  if (text.length > BISECT_MAX_CHARS) return undefined;
  let lo = 0;
  let hi = text.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (closesAt(text, mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Whether the text up to `end`, cut at its last safe point and closed, parses (true before the damage, false after). */
function closesAt(text: string, end: number): boolean {
  const p = closeJsonPrefix(text, end);
  if (!p) return false;
  try {
    JSON.parse(p.closed);
    return true;
  } catch {
    return false;
  }
}

/** V8 quotes the input around a bad token: never echo input (it may hold a key) into a message. */
export const jsonError = (e: Error): string => e.message.replace(/, (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s, ' (not valid JSON)');

/** At most this many documents are split from one file (one per page or per run of a script). */
const MAX_DOCUMENTS = 10_000;

/**
 * Several JSON documents one after another (`aliyun … >> out.json` run twice, one response per
 * line): each parsed, or undefined when the text is not such a sequence (a single damaged
 * document is salvaged instead). V8 names where the first document ended.
 */
export function splitDocuments(text: string, first: Error): unknown[] | undefined {
  const values: unknown[] = [];
  let rest = text;
  let err: Error | undefined = first;
  while (err) {
    const at = /after JSON at position (\d+)/.exec(err.message);
    if (!at || values.length >= MAX_DOCUMENTS) return undefined;
    try {
      values.push(JSON.parse(rest.slice(0, Number(at[1]))));
    } catch {
      return undefined;
    }
    rest = rest.slice(Number(at[1])).trimStart();
    err = undefined;
    try {
      values.push(JSON.parse(rest));
    } catch (e) {
      err = e as Error;
    }
  }
  return values;
}
