// `--format markdown`: a ticket-ready report. GitHub-flavoured Markdown that also degrades to
// readable plain text in ticket systems: a summary table, then per finding its cause, the quoted
// evidence lines with where they come from, the diff as a table, the fix steps and the `aliyun`
// command line. Log text is hostile input: it only ever lands inside code spans/fences whose
// delimiters are longer than any backtick run in it, or is escaped.

import type { Finding, Report, Subject, TimelineEntry } from '../../types.js';
import { PSK_PLACEHOLDER, renderAliyunCli } from '../aliyun-cli.js';
import { diffCell, entryCount, fmtTime, groupByConnection, location, pct } from './html/format.js';
import {
  causeLabel, fill, labels, severityLabel, sideLabel, sideShort, statusLabel, type Labels, type Lang,
} from './html/labels.js';
import { markKind } from './html/marks.js';
import { comparisonMarkdown, stepLinesMarkdown } from './comparison.js';

export interface MarkdownOptions {
  lang?: Lang;
}

const STATUS_ICON: Record<string, string> = { failing: '🔴', degraded: '🟠', healthy: '🟢', unknown: '⚪' };
const TIMELINE_ROWS = 25;
const MAX_PROBLEMS = 20;
/** A ticket wants the telling lines, not the whole storm. */
const EVIDENCE_LINES = 8;

