// Builds a realistic gateway export for the benchmark from the project's own racoon2 lab logs:
// the real mix of DEBUG chatter, hex continuation lines, INFO and errors, spread over many
// connections, with time moving forward, until the requested number of lines.
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';

const STAMP = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) (vco-[a-z0-9]+)/;

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

/** Writes `lines` lines to `path`; returns the byte count. */
export async function generateExport(path: string, lines: number, fixturesDir: string, connections = 200): Promise<number> {
  const seeds = loadSeedLogs(fixturesDir);
  const out = createWriteStream(path);
  let written = 0;
  let bytes = 0;
  let round = 0;
  const base = Date.UTC(2026, 10, 22, 0, 0, 0);
  while (written < lines) {
    for (const seed of seeds) {
      const conn = `vco-bp1bench${pad((round * seeds.length + seeds.indexOf(seed)) % connections, 6)}`;
      const offset = round * 60_000;
      const chunk: string[] = [];
      for (const line of seed) {
        if (written >= lines) break;
        const m = STAMP.exec(line);
        let text = line;
        if (m) {
          const t = Date.parse(`${m[1]!.replace(' ', 'T')}Z`) - Date.UTC(2026, 10, 22, 6, 0, 0) + base + offset;
          text = `${stamp(t)} ${conn}${line.slice(m[0].length)}`;
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
