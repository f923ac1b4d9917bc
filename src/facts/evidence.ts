// Evidence a finding quotes, collected from one subject's observations by the rule's evidence
// plan: API diagnoses, gateway checks, the diff's own lines, the first and latest occurrence of
// each listed event, messages matching the rule's patterns — and, when none of those exist, the
// first thing the subject has, so every finding points back into an input.
import type { Evidence } from '../types.js';
import type { SubjectFacts } from './facts.js';
import { compareText } from '../compare.js';
import { reportTime } from './report-time.js';

const EVIDENCE_CAP = 10;

/** What a rule asks to quote (rules/schema.ts `evidence` and `diff`), patterns already compiled. */
export interface EvidencePlan {
  api: boolean;
  checks: readonly string[];
  diff: readonly string[];
  events: readonly string[];
  /** Per event type, which occurrences the rule is about (a notify's types): only those are quoted. */
  eventFilter?: ReadonlyMap<string, (vars: Record<string, string>) => boolean>;
  messages: readonly { test(text: string): boolean }[];
}

function evidenceKey(e: Evidence): string {
  return `${e.source}|${e.line ?? ''}|${e.pointer ?? ''}`;
}

export function collectEvidence(s: SubjectFacts, plan: EvidencePlan): Evidence[] {
  const acc = s.acc;
  const out: Evidence[] = [];
  const seen = new Set<string>();
  const push = (e: Evidence): void => {
    const k = evidenceKey(e);
    if (seen.has(k) || out.length >= EVIDENCE_CAP) return;
    seen.add(k);
    out.push(e);
  };
  if (plan.api) {
    for (const d of acc.diagnoses) {
      if (!d.failedReasonCode) continue;
      const e: Evidence = { source: d.source, pointer: `${d.pointer}/FailedReasonCode`, side: 'cloud', text: `FailedReasonCode ${d.failedReasonCode}${d.failedReason ? ` (${d.failedReason})` : ''}` };
      if (d.failedTimeMs) e.time = reportTime(d.failedTimeMs);
      push(e);
    }
  }
  for (const name of plan.checks) {
    const c = acc.checks.get(name);
    if (c) push({ source: c.source, pointer: c.pointer, side: 'cloud', text: `${c.name}: ${c.level} ${c.rawDescription}` });
  }
  for (const d of s.diffs) if (plan.diff.includes(d.parameter)) d.evidence.forEach(push);
  // Each listed event quoted by its first and its latest occurrence: variety proves more than
  // repeats (the counts are in the summary and the timeline).
  const perType = plan.events.map((type) => acc.store.evidenceEnds(type, plan.eventFilter?.get(type)));
  for (const list of perType) if (list[0]) push(list[0]);
  for (const list of perType) if (list.length > 1) push(list.at(-1)!);
  for (const re of plan.messages) {
    for (const side of ['cloud', 'peer'] as const) for (const [msg, e] of acc.messages[side]) if (re.test(msg)) push(e);
  }
  if (out.length === 0) {
    // Every finding points back into an input: fall back to what the subject has.
    for (const d of acc.diagnoses) push({ source: d.source, pointer: d.pointer, side: 'cloud', text: d.failedReasonCode ?? 'diagnosis' });
    for (const c of acc.checks.values()) push({ source: c.source, pointer: c.pointer, side: 'cloud', text: `${c.name}: ${c.level}` });
    const first = acc.timeline.entries().find((t) => t.source);
    if (first?.source) push({ source: first.source, line: first.line ?? 1, side: first.side, text: first.text, ...(first.time ? { time: first.time } : {}) });
    // A subject whose lines made no timeline entry (a damaged log: nothing but chatter) still
    // has the lines themselves.
    if (out.length === 0 && acc.firstLine) push(acc.firstLine);
  }
  return out.sort((a, b) => compareText(a.time ?? '', b.time ?? ''));
}
