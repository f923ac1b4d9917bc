// Renders the timeline of one IPsec connection as inline SVG: lanes (cloud and peer, per tunnel),
// a UTC time axis, and one focusable mark per (grouped) entry. The log lines behind each mark live
// in a JSON data block that the page script shows on hover and keyboard focus; the same entries are
// also listed in a table (collapsed on screen, opened for print) so nothing depends on the script.

import type { Subject, TimelineEntry } from '../../../types.js';
import { esc, jsonForScript } from './escape.js';
import { fmtTime, location } from './format.js';
import { fill, sideLabel, sideShort, type Labels, type Lang } from './labels.js';
import type { MarkKind } from './marks.js';
import { buildTimeline, GEOMETRY, type Lane, type Mark, type TimelineModel } from './timeline-model.js';
import { BREAK_PX, breakLabel } from './time-scale.js';

const MAX_LINES_PER_MARK = 4;

/** The SVG path of a mark's symbol centred on (x, y). Shared with the legend. */
export function symbol(kind: MarkKind, x: number, y: number): string {
  const f = (n: number): string => n.toFixed(1);
  switch (kind) {
    case 'attempt':
      return `<circle class="sym" cx="${f(x)}" cy="${f(y)}" r="5.5"/>`;
    case 'retransmit':
      return `<path class="sym" d="M${f(x - 5)} ${f(y - 6)}L${f(x + 6)} ${f(y)}L${f(x - 5)} ${f(y + 6)}Z"/>`;
    case 'failure':
      return `<path class="sym" d="M${f(x)} ${f(y - 8.5)}L${f(x + 8.5)} ${f(y)}L${f(x)} ${f(y + 8.5)}L${f(x - 8.5)} ${f(y)}Z"/>` +
        `<path class="glyph" d="M${f(x - 2.5)} ${f(y - 2.5)}L${f(x + 2.5)} ${f(y + 2.5)}M${f(x + 2.5)} ${f(y - 2.5)}L${f(x - 2.5)} ${f(y + 2.5)}"/>`;
    case 'success':
      return `<circle class="sym" cx="${f(x)}" cy="${f(y)}" r="6.5"/>` +
        `<path class="glyph" d="M${f(x - 3)} ${f(y + 0.2)}L${f(x - 0.8)} ${f(y + 2.6)}L${f(x + 3.2)} ${f(y - 2.4)}"/>`;
    default:
      return `<circle class="sym" cx="${f(x)}" cy="${f(y)}" r="3.2"/>`;
  }
}

const compact = (n: number): string => (n >= 1e6 ? `${Math.floor(n / 1e5) / 10}M` : n >= 1e4 ? `${Math.floor(n / 1e3)}k` : String(n));

function laneLabel(lane: Lane, L: Labels, lang: Lang): string {
  const title = lane.side === 'cloud' ? L.laneCloud : L.lanePeer;
  const sub = lane.tunnel !== null ? `${L.tunnel} ${lane.tunnel}` : lane.side === 'cloud' ? L.laneCloudSub : L.lanePeerSub;
  const tunnelId = lane.tunnel !== null ? lane.subject.tunnelId ?? lane.subject.id : '';
  const g = GEOMETRY;
  let out = `<g class="lane-label ${lane.side}"><title>${esc([sideLabel(lane.side, lang), tunnelId].filter(Boolean).join(' · '))}</title>`;
  out += `<rect class="side-chip ${lane.side}" x="12" y="${lane.y + 14}" width="4" height="${g.lane - 28}" rx="2"/>`;
  out += `<text class="lane-title" x="24" y="${lane.y + (sub ? 26 : 34)}">${esc(title)}</text>`;
  if (sub) out += `<text class="lane-sub" x="24" y="${lane.y + 42}">${esc(sub)}</text>`;
  if (lane.phases.size > 0) {
    if (lane.phases.has(1)) out += `<text class="phase-tag" x="${g.gutter - 10}" y="${lane.y + 24.5}">P1</text>`;
    if (lane.phases.has(2)) out += `<text class="phase-tag" x="${g.gutter - 10}" y="${lane.y + 42.5}">P2</text>`;
  }
  return `${out}</g>`;
}

interface TipData {
  h: string;
  l: { w: string; t: string }[];
  m: number;
}

