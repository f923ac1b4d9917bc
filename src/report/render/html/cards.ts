// One finding as an HTML card: severity colour, cause, confidence, the quoted evidence with where it
// comes from, the diff table, the fix steps with copyable `aliyun` command line and API call, and
// the alternatives, rule explanation and references. All report text goes through `esc`.

import type { Finding, RemediationAction } from '../../../types.js';
import { maskActionParameters, PSK_PLACEHOLDER, renderAliyunCli } from '../../aliyun-cli.js';
import { esc, safeHref } from './escape.js';
import { diffCell, fmtTime, location, pct } from './format.js';
import { causeLabel, fill, severityLabel, sideLabel, sideShort, type Labels, type Lang } from './labels.js';
import { stepLinesHtml } from '../comparison.js';

/** Evidence lines shown on the card; the rest fold away (long storms of the same line are common). */
const EVIDENCE_SHOWN = 4;

function confidenceBar(confidence: number): string {
  const w = Math.round(Math.max(0, Math.min(1, Number.isFinite(confidence) ? confidence : 0)) * 100);
  return `<svg class="conf-bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true">` +
    `<rect class="track" width="100" height="6" rx="3"/><rect class="fill" width="${w}" height="6" rx="3"/></svg>`;
}

function copyBlock(id: string, label: string, text: string, L: Labels, lang: 'sh' | 'json'): string {
  return `<div class="cmd"><div class="cmd-head"><span class="cmd-label">${esc(label)}</span>` +
    `<button type="button" class="copy" data-copy="${id}" data-done="${esc(L.copied)}" data-fail="${esc(L.copyFailed)}">${esc(L.copy)}</button></div>` +
    `<pre class="code ${lang}" id="${id}">${esc(text)}</pre></div>`;
}

function actionBlock(action: RemediationAction, id: string, L: Labels): string {
  const cli = renderAliyunCli(action);
  const api = JSON.stringify({ api: action.api, parameters: maskActionParameters(action.parameters ?? {}) }, null, 2);
  let out = `<div class="action">${copyBlock(`${id}-cli`, L.cliLine, cli, L, 'sh')}`;
  out += `<details class="api"><summary>${esc(L.apiCall)}: <code>${esc(action.api)}</code></summary>${copyBlock(`${id}-api`, L.apiCall, api, L, 'json')}</details>`;
  if (cli.includes(PSK_PLACEHOLDER)) out += `<p class="note">${esc(fill(L.pskNote, { placeholder: PSK_PLACEHOLDER }))}</p>`;
  return `${out}</div>`;
}

