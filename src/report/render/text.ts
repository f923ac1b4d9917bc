// Terminal rendering of a report: subjects, ranked findings with evidence, diff and remediation,
// wrapped to the terminal width; colour only when the caller says the output is a terminal.
import type { Finding, Report, Severity, Subject } from '../../types.js';

export interface TextOptions {
  lang?: 'en' | 'zh';
  color?: boolean;
  width?: number;
  /** Only findings (no inputs, problems or timeline summary). */
  quiet?: boolean;
  /** Findings at or above this severity only. */
  minSeverity?: Severity;
  explain?: boolean;
}

const LABELS = {
  en: { difference: 'Difference:', evidence: 'Evidence:', fix: 'Fix:', alternatives: 'Could also be:', why: 'Why (conditions that held):', more: 'more', none: 'No problem found.', cloud: 'cloud', peer: 'peer' },
  zh: { difference: '参数差异：', evidence: '证据：', fix: '修复：', alternatives: '也可能是：', why: '判定依据（成立的条件）：', more: '条', none: '未发现问题。', cloud: '云端', peer: '对端' },
};

const SEV_ORDER: Severity[] = ['info', 'low', 'medium', 'high', 'critical'];
const CODES = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', red: '\x1b[31m', yellow: '\x1b[33m', green: '\x1b[32m', cyan: '\x1b[36m', magenta: '\x1b[35m' };

function painter(on: boolean) {
  return (code: keyof typeof CODES, s: string): string => (on ? `${CODES[code]}${s}${CODES.reset}` : s);
}

function wrap(text: string, width: number, indent: string): string[] {
  const max = Math.max(20, width - indent.length);
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/)) {
      if (line && line.length + 1 + word.length > max) {
        out.push(indent + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(indent + line);
  }
  return out;
}

/** A path cut in the middle to `max` characters, keeping its start and its file name whole. */
export function shortenMiddle(path: string, max: number): string {
  if (path.length <= max) return path;
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const room = max - base.length - 2;
  if (room < 4) return `…${path.slice(-Math.max(max - 1, base.length))}`;
  const keepTail = Math.floor(room / 3);
  return `${path.slice(0, room - keepTail)}…${path.slice(path.length - base.length - 1 - keepTail)}`;
}

/** `1 line`, `2 lines`. */
const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function clip(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, Math.max(10, width - 1))}…` : text;
}

const sevColor = (s: Severity): keyof typeof CODES => (s === 'critical' || s === 'high' ? 'red' : s === 'medium' ? 'yellow' : s === 'low' ? 'cyan' : 'dim');

const L = (o: TextOptions): (typeof LABELS)['en'] => LABELS[o.lang ?? 'en'];

function renderFinding(f: Finding, i: number, o: Required<Pick<TextOptions, 'width'>> & TextOptions, p: ReturnType<typeof painter>): string[] {
  const out: string[] = [];
  out.push(`  ${i + 1}. ${p(sevColor(f.severity), f.severity.toUpperCase())} ${p('bold', f.cause)} — ${f.title}`);
  out.push(p('dim', `     confidence ${(f.confidence * 100).toFixed(0)}% · score ${f.score} · rule ${f.ruleId}${f.related?.length ? ` (+${f.related.join(', ')})` : ''}`));
  out.push(...wrap(f.summary, o.width, '     '));
  if (f.diff.length > 0) {
    out.push(`     ${L(o).difference}`);
    for (const d of f.diff) out.push(`       ${d.parameter.padEnd(14)} ${L(o).cloud} ${p('green', d.cloud ?? '?')}  ${L(o).peer} ${p('yellow', d.peer ?? '?')}`);
  }
  if (f.evidence.length > 0) {
    out.push(`     ${L(o).evidence}`);
    for (const e of f.evidence.slice(0, 6)) {
      // The location keeps its file name and line: a long path gives up its middle, never its end.
      const at = e.line !== undefined ? `:${e.line}` : e.pointer !== undefined ? `#${e.pointer}` : '';
      const head = `       [${e.side ?? 'cloud'}] ${e.time ? `${e.time} ` : ''}`;
      out.push(p('dim', `${head}${shortenMiddle(e.source, o.width - head.length - at.length)}${at}`));
      // The time is shown above: quote the line from its tag or message on, wrapped, 3 lines at most.
      const quoted = e.text.replace(/^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:\.\d+)?\s+(?:(?:vco|tun)-\S+\s+)?/, '');
      const wrapped = wrap(quoted, o.width, '         ');
      out.push(...wrapped.slice(0, 3));
      if (wrapped.length > 3) out.push('         …');
    }
    if (f.evidence.length > 6) out.push(p('dim', `       … ${f.evidence.length - 6} more`));
  }
  if (f.remediation.length > 0) {
    out.push(`     ${L(o).fix}`);
    for (const r of f.remediation) {
      out.push(...wrap(`${r.side === 'cloud' ? '[cloud]' : '[peer] '} ${r.step}`, o.width, '       '));
      if (r.action) out.push(...wrap(`${r.action.api} ${JSON.stringify(r.action.parameters)}`, o.width, '         ').map((l) => p('cyan', l)));
    }
  }
  if (f.alternatives?.length) {
    out.push(`     ${L(o).alternatives}`);
    for (const a of f.alternatives) out.push(...wrap(`${a.cause}: ${a.why}`, o.width, '       '));
  }
  if (o.explain && f.explain?.length) {
    out.push(`     ${L(o).why}`);
    for (const e of f.explain) out.push(clip(`       ${e.fact}${e.params ? JSON.stringify(e.params) : ''} ${e.operator} ${JSON.stringify(e.value)} — was ${JSON.stringify(e.factValue)}`, o.width));
  }
  return out;
}

