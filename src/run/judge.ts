// Judgement, the second half of a run: each subject's facts (facts/) → matched rules (rules/) →
// ranked findings (report/) → the report, its secrets scrubbed. Reads subjects only through their
// facts; never touches what ingest read them from.
import type { Episode, Finding, Report, Subject, SubjectStatus, TimelineEntry } from '../types.js';
import { computeFacts, type SubjectFacts } from '../facts/facts.js';
import { foldEpisodes, hasEarlierEpisodes } from '../facts/episode-fold.js';
import { summarizeSubject, type SubjectSummary } from '../facts/summary.js';
import { deviceClockShift } from '../facts/clock-skew.js';
import { subjectIdOf, type ObservedSubject } from '../facts/correlate.js';
import type { RuleEvaluator } from '../rules/engine.js';
import type { LoadedRule } from '../rules/load.js';
import { buildFinding } from '../report/finding.js';
import { mergeSameCause, rankFindings } from '../report/rank.js';
import type { Lang } from '../report/template.js';
import { scrubReportRest, scrubSubject, secretList } from '../report/scrub.js';
import { subjectItemBytes } from '../report/render/json.js';
import { compareText } from '../compare.js';
import { locate } from '../errors.js';
import type { Ingest } from './ingest.js';
import type { RunSettings } from './settings.js';
import type { SubjectSink } from './options.js';

/** The rules a run judges with, and the evaluator that runs them (gated, memoised: rules/engine.ts). */
export interface Judge {
  rules: readonly LoadedRule[];
  evaluator: Pick<RuleEvaluator, 'evaluate' | 'failed'>;
}

function statusOf(findings: readonly Finding[], summary: SubjectSummary, established: boolean): SubjectStatus {
  const top = findings.filter((f) => f.severity !== 'info');
  if (top.some((f) => f.severity === 'critical' || f.severity === 'high')) return 'failing';
  if (top.length > 0) return 'degraded';
  return established || summary.checksNormal || summary.apiNormal ? 'healthy' : 'unknown';
}

/**
 * Evidence beats labels: when the top finding is not the one Alibaba's FailedReasonCode maps to,
 * say so in its summary so the reader sees both.
 */
function noteOverruledCode(findings: Finding[], lang: Lang): void {
  const top = findings[0];
  const api = findings.find((f) => f.ruleId.startsWith('api-') || f.related?.some((r) => r.startsWith('api-')));
  if (!top || !api || api === top || api.cause === top.cause) return;
  const code = /^FailedReasonCode (\w+)/.exec(api.evidence.find((e) => e.pointer?.endsWith('/FailedReasonCode'))?.text ?? '')?.[1] ?? api.ruleId;
  top.summary +=
    lang === 'zh'
      ? ` 阿里云诊断返回 ${code}（指向 ${api.cause}），但上述证据更具体，排名更高。`
      : ` Alibaba's diagnosis reported ${code}, which points to ${api.cause}; the evidence here is more specific and ranks higher.`;
}

/** One episode's (or a whole subject's) findings, ranked, and the status they give it. */
async function judgeFacts(facts: SubjectFacts, judgeWith: Judge, lang: Lang, explain: boolean): Promise<{ findings: Finding[]; status: SubjectStatus; summary: SubjectSummary }> {
  const all = await judgeWith.evaluator.evaluate(facts);
  // Fallback rules speak only when nothing more specific did.
  const specific = all.filter((m) => !m.loaded.rule.fallback);
  const matches = specific.some((m) => m.loaded.rule.severity !== 'info') ? specific : all;
  const built = matches.map((m) => ({ finding: buildFinding(m, facts, lang, explain), suppresses: m.loaded.rule.suppresses }));
  const findings = mergeSameCause(rankFindings(built));
  noteOverruledCode(findings, lang);
  // Kept with the result: the subject's report is built from the same summary (its timeline sorted once).
  const summary = summarizeSubject(facts);
  return { findings, status: statusOf(findings, summary, facts.values['phase2Established'] === true && facts.values['establishedAfterLastFailure'] === true), summary };
}

/** Episodes that ended the same way read as one: same status, same causes in the same order. */
const outcomeKey = (j: { findings: Finding[]; status: SubjectStatus }): string =>
  `${j.status}:${j.findings.filter((f) => f.severity !== 'info').map((f) => f.cause).join(',')}`;

/** Judges a subject's earlier episodes (facts/episode-fold.ts) with the same judge as the subject. */
async function judgeEarlier(subject: ObservedSubject, judgeWith: Judge, lang: Lang, explain: boolean): Promise<{ episodes: Episode[]; timeline: TimelineEntry[]; folded: number; current?: { facts: SubjectFacts; result: { findings: Finding[]; status: SubjectStatus; summary: SubjectSummary } } }> {
  const out = await foldEpisodes(
    subject,
    (facts) => judgeFacts(facts, judgeWith, lang, explain),
    outcomeKey,
    (r) => r.findings.some((f) => f.severity !== 'info'),
  );
  return { episodes: out.episodes.map((e) => ({ from: e.from, to: e.to, status: e.result.status, findings: e.result.findings })), timeline: out.timeline, folded: out.folded, ...(out.current ? { current: out.current } : {}) };
}

