// The records the live-diagnosis source hands to the CLI: raw response documents (what `--save`
// writes and `analyze` reads), the problems of failed calls, and the options and hooks it takes.
import type { Problem } from '../../types.js';
import type { Endpoint } from './endpoint.js';
import type { RetryPolicy } from './retry.js';
import type { StaticCredentials } from './sdk.js';

/** One raw API response body, serialised, under a stable relative name such as `api/DiagnoseVpnConnections-p1.json`. */
export interface LiveDocument {
  source: string;
  content: string;
}

/** An IPsec connection in scope; `tunnels` is empty in single-tunnel mode. */
export interface ConnectionTarget {
  vpnConnectionId: string;
  vpnGatewayId?: string;
  tunnels: string[];
}

export interface PollPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
  factor: number;
}

export interface LiveDiagnosisOptions {
  region: string;
  gatewayIds?: string[];
  connectionIds?: string[];
  /** Restricts dual-tunnel connections to these tunnels. */
  tunnelIds?: string[];
  privateSourceIp?: string;
  privateDestinationIp?: string;
  /** Minutes of connection logs to fetch (default 10). */
  logMinutes?: number;
  /** `false` skips DiagnoseVpnGateway (default true). */
  gatewayDiagnosis?: boolean;
  /** How long to wait for gateway diagnoses to finish, in seconds (default 120). */
  timeoutSeconds?: number;
  endpoint?: Endpoint;
  profile?: string;
  credentials?: StaticCredentials;
  signatureAlgorithm?: 'ACS3-HMAC-SHA256' | 'v2';
  retry?: Partial<RetryPolicy>;
  poll?: Partial<PollPolicy>;
  requestTimeoutMs?: number;
  /** Page size of list calls (default 10 for DescribeVpnConnections/DiagnoseVpnConnections, 50 for logs). */
  pageSize?: number;
  /** Test seams. */
  now?: () => number;
  random?: () => number;
}

export interface DiagnosisProgress {
  vpnConnectionId: string;
  vpnGatewayId: string;
  finished: number;
  total: number;
  done: boolean;
}

export interface LiveDiagnosisHooks {
  /** Gateway-diagnosis progress, once per poll. */
  progress?: (p: DiagnosisProgress) => void;
  /** `--verbose` lines, already scrubbed of secrets. */
  trace?: (line: string) => void;
}

/** A call the cloud refused for lack of permission, with the RAM action that would allow it. */
export interface RefusedCall {
  action: string;
  ramAction: string;
  code: string;
}

export interface LiveDiagnosisResult {
  /** Sorted by `source`, which is also the order `analyze DIR` reads a saved directory in. */
  documents: LiveDocument[];
  problems: Problem[];
  refused: RefusedCall[];
  /** Set when nothing could be asked at all (credentials refused or missing); one line for the user. */
  fatal?: { code: string; kind: string; message: string };
  connections: ConnectionTarget[];
}
