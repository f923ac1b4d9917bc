// Terminal rendering of a report: subjects, ranked findings with evidence, diff and remediation,
// wrapped to the terminal width; colour only when the caller says the output is a terminal.
import type { Episode, Finding, Report, Severity, Subject } from '../../types.js';
import type { Lang } from '../../lang.js';
import { comparisonText, stepLinesText } from './comparison.js';

export interface TextOptions {
  lang?: Lang;
  color?: boolean;
  width?: number;
  /** Only findings (no inputs, problems or timeline summary). */
  quiet?: boolean;
  /** Findings at or above this severity only. */
  minSeverity?: Severity;
  explain?: boolean;
}

const LABELS = {
  en: {
    difference: 'Difference:', evidence: 'Evidence:', fix: 'Fix:', alternatives: 'Could also be:', why: 'Why (conditions that held):', more: 'more', none: 'No problem found.', cloud: 'cloud', peer: 'peer',
    status: { failing: 'failing', degraded: 'degraded', unknown: 'unknown', healthy: 'healthy' } as Record<Subject['status'], string>,
    severity: { critical: 'CRITICAL', high: 'HIGH', medium: 'MEDIUM', low: 'LOW', info: 'INFO' } as Record<Severity, string>,
    endpoints: (gw: string, dev: string) => `gateway ${gw} ⇄ peer ${dev}`,
    scoring: (conf: string, score: number, rule: string) => `confidence ${conf}% · score ${score} · rule ${rule}`,
    noSubject: 'No connection found in the inputs.',
    problems: (n: number) => `Problems with the input (${n}):`,
    moreProblems: (n: number) => `… ${n} more (see --format json)`,
    assumed: 'Assumed:',
    earlier: (from: string, to: string, status: string) => `Earlier episode ${from} → ${to}: ${status} (the findings above are the latest attempt's)`,
    footer: (lines: number, parsed: number, unparsed: number, inputs: number, subjects: number, ms: number) => `${count(lines, 'line')} (${parsed} parsed, ${unparsed} not), ${count(inputs, 'input')}, ${count(subjects, 'subject')}, ${ms} ms.`,
  },
  zh: {
    difference: '参数差异：', evidence: '证据：', fix: '修复：', alternatives: '也可能是：', why: '判定依据（成立的条件）：', more: '条', none: '未发现问题。', cloud: '云端', peer: '对端',
    status: { failing: '故障', degraded: '降级', unknown: '未知', healthy: '正常' } as Record<Subject['status'], string>,
    severity: { critical: '严重', high: '高', medium: '中', low: '低', info: '提示' } as Record<Severity, string>,
    endpoints: (gw: string, dev: string) => `网关 ${gw} ⇄ 对端 ${dev}`,
    scoring: (conf: string, score: number, rule: string) => `置信度 ${conf}% · 得分 ${score} · 规则 ${rule}`,
    noSubject: '输入中没有找到连接。',
    problems: (n: number) => `输入问题（${n}）：`,
    moreProblems: (n: number) => `… 另有 ${n} 条（见 --format json）`,
    assumed: '假定：',
    earlier: (from: string, to: string, status: string) => `较早的一次协商 ${from} → ${to}：${status}（上方结论针对最近一次）`,
    footer: (lines: number, parsed: number, unparsed: number, inputs: number, subjects: number, ms: number) => `${lines} 行（已解析 ${parsed}，未解析 ${unparsed}），${inputs} 个输入，${subjects} 个对象，${ms} 毫秒。`,
  },
};

