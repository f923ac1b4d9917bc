// Shared vocabulary of the pipeline: the report contract (spec/report.md) and the records that
// flow between the stages. Pure types, no logic.

/** Which end of the tunnel a line or finding belongs to: the Alibaba gateway or the customer's device. */
export type Side = 'cloud' | 'peer';
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export type SubjectStatus = 'failing' | 'degraded' | 'healthy' | 'unknown';

/** What a file or API response was recognised as. */
export type InputKind =
  | 'diagnose-vpn-connections'
  | 'gateway-diagnose-result'
  | 'vpn-connection-logs'
  | 'describe-vpn-connections'
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

export interface Endpoint {
  ip: string;
  port?: number;
}

/** A typed event the message catalogue recognised in a log record. */
export interface LogEvent {
  /** Event id, e.g. `phase1-timeout`, `p1-rejected`, `pfs-mismatch` (see src/parse/events.ts). */
  type: string;
  /** Variables captured from the message template (numbers stay strings unless the catalogue converts them). */
  vars: Record<string, string>;
}

/** One structured log record: a header line plus any continuation lines (hex dumps, wrapped text). */
export interface LogRecord {
  source: string;
  /** 1-based line of the header (for JSON-embedded logs: the array index + 1). */
  line: number;
  /** JSON pointer of the line when it came from an API response. */
  pointer?: string;
  /** Last physical line that belongs to the record (continuations). */
  endLine: number;
  side: Side;
  dialect: string;
  /** The header line exactly as read (secrets already masked by the grammar). */
  text: string;
  /** Timestamp as written in the log. */
  localTime?: string;
  /** Epoch milliseconds (UTC) after applying the input's time zone. */
  timeMs?: number;
  resourceId?: string;
  tag?: string;
  level: 'error' | 'warn' | 'info' | 'debug';
  file?: string;
  srcLine?: number;
  func?: string;
  message: string;
  /** Key/value groups of a context suffix (`{remote id:4}{ph1: …}`) or `(index …)`. */
  context?: Record<string, string>;
  local?: Endpoint;
  remote?: Endpoint;
  ikeVersion?: 1 | 2;
  phase?: 1 | 2;
  /** Peer daemons: connection name and IKE SA / state serial, used to correlate sessions. */
  connName?: string;
  session?: string;
  /** Number of continuation lines folded into this record. */
  continuationLines: number;
  /** First continuation lines (capped), for catalogue entries that read them (e.g. ID payload hex). */
  continuation?: string[];
  event?: LogEvent;
  /** The record announced key material (PSK, SKEYID…): its dump was dropped and is never quoted. */
  secret?: boolean;
  /**
   * @internal The grammar's memo entry for records whose header tail was seen before (shared parse
   * and catalogue result); opaque outside the dialect that set it.
   */
  parseMemo?: unknown;
}

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
