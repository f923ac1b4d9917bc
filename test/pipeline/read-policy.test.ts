// The read policy is decided once, before any input is read in full: a device line is dated the
// same whatever the thread count (--jobs 1 and 2 once disagreed on a gateway log with strongSwan
// lines appended) and whatever the order of the inputs (the year was once learned mid-stream and
// fed only into later files).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../src/index.js';
import type { Report } from '../../src/types.js';
import { gatewayStampOf } from '../../src/run/read-policy.js';
import { racoon2Dialect } from '../../grammars/racoon2/index.js';

const LAB = (c: string, f: string): string => readFileSync(new URL(`../fixtures/lab/${c}/input/${f}`, import.meta.url), 'utf8');
const strip = (r: Report): unknown => ({ ...r, stats: { ...r.stats, durationMs: 0 } });
/** Device-side timeline stamps of every subject: what the year decides. */
const peerTimes = (r: Report): string[] => r.subjects.flatMap((s) => s.timeline.filter((t) => t.side === 'peer').map((t) => t.time ?? '')).sort();

describe('read policy', () => {
  it('--jobs 1 and --jobs 2 read a mixed 6 MB log alike (device year from the gateway, said once)', async () => {
    const gateway = LAB('r2-psk_mismatch_v1_b_init-B', 'gateway.log');
    const parts: string[] = [];
    for (let i = 0, size = 0; size < 6 * 1024 * 1024; i++) {
      const text = gateway.replace(/vco-[a-z0-9]+/g, `vco-bp1mix${i % 5}`);
      parts.push(text);
      size += text.length;
    }
    parts.push(LAB('r2-psk_mismatch_v1_b_init-B', 'peer.log'));
    const dir = mkdtempSync(join(tmpdir(), 'ipsec-doctor-policy-'));
    const file = join(dir, 'mixed.log');
    writeFileSync(file, parts.join(''));
    // "Now" in another year than the logs': a reader that fell back to it would date the device lines 2030.
    const now = new Date('2030-03-01T00:00:00Z');
    const serial = await analyze([file], { jobs: 1, now, peerTz: 'UTC' });
    const parallel = await analyze([file], { jobs: 2, now, peerTz: 'UTC' });
    expect(peerTimes(serial).length).toBeGreaterThan(0);
    expect(peerTimes(serial).every((t) => t.startsWith('2026-'))).toBe(true);
    expect(serial.assumptions?.some((a) => a.includes('year 2026 (from the gateway log)'))).toBe(true);
    expect(strip(parallel)).toEqual(strip(serial));
  });

  it('dates device lines the same whichever file comes first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ipsec-doctor-order-'));
    const gw = join(dir, 'gateway.log');
    const peer = join(dir, 'peer.log');
    writeFileSync(gw, LAB('r2-psk_mismatch_v1_b_init-B', 'gateway.log'));
    writeFileSync(peer, LAB('r2-psk_mismatch_v1_b_init-B', 'peer.log'));
    // The device log's file date is another year (copied, archived): the gateway's year wins.
    const old = new Date('2024-06-01T00:00:00Z');
    utimesSync(peer, old, old);
    const now = new Date('2026-12-01T00:00:00Z');
    const a = await analyze([gw, peer], { now, peerTz: 'UTC' });
    const b = await analyze([peer, gw], { now, peerTz: 'UTC' });
    expect(peerTimes(a).length).toBeGreaterThan(0);
    expect(peerTimes(b)).toEqual(peerTimes(a));
    expect(peerTimes(b).every((t) => t.startsWith('2026-'))).toBe(true);
    expect(b.assumptions).toEqual(expect.arrayContaining(a.assumptions ?? []));
    expect(b.subjects.map((s) => [s.id, s.status, s.findings[0]?.cause])).toEqual(a.subjects.map((s) => [s.id, s.status, s.findings[0]?.cause]));
  });

  it('falls back to the device file date only when no input shows a gateway line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ipsec-doctor-year-'));
    const peer = join(dir, 'peer.log');
    writeFileSync(peer, LAB('r2-psk_mismatch_v1_b_init-B', 'peer.log'));
    const old = new Date('2024-06-01T00:00:00Z');
    utimesSync(peer, old, old);
    const r = await analyze([peer], { now: new Date('2026-12-01T00:00:00Z'), peerTz: 'UTC' });
    expect(peerTimes(r).every((t) => t.startsWith('2024-'))).toBe(true);
    expect(r.assumptions?.some((a) => a.includes('year 2024 (from the file date)'))).toBe(true);
  });

  it('takes the earliest gateway stamp among the heads, from logs and from JSON exports', () => {
    const line = (stamp: string): string => `${stamp} vco-bp1x [INFO]: main.c:306:main(): starting iked`;
    const heads = [
      { source: 'b.log', text: `Nov 21 22:18:03 00[DMN] Starting IKE charon daemon\n${line('2027-01-02 00:00:01')}\n` },
      { source: 'a.json', text: `{"Data":{"Logs":["${line('2026-12-31 23:59:59')}"]}}` },
      { source: 'c.txt', text: 'no gateway here\n2025-01-01 00:00:00 not a gateway line\n' },
    ];
    expect(gatewayStampOf(heads, racoon2Dialect)).toBe('2026-12-31 23:59:59');
    expect(gatewayStampOf(heads.slice().reverse(), racoon2Dialect)).toBe('2026-12-31 23:59:59');
    expect(gatewayStampOf([heads[2]!], racoon2Dialect)).toBeUndefined();
  });
});
