// The timeline's time axis: a linear scale broken where the inputs fall quiet for long. Logs hours
// apart (an earlier attempt and the latest one, a gateway export and a device capture of another
// day) would otherwise crush each burst of activity into a few pixels at either end; each burst
// gets its own stretch of the axis and the gaps a fixed-width break that says how long they were.

/** A quiet stretch becomes a break from this long on, and only if it is this share of the whole. */
const BREAK_MIN_MS = 10 * 60_000;
const BREAK_MIN_SHARE = 0.1;
/** Width of a break on the axis, and the least width a burst gets however short it was. */
export const BREAK_PX = 28;
const MIN_SEGMENT_PX = 70;
/** Room for a tick label: fewer ticks on a narrow segment. */
const TICK_PX = 110;
const STEPS_S = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800];

export interface Segment {
  /** Times (ms) the segment shows, padded a little, and the pixels it covers. */
  t0: number;
  t1: number;
  x0: number;
  x1: number;
}

export interface AxisBreak {
  /** Centre of the break on the axis. */
  x: number;
  /** The quiet time it stands for, in ms. */
  ms: number;
}

export interface Tick {
  x: number;
  label: string;
}

export interface TimeScale {
  segments: Segment[];
  breaks: AxisBreak[];
  xOf(t: number): number;
  ticks: Tick[];
}

/** Bursts of activity: sorted times cut where the gap is long, both absolutely and against the whole span. */
function bursts(times: readonly number[]): [number, number][] {
  const sorted = [...times].sort((a, b) => a - b);
  if (sorted.length === 0) return [[0, 1000]];
  const whole = sorted[sorted.length - 1]! - sorted[0]!;
  const out: [number, number][] = [[sorted[0]!, sorted[0]!]];
  for (const t of sorted) {
    const cur = out[out.length - 1]!;
    const gap = t - cur[1];
    if (gap >= BREAK_MIN_MS && gap >= whole * BREAK_MIN_SHARE) out.push([t, t]);
    else cur[1] = t;
  }
  return out;
}

/** Pixels per burst: in proportion to its duration, none narrower than MIN_SEGMENT_PX. */
function widths(spans: readonly number[], room: number): number[] {
  const total = spans.reduce((a, b) => a + b, 0);
  if (total === 0) return spans.map(() => room / spans.length);
  let w = spans.map((s) => Math.max(MIN_SEGMENT_PX, (s / total) * room));
  const over = w.reduce((a, b) => a + b, 0) - room;
  if (over > 0) {
    // Take the excess from the wide segments only, in proportion to what they have above the minimum.
    const spare = w.reduce((a, b) => a + (b - MIN_SEGMENT_PX), 0);
    w = w.map((x) => (spare > 0 ? x - ((x - MIN_SEGMENT_PX) / spare) * over : room / w.length));
  }
  return w;
}

function ticksOf(seg: Segment, withDateFrom: { day: string }): Tick[] {
  const spanS = (seg.t1 - seg.t0) / 1000;
  const most = Math.max(1, Math.floor((seg.x1 - seg.x0) / TICK_PX));
  const step = STEPS_S.find((s) => spanS / s <= most) ?? STEPS_S[STEPS_S.length - 1]!;
  const stepMs = step * 1000;
  const out: Tick[] = [];
  const first = Math.ceil(seg.t0 / stepMs) * stepMs;
  // Every segment names its time: one that no round step falls in gets a tick at its first second.
  const start = first <= seg.t1 ? first : Math.ceil(seg.t0 / 1000) * 1000;
  const fine = first > seg.t1;
  for (let t = start; t <= seg.t1; t += fine ? Infinity : stepMs) {
    const iso = new Date(t).toISOString();
    const clock = step >= 60 && !fine ? iso.slice(11, 16) : iso.slice(11, 19);
    // The date is shown wherever it changes (the axis names the first day at its left).
    const day = iso.slice(0, 10);
    const label = day !== withDateFrom.day ? `${iso.slice(5, 10)} ${clock}` : clock;
    withDateFrom.day = day;
    out.push({ x: seg.x0 + ((t - seg.t0) / (seg.t1 - seg.t0)) * (seg.x1 - seg.x0), label });
  }
  return out;
}

/** The scale for these times over the pixels [x0, x1]; `firstDay` is the date the axis names at its start. */
export function timeScale(times: readonly number[], x0: number, x1: number, firstDay: string): TimeScale {
  const parts = bursts(times);
  const room = x1 - x0 - BREAK_PX * (parts.length - 1);
  // A burst of one instant still spans a second, so its mark sits in the middle of its stretch.
  const spans = parts.map(([a, b]) => Math.max(b - a, 1000));
  const w = widths(spans, room);
  const segments: Segment[] = [];
  const breaks: AxisBreak[] = [];
  let x = x0;
  parts.forEach(([a, b], i) => {
    const span = Math.max(b - a, 1000);
    const pad = span * 0.03;
    const lo = b - a < 1000 ? a - (1000 - (b - a)) / 2 : a;
    segments.push({ t0: lo - pad, t1: lo + span + pad, x0: x, x1: x + w[i]! });
    x += w[i]!;
    if (i < parts.length - 1) {
      breaks.push({ x: x + BREAK_PX / 2, ms: parts[i + 1]![0] - b });
      x += BREAK_PX;
    }
  });
  const xOf = (t: number): number => {
    let seg = segments[0]!;
    for (const s of segments) if (t >= s.t0) seg = s;
    const clamped = Math.min(Math.max(t, seg.t0), seg.t1);
    return seg.x0 + ((clamped - seg.t0) / (seg.t1 - seg.t0)) * (seg.x1 - seg.x0);
  };
  const state = { day: firstDay };
  const ticks = segments.flatMap((s) => ticksOf(s, state));
  return { segments, breaks, xOf, ticks };
}

/** How long a break stands for, short: `+2 h 05 min`, `+3 d 4 h`, `+12 min`. */
export function breakLabel(ms: number): string {
  const min = Math.round(ms / 60_000);
  if (min < 60) return `+${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return `+${h} h${min % 60 ? ` ${String(min % 60).padStart(2, '0')} min` : ''}`;
  return `+${Math.floor(h / 24)} d${h % 24 ? ` ${h % 24} h` : ''}`;
}
