// Rules a run judges with: the built-in rules (precompiled when the build's copy matches their
// sources) plus the user's directories, minus those switched off. All problems returned, none thrown.
import { builtinRulesDir, packageRoot, readCompiledRules, readRuleTexts } from '../sources/files/rule-files.js';
import type { LoadedRule, RuleProblem } from '../rules/load.js';
import { hashRuleTexts } from '../rules/compiled.js';
import { AnalyzeOptionError } from './options.js';

export interface LoadRulesResult {
  rules: LoadedRule[];
  problems: RuleProblem[];
}

/**
 * Loads the built-in rules plus any directories given. All problems are returned, none thrown.
 * Built-in rules come precompiled when the build's copy matches the rule sources.
 */
export async function loadRules(dirs: readonly string[] = [], builtin = true, opts: { compiled?: boolean } = {}): Promise<LoadRulesResult> {
  const base = builtinRulesDir();
  const rules: LoadedRule[] = [];
  const problems: RuleProblem[] = [];
  let pending = [...dirs];
  if (builtin) {
    const { files, problems: readProblems } = await readRuleTexts([base]);
    const compiled = opts.compiled === false ? undefined : await readCompiledRules();
    const root = packageRoot();
    if (compiled && readProblems.length === 0 && compiled.hash === hashRuleTexts(files, root)) {
      for (const r of compiled.rules) rules.push({ rule: r.rule, file: `${root}/${r.file}`, builtin: true });
    } else {
      pending = [base, ...pending];
    }
  }
  if (pending.length > 0) {
    // YAML and the zod schema load only when rule files must be parsed.
    const { loadRuleTexts } = await import('../rules/load.js');
    const { files, problems: readProblems } = await readRuleTexts(pending);
    const loaded = loadRuleTexts(files, base);
    const seen = new Set(rules.map((r) => r.rule.id));
    for (const r of loaded.rules) {
      if (seen.has(r.rule.id)) {
        problems.push({ file: r.file, line: 1, col: 1, path: 'id', code: 'E_RULE_DUPLICATE', message: `${r.file}:1:1: rule id "${r.rule.id}" is already defined by a built-in rule. Give yours another id.` });
        continue;
      }
      rules.push(r);
    }
    for (const p of readProblems) problems.push({ file: p.path, line: p.code === 'E_RULE_TOO_LARGE' ? 1 : 0, col: p.code === 'E_RULE_TOO_LARGE' ? 1 : 0, path: '', code: p.code ?? 'E_RULE_INVALID', message: p.message });
    for (const p of loaded.problems) problems.push(p);
  }
  return { rules, problems };
}

/** The rules minus those switched off; naming a rule that does not exist is a typo to report. */
export function withoutDisabled(rules: readonly LoadedRule[], disabled: readonly string[]): readonly LoadedRule[] {
  if (disabled.length === 0) return rules;
  const ids = new Set(rules.map((r) => r.rule.id));
  const unknown = disabled.filter((id) => !ids.has(id));
  if (unknown.length > 0) throw new AnalyzeOptionError('disabledRules', `no rule has the id ${unknown.map((u) => `"${u}"`).join(', ')}. \`ipsec-doctor rules list\` shows the ids.`);
  const off = new Set(disabled);
  return rules.filter((r) => !off.has(r.rule.id));
}

