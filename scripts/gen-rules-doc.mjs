// Writes docs/rules.md from the built-in rules (run: npm run docs:rules).
import { writeFileSync } from 'node:fs';
import { loadRules } from '../dist/src/index.js';
import { renderRulesDoc } from '../dist/src/rules/doc.js';

const { rules, problems } = await loadRules();
if (problems.length > 0) {
  for (const p of problems) console.error(p.message);
  process.exit(1);
}
writeFileSync(new URL('../docs/rules.md', import.meta.url), renderRulesDoc(rules));
