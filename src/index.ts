// Public API of ipsec-doctor: analyse exported files or in-memory API responses into a ranked
// report, load and test rule files, render reports. Named exports only.
import { availableParallelism } from 'node:os';
import type { Problem, Report } from './types.js';
import { readInputs, type AnalyzeInput } from './sources/files/read-inputs.js';
import { builtinRulesDir, packageRoot, readCompiledRules, readRuleTexts } from './sources/files/rule-files.js';
import { AnalysisRun, AUTO_PARALLEL_MIN_BYTES } from './pipeline.js';
import { RuleEvaluator } from './rules/engine.js';
import type { LoadedRule, RuleProblem } from './rules/load.js';
import { hashRuleTexts } from './rules/compiled.js';
import { parseZone, type Zone } from './parse/timezone.js';
import type { Lang } from './report/template.js';
import { VERSION } from './version.js';
import type { LiveDiagnosisHooks, LiveDiagnosisOptions, LiveDiagnosisResult } from './sources/alicloud/types.js';

export type { AnalyzeInput } from './sources/files/read-inputs.js';
export { totalInputBytes } from './sources/files/read-inputs.js';
export type * from './types.js';
export type { RuleFile, RuleCase } from './rules/schema.js';
export type { LoadedRule, RuleProblem } from './rules/load.js';
export { VERSION } from './version.js';
export { renderText, type TextOptions } from './report/render/text.js';
export { renderJson, renderJsonChunks } from './report/render/json.js';
export { renderMarkdown, type MarkdownOptions } from './report/render/markdown.js';
export { renderHtml, type HtmlOptions } from './report/render/html.js';
export { redactReport, type RedactOptions } from './report/redact.js';
export type { LiveDiagnosisOptions, LiveDiagnosisHooks, LiveDiagnosisResult } from './sources/alicloud/types.js';
export { runRuleCases, type CaseResult } from './rules/cases.js';

export interface AnalyzeOptions {
  /** Extra rule directories or files (custom rules, `x-` causes). */
  rulesDirs?: string[];
  /** Load the built-in rules (default true). */
  builtinRules?: boolean;
  /** Use exactly these already-loaded rules (skips loading; rule cases use it). */
  rules?: readonly LoadedRule[];
  /** Rule ids not to run (a team's `disableRules`, `--disable-rule`); an id no rule has is an option error. */
  disabledRules?: readonly string[];
  /** Gateway log time zone: `+08:00`, `UTC` or an IANA name (default: the gateway clock, UTC+8). */
  logTz?: string;
  /** Peer-device log time zone for syslog stamps: `-05:00`, `UTC`, `local` or an IANA name such as `America/New_York` (daylight saving followed). Default: this machine's zone. */
  peerTz?: string;
  /** Year for syslog stamps that carry none (default: from the gateway log or the file date). */
  peerYear?: number;
  lang?: Lang;
  /** Add the fact values that decided each finding. */
  explain?: boolean;
  /** Problems found before the analysis (e.g. failed API calls) to list in the report. */
  extraProblems?: Problem[];
  /**
   * Threads for big gateway logs (plain files). A number N reads logs of ≥ 4 MB on N threads (this
   * one and N − 1 workers), cutting a file into ranges when there are fewer files than threads.
   * `'auto'` (the CLI's default) uses one thread per core for two or more logs of ≥ 32 MB in a row
   * (inputs are read in their order), a file per task, and reads a single file in this thread:
   * below that size a thread's fixed costs outweighed its gain, and cutting one file gained little
   * while doubling peak RSS (docs/performance.md). Default 1: no worker threads.
   */
  jobs?: number | 'auto';
  /** Fixed clock for `generatedAt` (tests, reproducible reports). */
  now?: Date;
  onDocument?(source: string, bytes: number): void;
  /** Progress while logs are read (bytes and lines so far), every few thousand lines. */
  onProgress?(progress: { bytes: number; lines: number }): void;
  /**
   * Called once before logs are read on worker threads, with the number of threads (this one
   * included). The CLI lifts its process-wide young-generation cap then (cli/heap-policy.ts).
   */
  onWorkerThreads?(threads: number): void;
}

/**
 * Asks the Alibaba Cloud API for everything `analyze` reads (describe, DiagnoseVpnConnections,
 * logs, gateway diagnosis), as `ipsec-doctor diagnose` does; feed `result.documents` to analyze.
 * The API client loads only when this is called.
 */
export async function collectLiveDiagnosis(options: LiveDiagnosisOptions, hooks: LiveDiagnosisHooks = {}): Promise<LiveDiagnosisResult> {
  const { collectLiveDiagnosis: collect } = await import('./sources/alicloud/collect.js');
  return collect(options, hooks);
}

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
    const { loadRuleTexts } = await import('./rules/load.js');
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

/**
 * Thrown for bad options only (never for bad input, which becomes report problems). Names the
 * library option (`logTz`); the CLI says its own flag (`--log-tz`).
 */
export class AnalyzeOptionError extends Error {
  readonly code = 'E_USAGE';
  constructor(
    readonly option: keyof AnalyzeOptions,
    readonly problem: string,
  ) {
    super(`${option}: ${problem}`);
  }
}

