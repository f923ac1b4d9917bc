// Lays out the two-sided timeline of one IPsec connection: one lane per side and per tunnel, a time
// scale, and the marks. Entries of the same kind and phase that would overlap on screen become one
// mark that remembers all of them (and the sum of their `count`s), so a retransmission storm reads
// as one mark "×12" with a bar over the time it lasted instead of a smear of dots. Pure geometry.

import type { Side, Subject, TimelineEntry } from '../../../types.js';
import { entryCount } from './format.js';
import { markKind, markPhase, type MarkKind } from './marks.js';
import { timeScale, type AxisBreak, type Tick } from './time-scale.js';

export type { Tick } from './time-scale.js';

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
  /** Where the count badge is drawn (absent: no room; the count is in the tooltip). */
  badge?: { x: number; y: number };
}

export interface TimelineModel {
  lanes: Lane[];
  marks: Mark[];
  ticks: Tick[];
  /** Where the axis is broken over a long quiet stretch (see time-scale.ts). */
  breaks: AxisBreak[];
  height: number;
  /** Entries without a usable time: shown in the table only. */
  untimed: number;
  /** Date (YYYY-MM-DD, UTC) of the first entry, for the axis. */
  day: string;
}

/** Same-kind marks closer than this merge (a storm reads as one mark with a count). */
const MERGE_PX = 9;
/** Marks of any kind this close are one instant on screen: one glyph, the most telling kind, the summed count. */
const SAME_INSTANT_PX = 1.5;
/** Room a count badge needs per character, and its height: badges that would overlap move up a row, then drop. */
const BADGE_CHAR_PX = 6.5;
const BADGE_ROW_PX = 11;
const KIND_ORDER: MarkKind[] = ['other', 'attempt', 'retransmit', 'success', 'failure'];

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
  const day = times.length ? new Date(lo).toISOString().slice(0, 10) : '';
  const scale = timeScale(times, g.gutter, g.width - g.padRight, day);
  const xOf = scale.xOf;

  const marks: Mark[] = [];
  lanes.forEach((lane, laneIndex) => {
    const entries = lane.subject.timeline
      .filter((e) => e.side === lane.side && timeOf(e.time) !== null)
      .map((e) => ({ e, t: timeOf(e.time)!, kind: markKind(e), phase: markPhase(e) }))
      .sort((a, b) => a.t - b.t);
    const open = new Map<string, Mark>();
    const laneMarks: Mark[] = [];
    for (const { e, t, kind, phase } of entries) {
      const key = `${kind}|${phase ?? 0}`;
      const x = xOf(t);
      const end = Math.max(t, timeOf(e.lastTime) ?? t);
      // Another kind at the same instant on the same row: one glyph, the more telling kind.
      const sameInstant = laneMarks.find((m) => m.phase === phase && Math.abs(m.x - x) < SAME_INSTANT_PX);
      const near = open.get(key);
      const current = near && near.kind === kind && x - near.x < MERGE_PX ? near : sameInstant;
      if (current) {
        current.entries.push(e);
        current.count += entryCount(e);
        current.end = Math.max(current.end, end);
        current.x2 = xOf(current.end);
        if (KIND_ORDER.indexOf(kind) > KIND_ORDER.indexOf(current.kind)) current.kind = kind;
        continue;
      }
      const y = lane.y + (phase === 1 ? 21 : phase === 2 ? 39 : 30);
      const mark: Mark = { lane: laneIndex, kind, phase, x, x2: xOf(end), y, count: entryCount(e), entries: [e], start: t, end };
      open.set(key, mark);
      laneMarks.push(mark);
    }
    placeBadges(laneMarks, lane.y);
    marks.push(...laneMarks);
  });
  // Draw order: quiet marks first so failures stay on top where marks overlap.
  marks.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.x - b.x);
  return { lanes, marks, ticks: scale.ticks, breaks: scale.breaks, height: g.axis + lanes.length * g.lane + g.bottom, untimed, day };
}

/**
 * Where each count badge goes: beside its mark, else a row higher, else nowhere (the count stays
 * in the tooltip and the table) — two badges never print over each other or over a later mark.
 */
function placeBadges(marks: Mark[], laneTop: number): void {
  const taken: { x0: number; x1: number; y: number }[] = [];
  const clash = (x0: number, x1: number, y: number): boolean =>
    taken.some((b) => b.y === y && x0 < b.x1 && b.x0 < x1) ||
    marks.some((m) => Math.abs(m.y - (y + 7)) < BADGE_ROW_PX && m.x - 7 < x1 && x0 < m.x + 7);
  for (const m of [...marks].sort((a, b) => a.x - b.x)) {
    if (m.count <= 1) continue;
    const width = (String(m.count).length + 1) * BADGE_CHAR_PX;
    const x0 = m.x + 8;
    // A badge stays inside its lane (its text rises ~9 px above the baseline).
    for (const y of [m.y - 7, m.y - 7 - BADGE_ROW_PX].filter((b) => b - 9 >= laneTop)) {
      if (!clash(x0, x0 + width, y)) {
        taken.push({ x0, x1: x0 + width, y });
        m.badge = { x: x0, y };
        break;
      }
    }
  }
}
