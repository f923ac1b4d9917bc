// The evaluator answers subjects whose read facts are equal once: the same matches as a fresh
// run, as independent copies, and a different answer as soon as one read fact differs.
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/index.js';
import { RuleEvaluator } from '../../src/rules/engine.js';
import { computeFacts } from '../../src/facts/facts.js';
import { SubjectAccumulator } from '../../src/facts/subject.js';

const shape = (ms: { loaded: { rule: { id: string } }; explain: unknown[] }[]): unknown => ms.map((m) => [m.loaded.rule.id, m.explain]);

describe('rule answers memoised on the facts rules read', () => {
  it('gives equal subjects the answer a fresh evaluator gives, as copies', async () => {
    const { rules } = await loadRules();
    const memo = new RuleEvaluator(rules);
    const subject = (id: string, code: string | null) => {
      const f = computeFacts(new SubjectAccumulator(id));
      Object.assign(f.values, { failedReasonCode: code, failedReasonCodes: code ? [code] : [] });
      return f;
    };
    const a = await memo.evaluate(subject('vco-a', 'PskMismatch'));
    const b = await memo.evaluate(subject('vco-b', 'PskMismatch'));
    const fresh = await new RuleEvaluator(rules).evaluate(subject('vco-c', 'PskMismatch'));
    expect(a.map((m) => m.loaded.rule.id)).toContain('api-psk-mismatch');
    expect(shape(b)).toEqual(shape(a));
    expect(shape(b)).toEqual(shape(fresh));
    // Copies: what one finding does to its explanation is not seen by the next subject.
    b[0]!.explain.push({ fact: 'x', operator: 'equal', value: 1, factValue: 1 });
    expect(shape(await memo.evaluate(subject('vco-d', 'PskMismatch')))).toEqual(shape(a));
    // One read fact differs: another answer.
    const other = await memo.evaluate(subject('vco-e', 'DpdTimeout'));
    expect(other.map((m) => m.loaded.rule.id)).not.toContain('api-psk-mismatch');
    expect(other.map((m) => m.loaded.rule.id)).toContain('api-dpd-timeout');
  });
});
