// What the report shows of a subject besides its findings, read from its observations once the
// rules have run: ids, the timeline, the two ends' addresses, and whether the API's own checks
// and diagnoses call it healthy (run/judge.ts decides the status from these and the findings).
import type { Subject, TimelineEntry } from '../types.js';
import { gatewayAddressOf, type SubjectFacts } from './facts.js';
import { SubjectAccumulator } from './subject.js';
import { eventVar } from './dynamic.js';

export interface SubjectSummary {
  timeline: TimelineEntry[];
  timelineFolded: number;
  endpoints?: NonNullable<Subject['endpoints']>;
  /** Every gateway check of the subject is `normal` (and there is one). */
  checksNormal: boolean;
  /** Every API diagnosis of the subject is Normal or has no code (and there is one). */
  apiNormal: boolean;
}

export function summarizeSubject(s: SubjectFacts): SubjectSummary {
  const acc = s.acc;
  const cloud = gatewayAddressOf(acc);
  const peer = SubjectAccumulator.top(acc.deviceIps);
  return {
    timeline: acc.timeline.entries(),
    timelineFolded: acc.timeline.folded,
    ...(cloud || peer ? { endpoints: { ...(cloud ? { cloud } : {}), ...(peer ? { peer } : {}) } } : {}),
    checksNormal: acc.checks.size > 0 && [...acc.checks.values()].every((c) => c.level === 'normal'),
    apiNormal: acc.diagnoses.length > 0 && acc.diagnoses.every((d) => !d.failedReasonCode || d.severity === 'Normal'),
  };
}

/** The latest value of an event's variable, the gateway's first (a placeholder `{{event.type.var}}`). */
export function lastEventVar(s: SubjectFacts, type: string, name: string): string | undefined {
  const v = eventVar(s, { type, var: name });
  return v === null || v === undefined ? undefined : String(v);
}
