// The fleet shape of `npm run bench` (issue "Fleet exports"): one region's export, every connection
// a real lab run of the corpus under its own id (~4 900 connections per million lines), at N and 2N
// lines (lines and connections both doubled), and on request at 1 GB. Prints, against the RegExp
// baseline measured in the same run, the ratio, what each connection costs beyond the
// few-connection export (µs, resident bytes), how time and memory grow when the export doubles,
// and the peak RSS of the 1 GB fleet export.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateFleetExport } from './generate.js';
import { cliNodeFlags } from './modes.js';

export interface FleetMeasured {
  ms: number;
  lines: number;
  maxRssMB: number;
}

type Measure = (mode: 'regexp-readline' | 'analyze' | 'analyze-cli', file: string, nodeFlags?: string[]) => FleetMeasured;

function best(measure: Measure, mode: 'regexp-readline' | 'analyze' | 'analyze-cli', file: string, reps: number, nodeFlags: string[] = []): FleetMeasured {
  let out: FleetMeasured | undefined;
  for (let r = 0; r < reps; r++) {
    const x = measure(mode, file, nodeFlags);
    out = !out || x.ms < out.ms ? { ...x, maxRssMB: Math.max(x.maxRssMB, out?.maxRssMB ?? 0) } : { ...out, maxRssMB: Math.max(out.maxRssMB, x.maxRssMB) };
  }
  return out!;
}

/** A fleet export of `lines` lines in `dir` (made once, its connection count kept beside it). */
export async function fleetExport(dir: string, lines: number, corpusRuns: string): Promise<{ file: string; connections: number }> {
  const file = join(dir, `fleet-corpus-${lines}.log`);
  const meta = `${file}.connections`;
  if (!existsSync(file) || !existsSync(meta)) {
    process.stderr.write(`generating a fleet export of ${lines} lines into ${file}…\n`);
    const { connections } = await generateFleetExport(file, lines, corpusRuns);
    writeFileSync(meta, String(connections));
  }
  return { file, connections: Number(readFileSync(meta, 'utf8')) };
}

/** `few`: analyze on the few-connection export of `lines` lines (its connection count `fewConnections`), measured already. */
export async function runFleet(dir: string, lines: number, corpusRuns: string, reps: number, measure: Measure, few: { analyze: FleetMeasured; connections: number }): Promise<void> {
  const rows: { lines: number; connections: number; base: FleetMeasured; analyze: FleetMeasured; cli: FleetMeasured }[] = [];
  for (const n of [lines, 2 * lines]) {
    const { file, connections } = await fleetExport(dir, n, corpusRuns);
    rows.push({ lines: n, connections, base: best(measure, 'regexp-readline', file, reps), analyze: best(measure, 'analyze', file, reps), cli: best(measure, 'analyze-cli', file, reps, await cliNodeFlags(file)) });
  }
  for (const r of rows) {
    console.log(
      `fleet ${r.lines} lines, ${r.connections} connections (${Math.round((r.connections * 1e6) / r.lines)} per million lines): RegExp ${r.base.ms.toFixed(0)} ms, analyze ${r.analyze.ms.toFixed(0)} ms, ratio ${(r.base.ms / r.analyze.ms).toFixed(2)} (target ≥ 0.8), peak RSS ${r.analyze.maxRssMB.toFixed(0)} MB; as the CLI writes it (JSON streamed): ${r.cli.ms.toFixed(0)} ms, ratio ${(r.base.ms / r.cli.ms).toFixed(2)}, peak RSS ${r.cli.maxRssMB.toFixed(0)} MB (target ≤ 150)`,
    );
  }
  const [a, b] = [rows[0]!, rows[1]!];
  // Time: beyond the few-connection export of the same size, what the extra connections cost.
  // Memory: what each connection added from N to 2N lines, as the CLI writes the report.
  const extra = a.connections - few.connections;
  const usPer = ((a.analyze.ms - few.analyze.ms) * 1000) / extra;
  const bytesPer = ((b.cli.maxRssMB - a.cli.maxRssMB) * 1024 * 1024) / (b.connections - a.connections);
  console.log(`fleet per connection: ${usPer.toFixed(0)} µs each beyond the ${few.connections} connections of the few-connection export; peak RSS ${(bytesPer / 1024).toFixed(1)} KB each from ${a.connections} to ${b.connections} connections (beyond 512 open, subjects are sealed)`);
  console.log(
    `fleet doubling (lines and connections ×2): time ×${(b.analyze.ms / a.analyze.ms).toFixed(2)} (target ≤ 2.1), as the CLI writes it ×${(b.cli.ms / a.cli.ms).toFixed(2)}; peak RSS ×${(b.cli.maxRssMB / a.cli.maxRssMB).toFixed(2)} as the CLI writes it; the RegExp baseline ×${(b.base.ms / a.base.ms).toFixed(2)}`,
  );
}

/** Peak RSS on a 1 GB fleet export (~11 M lines, ~54 000 connections), as the CLI runs it: minutes. */
export async function runFleetGb(dir: string, corpusRuns: string, measure: Measure): Promise<void> {
  const { file, connections } = await fleetExport(dir, 11_000_000, corpusRuns);
  // As the CLI starts it: a fleet export this big is analysed in-process (cli/input-shape.ts).
  const x = measure('analyze-cli', file, await cliNodeFlags(file));
  console.log(`1 GB fleet export (${x.lines} lines, ${connections} connections), as the CLI writes it: ${(x.ms / 1000).toFixed(1)} s, ${Math.round(x.lines / (x.ms / 1000))} lines/s, peak RSS ${x.maxRssMB.toFixed(0)} MB (target ≤ 150)`);
}
