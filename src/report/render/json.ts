// The JSON report exactly per spec/report.md (schema/report.schema.json). Also as a sequence of
// chunks — one per subject — so a report of hundreds of subjects is written without first
// building one string of tens of megabytes (two bytes per character once any text holds a `…`).
import type { Report, Subject } from '../../types.js';

/** Indents every line after the first of a JSON text by `pad`; string values hold no raw newline. */
function indented(json: string, pad: string): string {
  return json.includes('\n') ? json.replaceAll('\n', `\n${pad}`) : json;
}

/** One member of the report object, as `JSON.stringify(report, null, 2)` writes it; arrays an item a chunk. */
function* memberChunks(key: string, value: unknown, last: boolean): Generator<string> {
  const end = last ? '\n' : ',\n';
  if (Array.isArray(value) && value.length > 0) {
    yield `  ${JSON.stringify(key)}: [\n`;
    for (const [j, item] of value.entries()) yield itemChunk(item, j === value.length - 1);
    yield `  ]${end}`;
  } else {
    yield `  ${JSON.stringify(key)}: ${indented(JSON.stringify(value, null, 2), '  ')}${end}`;
  }
}

function itemChunk(item: unknown, last: boolean): string {
  return `${subjectItemJson(item)}${last ? '' : ','}\n`;
}

/** An item of a top-level array (a subject) as the report writes it: indented, without its comma and line end. */
export function subjectItemJson(item: unknown): string {
  // Stringified two arrays deep, the item comes out indented as it stands in the report: no pass
  // over a subject's text to indent it (a copy of every subject of a fleet's report).
  const wrapped = JSON.stringify([[item]], null, 2);
  return wrapped.slice(WRAP_OPEN.length, -WRAP_CLOSE.length);
}

/** What `JSON.stringify([[x]], null, 2)` writes around x (ASCII: as many bytes as characters). */
const WRAP_OPEN = '[\n  [\n';
const WRAP_CLOSE = '\n  ]\n]';
const utf8 = new TextEncoder();

/**
 * subjectItemJson's text as UTF-8, encoded from the wrapped text and cut as bytes. V8 hands a
 * stringified text over in pieces (a rope), and the first string made from it pays ~10 ns a
 * character to join them; the slice, then the slice plus its comma, then its byte length each
 * walked or copied all of it again (measured on the 1 M-line few-connection report, 20 MB and two
 * bytes a character once a text holds `—`: ~650 → ~290 ms). Here it is joined once, into bytes.
 */
export function subjectItemBytes(item: unknown): Uint8Array {
  if (isLong(item)) return memberwiseBytes(item);
  const bytes = utf8.encode(JSON.stringify([[item]], null, 2));
  return bytes.subarray(WRAP_OPEN.length, bytes.length - WRAP_CLOSE.length);
}

/**
 * Timeline entries (an earlier episode counts as ten) from which a subject is written a member at
 * a time. One stringified text holding a non-ASCII character (a rule's `—`) is two bytes a
 * character throughout, and joining such a rope into bytes cost ~10 ns a character: the 200
 * subjects of the 1 M-line few-connection report (110 KB each) took 225 ms to stringify and encode
 * whole, 65 ms member by member, where the timeline stays one byte a character. A fleet's small
 * subjects (≤ 30 entries) are faster whole: a member at a time costs an encode call per member.
 */
const MEMBERWISE_FROM = 100;

function isLong(item: unknown): item is Record<string, unknown> {
  // Reports are plain data; anything with its own toJSON is stringified whole, as JSON.stringify would.
  if (item === null || typeof item !== 'object' || Array.isArray(item) || typeof (item as { toJSON?: unknown }).toJSON === 'function') return false;
  const o = item as { timeline?: unknown; episodes?: unknown };
  const entries = (Array.isArray(o.timeline) ? o.timeline.length : 0) + 10 * (Array.isArray(o.episodes) ? o.episodes.length : 0);
  return entries >= MEMBERWISE_FROM;
}

/** Members of an item (a subject) stand three levels deep in the report: `subjects`' array, then the item. */
const MEMBER_DEPTH = 3;
const MEMBER_WRAP = JSON.stringify([[['\u0000']]], null, 2).split('"\\u0000"');
const MEMBER_INDENT = ' '.repeat(2 * MEMBER_DEPTH);

/** What JSON.stringify writes for a member's value, skipped as it skips them. */
const written = (v: unknown): boolean => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';

/** subjectItemBytes for a long item: its members stringified and encoded one by one, the same bytes. */
function memberwiseBytes(item: Record<string, unknown>): Uint8Array {
  const keys = Object.keys(item).filter((k) => written(item[k]));
  if (keys.length === 0) return utf8.encode('    {}');
  const [open, close] = MEMBER_WRAP as [string, string];
  const parts: Uint8Array[] = [utf8.encode('    {\n')];
  keys.forEach((k, i) => {
    // Nested three arrays deep, the value comes out indented as it stands under its key.
    const nested = JSON.stringify([[[item[k]]]], null, 2);
    const value = nested.slice(open.length, nested.length - close.length);
    parts.push(utf8.encode(`${MEMBER_INDENT}${JSON.stringify(k)}: `), utf8.encode(value), utf8.encode(i === keys.length - 1 ? '\n    }' : ',\n'));
  });
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const present = (report: Partial<Report>): [string, unknown][] => Object.entries(report).filter(([, v]) => v !== undefined && typeof v !== 'function');

/** The report as `JSON.stringify(report, null, 2)` plus a final newline, in chunks. */
export function* renderJsonChunks(report: Report): Generator<string> {
  const entries = present(report);
  if (entries.length === 0) {
    yield '{}\n';
    return;
  }
  yield '{\n';
  for (const [i, [key, value]] of entries.entries()) yield* memberChunks(key, value, i === entries.length - 1);
  yield '}\n';
}

export function renderJson(report: Report): string {
  return [...renderJsonChunks(report)].join('');
}

/**
 * The same text written while the subjects are judged (a fleet's report is never whole in
 * memory): the members before `subjects`, each subject as it comes (`count` of them, at least
 * one), then the rest once the run is over. Byte for byte what renderJsonChunks writes for the
 * report they make up.
 */
export class JsonReportStream {
  private written = 0;

  constructor(private readonly count: number) {}

  /** The opening brace, the members before `subjects` (in the report's order), and the array's opening. */
  head(before: Partial<Report>): string {
    return ['{\n', ...present(before).flatMap(([k, v]) => [...memberChunks(k, v, false)]), `  "subjects": [\n`].join('');
  }

  subject(s: Subject): string {
    this.written++;
    return itemChunk(s, this.written === this.count);
  }

  /** What follows a subject given as subjectItemJson's text (written as it is, bytes and all). */
  afterItem(): string {
    this.written++;
    return this.written === this.count ? '\n' : ',\n';
  }

  /** Closes the array and writes the members after it (`subjects` itself is left out of `after`). */
  tail(after: Partial<Report>): string {
    const entries = present(after);
    return [`  ]${entries.length > 0 ? ',' : ''}\n`, ...entries.flatMap(([k, v], i) => [...memberChunks(k, v, i === entries.length - 1)]), '}\n'].join('');
  }
}
