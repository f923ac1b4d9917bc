// Turns one matched rule into a report finding for one subject: localised texts, the diff of the
// rule's parameters, quoted evidence pointing back into the inputs, remediation steps with ready
// API calls, alternatives, and (on request) the explanation.
import type { DiffEntry, Evidence, Finding, RemediationStep } from '../types.js';
import { candidateEntries } from './diff-notes.js';
import type { SubjectFacts } from '../facts/facts.js';
import type { RuleMatch } from '../rules/engine.js';
import { compilePattern } from '../rules/operators.js';
import { buildAction } from './action.js';
import { renderAliyunCli } from './aliyun-cli.js';
import { diffKnown, fillTemplate, pickText, type Lang } from './template.js';
import { compareText } from '../compare.js';

const EVIDENCE_CAP = 10;

function evidenceKey(e: Evidence): string {
  return `${e.source}|${e.line ?? ''}|${e.pointer ?? ''}`;
}

function collectEvidence(m: RuleMatch, s: SubjectFacts): Evidence[] {
  const rule = m.loaded.rule;
  const out: Evidence[] = [];
  const seen = new Set<string>();
  const push = (e: Evidence): void => {
    const k = evidenceKey(e);
    if (seen.has(k) || out.length >= EVIDENCE_CAP) return;
    seen.add(k);
    out.push(e);
  };
  if (rule.evidence.api) {
    for (const d of s.acc.diagnoses) {
      if (!d.failedReasonCode) continue;
      const e: Evidence = { source: d.source, pointer: `${d.pointer}/FailedReasonCode`, side: 'cloud', text: `FailedReasonCode ${d.failedReasonCode}${d.failedReason ? ` (${d.failedReason})` : ''}` };
      if (d.failedTimeMs) e.time = new Date(d.failedTimeMs).toISOString().replace('.000Z', 'Z');
      push(e);
    }
  }
  for (const name of rule.evidence.checks) {
    const c = s.acc.checks.get(name);
    if (c) push({ source: c.source, pointer: c.pointer, side: 'cloud', text: `${c.name}: ${c.level} ${c.rawDescription}` });
  }
  for (const d of s.diffs) if (rule.diff.includes(d.parameter)) d.evidence.forEach(push);
  // Each listed event quoted by its first and its latest occurrence: variety proves more than
  // repeats (the counts are in the summary and the timeline).
  const perType = rule.evidence.events.map((type) => s.acc.store.evidence(type));
  for (const list of perType) if (list[0]) push(list[0]);
  for (const list of perType) if (list.length > 1) push(list.at(-1)!);
  for (const pattern of rule.evidence.messages) {
    const re = compilePattern(pattern);
    if (!re) continue;
    for (const side of ['cloud', 'peer'] as const) for (const [msg, e] of s.acc.messages[side]) if (re.test(msg)) push(e);
  }
  if (out.length === 0) {
    // Every finding points back into an input: fall back to what the subject has.
    for (const d of s.acc.diagnoses) push({ source: d.source, pointer: d.pointer, side: 'cloud', text: d.failedReasonCode ?? 'diagnosis' });
    for (const c of s.acc.checks.values()) push({ source: c.source, pointer: c.pointer, side: 'cloud', text: `${c.name}: ${c.level}` });
    const first = s.acc.timeline.entries().find((t) => t.source);
    if (first?.source) push({ source: first.source, line: first.line ?? 1, side: first.side, text: first.text, ...(first.time ? { time: first.time } : {}) });
    // A subject whose lines made no timeline entry (a damaged log: nothing but chatter) still
    // has the lines themselves.
    if (out.length === 0 && s.acc.firstLine) push(s.acc.firstLine);
  }
  return out.sort((a, b) => compareText(a.time ?? '', b.time ?? ''));
}

/** How many independent kinds of evidence back the finding (cloud log, peer log, API, checks, config). */
export function evidenceKinds(evidence: readonly Evidence[]): number {
  const kinds = new Set<string>();
  for (const e of evidence) kinds.add(e.pointer !== undefined ? `api:${e.pointer.split('/')[1] ?? ''}` : `log:${e.side ?? 'cloud'}`);
  return kinds.size;
}

export function buildFinding(m: RuleMatch, s: SubjectFacts, lang: Lang, explain: boolean): Finding {
  const rule = m.loaded.rule;
  const fill = (t: Parameters<typeof pickText>[0]): string => fillTemplate(pickText(t, lang), s);
  const known = s.diffs.filter((d) => rule.diff.includes(d.parameter)).map((d): DiffEntry => ({ parameter: d.parameter, cloud: d.cloud, peer: d.peer, ...(d.note ? { note: d.note } : {}) }));
  const diff = known.length > 0 || rule.candidates.length === 0 ? known : candidateEntries(rule.candidates, s, lang);
  const remediation: RemediationStep[] = [];
  for (const r of rule.remediation) {
    if (r.when && !diffKnown(r.when, s)) continue;
    const step: RemediationStep = { side: r.side, step: fill(r.step) };
    if (r.action) {
      const action = buildAction(r.action, s);
      if (action) step.action = { ...action, cli: renderAliyunCli(action) };
    }
    remediation.push(step);
  }
  const f: Finding = {
    ruleId: rule.id,
    cause: rule.cause,
    title: fill(rule.title),
    severity: rule.severity,
    confidence: rule.confidence,
    score: 0,
    summary: fill(rule.summary),
    diff,
    evidence: collectEvidence(m, s),
    remediation,
    references: rule.references,
  };
  if (rule.alternatives.length > 0) f.alternatives = rule.alternatives.map((a) => ({ cause: a.cause, why: fill(a.why) }));
  if (explain) f.explain = m.explain;
  return f;
}