/** Markdown text: backslash-escapes what GitHub or a ticket system would read as markup. */
export function mdText(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*[\]<>|~]/g, '\\$&')
    // GFM never reads an underscore inside a word as emphasis (AUTHENTICATION_FAILED stays clean).
    .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\_')
    .replace(/&(?=[A-Za-z#][A-Za-z0-9]*;)/g, '&amp;');
}

/** Inline code that survives any content: backtick fence longer than the longest run inside. */
export function mdCode(text: string, inTable = false): string {
  let t = text.replace(/\r?\n/g, ' ');
  if (inTable) t = t.replace(/\|/g, '\\|');
  if (t === '') return '';
  const longest = Math.max(0, ...[...t.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = t.startsWith('`') || t.endsWith('`') || (t.startsWith(' ') && t.endsWith(' ')) ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

/** A fenced block; the fence is longer than any backtick run in the content. */
export function mdFence(content: string, info = ''): string {
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${content.replace(/\r/g, '')}\n${fence}`;
}

const indent = (text: string, by: string): string => text.split('\n').map((l) => (l ? by + l : l)).join('\n');
const truncate = (t: string, n: number): string => (t.length > n ? `${t.slice(0, n - 1)}…` : t);

export function renderMarkdown(report: Report, opts: MarkdownOptions = {}): string {
  const lang = opts.lang ?? 'en';
  const L = labels(lang);
  const out: string[] = [];
  out.push(`# ${L.reportTitle}`, '');
  const meta = `${L.generated} ${fmtTime(report.generatedAt)} · ${mdText(report.tool.name)} ${mdText(report.tool.version)}`;
  out.push(meta, '');
  out.push(mdText(fill(L.stats, { ...report.stats })), '');
  if (report.inputs.length > 0) {
    const inputs = report.inputs.map((i) => `${mdCode(i.source)} (${mdText(i.kind)}, ${i.records} ${L.records})`);
    out.push(`**${L.inputs}:** ${inputs.join(' · ')}`, '');
  }
  out.push(`## ${L.summary}`, '', summaryTable(report.subjects, L, lang), '');
  for (const group of groupByConnection(report.subjects)) {
    for (const subject of group.subjects) out.push(...subjectSection(subject, L, lang));
  }
  if (report.assumptions && report.assumptions.length > 0) {
    out.push(`## ${L.assumptions}`, '', ...report.assumptions.map((a) => `- ${mdText(a)}`), '');
  }
  if (report.problems.length > 0) {
    out.push(`## ${L.problems}`, '');
    for (const p of report.problems.slice(0, MAX_PROBLEMS)) {
      out.push(`- ${mdCode(location(p))} ${mdCode(p.code)} ${mdText(p.message)}`);
    }
    if (report.problems.length > MAX_PROBLEMS) out.push(`- ${fill(L.moreProblems, { n: report.problems.length - MAX_PROBLEMS })}`);
    out.push('');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function summaryTable(subjects: Subject[], L: Labels, lang: Lang): string {
  const rows = [`| ${L.subject} | ${L.status} | ${L.topCause} | ${L.confidence} |`, '|---|---|---|---|'];
  for (const s of subjects) {
    const top = s.findings[0];
    const cause = top ? `**${mdText(causeLabel(top.cause, lang))}** (${mdCode(top.cause, true)})` : '—';
    const status = `${STATUS_ICON[s.status] ?? ''} ${mdText(statusLabel(s.status, lang))}`.trim();
    rows.push(`| ${mdCode(s.id, true)} | ${status} | ${cause} | ${top ? pct(top.confidence) : '—'} |`);
  }
  return rows.join('\n');
}

function subjectSection(s: Subject, L: Labels, lang: Lang): string[] {
  const out: string[] = [];
  const heading = s.tunnelId && s.vpnConnectionId && s.tunnelId !== s.vpnConnectionId
    ? `${L.connection} ${mdCode(s.vpnConnectionId)} · ${L.tunnel} ${mdCode(s.tunnelId)}`
    : `${L.connection} ${mdCode(s.id)}`;
  out.push(`## ${heading}`, '');
  const facts = [`${L.status}: ${STATUS_ICON[s.status] ?? ''} **${mdText(statusLabel(s.status, lang))}**`];
  if (s.vpnGatewayId) facts.push(`${L.gateway}: ${mdCode(s.vpnGatewayId)}`);
  if (s.endpoints && (s.endpoints.cloud || s.endpoints.peer)) {
    const ep = (['cloud', 'peer'] as const).filter((k) => s.endpoints?.[k]).map((k) => `${sideShort(k, lang)} ${mdCode(s.endpoints![k]!)}`);
    facts.push(`${L.endpoints}: ${ep.join(', ')}`);
  }
  out.push(facts.join(' · '), '');
  if (s.findings.length === 0) out.push(`_${L.noFindings}_`, '');
  s.findings.forEach((f, i) => out.push(...findingSection(f, i + 1, L, lang)));
  for (const e of s.episodes ?? []) {
    out.push(`### ${mdText(fill(L.earlierEpisode, { from: e.from ? fmtTime(e.from) : '?', to: e.to ? fmtTime(e.to) : '?', status: statusLabel(e.status, lang) }))}`, '');
    e.findings.filter((f) => f.severity !== 'info').forEach((f, i) => out.push(...findingSection(f, i + 1, L, lang)));
  }
  out.push(...comparisonMarkdown(s));
  const timeline = timelineTable(s.timeline, L, lang);
  if (timeline) out.push(`### ${L.timeline}`, '', timeline, '');
  if (s.timelineFolded) out.push(`_${fill(L.timelineFolded, { n: s.timelineFolded })}_`, '');
  return out;
}

function findingSection(f: Finding, rank: number, L: Labels, lang: Lang): string[] {
  const out: string[] = [];
  const sev = severityLabel(f.severity, lang);
  out.push(`### ${rank}. ${mdText(causeLabel(f.cause, lang))} — ${mdText(sev)}, ${L.confidence.toLowerCase()} ${pct(f.confidence)}`, '');
  out.push(`**${mdText(f.title)}** (${mdCode(f.cause)}, ${mdCode(f.ruleId)})`, '');
  if (f.summary) out.push(mdText(f.summary), '');
  if (f.evidence.length > 0) {
    const lines = f.evidence.map((e) => {
      const meta = [e.side ? sideShort(e.side, lang) : '', e.time ? fmtTime(e.time) : ''].filter(Boolean).join(', ');
      return `${location(e)}${meta ? ` (${meta})` : ''}\n${indent(e.text, '  ')}`;
    });
    const more = lines.length > EVIDENCE_LINES ? `\n… ${fill(L.moreEvidence, { n: lines.length - EVIDENCE_LINES })}` : '';
    out.push(`**${L.why}**`, '', mdFence(lines.slice(0, EVIDENCE_LINES).join('\n') + more, 'text'), '');
  }
  if (f.diff.length > 0) {
    out.push(`**${L.diff}**`, '');
    out.push(`| ${L.parameter} | ${sideLabel('cloud', lang)} | ${sideLabel('peer', lang)} |`, '|---|---|---|');
    for (const d of f.diff) {
      const cell = (v: string | null | undefined): string => {
        const shown = diffCell(d.parameter, v, L.hidden);
        return shown === '—' || shown === L.hidden ? mdText(shown) : mdCode(shown, true);
      };
      out.push(`| ${mdCode(d.parameter, true)} | ${cell(d.cloud)} | ${cell(d.peer)} |`);
    }
    out.push('');
  }
  if (f.remediation.length > 0) {
    out.push(`**${L.remediation}**`, '');
    f.remediation.forEach((r, i) => {
      out.push(`${i + 1}. **${mdText(sideLabel(r.side, lang))}:** ${mdText(r.step)}`);
      out.push(...stepLinesMarkdown(r));
      if (r.action) {
        const cli = renderAliyunCli(r.action);
        out.push('', indent(`${L.apiCall}: ${mdCode(r.action.api)}`, '   '), '', indent(mdFence(cli, 'sh'), '   '));
        if (cli.includes(PSK_PLACEHOLDER)) out.push('', indent(`_${mdText(fill(L.pskNote, { placeholder: PSK_PLACEHOLDER }))}_`, '   '));
        out.push('');
      }
    });
    out.push('');
  }
  if (f.alternatives && f.alternatives.length > 0) {
    out.push(`**${L.alternatives}:**`, '');
    for (const a of f.alternatives) out.push(`- ${mdText(causeLabel(a.cause, lang))} (${mdCode(a.cause)}): ${mdText(a.why)}`);
    out.push('');
  }
  if (f.explain && f.explain.length > 0) {
    out.push(`**${L.explain}**`, '', `| ${L.fact} | ${L.operator} | ${L.expected} | ${L.actual} |`, '|---|---|---|---|');
    for (const x of f.explain) {
      out.push(`| ${mdCode(x.fact, true)} | ${mdCode(x.operator, true)} | ${mdCode(json(x.value), true)} | ${mdCode(json(x.factValue), true)} |`);
    }
    out.push('');
  }
  if (f.references.length > 0) {
    out.push(`**${L.references}:** ${f.references.map((u) => (/^https?:\/\/[^\s<>]+$/.test(u) ? `<${u}>` : mdCode(u))).join(' · ')}`, '');
  }
  return out;
}

/** The entries that tell the story (not routine packets), as a table. */
function timelineTable(entries: TimelineEntry[], L: Labels, lang: Lang): string {
  const key = entries.filter((e) => markKind(e) !== 'other');
  if (key.length === 0) return '';
  const rows = [`| ${L.time} | ${L.side} | ${L.event} | ${L.logLine} |`, '|---|---|---|---|'];
  for (const e of key.slice(0, TIMELINE_ROWS)) {
    const n = entryCount(e);
    const event = `${mdCode(e.event, true)}${n > 1 ? ` ×${n}` : ''}`;
    const where = e.source ? `${mdCode(location(e), true)} ` : '';
    rows.push(`| ${fmtTime(e.time)} | ${mdText(sideShort(e.side, lang))} | ${event} | ${where}${mdCode(truncate(e.text, 180), true)} |`);
  }
  if (key.length > TIMELINE_ROWS) rows.push(`| … | | | ${fill(L.moreProblems, { n: key.length - TIMELINE_ROWS })} |`);
  return rows.join('\n');
}

function json(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
