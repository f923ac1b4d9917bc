// Reads a team's shared defaults: `ipsec-doctor.config.json`, `ipsec-doctor.config.yaml` (or
// `.yml`) in the working directory, else the `"ipsec-doctor"` key of its package.json — or the
// file `--config` names. Reading only; what the keys mean is the CLI's (cli/config.ts).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const CONFIG_FILES = ['ipsec-doctor.config.json', 'ipsec-doctor.config.yaml', 'ipsec-doctor.config.yml'] as const;

export interface ConfigText {
  /** The file it came from (for messages). */
  path: string;
  /** The parsed value: the whole file, or package.json's key. */
  value: unknown;
}

export interface ConfigRead {
  config?: ConfigText;
  /** `<file>: <problem>. <hint>` — a config that cannot be used is a usage error. */
  problem?: string;
}

async function parse(path: string, text: string): Promise<ConfigRead> {
  try {
    if (/\.ya?ml$/.test(path)) {
      const { parse: parseYaml } = await import('yaml');
      return { config: { path, value: parseYaml(text, { maxAliasCount: 50 }) as unknown } };
    }
    return { config: { path, value: JSON.parse(text) as unknown } };
  } catch (e) {
    return { problem: `${path}: not valid ${/\.ya?ml$/.test(path) ? 'YAML' : 'JSON'} (${(e as Error).message.split('\n')[0]}). Fix the file or remove it.` };
  }
}

/** The config `explicit` names, else the first one found in `cwd`; nothing found is no problem. */
export async function readConfigFile(cwd: string, explicit?: string): Promise<ConfigRead> {
  if (explicit) {
    try {
      return await parse(explicit, await readFile(explicit, 'utf8'));
    } catch (e) {
      return { problem: `${explicit}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). Check the --config path.` };
    }
  }
  for (const name of CONFIG_FILES) {
    const path = join(cwd, name);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      continue;
    }
    return parse(path, text);
  }
  try {
    const pkg = JSON.parse(await readFile(join(cwd, 'package.json'), 'utf8')) as Record<string, unknown>;
    if (pkg && typeof pkg === 'object' && pkg['ipsec-doctor'] !== undefined) return { config: { path: `${join(cwd, 'package.json')}#ipsec-doctor`, value: pkg['ipsec-doctor'] } };
  } catch {
    // No package.json, or not ours to judge.
  }
  return {};
}
