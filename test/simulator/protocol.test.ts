import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';
import { BUILTIN_SCENARIOS, DEMO_ACCESS_KEY_ID as KEY, DEMO_ACCESS_KEY_SECRET as SECRET } from '../../src/simulator/scenario.js';
import { AliCloudClient } from '../../src/sources/alicloud/client.js';
import { rawCall } from './raw-signer.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ scenario: BUILTIN_SCENARIOS.single!() });
});
afterAll(async () => {
  await sim.close();
});

const REGION = { RegionId: 'cn-hangzhou' };
const GW = 'vpn-bp1labgateway000001';
const VCO = 'vco-bp103da4211aff62a283';

describe('ACS3 signature check (independent signer, raw HTTP)', () => {
  it('accepts a correct signature', async () => {
    const r = await rawCall(sim.url, { action: 'DescribeVpnConnections', params: REGION, keyId: KEY, secret: SECRET });
    expect(r.status).toBe(200);
    expect(r.body.TotalCount).toBe(1);
  });

  it.each([
    ['a wrong secret', { secret: 'wrong-secret-123' }, 400, 'SignatureDoesNotMatch'],
    ['an unknown AccessKeyId', { keyId: 'LTAInobody' }, 404, 'InvalidAccessKeyId.NotFound'],
    ['a parameter changed after signing', { tamper: (r: { query: Record<string, string> }) => { r.query.VpnGatewayId = 'vpn-other'; } }, 400, 'SignatureDoesNotMatch'],
    ['a date 20 minutes old', { date: new Date(Date.now() - 20 * 60_000).toISOString().replace(/\.\d+Z$/, 'Z') }, 400, 'InvalidTimeStamp.Expired'],
    ['an unsigned x-acs-date', { signed: (h: string[]) => h.filter((x) => x !== 'x-acs-date') }, 400, 'IncompleteSignature'],
    ['no Authorization at all', { tamper: (r: { headers: Record<string, string> }) => { delete r.headers.authorization; } }, 400, 'MissingAuthorization'],
  ])('rejects %s', async (_name, patch, status, code) => {
    const r = await rawCall(sim.url, { action: 'DescribeVpnConnections', params: REGION, keyId: KEY, secret: SECRET, ...patch });
    expect(r.status).toBe(status);
    expect(r.body.Code).toBe(code);
    expect(r.body).toHaveProperty('RequestId');
  });

  it('rejects a replayed nonce', async () => {
    const nonce = 'fixed-nonce-1';
    expect((await rawCall(sim.url, { action: 'DescribeVpnConnections', params: REGION, keyId: KEY, secret: SECRET, nonce })).status).toBe(200);
    expect((await rawCall(sim.url, { action: 'DescribeVpnConnections', params: REGION, keyId: KEY, secret: SECRET, nonce })).body.Code).toBe('SignatureNonceUsed');
  });

  it('routes Action and Version', async () => {
    expect((await rawCall(sim.url, { action: 'DeleteVpc', params: REGION, keyId: KEY, secret: SECRET })).body.Code).toBe('InvalidAction.NotFound');
    expect((await rawCall(sim.url, { action: 'DescribeVpnConnections', params: REGION, keyId: KEY, secret: SECRET, version: '2014-05-15' })).body.Code).toBe('InvalidVersion');
  });
});

describe('the real SDK against the simulator', () => {
  const client = (opts: { secret?: string; v2?: boolean } = {}) => new AliCloudClient({
    region: 'cn-hangzhou', endpoint: { host: `127.0.0.1:${sim.port}`, protocol: 'http' },
    credentials: { accessKeyId: KEY, accessKeySecret: opts.secret ?? SECRET },
    ...(opts.v2 ? { signatureAlgorithm: 'v2' as const } : {}),
    retry: { maxAttempts: 1 },
  });

  it.each([false, true])('signs correctly (v2 form: %s)', async (v2) => {
    const body = await client({ v2 }).call('DescribeVpnConnections', { VpnGatewayId: GW });
    expect(body.TotalCount).toBe(1);
    expect(sim.requests.at(-1)!.signature).toBe(v2 ? 'v2' : 'ACS3');
  });

  it.each([false, true])('is refused with a wrong secret (v2 form: %s)', async (v2) => {
    await expect(client({ secret: 'not-the-secret', v2 }).call('DescribeVpnConnections', {})).rejects.toMatchObject({ code: 'SignatureDoesNotMatch', kind: 'auth' });
  });

  it.each([
    ['GetVpnGatewayDiagnoseResult', {}, 'MissingParam.DiagnoseInfo', 400],
    ['GetVpnGatewayDiagnoseResult', { DiagnoseId: 'vpndgn-nope' }, 'InvalidDiagnoseId.NotFound', 404],
    ['GetVpnGatewayDiagnoseResult', { VpnGatewayId: GW }, 'InvalidVpnGatewayId.NotFound', 404],
    ['GetVpnGatewayDiagnoseResult', { VpnGatewayId: 'vpn-nope' }, 'InvalidVpnGatewayInstanceId.NotFound', 404],
    ['DiagnoseVpnGateway', { VpnGatewayId: GW, ResourceId: VCO }, 'MissingResourceType', 400],
    ['DiagnoseVpnGateway', { VpnGatewayId: GW, ResourceId: VCO, ResourceType: 'SSL' }, 'IllegalParam.ResourceType', 400],
    ['DiagnoseVpnGateway', { VpnGatewayId: GW, ResourceId: VCO, ResourceType: 'IPsec', IPsecExtendInfo: '{"PrivateSourceIp":"10.0.0.300","PrivateDestinationIp":"10.1.0.1"}' }, 'IllegalParam.PrivateSourceIp', 400],
    ['DiagnoseVpnGateway', { VpnGatewayId: GW, ResourceId: VCO, ResourceType: 'IPsec', IPsecExtendInfo: '{"PrivateSourceIp":"10.0.0.3","PrivateDestinationIp":"x"}' }, 'IllegalParam.PrivateDestinationIp', 400],
    ['DiagnoseVpnGateway', { VpnGatewayId: 'vpn-nope', ResourceId: VCO, ResourceType: 'IPsec' }, 'InvalidVpnGatewayInstanceId.NotFound', 404],
    ['DiagnoseVpnGateway', { VpnGatewayId: GW, ResourceId: 'vco-nope', ResourceType: 'IPsec' }, 'InvalidResourceId.NotFound', 404],
    ['DiagnoseVpnConnections', {}, 'InvalidParameter', 400],
    ['DescribeVpnConnectionLogs', { VpnConnectionId: VCO, From: 1795299254000, To: 1795299854000 }, 'InvalidParameter', 400],
    ['DescribeVpnConnectionLogs', { VpnConnectionId: VCO }, 'InvalidParameter', 400],
    ['DescribeVpnConnectionLogs', { VpnConnectionId: VCO, MinutePeriod: 11 }, 'InvalidParameter', 400],
    ['DescribeVpnConnectionLogs', { VpnConnectionId: 'vco-nope', MinutePeriod: 5 }, 'InvalidVpnConnectionInstanceId.NotFound', 404],
    ['DescribeVpnConnections', { PageSize: 51 }, 'InvalidParameter', 400],
  ])('%s %j → %s', async (action, params, code, status) => {
    await expect(client().call(action, params)).rejects.toMatchObject({ code, httpStatus: status });
  });

  it('answers DescribeVpnConnections with Psk like the real API (the client strips it later)', async () => {
    const body = await client().call('DescribeVpnConnections', { VpnConnectionId: VCO });
    expect(JSON.stringify(body)).toContain('Psk');
  });
});