export function renderFinding(f: Finding, rank: number, id: string, L: Labels, lang: Lang): string {
  const sev = ['critical', 'high', 'medium', 'low', 'info'].includes(f.severity) ? f.severity : 'info';
  const parts: string[] = [];
  parts.push(`<article class="finding card sev-${sev}" id="${id}" aria-labelledby="${id}-h">
<header class="finding-head">
<div class="rank" aria-hidden="true">${rank}</div>
<div class="head-main">
<h4 id="${id}-h"><span class="cause">${esc(causeLabel(f.cause, lang))}</span> <code class="cause-id">${esc(f.cause)}</code></h4>
<p class="title">${esc(f.title)}</p>
</div>
<div class="head-side">
<span class="pill sev-pill">${esc(severityLabel(f.severity, lang))}</span>
<div class="confidence" title="${esc(L.confidence)}"><span class="conf-num">${esc(pct(f.confidence))}</span>${confidenceBar(f.confidence)}<span class="conf-label">${esc(L.confidence)}</span></div>
</div>
</header>`);
  if (f.summary) parts.push(`<p class="summary">${esc(f.summary)}</p>`);
  if (f.evidence.length > 0) {
    const items = f.evidence.map((e) => {
      const meta = [
        e.side ? `<span class="side-tag ${e.side === 'peer' ? 'peer' : 'cloud'}">${esc(sideShort(e.side, lang))}</span>` : '',
        `<code class="loc">${esc(location(e))}</code>`,
        e.time ? `<time datetime="${esc(e.time)}">${esc(fmtTime(e.time))}</time>` : '',
      ].filter(Boolean).join(' ');
      return `<li><div class="ev-meta">${meta}</div><pre class="log">${esc(e.text)}</pre></li>`;
    });
    const shown = items.slice(0, EVIDENCE_SHOWN).join('');
    const rest = items.length > EVIDENCE_SHOWN
      ? `<details class="more-evidence"><summary>${esc(fill(L.moreEvidence, { n: items.length - EVIDENCE_SHOWN }))}</summary><ul class="evidence">${items.slice(EVIDENCE_SHOWN).join('')}</ul></details>`
      : '';
    parts.push(`<section class="why"><h5>${esc(L.why)}</h5><ul class="evidence">${shown}</ul>${rest}</section>`);
  }
  if (f.diff.length > 0) {
    const rows = f.diff.map((d) => {
      const cell = (v: string | null | undefined): string => {
        const shown = diffCell(d.parameter, v, L.hidden);
        return shown === '—' || shown === L.hidden ? `<span class="muted">${esc(shown)}</span>` : `<code>${esc(shown)}</code>`;
      };
      return `<tr><th scope="row"><code>${esc(d.parameter)}</code></th><td>${cell(d.cloud)}</td><td>${cell(d.peer)}</td></tr>`;
    });
    parts.push(`<section class="diff"><h5>${esc(L.diff)}</h5><div class="table-scroll"><table class="diff-table"><thead><tr>` +
      `<th scope="col">${esc(L.parameter)}</th><th scope="col"><span class="side-tag cloud">${esc(sideShort('cloud', lang))}</span> ${esc(sideLabel('cloud', lang))}</th>` +
      `<th scope="col"><span class="side-tag peer">${esc(sideShort('peer', lang))}</span> ${esc(sideLabel('peer', lang))}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div></section>`);
  }
  if (f.remediation.length > 0) {
    const steps = f.remediation.map((r, i) =>
      `<li><span class="side-tag ${r.side === 'peer' ? 'peer' : 'cloud'}">${esc(sideLabel(r.side, lang))}</span> <span class="step">${esc(r.step)}</span>` +
      `${r.action ? actionBlock(r.action, `${id}-a${i}`, L) : ''}${stepLinesHtml(r)}</li>`);
    parts.push(`<section class="fix"><h5>${esc(L.remediation)}</h5><ol class="steps">${steps.join('')}</ol></section>`);
  }
  const foot: string[] = [];
  if (f.alternatives && f.alternatives.length > 0) {
    foot.push(`<details class="alts"><summary>${esc(L.alternatives)} (${f.alternatives.length})</summary><ul>` +
      f.alternatives.map((a) => `<li><b>${esc(causeLabel(a.cause, lang))}</b> <code>${esc(a.cause)}</code> — ${esc(a.why)}</li>`).join('') + '</ul></details>');
  }
  if (f.explain && f.explain.length > 0) {
    const rows = f.explain.map((x) => `<tr><td><code>${esc(x.fact)}</code></td><td><code>${esc(x.operator)}</code></td>` +
      `<td><code>${esc(json(x.value))}</code></td><td><code>${esc(json(x.factValue))}</code></td></tr>`);
    foot.push(`<details class="explain"><summary>${esc(L.explain)}</summary><div class="table-scroll"><table><thead><tr><th>${esc(L.fact)}</th>` +
      `<th>${esc(L.operator)}</th><th>${esc(L.expected)}</th><th>${esc(L.actual)}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div></details>`);
  }
  if (f.references.length > 0) {
    const links = f.references.map((u) => {
      const href = safeHref(u);
      return href ? `<a href="${esc(href)}" rel="noreferrer noopener" target="_blank">${esc(shortUrl(u))}</a>` : `<code>${esc(u)}</code>`;
    });
    foot.push(`<p class="refs"><span class="muted">${esc(L.references)}:</span> ${links.join(' · ')}</p>`);
  }
  foot.push(`<p class="rule muted">rule <code>${esc(f.ruleId)}</code> · score ${esc(Number.isFinite(f.score) ? f.score : '—')}</p>`);
  parts.push(`<footer class="finding-foot">${foot.join('')}</footer></article>`);
  return parts.join('\n');
}

function shortUrl(u: string): string {
  const m = u.match(/^https?:\/\/(?:www\.)?([^/]+)(\/.*)?$/i);
  if (!m) return u;
  const path = m[2] ?? '';
  return `${m[1]}${path.length > 48 ? `${path.slice(0, 20)}…${path.slice(-24)}` : path}`;
}

function json(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
