import { describe, it, expect } from 'vitest';
import { parseEndpoint, regionEndpoint } from '../../src/sources/alicloud/endpoint.js';
import { backoffDelay, withRetry, DEFAULT_RETRY } from '../../src/sources/alicloud/retry.js';
import { SecretScrubber, stripSecrets, percentEncode } from '../../src/sources/alicloud/secrets.js';
import { ApiError, classify, notFoundTarget, problemFromError, toApiError } from '../../src/sources/alicloud/errors.js';
import { flattenParams } from '../../src/sources/alicloud/client.js';

describe('endpoint', () => {
  it.each([
    ['cn-hangzhou', 'vpc.aliyuncs.com'],
    ['cn-shanghai', 'vpc.cn-shanghai.aliyuncs.com'],
    ['ap-southeast-1', 'vpc.ap-southeast-1.aliyuncs.com'],
    ['cn-edge-1', 'vpc-nebula.cn-qingdao-nebula.aliyuncs.com'],
    ['eu-central-1', 'vpc.eu-central-1.aliyuncs.com'],
  ])('%s → %s', (region, host) => {
    expect(regionEndpoint(region)).toEqual({ host, protocol: 'https' });
  });

  it.each([
    ['http://127.0.0.1:8080', { host: '127.0.0.1:8080', protocol: 'http' }],
    ['127.0.0.1:8080', { host: '127.0.0.1:8080', protocol: 'http' }],
    ['localhost:9', { host: 'localhost:9', protocol: 'http' }],
    ['vpc.example.com', { host: 'vpc.example.com', protocol: 'https' }],
    ['https://vpc.cn-shanghai.aliyuncs.com/', { host: 'vpc.cn-shanghai.aliyuncs.com', protocol: 'https' }],
    ['http://vpc.example.com:81', { host: 'vpc.example.com:81', protocol: 'http' }],
  ])('parses --endpoint %s', (text, want) => {
    expect(parseEndpoint(text)).toEqual(want);
  });

  it.each(['ftp://x', 'not a host', 'http://x:99999'])('rejects --endpoint %s', (text) => {
    expect(parseEndpoint(text)).toHaveProperty('error');
  });
});

describe('backoff', () => {
  it('grows exponentially, is capped, and jitters within [cap/2, cap]', () => {
    const p = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(1, p, false, () => 0)).toBe(50);
    expect(backoffDelay(1, p, false, () => 1)).toBe(100);
    expect(backoffDelay(3, p, false, () => 1)).toBe(400);
    expect(backoffDelay(10, p, false, () => 1)).toBe(1000);
    expect(backoffDelay(1, p, true, () => 1)).toBe(200);
    for (let i = 0; i < 50; i++) {
      const d = backoffDelay(2, p, false);
      expect(d).toBeGreaterThanOrEqual(100);
      expect(d).toBeLessThanOrEqual(200);
    }
  });

  it('stops after maxAttempts and does not retry client errors', async () => {
    let n = 0;
    const busy = () => new ApiError({ action: 'X', code: 'VpnGateway.Configuring', kind: 'busy', message: 'busy' });
    await expect(withRetry(async () => { n++; throw busy(); }, { ...DEFAULT_RETRY, maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 })).rejects.toMatchObject({ attempts: 3 });
    expect(n).toBe(3);
    n = 0;
    const bad = () => new ApiError({ action: 'X', code: 'InvalidParameter', kind: 'client', message: 'bad' });
    await expect(withRetry(async () => { n++; throw bad(); }, { ...DEFAULT_RETRY, baseDelayMs: 1 })).rejects.toMatchObject({ attempts: 1 });
    expect(n).toBe(1);
  });
});

