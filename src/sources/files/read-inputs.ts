// Opens every input the user named — files, directories (recursively), or in-memory documents —
// and hands each on as parsed JSON or as a stream of line batches. The only module that reads files.
// What a file holds is decided on its decoded start (decode.ts: gzip, UTF-16, lone CR), the same
// way for a file and for a document in memory; damage is a problem, and what came before it is read.
import { open, readdir, realpath, stat, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { createReadStream } from 'node:fs';
import type { Problem } from '../../types.js';
import { locate } from '../../errors.js';
import { isGzip, readLines, type LineBatch } from './line-reader.js';
import { damageAt, jsonError, lineColumn, salvageJson, splitDocuments } from './json-salvage.js';
import { isOwnJsonReport, ownReportFormat } from './own-reports.js';
import { crToLf, decodeStart, InputFault, looksBinary, sniffEncoding, usesLoneCr } from './decode.js';
import { compareText } from '../../compare.js';
import { isAwsRecordLine } from '../../../grammars/aws/index.js';
import { looksLikeDeviceConfig } from '../../../grammars/config/index.js';

/**
 * A path, a document already in memory (API responses, tests), or a stream read once as it comes
 * (standard input: `journalctl -u strongswan | ipsec-doctor analyze -`).
 */
export type AnalyzeInput = string | { source: string; content: string | Uint8Array } | { source: string; stream: AsyncIterable<Uint8Array | string> };

export type InputDocument =
  | {
      source: string;
      type: 'json';
      value: unknown;
      bytes: number;
      mtimeMs?: number;
      /** Damage around the document (cut, altered): what was read is `value`. */
      problems?: Problem[];
    }
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
      /** Found by walking a directory, not named by the user: skipped whole when it is not a log. */
      fromDirectory?: boolean;
    }
  | {
      source: string;
      /** A device configuration (swanctl.conf, ipsec.conf, ipsec.secrets, FortiOS): read whole, parsed with the others after every log. */
      type: 'config';
      text: string;
      bytes: number;
    }
  | { source: string; type: 'problem'; problem: Problem };

/** A device configuration above this is no configuration (a FortiGate backup is a few MB). */
export const MAX_CONFIG_BYTES = 32 * 1024 * 1024;

/** JSON documents are parsed whole; above this they are refused rather than exhaust memory. */
export const MAX_JSON_BYTES = 256 * 1024 * 1024;
const HEAD_BYTES = 4096;
export const CHUNK_BYTES = 256 * 1024;

function problem(source: string, code: string, msg: string, hint?: string): Extract<InputDocument, { type: 'problem' }> {
  return { source, type: 'problem', problem: { source, code, message: locate(source, undefined, msg, hint) } };
}

function firstSignificant(head: Uint8Array): number {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 32 || head[i] === 9 || head[i] === 10 || head[i] === 13)) i++;
  return i < head.length ? head[i]! : -1;
}

/**
 * Whether the first line is one JSON log record of a line-per-record log (AWS Site-to-Site VPN
 * tunnel logs exported from CloudWatch): such a file is a log, read line by line, not a document.
 */
function startsLogRecords(head: Uint8Array): boolean {
  const text = Buffer.from(head).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  const nl = text.indexOf('\n');
  return isAwsRecordLine(nl < 0 ? text : text.slice(0, nl));
}

/**
 * Whether the input starts a JSON document: `{`, or `[` opening an array — not the `[IKE] …` of
 * swanctl output or a `[2.4.3-RELEASE][root@fw]` shell prompt, which start like one.
 */
function startsJson(head: Uint8Array): boolean {
  const c = firstSignificant(head);
  if (c === 0x7b) return !startsLogRecords(head);
  if (c !== 0x5b) return false;
  const text = Buffer.from(head.subarray(0, 200)).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  return !/^\[[\w .@:/-]+\]/.test(text);
}

