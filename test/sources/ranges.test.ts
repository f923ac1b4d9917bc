// Cutting a big gateway log into ranges for threads (sources/files/ranges.ts): a cut lands on a
// record header, and — when told how to read a line's subject — on the first header of another
// connection than the one under way, so no connection is read in two halves.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planRanges } from '../../src/sources/files/ranges.js';

const header = (id: string, i: number): string => `2026-11-22 06:00:${String(i % 60).padStart(2, '0')} ${id} [DEBUG]: isakmp.c:${i}:isakmp_main(): line ${i} of ${id}`;
const isHeader = (l: string): boolean => /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d /.test(l);
const subjectOf = (l: string): string | undefined => /^\S+ \S+ (vco-[a-z0-9]+)/.exec(l)?.[1];

function file(lines: string[]): { path: string; size: number; text: string } {
  const text = `${lines.join('\n')}\n`;
  const path = join(mkdtempSync(join(tmpdir(), 'ipsec-doctor-ranges-')), 'g.log');
  writeFileSync(path, text);
  return { path, size: Buffer.byteLength(text), text };
}

describe('planRanges', () => {
  // Two connections, the first much longer than the second: the middle of the file is inside the first.
  const lines = [...Array.from({ length: 15000 }, (_, i) => header('vco-aaa', i)), '00000000 11111111', ...Array.from({ length: 3000 }, (_, i) => header('vco-bbb', i))];
  const f = file(lines);

  it('cuts on a header line', async () => {
    const ranges = await planRanges(f.path, f.size, 2, isHeader);
    expect(ranges).toHaveLength(2);
    expect(isHeader(f.text.slice(ranges[1]!.start, ranges[1]!.start + 40))).toBe(true);
    expect(ranges[0]!.end).toBe(ranges[1]!.start);
    expect(ranges[1]!.end).toBe(f.size);
  });

  it('moves the cut to the next connection when one starts within the window', async () => {
    const third = file([...Array.from({ length: 4000 }, (_, i) => header('vco-aaa', i)), ...Array.from({ length: 1000 }, (_, i) => header('vco-bbb', i)), ...Array.from({ length: 2000 }, (_, i) => header('vco-ccc', i))]);
    const [, second] = await planRanges(third.path, third.size, 2, isHeader, subjectOf);
    const at = third.text.slice(second!.start, second!.start + 80);
    expect(subjectOf(at)).toBe('vco-bbb');
    expect(third.text.slice(second!.start - 200, second!.start)).toContain('vco-aaa');
    // Exactly the first line of the next connection.
    expect(at).toContain('line 0 of vco-bbb');
  });

  it('keeps the first header when no other connection starts within the window', async () => {
    const plain = await planRanges(f.path, f.size, 2, isHeader);
    const bySubject = await planRanges(f.path, f.size, 2, isHeader, subjectOf);
    expect(bySubject).toEqual(plain);
  });
});
