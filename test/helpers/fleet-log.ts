// A region's export in small, for the tests of sealed subjects and streamed reports: real racoon2
// logs of the corpus (corpus/runs/<run>/gateway.log.gz), each copy under a connection id of its
// own, one after another (as DescribeVpnConnectionLogs exports are) or interleaved by time.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const RUNS = new URL('../../corpus/runs/', import.meta.url).pathname;
const STAMPED = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) (vco-[a-z0-9]+)/;

/** The exports written since the last `removeFleetLogs` (a test file's `afterAll` calls it). */
const written: string[] = [];

/** Removes the exports this helper wrote: each test run used to leave its own behind. */
export function removeFleetLogs(): void {
  for (const dir of written.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** The corpus's gateway logs of at most `maxLines` lines, in name order. */
function seeds(maxLines: number): string[][] {
  const out: string[][] = [];
  for (const run of readdirSync(RUNS).sort()) {
    let lines: string[];
    try {
      lines = gunzipSync(readFileSync(join(RUNS, run, 'gateway.log.gz'))).toString('utf8').split('\n');
    } catch {
      continue;
    }
    if (lines.at(-1) === '') lines.pop();
    if (lines.length > 0 && lines.length <= maxLines) out.push(lines);
  }
  return out;
}

/** Interleaved, each copy starts this long after the one before: neighbours overlap, as a region's connections do. */
const STAGGER_MS = 10_000;
const msOf = (stamp: string): number => Date.parse(`${stamp.replace(' ', 'T')}Z`);
const stampOf = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/**
 * `connections` copies of corpus logs, each under its own id (`vco-fleet000…`), as records (a
 * header and its continuation lines) — written in order, or sorted by time stamp so the
 * connections' lines interleave. Interleaved, each copy starts STAGGER_MS after the one before
 * (its stamps shifted as a whole): the runs were recorded hours apart, and sorted as they are
 * they would still follow one another.
 */
export function fleetLog(connections: number, opts: { interleave?: boolean; maxLines?: number } = {}): string {
  const all = seeds(opts.maxLines ?? 150);
  const records: { at: string; lines: string[] }[] = [];
  let base: number | undefined;
  for (let c = 0; c < connections; c++) {
    const seed = all[c % all.length]!;
    const id = `vco-fleet${String(c).padStart(6, '0')}`;
    let shift: number | undefined;
    for (const line of seed) {
      const m = STAMPED.exec(line);
      if (m) {
        let at = m[1]!;
        if (opts.interleave) {
          base ??= msOf(at);
          shift ??= base + c * STAGGER_MS - msOf(at);
          at = stampOf(msOf(at) + shift);
        }
        records.push({ at, lines: [`${at} ${id}${line.slice(m[0].length)}`] });
      } else if (records.length > 0) records.at(-1)!.lines.push(line);
    }
  }
  if (opts.interleave) records.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const dir = mkdtempSync(join(tmpdir(), 'ipsec-doctor-fleet-'));
  written.push(dir);
  const file = join(dir, opts.interleave ? 'interleaved.log' : 'fleet.log');
  writeFileSync(file, `${records.flatMap((r) => r.lines).join('\n')}\n`);
  return file;
}
