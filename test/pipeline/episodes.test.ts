// Episodes (facts/episodes.ts): logs that hold an earlier attempt and a later one that ended
// differently report both — the latest as the subject's findings, the earlier with its own
// evidence — and attempts that failed the same way stay one. Built from real lab logs of one
// connection, the second run moved hours later as a user's day-long export would hold them.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, renderMarkdown, renderText } from '../../src/index.js';
import type { Report } from '../../src/types.js';
import { reportSchemaErrors } from '../helpers/report-schema.js';

const LAB = new URL('../fixtures/lab/', import.meta.url);
const read = (run: string, file: string): string => readFileSync(new URL(`${run}/input/${file}`, LAB), 'utf8');
const ID = 'vco-bp1episode000000001';

/** A gateway log moved to `hour` (its local clock) under one connection id. */
const gatewayAt = (run: string, hour: string): string => read(run, 'gateway.log').replace(/vco-[a-z0-9]+/g, ID).replace(/^2026-11-22 06:/gm, `2026-11-22 ${hour}:`);
/** A strongSwan log moved to `hour` (UTC, as the lab writes it). */
const peerAt = (run: string, hour: string): string => read(run, 'peer.log').replace(/^Nov 21 22:/gm, `Nov 21 ${hour}:`);

function inputs(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ipsec-doctor-episodes-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const OPTS = { now: new Date('2026-11-22T12:00:00Z'), peerTz: 'UTC', peerYear: 2026 } as const;
const strip = (r: Report): unknown => ({ ...r, stats: { ...r.stats, durationMs: 0 } });

describe('episodes', () => {
  it('a fixed key then broken subnets: both reported, each with its own evidence', async () => {
    const psk = gatewayAt('r2-psk_mismatch_v1_b_init-L', '06');
    const dir = inputs({ 'gateway.log': psk + gatewayAt('r2-ts_mismatch_v1-L', '08') });
    const report = await analyze([dir], OPTS);
    expect(reportSchemaErrors(report)).toEqual([]);
    const s = report.subjects.find((x) => x.id === ID)!;
    expect(s.findings[0]!.cause).toBe('traffic-selector-mismatch');
    expect(s.status).toBe('failing');
    expect(s.episodes).toHaveLength(1);
    const earlier = s.episodes![0]!;
    expect(earlier.findings[0]!.cause).toBe('psk-mismatch');
    expect(earlier.status).toBe('failing');
    expect(earlier.from! < earlier.to!).toBe(true);
    // Each episode quotes its own lines: the first run is the file's first lines, the second the rest.
    const pskLines = psk.split('\n').length - 1;
    for (const e of earlier.findings.flatMap((f) => f.evidence)) expect(e.line!).toBeLessThanOrEqual(pskLines);
    for (const e of s.findings[0]!.evidence) expect(e.line!).toBeGreaterThan(pskLines);
    // The latest attempt's findings carry no trace of the key failure.
    expect(s.findings.map((f) => f.cause)).not.toContain('psk-mismatch');
    // Timeline: both episodes, in time order.
    const times = s.timeline.map((t) => t.time ?? '');
    expect([...times].sort()).toEqual(times);
    expect(s.timeline[0]!.line!).toBeLessThanOrEqual(pskLines);
    const text = renderText(report, { width: 80 });
    expect(text).toMatch(/Earlier episode 2026-11-21T22:18:03Z → 2026-11-21T22:18:\d\dZ: failing/);
    expect(text.indexOf('traffic-selector-mismatch')).toBeLessThan(text.indexOf('psk-mismatch'));
    expect(renderMarkdown(report)).toContain('psk-mismatch');
  });

  it('a failure and then the tunnel up: healthy now, the failure kept as an earlier episode', async () => {
    const dir = inputs({ 'gateway.log': gatewayAt('r2-psk_mismatch_v1_b_init-L', '06') + gatewayAt('r2-baseline_v1-L', '09') });
    const s = (await analyze([dir], OPTS)).subjects.find((x) => x.id === ID)!;
    expect(s.status).toBe('healthy');
    expect(s.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(s.episodes?.map((e) => e.findings[0]!.cause)).toEqual(['psk-mismatch']);
  });

  it('the same failure again after a quiet gap is one episode, reported as before', async () => {
    const once = await analyze([inputs({ 'gateway.log': gatewayAt('r2-psk_mismatch_v1_b_init-L', '06') })], OPTS);
    const twice = await analyze([inputs({ 'gateway.log': gatewayAt('r2-psk_mismatch_v1_b_init-L', '06') + gatewayAt('r2-psk_mismatch_v1_b_init-L', '10') })], OPTS);
    const a = once.subjects.find((x) => x.id === ID)!;
    const b = twice.subjects.find((x) => x.id === ID)!;
    expect(b.episodes).toBeUndefined();
    expect(b.findings.map((f) => f.cause)).toEqual(a.findings.map((f) => f.cause));
  });

  it('a tunnel that was up and idle for hours stays one episode (no split while up)', async () => {
    const base = gatewayAt('r2-baseline_v1-L', '06');
    const lastLine = base.trimEnd().split('\n').at(-1)!;
    const later = lastLine.replace(/^2026-11-22 06:/, '2026-11-22 11:');
    const s = (await analyze([inputs({ 'gateway.log': `${base}${later}\n` })], OPTS)).subjects.find((x) => x.id === ID)!;
    expect(s.episodes).toBeUndefined();
    expect(s.status).toBe('healthy');
  });

  it('both ends logged both attempts: the device lines join the episode of their time', async () => {
    const dir = inputs({
      'gateway.log': gatewayAt('r2-psk_mismatch_v1_b_init-B', '06') + gatewayAt('r2-ts_mismatch_v1-B', '08'),
      'peer.log': peerAt('r2-psk_mismatch_v1_b_init-B', '22') + peerAt('r2-ts_mismatch_v1-B', '23').replace(/^Nov 21 23:/gm, 'Nov 22 00:'),
    });
    const report = await analyze([dir], OPTS);
    const s = report.subjects.find((x) => x.id === ID)!;
    expect(report.subjects).toHaveLength(1);
    expect(s.findings[0]!.cause).toBe('traffic-selector-mismatch');
    expect(s.episodes?.map((e) => e.findings[0]!.cause)).toEqual(['psk-mismatch']);
    const peerEvidence = s.episodes![0]!.findings.flatMap((f) => f.evidence).filter((e) => e.side === 'peer');
    for (const e of peerEvidence) expect(e.time! < '2026-11-21T23:00:00Z').toBe(true);
  });

  it('--jobs: a big export whose connections each hold two episodes gives the single-thread report', async () => {
    const two = gatewayAt('r2-psk_mismatch_v1_b_init-L', '06') + gatewayAt('r2-ts_mismatch_v1-L', '08');
    const parts: string[] = [];
    for (let i = 0, size = 0; size < 5 * 1024 * 1024; i++) {
      const text = two.replaceAll(ID, `vco-bp1episode${String(i % 40).padStart(9, '0')}`).replace(/^2026-11-22 (\d\d):/gm, (_m, h: string) => `2026-11-${22 + Math.floor(i / 40)} ${h}:`);
      parts.push(text);
      size += text.length;
    }
    const dir = inputs({ 'gateway.log': parts.join('') });
    const serial = await analyze([dir], { ...OPTS, jobs: 1 });
    const parallel = await analyze([dir], { ...OPTS, jobs: 2 });
    expect(strip(parallel)).toEqual(strip(serial));
    const s = serial.subjects[0]!;
    expect(s.findings[0]!.cause).toBe('traffic-selector-mismatch');
    expect(s.episodes?.length).toBeGreaterThan(0);
  }, 120_000);
});
