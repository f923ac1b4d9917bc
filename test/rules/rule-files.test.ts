// Every built-in rule file is valid and its own cases pass (ESLint-style harness); broken custom
// rule files get every problem reported in one run; the editor schema is up to date.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyze, loadRules, runRuleCases } from '../../src/index.js';
import { parseRuleFile } from '../../src/rules/load.js';
import { ruleJsonSchema } from '../../src/rules/schema.js';
import { compilePattern } from '../../src/rules/operators.js';
import { CAUSES } from '../../src/vocabulary/causes.js';

const loaded = await loadRules();
const results = await runRuleCases(loaded.rules, analyze, loaded.rules);

describe('built-in rules', () => {
  it('load without problems', () => {
    expect(loaded.problems).toEqual([]);
    expect(loaded.rules.length).toBeGreaterThan(40);
  });

  it('every rule has a match and a no-match case', () => {
    for (const { rule } of loaded.rules) {
      expect(rule.cases.some((c) => c.expect === 'match'), rule.id).toBe(true);
      expect(rule.cases.some((c) => c.expect === 'no-match'), rule.id).toBe(true);
    }
  });

  it('cover all 26 FailedReasonCodes', () => {
    const codes = loaded.rules.flatMap(({ rule }) => JSON.stringify(rule.conditions).match(/"fact":"failedReasonCode","operator":"equal","value":"(\w+)"/g) ?? []);
    expect(new Set(codes).size).toBe(26);
  });

  it('use only causes from spec/causes.md', () => {
    for (const { rule } of loaded.rules) expect(CAUSES as readonly string[]).toContain(rule.cause);
  });

  it.each(results.map((r) => [`${r.ruleId} › ${r.name}`, r] as const))('%s', (_n, r) => {
    expect(r.message).toBe('ok');
  });
});

describe('rule validation', () => {
  it('reports every problem of a broken file at once, with line, column and path', () => {
    const text = [
      'id: Bad_Id',
      'title: t',
      'cause: not-a-cause',
      'severity: fatal',
      'confidence: 2',
      'status: stable',
      'description: d',
      'conditions:',
      '  all:',
      '    - fact: nosuchfact',
      '      operator: equal',
      '      value: 1',
      'summary: s',
      'remediation: []',
      'cases: []',
    ].join('\n');
    const { rule, problems } = parseRuleFile('custom/bad.rule.yaml', text);
    expect(rule).toBeUndefined();
    const paths = problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['id', 'cause', 'severity', 'confidence', 'remediation', 'cases']));
    expect(problems.find((p) => p.path === 'severity')!.message).toMatch(/^custom\/bad\.rule\.yaml:4:\d+: /);
  });

  it('names unknown facts, operators and events, and refuses prototype keys', () => {
    const base = readFileSync(new URL('../../rules/phase2/pfs-mismatch.rule.yaml', import.meta.url), 'utf8');
    const text = base
      .replace('fact: eventCount\n          params: { type: pfs-mismatch', 'fact: eventCounts\n          params: { type: pfs-mismatch')
      .replace('operator: greaterThan', 'operator: isBiggerThan')
      .replace('params: { type: ke-missing', 'params: { __proto__: { x: 1 }, type: ke-misssing');
    const { problems } = parseRuleFile('custom/x.rule.yaml', text);
    const msgs = problems.map((p) => p.message).join('\n');
    expect(msgs).toContain('unknown fact "eventCounts"');
    expect(msgs).toContain('unknown operator "isBiggerThan"');
    expect(msgs).toMatch(/forbidden key "__proto__"|unknown event "ke-misssing"/);
  });

  it('reports duplicate ids naming both files', async () => {
    const { loadRuleTexts } = await import('../../src/rules/load.js');
    const text = readFileSync(new URL('../../rules/phase2/pfs-mismatch.rule.yaml', import.meta.url), 'utf8');
    const { problems } = loadRuleTexts([{ path: 'a.rule.yaml', text }, { path: 'b.rule.yaml', text }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('already defined in a.rule.yaml');
  });

  it('schema/rule.schema.json is generated from the zod schema (npm run schema)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../schema/rule.schema.json', import.meta.url), 'utf8')) as unknown;
    expect(committed).toEqual(ruleJsonSchema());
  });
});

describe('docs/rules.md', () => {
  it('is generated from the rules (npm run docs:rules)', async () => {
    const { renderRulesDoc } = await import('../../src/rules/doc.js');
    const committed = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderRulesDoc(loaded.rules));
  });
});

describe('docs/examples/rules (the rule-authoring walk-through)', () => {
  it('the example rule is valid and its cases pass', async () => {
    const example = await loadRules([new URL('../../docs/examples/rules', import.meta.url).pathname], false);
    expect(example.problems).toEqual([]);
    const res = await runRuleCases(example.rules, analyze, [...loaded.rules, ...example.rules]);
    expect(res.map((r) => `${r.name}: ${r.message}`)).toEqual(res.map((r) => `${r.name}: ok`));
  });
});

describe('rule patterns are data, not a denial of service', () => {
  const base = readFileSync(new URL('../../docs/examples/rules/acme-udp4500-blocked.rule.yaml', import.meta.url), 'utf8');
  const withPatterns = (value: string, message: string): string =>
    base.replace('value: "/sending packet: from \\\\S+\\\\[4500\\\\]/"', `value: "${value}"`).replace('messages: ["/\\\\[4500\\\\]/"]', `messages: ["${message}"]`);

  it('refuses what RE2 cannot run (look-around, back-references) and broken regexes, with their location', () => {
    const { problems } = parseRuleFile('custom/redos.rule.yaml', withPatterns('/(?=a)b/', '/([/'));
    const msgs = problems.map((p) => p.message).join('\n');
    expect(msgs).toMatch(/redos\.rule\.yaml:\d+:\d+: unusable pattern: not an RE2 pattern/);
    expect(problems.filter((p) => p.message.includes('unusable pattern'))).toHaveLength(2);
  });

  // A backtracking engine spends minutes on the 41-character line alone: the test's timeout fails it.
  it.each([
    ['(a|a)*$', true],
    ['(?:a|a)*$', true],
    ['(a|aa)*b', false],
    ['^(a|a?)+$', false],
    ['((a)+)+$', false],
    ['(\\\\w|\\\\d)+$', false],
    ['([a-z]|[a-m])+$', false],
    ['a*a*a*a*a*a*a*a*a*a*a*a*b', false],
  ])('validates and runs the catastrophic-backtracking pattern %s on RE2', (pattern, matches) => {
    const { problems } = parseRuleFile('custom/redos.rule.yaml', withPatterns(`/${pattern}/`, 'x'));
    expect(problems).toEqual([]);
    const re = compilePattern(`/${pattern.replaceAll('\\\\', '\\')}/`)!;
    for (const n of [41, 100_000]) expect(re.test(`${'a'.repeat(n)}!`)).toBe(matches);
  }, 10_000);
});
