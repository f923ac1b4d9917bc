// The fleet shape of `npm run bench` (issue "Fleet exports"): one region's export with thousands of
// connections, each a real scenario's log under its own id, at N and 2N lines (lines and
// connections both doubled). Prints, against the RegExp baseline measured in the same run, the
// ratio, what each connection costs beyond the few-connection export (µs, resident bytes), and how
// time and memory grow when the export doubles.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { generateExport } from './generate.js';

/** Connections per million lines of a region's export (the measured shape: 4 231 at 1 M). */
export const FLEET_CONNECTIONS_PER_MILLION = 4231;

export interface FleetMeasured {
  ms: number;
  lines: number;
  maxRssMB: number;
}

type Measure = (mode: 'regexp-readline' | 'analyze', file: string) => FleetMeasured;

function best(measure: Measure, mode: 'regexp-readline' | 'analyze', file: string, reps: number): FleetMeasured {
  let out: FleetMeasured | undefined;
  for (let r = 0; r < reps; r++) {
    const x = measure(mode, file);
    out = !out || x.ms < out.ms ? { ...x, maxRssMB: Math.max(x.maxRssMB, out?.maxRssMB ?? 0) } : { ...out, maxRssMB: Math.max(out.maxRssMB, x.maxRssMB) };
  }
  return out!;
}

/** `few`: analyze on the few-connection export of `lines` lines (its connection count `fewConnections`), measured already. */
export async function runFleet(dir: string, lines: number, fixturesDir: string, reps: number, measure: Measure, few: { analyze: FleetMeasured; connections: number }): Promise<void> {
  const sizes = [lines, 2 * lines];
  const rows: { lines: number; connections: number; base: FleetMeasured; analyze: FleetMeasured }[] = [];
  for (const n of sizes) {
    const connections = Math.round((n / 1_000_000) * FLEET_CONNECTIONS_PER_MILLION);
    const file = join(dir, `fleet-${n}x${connections}.log`);
    if (!existsSync(file)) {
      process.stderr.write(`generating ${n} lines of ${connections} connections into ${file}…\n`);
      await generateExport(file, n, fixturesDir, connections);
    }
    rows.push({ lines: n, connections, base: best(measure, 'regexp-readline', file, reps), analyze: best(measure, 'analyze', file, reps) });
  }
  for (const r of rows) {
    const ratio = r.base.ms / r.analyze.ms;
    console.log(`fleet ${r.lines} lines, ${r.connections} connections: RegExp ${r.base.ms.toFixed(0)} ms, analyze ${r.analyze.ms.toFixed(0)} ms, ratio ${ratio.toFixed(2)} (target ≥ 0.8), peak RSS ${r.analyze.maxRssMB.toFixed(0)} MB`);
  }
  const [a, b] = [rows[0]!, rows[1]!];
  // Beyond the few-connection export of the same size: what the extra connections cost.
  const extra = a.connections - few.connections;
  const usPer = ((a.analyze.ms - few.analyze.ms) * 1000) / extra;
  const bytesPer = ((a.analyze.maxRssMB - few.analyze.maxRssMB) * 1024 * 1024) / extra;
  console.log(`fleet per connection (vs ${few.connections} connections in as many lines): ${usPer.toFixed(0)} µs and ${Math.round(bytesPer / 1024)} KB resident each`);
  console.log(`fleet doubling (lines and connections ×2): time ×${(b.analyze.ms / a.analyze.ms).toFixed(2)} (target ≤ 2.1), peak RSS ×${(b.analyze.maxRssMB / a.analyze.maxRssMB).toFixed(2)}; the RegExp baseline ×${(b.base.ms / a.base.ms).toFixed(2)}`);
}
