// A big input shaped like a region's export grouped by connection is analysed in-process (it seals
// as it goes, its live set is bounded); any other big input is handed to a relaunched Node
// (cli/input-shape.ts, cli/relaunch.ts). The same report either way.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { FLEET_MIN_CONNECTIONS, isBigFleetExport, startsLikeFleet } from '../../src/cli/input-shape.js';
import { fleetLog, removeFleetLogs } from '../helpers/fleet-log.js';

afterAll(removeFleetLogs);

const MAIN = new URL('../../dist/src/cli/main.js', import.meta.url).pathname;

function cli(env: Record<string, string>, ...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const stable = (json: string): string => json.replace(/"generatedAt": "[^"]*"/, '').replace(/"durationMs": \d+/, '');

describe('the shape of a big input', () => {
  const grouped = fleetLog(FLEET_MIN_CONNECTIONS + 16, { maxLines: 60 });
  const text = readFileSync(grouped, 'utf8');

  it('a fleet: enough connections one after another, none back', () => {
    expect(startsLikeFleet(text)).toBe(true);
    // Too few connections yet.
    expect(startsLikeFleet(readFileSync(fleetLog(FLEET_MIN_CONNECTIONS - 1, { maxLines: 60 }), 'utf8'))).toBe(false);
  });

  it('no fleet: connections interleaved by time, one coming back, or tunnel ids', () => {
    expect(startsLikeFleet(readFileSync(fleetLog(FLEET_MIN_CONNECTIONS + 16, { interleave: true, maxLines: 60 }), 'utf8'))).toBe(false);
    const first = text.split('\n')[0]!;
    expect(startsLikeFleet(`${text}${first}\n`)).toBe(false);
    expect(startsLikeFleet(text.replaceAll('vco-fleet', 'tun-fleet'))).toBe(false);
  });

  it('only a big input of one plain file is looked at', async () => {
    expect(await isBigFleetExport([grouped], 10, { IPSEC_DOCTOR_RELAUNCH_BYTES: '5' })).toBe(true);
    // Under the threshold: not read at all.
    expect(await isBigFleetExport([grouped], 10, {})).toBe(false);
    expect(await isBigFleetExport([grouped, grouped], 10, { IPSEC_DOCTOR_RELAUNCH_BYTES: '5' })).toBe(false);
    expect(await isBigFleetExport([{ source: 'x', content: text }], 10, { IPSEC_DOCTOR_RELAUNCH_BYTES: '5' })).toBe(false);
  });

  it('the command line keeps a big fleet in-process and relaunches the rest: the same reports', () => {
    const big = { IPSEC_DOCTOR_RELAUNCH_BYTES: '1', IPSEC_DOCTOR_TRACE: 'relaunch' };
    const fleet = cli(big, 'analyze', grouped, '--format', 'json');
    expect(fleet.code).toBe(0);
    expect(fleet.err).not.toContain('relaunched');
    expect(stable(fleet.out)).toBe(stable(cli({}, 'analyze', grouped, '--format', 'json').out));
    const interleaved = fleetLog(FLEET_MIN_CONNECTIONS + 16, { interleave: true, maxLines: 60 });
    const other = cli(big, 'analyze', interleaved, '--format', 'json');
    expect(other.code).toBe(0);
    expect(other.err).toContain('relaunched with --max-semi-space-size=8');
    expect(stable(other.out)).toBe(stable(cli({}, 'analyze', interleaved, '--format', 'json').out));
  });
});
