// Streams a byte source as numbered text lines: CRLF and BOM tolerant, gzip transparent, and with a
// cap on line length so one giant line cannot exhaust memory.
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';

/** Lines longer than this are cut; the reader reports how long they really were. */
export const MAX_LINE_BYTES = 64 * 1024;

export interface TextLine {
  /** 1-based line number. */
  line: number;
  text: string;
  /** Original byte length when the line was cut to MAX_LINE_BYTES. */
  truncatedFrom?: number;
  /** The line held NUL or other control bytes that no log line has. */
  binary?: boolean;
}

const GZIP_MAGIC_0 = 0x1f;
const GZIP_MAGIC_1 = 0x8b;

export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === GZIP_MAGIC_0 && head[1] === GZIP_MAGIC_1;
}

/** Opens a file as a byte stream, gunzipping when the content (not the name) says gzip. */
export function openByteStream(path: string, head: Uint8Array): Readable {
  const raw = createReadStream(path, { highWaterMark: 256 * 1024 });
  return isGzip(head) ? raw.pipe(createGunzip()) : raw;
}

/** Control bytes no log line has (NUL, and C0 codes other than tab/CR/LF/FF/VT). */
const CONTROL = /[\x00-\x08\x0e-\x1f]/;
const CONTROL_ALL = /[\x00-\x08\x0e-\x1f]/g;

/** Binary when it holds a NUL, or when control bytes are more than a tenth of the line. */
function looksBinary(text: string): boolean {
  if (!CONTROL.test(text)) return false;
  if (text.includes('\0')) return true;
  return (text.match(CONTROL_ALL)?.length ?? 0) * 10 > text.length;
}

/** Batches lines so the consumer pays one await per batch, not per line. */
export async function* readLineBatches(stream: AsyncIterable<Buffer | string>, batchSize = 512): AsyncGenerator<TextLine[]> {
  let carry: Buffer | null = null;
  let carryDropped = 0;
  let lineNo = 0;
  let first = true;
  let batch: TextLine[] = [];
  // Binary junk carries NUL bytes: look for one per chunk (memchr), and test lines only in
  // chunks that have one. Control characters without a NUL are left to the grammars.
  let chunkHasControl = true;
  const emit = (buf: Buffer, start: number, end: number, dropped: number): void => {
    lineNo++;
    let s = start;
    if (first) {
      first = false;
      if (end - s >= 3 && buf[s] === 0xef && buf[s + 1] === 0xbb && buf[s + 2] === 0xbf) s += 3;
    }
    let e = end;
    if (e > s && buf[e - 1] === 0x0d) e--;
    const entry: TextLine = { line: lineNo, text: '' };
    if (dropped > 0 || e - s > MAX_LINE_BYTES) {
      entry.truncatedFrom = e - s + dropped;
      e = Math.min(e, s + MAX_LINE_BYTES);
    }
    entry.text = buf.toString('utf8', s, e);
    if (chunkHasControl && looksBinary(entry.text)) entry.binary = true;
    batch.push(entry);
  };
  for await (const chunk of stream) {
    let buf: Buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    chunkHasControl = buf.indexOf(0) >= 0 || (carry !== null && carry.indexOf(0) >= 0);
    let pos = 0;
    if (carry) {
      const nl = buf.indexOf(10);
      if (nl < 0) {
        // Still inside one line: keep at most the cap, count the rest.
        if (carry.length < MAX_LINE_BYTES + 1) carry = Buffer.concat([carry, buf.subarray(0, MAX_LINE_BYTES + 1 - carry.length)]);
        carryDropped += buf.length - Math.min(buf.length, MAX_LINE_BYTES + 1);
        continue;
      }
      const joined = carry.length < MAX_LINE_BYTES + 1 ? Buffer.concat([carry, buf.subarray(0, nl)]) : carry;
      const dropped = carry.length < MAX_LINE_BYTES + 1 ? carryDropped : carryDropped + nl;
      emit(joined, 0, joined.length, dropped);
      carry = null;
      carryDropped = 0;
      pos = nl + 1;
    }
    for (;;) {
      const nl = buf.indexOf(10, pos);
      if (nl < 0) break;
      emit(buf, pos, nl, 0);
      pos = nl + 1;
    }
    if (pos < buf.length) {
      const rest = buf.subarray(pos);
      carry = rest.length > MAX_LINE_BYTES + 1 ? Buffer.from(rest.subarray(0, MAX_LINE_BYTES + 1)) : Buffer.from(rest);
      carryDropped = Math.max(0, rest.length - carry.length);
    }
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
    buf = Buffer.alloc(0);
  }
  chunkHasControl = true;
  if (carry && (carry.length > 0 || carryDropped > 0)) emit(carry, 0, carry.length, carryDropped);
  if (batch.length > 0) yield batch;
}
