// The four measurements of the benchmark, each over the same file: (a) raw line splitting, (b) a
// single hand-written RegExp extracting the grammar's fields — what a user would write instead,
// (c) the Chevrotain grammar alone (records, no catalogue), (d) `analyze` end to end.
import { closeSync, createReadStream, openSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { devNull } from 'node:os';
import { JsonReportStream, renderJsonChunks, subjectItemBytes } from '../src/report/render/json.js';
import { availableParallelism } from 'node:os';
import { blockLine, isLineBlock, readLines, type LineBatch } from '../src/sources/files/line-reader.js';
import { LogParser } from '../src/parse/log-parser.js';
import { racoon2Dialect } from '../grammars/racoon2/index.js';
import { analyze } from '../src/index.js';
import { liftYoungGenerationCap, raiseYoungGenerationCap } from '../src/cli/heap-policy.js';
import { bigInputNodeFlags, HUGE_INPUT_BYTES } from '../src/cli/relaunch.js';
import { isBigFleetExport } from '../src/cli/input-shape.js';
import { totalInputBytes } from '../src/sources/files/read-inputs.js';

export type Mode = 'split' | 'regexp-readline' | 'regexp' | 'grammar' | 'grammar-full' | 'analyze' | 'analyze-jobs' | 'analyze-auto' | 'analyze-cli';

export interface ModeResult {
  lines: number;
  records: number;
  /** Bytes of output produced (message text, report JSON): keeps the work observable. */
  outputBytes: number;
}

/** The project's line reader: blocks of line bounds for clean chunks, decoded lines otherwise. */
async function* batches(file: string): AsyncGenerator<LineBatch> {
  yield* readLines(createReadStream(file, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>);
}

/** (a) The floor: line boundaries found, no string cut. */
async function split(file: string): Promise<ModeResult> {
  let lines = 0;
  for await (const b of batches(file)) lines += isLineBlock(b) ? b.count : b.length;
  return { lines, records: 0, outputBytes: 0 };
}

/** Every line of a batch as a string, cut the cheapest way the reader offers. */
function lineTexts(b: LineBatch): string[] {
  if (!isLineBlock(b)) return b.map((l) => l.text);
  const out = new Array<string>(b.count);
  for (let i = 0; i < b.count; i++) out[i] = blockLine(b, i);
  return out;
}

/** The tolerant single RegExp of kb §2.1, plus the context groups — the hand-written peer. */
const LINE =
  /^(?<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})\s+(?:(?<rid>(?:vco|tun|iss)-[A-Za-z0-9*]+)[\s\-*]*)?\[(?<tag>INFO|PROTO_ERR|PROTO_WARN|INTERNAL_ERR|INTERNAL_WARN|DEBUG|CRITICAL)\]:\s*(?:(?<file>[\w.-]+\.c):(?<line>\d+)(?::(?<fn>[\w*]+)\(\))?:\s*)?(?::\s*)?(?<msg>.*?)(?:\s+\[(?<ctx>\{.*\})\])?\s*$/u;
const GROUP = /\{([^{}]*)\}/g;

/** One line through the RegExp into a record, as a hand-written parser would; counted into `r`. */
function regexpLine(text: string, r: ModeResult): void {
  r.lines++;
  const m = LINE.exec(text);
  if (!m?.groups) return;
  const g = m.groups;
  const rec = { ts: g['ts'], id: g['rid'], tag: g['tag'], file: g['file'], line: g['line'] ? Number(g['line']) : undefined, fn: g['fn'], msg: g['msg'], ctx: {} as Record<string, string> };
  if (g['ctx']) for (const c of g['ctx'].matchAll(GROUP)) rec.ctx[c[1]!.split(':')[0]!] = c[1]!;
  r.records++;
  r.outputBytes += rec.msg!.length;
}

/** (b*) The RegExp on this project's byte-block reader, every line cut as a string. */
async function regexp(file: string): Promise<ModeResult> {
  const r: ModeResult = { lines: 0, records: 0, outputBytes: 0 };
  for await (const b of batches(file)) for (const text of lineTexts(b)) regexpLine(text, r);
  return r;
}

/**
 * (b) as a user writes it: Node's `readline` over a file stream, the same RegExp per line. The
 * parser a support engineer would hand-write, and the baseline the targets are set against.
 */
async function regexpReadline(file: string): Promise<ModeResult> {
  const r: ModeResult = { lines: 0, records: 0, outputBytes: 0 };
  const rl = createInterface({ input: createReadStream(file, { highWaterMark: 256 * 1024 }), crlfDelay: Infinity });
  for await (const text of rl) regexpLine(text, r);
  return r;
}

/**
 * (c) The grammar path as analyze runs it: each distinct line tail through the Chevrotain grammar
 * once, repeats copied (grammars/racoon2/tail-memo.ts). `reuseParses: false` sends every header
 * line through the grammar — the grammar proper, reported beside (c).
 */
async function grammar(file: string, reuseParses = true): Promise<ModeResult> {
  let records = 0;
  const p = new LogParser({
    source: file,
    dialects: [racoon2Dialect],
    contextFor: () => ({ source: file, tz: { minutes: 480 }, reuseParses }),
    classify: false,
    // Only counted, as analyze's subject index only copies: records are reused, as there.
    recordsAreCopied: true,
    onRecord: () => records++,
    onProblem: () => undefined,
  });
  for await (const b of batches(file)) p.push(b);
  p.end();
  return { lines: p.stats.lines, records, outputBytes: 0 };
}

/** The Node flags the CLI starts an analysis of `file` with (relaunch.ts, input-shape.ts). */
export async function cliNodeFlags(file: string): Promise<string[]> {
  const total = await totalInputBytes([file]);
  return bigInputNodeFlags(total, await isBigFleetExport([file], total));
}

/**
 * As the CLI does (cli/analyze.ts): worker threads get their young generation back, and a run that
 * seals a bigger one unless its input is huge (bench/run.ts caps this one's).
 */
const cliHooks = async (file: string): Promise<{ onWorkerThreads(): void; onSealing?(): void }> =>
  (await totalInputBytes([file])) < HUGE_INPUT_BYTES ? { onWorkerThreads: liftYoungGenerationCap, onSealing: () => raiseYoungGenerationCap() } : { onWorkerThreads: liftYoungGenerationCap };

/** `analyze` end to end in one thread (--jobs 1), the report rendered as JSON as the CLI would. */
async function analyzeSerial(file: string): Promise<ModeResult> {
  const report = await analyze([file], { jobs: 1, ...(await cliHooks(file)) });
  const json = JSON.stringify(report);
  return { lines: report.stats.lines, records: report.stats.parsed, outputBytes: json.length };
}

/** `analyze` end to end with one worker thread per core (--jobs N). */
async function analyzeJobs(file: string): Promise<ModeResult> {
  const report = await analyze([file], { jobs: availableParallelism(), ...(await cliHooks(file)) });
  const json = JSON.stringify(report);
  return { lines: report.stats.lines, records: report.stats.parsed, outputBytes: json.length };
}

/** `analyze` with the CLI's default --jobs auto: one thread per core for two or more logs of ≥ 32 MB. */
async function analyzeAuto(file: string): Promise<ModeResult> {
  const report = await analyze([file], { jobs: 'auto', ...(await cliHooks(file)) });
  const json = JSON.stringify(report);
  return { lines: report.stats.lines, records: report.stats.parsed, outputBytes: json.length };
}

/**
 * What `ipsec-doctor analyze FILE --format json -o FILE` does in-process (the run starts it with
 * the Node flags the CLI would use for the input's size, none under 128 MB): the report written
 * while the subjects are judged, sealed subjects as the JSON text they were kept as.
 */
async function analyzeCli(file: string): Promise<ModeResult> {
  const fd = openSync(devNull, 'w');
  let bytes = 0;
  let stream: JsonReportStream | undefined;
  const write = (chunk: string | Uint8Array): void => {
    bytes += typeof chunk === 'string' ? writeSync(fd, chunk) : writeSync(fd, chunk);
  };
  try {
    const report = await analyze([file], {
      jobs: 'auto',
      ...(await cliHooks(file)),
      subjectSink: {
        begin(head) {
          stream = new JsonReportStream(head.subjects);
          write(stream.head({ schemaVersion: head.schemaVersion, tool: head.tool, generatedAt: head.generatedAt, inputs: head.inputs }));
          return true;
        },
        subject(s) {
          write(subjectItemBytes(s));
          write(stream!.afterItem());
        },
        subjectJson(item) {
          write(item);
          write(stream!.afterItem());
        },
      },
    });
    if (stream) write(stream.tail({ problems: report.problems, stats: report.stats, assumptions: report.assumptions }));
    else for (const chunk of renderJsonChunks(report)) write(chunk);
    return { lines: report.stats.lines, records: report.stats.parsed, outputBytes: bytes };
  } finally {
    closeSync(fd);
  }
}

export const MODES: Record<Mode, (file: string) => Promise<ModeResult>> = { split, 'regexp-readline': regexpReadline, regexp, grammar, 'grammar-full': (file) => grammar(file, false), analyze: analyzeSerial, 'analyze-jobs': analyzeJobs, 'analyze-auto': analyzeAuto, 'analyze-cli': analyzeCli };
