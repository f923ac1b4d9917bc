// Gateway lines an API export repeats: the log a user downloaded from the console and a
// DescribeVpnConnectionLogs export of the same minutes hold the same lines, and read twice a
// negotiation would run twice in a subject (its counts doubled, its life replayed after its end:
// a healthy rekey read as a lost tunnel). The export's lines are read after every log file
// (run/ingest.ts), and a line of it whose exact text a log file gave for the same subject — as many
// times as the file gave it — is counted once. By text, not by time: an excerpt beside a full
// export takes nothing from the export that the excerpt lacks. Log files are not compared with
// each other (a file named twice is read once: sources/files/read-inputs.ts).
import type { LogRecord } from '../types.js';
import { hashText } from './text-hash.js';

/** Fingerprints kept over the whole run (4 bytes each): beyond, an export's lines are all read. */
export const LINES_KEPT = 16 * 1024 * 1024;

export class InputOverlap {
  /** Per gateway subject, the fingerprints of the lines log files gave, in a growing typed array. */
  private readonly fileLines = new Map<string, { hashes: Int32Array; n: number }>();
  /** Per subject, how many of each fingerprint the export may still take as repeats (built at its first export line). */
  private readonly left = new Map<string, Map<number, number>>();
  /** Per subject, the fingerprints of the export lines that were read (a SourceLog quotes one). */
  private readonly exportLines = new Map<string, Set<number>>();
  private kept = 0;
  /** Lines of each API export left out as a log file's. */
  readonly repeats = new Map<string, number>();

  /** A gateway line of subject `key`: from a log file it is remembered; from an API export (it has a JSON pointer), whether a file gave it already. */
  repeated(key: string, rec: LogRecord): boolean {
    const h = hashText(rec.text);
    if (rec.pointer === undefined) {
      this.remember(key, h);
      return false;
    }
    let left = this.left.get(key);
    if (!left) {
      left = new Map();
      const file = this.fileLines.get(key);
      for (let i = 0; i < (file?.n ?? 0); i++) left.set(file!.hashes[i]!, (left.get(file!.hashes[i]!) ?? 0) + 1);
      this.left.set(key, left);
    }
    const n = left.get(h) ?? 0;
    if (n > 0) {
      left.set(h, n - 1);
      this.repeats.set(rec.source, (this.repeats.get(rec.source) ?? 0) + 1);
      return true;
    }
    let seen = this.exportLines.get(key);
    if (!seen) this.exportLines.set(key, (seen = new Set()));
    seen.add(h);
    return false;
  }

  /** Whether a diagnosis's SourceLog line repeats a line the subject was given (from a file or an export). */
  holds(key: string, rec: LogRecord): boolean {
    const h = hashText(rec.text);
    if (this.exportLines.get(key)?.has(h)) return true;
    const file = this.fileLines.get(key);
    for (let i = 0; i < (file?.n ?? 0); i++) if (file!.hashes[i] === h) return true;
    return false;
  }

  private remember(key: string, h: number): void {
    if (this.kept >= LINES_KEPT) return;
    let file = this.fileLines.get(key);
    if (!file) this.fileLines.set(key, (file = { hashes: new Int32Array(64), n: 0 }));
    if (file.n === file.hashes.length) {
      const grown = new Int32Array(file.hashes.length * 2);
      grown.set(file.hashes);
      file.hashes = grown;
    }
    file.hashes[file.n++] = h;
    this.kept++;
  }
}
