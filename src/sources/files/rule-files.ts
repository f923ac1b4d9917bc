// Reads rule files (`*.rule.yaml` / `*.rule.yml`) from directories or single paths. Reading lives
// here because only sources/ touches the file system; parsing and validation are rules/load.ts.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../../package-root.js';
import type { CompiledRules, RuleText } from '../../rules/compiled.js';
import { MAX_RULE_FILE_BYTES } from '../../rules/limits.js';
import { compareText } from '../../compare.js';

export type { RuleText } from '../../rules/compiled.js';

export interface RuleReadProblem {
  path: string;
  message: string;
  /** E_RULES_PATH: a path given for rules that cannot be read or holds no rule file (the user's typo: exit 2). */
  code?: 'E_RULE_TOO_LARGE' | 'E_RULES_PATH';
}

const RULE_FILE = /\.rule\.ya?ml$/;

/** YAML that is not named as a rule file: most likely a rule the author misnamed. */
const OTHER_YAML = /\.ya?ml$/;

async function walk(dir: string, out: string[], misnamed: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => compareText(a.name, b.name));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, out, misnamed);
    else if (RULE_FILE.test(e.name)) out.push(p);
    else if (OTHER_YAML.test(e.name)) misnamed.push(p);
  }
}

export { packageRoot };

/** The built-in rules shipped with the package. */
export function builtinRulesDir(): string {
  return join(packageRoot(), 'rules');
}

export async function readRuleTexts(paths: readonly string[]): Promise<{ files: RuleText[]; problems: RuleReadProblem[] }> {
  const files: RuleText[] = [];
  const problems: RuleReadProblem[] = [];
  for (const p of paths) {
    try {
      const st = await stat(p);
      const list: string[] = [];
      const misnamed: string[] = [];
      if (st.isDirectory()) await walk(p, list, misnamed);
      else list.push(p);
      for (const m of misnamed) problems.push({ path: m, message: `${m}: not read: rule files end in .rule.yaml. Rename it, or move it out of the rules directory.` });
      if (st.isDirectory() && list.length === 0) problems.push({ path: p, code: 'E_RULES_PATH', message: `${p}: no *.rule.yaml files. Rule files end in .rule.yaml.` });
      // Read together, not one await after the other: 76 sequential reads cost ~50 ms per start.
      const read = await Promise.all(
        list.map(async (f): Promise<RuleText | RuleReadProblem> => {
          const size = (await stat(f)).size;
          // Refused unread: a rule file is a page of YAML, not a way to fill memory.
          if (size > MAX_RULE_FILE_BYTES) return { path: f, code: 'E_RULE_TOO_LARGE', message: `${f}:1:1: rule file of ${size} bytes is over the ${MAX_RULE_FILE_BYTES}-byte limit. One rule per file: split it.` };
          return { path: f, text: await readFile(f, 'utf8') };
        }),
      );
      for (const r of read) {
        if ('text' in r) files.push(r);
        else problems.push(r);
      }
    } catch (e) {
      problems.push({ path: p, code: 'E_RULES_PATH', message: `${p}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). Check the path.` });
    }
  }
  return { files, problems };
}

/** The build's precompiled built-in rules (dist/builtin-rules.json), or undefined. */
export async function readCompiledRules(): Promise<CompiledRules | undefined> {
  try {
    return JSON.parse(await readFile(join(packageRoot(), 'dist', 'builtin-rules.json'), 'utf8')) as CompiledRules;
  } catch {
    return undefined;
  }
}
