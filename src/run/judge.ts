// Judgement, the second half of a run: each subject's facts (facts/) → matched rules (rules/) →
// ranked findings (report/) → the report, its secrets scrubbed. Reads subjects only through their
// facts; never touches what ingest read them from.
import type { Episode, Finding, Report, Subject, SubjectStatus, TimelineEntry } from '../types.js';
import { computeFacts, type SubjectFacts } from '../facts/facts.js';
import { foldEpisodes, hasEarlierEpisodes } from '../facts/episode-fold.js';
import { summarizeSubject, type SubjectSummary } from '../facts/summary.js';
import { deviceClockShift } from '../facts/clock-skew.js';
import type { ObservedSubject } from '../facts/correlate.js';
import type { RuleEvaluator } from '../rules/engine.js';
import type { LoadedRule } from '../rules/load.js';
import { buildFinding } from '../report/finding.js';
import { mergeSameCause, rankFindings } from '../report/rank.js';
import type { Lang } from '../report/template.js';
import { scrubReport } from '../report/scrub.js';
import { compareText } from '../compare.js';
import { locate } from '../errors.js';
import type { Ingest } from './ingest.js';
import type { RunSettings } from './settings.js';

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
async function judgeFacts(facts: SubjectFacts, judgeWith: Judge, lang: Lang, explain: boolean): Promise<{ findings: Finding[]; status: SubjectStatus }> {
  const matches = await judgeWith.evaluator.evaluate(facts);
  const built = matches.map((m) => ({ finding: buildFinding(m, facts, lang, explain), suppresses: m.loaded.rule.suppresses }));
  const findings = mergeSameCause(rankFindings(built));
  noteOverruledCode(findings, lang);
  const summary = summarizeSubject(facts);
  return { findings, status: statusOf(findings, summary, facts.values['phase2Established'] === true && facts.values['establishedAfterLastFailure'] === true) };
}

/** Episodes that ended the same way read as one: same status, same causes in the same order. */
const outcomeKey = (j: { findings: Finding[]; status: SubjectStatus }): string =>
  `${j.status}:${j.findings.filter((f) => f.severity !== 'info').map((f) => f.cause).join(',')}`;

/** Judges a subject's earlier episodes (facts/episode-fold.ts) with the same judge as the subject. */
async function judgeEarlier(subject: ObservedSubject, judgeWith: Judge, lang: Lang, explain: boolean): Promise<{ episodes: Episode[]; timeline: TimelineEntry[]; folded: number }> {
  const out = await foldEpisodes(
    subject,
    (facts) => judgeFacts(facts, judgeWith, lang, explain),
    outcomeKey,
    (r) => r.findings.some((f) => f.severity !== 'info'),
  );
  return { episodes: out.episodes.map((e) => ({ from: e.from, to: e.to, status: e.result.status, findings: e.result.findings })), timeline: out.timeline, folded: out.folded };
}

export async function judge(ingest: Ingest, judgeWith: Judge, settings: RunSettings, durationMs: () => number): Promise<Report> {
  ingest.flushSourceLogs();
  ingest.flushDeviceConfigs();
  const { lang, explain } = settings;
  const subjects: Subject[] = [];
  const observed: (ObservedSubject | undefined)[] = ingest.index.finish();
  for (let i = 0; i < observed.length; i++) {
    const observedSubject = observed[i]!;
    const earlier = hasEarlierEpisodes(observedSubject) ? await judgeEarlier(observedSubject, judgeWith, lang, explain) : undefined;
    const facts = computeFacts(observedSubject);
    // Dropped as soon as its subject is built: the evidence it holds is quoted by now.
    observed[i] = undefined;
    const { findings, status } = await judgeFacts(facts, judgeWith, lang, explain);
    const summary = summarizeSubject(facts);
    const ids = facts.subject;
    const timeline = earlier && earlier.episodes.length > 0 ? [...earlier.timeline, ...summary.timeline] : summary.timeline;
    const subject: Subject = { id: ids.id, vpnConnectionId: ids.vpnConnectionId, tunnelId: ids.tunnelId, vpnGatewayId: ids.vpnGatewayId, status, findings, timeline };
    const folded = summary.timelineFolded + (earlier?.folded ?? 0);
    if (folded > 0) subject.timelineFolded = folded;
    if (summary.endpoints) subject.endpoints = summary.endpoints;
    if (earlier && earlier.episodes.length > 0) subject.episodes = earlier.episodes;
    subjects.push(subject);
  }
  for (const [id, why] of judgeWith.evaluator.failed) {
    const file = judgeWith.rules.find((r) => r.rule.id === id)?.file ?? id;
    ingest.problems.add({ source: file, code: 'E_RULE_RUNTIME', message: locate(file, 1, `rule "${id}" could not run (${why}) and was left out`, 'Check it with `ipsec-doctor rules test`.') });
  }
  // Device events that line up with the gateway's only once shifted by whole quarter hours: the
  // device log was read in the wrong zone. Said once, with the zone that lines them up.
  for (const s of subjects) {
    const skew = deviceClockShift(s.timeline);
    if (!skew) continue;
    ingest.policy.noteDeviceClock(skew.minutes, skew.matched, s.id);
    break;
  }
  subjects.sort((a, b) => compareText(a.id, b.id));
  const report: Report = {
    schemaVersion: 1,
    tool: { name: 'ipsec-doctor', version: settings.version },
    generatedAt: settings.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    inputs: ingest.inputs,
    subjects,
    problems: ingest.problems.list(),
    stats: { lines: ingest.stats.lines, parsed: ingest.stats.parsed, unparsed: ingest.stats.unparsed, subjects: subjects.length, durationMs: Math.round(durationMs()) },
  };
  const assumptions = ingest.policy.assumptions();
  if (assumptions.length > 0) report.assumptions = assumptions;
  return scrubReport(report, ingest.secretValues);
}