function tzOption(name: 'logTz' | 'peerTz', v: string | undefined): Zone | undefined {
  const z = parseZone(v);
  if (v !== undefined && z === undefined) throw new AnalyzeOptionError(name, `"${v}" is not a time zone. Use ±HH:MM, UTC, local or an IANA name such as Asia/Shanghai.`);
  return z;
}

/** The rules minus those switched off; naming a rule that does not exist is a typo to report. */
function withoutDisabled(rules: readonly LoadedRule[], disabled: readonly string[]): readonly LoadedRule[] {
  if (disabled.length === 0) return rules;
  const ids = new Set(rules.map((r) => r.rule.id));
  const unknown = disabled.filter((id) => !ids.has(id));
  if (unknown.length > 0) throw new AnalyzeOptionError('disabledRules', `no rule has the id ${unknown.map((u) => `"${u}"`).join(', ')}. \`ipsec-doctor rules list\` shows the ids.`);
  const off = new Set(disabled);
  return rules.filter((r) => !off.has(r.rule.id));
}

/** Years a syslog stamp may be read in: anything else is a typo. */
const PEER_YEARS = [1990, 2100] as const;

/** Refuses what no analysis can use, naming the option: all problems of one call at once would need a list, the first is enough to fix. */
function checkOptions(o: AnalyzeOptions): void {
  if (o.lang !== undefined && o.lang !== 'en' && o.lang !== 'zh') throw new AnalyzeOptionError('lang', `"${String(o.lang)}" is not a language of the reports. Use en or zh.`);
  if (o.jobs !== undefined && o.jobs !== 'auto' && !(Number.isInteger(o.jobs) && o.jobs >= 1)) throw new AnalyzeOptionError('jobs', `${String(o.jobs)} is not a thread count. Use a whole number ≥ 1, or 'auto'.`);
  if (o.peerYear !== undefined && !(Number.isInteger(o.peerYear) && o.peerYear >= PEER_YEARS[0] && o.peerYear <= PEER_YEARS[1])) {
    throw new AnalyzeOptionError('peerYear', `${String(o.peerYear)} is not a year between ${PEER_YEARS[0]} and ${PEER_YEARS[1]}.`);
  }
}

/** Analyses inputs (paths, directories, or in-memory documents) into a report. */
export async function analyze(inputs: readonly AnalyzeInput[], options: AnalyzeOptions = {}): Promise<Report> {
  const started = performance.now();
  checkOptions(options);
  const gatewayTz = tzOption('logTz', options.logTz);
  const peerTz = tzOption('peerTz', options.peerTz) ?? parseZone('local')!;
  const loaded = options.rules ? { rules: options.rules, problems: [] } : await loadRules(options.rulesDirs ?? [], options.builtinRules ?? true);
  const ruleProblems = loaded.problems;
  const rules = withoutDisabled(loaded.rules, options.disabledRules ?? []);
  const run = new AnalysisRun({
    evaluator: new RuleEvaluator(rules),
    rules,
    ...(gatewayTz !== undefined ? { gatewayTzMinutes: gatewayTz.minutes } : {}),
    ...(gatewayTz?.name ? { gatewayZone: gatewayTz.name } : {}),
    peerTzMinutes: peerTz.minutes,
    ...(options.peerTz === undefined ? { peerTzAssumed: true } : {}),
    ...(peerTz.name ? { peerZone: peerTz.name } : {}),
    ...(options.peerYear ? { peerYear: options.peerYear } : {}),
    lang: options.lang ?? 'en',
    explain: options.explain ?? false,
    version: VERSION,
    now: options.now ?? new Date(),
    ...(options.onDocument ? { onDocument: options.onDocument } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  for (const p of ruleProblems) run.problems.add({ source: p.file, ...(p.line ? { line: p.line } : {}), code: p.code, message: p.message });
  for (const p of options.extraProblems ?? []) run.problems.add(p);
  const auto = options.jobs === 'auto';
  const jobs = auto ? availableParallelism() : Math.max(1, Math.floor(Number(options.jobs ?? 1)) || 1);
  // Inputs are read in their order whatever the thread count (what a subject keeps first and last
  // depends on it): big logs in a row are read together on threads, and an input that is not for
  // threads (a small or compressed log, an API response) waits until those before it are read.
  const pending: Parameters<AnalysisRun['readParallel']>[0] = [];
  const readPending = async (): Promise<void> => {
    const docs = pending.splice(0);
    if (docs.length === 0) return;
    if (auto && docs.length === 1) return run.read(docs[0]!);
    options.onWorkerThreads?.(jobs);
    await run.readParallel(docs, jobs, !auto);
  };
  for await (const doc of readInputs(inputs)) {
    if (run.wantsParallel(doc, jobs, auto ? AUTO_PARALLEL_MIN_BYTES : undefined)) pending.push(doc);
    else {
      await readPending();
      await run.read(doc);
    }
  }
  await readPending();
  return run.finish(() => performance.now() - started);
}
