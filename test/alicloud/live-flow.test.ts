import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { loadScenarioDir } from '../../src/simulator/scenario-load.js';
import { manyConnections } from '../../src/simulator/scenario.js';
import type { DiagnosisProgress } from '../../src/sources/alicloud/types.js';
import { calls, doc, live, scenario, withSimulator } from './harness.js';

const LAB = join(import.meta.dirname, '..', 'fixtures', 'lab');

describe('pagination', () => {
  it('fetches every page of DescribeVpnConnections and DiagnoseVpnConnections (23 connections, pages of 10)', async () => {
    await withSimulator(scenario('paged'), async (sim) => {
      const r = await live(sim, { gatewayIds: ['vpn-bp1pagedgateway0001'], gatewayDiagnosis: false });
      expect(r.problems).toEqual([]);
      expect(r.connections).toHaveLength(23);
      expect(calls(sim, 'DescribeVpnConnections').map((c) => c.params.PageNumber)).toEqual(['1', '2', '3']);
      expect(calls(sim, 'DiagnoseVpnConnections').map((c) => c.params.PageNumber)).toEqual(['1', '2', '3']);
      const verdicts = doc(r, 'api/DiagnoseVpnConnections-').flatMap((b) => b.VpnConnections as unknown[]);
      expect(verdicts).toHaveLength(23);
      expect(doc(r, 'api/DescribeVpnConnectionLogs-')).toHaveLength(23);
    });
  });

  it('an exact multiple of the page size ends on an empty page that is not kept', async () => {
    await withSimulator(manyConnections(20), async (sim) => {
      const r = await live(sim, { gatewayIds: ['vpn-bp1pagedgateway0001'], gatewayDiagnosis: false });
      expect(r.connections).toHaveLength(20);
      expect(calls(sim, 'DescribeVpnConnections')).toHaveLength(3);
      expect(doc(r, 'api/DescribeVpnConnections-')).toHaveLength(2);
    });
  });

  it('fetches every page of DescribeVpnConnectionLogs (254 lines, pages of 50)', async () => {
    await withSimulator(loadScenarioDir(join(LAB, 'r2-p1_hash_mismatch_v1-A')), async (sim) => {
      const r = await live(sim, { connectionIds: ['vco-bp103da4211aff62a283'], gatewayDiagnosis: false });
      const pages = doc(r, 'api/DescribeVpnConnectionLogs-');
      expect(pages).toHaveLength(6);
      expect(pages.flatMap((p) => (p.Data as { Logs: string[] }).Logs)).toHaveLength(254);
      expect(pages.every((p) => p.VpnConnectionId === 'vco-bp103da4211aff62a283' && !('TunnelId' in p))).toBe(true);
      const window = calls(sim, 'DescribeVpnConnectionLogs')[0]!.params;
      expect(Number(window.To) - Number(window.From)).toBe(600);
      expect(Number(window.To)).toBeLessThan(1e11);
    });
  });
});