function parseJsonText(source: string, text: string, bytes: number, mtimeMs?: number, fault?: unknown): InputDocument {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const when = mtimeMs ? { mtimeMs } : {};
  const faults = fault ? [faultProblem(source, fault).problem] : [];
  try {
    const value: unknown = JSON.parse(clean);
    if (isOwnJsonReport(value)) return OWN_REPORT(source, 'JSON');
    return { source, type: 'json', value, bytes, ...when, ...(faults.length > 0 ? { problems: faults } : {}) };
  } catch (e) {
    const err = e as Error;
    const documents = splitDocuments(clean, err);
    if (documents) return { source, type: 'json', value: documents, bytes, ...when, ...(faults.length > 0 ? { problems: faults } : {}) };
    const at = damageAt(clean, err);
    const truncated = fault !== undefined || /Unexpected end|Unterminated/.test(err.message);
    const what = `${truncated ? 'truncated JSON' : 'invalid JSON'} (${jsonError(err)})`;
    const saved = at === undefined ? undefined : salvageJson(clean, at);
    if (saved) {
      // The complete values before the damage are read; the problem says where reading stopped.
      const readTo = lineColumn(clean, saved.readTo);
      const p: Problem = { source, code: 'E_JSON_INVALID', message: locate(source, readTo, `${what}; read up to here, the rest is missing or damaged`, 'Export the API response again, complete: the report covers only what was read.') };
      return { source, type: 'json', value: saved.value, bytes, ...when, problems: [...faults, p] };
    }
    if (faults.length > 0) return { source, type: 'problem', problem: faults[0]! };
    return {
      source,
      type: 'problem',
      problem: { source, code: 'E_JSON_INVALID', message: locate(source, at === undefined ? undefined : lineColumn(clean, at), what, 'Export the API response again, complete.') },
    };
  }
}

function faultProblem(source: string, f: unknown): Extract<InputDocument, { type: 'problem' }> {
  if (f instanceof InputFault) return problem(source, f.code, f.message, f.hint);
  return problem(source, 'E_INPUT_UNREADABLE', `cannot read (${(f as NodeJS.ErrnoException).code ?? (f as Error).message})`, 'Check the file.');
}

const OWN_REPORT = (source: string, format: string): InputDocument =>
  problem(source, 'E_INPUT_SKIPPED', `an ipsec-doctor ${format} report, not an input: skipped`, 'Its findings came from inputs; analyse those instead.');

const BINARY = (source: string): InputDocument => problem(source, 'E_INPUT_BINARY', 'binary content, not a log or JSON export', 'Is this the right file?');

/** All of a JSON document's bytes, capped; damage and the cap are problems, not exceptions. */
async function readJson(source: string, src: AsyncIterable<Buffer>, bytes: number, mtimeMs?: number): Promise<InputDocument> {
  const parts: Buffer[] = [];
  let total = 0;
  try {
    for await (const c of src) {
      total += c.length;
      if (total > MAX_JSON_BYTES) return problem(source, 'E_INPUT_TOO_LARGE', `JSON document over ${MAX_JSON_BYTES} bytes`, 'Split the export.');
      parts.push(c);
    }
  } catch (e) {
    // What came before the damage may still be most of the export.
    return parseJsonText(source, Buffer.concat(parts).toString('utf8'), bytes, mtimeMs, e);
  }
  return parseJsonText(source, Buffer.concat(parts).toString('utf8'), bytes, mtimeMs);
}

/** A device configuration, read whole (they are small; one bigger than MAX_CONFIG_BYTES is refused). */
async function configDocument(source: string, src: AsyncIterable<Buffer>, bytes: number): Promise<InputDocument> {
  const parts: Buffer[] = [];
  let total = 0;
  try {
    for await (const c of src) {
      total += c.length;
      if (total > MAX_CONFIG_BYTES) return problem(source, 'E_INPUT_TOO_LARGE', `device configuration over ${MAX_CONFIG_BYTES} bytes`, 'Give the IPsec part of the configuration.');
      parts.push(c);
    }
  } catch (e) {
    return faultProblem(source, e);
  }
  return { source, type: 'config', text: Buffer.concat(parts).toString('utf8').replace(/^\uFEFF/, ''), bytes: bytes || total };
}

/** A stream's chunks as Buffers (a text stream gives strings). */
export async function* asBuffers(src: AsyncIterable<Uint8Array | string>): AsyncGenerator<Buffer> {
  for await (const c of src) yield typeof c === 'string' ? Buffer.from(c) : Buffer.from(c.buffer, c.byteOffset, c.byteLength);
}

/** A document in memory as the chunks a file would be read in (so it is read, and given up on, alike). */
export async function* chunksOf(buf: Buffer): AsyncGenerator<Buffer> {
  for (let at = 0; at < buf.length; at += CHUNK_BYTES) yield buf.subarray(at, at + CHUNK_BYTES);
}

/**
 * What any byte stream holds, decided on its decoded start: gzip is inflated (capped), UTF-16 is
 * re-encoded, then it is JSON, binary junk, or lines (lone CR line ends read as LF).
 */