const STATUS_ORDER: Subject['status'][] = ['failing', 'degraded', 'unknown', 'healthy'];
const SEV_ORDER: Severity[] = ['info', 'low', 'medium', 'high', 'critical'];
const CODES = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', red: '\x1b[31m', yellow: '\x1b[33m', green: '\x1b[32m', cyan: '\x1b[36m', magenta: '\x1b[35m' };

function painter(on: boolean) {
  return (code: keyof typeof CODES, s: string): string => (on ? `${CODES[code]}${s}${CODES.reset}` : s);
}

/** East Asian wide and fullwidth characters take two terminal columns. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g;
const IS_WIDE = new RegExp(WIDE.source);
const displayWidth = (t: string): number => t.length + (t.match(WIDE)?.length ?? 0);

/**
 * Words wrapped to `width` terminal columns. Chinese has no spaces between words: a run of wide
 * characters breaks between any two of them.
 */
function wrap(text: string, width: number, indent: string): string[] {
  const max = Math.max(20, width - indent.length);
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (let word of para.split(/\s+/)) {
      // A word with wide characters fills the rest of the line, cut between two characters.
      while (IS_WIDE.test(word) && displayWidth(line) + 1 + displayWidth(word) > max) {
        const room = max - displayWidth(line) - (line ? 1 : 0);
        const head = fitWide(word, room);
        if (head === '') {
          if (line === '') break;
          out.push(indent + line);
          line = '';
          continue;
        }
        out.push(indent + (line ? `${line}${joinsWithoutSpace(line, head) ? '' : ' '}${head}` : head));
        line = '';
        word = word.slice(head.length);
      }
      if (word === '') continue;
      if (line && displayWidth(line) + 1 + displayWidth(word) > max) {
        out.push(indent + line);
        line = word;
      } else line = line ? `${line}${joinsWithoutSpace(line, word) ? '' : ' '}${word}` : word;
    }
    out.push(indent + line);
  }
  return out;
}

/** The longest start of `word` that fits in `room` columns, cut only next to a wide character. */
function fitWide(word: string, room: number): string {
  let cut = 0;
  let w = 0;
  let i = 0;
  for (const ch of word) {
    w += displayWidth(ch);
    if (w > room) break;
    i += ch.length;
    if (IS_WIDE.test(ch) || IS_WIDE.test(word.slice(i, i + 1))) cut = i;
  }
  return word.slice(0, cut);
}

/** Pieces of one wide run join without the space a split put between them. */
const joinsWithoutSpace = (line: string, word: string): boolean => IS_WIDE.test(line.slice(-1)) && IS_WIDE.test(word.slice(0, 1));

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

/** A quoted line without the stamp and resource id its location line already shows. */
const quotedText = (text: string): string => text.replace(/^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:\.\d+)?\s+(?:(?:vco|tun)-\S+\s+)?/, '');

function renderFinding(f: Finding, i: number, o: Required<Pick<TextOptions, 'width'>> & TextOptions, p: ReturnType<typeof painter>): string[] {
  const out: string[] = [];
  out.push(`  ${i + 1}. ${p(sevColor(f.severity), L(o).severity[f.severity])} ${p('bold', f.cause)} — ${f.title}`);
  out.push(p('dim', `     ${L(o).scoring((f.confidence * 100).toFixed(0), f.score, f.ruleId)}${f.related?.length ? ` (+${f.related.join(', ')})` : ''}`));
  out.push(...wrap(f.summary, o.width, '     '));
  if (f.diff.length > 0) {
    out.push(`     ${L(o).difference}`);
    for (const d of f.diff) out.push(`       ${d.parameter.padEnd(14)} ${L(o).cloud} ${p('green', d.cloud ?? '?')}  ${L(o).peer} ${p('yellow', d.peer ?? '?')}`);
  }
  // The fix before the evidence: on an 80×24 terminal the cause and what to change are on the
  // first screen; the quoted lines that prove it follow.
  if (f.remediation.length > 0) {
    out.push(`     ${L(o).fix}`);
    for (const r of f.remediation) {
      out.push(...wrap(`${r.side === 'cloud' ? '[cloud]' : '[peer] '} ${r.step}`, o.width, '       '));
      if (r.action) out.push(...wrap(`${r.action.api} ${JSON.stringify(r.action.parameters)}`, o.width, '         ').map((l) => p('cyan', l)));
      out.push(...stepLinesText(r, '         '));
    }
  }
  if (f.evidence.length > 0) {
    out.push(`     ${L(o).evidence}`);
    for (const e of f.evidence.slice(0, 6)) {
      // The location keeps its file name and line: a long path gives up its middle, never its end.
      const at = e.line !== undefined ? `:${e.line}` : e.pointer !== undefined ? `#${e.pointer}` : '';
      const head = `       [${e.side ?? 'cloud'}] ${e.time ? `${e.time} ` : ''}`;
      out.push(p('dim', `${head}${shortenMiddle(e.source, o.width - head.length - at.length)}${at}`));
      // The time is shown above: quote the line from its tag or message on, wrapped, 3 lines at most.
      const wrapped = wrap(quotedText(e.text), o.width, '         ');
      out.push(...wrapped.slice(0, 3));
      if (wrapped.length > 3) out.push('         …');
    }
    if (f.evidence.length > 6) out.push(p('dim', `       … ${f.evidence.length - 6} more`));
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
  const out = [`${p('bold', s.id)}  ${p(statusColor, L(o).status[s.status])}${ids && ids !== s.id ? p('dim', `  (${ids})`) : ''}`];
  if (s.endpoints && !o.quiet) out.push(p('dim', `  ${L(o).endpoints(s.endpoints.cloud ?? '?', s.endpoints.peer ?? '?')}`));
  if (findings.length === 0) out.push(p('green', `  ${L(o).none}`));
  findings.forEach((f, i) => out.push(...renderFinding(f, i, o, p)));
  for (const e of s.episodes ?? []) out.push(...renderEpisode(e, o, p));
  out.push(...comparisonText(s, o.quiet ?? false));
  return out;
}

/** An earlier episode, short: how it ended, its causes and where each is shown (the latest attempt's findings carry the fixes). */
function renderEpisode(e: Episode, o: Required<Pick<TextOptions, 'width'>> & TextOptions, p: ReturnType<typeof painter>): string[] {
  const out = wrap(L(o).earlier(e.from ?? '?', e.to ?? '?', L(o).status[e.status]), o.width, '  ').map((l) => p('bold', l));
  const shown = e.findings.filter((f) => f.severity !== 'info');
  shown.forEach((f, i) => {
    out.push(...wrap(`${i + 1}. ${L(o).severity[f.severity]} ${f.cause} — ${f.title}`, o.width, '       ').map((l, j) => (j === 0 ? `    ${l.trimStart()}` : l)));
    for (const d of f.diff) out.push(`       ${d.parameter.padEnd(14)} ${L(o).cloud} ${d.cloud ?? '?'}  ${L(o).peer} ${d.peer ?? '?'}`);
    for (const ev of f.evidence.slice(0, 3)) {
      const at = ev.line !== undefined ? `:${ev.line}` : ev.pointer !== undefined ? `#${ev.pointer}` : '';
      const head = `       [${ev.side ?? 'cloud'}] ${ev.time ? `${ev.time} ` : ''}`;
      out.push(p('dim', `${head}${shortenMiddle(ev.source, o.width - head.length - at.length)}${at}`));
      out.push(...wrap(quotedText(ev.text), o.width, '         ').slice(0, 1));
    }
  });
  return out;
}

export function renderText(report: Report, options: TextOptions = {}): string {
  const o = { ...options, width: options.width ?? 100 };
  const p = painter(options.color ?? false);
  const out: string[] = [];
  // Failing subjects first: the answer a support engineer is looking for is at the top.
  for (const s of [...report.subjects].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status))) {
    const lines = renderSubject(s, o, p);
    if (lines.length > 0) out.push(...lines, '');
  }
  if (!options.quiet) {
    if (report.subjects.length === 0) out.push(L(o).noSubject, '');
    if (report.problems.length > 0) {
      out.push(p('yellow', L(o).problems(report.problems.length)));
      // Wrapped, never clipped: the hint at the end of a problem is the part that says what to do.
      for (const pr of report.problems.slice(0, 20)) out.push(...wrap(`${pr.code} ${pr.message}`, o.width - 2, '    ').map((l, i) => (i === 0 ? `  ${l.trimStart()}` : l)));
      if (report.problems.length > 20) out.push(`  ${L(o).moreProblems(report.problems.length - 20)}`);
      out.push('');
    }
    for (const a of report.assumptions ?? []) out.push(...wrap(`${L(o).assumed} ${a}`, o.width, '  ').map((l, i) => p('dim', i === 0 ? l.slice(2) : l)));
    const st = report.stats;
    out.push(p('dim', L(o).footer(st.lines, st.parsed, st.unparsed, report.inputs.length, st.subjects, st.durationMs)));
  }
  return `${out.join('\n')}\n`;
}
