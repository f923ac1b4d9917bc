// A log whose first lines go back in time is held to be turned around: held line by line, so a
// block of a quarter of a million lines (blank lines of a pasted page) cannot overflow the stack —
// the CLI's stack, which is smaller than a test worker's, is the one that overflowed.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MAIN = new URL('../../dist/bundle/cli.mjs', import.meta.url).pathname;

describe('a newest-first log with a block of many lines', () => {
  it('is analysed, not an internal error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ipsec-doctor-newest-cli-'));
    const file = join(dir, 'page.log');
    const stamped = Array.from({ length: 10 }, (_, i) => `Dec  5 10:00:${String(59 - i * 5).padStart(2, '0')} 09[IKE] <to-cloud|1> sending DPD request`);
    writeFileSync(file, `${stamped.join('\n')}\n${'\n'.repeat(300_000)}`);
    const r = spawnSync(process.execPath, [MAIN, 'analyze', file, '--format', 'json', '--peer-tz', 'UTC'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(r.stderr).not.toContain('internal error');
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { stats: { lines: number } }).stats.lines).toBeGreaterThanOrEqual(300_010);
  }, 60_000);
});