function tipFor(mark: Mark, model: TimelineModel, L: Labels, lang: Lang): TipData {
  const lane = model.lanes[mark.lane]!;
  const kindWord: Record<MarkKind, string> = {
    attempt: L.legendAttempt, retransmit: L.legendRetransmit, failure: L.legendFailure, success: L.legendSuccess, other: L.legendOther,
  };
  const parts = [kindWord[mark.kind], sideShort(lane.side, lang)];
  if (lane.tunnel !== null) parts.push(`${L.tunnel} ${lane.tunnel}`);
  if (mark.phase) parts.push(`P${mark.phase}`);
  const events = [...new Set(mark.entries.map((e) => e.event))].join(', ');
  let head = `${parts.join(' · ')} — ${events} — ${fmtTime(new Date(mark.start).toISOString())}`;
  if (mark.count > 1) head += ` (${fill(L.repeated, { n: mark.count })}${mark.end > mark.start ? `, ${L.until} ${fmtTime(new Date(mark.end).toISOString())}` : ''})`;
  const lines = mark.entries.slice(0, MAX_LINES_PER_MARK).map((e) => ({ w: location(e), t: e.text }));
  return { h: head, l: lines, m: Math.max(0, mark.entries.length - MAX_LINES_PER_MARK) };
}

function markSvg(mark: Mark, index: number, model: TimelineModel, tip: TipData, tipId: string): string {
  const lane = model.lanes[mark.lane]!;
  const label = `${tip.h}: ${tip.l[0]?.t ?? ''}`;
  let out = `<g class="mark k-${mark.kind}" role="img" tabindex="${index === 0 ? 0 : -1}" data-i="${index}" data-kind="${mark.kind}"` +
    ` data-phase="${mark.phase ?? ''}" data-side="${lane.side}" data-lane="${mark.lane}" data-count="${mark.count}"` +
    ` aria-label="${esc(label.length > 300 ? `${label.slice(0, 299)}…` : label)}" aria-describedby="${tipId}">`;
  if (mark.x2 - mark.x > 2) out += `<line class="span" x1="${mark.x.toFixed(1)}" y1="${mark.y}" x2="${mark.x2.toFixed(1)}" y2="${mark.y}"/>`;
  out += `<circle class="hit" cx="${mark.x.toFixed(1)}" cy="${mark.y}" r="11"/>`;
  out += symbol(mark.kind, mark.x, mark.y);
  if (mark.count > 1 && mark.badge) out += `<text class="badge" x="${mark.badge.x.toFixed(1)}" y="${mark.badge.y}">×${compact(mark.count)}</text>`;
  return `${out}</g>`;
}

