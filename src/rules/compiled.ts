// The built-in rules precompiled at build time (dist/builtin-rules.json): loading 60 YAML files
// through the zod schema costs ~250 ms per start, reading one JSON file ~2 ms. The file carries a
// hash of the rule sources; when they changed since the build, the YAML is read instead.
import { createHash } from 'node:crypto';

/** A rule file's path and text, as sources/files/rule-files.ts reads them. */
export interface RuleText {
  path: string;
  text: string;
}
import type { RuleFile } from './schema.js';
import { compareText } from '../compare.js';

export interface CompiledRules {
  hash: string;
  rules: { file: string; rule: RuleFile }[];
}

/** Hash of the rule sources, independent of where the package lives. */
export function hashRuleTexts(files: readonly RuleText[], root: string): string {
  const h = createHash('sha256');
  for (const f of [...files].sort((a, b) => compareText(a.path, b.path))) {
    h.update(f.path.startsWith(root) ? f.path.slice(root.length) : f.path);
    h.update('\0');
    h.update(f.text);
    h.update('\0');
  }
  return h.digest('hex');
}
