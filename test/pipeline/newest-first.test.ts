// A log written newest line first (a web view copied as it shows) is read from its last line up:
// the same findings as the log read forward, evidence naming the lines of the file as given, and
// the report saying it turned the log around. A real lab run of a phase-2 mismatch, turned.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.js';
import type { Report } from '../../src/types.js';

const RUN = new URL('../../corpus/runs/r2-p2-keylen-aes192_v1_ainit_sw/peer.log.gz', import.meta.url);
const OPTS = { now: new Date('2026-12-05T00:00:00Z'), peerTz: 'UTC', peerYear: 2026 } as const;

const lines = gunzipSync(readFileSync(RUN)).toString('utf8').split('\n').filter((l) => l !== '');
const dir = mkdtempSync(join(tmpdir(), 'ipsec-doctor-newest-first-'));
const forwardFile = join(dir, 'forward.log');
const turnedFile = join(dir, 'newest-first.log');
writeFileSync(forwardFile, `${lines.join('\n')}\n`);
writeFileSync(turnedFile, `${[...lines].reverse().join('\n')}\n`);

const causes = (r: Report): string[] => r.subjects.flatMap((s) => s.findings.map((f) => `${f.cause}/${f.ruleId}`));

describe('a log written newest first', () => {
  it('reads the same as the log written forward, and says it turned it around', async () => {
    const forward = await analyze([forwardFile], OPTS);
    const turned = await analyze([turnedFile], OPTS);
    expect(causes(forward)[0]).toBe('ipsec-proposal-mismatch/peer-esp-no-proposal');
    expect(causes(turned)).toEqual(causes(forward));
    expect(turned.subjects.map((s) => s.status)).toEqual(forward.subjects.map((s) => s.status));
    expect(turned.assumptions?.some((a) => a.startsWith(`${turnedFile}: newest line first`))).toBe(true);
    expect(forward.assumptions?.some((a) => a.includes('newest line first')) ?? false).toBe(false);
    expect(turned.stats).toMatchObject({ lines: lines.length, parsed: forward.stats.parsed, unparsed: forward.stats.unparsed });
  });

  it("names the lines of the file as given in its evidence and timeline", async () => {
    const turned = await analyze([turnedFile], OPTS);
    const fileLines = readFileSync(turnedFile, 'utf8').split('\n');
    const quoted = turned.subjects.flatMap((s) => [...s.timeline, ...s.findings.flatMap((f) => f.evidence)]).filter((e) => e.line !== undefined);
    expect(quoted.length).toBeGreaterThan(3);
    // The quoted text is the line's own (strongSwan's double blank after the month folded).
    for (const e of quoted) expect(fileLines[e.line! - 1]!.replace(/\s+/g, ' ')).toContain(e.text.replace(/\s+/g, ' ').slice(0, 40));
  });
});

describe('a newest-first log too long to hold', () => {
  it('is read as written, and the report says so', async () => {
    const { MAX_TURNED_LINES } = await import('../../src/run/newest-first.js');
    const n = MAX_TURNED_LINES + 10;
    const stamp = (s: number): string => {
      const d = new Date(Date.UTC(2026, 11, 5) + s * 1000);
      return `Dec ${String(d.getUTCDate()).padStart(2, ' ')} ${d.toISOString().slice(11, 19)}`;
    };
    const text = Array.from({ length: n }, (_, i) => `${stamp(n - i)} 09[IKE] <to-cloud|1> sending DPD request`).join('\n');
    const file = join(dir, 'long-newest-first.log');
    writeFileSync(file, `${text}\n`);
    const report = await analyze([file], OPTS);
    expect(report.stats).toMatchObject({ lines: n, parsed: n, unparsed: 0 });
    expect(report.assumptions?.some((a) => a.startsWith(`${file}: newest line first`) && a.includes('read as written'))).toBe(true);
  }, 60_000);
});

describe('records of several lines, newest first', () => {
  // A Comware log buffer lists the latest entry first; each entry's `Reason:` and `SA information:`
  // lines stay under its header. Turned around, the entries swap and their lines do not.
  const entry = readFileSync(new URL('../fixtures/huawei/hw-h3c_psk_v1/input/h3c-logbuffer.txt', import.meta.url), 'utf8').trimEnd();
  const at = (mm: string): string => entry.replace('10:00:00:123', `10:${mm}:00:123`);
  it('turns the entries around, each with its own lines', async () => {
    const forwardFile = join(dir, 'h3c-forward.txt');
    const newestFile = join(dir, 'h3c-newest-first.txt');
    writeFileSync(forwardFile, `${['01', '02', '03', '04'].map(at).join('\n')}\n`);
    writeFileSync(newestFile, `${['04', '03', '02', '01'].map(at).join('\n')}\n`);
    const forward = await analyze([forwardFile], OPTS);
    const turned = await analyze([newestFile], OPTS);
    expect(causes(forward)[0]).toMatch(/^psk-mismatch\//);
    expect(causes(turned)).toEqual(causes(forward));
    expect(turned.stats).toMatchObject({ unparsed: 0 });
    expect(turned.assumptions?.some((a) => a.includes('newest line first'))).toBe(true);
  });
});

describe('a newest-first start before a block of many lines', () => {
  // The stack overflow a spread of such a block caused shows in the CLI only (a test worker's stack
  // is larger): test/cli/newest-first-cli.test.ts. Here: every line is still counted.
  it('counts every line of the block it held', async () => {
    const stamped = Array.from({ length: 10 }, (_, i) => `Dec  5 10:00:${String(59 - i * 5).padStart(2, '0')} 09[IKE] <to-cloud|1> sending DPD request`);
    const file = join(dir, 'newest-first-then-blank.log');
    writeFileSync(file, `${stamped.join('\n')}\n${'\n'.repeat(300_000)}`);
    const report = await analyze([file], OPTS);
    expect(report.stats.lines).toBeGreaterThanOrEqual(300_010);
  }, 60_000);
});
