// Shared test setup: a simulator on a random loopback port plus fast retry/poll settings, so that
// every live-diagnosis test talks real HTTP to a real server and still runs in milliseconds.
import { collectLiveDiagnosis } from '../../src/sources/alicloud/collect.js';
import type { LiveDiagnosisHooks, LiveDiagnosisOptions, LiveDiagnosisResult } from '../../src/sources/alicloud/types.js';
import { startSimulator, type Simulator } from '../../src/simulator/server.js';
import { BUILTIN_SCENARIOS, DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET, type Scenario } from '../../src/simulator/scenario.js';
import type { Fault } from '../../src/simulator/faults.js';

export const CREDS = { accessKeyId: DEMO_ACCESS_KEY_ID, accessKeySecret: DEMO_ACCESS_KEY_SECRET };

export function scenario(name: string, patch: Partial<Scenario> = {}): Scenario {
  return { ...BUILTIN_SCENARIOS[name]!(), ...patch };
}

export async function withSimulator<T>(sc: Scenario, fn: (sim: Simulator) => Promise<T>, faults: Fault[] = []): Promise<T> {
  const sim = await startSimulator({ scenario: sc, faults });
  try {
    return await fn(sim);
  } finally {
    await sim.close();
  }
}

/** Options that make retries and polls take a few ms. */
export function fastOptions(sim: Simulator, o: Partial<LiveDiagnosisOptions>): LiveDiagnosisOptions {
  return {
    region: sim.scenario.regionId,
    endpoint: { host: `127.0.0.1:${sim.port}`, protocol: 'http' },
    credentials: CREDS,
    retry: { maxAttempts: 4, baseDelayMs: 2, maxDelayMs: 10 },
    poll: { initialDelayMs: 2, maxDelayMs: 5, factor: 1.5 },
    requestTimeoutMs: 2000,
    timeoutSeconds: 10,
    ...o,
  };
}

export function live(sim: Simulator, o: Partial<LiveDiagnosisOptions>, hooks: LiveDiagnosisHooks = {}): Promise<LiveDiagnosisResult> {
  return collectLiveDiagnosis(fastOptions(sim, o), hooks);
}

export function doc(result: LiveDiagnosisResult, prefix: string): Record<string, unknown>[] {
  return result.documents.filter((d) => d.source.startsWith(prefix)).map((d) => JSON.parse(d.content) as Record<string, unknown>);
}

export const calls = (sim: Simulator, action: string) => sim.requests.filter((r) => r.action === action);
