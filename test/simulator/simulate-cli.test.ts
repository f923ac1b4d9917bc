import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { banner, simulatorSetup, type SimulateCliOptions } from '../../src/cli/simulate.js';
import { startSimulator } from '../../src/simulator/server.js';
import { DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET } from '../../src/simulator/scenario.js';

const opts = (o: Partial<SimulateCliOptions>): SimulateCliOptions => ({ port: '0', fault: [], deny: [], unsupported: [], ...o });

describe('simulate options', () => {
  it('builds the scenario with faults, polls, denials and unsupported gateways', async () => {
    const s = await simulatorSetup(opts({ scenario: 'dual-tunnel', fault: ['DiagnoseVpnGateway:Throttling.User@2'], polls: '5', deny: ['DescribeVpnConnectionLogs'], unsupported: ['vpn-x'] }));
    if (typeof s === 'string') throw new Error(s);
    expect(s.scenario.name).toBe('dual-tunnel');
    expect(s.scenario.diagnosisPolls).toBe(5);
    expect(s.scenario.deny).toEqual(['DescribeVpnConnectionLogs']);
    expect(s.scenario.unsupportedGateways).toEqual(['vpn-x']);
    expect(s.faults).toEqual([{ action: 'DiagnoseVpnGateway', code: 'Throttling.User', times: 2 }]);
  });

  it.each([
    [{ port: 'http' }, /--port/],
    [{ scenario: 'nope' }, /unknown scenario/],
    [{ fault: ['bad'] }, /--fault/],
    [{ polls: '0' }, /--polls/],
  ])('refuses %j', async (o, message) => {
    expect(await simulatorSetup(opts(o))).toMatch(message);
  });

  it('prints where it listens, what it holds and how to try it', async () => {
    const s = await simulatorSetup(opts({ scenario: 'dual-tunnel' }));
    if (typeof s === 'string') throw new Error(s);
    const sim = await startSimulator(s);
    try {
      const text = banner(sim);
      expect(text).toContain(sim.url);
      expect(text).toContain('dual-tunnel tun-bp1dualtunnel0001, tun-bp1dualtunnel0002');
      expect(text).toContain(`ALIBABA_CLOUD_ACCESS_KEY_ID=${DEMO_ACCESS_KEY_ID}`);
      expect(text).toContain(`ipsec-doctor diagnose --endpoint ${sim.url} --region cn-hangzhou --gateway vpn-bp1dualgateway00001`);
    } finally {
      await sim.close();
    }
  });
});

// The credential-free demo, end to end through the built CLI (`npm test` builds it first).
const MAIN = join(import.meta.dirname, '..', '..', 'dist', 'src', 'cli', 'main.js');

describe('simulate + diagnose --endpoint as processes', () => {
  it('has a built CLI to run', () => {
    expect(existsSync(MAIN), `${MAIN} missing: run npm run build`).toBe(true);
  });

  it('answers diagnose with the right finding, then stops on SIGTERM', async () => {
    const sim = spawn(process.execPath, [MAIN, 'simulate', '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let text = '';
        sim.stdout.on('data', (c: Buffer) => {
          text += c.toString();
          const m = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(text);
          if (m) resolve(m[1]!);
        });
        sim.once('exit', () => reject(new Error(`simulate exited: ${text}`)));
      });
      const env = { ...process.env, ALIBABA_CLOUD_ACCESS_KEY_ID: DEMO_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEMO_ACCESS_KEY_SECRET };
      const diag = spawn(process.execPath, [MAIN, 'diagnose', '--endpoint', url, '--region', 'cn-hangzhou', '--gateway', 'vpn-bp1labgateway000001', '--format', 'json', '--poll-ms', '5', '--verbose'], { env });
      let out = '';
      let err = '';
      diag.stdout.on('data', (c: Buffer) => (out += c.toString()));
      diag.stderr.on('data', (c: Buffer) => (err += c.toString()));
      const code = await new Promise<number | null>((resolve) => diag.once('exit', resolve));
      expect(code).toBe(0);
      expect((JSON.parse(out) as { subjects: { findings: { cause: string }[] }[] }).subjects[0]!.findings[0]!.cause).toBe('ike-proposal-mismatch');
      expect(out + err).not.toContain(DEMO_ACCESS_KEY_SECRET);
    } finally {
      sim.kill('SIGTERM');
      await new Promise((resolve) => sim.once('exit', resolve));
    }
  });
});
