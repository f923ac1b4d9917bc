// Opens every input the user named — files, directories (recursively), or in-memory documents —
// and hands each on as parsed JSON or as a stream of line batches. The only module that reads files.
import { open, readdir, stat, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Problem } from '../../types.js';
import { locate } from '../../errors.js';
import { batchLines, isGzip, openByteStream, readLines, type LineBatch } from './line-reader.js';
import { compareText } from '../../compare.js';

/** A path, or a document already in memory (API responses, tests). */
export type AnalyzeInput = string | { source: string; content: string | Uint8Array };

export type InputDocument =
  | { source: string; type: 'json'; value: unknown; bytes: number; mtimeMs?: number }
  | {
      source: string;
      type: 'lines';
      batches: AsyncIterable<LineBatch>;
      bytes: number;
      mtimeMs?: number;
      /** Plain (not gzipped) file on disk: may be split into ranges for worker threads. */
      path?: string;
      /** Its first bytes as text, to tell which dialect it holds before reading it. */
      head?: string;
    }
  | { source: string; type: 'problem'; problem: Problem };

/** JSON documents are parsed whole; above this they are refused rather than exhaust memory. */
const MAX_JSON_BYTES = 256 * 1024 * 1024;
const HEAD_BYTES = 4096;

function problem(source: string, code: string, msg: string, hint?: string): InputDocument {
  return { source, type: 'problem', problem: { source, code, message: locate(source, undefined, msg, hint) } };
}

function firstSignificant(head: Uint8Array): number {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 32 || head[i] === 9 || head[i] === 10 || head[i] === 13)) i++;
  return i < head.length ? head[i]! : -1;
}

/**
 * Whether the input starts a JSON document: `{`, or `[` opening an array — not the `[IKE] …` of
 * swanctl output or a `[2.4.3-RELEASE][root@fw]` shell prompt, which start like one.
 */
function startsJson(head: Uint8Array): boolean {
  const c = firstSignificant(head);
  if (c === 0x7b) return true;
  if (c !== 0x5b) return false;
  const text = Buffer.from(head.subarray(0, 200)).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  return !/^\[[\w .@:/-]+\]/.test(text);
}

function hasNul(head: Uint8Array): boolean {
  return head.includes(0);
}

/** Where in a JSON text a parse error points, as `line:column`. */
function jsonErrorLocation(text: string, err: Error): string | undefined {
  const m = /position (\d+)/.exec(err.message);
  if (!m) return undefined;
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  return `${line}:${pos - before.lastIndexOf('\n')}`;
}

function parseJsonText(source: string, text: string, bytes: number, mtimeMs?: number): InputDocument {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { source, type: 'json', value: JSON.parse(clean), bytes, ...(mtimeMs ? { mtimeMs } : {}) };
  } catch (e) {
    const at = jsonErrorLocation(clean, e as Error);
    const truncated = /Unexpected end|Unterminated/.test((e as Error).message);
    return {
      source,
      type: 'problem',
      problem: {
        source,
        code: 'E_JSON_INVALID',
        message: locate(source, at, `${truncated ? 'truncated JSON' : 'invalid JSON'} (${(e as Error).message})`, 'Export the API response again, complete.'),
      },
    };
  }
}

async function* toAsync(buf: Buffer): AsyncGenerator<Buffer> {
  yield buf;
}

async function* fromMemory(source: string, content: string | Uint8Array): AsyncGenerator<InputDocument> {
  let bytes: Uint8Array = typeof content === 'string' ? Buffer.from(content) : content;
  if (isGzip(bytes)) bytes = gunzipSync(bytes);
  if (bytes.length === 0) return yield problem(source, 'E_INPUT_EMPTY', 'empty input', 'Nothing to analyse.');
  const head = bytes.subarray(0, HEAD_BYTES);
  if (startsJson(head)) return yield parseJsonText(source, Buffer.from(bytes).toString('utf8'), bytes.length);
  if (hasNul(head)) return yield problem(source, 'E_INPUT_BINARY', 'binary content, not a log or JSON export', 'Is this the right file?');
  const buf = Buffer.from(bytes);
  yield { source, type: 'lines', bytes: buf.length, batches: readLines(toAsync(buf)) };
}