describe('connection modes', () => {
  it('single-tunnel: DiagnoseVpnConnections by VpnConnectionIds; the settings are kept without Psk', async () => {
    await withSimulator(scenario('single'), async (sim) => {
      const r = await live(sim, { gatewayIds: ['vpn-bp1labgateway000001'] });
      expect(r.problems).toEqual([]);
      expect(r.connections).toEqual([{ vpnConnectionId: 'vco-bp103da4211aff62a283', vpnGatewayId: 'vpn-bp1labgateway000001', tunnels: [] }]);
      const diag = calls(sim, 'DiagnoseVpnConnections')[0]!.params;
      expect(diag['VpnConnectionIds.1']).toBe('vco-bp103da4211aff62a283');
      expect(Object.keys(diag).some((k) => k.startsWith('TunnelIds'))).toBe(false);
      const described = doc(r, 'api/DescribeVpnConnections-')[0]!;
      expect(JSON.stringify(described)).toContain('"IkeAuthAlg":"sha256"');
      expect(r.documents.map((d) => d.content).join('')).not.toMatch(/Psk|do-not-print/);
    });
  });

  it('dual-tunnel: TunnelIds, logs per tunnel labelled with VpnConnectionId and TunnelId', async () => {
    await withSimulator(scenario('dual-tunnel'), async (sim) => {
      const r = await live(sim, { connectionIds: ['vco-bp1dualconn000000001'] });
      expect(r.problems).toEqual([]);
      expect(r.connections[0]!.tunnels).toEqual(['tun-bp1dualtunnel0001', 'tun-bp1dualtunnel0002']);
      const diag = calls(sim, 'DiagnoseVpnConnections')[0]!.params;
      expect([diag['TunnelIds.1'], diag['TunnelIds.2']]).toEqual(['tun-bp1dualtunnel0001', 'tun-bp1dualtunnel0002']);
      expect(diag['VpnConnectionIds.1']).toBeUndefined();
      const logs = doc(r, 'api/DescribeVpnConnectionLogs-');
      expect(logs.map((l) => [l.VpnConnectionId, l.TunnelId])).toEqual([
        ['vco-bp1dualconn000000001', 'tun-bp1dualtunnel0001'],
        ['vco-bp1dualconn000000001', 'tun-bp1dualtunnel0002'],
      ]);
      expect(calls(sim, 'DescribeVpnConnectionLogs').map((c) => c.params.TunnelId)).toEqual(['tun-bp1dualtunnel0001', 'tun-bp1dualtunnel0002']);
      expect(r.documents.map((d) => d.content).join('')).not.toMatch(/Psk|do-not-print/);
    });
  });

  it('--tunnel narrows a dual-tunnel connection to one tunnel and reports unknown tunnels', async () => {
    await withSimulator(scenario('dual-tunnel'), async (sim) => {
      const r = await live(sim, { connectionIds: ['vco-bp1dualconn000000001'], tunnelIds: ['tun-bp1dualtunnel0002', 'tun-nope'], gatewayDiagnosis: false });
      expect(calls(sim, 'DiagnoseVpnConnections')[0]!.params['TunnelIds.1']).toBe('tun-bp1dualtunnel0002');
      expect(calls(sim, 'DiagnoseVpnConnections')[0]!.params['TunnelIds.2']).toBeUndefined();
      expect(r.problems.map((p) => p.code)).toEqual(['E_API_NOT_FOUND']);
      expect(r.problems[0]!.message).toContain('tun-nope');
    });
  });
});

describe('asynchronous gateway diagnosis', () => {
  it('polls until FinishedCount == TotalCount, reporting progress each poll', async () => {
    await withSimulator(scenario('single', { diagnosisPolls: 4 }), async (sim) => {
      const seen: DiagnosisProgress[] = [];
      const r = await live(sim, { gatewayIds: ['vpn-bp1labgateway000001'], privateSourceIp: '172.16.3.9', privateDestinationIp: '10.20.0.5' }, { progress: (p) => seen.push(p) });
      expect(seen.map((p) => `${p.finished}/${p.total}`)).toEqual(['1/6', '3/6', '4/6', '6/6']);
      expect(seen.at(-1)!.done).toBe(true);
      expect(seen.every((p) => p.vpnConnectionId === 'vco-bp103da4211aff62a283')).toBe(true);
      const start = calls(sim, 'DiagnoseVpnGateway')[0]!.params;
      expect(start).toMatchObject({ ResourceType: 'IPsec', ResourceId: 'vco-bp103da4211aff62a283', VpnGatewayId: 'vpn-bp1labgateway000001' });
      expect(JSON.parse(start.IPsecExtendInfo!)).toEqual({ PrivateSourceIp: '172.16.3.9', PrivateDestinationIp: '10.20.0.5' });
      expect(start.ClientToken).toMatch(/^[\w-]{16,}$/);
      const result = doc(r, 'api/GetVpnGatewayDiagnoseResult-')[0]!;
      expect(result).toMatchObject({ FinishedCount: 6, TotalCount: 6 });
      expect(result.FinishTime).toBeTruthy();
      expect(calls(sim, 'GetVpnGatewayDiagnoseResult')).toHaveLength(4);
    });
  });

  it('--no-gateway-diagnosis makes no gateway-diagnosis call', async () => {
    await withSimulator(scenario('single'), async (sim) => {
      await live(sim, { gatewayIds: ['vpn-bp1labgateway000001'], gatewayDiagnosis: false });
      expect(calls(sim, 'DiagnoseVpnGateway')).toHaveLength(0);
    });
  });

  it('stops polling at the timeout and keeps the finished checks', async () => {
    await withSimulator(scenario('single', { diagnosisPolls: 10_000 }), async (sim) => {
      const r = await live(sim, { gatewayIds: ['vpn-bp1labgateway000001'], timeoutSeconds: 0.1 });
      expect(r.problems.map((p) => p.code)).toEqual(['E_API_DIAGNOSIS_INCOMPLETE']);
      const partial = doc(r, 'api/GetVpnGatewayDiagnoseResult-')[0]!;
      expect(partial.TotalCount).toBe(6);
      expect(partial.FinishTime).toBeUndefined();
      expect(doc(r, 'api/DiagnoseVpnConnections-')).toHaveLength(1);
    });
  });
});
