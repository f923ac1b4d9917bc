import { describe, it, expect } from 'vitest';
import { calls, doc, live, scenario, withSimulator, CREDS } from './harness.js';
import type { Fault } from '../../src/simulator/faults.js';

const GW = 'vpn-bp1labgateway000001';
const VCO = 'vco-bp103da4211aff62a283';
const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code);

describe('retried with backoff, then successful', () => {
  it.each<[string, Fault, string]>([
    ['VpnGateway.Configuring', { action: 'DiagnoseVpnGateway', code: 'VpnGateway.Configuring', times: 2 }, 'DiagnoseVpnGateway'],
    ['Throttling.User', { action: 'DescribeVpnConnections', code: 'Throttling.User', times: 2 }, 'DescribeVpnConnections'],
    ['Throttling.Api', { action: 'DiagnoseVpnConnections', code: 'Throttling.Api', times: 1 }, 'DiagnoseVpnConnections'],
    ['ServiceUnavailable (503)', { action: 'DescribeVpnConnectionLogs', code: 'ServiceUnavailable', times: 2 }, 'DescribeVpnConnectionLogs'],
    ['InternalError (500)', { action: 'GetVpnGatewayDiagnoseResult', code: 'InternalError', times: 1 }, 'GetVpnGatewayDiagnoseResult'],
    ['HTTP 502 with an HTML body', { action: 'DiagnoseVpnConnections', status: 502, times: 2 }, 'DiagnoseVpnConnections'],
    ['a connection reset', { action: 'GetVpnGatewayDiagnoseResult', reset: 'before', times: 2 }, 'GetVpnGatewayDiagnoseResult'],
    ['a read timeout', { action: 'DescribeVpnConnectionLogs', delayMs: 400, times: 1 }, 'DescribeVpnConnectionLogs'],
  ])('%s', async (_name, fault, action) => {
    await withSimulator(scenario('single'), async (sim) => {
      const r = await live(sim, { gatewayIds: [GW], requestTimeoutMs: 150 });
      expect(r.problems).toEqual([]);
      expect(calls(sim, action).length).toBeGreaterThan(1);
      expect(r.documents.map((d) => d.source)).toHaveLength(4);
    }, [fault]);
  });

  it('reuses one ClientToken across the retries of DiagnoseVpnGateway', async () => {
    await withSimulator(scenario('single'), async (sim) => {
      const r = await live(sim, { gatewayIds: [GW] });
      const starts = calls(sim, 'DiagnoseVpnGateway');
      expect(starts.map((s) => s.code ?? 'ok')).toEqual(['VpnGateway.Configuring', 'Throttling.User', 'ok']);
      expect(new Set(starts.map((s) => s.params.ClientToken)).size).toBe(1);
      expect(r.problems).toEqual([]);
    }, [{ action: 'DiagnoseVpnGateway', code: 'VpnGateway.Configuring' }, { action: 'DiagnoseVpnGateway', code: 'Throttling.User' }]);
  });

  it('a lost answer is replayed by the ClientToken, not refused as "already diagnosing"', async () => {
    await withSimulator(scenario('single'), async (sim) => {
      const r = await live(sim, { gatewayIds: [GW] });
      const starts = calls(sim, 'DiagnoseVpnGateway');
      expect(starts).toHaveLength(2);
      expect(starts[0]!.params.ClientToken).toBe(starts[1]!.params.ClientToken);
      expect(sim.book.latest(GW)).toBeDefined();
      expect(r.problems).toEqual([]);
      expect(doc(r, 'api/GetVpnGatewayDiagnoseResult-')[0]!.DiagnoseId).toBe(sim.book.latest(GW)!.id);
    }, [{ action: 'DiagnoseVpnGateway', reset: 'after' }]);
  });

  it('IdempotentParameterMismatch → a new token', async () => {
    await withSimulator(scenario('single'), async (sim) => {
      const r = await live(sim, { gatewayIds: [GW] });
      const [first, second] = calls(sim, 'DiagnoseVpnGateway');
      expect(first!.code).toBe('IdempotentParameterMismatch');
      expect(second!.params.ClientToken).not.toBe(first!.params.ClientToken);
      expect(r.problems).toEqual([]);
    }, [{ action: 'DiagnoseVpnGateway', code: 'IdempotentParameterMismatch' }]);
  });
});

