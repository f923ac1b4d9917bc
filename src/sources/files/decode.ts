// Turns an input's raw bytes into UTF-8 text chunks before anything looks for lines: gzip (capped
// in size and ratio, damage reported as data, never thrown), UTF-16 by its byte-order mark or by
// its NUL pattern (what Windows PowerShell 5 writes), lone-CR line ends (classic Mac, some router
// consoles) as LF, and the test that tells text with a few NUL bytes from binary junk.
import { createGunzip } from 'node:zlib';
import { Readable } from 'node:stream';
import { isGzip } from './line-reader.js';

/** Decompressed bytes may be at most this many times the compressed size (a bomb stops here). */
export const MAX_GUNZIP_RATIO = 200;
/** Decompressed bytes allowed whatever the ratio: small inputs compress well and stay small. */
export const GUNZIP_FLOOR_BYTES = 64 * 1024 * 1024;

/** Damage found while decoding: the reader lists it as a located problem and stops the input. */
export class InputFault extends Error {
  constructor(
    readonly code: 'E_INPUT_CORRUPT' | 'E_INPUT_TOO_LARGE',
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/** Largest decompressed size accepted for `compressedBytes` of gzip. */
export function gunzipLimit(compressedBytes: number): number {
  return Math.max(GUNZIP_FLOOR_BYTES, compressedBytes * MAX_GUNZIP_RATIO);
}

/** Gunzips a byte stream; zlib errors and the size cap become an InputFault. The cap grows with the compressed bytes read (a stream's size is not known ahead). */
export async function* gunzipChunks(src: AsyncIterable<Buffer> | Buffer, compressedBytes: number): AsyncGenerator<Buffer> {
  let seen = 0;
  async function* counted(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const c of chunks) {
      seen += c.length;
      yield c;
    }
  }
  const gunzip = createGunzip();
  const input = Buffer.isBuffer(src) ? Readable.from([src]) : Readable.from(counted(src));
  if (Buffer.isBuffer(src)) seen = src.length;
  input.on('error', (e) => gunzip.destroy(e));
  input.pipe(gunzip);
  let out = 0;
  try {
    for await (const chunk of gunzip) {
      out += (chunk as Buffer).length;
      const limit = gunzipLimit(Math.max(compressedBytes, seen));
      if (out > limit) {
        throw new InputFault('E_INPUT_TOO_LARGE', `gzip data inflates to over ${limit} bytes (${MAX_GUNZIP_RATIO}× its size)`, 'A decompression bomb, or an export to split: the rest was not read.');
      }
      yield chunk as Buffer;
    }
  } catch (e) {
    if (e instanceof InputFault) throw e;
    throw new InputFault('E_INPUT_CORRUPT', `damaged gzip data after ${out} decompressed bytes (${(e as Error).message})`, 'The file was cut or altered: what came before was read; download it again.');
  } finally {
    input.unpipe(gunzip);
    input.destroy();
    gunzip.destroy();
  }
}

export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be';

/** The encoding of a text by its first bytes, and how many bytes of byte-order mark to skip. */
export function sniffEncoding(head: Uint8Array): { encoding: TextEncoding; bom: number } {
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf16be', bom: 2 };
  // Without a mark: ASCII text in UTF-16 has a NUL in every other byte, and only there.
  const n = Math.min(head.length, 512) & ~1;
  if (n < 8) return { encoding: 'utf8', bom: 0 };
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.9 && evenNul < pairs * 0.05) return { encoding: 'utf16le', bom: 0 };
  if (evenNul > pairs * 0.9 && oddNul < pairs * 0.05) return { encoding: 'utf16be', bom: 0 };
  return { encoding: 'utf8', bom: 0 };
}

/** Re-encodes UTF-16 chunks as UTF-8 (a character split across chunks is kept whole). */
export async function* utf16ToUtf8(src: AsyncIterable<Buffer>, encoding: 'utf16le' | 'utf16be', skip: number): AsyncGenerator<Buffer> {
  const decoder = new TextDecoder(encoding === 'utf16le' ? 'utf-16le' : 'utf-16be');
  let toSkip = skip;
  for await (const chunk of src) {
    let c = chunk;
    if (toSkip > 0) {
      const cut = Math.min(toSkip, c.length);
      c = c.subarray(cut);
      toSkip -= cut;
    }
    const text = decoder.decode(c, { stream: true });
    if (text.length > 0) yield Buffer.from(text, 'utf8');
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield Buffer.from(rest, 'utf8');
}

/** Whether a text's line ends are lone CRs: CRs in its head and not one LF. */
export function usesLoneCr(head: Uint8Array): boolean {
  return head.includes(0x0d) && !head.includes(0x0a);
}

/** Lone CR line ends as LF (same length: byte offsets and line numbers are kept). */
export async function* crToLf(src: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  for await (const chunk of src) {
    const c = Buffer.from(chunk);
    for (let i = c.indexOf(0x0d); i >= 0; i = c.indexOf(0x0d, i + 1)) c[i] = 0x0a;
    yield c;
  }
}

/**
 * Binary junk, not text with a few NUL bytes: control bytes other than NUL and white space, or
 * bytes that are not UTF-8, in more than one in twenty of the head's other bytes. A head of NULs
 * only (a log file pre-allocated, or cut by a crash) is text to read around.
 */
export function looksBinary(head: Uint8Array): boolean {
  let nonNul = 0;
  let control = 0;
  for (const b of head) {
    if (b === 0) continue;
    nonNul++;
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 11) control++;
  }
  if (nonNul === 0) return false;
  // A character cut at the end of the head is not a sign of binary: leave the last three bytes out.
  const text = Buffer.from(head.subarray(0, Math.max(0, head.length - 3))).toString('utf8');
  let invalid = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) invalid++;
  return (control + invalid) * 20 > nonNul;
}

/** A stream's first bytes, and the whole stream again (peeked chunks replayed, a fault rethrown at its place). */
export interface Peeked {
  head: Buffer;
  rest: AsyncIterable<Buffer>;
  /** The stream failed before `head` was complete (damaged gzip, unreadable file). */
  fault?: unknown;
}

export async function peek(src: AsyncIterable<Buffer>, min: number): Promise<Peeked> {
  const it = src[Symbol.asyncIterator]();
  const taken: Buffer[] = [];
  let n = 0;
  let fault: unknown;
  let done = false;
  try {
    while (n < min) {
      const r = await it.next();
      if (r.done) {
        done = true;
        break;
      }
      taken.push(r.value);
      n += r.value.length;
    }
  } catch (e) {
    fault = e;
    done = true;
  }
  async function* rest(): AsyncGenerator<Buffer> {
    yield* taken;
    if (fault) throw fault;
    if (!done) for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
  }
  return { head: Buffer.concat(taken), rest: rest(), ...(fault ? { fault } : {}) };
}

/**
 * The decoded start of a byte stream (gzip inflated, UTF-16 re-encoded) — at least `min` bytes
 * when the stream has them — and the whole decoded stream again.
 */
export async function decodeStart(src: AsyncIterable<Buffer>, compressedBytes: number, min: number): Promise<Peeked> {
  let p = await peek(src, 2);
  p = await peek(isGzip(p.head) ? gunzipChunks(p.rest, compressedBytes) : p.rest, min);
  const enc = sniffEncoding(p.head);
  if (enc.encoding !== 'utf8') p = await peek(utf16ToUtf8(p.rest, enc.encoding, enc.bom), min);
  return p;
}
