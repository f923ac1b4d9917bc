// Turns one matched rule into a report finding for one subject: localised texts, the diff of the
// rule's parameters, quoted evidence pointing back into the inputs, remediation steps with ready
// API calls, alternatives, and (on request) the explanation.
import type { DiffEntry, Evidence, Finding, RemediationStep } from '../types.js';
import { candidateEntries } from './diff-notes.js';
import { deviceStep } from './device-step.js';
import { vendorStep } from './vendor-step.js';
import type { SubjectFacts } from '../facts/facts.js';
import type { RuleMatch } from '../rules/engine.js';
import { compilePattern } from '../rules/operators.js';
import { buildAction } from './action.js';
import { renderAliyunCli } from './aliyun-cli.js';
import { diffKnown, fillTemplate, pickText, type Lang } from './template.js';
import { collectEvidence } from '../facts/evidence.js';
import { eventForNotify } from '../../grammars/peer-common/catalog-kit.js';

/**
 * The variables a rule's conditions count each event by (`eventCount` of `notify` with
 * `vars.type`): an event type also counted without variables anywhere in the rule maps to none.
 */
export function countedEventVars(conditions: unknown): { byVars: Map<string, Record<string, string>[]>; any: Set<string> } {
  const by = new Map<string, Record<string, string>[]>();
  const any = new Set<string>();
  const walk = (n: unknown, depth: number): void => {
    if (!n || typeof n !== 'object' || depth > 32) return;
    const node = n as Record<string, unknown>;
    for (const k of ['all', 'any']) if (Array.isArray(node[k])) for (const c of node[k] as unknown[]) walk(c, depth + 1);
    if (node['not']) walk(node['not'], depth + 1);
    const params = node['params'] as { type?: unknown; vars?: unknown } | undefined;
    if (typeof node['fact'] !== 'string' || !params || typeof params.type !== 'string') return;
    const vars = params.vars && typeof params.vars === 'object' ? (params.vars as Record<string, string>) : undefined;
    if (!vars || Object.keys(vars).length === 0) any.add(params.type);
    else by.set(params.type, [...(by.get(params.type) ?? []), vars]);
  };
  walk(conditions, 0);
  for (const t of any) by.delete(t);
  return { byVars: by, any };
}

/**
 * Which notifies a rule is about: the types its conditions count, and those that mean an event it
 * quotes (TS_UNACCEPTABLE for a rule quoting `ts-unacceptable`). A rule that counts notifies of
 * any type quotes any.
 */
function notifyFilter(rule: RuleMatch['loaded']['rule']): ((vars: Record<string, string>) => boolean) | undefined {
  const counted = countedEventVars(rule.conditions);
  if (counted.any.has('notify')) return undefined;
  const named = counted.byVars.get('notify') ?? [];
  const meanings = new Set(rule.evidence.events.filter((e) => e !== 'notify'));
  return (vars) => named.some((w) => Object.entries(w).every(([k, v]) => vars[k] === v)) || (vars['type'] !== undefined && meanings.has(eventForNotify(vars['type'])));
}

const filterCache = new WeakMap<object, Map<string, (vars: Record<string, string>) => boolean>>();

/** The rule's evidence plan, its message patterns compiled (an uncompilable one quotes nothing). */
function evidenceOf(m: RuleMatch, s: SubjectFacts): Evidence[] {
  const rule = m.loaded.rule;
  const messages = rule.evidence.messages.map((p) => compilePattern(p)).filter((re) => re !== null);
  let eventFilter = filterCache.get(rule);
  if (!eventFilter) {
    eventFilter = new Map();
    const notify = notifyFilter(rule);
    if (notify) eventFilter.set('notify', notify);
    filterCache.set(rule, eventFilter);
  }
  return collectEvidence(s, { api: rule.evidence.api, checks: rule.evidence.checks, diff: rule.diff, events: rule.evidence.events, eventFilter, messages });
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
  const device = deviceStep(diff, s) ?? vendorStep(diff, s);
  if (device) remediation.push(device);
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
