// Whether a device log's clock agrees with the gateway's: the two sides of one negotiation log
// their events within seconds of each other, so the shift (in whole quarter hours, the grain of
// every time zone) that lines the most device events up with gateway events is the error in the
// device log's assumed zone. A shift of zero needs no word; any other is reported with the zone
// that would fix it — a device log read in the analyst's own zone is the usual cause.
import type { TimelineEntry } from '../types.js';

/** Events of the two sides this close (after the shift) count as the same moment. */
const MATCH_MS = 3_000;
const QUARTER_HOUR_MS = 15 * 60_000;
/** Time zones span UTC−12 to UTC+14. */
const MAX_SHIFT_QUARTERS = 26 * 4;
/** A shift is believed when this many device events line up, and at least twice as many as unshifted. */
const MIN_MATCHES = 3;

function times(entries: readonly TimelineEntry[], side: 'cloud' | 'peer'): number[] {
  const out: number[] = [];
  for (const e of entries) {
    if (e.side !== side || !e.time) continue;
    const t = Date.parse(e.time);
    if (Number.isFinite(t)) out.push(t);
  }
  return out.sort((a, b) => a - b);
}

/** How many of `peer` (shifted by `shift`) have a `cloud` time within MATCH_MS. */
function matches(cloud: readonly number[], peer: readonly number[], shift: number): number {
  let n = 0;
  let j = 0;
  for (const p of peer) {
    const t = p + shift;
    while (j < cloud.length && cloud[j]! < t - MATCH_MS) j++;
    if (j < cloud.length && Math.abs(cloud[j]! - t) <= MATCH_MS) n++;
  }
  return n;
}

/** Minutes to add to the device log's times to line them up with the gateway's, when clearly not 0. */
export function deviceClockShift(entries: readonly TimelineEntry[]): { minutes: number; matched: number } | undefined {
  const cloud = times(entries, 'cloud');
  const peer = times(entries, 'peer');
  if (cloud.length < MIN_MATCHES || peer.length < MIN_MATCHES) return undefined;
  const unshifted = matches(cloud, peer, 0);
  let best = { shift: 0, n: unshifted };
  for (let q = -MAX_SHIFT_QUARTERS; q <= MAX_SHIFT_QUARTERS; q++) {
    if (q === 0) continue;
    const n = matches(cloud, peer, q * QUARTER_HOUR_MS);
    if (n > best.n) best = { shift: q * QUARTER_HOUR_MS, n };
  }
  if (best.shift === 0 || best.n < MIN_MATCHES || best.n < 2 * Math.max(1, unshifted)) return undefined;
  return { minutes: best.shift / 60_000, matched: best.n };
}
