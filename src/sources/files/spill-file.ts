// The on-disk store a run keeps sealed subjects in (facts/seal-store.ts names what it needs): one
// temporary file, unlinked as soon as it is open so nothing is left behind whatever becomes of the
// process, written and read back synchronously in pieces of a few kilobytes. Only opened when a
// run has more subjects than it keeps in memory.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SealStore } from '../../facts/seal-store.js';

/** Bytes gathered before a write. */
const BLOCK = 1 << 20;

export class SpillFile implements SealStore {
  private offsets = new Float64Array(1024);
  private lengths = new Uint32Array(1024);
  private count = 0;
  private end = 0;

  private constructor(private readonly fd: number) {}

  /** A fresh store in `dir` (the system's temporary directory), or undefined when none can be made there. */
  static open(dir: string = tmpdir()): SpillFile | undefined {
    let made: string | undefined;
    let fd: number | undefined;
    try {
      made = mkdtempSync(join(dir, 'ipsec-doctor-'));
      fd = openSync(join(made, 'subjects.bin'), 'w+', 0o600);
      // Unlinked while open: the data lives until the descriptor closes, even if the process dies.
      rmSync(made, { recursive: true, force: true });
      return new SpillFile(fd);
    } catch {
      // A system that cannot remove an open file (or no directory at all): no store, nothing left.
      try {
        if (fd !== undefined) closeSync(fd);
        if (made) rmSync(made, { recursive: true, force: true });
      } catch {
        // Best effort: the system's temporary directory is its own to clean.
      }
      return undefined;
    }
  }

  /** Pieces not written yet: gathered into blocks, one system call per block instead of per piece. */
  private tail = Buffer.allocUnsafe(BLOCK);
  private tailUsed = 0;
  /** Where the unwritten tail begins in the file. */
  private tailAt = 0;

  /**
   * Writes the gathered pieces. When the write fails (no space left), it throws and they stay
   * where they are, readable: `put` then throws for every new piece, and what was put is kept.
   */
  private flushTail(): void {
    let done = 0;
    while (done < this.tailUsed) done += writeSync(this.fd, this.tail, done, this.tailUsed - done, this.tailAt + done);
    this.tailAt += this.tailUsed;
    this.tailUsed = 0;
  }

  put(bytes: Uint8Array): number {
    if (this.tailUsed + bytes.length > BLOCK) this.flushTail();
    if (bytes.length > BLOCK) {
      let done = 0;
      while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done, this.tailAt + done);
      this.tailAt += bytes.length;
    } else {
      this.tail.set(bytes, this.tailUsed);
      this.tailUsed += bytes.length;
    }
    if (this.count === this.offsets.length) {
      const offsets = new Float64Array(this.count * 2);
      offsets.set(this.offsets);
      const lengths = new Uint32Array(this.count * 2);
      lengths.set(this.lengths);
      [this.offsets, this.lengths] = [offsets, lengths];
    }
    this.offsets[this.count] = this.end;
    this.lengths[this.count] = bytes.length;
    this.end += bytes.length;
    return this.count++;
  }

  /** Where pieces are read back: one buffer, reused (a buffer per piece is memory the allocator keeps). */
  private scratch = Buffer.allocUnsafe(64 * 1024);

  /** The piece's bytes, valid until the next `get` or `put`: the caller copies what it keeps. */
  get(handle: number): Uint8Array {
    const length = this.lengths[handle]!;
    const at = this.offsets[handle]!;
    if (at >= this.tailAt) return this.tail.subarray(at - this.tailAt, at - this.tailAt + length);
    if (this.scratch.length < length) this.scratch = Buffer.allocUnsafe(Math.max(length, 2 * this.scratch.length));
    const out = this.scratch;
    let done = 0;
    while (done < length) {
      const n = readSync(this.fd, out, done, length - done, at + done);
      if (n === 0) throw new Error('the subject store ended early');
      done += n;
    }
    return out.subarray(0, length);
  }

  close(): void {
    try {
      closeSync(this.fd);
    } catch {
      // Already closed.
    }
  }
}