describe('secrets', () => {
  it('masks raw, percent-encoded and double-encoded secrets, and token parameters', () => {
    const s = new SecretScrubber();
    const secret = 'Ab+c/d=e!f*g(h)';
    s.add(secret);
    s.add('short');
    const enc = percentEncode(secret);
    const text = `x ${secret} y ${enc} z ${percentEncode(enc)} SecurityToken=CAIS123abc&x=1 short`;
    const out = s.scrub(text);
    expect(out).not.toContain(secret);
    expect(out).not.toContain(enc);
    expect(out).not.toContain('CAIS123abc');
    expect(out).toContain('short');
  });

  it('strips Psk and AuthKey at any depth', () => {
    const body = { IkeConfig: { Psk: 'p', IkeAuthAlg: 'sha1' }, TunnelOptionsSpecification: { TunnelOptions: [{ TunnelIkeConfig: { Psk: 'q' } }] }, VpnBgpConfig: { AuthKey: 'k', LocalAsn: 1 } };
    expect(JSON.stringify(stripSecrets(body))).not.toMatch(/Psk|AuthKey|"p"|"q"|"k"/);
    expect(stripSecrets(body).IkeConfig).toEqual({ IkeAuthAlg: 'sha1' });
  });
});

describe('errors', () => {
  it.each([
    ['Throttling.User', 400, 'throttled'],
    ['Throttling', 400, 'throttled'],
    ['VpnGateway.Configuring', 400, 'busy'],
    ['ServiceUnavailable', 503, 'unavailable'],
    ['InternalError', 500, 'unavailable'],
    ['HTTP502', 502, 'unavailable'],
    ['Forbidden', 403, 'forbidden'],
    ['SignatureDoesNotMatch', 400, 'auth'],
    ['InvalidAccessKeyId.NotFound', 404, 'auth'],
    ['InvalidResourceId.NotFound', 404, 'not-found'],
    ['IdempotentParameterMismatch', 400, 'idempotency'],
    ['IllegalParam.ResourceType', 400, 'client'],
  ] as const)('%s (HTTP %d) is %s', (code, status, kind) => {
    expect(classify(code, status)).toBe(kind);
  });

  it('names the id a NotFound is about', () => {
    expect(notFoundTarget('InvalidResourceId.NotFound', { ResourceId: 'vco-1' })).toEqual({ param: 'ResourceId', value: 'vco-1' });
    expect(notFoundTarget('InvalidVpnGatewayInstanceId.NotFound', { VpnGatewayId: 'vpn-1' })).toEqual({ param: 'VpnGatewayId', value: 'vpn-1' });
    const e = new ApiError({ action: 'DiagnoseVpnGateway', code: 'InvalidResourceId.NotFound', kind: 'not-found', message: 'm', httpStatus: 404 });
    expect(problemFromError(e, { ResourceId: 'vco-x' }).message).toContain('ResourceId vco-x was not found');
  });

  it('names the RAM action of a Forbidden call', () => {
    const e = new ApiError({ action: 'DescribeVpnConnectionLogs', code: 'Forbidden', kind: 'forbidden', message: 'm', httpStatus: 403 });
    const p = problemFromError(e, {});
    expect(p.code).toBe('E_API_FORBIDDEN');
    expect(p.message).toContain('vpc:DescribeVpnConnectionLogs');
  });

  it('keeps only safe fields of SDK errors and scrubs the message', () => {
    const s = new SecretScrubber();
    s.add('TOPSECRETTOKEN');
    const sdkErr = Object.assign(new Error('ReadTimeout(10). POST /?SecurityToken=TOPSECRETTOKEN failed.'), { name: 'RequestTimeoutError' });
    const e = toApiError(sdkErr, 'DescribeVpnConnections', s);
    expect(e.kind).toBe('timeout');
    expect(e.message).not.toContain('TOPSECRETTOKEN');
    const tea = Object.assign(new Error('x'), { code: 'Forbidden', statusCode: 403, data: { Message: 'no TOPSECRETTOKEN', RequestId: 'R1', statusCode: 403 } });
    const f = toApiError(tea, 'DiagnoseVpnGateway', s);
    expect(f).toMatchObject({ code: 'Forbidden', kind: 'forbidden', httpStatus: 403, requestId: 'R1' });
    expect(f.message).not.toContain('TOPSECRETTOKEN');
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(toApiError(reset, 'A', s).kind).toBe('network');
  });
});

describe('flattenParams', () => {
  it('turns arrays into repeat lists and objects into JSON', () => {
    expect(flattenParams({ TunnelIds: ['a', 'b'], X: { P: 1 }, N: 3, U: undefined })).toEqual({ 'TunnelIds.1': 'a', 'TunnelIds.2': 'b', X: '{"P":1}', N: '3' });
  });
});