async function* fromFile(path: string, source: string): AsyncGenerator<InputDocument> {
  let size: number;
  let mtimeMs: number;
  let head: Uint8Array;
  try {
    const fh = await open(path, 'r');
    try {
      const st = await fh.stat();
      size = st.size;
      mtimeMs = st.mtimeMs;
      const buf = Buffer.alloc(Math.min(HEAD_BYTES, size));
      await fh.read(buf, 0, buf.length, 0);
      head = buf;
    } finally {
      await fh.close();
    }
  } catch (e) {
    return yield problem(source, 'E_INPUT_UNREADABLE', `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 'Check the path and permissions.');
  }
  if (size === 0) return yield problem(source, 'E_INPUT_EMPTY', 'empty file', 'Nothing to analyse.');
  if (isGzip(head)) {
    yield await fromGzip(path, source, head, size, mtimeMs);
    return;
  }
  if (startsJson(head)) {
    if (size > MAX_JSON_BYTES) return yield problem(source, 'E_INPUT_UNREADABLE', `JSON document of ${size} bytes is too large`, 'Split the export.');
    return yield parseJsonText(source, await readFile(path, 'utf8'), size, mtimeMs);
  }
  if (hasNul(head)) return yield problem(source, 'E_INPUT_BINARY', 'binary content, not a log or JSON export', 'Is this the right file?');
  // The stream opens only when the batches are read: a file handed to worker threads never is.
  async function* lazy(): AsyncGenerator<LineBatch> {
    yield* readLines(openByteStream(path, head) as AsyncIterable<Buffer>);
  }
  yield { source, type: 'lines', bytes: size, batches: lazy(), mtimeMs, path, head: Buffer.from(head).toString('utf8') };
}

/** A gzipped file is JSON or log text by its decompressed start; the peeked batch is not lost. */
async function fromGzip(path: string, source: string, head: Uint8Array, size: number, mtimeMs: number): Promise<InputDocument> {
  const it = readLines(openByteStream(path, head) as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const first = await it.next();
  const firstLines = first.done ? [] : batchLines(first.value);
  const firstText = firstLines.find((l) => l.text.trim() !== '')?.text.trimStart() ?? '';
  if (startsJson(Buffer.from(firstText))) {
    const parts = firstLines.map((l) => l.text);
    let total = 0;
    for (let r = await it.next(); !r.done; r = await it.next()) {
      for (const l of batchLines(r.value)) {
        total += l.text.length;
        if (total > MAX_JSON_BYTES) return problem(source, 'E_INPUT_UNREADABLE', 'gzipped JSON document is too large', 'Split the export.');
        parts.push(l.text);
      }
    }
    return parseJsonText(source, parts.join('\n'), size, mtimeMs);
  }
  async function* replay(): AsyncGenerator<LineBatch> {
    if (firstLines.length > 0) yield firstLines;
    for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
  }
  return { source, type: 'lines', bytes: size, batches: replay(), mtimeMs };
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => compareText(a.name, b.name));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** Yields one document per file (directories expanded) or in-memory input, in a stable order. */
export async function* readInputs(inputs: readonly AnalyzeInput[], cwd = process.cwd()): AsyncGenerator<InputDocument> {
  for (const input of inputs) {
    if (typeof input !== 'string') {
      yield* fromMemory(input.source, input.content);
      continue;
    }
    let st;
    try {
      st = await stat(input);
    } catch (e) {
      yield problem(input, 'E_INPUT_UNREADABLE', `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 'Check the path.');
      continue;
    }
    if (st.isDirectory()) {
      const files = await listFiles(input);
      if (files.length === 0) yield problem(input, 'E_INPUT_EMPTY', 'directory holds no files', 'Point at the exported files.');
      for (const f of files) yield* fromFile(f, displayName(f, cwd));
    } else {
      yield* fromFile(input, displayName(input, cwd));
    }
  }
}

function displayName(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/** Total bytes of the named files and directories (for progress displays); unreadable ones count 0. */
export async function totalInputBytes(inputs: readonly AnalyzeInput[]): Promise<number> {
  let total = 0;
  for (const input of inputs) {
    if (typeof input !== 'string') {
      total += typeof input.content === 'string' ? Buffer.byteLength(input.content) : input.content.length;
      continue;
    }
    try {
      const st = await stat(input);
      if (st.isDirectory()) for (const f of await listFiles(input)) total += (await stat(f)).size;
      else total += st.size;
    } catch {
      // Reported as a problem when the input is read.
    }
  }
  return total;
}
