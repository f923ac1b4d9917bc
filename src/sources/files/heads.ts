// The first lines of every input, read before the run reads any input in full: the read policy
// (run/read-policy.ts) decides from them what the whole run assumes (the year of yearless device
// stamps), so no answer depends on the order of the inputs or on the thread count. Decoded as the
// reader decodes (gzip, UTF-16, lone CR); a stream (standard input) is peeked and handed back
// whole. Nothing here fails: an input that cannot be read has no head, and its reading reports why.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { asBuffers, chunksOf, displayName, listFiles, type AnalyzeInput } from './read-inputs.js';
import { decodeStart, peek } from './decode.js';
import { isGzip } from './line-reader.js';

/** One input's decoded start and its file date. */
export interface InputHead {
  source: string;
  text: string;
  mtimeMs?: number;
}

/** Decoded bytes looked at per input: the first records of a log, the first entries of an export. */
export const HEAD_TEXT_BYTES = 16 * 1024;
/** Compressed bytes read to get them (a gzip's first 256 KiB hold far more than 16 KiB of text). */
const HEAD_RAW_BYTES = 256 * 1024;

async function decodedText(chunks: AsyncIterable<Buffer>, bytes: number): Promise<string> {
  try {
    const p = await decodeStart(chunks, bytes, HEAD_TEXT_BYTES);
    let text = p.head.subarray(0, HEAD_TEXT_BYTES).toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  } catch {
    return '';
  }
}

async function fileHead(path: string, source: string): Promise<InputHead | undefined> {
  let stream: ReturnType<typeof createReadStream> | undefined;
  try {
    const st = await stat(path);
    if (st.size === 0) return undefined;
    stream = createReadStream(path, { start: 0, end: Math.min(st.size, HEAD_RAW_BYTES) - 1, highWaterMark: 64 * 1024 });
    const text = await decodedText(stream as AsyncIterable<Buffer>, st.size);
    return { source, text, mtimeMs: st.mtimeMs };
  } catch {
    return undefined;
  } finally {
    stream?.destroy();
  }
}

/**
 * Heads of all inputs (directories expanded as `readInputs` expands them), and the inputs to read
 * afterwards: the same, except that a stream comes back as one that replays what was peeked.
 */
export async function readHeads(inputs: readonly AnalyzeInput[], cwd = process.cwd()): Promise<{ heads: InputHead[]; inputs: AnalyzeInput[] }> {
  const heads: InputHead[] = [];
  const out: AnalyzeInput[] = [];
  for (const input of inputs) {
    out.push(input);
    if (typeof input !== 'string' && 'stream' in input) {
      const p = await peek(asBuffers(input.stream), HEAD_RAW_BYTES);
      out[out.length - 1] = { source: input.source, stream: p.rest };
      heads.push({ source: input.source, text: await decodedText(chunksOf(p.head), p.head.length) });
      continue;
    }
    if (typeof input !== 'string') {
      const buf = typeof input.content === 'string' ? Buffer.from(input.content.slice(0, HEAD_RAW_BYTES)) : Buffer.from(input.content.buffer, input.content.byteOffset, Math.min(input.content.byteLength, HEAD_RAW_BYTES));
      heads.push({ source: input.source, text: await decodedText(chunksOf(buf), buf.length) });
      continue;
    }
    try {
      const st = await stat(input);
      const files = st.isDirectory() ? await listFiles(input) : [input];
      for (const f of files) {
        const h = await fileHead(f, displayName(f, cwd));
        if (h) heads.push(h);
      }
    } catch {
      // Unreadable: its reading says so.
    }
  }
  return { heads, inputs: out };
}

/**
 * The first `bytes` of one plain (uncompressed) log file as text, for a policy that looks further
 * than a head (the CLI's heap plan); undefined for anything else (several inputs, a directory, a
 * stream, a compressed file, a file that cannot be read).
 */
export async function fileStartText(inputs: readonly AnalyzeInput[], bytes: number): Promise<string | undefined> {
  if (inputs.length !== 1 || typeof inputs[0] !== 'string') return undefined;
  let file: Awaited<ReturnType<typeof open>> | undefined;
  try {
    const st = await stat(inputs[0]);
    if (!st.isFile()) return undefined;
    file = await open(inputs[0], 'r');
    const buf = Buffer.alloc(Math.min(bytes, st.size));
    const { bytesRead } = await file.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead);
    return isGzip(head) ? undefined : head.toString('latin1');
  } catch {
    return undefined;
  } finally {
    await file?.close();
  }
}
