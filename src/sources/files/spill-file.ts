// The on-disk store a run keeps sealed subjects in (facts/seal-store.ts names what it needs): one
// temporary file, unlinked as soon as it is open so nothing is left behind whatever becomes of the
// process, written and read back synchronously in pieces of a few kilobytes. Only opened when a
// run has more subjects than it keeps in memory.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SealStore } from '../../facts/seal-store.js';

export class SpillFile implements SealStore {
  private offsets = new Float64Array(1024);
  private lengths = new Uint32Array(1024);
  private count = 0;
  private end = 0;

  private constructor(private readonly fd: number) {}

  /** A fresh store in `dir` (the system's temporary directory), or undefined when none can be made there. */
  static open(dir: string = tmpdir()): SpillFile | undefined {
    let made: string | undefined;
    try {
      made = mkdtempSync(join(dir, 'ipsec-doctor-'));
      const path = join(made, 'subjects.bin');
      const fd = openSync(path, 'w+', 0o600);
      // Unlinked while open: the data lives until the descriptor closes, even if the process dies.
      rmSync(made, { recursive: true, force: true });
      return new SpillFile(fd);
    } catch {
      if (made) rmSync(made, { recursive: true, force: true });
      return undefined;
    }
  }

  put(bytes: Uint8Array): number {
    let done = 0;
    while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done, this.end + done);
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

  get(handle: number): Uint8Array {
    const length = this.lengths[handle]!;
    const out = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const n = readSync(this.fd, out, done, length - done, this.offsets[handle]! + done);
      if (n === 0) throw new Error('the subject store ended early');
      done += n;
    }
    return out;
  }

  /** Bytes written so far. */
  get size(): number {
    return this.end;
  }

  close(): void {
    try {
      closeSync(this.fd);
    } catch {
      // Already closed.
    }
  }
}
