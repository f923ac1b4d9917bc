// `ipsec-doctor rules list|validate|test [DIR…]`: the rule author's tools.
import type { Command } from 'commander';
import { fail } from './exit.js';
import type { RuleProblem } from '../rules/load.js';

/** A rules path that cannot be read or holds no rule file is a usage error (exit 2), not a finding about rules. */
export function badRulesPath(problems: readonly { code: string; message: string }[]): string | undefined {
  return problems.find((p) => p.code === 'E_RULES_PATH')?.message;
}

function usageFailed(problems: readonly RuleProblem[]): boolean {
  const bad = badRulesPath(problems);
  if (bad) fail(2, bad);
  return bad !== undefined;
}

export function registerRulesCommand(program: Command): void {
  const rules = program.command('rules').description('list, validate and test rule files');
  rules
    .command('list')
    .description('list the rules (built-in plus DIRs)')
    .argument('[dirs...]', 'extra rule files or directories')
    .option('--json', 'machine-readable')
    .action(async (dirs: string[], o: { json?: boolean }) => {
      const { loadRules } = await import('../index.js');
      const { rules: loaded, problems } = await loadRules(dirs);
      if (usageFailed(problems)) return;
      if (o.json) {
        process.stdout.write(`${JSON.stringify(loaded.map((l) => ({ id: l.rule.id, cause: l.rule.cause, severity: l.rule.severity, status: l.rule.status, file: l.file })), null, 2)}\n`);
      } else {
        for (const l of loaded) process.stdout.write(`${l.rule.id.padEnd(40)} ${l.rule.cause.padEnd(26)} ${l.rule.severity.padEnd(8)} ${l.builtin ? 'built-in' : l.file}\n`);
        process.stdout.write(`${loaded.length} rules\n`);
      }
      for (const p of problems) process.stderr.write(`${p.code} ${p.message}\n`);
      if (problems.length > 0) process.exitCode = 1;
    });
  rules
    .command('validate')
    .description('validate rule files: every problem of every file, with file:line:col')
    .argument('[dirs...]', 'rule files or directories (default: the built-in rules)')
    .action(async (dirs: string[]) => {
      const { loadRules } = await import('../index.js');
      // Built-in rules load too, so an id that duplicates one of them is caught here, not at analysis.
      const { rules: all, problems } = await loadRules(dirs, true);
      if (usageFailed(problems)) return;
      const loaded = dirs.length === 0 ? all : all.filter((r) => !r.builtin);
      for (const p of problems) process.stdout.write(`${p.code} ${p.message}\n`);
      process.stdout.write(`${loaded.length} valid rules, ${problems.length} problems\n`);
      if (problems.length > 0) process.exitCode = 1;
    });
  rules
    .command('test')
    .description('run every case of the rule files like a test runner')
    .argument('[dirs...]', 'rule files or directories (default: the built-in rules)')
    .action(async (dirs: string[]) => {
      const { loadRules, analyze, runRuleCases } = await import('../index.js');
      const all = await loadRules(dirs, true);
      const { rules: selected, problems } = dirs.length === 0 ? all : await loadRules(dirs, false);
      if (usageFailed(problems)) return;
      for (const p of problems) process.stdout.write(`${p.code} ${p.message}\n`);
      if (selected.length === 0) return fail(2, 'no valid rules to test');
      const results = await runRuleCases(selected, analyze, all.rules);
      for (const r of results) process.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'} ${r.ruleId} › ${r.name}${r.ok ? '' : `\n     ${r.file}: ${r.message}`}\n`);
      const failed = results.filter((r) => !r.ok).length;
      process.stdout.write(`${results.length - failed} passed, ${failed} failed\n`);
      if (failed > 0 || problems.length > 0) process.exitCode = 1;
    });
}
