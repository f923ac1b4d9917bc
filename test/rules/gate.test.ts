// Rule gates (src/rules/gate.ts) only skip rules the engine would not match: on every fixture
// subject the gated evaluator answers exactly what the engine alone answers (rules, order and
// --explain values), and the gate's own decisions follow json-rules-engine's operators.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runAnalysis } from '../../src/run/analyze.js';
import { resolveSettings } from '../../src/run/settings.js';
import { RuleEvaluator, type RuleMatch } from '../../src/rules/engine.js';
import { loadRules } from '../../src/index.js';
import { ruleGate, SharedChecks } from '../../src/rules/gate.js';
import { computeFacts, type SubjectFacts } from '../../src/facts/facts.js';
import { SubjectAccumulator } from '../../src/facts/subject.js';

const ROOT = new URL('../../', import.meta.url).pathname;

function fixtureDirs(): string[] {
  const roots = ['test/fixtures/lab', 'test/fixtures/gateway-diagnosis', 'test/fixtures/good-logs'];
  const dirs = roots.flatMap((r) => readdirSync(join(ROOT, r)).map((d) => join(ROOT, r, d))).map((d) => (existsSync(join(d, 'input')) ? join(d, 'input') : d));
  return [...dirs, join(ROOT, 'examples/psk-mismatch'), join(ROOT, 'examples/p1-hash-mismatch')];
}

const shape = (ms: RuleMatch[]): unknown => ms.map((m) => ({ id: m.loaded.rule.id, explain: m.explain }));

describe('rule gates', async () => {
  const { rules } = await loadRules();

  it('change no answer: gated and ungated evaluators agree on every fixture subject', async () => {
    const gated = new RuleEvaluator(rules);
    const full = new RuleEvaluator(rules, { gates: false });
    let subjects = 0;
    let matched = 0;
    // Both evaluators see each subject's facts as the pipeline builds them.
    const both = {
      failed: new Map<string, string>(),
      async evaluate(facts: SubjectFacts): Promise<RuleMatch[]> {
        const a = await gated.evaluate(facts);
        const b = await full.evaluate(facts);
        expect(shape(a), facts.subject.id).toEqual(shape(b));
        subjects++;
        matched += b.length;
        return a;
      },
    };
    for (const dir of fixtureDirs()) {
      const settings = resolveSettings({ peerTz: 'UTC', explain: true, now: new Date('2026-11-22T00:00:00Z') });
      await runAnalysis([dir], settings, { rules, evaluator: both });
    }
    expect(subjects).toBeGreaterThan(30);
    expect(matched).toBeGreaterThan(30);
  });

  it('decides only what it models, as the engine would', () => {
    const facts = computeFacts(new SubjectAccumulator('gate'));
    Object.assign(facts.values, { phase1Established: false, failedReasonCode: null, codes: ['A'] });
    const decide = (conditions: unknown): boolean | undefined => ruleGate(conditions)?.(facts);
    // Necessary members of `all`, nested `all` included.
    expect(decide({ all: [{ fact: 'phase1Established', operator: 'equal', value: true }] })).toBe(false);
    expect(decide({ all: [{ all: [{ fact: 'failedReasonCode', operator: 'equal', value: 'PSK_MISMATCH' }] }] })).toBe(false);
    expect(decide({ all: [{ fact: 'eventCount', params: { type: 'cert-error' }, operator: 'greaterThan', value: 0 }] })).toBe(false);
    expect(decide({ all: [{ fact: 'eventCount', params: { type: 'cert-error' }, operator: 'equal', value: 0 }] })).toBe(true);
    expect(decide({ all: [{ fact: 'diagnoseLevel', params: { name: 'x' }, operator: 'equal', value: null }] })).toBe(true);
    // Validators: numeric operators fail on a non-number, contains on a non-array.
    expect(decide({ all: [{ fact: 'failedReasonCode', operator: 'lessThan', value: 5 }] })).toBe(false);
    expect(decide({ all: [{ fact: 'failedReasonCode', operator: 'contains', value: 'A' }] })).toBe(false);
    expect(decide({ all: [{ fact: 'codes', operator: 'contains', value: 'A' }] })).toBe(true);
    // An unknown fact is undefined; a name on Object.prototype is not a fact.
    expect(decide({ all: [{ fact: 'nosuchfact', operator: 'equal', value: undefined }] })).toBe(true);
    expect(decide({ all: [{ fact: 'constructor', operator: 'notEqual', value: undefined }] })).toBe(false);
    // A subject value shadows the engine's fact of the same name, as run-time facts do.
    Object.assign(facts.values, { eventCount: 7 });
    expect(decide({ all: [{ fact: 'eventCount', params: { type: 'cert-error' }, operator: 'equal', value: 7 }] })).toBe(true);
    // What it does not model, it leaves to the engine.
    expect(ruleGate({ any: [{ fact: 'phase1Established', operator: 'equal', value: true }] })).toBeUndefined();
    expect(ruleGate({ not: { fact: 'phase1Established', operator: 'equal', value: true } })).toBeUndefined();
    expect(ruleGate({ all: [{ fact: 'phase1Established', operator: 'matches', value: 'x' }] })).toBeUndefined();
    expect(ruleGate({ all: [{ fact: 'phase1Established', operator: 'equal', value: { fact: 'other' } }] })).toBeUndefined();
    expect(ruleGate({ all: [{ fact: 'phase1Established', path: '$.a', operator: 'equal', value: 1 }] })).toBeUndefined();
    // An operator that throws (in, on a non-array value) is the engine's to report.
    expect(decide({ all: [{ fact: 'phase1Established', operator: 'in', value: 3 }] })).toBe(true);
  });

  it('shares a condition between gates: decided once per subject, again for the next', () => {
    const facts = computeFacts(new SubjectAccumulator('gate'));
    let asked = 0;
    Object.defineProperty(facts.values, 'phase1Established', {
      enumerable: true,
      get: () => {
        asked++;
        return false;
      },
    });
    const shared = new SharedChecks();
    const same = { all: [{ fact: 'phase1Established', operator: 'equal', value: false }] };
    const other = { all: [{ fact: 'phase1Established', operator: 'equal', value: true }] };
    const [a, b, c] = [ruleGate(same, shared)!, ruleGate(structuredClone(same), shared)!, ruleGate(other, shared)!];
    shared.begin();
    expect([a(facts), b(facts), c(facts)]).toEqual([true, true, false]);
    // One read for the two gates' shared condition, one for the other condition.
    expect(asked).toBe(2);
    shared.begin();
    expect(b(facts)).toBe(true);
    expect(asked).toBe(3);
  });
});
