// What a caller of `analyze` may set (the library's options, which the CLI's flags map to in
// cli/report-options.ts), and the error a bad option raises. Resolved once into RunSettings
// (settings.ts): nothing below the run reads these raw values.
import type { InputSummary, Problem, Report, Subject } from '../types.js';
import type { LoadedRule } from '../rules/load.js';
import type { Lang } from '../report/template.js';

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
  /**
   * Gateway subjects kept open while reading (default 512). Beyond them the least recently fed is
   * sealed: judged at once, its judgement written to a temporary file, and reopened exactly as it
   * was if its connection logs again. Memory then stays flat however many connections an export
   * holds, with the same report. A single input document that can be read again keeps no copy of
   * a sealed subject: when one comes back, the run reads it again from the start, keeping copies
   * (several documents, or a stream, keep them always); once more subjects than the budget came
   * one after another with none back, it also seals every subject that 16 others followed. Runs
   * with device logs, API documents or configurations keep every subject open (they join subjects
   * across the run).
   */
  openSubjects?: number;
  /** Fixed clock for `generatedAt` (tests, reproducible reports). */
  now?: Date;
  /** Each input document read in full. A run that reads its inputs again calls it again for them. */
  onDocument?(source: string, bytes: number): void;
  /** Progress while logs are read (bytes and lines so far), every few thousand lines; from zero again when the run reads its inputs again. */
  onProgress?(progress: { bytes: number; lines: number }): void;
  /**
   * Called once before logs are read on worker threads, with the number of threads (this one
   * included). The CLI lifts its process-wide young-generation cap then (cli/heap-policy.ts).
   */
  onWorkerThreads?(threads: number): void;
  /**
   * Called once when the run seals its first subject (more gateway connections than `openSubjects`):
   * what it holds is bounded from then on. The CLI lets its young generation grow to 16 MB then
   * (cli/heap-policy.ts).
   */
  onSealing?(): void;
  /**
   * Takes the subjects one at a time, in the report's order, as they are judged, instead of
   * collecting them in `report.subjects` (which is then empty; `stats.subjects` counts them): a
   * fleet's report is never whole in memory. Inputs with device logs are collected all the same (a
   * device clock found off may have the run read them again), and so is a run with no subject.
   */
  subjectSink?: SubjectSink;
}

/** What is known of the report when judging starts. */
export interface ReportHead {
  schemaVersion: Report['schemaVersion'];
  tool: Report['tool'];
  generatedAt: string;
  inputs: InputSummary[];
  /** How many subjects will follow. */
  subjects: number;
  /** Problems found so far (reading the inputs, loading the rules). */
  problems: readonly Problem[];
}

export interface SubjectSink {
  /** Before the first subject; false has them collected in the report instead. */
  begin(head: ReportHead): boolean | Promise<boolean>;
  /** Each subject, scrubbed of secrets, in the report's order (by id). */
  subject(subject: Subject): void | Promise<void>;
  /**
   * A subject judged earlier (sealed), as the JSON report's `subjects` array holds it: UTF-8, every
   * line indented by four spaces, without the comma or line end after it (renderJsonChunks' text).
   * The bytes are valid until the call returns (or its promise settles): copy what is kept. Without
   * this method it is parsed and handed to `subject`.
   */
  subjectJson?(item: Uint8Array): void | Promise<void>;
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

