// The line reader against a plain reference (split on LF), whatever the chunking: clean chunks come
// as byte blocks, chunks with a NUL or an over-long line as decoded lines, and both read the same.
import { describe, expect, it } from 'vitest';
import { batchLines, isLineBlock, lineLooksBinary, MAX_LINE_BYTES, readLines, type LineBatch, type TextLine } from '../../src/sources/files/line-reader.js';

async function* chunked(bytes: Buffer, sizes: () => number): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; ) {
    const n = Math.max(1, sizes());
    yield bytes.subarray(at, at + n);
    at += n;
  }
}

async function read(bytes: Buffer, sizes: () => number): Promise<{ lines: TextLine[]; batches: LineBatch[] }> {
  const batches: LineBatch[] = [];
  for await (const b of readLines(chunked(bytes, sizes))) batches.push(b);
  return { lines: batches.flatMap((b) => batchLines(b)), batches };
}

/** What the reader must give: LF-split lines, CR and BOM dropped, long lines cut, NUL bytes read around or the line flagged binary. */
function reference(bytes: Buffer): TextLine[] {
  let body = bytes;
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) body = body.subarray(3);
  const out: TextLine[] = [];
  let start = 0;
  for (let n = 1; start < body.length; n++) {
    let end = body.indexOf(10, start);
    const next = end < 0 ? body.length : end + 1;
    if (end < 0) end = body.length;
    let e = end > start && body[end - 1] === 0x0d ? end - 1 : end;
    const line: TextLine = { line: n, text: '' };
    if (e - start > MAX_LINE_BYTES) {
      line.truncatedFrom = e - start;
      e = start + MAX_LINE_BYTES;
    }
    line.text = body.toString('utf8', start, e);
    if (line.text.includes('\0')) {
      const rest = line.text.replaceAll('\0', '');
      if (lineLooksBinary(rest)) line.binary = true;
      else {
        line.nulBytes = line.text.length - rest.length;
        line.text = rest;
      }
    }
    out.push(line);
    start = next;
  }
  return out;
}

const strip = (ls: TextLine[]): TextLine[] => ls.map((l) => ({ ...l }));

function sample(): Buffer {
  const parts = [
    '\ufeff2026-11-22 00:10:09 vco-bp1a [INFO]: main.c:306:main(): starting iked\r\n',
    'dc75b7b3 ca0dbf05 00000000 00000000\n',
    '2026-11-22 00:10:09 vco-bp1a [INFO]: é 中文 ünïcödé across chunk edges\n',
    '\n',
    `2026-11-22 00:10:10 vco-bp1a [DEBUG]: ${'x'.repeat(MAX_LINE_BYTES + 5000)}\n`,
    'binary \0 junk here\n',
    '\x01\x02\x03\0\x04\x05\xff\xfe\0\n',
    '\0\0\0\0\0\0\0\0\n',
    '2026-11-22 00:10:11 vco-bp1a [INFO]: last line without a newline',
  ];
  return Buffer.from(parts.join(''), 'utf8');
}

describe('readLines', () => {
  const bytes = sample();
  it.each([
    ['one chunk', () => bytes.length],
    ['7-byte chunks', () => 7],
    ['64 KiB chunks', () => 64 * 1024],
    ['random chunks', (() => {
      let seed = 42;
      return () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return 1 + (seed % 9000);
      };
    })()],
  ])('%s read like the reference', async (_name, sizes) => {
    const { lines } = await read(bytes, sizes);
    expect(strip(lines)).toEqual(reference(bytes));
  });

  it('gives clean chunks as byte blocks, so their lines need not become strings', async () => {
    const clean = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? `2026-11-22 00:00:0${i % 10} vco-x [DEBUG]: line ${i}` : 'dc75b7b3 ca0dbf05')).join('\n') + '\n');
    const { lines, batches } = await read(clean, () => 256 * 1024);
    expect(batches.length).toBeGreaterThan(0);
    expect(batches.every(isLineBlock)).toBe(true);
    expect(strip(lines)).toEqual(reference(clean));
  });

  it('keeps a multi-byte character cut by a chunk boundary whole', async () => {
    const text = Buffer.from('中文中文中文\nabc\n', 'utf8');
    for (let size = 1; size < 8; size++) expect((await read(text, () => size)).lines.map((l) => l.text)).toEqual(['中文中文中文', 'abc']);
  });
});
