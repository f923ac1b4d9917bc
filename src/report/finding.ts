// Turns one matched rule into a report finding for one subject: localised texts, the diff of the
// rule's parameters, quoted evidence pointing back into the inputs, remediation steps with ready
// API calls, alternatives, and (on request) the explanation.
import type { DiffEntry, Evidence, Finding, RemediationStep } from '../types.js';
import { candidateEntries } from './diff-notes.js';
import { fortiosStep } from './fortios-step.js';
import type { SubjectFacts } from '../facts/facts.js';
import type { RuleMatch } from '../rules/engine.js';
import { compilePattern } from '../rules/operators.js';
import { buildAction } from './action.js';
import { renderAliyunCli } from './aliyun-cli.js';
import { diffKnown, fillTemplate, pickText, type Lang } from './template.js';
import { collectEvidence } from '../facts/evidence.js';

/** The rule's evidence plan, its message patterns compiled (an uncompilable one quotes nothing). */
function evidenceOf(m: RuleMatch, s: SubjectFacts): Evidence[] {
  const rule = m.loaded.rule;
  const messages = rule.evidence.messages.map((p) => compilePattern(p)).filter((re) => re !== null);
  return collectEvidence(s, { api: rule.evidence.api, checks: rule.evidence.checks, diff: rule.diff, events: rule.evidence.events, messages });
}

/** How many independent kinds of evidence back the finding (cloud log, peer log, API, checks, config). */
export function evidenceKinds(evidence: readonly Evidence[]): number {
  const kinds = new Set<string>();
  for (const e of evidence) kinds.add(e.pointer !== undefined ? `api:${e.pointer.split('/')[1] ?? ''}` : `log:${e.side ?? 'cloud'}`);
  return kinds.size;
}

/** The device configuration lines that gave a diff its device value (a configuration given beside the logs). */
function deviceEvidence(diff: readonly DiffEntry[], s: SubjectFacts): Evidence[] {
  if (!s.deviceSetting) return [];
  const out: Evidence[] = [];
  for (const d of diff) {
    const v = s.deviceSetting(d.parameter);
    if (!v || v.value !== d.peer) continue;
    const e: Evidence = { source: v.setting.at.file, line: v.setting.at.line, side: 'peer', text: v.setting.defaulted ? `(not set: ${v.setting.raw})` : v.setting.raw };
    if (!out.some((x) => x.source === e.source && x.line === e.line)) out.push(e);
  }
  return out;
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
  const fortios = fortiosStep(diff, s);
  if (fortios) remediation.push(fortios);
  const f: Finding = {
    ruleId: rule.id,
    cause: rule.cause,
    title: fill(rule.title),
    severity: rule.severity,
    confidence: rule.confidence,
    score: 0,
    summary: fill(rule.summary),
    diff,
    evidence: [...evidenceOf(m, s), ...deviceEvidence(diff, s)],
    remediation,
    references: rule.references,
  };
  if (rule.alternatives.length > 0) f.alternatives = rule.alternatives.map((a) => ({ cause: a.cause, why: fill(a.why) }));
  if (explain) f.explain = m.explain;
  return f;
}
