// What went wrong with one Alibaba Cloud API call, in the project's terms: a scrubbed ApiError with
// a kind that decides retrying, and the Problem a failed call becomes in the report. The mapping of
// documented error codes (kb §5.2, §5.3, the API reference pages) lives here and nowhere else.
import type { Problem } from '../../types.js';
import { locate } from '../../errors.js';
import type { SecretScrubber } from './secrets.js';

export type ApiErrorKind =
  | 'throttled' // Throttling*, Rejected.Throttling
  | 'busy' // VpnGateway.Configuring and other "try again later" states
  | 'unavailable' // ServiceUnavailable, HTTP 5xx
  | 'timeout' // connect/read timeout
  | 'network' // connection reset/refused, DNS
  | 'bad-response' // a body that is not JSON (a proxy's error page)
  | 'forbidden' // RAM denied the action
  | 'auth' // the signature or the AccessKey was refused
  | 'not-found'
  | 'idempotency' // IdempotentParameterMismatch
  | 'credentials' // no credentials could be found locally
  | 'client'; // any other 4xx: the request itself is wrong

const RETRYABLE: ReadonlySet<ApiErrorKind> = new Set(['throttled', 'busy', 'unavailable', 'timeout', 'network', 'bad-response']);
const BUSY_CODES = new Set(['VpnGateway.Configuring', 'Appliance.Configuring', 'VpnTask.CONFLICT', 'TaskConflict', 'OperationConflict', 'IncorrectStatus.VpnGateway']);
const AUTH_CODES = /^(SignatureDoesNotMatch|IncompleteSignature|InvalidAccessKeyId(\..*)?|InvalidSecurityToken(\..*)?|MissingSecurityToken|SignatureNonceUsed|InvalidTimeStamp(\..*)?|InvalidSignatureMethod|UnsupportedSignatureAlgorithm|InvalidAuthorization|MissingAuthorization)$/;
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED', 'UND_ERR_SOCKET']);

/** A failed API call. Its message is already scrubbed of credentials. */
export class ApiError extends Error {
  readonly action: string;
  readonly code: string;
  readonly kind: ApiErrorKind;
  readonly httpStatus: number | undefined;
  readonly requestId: string | undefined;
  /** How many attempts were made before giving up (set by the retry loop). */
  attempts = 1;
  constructor(init: { action: string; code: string; kind: ApiErrorKind; message: string; httpStatus?: number; requestId?: string }) {
    super(init.message);
    this.name = 'ApiError';
    this.action = init.action;
    this.code = init.code;
    this.kind = init.kind;
    this.httpStatus = init.httpStatus;
    this.requestId = init.requestId;
  }
  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }
}

/** The kind of a service error code plus HTTP status. */
export function classify(code: string, status: number | undefined): ApiErrorKind {
  if (/^Throttling/i.test(code) || code === 'Rejected.Throttling' || code === 'Flow.Control') return 'throttled';
  if (BUSY_CODES.has(code)) return 'busy';
  if (code === 'ServiceUnavailable' || code === 'InternalError' || code === 'UnknownError' || (status !== undefined && status >= 500)) return 'unavailable';
  if (AUTH_CODES.test(code)) return 'auth';
  if (/^Forbidden/.test(code) || code === 'NoPermission' || code === 'NotAuthorized' || status === 403) return 'forbidden';
  if (/\.NotFound$/.test(code)) return 'not-found';
  if (code === 'IdempotentParameterMismatch') return 'idempotency';
  return 'client';
}

interface TeaLikeError {
  name?: string;
  code?: unknown;
  statusCode?: unknown;
  message?: unknown;
  data?: { Message?: unknown; message?: unknown; RequestId?: unknown; statusCode?: unknown } | null;
}

/** Turns whatever the SDK or the socket threw into an ApiError, dropping everything but safe fields. */
export function toApiError(err: unknown, action: string, scrubber: SecretScrubber): ApiError {
  if (err instanceof ApiError) return err;
  const e = (err && typeof err === 'object' ? err : { message: String(err) }) as TeaLikeError;
  const raw = typeof e.message === 'string' ? e.message : '';
  const status = typeof e.statusCode === 'number' ? e.statusCode : typeof e.data?.statusCode === 'number' ? e.data.statusCode : undefined;
  const name = typeof e.name === 'string' ? e.name : '';
  const sysCode = typeof e.code === 'string' ? e.code : '';
  if (status !== undefined) {
    const code = sysCode && sysCode !== 'undefined' ? sysCode : `HTTP${status}`;
    const serverMsg = typeof e.data?.Message === 'string' ? e.data.Message : typeof e.data?.message === 'string' ? e.data.message : '';
    const requestId = typeof e.data?.RequestId === 'string' ? e.data.RequestId : undefined;
    return new ApiError({
      action, code, kind: classify(code, status), httpStatus: status, requestId,
      message: scrubber.scrub(`${action} failed with HTTP ${status} ${code}${serverMsg ? `: ${serverMsg}` : ''}`),
    });
  }
  if (/Timeout/i.test(name) || /Timeout/.test(raw)) {
    return new ApiError({ action, code: 'Timeout', kind: 'timeout', message: `${action} timed out waiting for the endpoint` });
  }
  if (NETWORK_CODES.has(sysCode) || /socket hang up|ECONNRESET|ECONNREFUSED/i.test(raw)) {
    return new ApiError({ action, code: sysCode || 'ECONNRESET', kind: 'network', message: `${action} failed: ${sysCode || 'connection reset'} talking to the endpoint` });
  }
  if (err instanceof SyntaxError) {
    return new ApiError({ action, code: 'BadResponse', kind: 'bad-response', message: `${action} returned a body that is not JSON` });
  }
  if (/credentials|AccessKey|access key/i.test(raw) && !status) {
    return new ApiError({ action, code: 'NoCredentials', kind: 'credentials', message: scrubber.scrub(`no usable Alibaba Cloud credentials: ${firstSentence(raw)}`) });
  }
  return new ApiError({ action, code: sysCode || 'Error', kind: 'client', message: scrubber.scrub(`${action} failed: ${firstSentence(raw) || 'unknown error'}`) });
}

