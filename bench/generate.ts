// Builds a realistic gateway export for the benchmark from the project's own racoon2 lab logs:
// the real mix of DEBUG chatter, hex continuation lines, INFO and errors, spread over many
// connections, with time moving forward, until the requested number of lines. Like a real
// gateway's, each connection has its own peer address, and each negotiation its own cookies,
// SPIs and daemon pointers: the lab's values are rewritten per copy.
import { createWriteStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { gunzipSync } from 'node:zlib';

const STAMP = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) (vco-[a-z0-9]+)/;
/** The lab's peer device; every benchmark connection gets an address of its own. */
const LAB_PEER = /198\.51\.100\.2(?!\d)/g;
/** Per-negotiation values: IKE cookies, SPIs, daemon pointers (a zero cookie stays zero). */
const NEGOTIATION_VALUE = /\b(?!0{16}\b)[0-9a-f]{16}\b|(?<=spi=)[0-9a-f]{8}\b|\b0x[0-9a-f]{8,12}\b/g;

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function stamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Loads every racoon2 gateway log of the lab fixtures as line arrays. */
export function loadSeedLogs(fixturesDir: string): string[][] {
  const lab = join(fixturesDir, 'lab');
  return readdirSync(lab)
    .filter((d) => d.startsWith('r2-') && d.endsWith('-L'))
    .sort()
    .map((d) => readFileSync(join(lab, d, 'input', 'gateway.log'), 'utf8').split('\n').filter((l, i, a) => i < a.length - 1 || l !== ''));
}

/**
 * The corpus's racoon2 gateway logs (corpus/runs/<run>/gateway.log.gz: real lab runs of every cause,
 * IKE version and initiator) of at most `maxLines` lines, in name order. A region's export is many
 * such short logs: the ones up to 600 lines average ~205, which makes ~4 900 connections per
 * million lines.
 */
export function loadCorpusSeeds(corpusRuns: string, maxLines = 600): string[][] {
  const out: string[][] = [];
  for (const run of readdirSync(corpusRuns).sort()) {
    const file = join(corpusRuns, run, 'gateway.log.gz');
    if (!existsSync(file)) continue;
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    if (lines.at(-1) === '') lines.pop();
    if (lines.length > 0 && lines.length <= maxLines) out.push(lines);
  }
  return out;
}

/** A deterministic stand-in of the same length for a per-negotiation hex value. */
function rehex(value: string, copy: number): string {
  let h = (0x811c9dc5 ^ copy) >>> 0;
  let out = '';
  for (let i = 0; out.length < value.length; i++) {
    h = Math.imul(h ^ value.charCodeAt(i % value.length), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return value.startsWith('0x') ? `0x${out.slice(0, value.length - 2)}` : out.slice(0, value.length);
}

/**
 * Writes `lines` lines to `path`; returns the byte count. `day` > 0 makes a later day of the same
 * connections: times a day on, fresh cookies, SPIs and pointers (a copy of day 0 would flatter
 * any cache of parsed lines).
 */
export async function generateExport(path: string, lines: number, fixturesDir: string, connections = 200, day = 0): Promise<number> {
  return writeExport(path, lines, loadSeedLogs(fixturesDir), connections, day, false);
}

/**
 * A region's export: every seed copy is a connection of its own (its own id, peer address, cookies
 * and times), the corpus's short real logs one after another, as `DescribeVpnConnectionLogs`
 * exports concatenate. Returns the bytes and the connection count.
 */
export async function generateFleetExport(path: string, lines: number, corpusRuns: string): Promise<{ bytes: number; connections: number }> {
  const seeds = loadCorpusSeeds(corpusRuns);
  let connections = 0;
  const bytes = await writeExport(path, lines, seeds, Number.MAX_SAFE_INTEGER, 0, true, () => connections++);
  return { bytes, connections };
}

/** `align`: each seed's first stamp moved to the first seed's (the corpus's runs are of many days). */
async function writeExport(path: string, lines: number, seeds: string[][], connections: number, day: number, align: boolean, onCopy?: () => void): Promise<number> {
  const out = createWriteStream(path);
  let written = 0;
  let bytes = 0;
  let round = 0;
  const base = Date.UTC(2026, 10, 22 + day, 0, 0, 0);
  const seedStart = seeds.map((seed) => {
    const m = seed.map((l) => STAMP.exec(l)).find((x) => x !== null);
    return m ? Date.parse(`${m[1]!.replace(' ', 'T')}Z`) : Date.UTC(2026, 10, 22, 6, 0, 0);
  });
  const labStart = seedStart[0] ?? 0;
  while (written < lines) {
    for (const [k, seed] of seeds.entries()) {
      const copy = round * seeds.length + k;
      const c = copy % connections;
      const conn = `vco-bp1bench${pad(c, 6)}`;
      const peer = `100.${64 + ((c >> 16) & 63)}.${(c >> 8) & 255}.${c & 255}`;
      const offset = round * 60_000 + (align ? labStart - seedStart[k]! : 0);
      onCopy?.();
      const chunk: string[] = [];
      for (const line of seed) {
        if (written >= lines) break;
        const m = STAMP.exec(line);
        let text = line;
        if (m) {
          const t = Date.parse(`${m[1]!.replace(' ', 'T')}Z`) - Date.UTC(2026, 10, 22, 6, 0, 0) + base + offset;
          const rest = line.slice(m[0].length).replace(LAB_PEER, peer).replace(NEGOTIATION_VALUE, (v) => rehex(v, copy + day * 1_000_003));
          text = `${stamp(t)} ${conn}${rest}`;
        }
        chunk.push(text);
        written++;
      }
      const s = `${chunk.join('\n')}\n`;
      bytes += Buffer.byteLength(s);
      if (!out.write(s)) await once(out, 'drain');
      if (written >= lines) break;
    }
    round++;
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}
