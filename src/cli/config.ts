// What a team's config file may set, and how it meets the command line: a flag the user typed
// wins over the file, the file over the built-in default. Every problem of the file is reported at
// once as `<file>:<key>: problem. hint`; a config that cannot be used stops the run (exit 2).
import type { Command } from 'commander';
import { z } from 'zod';
import { FORMATS, SEVERITIES } from './choices.js';

const ConfigSchema = z
  .object({
    rules: z.array(z.string()).optional(),
    disableRules: z.array(z.string()).optional(),
    logTz: z.string().optional(),
    peerTz: z.string().optional(),
    lang: z.enum(['en', 'zh']).optional(),
    format: z.enum(FORMATS).optional(),
    failOn: z.enum(SEVERITIES).optional(),
  })
  .strict();

export type TeamConfig = z.infer<typeof ConfigSchema>;

export const CONFIG_HINT = 'Keys: rules, disableRules, logTz, peerTz, lang, format, failOn (see README).';

/** The config, or every problem with it (`file:key: problem`). */
export function checkConfig(path: string, value: unknown): { config?: TeamConfig; problems: string[] } {
  const r = ConfigSchema.safeParse(value);
  if (r.success) return { config: r.data, problems: [] };
  return {
    problems: r.error.issues.map((i) => `${path}:${i.path.join('.') || '(root)'}: ${i.message}`),
  };
}

/** The option names commander uses for each config key (`--disable-rule` collects into disableRule). */
const OPTION_OF: Record<keyof TeamConfig, string> = { rules: 'rules', disableRules: 'disableRule', logTz: 'logTz', peerTz: 'peerTz', lang: 'lang', format: 'format', failOn: 'failOn' };

/**
 * Fills the options the user did not type from the config. Lists (rules, disabled rules) add to
 * what was typed: a team's rule directory stays when someone adds their own.
 */
export function applyConfig(cmd: Command, opts: Record<string, unknown>, config: TeamConfig): void {
  for (const [key, value] of Object.entries(config) as [keyof TeamConfig, unknown][]) {
    const name = OPTION_OF[key];
    if (Array.isArray(value)) opts[name] = [...value, ...((opts[name] as string[] | undefined) ?? [])];
    else if (cmd.getOptionValueSource(name) !== 'cli') opts[name] = value;
  }
}