/** Legend, SVG, tooltip, data block and entry table for the subjects of one connection. */
export function renderTimeline(subjects: Subject[], id: string, L: Labels, lang: Lang): string {
  const model = buildTimeline(subjects);
  const g = GEOMETRY;
  const total = subjects.reduce((n, s) => n + s.timeline.length, 0);
  const folded = subjects.reduce((n, s) => n + (s.timelineFolded ?? 0), 0);
  const tipId = `${id}-tip`;
  let svg = `<svg class="timeline-svg" id="${id}-svg" viewBox="0 0 ${g.width} ${model.height}" width="100%" role="group"` +
    ` aria-label="${esc(`${L.timeline}: ${total}`)}" data-tip="${tipId}" data-data="${id}-data" preserveAspectRatio="xMinYMin meet">`;
  model.lanes.forEach((lane, i) => {
    svg += `<rect class="lane-bg ${i % 2 ? 'odd' : 'even'}" x="0" y="${lane.y}" width="${g.width}" height="${g.lane}"/>`;
  });
  for (const t of model.ticks) {
    svg += `<line class="grid" x1="${t.x.toFixed(1)}" y1="${g.axis - 6}" x2="${t.x.toFixed(1)}" y2="${model.height - g.bottom}"/>`;
    svg += `<text class="tick" x="${t.x.toFixed(1)}" y="${g.axis - 12}">${esc(t.label)}</text>`;
  }
  svg += `<text class="axis-unit" x="24" y="${g.axis - 12}">${esc(model.day)} UTC</text>`;
  // A broken axis: a band over the lanes and the quiet time it leaves out.
  for (const b of model.breaks) {
    const x = b.x.toFixed(1);
    svg += `<g class="axis-break"><rect x="${(b.x - BREAK_PX / 2 + 3).toFixed(1)}" y="${g.axis - 6}" width="${BREAK_PX - 6}" height="${model.height - g.bottom - g.axis + 6}"/>`;
    svg += `<path d="M${(b.x - 6).toFixed(1)} ${g.axis - 2}l4 -8M${(b.x + 2).toFixed(1)} ${g.axis - 2}l4 -8"/>`;
    svg += `<text x="${x}" y="${((g.axis + model.height - g.bottom) / 2).toFixed(1)}">${esc(breakLabel(b.ms))}</text><title>${esc(fill(L.axisBreak, { gap: breakLabel(b.ms) }))}</title></g>`;
  }
  svg += `<line class="gutter-line" x1="${g.gutter - 2}" y1="${g.axis}" x2="${g.gutter - 2}" y2="${model.height - g.bottom}"/>`;
  for (const lane of model.lanes) {
    svg += laneLabel(lane, L, lang);
    if (lane.empty) svg += `<text class="lane-empty" x="${g.gutter + 16}" y="${lane.y + 34}">${esc(L.timelineEmpty)}</text>`;
  }
  const tips = model.marks.map((m) => tipFor(m, model, L, lang));
  model.marks.forEach((m, i) => {
    svg += markSvg(m, i, model, tips[i]!, tipId);
  });
  svg += '</svg>';
  const notes: string[] = [];
  if (folded > 0) notes.push(fill(L.timelineFolded, { n: folded }));
  if (model.untimed > 0) notes.push(fill(L.timelineUntimed, { n: model.untimed }));
  return `<figure class="timeline card" id="${id}">
<figcaption><h3>${esc(L.timeline)}</h3>${legend(L)}</figcaption>
<p class="hint">${esc(L.timelineHint)}</p>
<div class="timeline-wrap">${svg}<div class="tip" id="${tipId}" role="tooltip" hidden></div></div>
${notes.map((n) => `<p class="note">${esc(n)}</p>`).join('')}
<script type="application/json" id="${id}-data">${jsonForScript(tips)}</script>
${entryTable(subjects, L, lang)}
</figure>`;
}

function legend(L: Labels): string {
  const item = (kind: MarkKind, text: string): string =>
    `<span class="legend-item k-${kind}"><svg viewBox="-9 -9 18 18" width="16" height="16" aria-hidden="true">${symbol(kind, 0, 0)}</svg>${esc(text)}</span>`;
  return `<div class="legend">${item('attempt', L.legendAttempt)}${item('retransmit', L.legendRetransmit)}` +
    `${item('failure', L.legendFailure)}${item('success', L.legendSuccess)}${item('other', L.legendOther)}` +
    `<span class="legend-item"><b>P1</b> ${esc(L.legendPhase1)}</span><span class="legend-item"><b>P2</b> ${esc(L.legendPhase2)}</span></div>`;
}

function entryTable(subjects: Subject[], L: Labels, lang: Lang): string {
  const rows: { e: TimelineEntry; tunnel: number | null }[] = [];
  subjects.forEach((s, i) => s.timeline.forEach((e) => rows.push({ e, tunnel: subjects.length > 1 ? i + 1 : null })));
  rows.sort((a, b) => (Date.parse(a.e.time ?? '') || Infinity) - (Date.parse(b.e.time ?? '') || Infinity));
  const dual = subjects.length > 1;
  const body = rows.map(({ e, tunnel }) => {
    const n = e.count && e.count > 1 ? ` ×${e.count}` : '';
    return `<tr class="side-${e.side}"><td class="nowrap">${esc(fmtTime(e.time))}</td><td>${esc(sideShort(e.side, lang))}</td>` +
      `${dual ? `<td>${tunnel ?? ''}</td>` : ''}<td>${e.phase ?? ''}</td><td><code>${esc(e.event)}</code>${esc(n)}</td>` +
      `<td><code class="loc">${esc(location(e))}</code><pre class="log">${esc(e.text)}</pre></td></tr>`;
  }).join('\n');
  return `<details class="entries"><summary>${esc(L.allEntries)} (${rows.length})</summary>
<div class="table-scroll"><table><thead><tr><th>${esc(L.time)}</th><th>${esc(L.side)}</th>${dual ? `<th>${esc(L.tunnel)}</th>` : ''}<th>${esc(L.phase)}</th><th>${esc(L.event)}</th><th>${esc(L.logLine)}</th></tr></thead>
<tbody>${body}</tbody></table></div></details>`;
}
