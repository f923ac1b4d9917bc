import { describe, it, expect } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentEncode } from '../../src/sources/alicloud/secrets.js';
import { scenario, withSimulator, CREDS } from './harness.js';
import { runCli } from './cli-runner.js';

const GW = 'vpn-bp1labgateway000001';
const FAST = ['--poll-ms', '1', '--retry-ms', '1'];
const ENV = { ALIBABA_CLOUD_ACCESS_KEY_ID: CREDS.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: CREDS.accessKeySecret, ALIBABA_CLOUD_SECURITY_TOKEN: undefined };
const base = (url: string) => ['diagnose', '--endpoint', url, '--region', 'cn-hangzhou', ...FAST];

describe('diagnose: usage errors exit 2 with one line', () => {
  it.each([
    [['diagnose', '--gateway', GW], /--region/],
    [['diagnose', '--region', 'cn-hangzhou'], /--gateway vpn-… or --connection vco-…/],
    [['diagnose', '--region', 'Hangzhou!', '--gateway', GW], /not a region id/],
    [['diagnose', '--region', 'cn-hangzhou', '--gateway', 'vco-bp1x'], /not a VPN gateway id/],
    [['diagnose', '--region', 'cn-hangzhou', '--connection', 'vco-1', '--private-source-ip', '10.0.0.1'], /go together/],
    [['diagnose', '--region', 'cn-hangzhou', '--connection', 'vco-1', '--private-source-ip', '10.0.0.1', '--private-destination-ip', 'host'], /not an IPv4/],
    [['diagnose', '--region', 'cn-hangzhou', '--connection', 'vco-1', '--log-minutes', '0'], /--log-minutes/],
    [['diagnose', '--region', 'cn-hangzhou', '--connection', 'vco-1', '--timeout', 'soon'], /--timeout/],
    [['diagnose', '--region', 'cn-hangzhou', '--connection', 'vco-1', '--endpoint', 'ftp://x'], /scheme/],
  ])('%j', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});

describe('diagnose against the simulator', () => {
  it('prints the report and exits 0', async () => {
    await withSimulator(scenario('single'), async (sim) => {
      const r = await runCli([...base(sim.url), '--gateway', GW, '--format', 'json'], ENV);
      expect(r.code).toBe(0);
      const report = JSON.parse(r.stdout) as { subjects: { id: string; findings: { cause: string }[] }[] };
      expect(report.subjects[0]!.findings[0]!.cause).toBe('ike-proposal-mismatch');
    });
  });

  it('Forbidden: the report still prints, stderr names the RAM action, exit 3', async () => {
    await withSimulator(scenario('single', { deny: ['DiagnoseVpnGateway'] }), async (sim) => {
      const r = await runCli([...base(sim.url), '--gateway', GW], ENV);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain('the cloud refused DiagnoseVpnGateway (Forbidden): grant the RAM action vpc:DiagnoseVpnGateway');
      expect(r.stdout).toContain('ike-proposal-mismatch');
    });
  });

  it('an id that does not exist: the report lists it, exit 2', async () => {
    await withSimulator(scenario('single'), async (sim) => {
      const r = await runCli([...base(sim.url), '--gateway', 'vpn-bp1doesnotexist'], ENV);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('VpnGatewayId vpn-bp1doesnotexist has no IPsec connections in region cn-hangzhou');
    });
  });

  it('a wrong secret exits 3 with one line', async () => {
    await withSimulator(scenario('single'), async (sim) => {
      const r = await runCli([...base(sim.url), '--gateway', GW], { ...ENV, ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'a-wrong-secret-value' });
      expect(r.code).toBe(3);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain('SignatureDoesNotMatch');
    });
  });

  it('--profile reads ~/.alibabacloud/credentials; an unknown profile exits 2', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ipsec-doctor-home-'));
    mkdirSync(join(home, '.alibabacloud'));
    writeFileSync(join(home, '.alibabacloud', 'credentials'), `[sim]\ntype = access_key\naccess_key_id = ${CREDS.accessKeyId}\naccess_key_secret = ${CREDS.accessKeySecret}\n`);
    const env = { HOME: home, ALIBABA_CLOUD_ACCESS_KEY_ID: undefined, ALIBABA_CLOUD_ACCESS_KEY_SECRET: undefined, ALIBABA_CLOUD_CREDENTIALS_FILE: undefined, ALIBABA_CLOUD_PROFILE: undefined };
    try {
      await withSimulator(scenario('single'), async (sim) => {
        const ok = await runCli([...base(sim.url), '--gateway', GW, '--profile', 'sim', '--no-gateway-diagnosis'], env);
        expect(ok.code).toBe(0);
        expect(ok.stdout).toContain('ike-proposal-mismatch');
        const missing = await runCli([...base(sim.url), '--gateway', GW, '--profile', 'nope'], env);
        expect(missing.code).toBe(2);
        expect(missing.stderr).toMatch(/profile "nope"/);
        expect(missing.stderr).not.toContain(CREDS.accessKeySecret);
      });
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('shows FinishedCount/TotalCount progress on a terminal only', async () => {
    await withSimulator(scenario('single'), async (sim) => {
      const tty = await runCli([...base(sim.url), '--gateway', GW], ENV, { tty: true });
      expect(tty.stderr).toMatch(/gateway diagnosis vco-bp103da4211aff62a283 on vpn-bp1labgateway000001: 2\/6\n/);
      expect(tty.stderr).toMatch(/: 6\/6 done\n/);
      const pipe = await runCli([...base(sim.url), '--gateway', GW], ENV, { tty: false });
      expect(pipe.stderr).not.toMatch(/gateway diagnosis/);
    });
  });
});

describe('no secret reaches stdout or stderr', () => {
  const SECRET = 'Sup3r+Secret/Value=42!';
  const TOKEN = 'CAIS-sts-token-Zx9/+=q';
  const forms = (s: string) => [s, percentEncode(s), encodeURIComponent(s), percentEncode(percentEncode(s))];

  it.each(['acs3', 'v2'])('with --verbose, STS token, retries, refusals and failures (signature %s)', async (signature) => {
    const sc = scenario('dual-tunnel', { accessKeys: { LTAIcliTestKey: { secret: SECRET, securityToken: TOKEN } }, deny: ['DescribeVpnConnectionLogs'] });
    await withSimulator(sc, async (sim) => {
      const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIcliTestKey', ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET, ALIBABA_CLOUD_SECURITY_TOKEN: TOKEN };
      const runs = [
        await runCli([...base(sim.url), '--gateway', 'vpn-bp1dualgateway00001', '--verbose', '--signature', signature, '--format', 'json', '--explain'], env),
        await runCli([...base(sim.url), '--gateway', 'vpn-bp1dualgateway00001', '--verbose', '--signature', signature], { ...env, ALIBABA_CLOUD_SECURITY_TOKEN: `${TOKEN}x` }),
      ];
      expect(runs[0]!.code).toBe(3);
      expect(runs[0]!.stderr).toContain('[api] -> DescribeVpnConnections');
      expect(runs[1]!.code).toBe(3);
      for (const r of runs) {
        const all = r.stdout + r.stderr;
        for (const s of [...forms(SECRET), ...forms(TOKEN)]) expect(all).not.toContain(s);
        expect(all).not.toMatch(/do-not-print|"Psk"/);
      }
    }, [{ action: 'DiagnoseVpnConnections', code: 'Throttling.User' }, { action: 'GetVpnGatewayDiagnoseResult', delayMs: 50, reset: 'before' }]);
  });
});

describe('--save DIR, then analyze DIR', () => {
  const normalise = (json: string, dir: string) => {
    const r = JSON.parse(json.split(`${dir}/`).join('')) as Record<string, unknown> & { stats: Record<string, unknown> };
    delete r.generatedAt;
    delete r.stats.durationMs;
    return r;
  };

  it.each([['single', GW], ['dual-tunnel', 'vpn-bp1dualgateway00001']])('%s: the saved responses reproduce the same report', async (name, gw) => {
    const dir = mkdtempSync(join(tmpdir(), 'ipsec-doctor-save-'));
    try {
      await withSimulator(scenario(name), async (sim) => {
        const liveRun = await runCli([...base(sim.url), '--gateway', gw, '--save', dir, '--format', 'json'], ENV);
        expect(liveRun.code).toBe(0);
        expect(readdirSync(join(dir, 'api')).length).toBeGreaterThanOrEqual(4);
        const offline = await runCli(['analyze', dir, '--format', 'json']);
        expect(offline.code).toBe(0);
        expect(normalise(offline.stdout, dir)).toEqual(normalise(liveRun.stdout, dir));
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
