// `--format html`: one self-contained file a support engineer can open from disk, mail or attach.
// Inline CSS, JS and SVG only; a Content-Security-Policy that allows nothing but those two inline
// blocks (by hash) and data: images, so even a rendering bug cannot make the page fetch anything
// or run injected script. Per connection: the findings as cards and a two-sided SVG timeline.

import { createHash } from 'node:crypto';
import type { Report, Subject } from '../../types.js';
import { renderFinding } from './html/cards.js';
import { esc } from './html/escape.js';
import { fmtTime, groupByConnection, location, pct } from './html/format.js';
import { causeLabel, fill, labels, severityLabel, sideShort, statusLabel, type Labels, type Lang } from './html/labels.js';
import { SCRIPT } from './html/script.js';
import { CSS } from './html/styles.js';
import { renderTimeline } from './html/timeline.js';
import { comparisonHtml } from './comparison.js';

export interface HtmlOptions {
  lang?: Lang;
  title?: string;
}

const MAX_PROBLEMS = 50;
const LOGO = `<svg width="40" height="40" viewBox="0 0 40 40" aria-hidden="true"><rect width="40" height="40" rx="9" fill="#1f5fd6"/>` +
  `<circle cx="11" cy="20" r="4.5" fill="#ff8a3d"/><circle cx="29" cy="20" r="4.5" fill="#b9b9ff"/>` +
  `<path d="M15.5 17.5h9M15.5 22.5h9" stroke="#fff" stroke-width="2" stroke-linecap="round"/></svg>`;
const FAVICON = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="40" height="40" rx="9" fill="#1f5fd6"/></svg>')}`;

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('base64');

