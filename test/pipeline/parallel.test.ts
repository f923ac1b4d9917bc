// Worker-thread reading (--jobs): a big gateway log split into ranges gives exactly the report a
// single thread gives — same findings, evidence lines, timeline, problems and counts.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { analyze } from '../../src/index.js';
import type { Report } from '../../src/types.js';

function bigLog(connections = 7, bytes = 6 * 1024 * 1024): string {
  // ~6 MB: the lab's gateway logs repeated under several connection ids, plus one broken line.
  const cases = ['r2-pfs_mismatch_v1-L', 'r2-ts_mismatch_v1-L', 'r2-psk_mismatch_v1_b_init-L', 'r2-baseline_v1-L'];
  const logs = cases.map((c) => readFileSync(new URL(`../fixtures/lab/${c}/input/gateway.log`, import.meta.url), 'utf8'));
  const out: string[] = [];
  for (let round = 0, size = 0; size < bytes; round++) {
    logs.forEach((log, k) => {
      const text = log.replace(/vco-[a-z0-9]+/g, `vco-bp1par${connections}x${(round + k) % 7}`);
      out.push(text);
      size += text.length;
    });
    if (round === 3) out.push('2026-11-22 06:17:15 vco-bp1par1 [BROKEN\n');
  }
  const dir = mkdtempSync(join(tmpdir(), 'ipsec-doctor-par-'));
  const file = join(dir, 'gateway.log');
  writeFileSync(file, out.join(''));
  return file;
}

const strip = (r: Report): unknown => ({ ...r, stats: { ...r.stats, durationMs: 0 } });

describe('--jobs', () => {
  it('two workers give the same report as one thread', async () => {
    const file = bigLog();
    const now = new Date('2026-11-22T00:00:00Z');
    const serial = await analyze([file], { jobs: 1, now });
    const parallel = await analyze([file], { jobs: 2, now });
    expect(serial.stats.lines).toBeGreaterThan(50_000);
    expect(serial.problems.length).toBeGreaterThan(0);
    expect(strip(parallel)).toEqual(strip(serial));
  }, 120_000);

  it("'auto' reads several big logs a file per thread, with the report of one thread", async () => {
    // Over the 32 MB from which `auto` uses threads.
    const files = [bigLog(3, 33 * 1024 * 1024), bigLog(4, 33 * 1024 * 1024)];
    const now = new Date('2026-11-22T00:00:00Z');
    const serial = await analyze(files, { jobs: 1, now });
    const auto = await analyze(files, { jobs: 'auto', now });
    expect(serial.subjects.length).toBeGreaterThanOrEqual(7);
    expect(strip(auto)).toEqual(strip(serial));
  }, 120_000);

  it("'auto' reads a single big log in this thread, with the same report", async () => {
    const file = bigLog();
    const now = new Date('2026-11-22T00:00:00Z');
    expect(strip(await analyze([file], { jobs: 'auto', now }))).toEqual(strip(await analyze([file], { jobs: 1, now })));
  }, 120_000);

  it('reads inputs in their order when one that is not for threads sits between big logs', async () => {
    // A compressed log is read in this thread: the big logs around it must not jump ahead of it.
    const lab = readFileSync(new URL('../fixtures/lab/r2-baseline_v1-L/input/gateway.log', import.meta.url), 'utf8');
    const dir = mkdtempSync(join(tmpdir(), 'ipsec-doctor-order-'));
    const gz = join(dir, 'between.log.gz');
    writeFileSync(gz, gzipSync(lab.replace(/vco-[a-z0-9]+/g, 'vco-bp1par2x0')));
    const files = [bigLog(2), gz, bigLog(2)];
    const now = new Date('2026-11-22T00:00:00Z');
    const serial = await analyze(files, { jobs: 1, now });
    expect(serial.inputs.map((i) => i.source)).toEqual(files);
    expect(strip(await analyze(files, { jobs: 2, now }))).toEqual(strip(serial));
  }, 120_000);

  it('reports progress from the workers, in bytes, up to the whole input', async () => {
    const files = [bigLog(5), bigLog(6)];
    const total = files.reduce((n, f) => n + statSync(f).size, 0);
    const seen: number[] = [];
    await analyze(files, { jobs: 2, onProgress: (p) => seen.push(p.bytes) });
    expect(seen.length).toBeGreaterThan(4);
    expect(seen.at(-1)).toBe(total);
    expect(seen.every((b) => b <= total)).toBe(true);
    // Several updates before the end: progress does not wait for a whole file to finish.
    expect(seen.filter((b) => b < total / 2).length).toBeGreaterThan(1);
  }, 120_000);
});
