// Logs written newest line first (parse/line-order.ts decides): how ingest turns one around — the
// whole log held (a page copied from a web view, not an export), fed last line first.
import { isLineBlock, type LineBatch, type TextLine } from '../sources/files/line-reader.js';
import { accessBlock, accessLines } from '../parse/line-access.js';
import { LineOrder, stampKey } from '../parse/line-order.js';

/**
 * A log written newest first is turned around whole (it is a page copied from a web view, not an
 * export): up to this many lines, and MAX_TURNED_MB of text. A longer one is read as written, and
 * the report says so.
 */
export const MAX_TURNED_LINES = 200_000;
/** The text held at most (lines may be long), in MB … */
export const MAX_TURNED_MB = 48;
/** … and in characters. */
export const MAX_TURNED_BYTES = MAX_TURNED_MB * 1024 * 1024;
/** Lines fed to the parser at a time when a log is turned around. */
export const TURNED_BATCH = 512;

/** A batch's lines as objects of their own (a block's are cut from its bytes). */
export function linesOf(batch: LineBatch): TextLine[] {
  if (!isLineBlock(batch)) return batch;
  const a = accessBlock(batch);
  const out: TextLine[] = [];
  for (let i = 0; i < a.count; i++) out.push({ line: a.lineNo(i), text: a.text(i) });
  return out;
}

/** Whether the first batch of a log shows it written newest first (parse/line-order.ts). */
export function newestFirst(batch: LineBatch): boolean {
  const a = isLineBlock(batch) ? accessBlock(batch) : accessLines(batch);
  const order = new LineOrder();
  for (let i = 0; i < a.count && order.take(a.text(i)); i++);
  return order.newestFirst;
}

/**
 * The log's records last first — a record being a stamped line and the unstamped lines under it
 * (a Comware entry's `Reason:` and `SA information:` lines, a folded dump), which keep their order
 * — renumbered in that order (the grammars follow a session line by line, and take numbers that
 * go back for a new pass), and the file's own number of each fed line for the records and
 * problems. A fault (the input could not be read past it) stays last.
 */
export function turnedAround(held: TextLine[]): { lines: TextLine[]; fileLine: (fed: number) => number } {
  const faults: TextLine[] = [];
  const groups: TextLine[][] = [];
  for (const l of held) {
    if (l.fault !== undefined) faults.push(l);
    else if (groups.length === 0 || stampKey(l.text) !== undefined) groups.push([l]);
    else groups[groups.length - 1]!.push(l);
  }
  const ordered: TextLine[] = [];
  for (let g = groups.length - 1; g >= 0; g--) for (const l of groups[g]!) ordered.push(l);
  for (const l of faults) ordered.push(l);
  const numbers = Int32Array.from(ordered, (l) => l.line);
  return { lines: ordered.map((l, i) => ({ ...l, line: i + 1 })), fileLine: (fed) => numbers[fed - 1] ?? fed };
}
