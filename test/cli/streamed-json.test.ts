// `analyze --format json` writes the report while it judges (cli/output.ts streamedJsonReport):
// with more connections than the run keeps open, sealed subjects go out as the JSON text they
// were kept as. The bytes must be the report the library renders, to stdout and to a file, and
// --fail-on must still see every finding.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/run/analyze.js';
import { renderJson } from '../../src/report/render/json.js';
import { fleetLog, removeFleetLogs } from '../helpers/fleet-log.js';
import { reportSchemaErrors } from '../helpers/report-schema.js';

afterAll(removeFleetLogs);

const MAIN = new URL('../../dist/src/cli/main.js', import.meta.url).pathname;

function cli(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The report without what changes from run to run. */
const stable = (json: string): string => json.replace(/"generatedAt": "[^"]*"/, '').replace(/"durationMs": \d+/, '');

describe('analyze --format json, streamed', () => {
  // More connections than the 512 a run keeps open: most are sealed and come back as text.
  const file = fleetLog(600, { maxLines: 80 });

  it('writes to stdout what the library renders', async () => {
    const expected = renderJson(await analyze([file]));
    const r = cli('analyze', file, '--format', 'json');
    expect(r.code).toBe(0);
    expect(stable(r.out)).toBe(stable(expected));
    const report = JSON.parse(r.out) as { subjects: unknown[]; stats: { lines: number; parsed: number; unparsed: number } };
    expect(report.subjects).toHaveLength(600);
    expect(reportSchemaErrors(report)).toEqual([]);
    // Every line accounted for.
    expect(report.stats.parsed + report.stats.unparsed).toBe(report.stats.lines);
  });

  it('writes the same to a file, and --fail-on sees sealed subjects', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ipsec-doctor-stream-')), 'report.json');
    const r = cli('analyze', file, '--format', 'json', '-o', out, '--fail-on', 'high');
    expect(r.err).toContain(`report written to ${out}`);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { subjects: { findings: { severity: string }[] }[] };
    const high = report.subjects.some((s) => s.findings.some((f) => f.severity === 'high' || f.severity === 'critical'));
    expect(high).toBe(true);
    expect(r.code).toBe(1);
    expect(stable(readFileSync(out, 'utf8'))).toBe(stable(cli('analyze', file, '--format', 'json').out));
  });

  it('writes the same to stdout redirected to a file (written as a file is, block by block)', () => {
    // A shell's `> report.json`: stdout is a regular file. The report spans many 256 KiB blocks.
    const out = join(mkdtempSync(join(tmpdir(), 'ipsec-doctor-stream-')), 'redirected.json');
    const fd = openSync(out, 'w');
    try {
      const r = spawnSync(process.execPath, [MAIN, 'analyze', file, '--format', 'json'], { stdio: ['ignore', fd, 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
      expect(r.status).toBe(0);
    } finally {
      closeSync(fd);
    }
    const text = readFileSync(out, 'utf8');
    expect(text.length).toBeGreaterThan(4 * 256 * 1024);
    expect(stable(text)).toBe(stable(cli('analyze', file, '--format', 'json').out));
  });

  it('--open-subjects sets how many stay open: the same report with 1 or all of them', () => {
    const few = fleetLog(20, { maxLines: 80, interleave: true });
    const all = cli('analyze', few, '--format', 'json', '--open-subjects', '100000');
    const one = cli('analyze', few, '--format', 'json', '--open-subjects', '1');
    expect(one.code).toBe(all.code);
    expect(stable(one.out)).toBe(stable(all.out));
    const bad = cli('analyze', few, '--open-subjects', '0');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--open-subjects/);
  });

  it('an output file that cannot be written is still one line and exit 2', () => {
    const r = cli('analyze', file, '--format', 'json', '-o', '/nonexistent-dir/report.json');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot write the report/);
  });
});
