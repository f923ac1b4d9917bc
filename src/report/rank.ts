// The ranking model, in one place (documented in docs/ranking.md):
//   score = 100 × severity weight × confidence × evidence strength
// * confidence starts at the rule's own value and rises 0.03 per extra independent kind of
//   evidence (cloud log, peer log, API code, gateway check), capped at 0.99;
// * evidence strength = 0.7 + 0.1 × min(kinds, 3): a cause seen from several angles beats one
//   read off a single label;
// * specific suppresses generic: a finding named (by rule id or cause) in another matched rule's
//   `suppresses` keeps only 40 % of its score — it stays visible, below the specific one. Two
//   findings that name each other cancel out (each claims to be the specific one: neither is);
// * ties are broken by rule id, so the order is stable.
import type { Finding, Severity } from '../types.js';
import { evidenceKinds } from './finding.js';
import { compareText } from '../compare.js';

export const SEVERITY_WEIGHT: Record<Severity, number> = { critical: 1, high: 0.8, medium: 0.6, low: 0.4, info: 0.1 };
const SUPPRESSED_FACTOR = 0.4;

export interface RankInput {
  finding: Finding;
  suppresses: readonly string[];
}

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** Whether `by` suppresses `finding` (names its rule id or its cause). */
const names = (by: RankInput, finding: Finding): boolean => by.suppresses.includes(finding.ruleId) || by.suppresses.includes(finding.cause);

export function rankFindings(items: readonly RankInput[]): Finding[] {
  const ranked = items.map((item) => {
    const { finding } = item;
    const kinds = evidenceKinds(finding.evidence);
    const confidence = Math.min(0.99, finding.confidence + 0.03 * Math.max(0, kinds - 1));
    const strength = 0.7 + 0.1 * Math.min(kinds, 3);
    let score = 100 * SEVERITY_WEIGHT[finding.severity] * confidence * strength;
    const isSuppressed = items.some((o) => o.finding !== finding && o.finding.cause !== finding.cause && names(o, finding) && !names(item, o.finding));
    if (isSuppressed) score *= SUPPRESSED_FACTOR;
    return { ...finding, confidence: round(confidence, 2), score: round(score, 1) };
  });
  return ranked.sort((a, b) => b.score - a.score || compareText(a.ruleId, b.ruleId));
}

/**
 * Several rules may name the same cause (a log rule and an API-code rule): the best-scored finding
 * stays, absorbing the others' diff entries and evidence, and lists their rule ids in `related`.
 */
export function mergeSameCause(findings: readonly Finding[]): Finding[] {
  const byCause = new Map<string, Finding>();
  const out: Finding[] = [];
  for (const f of findings) {
    const primary = byCause.get(f.cause);
    if (!primary) {
      const copy = { ...f, diff: [...f.diff], evidence: [...f.evidence] };
      byCause.set(f.cause, copy);
      out.push(copy);
      continue;
    }
    for (const d of f.diff) if (!primary.diff.some((x) => x.parameter === d.parameter)) primary.diff.push(d);
    for (const e of f.evidence) {
      if (primary.evidence.length >= 12) break;
      if (!primary.evidence.some((x) => x.source === e.source && x.line === e.line && x.pointer === e.pointer)) primary.evidence.push(e);
    }
    primary.related = [...(primary.related ?? []), f.ruleId];
    primary.evidence.sort((a, b) => compareText(a.time ?? '', b.time ?? ''));
  }
  return out;
}