describe('retries are bounded, and a failure loses nothing else', () => {
  it('gives up after maxAttempts and keeps the other results (partial failure)', async () => {
    await withSimulator(scenario('single'), async (sim) => {
      const r = await live(sim, { gatewayIds: [GW] });
      expect(calls(sim, 'DescribeVpnConnectionLogs')).toHaveLength(4);
      expect(codes(r)).toEqual(['E_API_THROTTLED']);
      expect(r.problems[0]!.message).toMatch(/DescribeVpnConnectionLogs.*after 4 attempts/);
      expect(r.documents.map((d) => d.source.split('-')[0])).toEqual(['api/DescribeVpnConnections', 'api/DiagnoseVpnConnections', 'api/GetVpnGatewayDiagnoseResult']);
    }, [{ action: 'DescribeVpnConnectionLogs', code: 'Throttling.User', times: 0 }]);
  });
});

describe('documented gateway-diagnosis states', () => {
  it('OperationFailed.VpnGatewayDiagnosing on our connection → follows that diagnosis by VpnGatewayId', async () => {
    await withSimulator(scenario('single', { runningDiagnoses: [{ vpnGatewayId: GW, resourceId: VCO }] }), async (sim) => {
      const r = await live(sim, { gatewayIds: [GW] });
      expect(calls(sim, 'DiagnoseVpnGateway')[0]!.code).toBe('OperationFailed.VpnGatewayDiagnosing');
      expect(calls(sim, 'DiagnoseVpnGateway')).toHaveLength(1);
      expect(calls(sim, 'GetVpnGatewayDiagnoseResult').every((c) => c.params.VpnGatewayId === GW && !c.params.DiagnoseId)).toBe(true);
      expect(r.problems).toEqual([]);
      expect(doc(r, 'api/GetVpnGatewayDiagnoseResult-')[0]).toMatchObject({ ResourceInstanceId: VCO, FinishedCount: 6, TotalCount: 6 });
    });
  });

  it('a diagnosis of another connection is waited out, then ours runs', async () => {
    const sc = scenario('paged');
    const [a, b] = sc.connections;
    sc.runningDiagnoses = [{ vpnGatewayId: a!.vpnGatewayId, resourceId: b!.vpnConnectionId }];
    await withSimulator(sc, async (sim) => {
      const r = await live(sim, { connectionIds: [a!.vpnConnectionId] });
      expect(calls(sim, 'DiagnoseVpnGateway').map((c) => c.code ?? 'ok')).toEqual(['OperationFailed.VpnGatewayDiagnosing', 'ok']);
      expect(r.problems).toEqual([]);
      expect(doc(r, 'api/GetVpnGatewayDiagnoseResult-')[0]!.ResourceInstanceId).toBe(a!.vpnConnectionId);
    });
  });

  it('OperationUnsupported.DiagnoseVpn → skipped for that gateway with a note, the rest goes on', async () => {
    await withSimulator(scenario('paged', { unsupportedGateways: ['vpn-bp1pagedgateway0001'] }), async (sim) => {
      const r = await live(sim, { gatewayIds: ['vpn-bp1pagedgateway0001'] });
      expect(calls(sim, 'DiagnoseVpnGateway')).toHaveLength(1);
      expect(codes(r)).toEqual(['E_API_DIAGNOSIS_UNSUPPORTED']);
      expect(r.problems[0]!.message).toContain('vpn-bp1pagedgateway0001');
      expect(doc(r, 'api/DescribeVpnConnectionLogs-')).toHaveLength(23);
    });
  });

  it('IncorrectStatus.DiagnoseTimeout → reported', async () => {
    await withSimulator(scenario('single', { diagnosisTimeouts: [VCO] }), async (sim) => {
      const r = await live(sim, { gatewayIds: [GW] });
      expect(codes(r)).toEqual(['E_API_DIAGNOSIS_TIMEOUT']);
      expect(r.problems[0]!.message).toContain(VCO);
    });
  });
});

