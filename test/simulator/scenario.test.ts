import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioDir, resolveScenario } from '../../src/simulator/scenario-load.js';
import { parseFault, FaultQueue } from '../../src/simulator/faults.js';

const LAB = join(import.meta.dirname, '..', 'fixtures', 'lab');
const GD = join(import.meta.dirname, '..', 'fixtures', 'gateway-diagnosis');
const labA = readdirSync(LAB).filter((d) => d.endsWith('-A'));

describe('scenarios from fixtures', () => {
  it.each(labA)('%s: one single-tunnel connection with its verdict and every log line', (name) => {
    const sc = loadScenarioDir(join(LAB, name));
    const expected = JSON.parse(readFileSync(join(LAB, name, 'expected.json'), 'utf8')) as { subject: string };
    const logs = JSON.parse(readFileSync(join(LAB, name, 'input', 'describe-vpn-connection-logs.json'), 'utf8')) as { Data: { Logs: string[] } };
    expect(sc.connections).toHaveLength(1);
    const c = sc.connections[0]!;
    expect(c.vpnConnectionId).toBe(expected.subject);
    expect(c.tunnels).toBeUndefined();
    expect(c.diagnose?.FailedReasonCode).toBeTruthy();
    expect(c.logs).toHaveLength(logs.Data.Logs.length);
    expect(c.vpnGatewayId).toMatch(/^vpn-/);
  });

  it.each(['gd-public-all-normal', 'gd-public-private-loss'])('%s: the gateway-diagnosis result on its gateway', (name) => {
    const sc = loadScenarioDir(join(GD, name));
    expect(sc.connections).toHaveLength(1);
    expect(sc.connections[0]!.vpnGatewayId).toBe('vpn-bp1pubgw000001');
    expect(sc.connections[0]!.gatewayDiagnosis).toHaveLength(7);
  });

  it('resolves built-in names, fixture case names and directories', () => {
    expect(resolveScenario('dual-tunnel').connections[0]!.tunnels).toHaveLength(2);
    expect(resolveScenario('paged').connections).toHaveLength(23);
    expect(resolveScenario('r2-pfs_mismatch_v1-A').connections[0]!.diagnose?.FailedReasonCode).toBe('PfsMismatch');
    expect(resolveScenario(join(GD, 'gd-public-all-normal')).name).toBe('gd-public-all-normal');
    expect(() => resolveScenario('no-such-scenario')).toThrow(/unknown scenario/);
  });
});

describe('faults', () => {
  it.each([
    ['DiagnoseVpnGateway:OperationFailed.VpnGatewayDiagnosing', { action: 'DiagnoseVpnGateway', code: 'OperationFailed.VpnGatewayDiagnosing' }],
    ['*:Throttling.User@3', { action: '*', code: 'Throttling.User', times: 3 }],
    ['DescribeVpnConnectionLogs:delay=2500', { action: 'DescribeVpnConnectionLogs', delayMs: 2500 }],
    ['GetVpnGatewayDiagnoseResult:reset@0', { action: 'GetVpnGatewayDiagnoseResult', reset: 'before', times: 0 }],
    ['DiagnoseVpnGateway:reset-after', { action: 'DiagnoseVpnGateway', reset: 'after' }],
    ['DiagnoseVpnConnections:status=502', { action: 'DiagnoseVpnConnections', status: 502 }],
  ])('parses %s', (spec, want) => {
    expect(parseFault(spec)).toEqual(want);
  });

  it.each(['nocolon', 'A:delay=x', 'A:!!'])('rejects %s', (spec) => {
    expect(parseFault(spec)).toHaveProperty('error');
  });

  it('consumes faults per action and count', () => {
    const q = new FaultQueue();
    q.add({ action: 'A', code: 'X', times: 2 }, { code: 'Y' });
    expect(q.take('B')?.code).toBe('Y');
    expect(q.take('B')).toBeUndefined();
    expect(q.take('A')?.code).toBe('X');
    expect(q.take('A')?.code).toBe('X');
    expect(q.take('A')).toBeUndefined();
  });
});
