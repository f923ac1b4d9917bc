// `ipsec-doctor simulate`: runs the local Alibaba Cloud VPC API simulator on 127.0.0.1 so that
// `diagnose --endpoint` can be tried without an account. Prints where it listens, what the
// scenario contains and the demo AccessKey pair (valid only against the simulator), then logs one
// line per request on stderr until Ctrl-C.
import type { Command } from 'commander';
import { fail } from './exit.js';
import type { Fault } from '../simulator/faults.js';
import type { Scenario } from '../simulator/scenario.js';
import type { Simulator } from '../simulator/server.js';

export interface SimulateCliOptions {
  port: string;
  scenario?: string;
  fault: string[];
  polls?: string;
  deny: string[];
  unsupported: string[];
  quiet?: boolean;
}

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

/** Resolves the scenario and faults from the options; a string is the usage error. */
export async function simulatorSetup(o: SimulateCliOptions): Promise<{ scenario: Scenario; faults: Fault[]; port: number } | string> {
  const { resolveScenario } = await import('../simulator/scenario-load.js');
  const { parseFault } = await import('../simulator/faults.js');
  const port = Number(o.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return `--port ${o.port} is not a port number`;
  let scenario: Scenario;
  try {
    scenario = resolveScenario(o.scenario);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  const faults: Fault[] = [];
  for (const spec of o.fault) {
    const f = parseFault(spec);
    if ('error' in f) return f.error;
    faults.push(f);
  }
  if (o.polls !== undefined) {
    const n = Number(o.polls);
    if (!Number.isInteger(n) || n < 1 || n > 100) return `--polls ${o.polls} must be a whole number from 1 to 100`;
    scenario.diagnosisPolls = n;
  }
  if (o.deny.length) scenario.deny = [...(scenario.deny ?? []), ...o.deny];
  if (o.unsupported.length) scenario.unsupportedGateways = [...(scenario.unsupportedGateways ?? []), ...o.unsupported];
  return { scenario, faults, port };
}

/** What `simulate` prints on start: the URL, the resources, credentials and a command to try. */
export function banner(sim: Simulator): string {
  const [keyId, key] = Object.entries(sim.scenario.accessKeys)[0] ?? ['', { secret: '' }];
  const gateways = [...new Set(sim.scenario.connections.map((c) => c.vpnGatewayId))];
  const lines = [
    `ipsec-doctor simulator: scenario "${sim.scenario.name}" (${sim.scenario.description}) on ${sim.url}`,
    `  region ${sim.scenario.regionId}; gateways ${gateways.join(', ')}`,
    ...sim.scenario.connections.map((c) => `  ${c.vpnConnectionId} on ${c.vpnGatewayId}: ${c.tunnels?.length ? `dual-tunnel ${c.tunnels.map((t) => t.tunnelId).join(', ')}` : 'single-tunnel'}`),
    '  simulator-only credentials (not a real AccessKey):',
    `    export ALIBABA_CLOUD_ACCESS_KEY_ID=${keyId} ALIBABA_CLOUD_ACCESS_KEY_SECRET=${key.secret}`,
    `  try: ipsec-doctor diagnose --endpoint ${sim.url} --region ${sim.scenario.regionId} --gateway ${gateways[0] ?? 'vpn-…'}`,
    'Press Ctrl-C to stop.',
  ];
  return `${lines.join('\n')}\n`;
}

export function registerSimulateCommand(program: Command): void {
  program
    .command('simulate')
    .description('run a local simulator of the Alibaba Cloud VPC API (signature checks, paging, async diagnosis, injected errors) on 127.0.0.1')
    .option('--port <n>', 'port on 127.0.0.1 (0 = any free port)', '8080')
    .option('--scenario <name|dir>', 'single, dual-tunnel, paged, a fixture case name, or a directory of saved API responses', 'single')
    .option('--fault <spec>', 'inject ACTION:CODE|status=N|delay=MS|reset|reset-after[@TIMES] (repeatable; ACTION may be *)', collect, [])
    .option('--polls <n>', 'polls a gateway diagnosis takes to finish (default 3)')
    .option('--deny <action>', 'answer this action with 403 Forbidden, as a RAM policy without it would (repeatable)', collect, [])
    .option('--unsupported <vpn-id>', 'this gateway cannot diagnose: OperationUnsupported.DiagnoseVpn (repeatable)', collect, [])
    .option('-q, --quiet', 'do not log requests')
    .action(async (o: SimulateCliOptions) => {
      const setup = await simulatorSetup(o);
      if (typeof setup === 'string') return fail(2, setup);
      const { startSimulator } = await import('../simulator/server.js');
      let sim: Simulator;
      try {
        sim = await startSimulator({ ...setup, ...(o.quiet ? {} : { log: (line: string) => process.stderr.write(`${line}\n`) }) });
      } catch (e) {
        return fail(4, `cannot listen on 127.0.0.1:${setup.port}: ${e instanceof Error ? e.message : String(e)}`);
      }
      process.stdout.write(banner(sim));
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await sim.close();
    });
}