async function fromStream(source: string, src: AsyncIterable<Buffer>, bytes: number, mtimeMs?: number): Promise<InputDocument> {
  const p = await decodeStart(src, bytes, HEAD_BYTES);
  if (p.head.length === 0) return p.fault ? faultProblem(source, p.fault) : problem(source, 'E_INPUT_EMPTY', 'empty input', 'Nothing to analyse.');
  const head = p.head.subarray(0, HEAD_BYTES);
  const when = mtimeMs ? { mtimeMs } : {};
  if (startsJson(head)) return readJson(source, p.rest, bytes, mtimeMs);
  if (looksBinary(head)) return BINARY(source);
  const own = ownReportFormat(head.toString('utf8'));
  if (own) return OWN_REPORT(source, own);
  const text = usesLoneCr(head) ? crToLf(p.rest) : p.rest;
  if (looksLikeDeviceConfig(head.toString('utf8'), source)) return configDocument(source, text, bytes);
  return { source, type: 'lines', bytes, batches: readLines(text), ...when };
}

async function* fromMemory(source: string, content: string | Uint8Array): AsyncGenerator<InputDocument> {
  const buf = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  if (buf.length === 0) return yield problem(source, 'E_INPUT_EMPTY', 'empty input', 'Nothing to analyse.');
  yield await fromStream(source, chunksOf(buf), buf.length);
}

async function* fromFile(path: string, source: string, fromDirectory = false): AsyncGenerator<InputDocument> {
  for await (const doc of readOneFile(path, source)) yield fromDirectory && doc.type === 'lines' ? { ...doc, fromDirectory: true } : doc;
}

async function* readOneFile(path: string, source: string): AsyncGenerator<InputDocument> {
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
  const open_ = (): AsyncIterable<Buffer> => createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>;
  // Plain UTF-8 with LF line ends — nearly every input — is read in place, and may be split into
  // ranges for worker threads; anything that needs decoding first goes through fromStream.
  if (isGzip(head) || sniffEncoding(head).encoding !== 'utf8' || usesLoneCr(head)) {
    yield await fromStream(source, open_(), size, mtimeMs);
    return;
  }
  if (startsJson(head)) {
    if (size > MAX_JSON_BYTES) return yield problem(source, 'E_INPUT_TOO_LARGE', `JSON document of ${size} bytes is over ${MAX_JSON_BYTES}`, 'Split the export.');
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      return yield faultProblem(source, e);
    }
    return yield parseJsonText(source, text, size, mtimeMs);
  }
  if (looksBinary(head)) return yield BINARY(source);
  const own = ownReportFormat(Buffer.from(head).toString('utf8'));
  if (own) return yield OWN_REPORT(source, own);
  if (looksLikeDeviceConfig(Buffer.from(head).toString('utf8'), source)) return yield await configDocument(source, open_(), size);
  // The stream opens only when the batches are read: a file handed to worker threads never is.
  async function* lazy(): AsyncGenerator<LineBatch> {
    yield* readLines(open_());
  }
  yield { source, type: 'lines', bytes: size, batches: lazy(), mtimeMs, path, head: Buffer.from(head).toString('utf8') };
}

export async function listFiles(dir: string): Promise<string[]> {
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
  // A file named twice (itself and its directory, or twice over) is read once: its lines twice
  // would replay every negotiation in it after its end.
  const read = new Set<string>();
  const once = async function* (path: string, source: string, fromDirectory = false): AsyncGenerator<InputDocument> {
    const real = await realpath(path).catch(() => resolve(path));
    if (read.has(real)) {
      yield problem(source, 'E_INPUT_REPEATED', 'named more than once, read once', 'Nothing to do: its lines count once.');
      return;
    }
    read.add(real);
    yield* fromFile(path, source, fromDirectory);
  };
  for (const input of inputs) {
    if (typeof input !== 'string' && 'stream' in input) {
      yield await fromStream(input.source, asBuffers(input.stream), 0);
      continue;
    }
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
      for (const f of files) yield* once(f, displayName(f, cwd), true);
    } else {
      yield* once(input, displayName(input, cwd));
    }
  }
}

export function displayName(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/** Total bytes of the named files and directories (for progress displays); unreadable ones count 0. */
export async function totalInputBytes(inputs: readonly AnalyzeInput[]): Promise<number> {
  let total = 0;
  for (const input of inputs) {
    if (typeof input !== 'string') {
      // A stream's size is not known before it is read.
      if ('content' in input) total += typeof input.content === 'string' ? Buffer.byteLength(input.content) : input.content.length;
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