function renderSubject(s: Subject, o: Required<Pick<TextOptions, 'width'>> & TextOptions, p: ReturnType<typeof painter>): string[] {
  const min = SEV_ORDER.indexOf(o.minSeverity ?? 'info');
  const findings = s.findings.filter((f) => SEV_ORDER.indexOf(f.severity) >= min);
  if (o.quiet && findings.length === 0) return [];
  const statusColor = s.status === 'failing' ? 'red' : s.status === 'degraded' ? 'yellow' : s.status === 'healthy' ? 'green' : 'dim';
  const ids = [s.vpnConnectionId, s.tunnelId && s.tunnelId !== s.id ? s.tunnelId : null, s.vpnGatewayId].filter(Boolean).join(' · ');
  const out = [`${p('bold', s.id)}  ${p(statusColor, s.status)}${ids && ids !== s.id ? p('dim', `  (${ids})`) : ''}`];
  if (s.endpoints && !o.quiet) out.push(p('dim', `  gateway ${s.endpoints.cloud ?? '?'} ⇄ peer ${s.endpoints.peer ?? '?'}`));
  if (findings.length === 0) out.push(p('green', `  ${L(o).none}`));
  findings.forEach((f, i) => out.push(...renderFinding(f, i, o, p)));
  return out;
}

export function renderText(report: Report, options: TextOptions = {}): string {
  const o = { ...options, width: options.width ?? 100 };
  const p = painter(options.color ?? false);
  const out: string[] = [];
  for (const s of report.subjects) {
    const lines = renderSubject(s, o, p);
    if (lines.length > 0) out.push(...lines, '');
  }
  if (!options.quiet) {
    if (report.subjects.length === 0) out.push('No connection found in the inputs.', '');
    if (report.problems.length > 0) {
      out.push(p('yellow', `Problems with the input (${report.problems.length}):`));
      // Wrapped, never clipped: the hint at the end of a problem is the part that says what to do.
      for (const pr of report.problems.slice(0, 20)) out.push(...wrap(`${pr.code} ${pr.message}`, o.width - 2, '    ').map((l, i) => (i === 0 ? `  ${l.trimStart()}` : l)));
      if (report.problems.length > 20) out.push(`  … ${report.problems.length - 20} more (see --format json)`);
      out.push('');
    }
    for (const a of report.assumptions ?? []) out.push(p('dim', `Assumed: ${a}`));
    out.push(p('dim', `${count(report.stats.lines, 'line')} (${report.stats.parsed} parsed, ${report.stats.unparsed} not), ${count(report.inputs.length, 'input')}, ${count(report.stats.subjects, 'subject')}, ${report.stats.durationMs} ms.`));
  }
  return `${out.join('\n')}\n`;
}
