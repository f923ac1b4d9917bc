// `npm run bench`: generates a realistic export (default 1 M lines) and measures, each mode in
// its own process over the same file, lines/s, MB/s and peak RSS, then the ratios the targets
// are set on (docs/performance.md).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateExport } from './generate.js';
import { runFleet, runFleetGb } from './fleet.js';
import { MODES, type Mode } from './modes.js';
import { applyHeapPolicy, capYoungGeneration } from '../src/cli/heap-policy.js';
import { bigInputNodeFlags } from '../src/cli/relaunch.js';

const SELF = fileURLToPath(import.meta.url);
const ROOT = join(SELF, '..', '..', '..');

interface Measured {
  mode: string;
  ms: number;
  lines: number;
  records: number;
  maxRssMB: number;
}

async function child(mode: Mode, file: string): Promise<void> {
  // The analyze modes measure what the command line does, heap policy included.
  if (mode.startsWith('analyze')) {
    applyHeapPolicy();
    capYoungGeneration();
  }
  const t0 = performance.now();
  const r = await MODES[mode](file);
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ mode, ms, ...r, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
}

function measure(mode: Mode, file: string, extra: string[] = []): Measured {
  const r = spawnSync(process.execPath, [...extra, SELF, '--child', mode, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Measured;
}

/** Wall time of `copies` children reading the same file in `mode` at once. */
async function measureConcurrent(mode: Mode, file: string, copies: number): Promise<number> {
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: copies }, () => new Promise<void>((resolve, reject) => {
      const c = spawn(process.execPath, [SELF, '--child', mode, file], { stdio: 'ignore' });
      c.once('error', reject);
      c.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${mode} exited with ${code}`))));
    })),
  );
  return performance.now() - t0;
}

function timeCommand(args: string[], runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') return child(argv[1] as Mode, argv[2]!);
  const linesArg = argv.indexOf('--lines');
  const lines = linesArg >= 0 ? Number(argv[linesArg + 1]) : 1_000_000;
  const dir = join(tmpdir(), 'ipsec-doctor-bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `export-${lines}.log`);
  if (!existsSync(file)) {
    process.stderr.write(`generating ${lines} lines into ${file}…\n`);
    await generateExport(file, lines, join(ROOT, 'test', 'fixtures'));
  }
  const mb = statSync(file).size / 1e6;
  // Each mode runs `reps` times, interleaved, and keeps its best time: the machine is shared and
  // noisy, and the best run is the one least disturbed.
  const repsArg = argv.indexOf('--reps');
  const reps = repsArg >= 0 ? Number(argv[repsArg + 1]) : 3;
  if (argv.includes('--fleet-only')) {
    const few = measure('analyze', file);
    await runFleet(dir, lines, join(ROOT, 'corpus', 'runs'), reps, measure, { analyze: few, connections: 200 });
    if (argv.includes('--gb')) await runFleetGb(dir, join(ROOT, 'corpus', 'runs'), measure);
    return;
  }
  const modes: Mode[] = ['split', 'regexp-readline', 'regexp', 'grammar', 'grammar-full', 'analyze', 'analyze-jobs'];
  const best = new Map<Mode, Measured>();
  for (let r = 0; r < reps; r++) {
    for (const m of modes) {
      const x = measure(m, file);
      const prev = best.get(m);
      if (!prev || x.ms < prev.ms) best.set(m, { ...x, maxRssMB: Math.max(x.maxRssMB, prev?.maxRssMB ?? 0) });
      else prev.maxRssMB = Math.max(prev.maxRssMB, x.maxRssMB);
    }
  }
  const results = modes.map((m) => best.get(m)!);
  const by = Object.fromEntries(results.map((r) => [r.mode, r])) as Record<Mode, Measured>;
  const rate = (r: Measured): number => r.lines / (r.ms / 1000);
  console.log(`file: ${file} (${results[0]!.lines} lines, ${mb.toFixed(1)} MB), best of ${reps} runs per mode`);
  console.log('mode               lines/s      MB/s    peak RSS MB');
  for (const r of results) console.log(`${r.mode.padEnd(16)} ${Math.round(rate(r)).toString().padStart(9)} ${(mb / (r.ms / 1000)).toFixed(1).padStart(8)} ${r.maxRssMB.toFixed(0).padStart(10)}`);
  // Two RegExp baselines: (b) as a user writes it (readline + RegExp), and (b*) the same RegExp on
  // this project's byte-block reader, which no user would write — the stricter comparison.
  const ratio = (x: Measured, y: Measured): string => (rate(x) / rate(y)).toFixed(2);
  const b = by['regexp-readline'];
  const bStar = by.regexp;
  console.log(`ratio c/b  (grammar / RegExp over readline):  ${ratio(by.grammar, b)}  (target ≥ 1.0); the grammar with every line through Chevrotain: ${ratio(by['grammar-full'], b)}`);
  console.log(`ratio d/b  (analyze / RegExp over readline):  ${ratio(by.analyze, b)} one thread, ${ratio(by['analyze-jobs'], b)} with worker threads  (target ≥ 0.5)`);
  console.log(`ratio c/b* (grammar / RegExp on our reader):  ${ratio(by.grammar, bStar)}; d/b* ${ratio(by.analyze, bStar)}`);
  console.log(`ratio c/a  (grammar / splitting):             ${ratio(by.grammar, by.split)}`);
  // The same export as the command line runs it: in-process with the young-generation cap, or
  // relaunched with the huge-input flags when it is that big.
  const cliFlags = bigInputNodeFlags(statSync(file).size);
  // Best of `reps` like the other modes (one run alone swung 25 % with the machine's hour); peak
  // RSS the highest of them.
  const cliRuns = Array.from({ length: reps }, () => measure('analyze-cli', file, cliFlags));
  const cli = { ...cliRuns.reduce((x, y) => (y.ms < x.ms ? y : x)), maxRssMB: Math.max(...cliRuns.map((x) => x.maxRssMB)) };
  console.log(`as the CLI runs it (${cliFlags.length > 0 ? cliFlags.join(' ') : 'in-process, young generation capped'}): ${Math.round(rate(cli))} lines/s, peak RSS ${cli.maxRssMB.toFixed(0)} MB (target ≤ 150 MB); d/b ${ratio(cli, b)}`);
  await runFleet(dir, lines, join(ROOT, 'corpus', 'runs'), reps, measure, { analyze: by.analyze, connections: 200 });
  // Multi-file input: four days of the same connections, one thread
  // against several — the CLI's default (--jobs auto: a file per thread) and an explicit --jobs N.
  const multi = join(dir, `days-4x${lines}`);
  if (!existsSync(multi)) {
    mkdirSync(multi, { recursive: true });
    for (let k = 0; k < 4; k++) await generateExport(join(multi, `day-${k}.log`), lines, join(ROOT, 'test', 'fixtures'), 200, k);
  }
  // As the CLI runs them: the four days are one input of 375 MB, relaunched with the huge-input
  // flags whatever the thread count.
  const multiFlags = bigInputNodeFlags(readdirSync(multi).reduce((n, f) => n + statSync(join(multi, f)).size, 0));
  const multiBest = new Map<Mode, Measured>();
  for (let r = 0; r < reps; r++) {
    for (const m of ['analyze', 'analyze-auto', 'analyze-jobs'] as const) {
      const x = measure(m, multi, multiFlags);
      const prev = multiBest.get(m);
      if (!prev || x.ms < prev.ms) multiBest.set(m, { ...x, maxRssMB: Math.max(x.maxRssMB, prev?.maxRssMB ?? 0) });
      else prev.maxRssMB = Math.max(prev.maxRssMB, x.maxRssMB);
    }
  }
  // What this machine gives two threads at all: two independent processes, each reading the whole
  // export with the grammar, against one. No threading of ours is in this figure.
  let alone = Infinity;
  let together = Infinity;
  for (let r = 0; r < reps; r++) {
    alone = Math.min(alone, await measureConcurrent('grammar', file, 1));
    together = Math.min(together, await measureConcurrent('grammar', file, 2));
  }
  // What threads can gain here is bounded by what two processes gain: the --jobs target is a share of it.
  const ceiling = (2 * alone) / together;
  console.log(`machine ceiling: two processes reading the export at once give ${ceiling.toFixed(2)}× one's throughput (${alone.toFixed(0)} ms alone, ${together.toFixed(0)} ms for both)`);
  const one = multiBest.get('analyze')!;
  for (const m of ['analyze-auto', 'analyze-jobs'] as const) {
    const x = multiBest.get(m)!;
    console.log(`4 days of ${lines} lines (${multiFlags.join(' ') || 'no flags'}), ${m === 'analyze-auto' ? '--jobs auto (threads only for logs of ≥ 32 MB)' : `--jobs ${availableParallelism()}`}: one thread ${one.ms.toFixed(0)} ms (${one.maxRssMB.toFixed(0)} MB), up to ${availableParallelism()} threads ${x.ms.toFixed(0)} ms (${x.maxRssMB.toFixed(0)} MB): ${(one.ms / x.ms).toFixed(2)}×, ${(one.ms / x.ms / ceiling).toFixed(2)} of the machine's two-process ceiling (target ≥ 0.9)`);
  }
  // Peak RSS on a 1 GB export (11 M lines): minutes, so only on request.
  if (argv.includes('--gb')) {
    const gb = join(dir, 'export-1gb.log');
    if (!existsSync(gb)) {
      process.stderr.write(`generating 11 M lines into ${gb}…\n`);
      await generateExport(gb, 11_000_000, join(ROOT, 'test', 'fixtures'));
    }
    // As the CLI runs it: a Node relaunched with the huge-input flags, the report streamed out.
    const flags = bigInputNodeFlags(statSync(gb).size);
    const x = measure('analyze-cli', gb, flags);
    const y = measure('analyze-cli', gb);
    const line = (m: Measured): string => `${(m.ms / 1000).toFixed(1)} s, ${Math.round(rate(m))} lines/s, peak RSS ${m.maxRssMB.toFixed(0)} MB`;
    console.log(`1 GB export (${(statSync(gb).size / 1e9).toFixed(2)} GB, ${x.lines} lines), as the CLI runs it (${flags.join(' ')}): ${line(x)}  (target ≤ 150 MB)`);
    console.log(`  the same in-process (young generation capped, no relaunch): ${line(y)}`);
    await runFleetGb(dir, join(ROOT, 'corpus', 'runs'), measure);
  }
  const main = join(ROOT, 'dist', 'bundle', 'cli.mjs');
  console.log(`startup: --version ${timeCommand([main, '--version']).toFixed(0)} ms; one-file analyze ${timeCommand([main, 'analyze', 'examples/p1-hash-mismatch/gateway.log', '--quiet']).toFixed(0)} ms (target ≤ 300 ms each)`);
}

await main();
