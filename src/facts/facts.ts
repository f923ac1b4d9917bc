// Computes the facts rules read (src/facts/catalog.ts) from one subject's accumulated observations.
import type { Side } from '../types.js';
import type { SubjectAccumulator } from './subject.js';
import { cloudRole, deriveDiffs, type DerivedDiff } from './diff.js';

const FAILURE_EVENTS = [
  'p1-timeout', 'p1-failed', 'p2-timeout', 'p2-failed', 'p2-wait-p1-timeout', 'no-proposal', 'p1-rejected', 'pfs-mismatch',
  'lifetime-mismatch', 'trns-mismatch', 'authtype-mismatch', 'selector-not-found', 'auth-failed', 'decrypt-failed',
  'payload-invalid', 'unknown-ikev2-peer', 'dpd-dead', 'ts-unacceptable', 'no-config', 'retransmit-limit', 'id-mismatch',
];

/** The fact values of one subject, plus the derived diffs the report quotes. */
export interface SubjectFacts {
  values: Record<string, unknown>;
  diffs: DerivedDiff[];
  acc: SubjectAccumulator;
}

function latestTime(acc: SubjectAccumulator, types: string[]): number | undefined {
  let t: number | undefined;
  for (const s of ['cloud', 'peer'] as Side[]) {
    for (const type of types) {
      const x = acc.store.get(s, type)?.lastMs;
      if (x !== undefined && (t === undefined || x > t)) t = x;
    }
  }
  return t;
}

export function computeFacts(acc: SubjectAccumulator): SubjectFacts {
  const count = (type: string, side?: Side): number => acc.store.count(type, side);
  const role = cloudRole(acc);
  const diffs = deriveDiffs(acc);
  const codes = acc.diagnoses.map((d) => d.failedReasonCode).filter((c): c is string => !!c);
  const latestDiag = [...acc.diagnoses].sort((a, b) => (b.failedTimeMs ?? 0) - (a.failedTimeMs ?? 0))[0];
  const cloudLog = acc.records.cloud > 0;
  let peerAnswered: boolean | null = null;
  if (cloudLog) {
    peerAnswered =
      role === 'responder' ||
      acc.furthestStep >= 2 ||
      count('packet-received', 'cloud') > 0 ||
      count('p1-established', 'cloud') > 0 ||
      count('unknown-ikev2-peer', 'cloud') > 0;
  }
  const lastFailure = latestTime(acc, FAILURE_EVENTS);
  const lastSuccess = latestTime(acc, ['p2-established']);
  const values: Record<string, unknown> = {
    subjectId: acc.id,
    mode: acc.tunnelId ? 'dual' : acc.vpnConnectionId ? 'single' : 'unknown',
    failedReasonCode: latestDiag?.failedReasonCode ?? null,
    failedReasonCodes: codes,
    apiSeverity: latestDiag?.severity ?? null,
    sides: [...acc.sides],
    cloudLogPresent: cloudLog,
    peerLogPresent: acc.records.peer > 0,
    role,
    phase1Established: count('p1-established') > 0,
    phase2Established: count('p2-established') > 0,
    establishedAfterLastFailure: lastSuccess !== undefined && (lastFailure === undefined || lastSuccess >= lastFailure),
    peerAnswered,
    furthestExchange: acc.furthestStep,
    retransmits: count('p1-resend') + count('retransmit'),
    diffParameters: diffs.map((d) => d.parameter),
    gatewayChecks: [...acc.checks.keys()],
  };
  return { values, diffs, acc };
}
