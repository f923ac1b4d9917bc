// One analysis run, in pipeline order: settings resolved once → the inputs' heads read → the read
// policy decided → every input ingested (in order; big gateway logs on threads) → judged into the
// report. The library's `analyze` and the CLI's `analyze`/`diagnose` all come through here.
import type { Report } from '../types.js';
import { readInputs, type AnalyzeInput } from '../sources/files/read-inputs.js';
import { readHeads } from '../sources/files/heads.js';
import { createDialects } from '../parse/registry.js';
import { RuleEvaluator } from '../rules/engine.js';
import type { AnalyzeOptions, SubjectSink } from './options.js';
import { resolveSettings, type RunSettings } from './settings.js';
import { ReadPolicy } from './read-policy.js';
import { Ingest } from './ingest.js';
import { Scheduler } from './schedule.js';
import { judge, sealJudge, type Judge } from './judge.js';
import { SpillFile } from '../sources/files/spill-file.js';
import { SealedSubjectGone } from '../facts/seal-store.js';
import { loadRules, withoutDisabled } from './load-rules.js';
import type { Problem } from '../types.js';
import { formatZone } from '../parse/timezone.js';

/** What a run reports besides its reading: problems found before it (rule files, API calls). */
export interface RunExtras {
  problems?: readonly Problem[];
  /** When the run began (performance.now()), for `stats.durationMs`: by default, when this call did. */
  startedAt?: number;
  onWorkerThreads?(threads: number): void;
  onSealing?(): void;
  /** Keep sealed subjects' observations (set when a run read its inputs again after losing the bet). */
  keepSealedObservations?: boolean;
  onDocument?(source: string, bytes: number): void;
  onProgress?(progress: { bytes: number; lines: number }): void;
  subjectSink?: SubjectSink;
}

/** Reads and judges `inputs` with settings and rules already decided (tests inject an evaluator here). */
export async function runAnalysis(inputs: readonly AnalyzeInput[], settings: RunSettings, judgeWith: Judge, extras: RunExtras = {}): Promise<Report> {
  const started = extras.startedAt ?? performance.now();
  const dialects = createDialects();
  // Decided before any input is read in full: the same for every order of the inputs and every thread count.
  const { heads, inputs: toRead } = await readHeads(inputs);
  const policy = ReadPolicy.fromHeads(settings, heads, dialects.find((d) => d.side === 'cloud')!);
  const store = new LazyStore(extras.onSealing);
  // One document that can be read again lets the run bet that no sealed subject is fed again, and
  // keep no observations of them (facts/seal-store.ts): serialising each sealed subject was 7 % of a
  // fleet export's run, and a region's export is grouped by connection. Several documents (days of
  // one region, a device log beside it) may well name the same connections again: no bet.
  const keepObservations = extras.keepSealedObservations ?? !(heads.length === 1 && canReadAgain(inputs));
  const seals = { open: settings.openSubjects, openStore: () => store.open(), judge: sealJudge(judgeWith, settings), keepObservations };
  const ingest = new Ingest(policy, dialects, { ...(extras.onDocument ? { onDocument: extras.onDocument } : {}), ...(extras.onProgress ? { onProgress: extras.onProgress } : {}) }, seals);
  // A log file and an API export of the same minutes hold the same lines: the export's count once.
  if (heads.length > 1 && heads.some((h) => /^\s*(?:\{|\[\s*[{"\]])/.test(h.text))) ingest.index.countRepeatsOnce();
  try {
    return await readAndJudge(inputs, toRead, ingest, settings, judgeWith, extras, started);
  } catch (e) {
    if (!(e instanceof SealedSubjectGone)) throw e;
  } finally {
    store.close();
  }
  // The bet is lost before anything is reported (subjects are judged into the report only once every
  // input is read): the inputs are read again, observations kept, for the same report.
  return runAnalysis(inputs, settings, judgeWith, { ...extras, startedAt: started, keepSealedObservations: true });
}

/** Whether every input can be read a second time (files, directories, documents in memory; not streams). */
const canReadAgain = (inputs: readonly AnalyzeInput[]): boolean => inputs.every((i) => typeof i === 'string' || !('stream' in i));

/** The temporary file of sealed subjects, opened when the first subject is sealed. */
class LazyStore {
  private file: SpillFile | undefined;
  constructor(private readonly onOpen?: () => void) {}
  open(): SpillFile | undefined {
    if (!this.file) {
      this.file = SpillFile.open();
      if (this.file) this.onOpen?.();
    }
    return this.file;
  }
  close(): void {
    this.file?.close();
  }
}

async function readAndJudge(inputs: readonly AnalyzeInput[], toRead: Parameters<typeof readInputs>[0], ingest: Ingest, settings: RunSettings, judgeWith: Judge, extras: RunExtras, started: number): Promise<Report> {
  for (const p of extras.problems ?? []) ingest.problems.add(p);
  const scheduler = new Scheduler(ingest, settings, extras.onWorkerThreads);
  for await (const doc of readInputs(toRead)) await scheduler.take(doc);
  await scheduler.flush();
  const report = await judge(ingest, judgeWith, settings, () => performance.now() - started, extras.subjectSink);
  // The device log lined up with the gateway's only once shifted, and nobody said its zone: the
  // shift is the error of the zone assumed. Read it again in the zone that lines it up (inputs that
  // can be read twice only: a stream is gone), so times, episodes and the timeline agree.
  const clock = ingest.policy.deviceClock;
  if (clock && !settings.peerTzGiven && !settings.peerTzInferred && canReadAgain(inputs)) {
    const retimed: RunSettings = {
      ...settings,
      peerTz: { minutes: settings.peerTz.minutes - clock.minutes },
      peerTzInferred: { readFirst: formatZone(settings.peerTz, settings.lang), ...clock },
    };
    return runAnalysis(inputs, retimed, judgeWith, { ...extras, startedAt: started });
  }
  return report;
}

/** Analyses inputs (paths, directories, or in-memory documents) into a report. */
export async function analyze(inputs: readonly AnalyzeInput[], options: AnalyzeOptions = {}): Promise<Report> {
  const startedAt = performance.now();
  const settings = resolveSettings(options);
  const loaded = options.rules ? { rules: options.rules, problems: [] } : await loadRules(options.rulesDirs ?? [], options.builtinRules ?? true);
  const rules = withoutDisabled(loaded.rules, options.disabledRules ?? []);
  const problems: Problem[] = loaded.problems.map((p) => ({ source: p.file, ...(p.line ? { line: p.line } : {}), code: p.code, message: p.message }));
  for (const p of options.extraProblems ?? []) problems.push(p);
  return runAnalysis(inputs, settings, { rules, evaluator: new RuleEvaluator(rules) }, {
    problems,
    startedAt,
    ...(options.onWorkerThreads ? { onWorkerThreads: options.onWorkerThreads } : {}),
    ...(options.onSealing ? { onSealing: options.onSealing } : {}),
    ...(options.onDocument ? { onDocument: options.onDocument } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.subjectSink ? { subjectSink: options.subjectSink } : {}),
  });
}
