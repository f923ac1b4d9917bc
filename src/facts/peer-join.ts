// Joins each device (peer) session to the gateway subject it is the other end of: by the
// addresses both sides name, then by time; a session with no match stands as a subject of its own.
import { SubjectAccumulator } from './subject.js';

/**
 * Joins the device sessions (keyed `source#connName`) into the gateway subjects and hands back
 * the ones that joined none. Records without a connection name join their file's only named
 * session first.
 */
export function joinPeerSessions(peer: Map<string, SubjectAccumulator>, cloud: ReadonlyMap<string, SubjectAccumulator>): SubjectAccumulator[] {
  const own: SubjectAccumulator[] = [];
  // Records without a connection name (start-up chatter) join the file's only named session.
  // Beside several, chatter without a single event (debug dumps) is no subject of its own: its
  // lines stay counted as read, and a subject that says only "no problem found" would be noise.
  for (const [key, s] of peer) {
    if (!key.endsWith('#')) continue;
    const named = [...peer.entries()].filter(([k]) => k.startsWith(key) && k !== key);
    if (named.length === 1) {
      named[0]![1].absorb(s);
      peer.delete(key);
    } else if (named.length > 1 && s.store.tallies.length === 0) {
      peer.delete(key);
    }
  }
  for (const p of peer.values()) {
    const gw = SubjectAccumulator.top(p.gatewayIps);
    const dev = SubjectAccumulator.top(p.deviceIps);
    let best: SubjectAccumulator | undefined;
    let bestScore = 0;
    let bestGap = Infinity;
    for (const c of cloud.values()) {
      let score = 0;
      if (gw && (c.gatewayIps.has(gw) || c.config?.gatewayIp === gw)) score += 2;
      if (dev && (c.deviceIps.has(dev) || c.config?.remoteIp === dev)) score += 2;
      if (score > 0 && overlaps(c, p)) score += 1;
      // Equal addresses (one device, several connections): the closest in time wins.
      const gap = timeGap(c, p);
      if (score > bestScore || (score === bestScore && score > 0 && gap < bestGap)) [best, bestScore, bestGap] = [c, score, gap];
    }
    // A device log that never named an endpoint (it received nothing) joins the only gateway
    // subject whose time window it overlaps; so does one that names the gateway when the only
    // such subject names no address at all (a gateway that received nothing: start-up lines,
    // lab wave 7); otherwise it stands alone. With none in the window, the only one within a
    // time zone's reach: a device log's stamps carry no zone, and one read in the wrong zone
    // (the analyst's machine) is hours off while the gateway's is not.
    if (!best) {
      const eligible = [...cloud.values()].filter((c) => (!gw && !dev ? true : c.gatewayIps.size === 0 && c.deviceIps.size === 0 && !c.config));
      let inWindow = eligible.filter((c) => overlaps(c, p));
      if (inWindow.length === 0) inWindow = eligible.filter((c) => overlaps(c, p, ZONE_REACH_MS));
      if (inWindow.length === 1) [best, bestScore] = [inWindow[0]!, 2];
    }
    if (best && bestScore >= 2) best.absorb(p);
    else own.push(p);
  }
  // An API diagnosis names no address, and its time is the diagnosis's (NoExceptionFound carries
  // no failure time): one device session left over is the tunnel of the one subject that has
  // neither address nor time, as a user handing one connection's diagnosis and one device log means.
  if (own.length === 1) {
    const placeless = [...cloud.values()].filter((c) => c.gatewayIps.size === 0 && c.deviceIps.size === 0 && !c.config && c.span().firstMs === undefined);
    if (placeless.length === 1) {
      placeless[0]!.absorb(own[0]!);
      return [];
    }
  }
  return own;
}

const WINDOW_MS = 15 * 60_000;

/** Time zones span UTC−12 to UTC+14: a device log read in the wrong one is at most this far off (and the window). */
const ZONE_REACH_MS = 26 * 3_600_000 + WINDOW_MS;

function overlaps(a: SubjectAccumulator, b: SubjectAccumulator, window = WINDOW_MS): boolean {
  const x = a.span();
  const y = b.span();
  if (x.firstMs === undefined || y.firstMs === undefined) return false;
  return x.firstMs - window <= (y.lastMs ?? y.firstMs) && y.firstMs - window <= (x.lastMs ?? x.firstMs);
}

/** Milliseconds between two subjects' time windows, every episode counted (0 when they overlap, Infinity when unknown). */
function timeGap(a: SubjectAccumulator, b: SubjectAccumulator): number {
  const x = a.span();
  const y = b.span();
  if (x.firstMs === undefined || y.firstMs === undefined) return Infinity;
  const aEnd = x.lastMs ?? x.firstMs;
  const bEnd = y.lastMs ?? y.firstMs;
  if (x.firstMs <= bEnd && y.firstMs <= aEnd) return 0;
  return Math.min(Math.abs(x.firstMs - bEnd), Math.abs(y.firstMs - aEnd));
}
