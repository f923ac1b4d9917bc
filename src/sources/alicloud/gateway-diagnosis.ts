// DiagnoseVpnGateway → GetVpnGatewayDiagnoseResult for one connection: start the asynchronous
// diagnosis (one ClientToken, reused on retries), poll with backoff until FinishedCount reaches
// TotalCount or the deadline, and cope with the documented states: a diagnosis already running on
// the gateway, a gateway that cannot diagnose, a diagnosis that timed out in the cloud.
import type { Problem } from '../../types.js';
import { locate } from '../../errors.js';
import type { AliCloudClient } from './client.js';
import { documentOf } from './connections.js';
import { ApiError, problemFromError } from './errors.js';
import { sleep } from './retry.js';
import type { DiagnosisProgress, LiveDocument, PollPolicy } from './types.js';

type Body = Record<string, unknown>;

export interface GatewayDiagnosisTarget {
  vpnGatewayId: string;
  vpnConnectionId: string;
}

export interface GatewayDiagnosisOptions {
  extendInfo?: { PrivateSourceIp: string; PrivateDestinationIp: string };
  /** ms epoch after which polling stops. */
  deadline: number;
  poll: PollPolicy;
  progress?: (p: DiagnosisProgress) => void;
  now: () => number;
}

export interface GatewayDiagnosisOutcome {
  document?: LiveDocument;
  problems: Problem[];
  errors: ApiError[];
  /** The gateway cannot diagnose (OperationUnsupported.DiagnoseVpn): skip its other connections. */
  unsupported?: boolean;
}

const MAX_ROUNDS = 3;

function problem(source: string, code: string, text: string, hint: string): Problem {
  return { source, code, message: locate(source, undefined, text, hint) };
}

const num = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN);

interface PollResult {
  body?: Body;
  problems: Problem[];
  errors: ApiError[];
}

async function poll(client: AliCloudClient, key: Body, target: GatewayDiagnosisTarget, o: GatewayDiagnosisOptions): Promise<PollResult> {
  const src = 'api/GetVpnGatewayDiagnoseResult';
  let delay = o.poll.initialDelayMs;
  let last: Body | undefined;
  for (;;) {
    if (o.now() + delay > o.deadline) {
      const done = last ? `${num(last.FinishedCount)}/${num(last.TotalCount)} checks` : 'no check';
      return { body: last, errors: [], problems: [problem(src, 'E_API_DIAGNOSIS_INCOMPLETE', `the gateway diagnosis of ${target.vpnConnectionId} had finished ${done} when the timeout expired`, 'Raise --timeout; the finished checks are used.')] };
    }
    await sleep(delay);
    let body: Body;
    try {
      body = await client.call('GetVpnGatewayDiagnoseResult', key, { deadline: o.deadline });
    } catch (e) {
      const err = e as ApiError;
      if (err.code === 'IncorrectStatus.DiagnoseTimeout') {
        return { body: last, errors: [err], problems: [problem(src, 'E_API_DIAGNOSIS_TIMEOUT', `the cloud gave up diagnosing ${target.vpnConnectionId} on ${target.vpnGatewayId} (IncorrectStatus.DiagnoseTimeout)`, 'The gateway may be overloaded or the peer unreachable; run again later.')] };
      }
      if (err.code === 'IncorrectStatus.VpnConnectionDeleted') {
        return { errors: [err], problems: [problem(src, 'E_API_CONNECTION_DELETED', `${target.vpnConnectionId} was deleted while its diagnosis ran (IncorrectStatus.VpnConnectionDeleted)`, 'Nothing to diagnose any more.')] };
      }
      return { body: last, errors: [err], problems: [problemFromError(err, key, target.vpnConnectionId)] };
    }
    last = body;
    const finished = num(body.FinishedCount);
    const total = num(body.TotalCount);
    // FinishTime also ends it: a diagnosis with no checks never reaches a positive TotalCount.
    const done = (total > 0 && finished >= total) || (typeof body.FinishTime === 'string' && body.FinishTime !== '');
    const who = typeof body.ResourceInstanceId === 'string' ? body.ResourceInstanceId : target.vpnConnectionId;
    o.progress?.({ vpnConnectionId: who, vpnGatewayId: target.vpnGatewayId, finished: Number.isFinite(finished) ? finished : 0, total: Number.isFinite(total) ? total : 0, done });
    if (done) return { body, problems: [], errors: [] };
    delay = Math.min(o.poll.maxDelayMs, Math.round(delay * o.poll.factor));
  }
}

/** Runs (or joins) the gateway diagnosis of one connection and returns its final result document. */
export async function runGatewayDiagnosis(client: AliCloudClient, target: GatewayDiagnosisTarget, o: GatewayDiagnosisOptions): Promise<GatewayDiagnosisOutcome> {
  const source = `api/GetVpnGatewayDiagnoseResult-${target.vpnConnectionId}.json`;
  const params: Body = {
    VpnGatewayId: target.vpnGatewayId,
    ResourceId: target.vpnConnectionId,
    ResourceType: 'IPsec',
    ...(o.extendInfo ? { IPsecExtendInfo: JSON.stringify(o.extendInfo) } : {}),
  };
  const problems: Problem[] = [];
  const errors: ApiError[] = [];
  const finish = (r: PollResult): GatewayDiagnosisOutcome => ({
    ...(r.body ? { document: documentOf(source, r.body) } : {}),
    problems: [...problems, ...r.problems],
    errors: [...errors, ...r.errors],
  });
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    let started: Body;
    try {
      started = await client.call('DiagnoseVpnGateway', params, { idempotent: true, deadline: o.deadline });
    } catch (e) {
      const err = e as ApiError;
      if (err.code === 'OperationUnsupported.DiagnoseVpn') {
        return { unsupported: true, errors: [err], problems: [problem('api/DiagnoseVpnGateway', 'E_API_DIAGNOSIS_UNSUPPORTED', `VpnGatewayId ${target.vpnGatewayId} cannot run gateway diagnosis (OperationUnsupported.DiagnoseVpn); skipped for its connections`, 'Upgrade the VPN gateway to use it; the other checks still ran.')] };
      }
      if (err.code !== 'OperationFailed.VpnGatewayDiagnosing') return { errors: [err], problems: [problemFromError(err, params, target.vpnConnectionId)] };
      // Another diagnosis is running on this gateway: follow it to its end. If it is ours, use it.
      const running = await poll(client, { VpnGatewayId: target.vpnGatewayId }, target, o);
      if (running.body?.ResourceInstanceId === target.vpnConnectionId) return finish(running);
      const vanished = running.errors.some((x) => x.code === 'InvalidVpnGatewayId.NotFound');
      if (running.problems.length && !vanished) return finish({ problems: running.problems, errors: running.errors });
      await sleep(o.poll.initialDelayMs * round);
      continue;
    }
    const id = started.DiagnoseId;
    if (typeof id !== 'string' || !id) {
      return { errors, problems: [problem('api/DiagnoseVpnGateway', 'E_API_REJECTED', `DiagnoseVpnGateway answered without a DiagnoseId for ${target.vpnConnectionId}`, 'Run again later.')] };
    }
    return finish(await poll(client, { DiagnoseId: id }, target, o));
  }
  return { errors, problems: [problem('api/DiagnoseVpnGateway', 'E_API_REJECTED', `VpnGatewayId ${target.vpnGatewayId} kept running other diagnoses; ${target.vpnConnectionId} was not diagnosed`, 'Run again when the gateway is idle.')] };
}
