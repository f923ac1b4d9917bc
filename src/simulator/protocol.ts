// The RPC wire format the simulator speaks: parameters from the query and the form body, repeat
// lists (`TunnelIds.1`), the common protocol parameters, and Alibaba-shaped error bodies with the
// documented HTTP status and message of each error code.
import { randomUUID } from 'node:crypto';

/** Thrown by handlers; becomes an error response. */
export class SimError extends Error {
  constructor(readonly code: string, readonly detail?: string, readonly status?: number) {
    super(detail ?? code);
  }
}

const CATALOGUE: Record<string, [number, string]> = {
  InvalidParameter: [400, 'The parameter is invalid.'],
  Forbidden: [403, 'User not authorized to operate on the specified resource.'],
  IdempotentParameterMismatch: [400, 'The request uses the same client token as a previous, but non-identical request. Do not reuse a client token with different requests, unless the requests are identical.'],
  'VpnGateway.Configuring': [400, 'The specified service is configuring.'],
  'OperationUnsupported.DiagnoseVpn': [400, 'Current version of the VPN does not support diagnose.'],
  'IllegalParam.ResourceType': [400, 'The specified resource type [%s] is invalid.'],
  'OperationFailed.VpnGatewayDiagnosing': [400, 'The VPN gateway is diagnosing.'],
  'OperationFailed.StartDiagnose': [400, 'Start VPN gateway diagnose failed.'],
  'IllegalParam.PrivateSourceIp': [400, 'The specified private source IP [%s] is invalid.'],
  'IllegalParam.PrivateDestinationIp': [400, 'The specified private destination IP [%s] is invalid.'],
  'InvalidVpnGatewayInstanceId.NotFound': [404, 'The specified vpn gateway instance id does not exist.'],
  'InvalidResourceId.NotFound': [404, 'The specified resource id [%s] does not exist.'],
  param_error: [400, 'The param is must be in ...'],
  'MissingParam.DiagnoseInfo': [400, 'The VPN gateway ID and diagnose ID cannot be empty at the same time.'],
  'IncorrectStatus.DiagnoseTimeout': [400, 'Diagnose failed because of timeout.'],
  'IncorrectStatus.VpnConnectionDeleted': [400, 'Diagnose failed because the VPN connection has been deleted.'],
  'InvalidDiagnoseId.NotFound': [404, 'The specified diagnose ID [%s] does not exist.'],
  'InvalidVpnGatewayId.NotFound': [404, 'The specified VPN gateway [%s] does not have any diagnoses.'],
  'InvalidVpnConnectionInstanceId.NotFound': [404, 'The specified vpn connection instance id does not exist.'],
  Throttling: [400, 'Request was denied due to request throttling.'],
  'Throttling.User': [400, 'Request was denied due to user flow control.'],
  'Throttling.Api': [400, 'Request was denied due to api flow control.'],
  ServiceUnavailable: [503, 'The request has failed due to a temporary failure of the server.'],
  InternalError: [500, 'The request processing has failed due to some unknown error, exception or failure.'],
  SignatureDoesNotMatch: [400, 'Specified signature is not matched with our calculation.'],
  IncompleteSignature: [400, 'The request signature does not conform to Aliyun standards.'],
  MissingAuthorization: [400, 'The request is not signed.'],
  InvalidSignatureMethod: [400, 'Specified signature method is not valid.'],
  'InvalidAccessKeyId.NotFound': [404, 'Specified access key is not found.'],
  'InvalidTimeStamp.Expired': [400, 'Specified time stamp or date value is expired.'],
  'InvalidTimeStamp.Format': [400, 'Specified time stamp or date value is not well formatted.'],
  SignatureNonceUsed: [400, 'Specified signature nonce was used already.'],
  MissingSecurityToken: [400, 'The security token is required for STS credentials.'],
  'InvalidSecurityToken.MismatchWithAccessKey': [400, 'Specified security token mismatch with access key.'],
  'InvalidAction.NotFound': [404, 'Specified api is not found, please check your url and method.'],
  InvalidVersion: [400, 'Specified parameter Version is not valid.'],
  UnsupportedHTTPMethod: [405, 'This http method is not supported.'],
};

