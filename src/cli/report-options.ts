// The options every report-producing command shares (analyze, diagnose), declared once.
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { AnalyzeOptions } from '../index.js';
import type { Lang } from '../lang.js';

import { FORMATS, SEVERITIES } from './choices.js';

export { FORMATS, SEVERITIES } from './choices.js';

export interface ReportCliOptions {
  format: (typeof FORMATS)[number];
  out?: string;
  lang?: Lang;
  explain?: boolean;
  redact?: boolean;
  redactKey?: string;
  failOn?: (typeof SEVERITIES)[number];
  quiet?: boolean;
  color?: boolean;
  logTz?: string;
  peerTz?: string;
  peerYear?: number;
  rules?: string[];
  disableRule?: string[];
  /** `--config FILE`; false for `--no-config`; true (commander's default) to look in the working directory. */
  config?: string | boolean;
}

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

function defaultLang(): Lang {
  const loc = process.env['LC_ALL'] ?? process.env['LC_MESSAGES'] ?? process.env['LANG'] ?? '';
  return /^zh/i.test(loc) ? 'zh' : 'en';
}

export function addReportOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS as unknown as string[]).default('text'))
    .option('-o, --out <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--lang <lang>', 'language of titles and remediation').choices(['en', 'zh']).default(defaultLang()))
    .option('--explain', 'show the fact values that decided each finding')
    .option('--redact', 'replace addresses, ids and keys with stable pseudonyms (safe to share)')
    .option('--redact-key <key>', 'key for --redact pseudonyms, to match them across reports of different inputs (default: derived from the report, so the same inputs always give the same pseudonyms)')
    .addOption(
      new Option('--fail-on <severity>', `exit 1 when a finding at or above this severity exists (${SEVERITIES.join(', ')}; any case)`).argParser((v: string) => {
        const s = v.toLowerCase();
        if (!(SEVERITIES as readonly string[]).includes(s)) throw new InvalidArgumentError(`one of ${SEVERITIES.join(', ')}`);
        return s;
      }),
    )
    .option('-q, --quiet', 'print only findings')
    .option('--no-color', 'no colour even on a terminal')
    .option('--log-tz <zone>', 'time zone of gateway log stamps: ±HH:MM, UTC or an IANA name (default +08:00, the gateway clock)')
    .option('--peer-tz <zone>', 'time zone of peer-device syslog stamps: ±HH:MM, UTC, local or an IANA name such as America/New_York, daylight saving followed (default: local)')
    .option('--peer-year <year>', 'year for peer syslog stamps that carry none', (v) => Number(v))
    .option('--rules <dir>', 'extra rule files or directories (repeatable)', collect, [])
    .option('--disable-rule <id>', 'a rule not to run (repeatable; ids from `rules list`)', collect, [])
    .option('--config <file>', 'team defaults (default: ipsec-doctor.config.json|yaml or package.json "ipsec-doctor" in this directory)')
    .option('--no-config', 'ignore any config file');
}

/** The analysis options the report flags set — one mapping for `analyze` and `diagnose`. */
export function analyzeOptionsFrom(o: ReportCliOptions): Pick<AnalyzeOptions, 'rulesDirs' | 'disabledRules' | 'logTz' | 'peerTz' | 'peerYear' | 'lang' | 'explain'> {
  return {
    rulesDirs: o.rules ?? [],
    ...(o.disableRule && o.disableRule.length > 0 ? { disabledRules: o.disableRule } : {}),
    ...(o.logTz ? { logTz: o.logTz } : {}),
    ...(o.peerTz ? { peerTz: o.peerTz } : {}),
    ...(o.peerYear ? { peerYear: o.peerYear } : {}),
    lang: o.lang ?? 'en',
    explain: o.explain ?? false,
  };
}

/** Applies the team config (unless --no-config); returns the one-line reason it cannot be used. */
export async function withTeamConfig(cmd: Command, o: ReportCliOptions): Promise<string | undefined> {
  if (o.config === false) return undefined;
  const { readConfigFile } = await import('../sources/files/config-file.js');
  const read = await readConfigFile(process.cwd(), typeof o.config === 'string' ? o.config : undefined);
  if (read.problem) return read.problem;
  if (!read.config) return undefined;
  const { applyConfig, checkConfig, CONFIG_HINT } = await import('./config.js');
  const checked = checkConfig(read.config.path, read.config.value);
  // Every problem of the file at once, on the one line an exit 2 prints.
  if (!checked.config) return `${checked.problems.join('; ')}. ${CONFIG_HINT}`;
  applyConfig(cmd, o as unknown as Record<string, unknown>, checked.config);
  return undefined;
}

/** The flag that sets each library option, so an option error reads as the command line was typed. */
const FLAG_OF: Record<string, string> = { logTz: '--log-tz', peerTz: '--peer-tz', peerYear: '--peer-year', lang: '--lang', jobs: '--jobs', rulesDirs: '--rules', disabledRules: '--disable-rule' };

export function optionErrorMessage(e: { option: string; problem: string }): string {
  return `${FLAG_OF[e.option] ?? e.option}: ${e.problem}`;
}
