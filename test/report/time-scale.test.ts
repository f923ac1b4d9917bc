// The HTML timeline's axis and marks (pure geometry): a long quiet stretch breaks the axis so each
// burst keeps its width, the date is written wherever it changes, marks at one instant are one
// glyph, and count badges never overlap.
import { describe, expect, it } from 'vitest';
import { breakLabel, timeScale } from '../../src/report/render/html/time-scale.js';
import { buildTimeline } from '../../src/report/render/html/timeline-model.js';
import type { Subject, TimelineEntry } from '../../src/types.js';

const T = (iso: string): number => Date.parse(iso);

function subject(timeline: TimelineEntry[]): Subject {
  return { id: 'vco-x', vpnConnectionId: 'vco-x', tunnelId: null, vpnGatewayId: null, status: 'failing', findings: [], timeline };
}
const entry = (time: string, event: string, extra: Partial<TimelineEntry> = {}): TimelineEntry => ({ time, side: 'cloud', event, text: event, phase: 1, ...extra });

describe('time scale', () => {
  it('one burst: a plain linear axis over the whole width', () => {
    const s = timeScale([T('2026-11-22T06:00:00Z'), T('2026-11-22T06:01:00Z')], 200, 972, '2026-11-22');
    expect(s.breaks).toEqual([]);
    expect(s.segments).toHaveLength(1);
    expect(s.xOf(T('2026-11-22T06:00:00Z'))).toBeCloseTo(200 + 772 * (0.03 / 1.06), 3);
    expect(s.ticks.length).toBeGreaterThan(2);
  });

  it('bursts hours apart: one break, each burst keeps room for its own marks', () => {
    const times = [T('2026-11-22T06:18:03Z'), T('2026-11-22T06:18:20Z'), T('2026-11-22T08:18:32Z'), T('2026-11-22T08:19:40Z')];
    const s = timeScale(times, 200, 972, '2026-11-22');
    expect(s.breaks).toHaveLength(1);
    expect(breakLabel(s.breaks[0]!.ms)).toBe('+2 h');
    const first = s.xOf(times[1]!) - s.xOf(times[0]!);
    const second = s.xOf(times[3]!) - s.xOf(times[2]!);
    // Without the break the first burst's 17 s would be 2 px of a 2-hour axis.
    expect(first).toBeGreaterThan(50);
    expect(second).toBeGreaterThan(first);
    expect(s.xOf(times[2]!)).toBeGreaterThan(s.breaks[0]!.x);
    expect(s.xOf(times[1]!)).toBeLessThan(s.breaks[0]!.x);
  });

  it('evenly spread activity is not broken', () => {
    const times = Array.from({ length: 30 }, (_, i) => T('2026-11-22T00:00:00Z') + i * 8 * 60_000);
    expect(timeScale(times, 200, 972, '2026-11-22').breaks).toEqual([]);
  });

  it('writes the date on the tick where it changes, and only there', () => {
    const times = [T('2026-11-22T23:58:00Z'), T('2026-11-23T00:03:00Z')];
    const labels = timeScale(times, 200, 972, '2026-11-22').ticks.map((t) => t.label);
    const dated = labels.filter((l) => /^\d\d-\d\d /.test(l));
    expect(dated).toHaveLength(1);
    expect(dated[0]).toMatch(/^11-23 00:0\d$/);
    const days = timeScale([T('2026-11-22T06:00:00Z'), T('2026-11-24T06:01:00Z')], 200, 972, '2026-11-22').ticks.map((t) => t.label);
    expect(days.some((l) => l.startsWith('11-24 '))).toBe(true);
  });

  it('labels breaks short', () => {
    expect(breakLabel(12 * 60_000)).toBe('+12 min');
    expect(breakLabel(125 * 60_000)).toBe('+2 h 05 min');
    expect(breakLabel((3 * 24 + 4) * 3600_000)).toBe('+3 d 4 h');
  });
});

describe('timeline marks', () => {
  it('marks of different kinds at one instant are one glyph of the most telling kind, counts summed', () => {
    const m = buildTimeline([subject([entry('2026-11-22T06:00:00Z', 'p1-start'), entry('2026-11-22T06:00:00Z', 'auth-failed'), entry('2026-11-22T06:00:00Z', 'nat-detected')])]);
    const cloud = m.marks.filter((x) => x.lane === 0);
    expect(cloud).toHaveLength(1);
    expect(cloud[0]!.kind).toBe('failure');
    expect(cloud[0]!.count).toBe(3);
  });

  it('count badges never overlap each other or another glyph', () => {
    const tl: TimelineEntry[] = [];
    for (let i = 0; i < 12; i++) tl.push(entry(`2026-11-22T06:00:${String(i * 4).padStart(2, '0')}Z`, i % 2 ? 'p1-resend' : 'p1-timeout', { count: 120 + i }));
    const m = buildTimeline([subject(tl)]);
    const badges = m.marks.filter((x) => x.badge).map((x) => ({ x0: x.badge!.x, x1: x.badge!.x + (String(x.count).length + 1) * 6.5, y: x.badge!.y }));
    expect(badges.length).toBeGreaterThan(0);
    for (const a of badges) for (const b of badges) if (a !== b && a.y === b.y) expect(a.x1 <= b.x0 || b.x1 <= a.x0).toBe(true);
    for (const a of badges) for (const mk of m.marks) if (Math.abs(mk.y - (a.y + 7)) < 11) expect(mk.x + 7 <= a.x0 || a.x1 <= mk.x - 7).toBe(true);
    // A badge left out still has its count on the mark (tooltip, data-count).
    expect(m.marks.every((x) => x.count > 1)).toBe(true);
  });
});