/** One subject judged: its earlier episodes, then what it shows now. */
async function judgeSubject(observed: ObservedSubject, judgeWith: Judge, lang: Lang, explain: boolean): Promise<Subject> {
  const earlier = hasEarlierEpisodes(observed) ? await judgeEarlier(observed, judgeWith, lang, explain) : undefined;
  const facts = earlier?.current?.facts ?? computeFacts(observed);
  const { findings, status, summary } = earlier?.current?.result ?? (await judgeFacts(facts, judgeWith, lang, explain));
  const ids = facts.subject;
  const timeline = earlier && earlier.episodes.length > 0 ? [...earlier.timeline, ...summary.timeline] : summary.timeline;
  const subject: Subject = { id: ids.id, vpnConnectionId: ids.vpnConnectionId, tunnelId: ids.tunnelId, vpnGatewayId: ids.vpnGatewayId, status, findings, timeline };
  const folded = summary.timelineFolded + (earlier?.folded ?? 0);
  if (folded > 0) subject.timelineFolded = folded;
  if (summary.endpoints) subject.endpoints = summary.endpoints;
  if (earlier && earlier.episodes.length > 0) subject.episodes = earlier.episodes;
  return subject;
}

/**
 * How a sealed subject is judged while the run reads on (run/ingest.ts): the same judgement,
 * scrubbed, kept as the JSON text the report writes for it. Scrubbed with no secret values: a run
 * seals only while no input has carried any (an input that does reopens every sealed subject).
 */
export function sealJudge(judgeWith: Judge, settings: RunSettings): (subject: ObservedSubject) => Promise<Uint8Array> {
  return async (observed) => {
    const subject = await judgeSubject(observed, judgeWith, settings.lang, settings.explain);
    scrubSubject(subject, []);
    return subjectItemBytes(subject);
  };
}

/**
 * Judges every subject into the report. With a sink that takes them, each subject goes to it
 * scrubbed, in the report's order, as soon as it is judged, and the report returned holds none.
 */
export async function judge(ingest: Ingest, judgeWith: Judge, settings: RunSettings, durationMs: () => number, sink?: SubjectSink): Promise<Report> {
  await ingest.judgeSeals();
  ingest.flushApiLogs();
  // Before the SourceLog lines: a diagnosis always quotes a line it has, which is no news.
  ingest.noteRepeatedLines();
  ingest.flushSourceLogs();
  ingest.flushDeviceConfigs();
  // The API exports' lines, read just now, may have sealed subjects (a logs-only export of a fleet).
  await ingest.judgeSeals();
  const { lang, explain } = settings;
  // Device lines may show the device clock off, and the run then reads the inputs again: such
  // runs collect their subjects. Known before the index joins device sessions to subjects.
  const deviceLines = ingest.index.hasDeviceLines;
  // The open subjects, then those sealed while reading (judged then, read back here).
  // Subject i < open.length is open[i]; the others are sealed.ids[i - open.length].
  const open: (ObservedSubject | undefined)[] = ingest.index.finish();
  const sealed = ingest.index.takeSealed();
  const count = open.length + sealed.ids.length;
  const ids = [...open.map((o) => subjectIdOf(o!)), ...sealed.ids];
  const head = { schemaVersion: 1 as const, tool: { name: 'ipsec-doctor' as const, version: settings.version }, generatedAt: settings.now.toISOString().replace(/\.\d{3}Z$/, 'Z'), inputs: ingest.inputs };
  const streamed = sink !== undefined && !deviceLines && count > 0 && (await sink.begin({ ...head, subjects: count, problems: ingest.problems.list() }));
  // Streamed subjects go out in the report's order; collected ones are sorted at the end (the same
  // order: the sort is stable and ids are compared the same way).
  const order = Array.from({ length: count }, (_, i) => i);
  if (streamed) order.sort((a, b) => compareText(ids[a]!, ids[b]!));
  const secrets = secretList(ingest.secretValues);
  const subjects: Subject[] = [];
  let clockNoted = false;
  const decoder = new TextDecoder();
  for (const i of order) {
    if (i >= open.length) {
      // Judged and scrubbed when it was sealed: its JSON text goes out as it is.
      const bytes = sealed.read(i - open.length);
      if (streamed && sink.subjectJson) await sink.subjectJson(bytes);
      else if (streamed) await sink.subject(JSON.parse(decoder.decode(bytes)) as Subject);
      else subjects.push(JSON.parse(decoder.decode(bytes)) as Subject);
      continue;
    }
    // Dropped as soon as its subject is built: the evidence it holds is quoted by now.
    const observedSubject = open[i]!;
    open[i] = undefined;
    const subject = await judgeSubject(observedSubject, judgeWith, lang, explain);
    // Device events that line up with the gateway's only once shifted by whole quarter hours: the
    // device log was read in the wrong zone. Said once, with the zone that lines them up.
    if (!clockNoted && deviceLines) {
      const skew = deviceClockShift(subject.timeline);
      if (skew) {
        ingest.policy.noteDeviceClock(skew.minutes, skew.matched, subject.id);
        clockNoted = true;
      }
    }
    scrubSubject(subject, secrets);
    if (streamed) await sink.subject(subject);
    else subjects.push(subject);
  }
  for (const [id, why] of judgeWith.evaluator.failed) {
    const file = judgeWith.rules.find((r) => r.rule.id === id)?.file ?? id;
    ingest.problems.add({ source: file, code: 'E_RULE_RUNTIME', message: locate(file, 1, `rule "${id}" could not run (${why}) and was left out`, 'Check it with `ipsec-doctor rules test`.') });
  }
  subjects.sort((a, b) => compareText(a.id, b.id));
  const report: Report = {
    ...head,
    subjects,
    problems: ingest.problems.list(),
    stats: { lines: ingest.stats.lines, parsed: ingest.stats.parsed, unparsed: ingest.stats.unparsed, subjects: count, durationMs: Math.round(durationMs()) },
  };
  const assumptions = ingest.policy.assumptions();
  if (assumptions.length > 0) report.assumptions = assumptions;
  // Every subject is scrubbed by now (above, or when it was sealed): the rest of the report.
  return scrubReportRest(report, secrets);
}