function firstSentence(text: string): string {
  return text.split('\n')[0]!.slice(0, 300);
}

/** The RAM action a policy must allow for `action` (all these APIs are in the `vpc` namespace). */
export function ramActionFor(action: string): string {
  return `vpc:${action}`;
}

// `*.NotFound` codes → the request parameter whose value was not found.
const NOT_FOUND_PARAM: Record<string, string> = {
  'InvalidVpnGatewayInstanceId.NotFound': 'VpnGatewayId',
  'InvalidVpnGatewayId.NotFound': 'VpnGatewayId',
  'InvalidResourceId.NotFound': 'ResourceId',
  'InvalidDiagnoseId.NotFound': 'DiagnoseId',
  'InvalidVpnConnectionInstanceId.NotFound': 'VpnConnectionId',
  'InvalidVpnConnectionId.NotFound': 'VpnConnectionId',
  'InvalidTunnelId.NotFound': 'TunnelId',
  'InvalidRegionId.NotFound': 'RegionId',
};

/** Which parameter (and value) a NotFound error is about. */
export function notFoundTarget(code: string, params: Record<string, unknown>): { param: string; value: string } | undefined {
  let param = NOT_FOUND_PARAM[code];
  if (!param) {
    const stem = /^Invalid(.+?)(InstanceId|Id)?\.NotFound$/.exec(code)?.[1];
    param = Object.keys(params).find((k) => stem && k.toLowerCase().startsWith(stem.toLowerCase()));
  }
  if (!param) return undefined;
  const value = params[param];
  return { param, value: Array.isArray(value) ? value.join(',') : String(value ?? '') };
}

export type ApiProblemCode =
  | 'E_API_FORBIDDEN' | 'E_API_AUTH' | 'E_API_NOT_FOUND' | 'E_API_THROTTLED' | 'E_API_UNAVAILABLE'
  | 'E_API_TIMEOUT' | 'E_API_NETWORK' | 'E_API_REJECTED' | 'E_API_CREDENTIALS'
  | 'E_API_DIAGNOSIS_UNSUPPORTED' | 'E_API_DIAGNOSIS_TIMEOUT' | 'E_API_DIAGNOSIS_INCOMPLETE'
  | 'E_API_CONNECTION_DELETED' | 'E_API_NOT_IN_SCOPE';

const PROBLEM_CODE: Record<ApiErrorKind, ApiProblemCode> = {
  throttled: 'E_API_THROTTLED', busy: 'E_API_UNAVAILABLE', unavailable: 'E_API_UNAVAILABLE', timeout: 'E_API_TIMEOUT',
  network: 'E_API_NETWORK', 'bad-response': 'E_API_UNAVAILABLE', forbidden: 'E_API_FORBIDDEN', auth: 'E_API_AUTH',
  'not-found': 'E_API_NOT_FOUND', idempotency: 'E_API_REJECTED', credentials: 'E_API_CREDENTIALS', client: 'E_API_REJECTED',
};

/** The report problem for a call that failed for good; `source` is `api/<Action>`. */
export function problemFromError(err: ApiError, params: Record<string, unknown>, subject?: string): Problem {
  const source = `api/${err.action}`;
  const who = subject ? ` for ${subject}` : '';
  const tries = err.attempts > 1 ? ` after ${err.attempts} attempts` : '';
  let problem: string;
  let hint: string;
  switch (err.kind) {
    case 'forbidden':
      problem = `${err.action}${who} was refused (${err.code})`;
      hint = `Grant the RAM action ${ramActionFor(err.action)} to this identity.`;
      break;
    case 'not-found': {
      const t = notFoundTarget(err.code, params);
      problem = t ? `${t.param} ${t.value} was not found${who} (${err.code})` : `${err.action}${who}: ${err.code}`;
      hint = err.code === 'InvalidVpnGatewayId.NotFound' ? 'The gateway has no diagnoses yet.' : 'Check the id and the --region.';
      break;
    }
    case 'auth':
      problem = `the cloud refused the credentials (${err.code})`;
      hint = 'Check the AccessKey pair, the STS token and the clock.';
      break;
    case 'throttled':
    case 'busy':
    case 'unavailable':
    case 'timeout':
    case 'network':
    case 'bad-response':
      problem = `${err.message}${who}${tries}`;
      hint = 'Run the command again later; the other results are kept.';
      break;
    default:
      problem = `${err.message}${who}`;
      hint = 'The request was rejected; this is likely a bug or an unsupported setting.';
  }
  return { source, code: PROBLEM_CODE[err.kind], message: locate(source, undefined, problem, hint) };
}
