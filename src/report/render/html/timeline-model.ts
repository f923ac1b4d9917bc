// Lays out the two-sided timeline of one IPsec connection: one lane per side and per tunnel, a time
// scale, and the marks. Entries of the same kind and phase that would overlap on screen become one
// mark that remembers all of them (and the sum of their `count`s), so a retransmission storm reads
// as one mark "×12" with a bar over the time it lasted instead of a smear of dots. Pure geometry.

import type { Side, Subject, TimelineEntry } from '../../../types.js';
import { entryCount } from './format.js';
import { markKind, markPhase, type MarkKind } from './marks.js';

export const GEOMETRY = { width: 1000, gutter: 200, padRight: 28, axis: 34, lane: 58, bottom: 8 };

export interface Lane {
  side: Side;
  subject: Subject;
  /** 1-based tunnel number in a dual-tunnel group, null for a single subject. */
  tunnel: number | null;
  y: number;
  empty: boolean;
  phases: Set<1 | 2>;
}

export interface Mark {
  lane: number;
  kind: MarkKind;
  phase: 1 | 2 | undefined;
  x: number;
  /** End of the span the mark stands for (repeats, lastTime). Equals x for a point. */
  x2: number;
  y: number;
  count: number;
  entries: TimelineEntry[];
  start: number;
  end: number;
}

export interface Tick {
  x: number;
  label: string;
}

export interface TimelineModel {
  lanes: Lane[];
  marks: Mark[];
  ticks: Tick[];
  height: number;
  /** Entries without a usable time: shown in the table only. */
  untimed: number;
  t0: number;
  t1: number;
  /** Date (YYYY-MM-DD, UTC) of the first entry, for the axis. */
  day: string;
}

const MERGE_PX = 9;
const STEPS_S = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800];

const timeOf = (iso: string | null | undefined): number | null => {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
};

export function buildTimeline(subjects: Subject[]): TimelineModel {
  const g = GEOMETRY;
  const lanes: Lane[] = [];
  const dual = subjects.length > 1;
  subjects.forEach((subject, i) => {
    for (const side of ['cloud', 'peer'] as const) {
      const entries = subject.timeline.filter((e) => e.side === side);
      const phases = new Set(entries.map(markPhase).filter((p): p is 1 | 2 => p !== undefined));
      lanes.push({ side, subject, tunnel: dual ? i + 1 : null, y: g.axis + lanes.length * g.lane, empty: entries.length === 0, phases });
    }
  });
  const times: number[] = [];
  let untimed = 0;
  for (const s of subjects) {
    for (const e of s.timeline) {
      const t = timeOf(e.time);
      if (t === null) untimed++;
      else {
        times.push(t);
        const last = timeOf(e.lastTime);
        if (last !== null && last > t) times.push(last);
      }
    }
  }
  const lo = times.length ? Math.min(...times) : 0;
  const hi = times.length ? Math.max(...times) : 1000;
  const span = Math.max(hi - lo, 1000);
  const t0 = lo - span * 0.03;
  const t1 = lo + span * 1.03;
  const plotW = g.width - g.gutter - g.padRight;
  const xOf = (t: number): number => g.gutter + ((t - t0) / (t1 - t0)) * plotW;

  const marks: Mark[] = [];
  lanes.forEach((lane, laneIndex) => {
    const entries = lane.subject.timeline
      .filter((e) => e.side === lane.side && timeOf(e.time) !== null)
      .map((e) => ({ e, t: timeOf(e.time)!, kind: markKind(e), phase: markPhase(e) }))
      .sort((a, b) => a.t - b.t);
    const open = new Map<string, Mark>();
    for (const { e, t, kind, phase } of entries) {
      const key = `${kind}|${phase ?? 0}`;
      const x = xOf(t);
      const end = Math.max(t, timeOf(e.lastTime) ?? t);
      const current = open.get(key);
      if (current && x - current.x < MERGE_PX) {
        current.entries.push(e);
        current.count += entryCount(e);
        current.end = Math.max(current.end, end);
        current.x2 = xOf(current.end);
        continue;
      }
      const y = lane.y + (phase === 1 ? 21 : phase === 2 ? 39 : 30);
      const mark: Mark = { lane: laneIndex, kind, phase, x, x2: xOf(end), y, count: entryCount(e), entries: [e], start: t, end };
      open.set(key, mark);
      marks.push(mark);
    }
  });
  // Draw order: quiet marks first so failures stay on top where marks overlap.
  const order: MarkKind[] = ['other', 'attempt', 'retransmit', 'success', 'failure'];
  marks.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.x - b.x);
  const day = times.length ? new Date(lo).toISOString().slice(0, 10) : '';
  return { lanes, marks, ticks: ticks(t0, t1, xOf, hi - lo), height: g.axis + lanes.length * g.lane + g.bottom, untimed, t0, t1, day };
}

function ticks(t0: number, t1: number, xOf: (t: number) => number, realSpan: number): Tick[] {
  const spanS = (t1 - t0) / 1000;
  const step = STEPS_S.find((s) => spanS / s <= 7) ?? STEPS_S[STEPS_S.length - 1]!;
  const stepMs = step * 1000;
  const out: Tick[] = [];
  const withDate = realSpan > 20 * 3600 * 1000;
  for (let t = Math.ceil(t0 / stepMs) * stepMs; t <= t1; t += stepMs) {
    const iso = new Date(t).toISOString();
    const clock = step >= 60 ? iso.slice(11, 16) : iso.slice(11, 19);
    out.push({ x: xOf(t), label: withDate ? `${iso.slice(5, 10)} ${clock}` : clock });
  }
  return out;
}
