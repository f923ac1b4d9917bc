// The report contract (spec/report.md): what a run produces and every consumer reads — inputs,
// subjects, findings, evidence, problems. Pure types, no logic. The parser's record types live in
// parse/records.ts.

import type { Side } from './side.js';

export type { Side } from './side.js';
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export type SubjectStatus = 'failing' | 'degraded' | 'healthy' | 'unknown';

/** What a file or API response was recognised as. */
export type InputKind =
  | 'diagnose-vpn-connections'
  | 'gateway-diagnose-result'
  | 'vpn-connection-logs'
  | 'describe-vpn-connections'
  | 'download-vpn-connection-config'
  | 'device-config'
  | 'gateway-log'
  | 'peer-log'
  | 'log'
  | 'unknown';

/** One entry of `report.inputs`. */
export interface InputSummary {
  source: string;
  kind: InputKind;
  records: number;
  problems: number;
}

/** Input that could not be used, with where it is. Nothing is dropped silently. */
export interface Problem {
  source: string;
  line?: number;
  pointer?: string;
  code: string;
  message: string;
}

// The parser's records (parse/records.ts) are not part of the report; re-exported for the grammars' and the library's convenience.
export type { Endpoint, LogEvent, LogRecord } from './parse/records.js';

/** A parameter whose value differs between the cloud and the peer, in Alibaba config terms. */
export interface DiffEntry {
  parameter: string;
  cloud?: string | null;
  peer?: string | null;
  /** Why a value is missing: never shown (Psk), not in the inputs, or one of several candidates. */
  note?: string;
}

export interface Evidence {
  source: string;
  line?: number;
  pointer?: string;
  time?: string;
  side?: Side;
  text: string;
}

export interface RemediationAction {
  api: string;
  parameters: Record<string, unknown>;
  /** The same call as an `aliyun` CLI command line. */
  cli?: string;
}

export interface RemediationStep {
  side: Side;
  step: string;
  action?: RemediationAction;
  /** Device configuration lines to paste, in the device's own syntax (`check`). */
  lines?: string[];
  /** `check`: this is the side the report recommends changing. */
  recommended?: boolean;
}

export interface Finding {
  ruleId: string;
  cause: string;
  title: string;
  severity: Severity;
  confidence: number;
  score: number;
  summary: string;
  diff: DiffEntry[];
  evidence: Evidence[];
  remediation: RemediationStep[];
  references: string[];
  /** Other causes the same evidence could mean, and what would settle it. */
  alternatives?: { cause: string; why: string }[];
  /** Other rules that named the same cause; their evidence is folded into this finding. */
  related?: string[];
  /** With `--explain`: the conditions that matched and the fact values that decided them. */
  explain?: { fact: string; params?: Record<string, unknown>; operator: string; value: unknown; factValue: unknown }[];
}

export interface TimelineEntry {
  time: string | null;
  side: Side;
  phase?: 1 | 2;
  event: string;
  text: string;
  source?: string;
  line?: number;
  /** How many identical consecutive entries this one stands for. */
  count?: number;
  lastTime?: string | null;
}

export interface Subject {
  id: string;
  vpnConnectionId: string | null;
  tunnelId: string | null;
  vpnGatewayId: string | null;
  status: SubjectStatus;
  findings: Finding[];
  timeline: TimelineEntry[];
  /** Timeline entries left out by the cap. */
  timelineFolded?: number;
  /** Endpoint addresses seen for this subject. */
  endpoints?: { cloud?: string; peer?: string };
  /** `check`: the cloud's settings and the device's configuration side by side, one row per compared parameter. */
  comparison?: SubjectComparison;
  /**
   * Earlier episodes, oldest first, when the inputs hold attempts that ended differently before
   * the latest one (a quiet gap after a failure separates them). `findings` and `status` above are
   * the latest episode's; each earlier one is judged from its own lines alone.
   */
  episodes?: Episode[];
}

/** One earlier attempt at the tunnel: its time window, how it ended, its own findings and evidence. */
export interface Episode {
  from: string | null;
  to: string | null;
  status: SubjectStatus;
  findings: Finding[];
}

/** The verdict of one compared parameter: `no-alibaba-value` = the device uses a value Alibaba does not offer. */
export type ComparisonVerdict = 'match' | 'mismatch' | 'warning' | 'unverifiable' | 'no-alibaba-value';

export interface ComparisonEntry {
  parameter: string;
  verdict: ComparisonVerdict;
  /** Values in Alibaba's vocabulary; a key shows as `[not shown]`. */
  cloud: string | null;
  device: string | null;
  note?: string;
  /** Where each value was read: the cloud export's JSON pointer, the device configuration's line. */
  cloudPointer?: string;
  deviceLine?: number;
  /** The device's value is its daemon's default, not written in its configuration. */
  deviceDefaulted?: boolean;
}

export interface SubjectComparison {
  cloudSource: string;
  /** The device connection compared (null when none configures this tunnel). */
  device: { name: string; dialect: string; source: string; line: number } | null;
  /** How the device connection was paired with the tunnel: `peer address`, `own address`, `only one of each`. */
  pairedBy?: string;
  entries: ComparisonEntry[];
}

export interface ReportStats {
  lines: number;
  parsed: number;
  unparsed: number;
  subjects: number;
  durationMs: number;
}

/** The JSON report, version 1 (spec/report.md). */
export interface Report {
  schemaVersion: 1;
  tool: { name: 'ipsec-doctor'; version: string };
  generatedAt: string;
  inputs: InputSummary[];
  subjects: Subject[];
  problems: Problem[];
  stats: ReportStats;
  /** Assumptions the analysis made (time zones, years), so a reader can check them. */
  assumptions?: string[];
}