describe('refusals and missing ids', () => {
  it('Forbidden names the missing RAM action and keeps the other results', async () => {
    await withSimulator(scenario('single', { deny: ['DiagnoseVpnGateway', 'DescribeVpnConnectionLogs'] }), async (sim) => {
      const r = await live(sim, { gatewayIds: [GW] });
      expect(r.refused.map((x) => x.ramAction).sort()).toEqual(['vpc:DescribeVpnConnectionLogs', 'vpc:DiagnoseVpnGateway']);
      expect(codes(r)).toEqual(['E_API_FORBIDDEN', 'E_API_FORBIDDEN']);
      const messages = r.problems.map((p) => p.message).join('\n');
      expect(messages).toContain('Grant the RAM action vpc:DiagnoseVpnGateway');
      expect(messages).toContain('Grant the RAM action vpc:DescribeVpnConnectionLogs');
      expect(calls(sim, 'DiagnoseVpnGateway')).toHaveLength(1);
      expect(doc(r, 'api/DiagnoseVpnConnections-')).toHaveLength(1);
    });
  });

  it('when DescribeVpnConnections is Forbidden, named connections are still diagnosed', async () => {
    await withSimulator(scenario('single', { deny: ['DescribeVpnConnections'] }), async (sim) => {
      const r = await live(sim, { gatewayIds: [GW], connectionIds: [VCO] });
      expect(r.refused.map((x) => x.ramAction)).toEqual(['vpc:DescribeVpnConnections']);
      expect(doc(r, 'api/DiagnoseVpnConnections-')).toHaveLength(1);
      expect(doc(r, 'api/GetVpnGatewayDiagnoseResult-')).toHaveLength(1);
    });
  });

  it('when DescribeVpnConnections is Forbidden, a gateway is asked whole and its connections learnt from the verdict', async () => {
    await withSimulator(scenario('dual-tunnel', { deny: ['DescribeVpnConnections'] }), async (sim) => {
      const r = await live(sim, { gatewayIds: ['vpn-bp1dualgateway00001'] });
      expect(r.connections).toEqual([{ vpnConnectionId: 'vco-bp1dualconn000000001', vpnGatewayId: 'vpn-bp1dualgateway00001', tunnels: ['tun-bp1dualtunnel0001', 'tun-bp1dualtunnel0002'] }]);
      expect(doc(r, 'api/DescribeVpnConnectionLogs-')).toHaveLength(2);
    });
  });

  it.each([
    [{ connectionIds: ['vco-bp1doesnotexist'] }, 'VpnConnectionId vco-bp1doesnotexist was not found'],
    [{ gatewayIds: ['vpn-bp1doesnotexist'] }, 'VpnGatewayId vpn-bp1doesnotexist has no IPsec connections'],
  ])('an unknown id is named: %j', async (scope, text) => {
    await withSimulator(scenario('single'), async (sim) => {
      const r = await live(sim, scope);
      expect(codes(r)).toEqual(['E_API_NOT_FOUND']);
      expect(r.problems[0]!.message).toContain(text);
    });
  });

  it('a *.NotFound from DiagnoseVpnGateway says which id', async () => {
    const sc = scenario('single');
    await withSimulator(sc, async (sim) => {
      const r = await live(sim, { gatewayIds: [GW] });
      expect(codes(r)).toEqual(['E_API_NOT_FOUND']);
      expect(r.problems[0]!.message).toContain(`ResourceId ${VCO} was not found`);
    }, [{ action: 'DiagnoseVpnGateway', code: 'InvalidResourceId.NotFound' }]);
  });

  it('a wrong secret is fatal: the signature is refused and nothing else is asked', async () => {
    await withSimulator(scenario('single'), async (sim) => {
      const r = await live(sim, { gatewayIds: [GW], credentials: { ...CREDS, accessKeySecret: 'wrong-secret-value' } });
      expect(r.fatal).toMatchObject({ code: 'SignatureDoesNotMatch', kind: 'auth' });
      expect(r.documents).toEqual([]);
      expect(sim.requests).toHaveLength(1);
      expect(sim.requests[0]!.code).toBe('SignatureDoesNotMatch');
    });
  });

  it('an unreachable endpoint is fatal after bounded retries', async () => {
    await withSimulator(scenario('single'), async (sim) => {
      await sim.close();
      const r = await live(sim, { gatewayIds: [GW] });
      expect(r.fatal?.kind).toBe('network');
    });
  });
});
