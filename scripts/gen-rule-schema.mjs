// Writes schema/rule.schema.json from the zod schema (run: npm run schema).
import { writeFileSync } from 'node:fs';
import { ruleJsonSchema } from '../dist/src/rules/schema.js';

writeFileSync(new URL('../schema/rule.schema.json', import.meta.url), `${JSON.stringify(ruleJsonSchema(), null, 2)}\n`);
