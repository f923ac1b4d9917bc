// Episodes: one subject's log can hold several attempts at the tunnel that ended differently — a
// pre-shared key fixed, then the subnets broke; a day-long export. An episode ends where a side
// fell quiet for EPISODE_GAP_MS after a negotiation that did not leave the tunnel up (a tunnel
// that is up stays one episode however long it idles: its later loss belongs to it). Each episode
// is judged from its own lines; the subject's findings are its latest episode's.
import type { Side } from '../types.js';
import type { EvidenceStore } from './evidence-store.js';
import { LOSSES, NEGOTIATION_FAILURES, type Lifecycle } from './lifecycle.js';

/** What the episode rules read of an accumulator (structural: subject.ts imports this module). */
interface EpisodeState {
  store: EvidenceStore;
  life: Record<Side, Lifecycle>;
}

/**
 * The quiet gap that separates attempts. Retries of one failing negotiation come seconds to a
 * minute apart (racoon2, strongSwan and Libreswan back-off); a person changing a setting and
 * trying again takes longer.
 */
export const EPISODE_GAP_MS = 5 * 60_000;

/** Whether the current episode ends at a quiet gap: it saw events and the tunnel is not up. */
export function closesEpisode(acc: EpisodeState): boolean {
  return acc.store.tallies.length > 0 && acc.life.cloud.state !== 'up' && acc.life.peer.state !== 'up';
}

const OUTCOMES: ReadonlySet<string> = new Set([...NEGOTIATION_FAILURES, ...LOSSES, 'p1-established', 'p2-established', 'notify']);

/** The outcome shape of an episode: its end states and the kinds of failure each side logged. */
function shape(acc: EpisodeState): string {
  const kinds: string[] = [];
  for (const t of acc.store.tallies) if (OUTCOMES.has(t.type)) kinds.push(`${t.side}:${t.type}`);
  return `${acc.life.cloud.state}|${acc.life.peer.state}|${kinds.sort().join(',')}`;
}

/** Two episodes that ended the same way with the same kinds of failure: one episode retried. */
export function sameEpisodeShape(a: EpisodeState, b: EpisodeState): boolean {
  return shape(a) === shape(b);
}
