// The contract every log grammar (grammars/<dialect>/) implements, so the line parser can pick a
// grammar per line and a file may mix dialects.
import type { LogRecord, Problem, Side } from '../types.js';
import type { Zone } from './timezone.js';

/** One physical header line handed to a grammar. */
export interface HeaderLine {
  text: string;
  line: number;
}

/** What a grammar knows about the file it parses. */
export interface ParseContext {
  source: string;
  /**
   * The zone wall-clock stamps of this dialect's side are read in (run/read-policy.ts decides it):
   * a fixed offset, or an IANA zone whose offset in force at each stamp's time is used.
   */
  tz: Zone;
  /** Year for stamps that carry none (syslog); undefined = take from the file / the other inputs. */
  year?: number;
  /**
   * Whether a grammar may reuse the structure of a line whose tail (all but stamp and resource
   * id) it parsed before (default true). The benchmark turns it off to measure the full grammar.
   */
  reuseParses?: boolean;
  /**
   * Contexts with the same scope share what a grammar remembers of the tails it parsed: one run's
   * files and ranges, so each starts warm. Without one, each context remembers for itself.
   */
  memoScope?: object;
}

/** A header line the grammar recognised by its sniff but could not structure. */
export interface HeaderFailure {
  line: number;
  text: string;
  code: string;
  message: string;
}

export interface Dialect {
  /** Stable dialect name: `racoon2`, `strongswan`, `libreswan`. */
  readonly name: string;
  /** How problems name it to a user: `racoon2 (gateway)`, `strongSwan`, `ipsec-tools racoon (…)`. */
  readonly title: string;
  readonly side: Side;
  /** Cheap test on a raw line: does a record of this dialect start here? Must not allocate much. */
  sniff(line: string): boolean;
  /**
   * Structure a batch of header lines (a window of the input, at most a few hundred; Chevrotain
   * grammars parse them in chunks of ≤ 100, see grammars/common/header-batch.ts). Returns one
   * entry per input line, in order: a record without continuation lines and without its event
   * yet, or a failure. Never throws.
   */
  parseHeaders(lines: HeaderLine[], ctx: ParseContext): (LogRecord | HeaderFailure)[];
  /**
   * Run the message catalogue on a completed record (continuation lines attached) and set
   * `record.event`, `phase`, `ikeVersion` where the message tells them. Never throws.
   */
  classify(record: LogRecord): void;
  /**
   * Whether the catalogue may read this record's continuation lines (default: yes). Saying no
   * spares a string per folded line: a gateway export's hex dumps are a third of its lines.
   */
  keepsContinuation?(record: LogRecord): boolean;
  /**
   * Whether a line without a header can continue a record of this dialect (default: any line);
   * `open` is the record it would join.
   * A dialect that answers no has the line reported as unparsed instead of folded away.
   */
  continues?(text: string, open?: LogRecord): boolean;
  /**
   * A last resort (gateway messages quoted alone): a line it recognises that the open record's
   * dialect explicitly continues with (`continues` says yes) is folded into that record instead.
   */
  fallback?: boolean;
  /** Takes back a record nothing refers to any more, to reuse its object for a later line. */
  recycle?(record: LogRecord): void;
  /** Mask secrets (PSK dumps, keys) in a record's text before it leaves the parser. */
  redactSecrets?(record: LogRecord, previous: LogRecord | undefined): void;
}

export function isHeaderFailure(x: LogRecord | HeaderFailure): x is HeaderFailure {
  return (x as HeaderFailure).code !== undefined;
}

export type { LogRecord, Problem };
