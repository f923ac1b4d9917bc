// Gateway diagnoses in the simulated cloud: each one finishes its checks over several polls of
// GetVpnGatewayDiagnoseResult, only one may run per gateway, and ClientTokens make
// DiagnoseVpnGateway idempotent the way the API documents.
import { randomBytes } from 'node:crypto';
import { newRequestId, SimError } from './protocol.js';
import type { Json } from './scenario.js';

export interface Diagnosis {
  id: string;
  vpnGatewayId: string;
  resourceId: string;
  begin: Date;
  results: Json[];
  polls: number;
  pollsToFinish: number;
  /** Ends in IncorrectStatus.DiagnoseTimeout instead of a result. */
  timesOut: boolean;
  ended: boolean;
}

const iso = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export class DiagnosisBook {
  private readonly all: Diagnosis[] = [];
  private readonly tokens = new Map<string, { key: string; diagnoseId: string }>();

  start(vpnGatewayId: string, resourceId: string, results: Json[], pollsToFinish: number, timesOut: boolean): Diagnosis {
    const d: Diagnosis = {
      id: `vpndgn-${randomBytes(10).toString('hex').slice(0, 17)}`, vpnGatewayId, resourceId, begin: new Date(),
      results, polls: 0, pollsToFinish: Math.max(1, pollsToFinish), timesOut, ended: false,
    };
    this.all.push(d);
    return d;
  }

  running(vpnGatewayId: string): Diagnosis | undefined {
    return this.all.find((d) => d.vpnGatewayId === vpnGatewayId && !d.ended);
  }

  byId(id: string): Diagnosis | undefined {
    return this.all.find((d) => d.id === id);
  }

  latest(vpnGatewayId: string): Diagnosis | undefined {
    return this.all.filter((d) => d.vpnGatewayId === vpnGatewayId).pop();
  }

  /** The diagnosis a ClientToken already started, or a mismatch error when the token was used for other parameters. */
  replay(token: string | undefined, key: string): Diagnosis | undefined {
    if (!token) return undefined;
    const seen = this.tokens.get(token);
    if (!seen) return undefined;
    if (seen.key !== key) throw new SimError('IdempotentParameterMismatch');
    return this.byId(seen.diagnoseId);
  }

  remember(token: string | undefined, key: string, d: Diagnosis): void {
    if (token) this.tokens.set(token, { key, diagnoseId: d.id });
  }

  /** One poll: advances the diagnosis and returns the response body. */
  poll(d: Diagnosis): Json {
    if (!d.ended) d.polls++;
    const total = d.results.length;
    const done = d.polls >= d.pollsToFinish;
    if (done) d.ended = true;
    if (done && d.timesOut) throw new SimError('IncorrectStatus.DiagnoseTimeout');
    const finished = done ? total : Math.floor((total * d.polls) / d.pollsToFinish);
    const body: Json = {
      BeginTime: iso(d.begin), DiagnoseId: d.id, DiagnoseResult: d.results.slice(0, finished), FinishedCount: finished,
      RequestId: newRequestId(), ResourceInstanceId: d.resourceId, ResourceType: 'IPsec', TotalCount: total, VpnGatewayId: d.vpnGatewayId,
    };
    if (done) body.FinishTime = iso(new Date(Math.max(Date.now(), d.begin.getTime() + 1000)));
    return body;
  }
}
