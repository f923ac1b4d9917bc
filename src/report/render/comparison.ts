// The `check` comparison of a subject (cloud settings beside the device configuration) and the
// device lines of a remediation step, for the text, Markdown and HTML renderers. Absent from
// `analyze` reports, so those render exactly as before.
import type { ComparisonEntry, RemediationStep, Subject } from '../../types.js';
import { esc } from './html/escape.js';

const MARK: Record<ComparisonEntry['verdict'], string> = { match: '=', mismatch: '≠', warning: '!', unverifiable: '?', 'no-alibaba-value': '≠' };
const WORD: Record<ComparisonEntry['verdict'], string> = { match: 'match', mismatch: 'MISMATCH', warning: 'warning', unverifiable: 'unverifiable', 'no-alibaba-value': 'no Alibaba value' };

const cell = (v: string | null): string => v ?? '—';

/** `15 match, 1 mismatch, 1 unverifiable`. */
export function comparisonCounts(entries: readonly ComparisonEntry[]): string {
  const n = new Map<string, number>();
  for (const e of entries) n.set(WORD[e.verdict].toLowerCase(), (n.get(WORD[e.verdict].toLowerCase()) ?? 0) + 1);
  return [...n].map(([w, k]) => `${k} ${w}`).join(', ');
}

function deviceName(s: Subject): string {
  const d = s.comparison?.device;
  return d ? `${d.dialect} ${d.name} (${d.source}:${d.line})${s.comparison?.pairedBy ? `, paired by ${s.comparison.pairedBy}` : ''}` : 'no device connection';
}

/** Text lines: the pairing, then one row per parameter (only the differences with `quiet`). */
export function comparisonText(s: Subject, quiet: boolean): string[] {
  const c = s.comparison;
  if (!c || c.entries.length === 0) return [];
  const rows = quiet ? c.entries.filter((e) => e.verdict !== 'match') : c.entries;
  const out = [`  Compared with ${deviceName(s)}: ${comparisonCounts(c.entries)}`];
  for (const e of rows) {
    const note = e.note ? ` — ${e.note}` : e.deviceDefaulted ? ' — device default' : '';
    out.push(`    ${MARK[e.verdict]} ${e.parameter.padEnd(18)} cloud ${cell(e.cloud).padEnd(16)} device ${cell(e.device)}${e.verdict === 'match' ? '' : ` [${WORD[e.verdict]}]`}${note}`);
  }
  return out;
}

/** Text lines of a step's device configuration lines. */
export function stepLinesText(r: RemediationStep, indent: string): string[] {
  return (r.lines ?? []).map((l) => `${indent}${l}`);
}

const md = (t: string): string => t.replace(/[|\\`*_[\]<>]/g, (ch) => `\\${ch}`);

/** Markdown: a table of every compared parameter. */
export function comparisonMarkdown(s: Subject): string[] {
  const c = s.comparison;
  if (!c || c.entries.length === 0) return [];
  const out = [`**Compared with** ${md(deviceName(s))}: ${md(comparisonCounts(c.entries))}`, '', '| parameter | verdict | cloud | device | note |', '|---|---|---|---|---|'];
  for (const e of c.entries) out.push(`| ${md(e.parameter)} | ${md(WORD[e.verdict])} | ${md(cell(e.cloud))} | ${md(cell(e.device))} | ${md(e.note ?? (e.deviceDefaulted ? 'device default' : ''))} |`);
  out.push('');
  return out;
}

/** Markdown: a step's device lines as a fenced block. */
export function stepLinesMarkdown(r: RemediationStep): string[] {
  if (!r.lines?.length) return [];
  const fence = r.lines.some((l) => l.includes('```')) ? '~~~~' : '```';
  return ['', ...[fence, ...r.lines, fence].map((l) => `   ${l}`), ''];
}

/** HTML: the comparison table of a subject. */
export function comparisonHtml(s: Subject): string {
  const c = s.comparison;
  if (!c || c.entries.length === 0) return '';
  const rows = c.entries.map((e) => `<tr class="verdict-${esc(e.verdict)}"><td><code>${esc(e.parameter)}</code></td><td>${esc(WORD[e.verdict])}</td><td><code>${esc(cell(e.cloud))}</code></td><td><code>${esc(cell(e.device))}</code></td><td>${esc(e.note ?? (e.deviceDefaulted ? 'device default' : ''))}</td></tr>`);
  return `<section class="card comparison"><h4>Compared with ${esc(deviceName(s))}: ${esc(comparisonCounts(c.entries))}</h4><div class="table-scroll"><table><thead><tr><th>parameter</th><th>verdict</th><th>cloud</th><th>device</th><th>note</th></tr></thead><tbody>${rows.join('')}</tbody></table></div></section>`;
}

/** HTML: a step's device lines. */
export function stepLinesHtml(r: RemediationStep): string {
  return r.lines?.length ? `<pre class="device-lines"><code>${esc(r.lines.join('\n'))}</code></pre>` : '';
}
