// Splits a large plain-text log into byte ranges that start on a record header, so worker threads
// can read them in parallel without a record (or its hex dump) straddling two ranges; and counts
// the lines of a range so line numbers can be made absolute again.
import { open } from 'node:fs/promises';
import { createReadStream } from 'node:fs';

export interface ByteRange {
  start: number;
  /** Exclusive. */
  end: number;
}

const WINDOW = 256 * 1024;

/**
 * Up to `parts` ranges of about equal size. Each cut is moved forward to the start of the next
 * line that `isHeader` accepts (a racoon2 header), so continuation lines stay with their record;
 * with `subjectOf`, to the first header of another subject than the one under way, when one comes
 * within a window: an export of many connections is then cut between connections, and no
 * connection's exchange is read in two halves that each begin blind.
 */
export async function planRanges(path: string, size: number, parts: number, isHeader: (line: string) => boolean, subjectOf?: (line: string) => string | undefined): Promise<ByteRange[]> {
  if (parts <= 1 || size < 2 * WINDOW) return [{ start: 0, end: size }];
  const fh = await open(path, 'r');
  const cuts: number[] = [0];
  try {
    const buf = Buffer.alloc(WINDOW);
    for (let k = 1; k < parts; k++) {
      const target = Math.floor((size * k) / parts);
      if (target <= cuts.at(-1)!) continue;
      const { bytesRead } = await fh.read(buf, 0, WINDOW, target);
      let pos = buf.indexOf(10, 0);
      // The first header after the target, and the first of another subject than that one's.
      let firstCut = -1;
      let otherCut = -1;
      let first: string | undefined;
      while (pos >= 0 && pos + 1 < bytesRead) {
        const next = buf.indexOf(10, pos + 1);
        const lineEnd = next < 0 ? bytesRead : next;
        const head = buf.toString('utf8', pos + 1, Math.min(lineEnd, pos + 1 + 200));
        if (isHeader(head)) {
          const subject = subjectOf?.(head);
          if (firstCut < 0) {
            firstCut = target + pos + 1;
            first = subject;
            if (first === undefined) break;
          } else if (subject !== undefined && subject !== first) {
            otherCut = target + pos + 1;
            break;
          }
        }
        if (next < 0) break;
        pos = next;
      }
      const cut = otherCut >= 0 ? otherCut : firstCut;
      if (cut > cuts.at(-1)! && cut < size) cuts.push(cut);
    }
  } finally {
    await fh.close();
  }
  return cuts.map((start, i) => ({ start, end: i + 1 < cuts.length ? cuts[i + 1]! : size }));
}

/** Number of line breaks in a byte range (the line offset of the range after it). */
export async function countLines(path: string, range: ByteRange): Promise<number> {
  let n = 0;
  if (range.end <= range.start) return 0;
  for await (const chunk of createReadStream(path, { start: range.start, end: range.end - 1, highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) n++;
  }
  return n;
}

/** Reads a range as a byte stream (for the line reader). */
export function openRange(path: string, range: ByteRange): AsyncIterable<Buffer> {
  return createReadStream(path, { start: range.start, end: range.end - 1, highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>;
}
