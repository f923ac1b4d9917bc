// Verifies request signatures the way Alibaba Cloud's API gateway does: the ACS3-HMAC-SHA256
// `Authorization` header (canonical request over method, path, sorted query, signed headers and the
// body hash) and the older v2 form (HMAC-SHA1 over the sorted parameters, `Signature` parameter).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { percentEncode } from '../sources/alicloud/secrets.js';

export interface SignedRequest {
  method: string;
  path: string;
  /** Decoded query parameters. */
  query: Record<string, string>;
  /** Decoded form-body parameters. */
  form: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface AccessKey {
  secret: string;
  securityToken?: string;
}

export type SignatureResult =
  | { ok: true; form: 'ACS3' | 'v2'; accessKeyId: string }
  | { ok: false; code: string; message?: string };

const SKEW_MS = 15 * 60 * 1000;
const REQUIRED_SIGNED = ['host', 'x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256'];

const sha256hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const header = (h: IncomingHttpHeaders, name: string): string | undefined => {
  const v = h[name];
  return Array.isArray(v) ? v.join(',') : v;
};

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Remembers nonces for the replay check; entries older than the allowed clock skew are dropped. */
export class NonceBook {
  private readonly seen = new Map<string, number>();
  use(nonce: string, now: number): boolean {
    for (const [k, t] of this.seen) if (now - t > SKEW_MS) this.seen.delete(k);
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, now);
    return true;
  }
}

function checkTime(stamp: string | undefined, now: number): SignatureResult | undefined {
  const t = stamp ? Date.parse(stamp) : NaN;
  if (!Number.isFinite(t)) return { ok: false, code: 'InvalidTimeStamp.Format' };
  if (Math.abs(now - t) > SKEW_MS) return { ok: false, code: 'InvalidTimeStamp.Expired' };
  return undefined;
}

function checkToken(key: AccessKey, token: string | undefined): SignatureResult | undefined {
  if (key.securityToken === undefined) return undefined;
  if (!token) return { ok: false, code: 'MissingSecurityToken' };
  if (!sameText(token, key.securityToken)) return { ok: false, code: 'InvalidSecurityToken.MismatchWithAccessKey' };
  return undefined;
}

/** The ACS3 canonical request, exactly as the SDK builds it. */
export function acs3CanonicalRequest(req: SignedRequest, signedHeaders: string[], payloadHash: string): string {
  const query = Object.keys(req.query).sort().map((k) => `${percentEncode(k)}=${percentEncode(req.query[k]!)}`).join('&');
  const headers = signedHeaders.map((h) => `${h}:${(header(req.headers, h) ?? '').trim()}\n`).join('');
  return [req.method, req.path, query, headers, signedHeaders.join(';'), payloadHash].join('\n');
}

function verifyAcs3(req: SignedRequest, auth: string, lookup: (id: string) => AccessKey | undefined, nonces: NonceBook, now: number): SignatureResult {
  const m = /^ACS3-HMAC-SHA256\s+Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)$/i.exec(auth.trim());
  if (!m) return { ok: false, code: 'IncompleteSignature', message: 'The Authorization header is not an ACS3-HMAC-SHA256 signature.' };
  const [, accessKeyId, signedList, signature] = m as unknown as [string, string, string, string];
  const signed = signedList.toLowerCase().split(';');
  const unsigned = [...REQUIRED_SIGNED, ...Object.keys(req.headers).filter((h) => h.startsWith('x-acs-'))].filter((h) => !signed.includes(h));
  if (unsigned.length) return { ok: false, code: 'IncompleteSignature', message: `The header ${unsigned[0]} must be signed.` };
  const bodyHash = sha256hex(req.body);
  if (header(req.headers, 'x-acs-content-sha256') !== bodyHash) return { ok: false, code: 'IncompleteSignature', message: 'x-acs-content-sha256 does not match the request body.' };
  const key = lookup(accessKeyId);
  if (!key) return { ok: false, code: 'InvalidAccessKeyId.NotFound' };
  const expected = createHmac('sha256', key.secret)
    .update(`ACS3-HMAC-SHA256\n${sha256hex(acs3CanonicalRequest(req, signed, bodyHash))}`)
    .digest('hex');
  if (!sameText(expected, signature.toLowerCase())) return { ok: false, code: 'SignatureDoesNotMatch' };
  const bad = checkTime(header(req.headers, 'x-acs-date'), now) ?? checkToken(key, header(req.headers, 'x-acs-security-token'));
  if (bad) return bad;
  if (!nonces.use(header(req.headers, 'x-acs-signature-nonce') ?? '', now)) return { ok: false, code: 'SignatureNonceUsed' };
  return { ok: true, form: 'ACS3', accessKeyId };
}

/** The v2 string to sign over every query and form parameter but `Signature`. */
export function v2StringToSign(method: string, params: Record<string, string>): string {
  const canonical = Object.keys(params).filter((k) => k !== 'Signature').sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k]!)}`).join('&');
  return `${method}&${percentEncode('/')}&${percentEncode(canonical)}`;
}

function verifyV2(req: SignedRequest, lookup: (id: string) => AccessKey | undefined, nonces: NonceBook, now: number): SignatureResult {
  const params = { ...req.query, ...req.form };
  if (params.SignatureMethod !== 'HMAC-SHA1') return { ok: false, code: 'InvalidSignatureMethod' };
  if (params.SignatureVersion !== '1.0') return { ok: false, code: 'IncompleteSignature', message: 'SignatureVersion must be 1.0.' };
  const accessKeyId = params.AccessKeyId ?? '';
  const key = lookup(accessKeyId);
  if (!key) return { ok: false, code: 'InvalidAccessKeyId.NotFound' };
  const expected = createHmac('sha1', `${key.secret}&`).update(v2StringToSign(req.method, params)).digest('base64');
  if (!sameText(expected, params.Signature ?? '')) return { ok: false, code: 'SignatureDoesNotMatch' };
  const bad = checkTime(params.Timestamp, now) ?? checkToken(key, params.SecurityToken);
  if (bad) return bad;
  if (!nonces.use(params.SignatureNonce ?? '', now)) return { ok: false, code: 'SignatureNonceUsed' };
  return { ok: true, form: 'v2', accessKeyId };
}

/** Checks whichever signature form the request carries. */
export function verifySignature(req: SignedRequest, lookup: (id: string) => AccessKey | undefined, nonces: NonceBook, now = Date.now()): SignatureResult {
  const auth = header(req.headers, 'authorization');
  if (auth) return verifyAcs3(req, auth, lookup, nonces, now);
  if (req.query.Signature !== undefined || req.form.Signature !== undefined) return verifyV2(req, lookup, nonces, now);
  return { ok: false, code: 'MissingAuthorization', message: 'The request carries neither an Authorization header nor a Signature parameter.' };
}
