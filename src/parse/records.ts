// The records the line parser hands on: one structured log line (plus its continuation lines) and
// the typed event its dialect's catalogue recognised. Internal to the pipeline, not the report.
import type { Side } from '../side.js';

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
