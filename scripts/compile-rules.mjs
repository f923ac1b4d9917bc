// Precompiles the built-in rules into dist/builtin-rules.json (part of `npm run build`).
import { writeFileSync } from 'node:fs';
import { loadRules } from '../dist/src/index.js';
import { builtinRulesDir, packageRoot, readRuleTexts } from '../dist/src/sources/files/rule-files.js';
import { hashRuleTexts } from '../dist/src/rules/compiled.js';

const root = packageRoot();
const { files } = await readRuleTexts([builtinRulesDir()]);
const { rules, problems } = await loadRules([], true, { compiled: false });
if (problems.length > 0) {
  for (const p of problems) console.error(p.message);
  process.exit(1);
}
const compiled = { hash: hashRuleTexts(files, root), rules: rules.map((r) => ({ file: r.file.slice(root.length + 1), rule: r.rule })) };
writeFileSync(new URL('../dist/builtin-rules.json', import.meta.url), JSON.stringify(compiled));
console.log(`compiled ${rules.length} built-in rules`);
