// Whether a big input is a region's export grouped by connection (a fleet), from its first
// megabytes: the CLI's heap plan for it differs (cli/analyze.ts). Such a run seals its subjects as
// it goes (facts/seal-store.ts), so its live set is bounded whatever its size: it is analysed
// in-process, without the relaunch's single-threaded collector. Any other big input (a few
// connections over many lines, interleaved by time) keeps the relaunch (relaunch.ts): its live set
// grows with the connections' episodes. Measured (fleet exports, 5 100 connections per million
// lines; reports identical; the machine noisy):
// - 2 M lines (190 MB): relaunched 6.6–9.0 s, 118–121 MB; in-process 5.6–7.7 s, 111–132 MB;
// - 11 M lines (1 GB): relaunched 32–36 s, 125–126 MB; in-process 27.9–29.9 s, 121–136 MB.
import { scanPrefix } from '../../grammars/racoon2/prefix.js';
import { fileStartText } from '../sources/files/heads.js';
import type { AnalyzeInput } from '../sources/files/read-inputs.js';
import { bigInputBytes } from './relaunch.js';

/** Bytes of the input looked at: ~40 000 gateway lines, ~200 connections of a fleet export. */
export const SHAPE_BYTES = 4 * 1024 * 1024;
/** Distinct connections, none logging again after another, that make the start of a fleet. */
export const FLEET_MIN_CONNECTIONS = 64;

/**
 * True when `text` (an input's start) holds gateway lines of at least FLEET_MIN_CONNECTIONS
 * connections (`vco-`) one after another, none coming back after another one logged: the shape
 * that seals. Tunnel ids (`tun-`, dual-tunnel connections) are joined across the run and stop the
 * sealing, so they are no fleet here.
 */
export function startsLikeFleet(text: string): boolean {
  const seen = new Set<string>();
  let current: string | undefined;
  for (let at = 0; at < text.length; ) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    // Only lines that start with a stamp can be gateway lines; the rest (hex dumps) are skipped cheaply.
    if (end - at > 20 && text.charCodeAt(at + 4) === 45) {
      const id = scanPrefix(text.slice(at, end)).resourceId;
      if (id !== undefined && id !== current) {
        if (seen.has(id) || !id.startsWith('vco-')) return false;
        seen.add(id);
        current = id;
      }
    }
    at = end + 1;
  }
  return seen.size >= FLEET_MIN_CONNECTIONS;
}

/** Whether the inputs (`totalBytes` together) are one big fleet export: analysed in-process, see above. */
export async function isBigFleetExport(inputs: readonly AnalyzeInput[], totalBytes: number, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  if (!(totalBytes >= bigInputBytes(env))) return false;
  const text = await fileStartText(inputs, SHAPE_BYTES);
  return text !== undefined && startsLikeFleet(text);
}