export function knownCode(code: string): boolean {
  return code in CATALOGUE || /^Missing[A-Z]/.test(code);
}

export interface ErrorResponse {
  status: number;
  body: Record<string, unknown>;
}

/** The error body Alibaba Cloud sends: RequestId, HostId, Code, Message, Recommend (+ AccessDeniedDetail). */
export function errorResponse(code: string, opts: { detail?: string; status?: number; action?: string; host?: string; accessKeyId?: string } = {}): ErrorResponse {
  const missing = /^Missing([A-Z]\w*)$/.exec(code)?.[1];
  const [status, template] = CATALOGUE[code] ?? (missing ? [400, `${missing} is mandatory for this action.`] : [400, 'The request failed.']);
  const message = opts.detail ?? template;
  const requestId = randomUUID().toUpperCase();
  const body: Record<string, unknown> = {
    RequestId: requestId,
    HostId: opts.host ?? 'vpc.aliyuncs.com',
    Code: code,
    Message: message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&product=Vpc&requestId=${requestId}`,
  };
  if (code === 'Forbidden' && opts.action) {
    body.AccessDeniedDetail = { AuthAction: `vpc:${opts.action}`, AuthPrincipalType: 'SubUser', NoPermissionType: 'ImplicitDeny', PolicyType: 'AccountLevelIdentityBasedPolicy', AuthPrincipalOwnerId: '1234567890', EncodedDiagnosticMessage: '' };
  }
  return { status: opts.status ?? status, body };
}

/** The protocol's own parameters, which are not arguments of the action. */
const PROTOCOL_PARAMS = new Set(['Action', 'Version', 'Format', 'Timestamp', 'SignatureNonce', 'SignatureMethod', 'SignatureVersion', 'AccessKeyId', 'Signature', 'SecurityToken', 'SignatureType', 'BearerToken']);

export function actionParams(query: Record<string, string>, form: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...query, ...form })) if (!PROTOCOL_PARAMS.has(k)) out[k] = v;
  return out;
}

export function parseForm(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(text)) out[k] = v;
  return out;
}

/** A repeat list `Name.1`, `Name.2`, … in index order; undefined when absent. */
export function listParam(params: Record<string, string>, name: string): string[] | undefined {
  const items = Object.keys(params)
    .map((k) => ({ k, m: new RegExp(`^${name.replace('.', '\\.')}\\.(\\d+)$`).exec(k) }))
    .filter((x) => x.m)
    .map((x) => ({ i: Number(x.m![1]), v: params[x.k]! }))
    .sort((a, b) => a.i - b.i);
  if (items.length) return items.map((x) => x.v);
  // Some SDKs send a JSON array instead of a repeat list.
  const raw = params[name];
  if (raw?.startsWith('[')) {
    try {
      const arr = JSON.parse(raw) as unknown;
      if (Array.isArray(arr)) return arr.map(String);
    } catch {
      throw new SimError('InvalidParameter', `The parameter ${name} is not a valid list.`);
    }
  }
  return raw !== undefined ? [raw] : undefined;
}

export function required(params: Record<string, string>, name: string): string {
  const v = params[name];
  if (v === undefined || v === '') throw new SimError(`Missing${name}`);
  return v;
}

export function intParam(params: Record<string, string>, name: string, def: number, min: number, max: number): number {
  const raw = params[name];
  if (raw === undefined || raw === '') return def;
  const n = Number(raw);
  if (!/^-?\d+$/.test(raw) || n < min || n > max) throw new SimError('InvalidParameter', `The parameter ${name} must be an integer from ${min} to ${max}.`);
  return n;
}

/** One page of a list, 1-based. */
export function page<T>(items: T[], pageNumber: number, pageSize: number): T[] {
  return items.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
}

export const newRequestId = (): string => randomUUID().toUpperCase();