export function renderHtml(report: Report, opts: HtmlOptions = {}): string {
  const lang = opts.lang ?? 'en';
  const L = labels(lang);
  const first = report.subjects[0];
  const title = opts.title ?? (first ? `${L.reportTitle} — ${first.id}` : L.reportTitle);
  const csp = [
    "default-src 'none'", `style-src 'sha256-${sha256(CSS)}'`, `script-src 'sha256-${sha256(SCRIPT)}'`,
    'img-src data:', "base-uri 'none'", "form-action 'none'",
  ].join('; ');
  const body: string[] = [];
  body.push(pageHead(report, L));
  body.push(summary(report.subjects, L, lang));
  body.push(`<div id="findings">`);
  const index = new Map(report.subjects.map((s, i) => [s, i] as const));
  groupByConnection(report.subjects).forEach((group, gi) => body.push(connection(group.key, group.subjects, gi, index, L, lang)));
  body.push('</div>');
  if (report.assumptions && report.assumptions.length > 0) {
    body.push(`<section class="assumptions"><h2>${esc(L.assumptions)}</h2><ul>${report.assumptions.map((a) => `<li>${esc(a)}</li>`).join('')}</ul></section>`);
  }
  if (report.problems.length > 0) body.push(problems(report, L));
  body.push(`<footer class="page-foot">${esc(report.tool.name)} ${esc(report.tool.version)} · ${esc(L.generated)} ${esc(fmtTime(report.generatedAt))}</footer>`);
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="${esc(`${report.tool.name} ${report.tool.version}`)}">
<title>${esc(title)}</title>
<link rel="icon" href="${esc(FAVICON)}">
<style>${CSS}</style>
</head>
<body>
<a class="skip" href="#findings">${esc(L.skipToContent)}</a>
<main>
${body.join('\n')}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function pageHead(report: Report, L: Labels): string {
  const chips = [
    `<span class="chip">${esc(fill(report.subjects.length === 1 ? L.subjectCount : L.subjectsCount, { n: report.subjects.length }))}</span>`,
    `<span class="chip">${esc(fill(L.stats, { ...report.stats }))}</span>`,
  ];
  const inputs = report.inputs.map((i) => `<code>${esc(i.source)}</code> <span class="muted">(${esc(i.kind)}, ${esc(i.records)} ${esc(L.records)})</span>`);
  return `<header class="page-head"><div class="brand">${LOGO}<div><h1>${esc(L.reportTitle)}</h1>` +
    `<p class="meta">${esc(L.generated)} ${esc(fmtTime(report.generatedAt))} · ${esc(report.tool.name)} ${esc(report.tool.version)}</p></div></div>` +
    `<div class="chips">${chips.join('')}</div></header>` +
    (inputs.length ? `<p class="meta">${esc(L.inputs)}: ${inputs.join(' · ')}</p>` : '');
}

const statusPill = (status: string, lang: Lang): string => {
  const s = ['failing', 'degraded', 'healthy', 'unknown'].includes(status) ? status : 'unknown';
  return `<span class="pill status status-${s}">${esc(statusLabel(status, lang))}</span>`;
};

const subjectAnchor = (i: number): string => `s${i}`;

function summary(subjects: Subject[], L: Labels, lang: Lang): string {
  const rows = subjects.map((s, i) => {
    const top = s.findings[0];
    const sev = top && ['critical', 'high', 'medium', 'low', 'info'].includes(top.severity) ? top.severity : 'info';
    const cause = top
      ? `<td class="cause-cell"><b>${esc(causeLabel(top.cause, lang))}</b><code class="muted">${esc(top.cause)}</code></td>`
      : `<td class="muted">—</td>`;
    return `<tr><th scope="row"><a href="#${subjectAnchor(i)}"><code>${esc(s.id)}</code></a></th><td>${statusPill(s.status, lang)}</td>${cause}` +
      `<td>${top ? `<span class="pill sev-pill sev-${sev}">${esc(severityLabel(top.severity, lang))}</span>` : ''}</td>` +
      `<td>${top ? esc(pct(top.confidence)) : '—'}</td></tr>`;
  });
  return `<section class="summary-card card" aria-label="${esc(L.summary)}"><div class="table-scroll"><table><thead><tr>` +
    `<th scope="col">${esc(L.subject)}</th><th scope="col">${esc(L.status)}</th><th scope="col">${esc(L.topCause)}</th>` +
    `<th scope="col">${esc(L.severity)}</th><th scope="col">${esc(L.confidence)}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div></section>`;
}

function connection(key: string, subjects: Subject[], gi: number, index: Map<Subject, number>, L: Labels, lang: Lang): string {
  const dual = subjects.length > 1;
  const lead = subjects[0]!;
  const facts: string[] = [];
  if (lead.vpnGatewayId) facts.push(`${esc(L.gateway)} <code>${esc(lead.vpnGatewayId)}</code>`);
  const endpoints = subjects
    .filter((s) => s.endpoints && (s.endpoints.cloud || s.endpoints.peer))
    .map((s) => (['cloud', 'peer'] as const).filter((k) => s.endpoints?.[k]).map((k) => `${esc(sideShort(k, lang))} <code>${esc(s.endpoints![k])}</code>`).join(' ↔ '));
  if (endpoints.length) facts.push(`${esc(L.endpoints)} ${[...new Set(endpoints)].join(' · ')}`);
  const out: string[] = [];
  out.push(`<section class="connection" aria-labelledby="c${gi}-h">`);
  out.push(`<h2 id="c${gi}-h">${esc(L.connection)} <code>${esc(key)}</code>${dual ? '' : ` ${statusPill(lead.status, lang)}`}</h2>`);
  if (facts.length) out.push(`<p class="sub-meta">${facts.join(' · ')}</p>`);
  subjects.forEach((s, ti) => {
    const idx = index.get(s) ?? 0;
    out.push(`<div class="subject" id="${subjectAnchor(idx)}">`);
    if (dual) {
      out.push(`<div class="subject-head"><h3>${esc(L.tunnel)} ${ti + 1} <code>${esc(s.tunnelId ?? s.id)}</code></h3>${statusPill(s.status, lang)}</div>`);
    }
    if (s.findings.length === 0) out.push(`<p class="card empty-card">${esc(L.noFindings)}</p>`);
    s.findings.forEach((f, fi) => out.push(renderFinding(f, fi + 1, `f${idx}-${fi}`, L, lang)));
    (s.episodes ?? []).forEach((e, ei) => {
      const head = fill(L.earlierEpisode, { from: e.from ? fmtTime(e.from) : '?', to: e.to ? fmtTime(e.to) : '?', status: statusLabel(e.status, lang) });
      out.push(`<details class="episode"><summary>${esc(head)}</summary>`);
      e.findings.filter((f) => f.severity !== 'info').forEach((f, fi) => out.push(renderFinding(f, fi + 1, `e${idx}-${ei}-${fi}`, L, lang)));
      out.push('</details>');
    });
    out.push(comparisonHtml(s));
    out.push('</div>');
  });
  out.push(renderTimeline(subjects, `tl${gi}`, L, lang));
  out.push('</section>');
  return out.join('\n');
}

function problems(report: Report, L: Labels): string {
  const items = report.problems.slice(0, MAX_PROBLEMS).map((p) =>
    `<li><code>${esc(location(p))}</code> <code class="muted">${esc(p.code)}</code> ${esc(p.message)}</li>`);
  const more = report.problems.length > MAX_PROBLEMS ? `<p class="muted">${esc(fill(L.moreProblems, { n: report.problems.length - MAX_PROBLEMS }))}</p>` : '';
  return `<section class="problems"><h2>${esc(L.problems)}</h2><details><summary>${esc(fill(L.problemsCount, { n: report.problems.length }))}</summary>` +
    `<ul>${items.join('')}</ul>${more}</details></section>`;
}
