// The simulator's HTTP server on 127.0.0.1: it authenticates each request (ACS3 or v2 signature),
// routes Action/Version, applies the scenario's RAM denials and any injected fault, runs the action
// and answers like Alibaba Cloud. The test double for the live source and the `simulate` command;
// like every server of the project it listens on loopback only and is stopped by `close()`.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ACTIONS } from './actions.js';
import { DiagnosisBook } from './diagnosis.js';
import { FaultQueue, type Fault } from './faults.js';
import { actionParams, errorResponse, knownCode, parseForm, SimError } from './protocol.js';
import { neutralGatewayDiagnosis, type Scenario } from './scenario.js';
import { NonceBook, verifySignature } from './signature.js';

export const SIMULATED_VERSION = '2016-04-28';
const MAX_BODY = 1024 * 1024;

export interface RequestRecord {
  action: string;
  params: Record<string, string>;
  signature: 'ACS3' | 'v2' | 'none';
  status: number;
  code?: string;
  at: number;
}

export interface SimulatorOptions {
  scenario: Scenario;
  /** 0 (default) picks a free port. */
  port?: number;
  faults?: Fault[];
  /** One line per request, for `simulate`'s console. */
  log?: (line: string) => void;
}

export interface Simulator {
  url: string;
  port: number;
  scenario: Scenario;
  requests: RequestRecord[];
  faults: FaultQueue;
  book: DiagnosisBook;
  close(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) resolve(undefined);
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const requestId = typeof body === 'object' && body && 'RequestId' in body ? String((body as { RequestId: unknown }).RequestId) : '';
  res.writeHead(status, {
    'content-type': typeof body === 'string' ? 'text/html' : 'application/json;charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...(requestId ? { 'x-acs-request-id': requestId } : {}),
  });
  res.end(text);
}

export async function startSimulator(opts: SimulatorOptions): Promise<Simulator> {
  const scenario = opts.scenario;
  const book = new DiagnosisBook();
  for (const r of scenario.runningDiagnoses ?? []) {
    const conn = scenario.connections.find((c) => c.vpnConnectionId === r.resourceId);
    book.start(r.vpnGatewayId, r.resourceId, [...(conn?.gatewayDiagnosis ?? neutralGatewayDiagnosis())], scenario.diagnosisPolls ?? 3, false);
  }
  const faults = new FaultQueue();
  faults.add(...(opts.faults ?? []));
  const nonces = new NonceBook();
  const requests: RequestRecord[] = [];
  const lookup = (id: string) => scenario.accessKeys[id];

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://simulator');
    const query = Object.fromEntries(url.searchParams);
    const isForm = /application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '');
    const form = body && isForm ? parseForm(body.toString('utf8')) : {};
    const headerOf = (n: string) => (typeof req.headers[n] === 'string' ? (req.headers[n] as string) : undefined);
    const action = headerOf('x-acs-action') ?? query.Action ?? form.Action ?? '';
    const version = headerOf('x-acs-version') ?? query.Version ?? form.Version ?? '';
    const params = actionParams(query, form);
    const record: RequestRecord = { action, params, signature: 'none', status: 0, at: Date.now() };
    requests.push(record);
    const answer = (status: number, payload: unknown, code?: string) => {
      record.status = status;
      if (code) record.code = code;
      opts.log?.(`${req.method} ${action || '?'} -> ${status}${code ? ` ${code}` : ''}`);
      send(res, status, payload);
    };
    const fail = (code: string, detail?: string, status?: number) => {
      const e = errorResponse(code, { detail, status, action, host: headerOf('host') });
      answer(e.status, e.body, code);
    };

    if (!body) return fail('InvalidParameter', 'The request body is too large.', 413);
    if (req.method !== 'POST' && req.method !== 'GET') return fail('UnsupportedHTTPMethod');
    const sig = verifySignature({ method: req.method, path: url.pathname, query, form, headers: req.headers, body }, lookup, nonces);
    if (!sig.ok) return fail(sig.code, sig.message);
    record.signature = sig.form;

    const fault = faults.take(action);
    if (fault?.delayMs) await sleep(fault.delayMs);
    if (fault?.reset === 'before') {
      record.code = 'reset';
      req.socket.destroy();
      return;
    }
    if (fault?.code) return fail(fault.code, knownCode(fault.code) ? undefined : 'Injected failure.', fault.status);
    if (fault?.status) {
      record.status = fault.status;
      opts.log?.(`${req.method} ${action} -> ${fault.status} (injected)`);
      return send(res, fault.status, `<html><body><h1>${fault.status}</h1>Injected by the simulator.</body></html>`);
    }

    const handler = ACTIONS[action];
    if (!handler) return fail('InvalidAction.NotFound');
    if (version !== SIMULATED_VERSION) return fail('InvalidVersion');
    if (scenario.deny?.includes(action)) return fail('Forbidden');
    let result: Record<string, unknown>;
    try {
      result = handler({ scenario, book, params });
    } catch (e) {
      if (e instanceof SimError) return fail(e.code, e.detail, e.status);
      return fail('InternalError');
    }
    if (fault?.reset === 'after') {
      record.status = 200;
      record.code = 'reset-after';
      req.socket.destroy();
      return;
    }
    answer(200, result);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, errorResponse('InternalError').body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`, port, scenario, requests, faults, book,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
