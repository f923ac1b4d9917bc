// Worker-thread reading (--jobs): a big gateway log split into ranges gives exactly the report a
// single thread gives — same findings, evidence lines, timeline, problems and counts.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../src/index.js';
import type { Report } from '../../src/types.js';

function bigLog(): string {
  // ~6 MB: the lab's gateway logs repeated under several connection ids, plus one broken line.
  const cases = ['r2-pfs_mismatch_v1-L', 'r2-ts_mismatch_v1-L', 'r2-psk_mismatch_v1_b_init-L', 'r2-baseline_v1-L'];
  const logs = cases.map((c) => readFileSync(new URL(`../fixtures/lab/${c}/input/gateway.log`, import.meta.url), 'utf8'));
  const out: string[] = [];
  for (let round = 0; out.join('').length < 6 * 1024 * 1024; round++) {
    logs.forEach((log, k) => out.push(log.replace(/vco-[a-z0-9]+/g, `vco-bp1par${(round + k) % 7}`)));
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
});
