// Runs the `cases` of rule files like a test runner: log/api cases go through the whole pipeline
// (in memory), facts cases through the rule's conditions alone. `rules test` and the test suite
// share this.
import type { Report } from '../types.js';
import type { AnalyzeInput } from '../sources/files/read-inputs.js';
import type { LoadedRule } from './load.js';
import type { RuleCase } from './schema.js';
import { RuleEvaluator } from './engine.js';
import { SubjectAccumulator } from '../facts/subject.js';
import { computeFacts } from '../facts/facts.js';

export interface CaseResult {
  ruleId: string;
  file: string;
  name: string;
  expect: RuleCase['expect'];
  ok: boolean;
  message: string;
}

type Analyze = (inputs: readonly AnalyzeInput[], options: { rules: readonly LoadedRule[]; now: Date }) => Promise<Report>;

function caseInputs(ruleId: string, i: number, c: RuleCase): AnalyzeInput[] {
  const out: AnalyzeInput[] = [];
  if (c.log !== undefined) out.push({ source: `${ruleId}#${i}/gateway.log`, content: c.log });
  if (c.peerLog !== undefined) out.push({ source: `${ruleId}#${i}/peer.log`, content: c.peerLog });
  (c.api ?? []).forEach((doc, k) => out.push({ source: `${ruleId}#${i}/api-${k}.json`, content: JSON.stringify(doc) }));
  return out;
}

async function factsCase(rule: LoadedRule, c: RuleCase): Promise<boolean> {
  const facts = computeFacts(new SubjectAccumulator('case'));
  Object.assign(facts.values, c.facts);
  const matches = await new RuleEvaluator([rule]).evaluate({ ...facts, values: facts.values });
  return matches.length > 0;
}

function checkReport(rule: LoadedRule, c: RuleCase, report: Report): string | undefined {
  const findings = report.subjects.flatMap((s) => s.findings);
  const hit = findings.find((f) => f.ruleId === rule.rule.id || f.related?.includes(rule.rule.id));
  if (c.expect === 'no-match') return hit ? `matched but should not (subject ${report.subjects.find((s) => s.findings.includes(hit))?.id})` : undefined;
  if (!hit) {
    const got = findings.map((f) => f.ruleId).join(', ') || 'no finding';
    return `did not match (got: ${got}; ${report.problems.length} input problems${report.problems[0] ? `, first: ${report.problems[0].message}` : ''})`;
  }
  if (c.first) {
    const firsts = report.subjects.map((s) => s.findings[0]).filter(Boolean);
    if (!firsts.some((f) => f === hit)) return `matched but not ranked first (first: ${firsts.map((f) => f!.ruleId).join(', ')})`;
  }
  for (const d of c.diff ?? []) {
    const got = hit.diff.find((x) => x.parameter === d.parameter);
    if (!got) return `diff has no ${d.parameter} (has: ${hit.diff.map((x) => x.parameter).join(', ') || 'none'})`;
    if (d.cloud !== undefined && got.cloud !== d.cloud) return `${d.parameter} cloud value ${got.cloud} ≠ expected ${d.cloud}`;
    if (d.peer !== undefined && got.peer !== d.peer) return `${d.parameter} peer value ${got.peer} ≠ expected ${d.peer}`;
  }
  return undefined;
}

/**
 * Runs every case of the given rules. `context` is the full rule set used when a case asks for
 * ranking (`first`) or the rule is a fallback — otherwise each rule is judged alone.
 */
export async function runRuleCases(rules: readonly LoadedRule[], analyze: Analyze, context: readonly LoadedRule[] = rules): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  const now = new Date('2026-01-01T00:00:00Z');
  for (const r of rules) {
    for (const [i, c] of r.rule.cases.entries()) {
      let message: string | undefined;
      try {
        if (c.facts && c.log === undefined && c.peerLog === undefined && c.api === undefined) {
          const matched = await factsCase(r, c);
          message = matched === (c.expect === 'match') ? undefined : matched ? 'matched but should not' : 'did not match';
        } else {
          // Ranking, and a fallback rule (it speaks only when no other rule does), need the others.
          const ruleSet = c.first || r.rule.fallback ? [...context.filter((x) => x.rule.id !== r.rule.id), r] : [r];
          const report = await analyze(caseInputs(r.rule.id, i, c), { rules: ruleSet, now });
          message = checkReport(r, c, report);
        }
      } catch (e) {
        message = `case crashed: ${(e as Error).message}`;
      }
      results.push({ ruleId: r.rule.id, file: r.file, name: c.name, expect: c.expect, ok: message === undefined, message: message ?? 'ok' });
    }
  }
  return results;
}
