// Public API of ipsec-doctor: analyse exported files or in-memory API responses into a ranked
// report, load and test rule files, render reports. Named exports only.
import type { LiveDiagnosisHooks, LiveDiagnosisOptions, LiveDiagnosisResult } from './sources/alicloud/types.js';

export type { AnalyzeInput } from './sources/files/read-inputs.js';
export { totalInputBytes } from './sources/files/read-inputs.js';
export type * from './types.js';
export type { RuleFile, RuleCase } from './rules/schema.js';
export type { LoadedRule, RuleProblem } from './rules/load.js';
export { VERSION } from './version.js';
export { renderText, type TextOptions } from './report/render/text.js';
export { renderJson, renderJsonChunks, JsonReportStream } from './report/render/json.js';
export { renderMarkdown, type MarkdownOptions } from './report/render/markdown.js';
export { renderHtml, type HtmlOptions } from './report/render/html.js';
export { redactReport, type RedactOptions } from './report/redact.js';
export type { LiveDiagnosisOptions, LiveDiagnosisHooks, LiveDiagnosisResult } from './sources/alicloud/types.js';
export { runRuleCases, type CaseResult } from './rules/cases.js';
export { analyze } from './run/analyze.js';
export { AnalyzeOptionError, type AnalyzeOptions, type ReportHead, type SubjectSink } from './run/options.js';
export { loadRules, type LoadRulesResult } from './run/load-rules.js';
export { check, checkRun, type CheckOptions } from './run/check.js';
export { checkExitCode, type CheckRun } from './check/check.js';
export { applyModify } from './check/apply-modify.js';
export type { ConfigFile, DeviceConnection, DeviceChange, DeviceEdit } from './check/device-model.js';

/**
 * Asks the Alibaba Cloud API for everything `analyze` reads (describe, DiagnoseVpnConnections,
 * logs, gateway diagnosis), as `ipsec-doctor diagnose` does; feed `result.documents` to analyze.
 * The API client loads only when this is called.
 */
export async function collectLiveDiagnosis(options: LiveDiagnosisOptions, hooks: LiveDiagnosisHooks = {}): Promise<LiveDiagnosisResult> {
  const { collectLiveDiagnosis: collect } = await import('./sources/alicloud/collect.js');
  return collect(options, hooks);
}
