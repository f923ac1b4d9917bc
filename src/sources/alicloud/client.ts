// A small client for the VPC RPC API: flattens parameters, adds RegionId, retries with backoff,
// keeps one ClientToken per logical request across its retries, pages list calls, and traces each
// attempt (scrubbed) for --verbose. It never prints; everything it says goes through `trace`.
import { randomUUID } from 'node:crypto';
import { regionEndpoint, type Endpoint } from './endpoint.js';
import { ApiError, toApiError } from './errors.js';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from './retry.js';
import { SecretScrubber } from './secrets.js';
import { createRpcSender, type RpcSender, type StaticCredentials } from './sdk.js';

export const VPC_API_VERSION = '2016-04-28';

export interface ClientOptions {
  region: string;
  /** Overrides the region's endpoint (`--endpoint`). */
  endpoint?: Endpoint;
  profile?: string;
  credentials?: StaticCredentials;
  signatureAlgorithm?: 'ACS3-HMAC-SHA256' | 'v2';
  retry?: Partial<RetryPolicy>;
  /** Per-request read timeout; connect timeout is a third of it. */
  requestTimeoutMs?: number;
  /** Concurrent requests at most (the API throttles per account). */
  maxConcurrent?: number;
  trace?: (line: string) => void;
  random?: () => number;
  newToken?: () => string;
  /** Test seam: replaces the SDK. */
  sender?: RpcSender;
}

export interface CallOptions {
  /** Sends a ClientToken, the same one on every retry of this call. */
  idempotent?: boolean;
  /** No retry starts after this time (ms epoch). */
  deadline?: number;
}

type Params = Record<string, unknown>;

/** `{TunnelIds: ['a','b'], X: {..}}` → `{'TunnelIds.1': 'a', 'TunnelIds.2': 'b', X: '{..}'}`. */
export function flattenParams(params: Params): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) v.forEach((item, i) => (out[`${k}.${i + 1}`] = String(item)));
    else if (typeof v === 'object') out[k] = JSON.stringify(v);
    else out[k] = String(v);
  }
  return out;
}

export class AliCloudClient {
  readonly region: string;
  readonly endpoint: Endpoint;
  readonly scrubber = new SecretScrubber();
  private readonly policy: RetryPolicy;
  private sender: Promise<RpcSender> | undefined;
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly opts: ClientOptions) {
    this.region = opts.region;
    this.endpoint = opts.endpoint ?? regionEndpoint(opts.region);
    this.policy = { ...DEFAULT_RETRY, ...opts.retry };
    if (opts.sender) this.sender = Promise.resolve(opts.sender);
  }

  private getSender(): Promise<RpcSender> {
    const timeout = this.opts.requestTimeoutMs ?? 15_000;
    this.sender ??= createRpcSender({
      endpoint: this.endpoint,
      credentials: { profile: this.opts.profile, credentials: this.opts.credentials, onSecret: (s) => this.scrubber.add(s) },
      readTimeoutMs: timeout,
      connectTimeoutMs: Math.max(1000, Math.round(timeout / 3)),
      signatureAlgorithm: this.opts.signatureAlgorithm,
      userAgent: 'ipsec-doctor',
    });
    return this.sender;
  }

  private trace(line: string): void {
    this.opts.trace?.(this.scrubber.scrub(line));
  }

  private async slot<T>(fn: () => Promise<T>): Promise<T> {
    const max = this.opts.maxConcurrent ?? 4;
    if (this.active >= max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await fn();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }

  /** Calls `action` and returns the response body; throws a scrubbed ApiError when it fails for good. */
  async call(action: string, params: Params, options: CallOptions = {}): Promise<Record<string, unknown>> {
    const newToken = this.opts.newToken ?? randomUUID;
    let token = options.idempotent ? newToken() : undefined;
    let tokenRenewed = false;
    const shown = JSON.stringify(params);
    return withRetry(
      async (attempt) => {
        const query = flattenParams({ RegionId: this.region, ...params, ClientToken: token });
        const started = Date.now();
        this.trace(`-> ${action} attempt ${attempt} ${shown}${token ? ` ClientToken=${token}` : ''}`);
        try {
          const sender = await this.getSender();
          const res = await this.slot(() => sender(action, VPC_API_VERSION, query));
          this.trace(`<- ${action} HTTP ${res.statusCode} in ${Date.now() - started} ms`);
          return res.body;
        } catch (e) {
          const err = toApiError(e, action, this.scrubber);
          this.trace(`<- ${action} ${err.httpStatus ? `HTTP ${err.httpStatus} ` : ''}${err.code} in ${Date.now() - started} ms`);
          throw err;
        }
      },
      this.policy,
      {
        random: this.opts.random,
        deadline: options.deadline,
        // A token the service associates with other parameters is useless: retry once with a new one.
        alsoRetry: (err) => err.kind === 'idempotency' && options.idempotent === true && !tokenRenewed,
        beforeRetry: (err) => {
          if (err.kind === 'idempotency') {
            token = newToken();
            tokenRenewed = true;
          }
        },
        onRetry: (err, n, delay) => this.trace(`   ${action} ${err.code}: retry ${n} in ${delay} ms`),
      },
    );
  }

  /**
   * Fetches every page of a list call. Pages already fetched are kept when a later one fails: the
   * error comes back next to them instead of being thrown.
   */
  async pages(
    action: string,
    params: Params,
    pick: { items: (body: Record<string, unknown>) => unknown[] | undefined; total: (body: Record<string, unknown>) => number | undefined; pageSize: number; maxPages?: number },
  ): Promise<{ bodies: Record<string, unknown>[]; error?: ApiError }> {
    const bodies: Record<string, unknown>[] = [];
    let seen = 0;
    for (let page = 1; page <= (pick.maxPages ?? 200); page++) {
      let body: Record<string, unknown>;
      try {
        body = await this.call(action, { ...params, PageNumber: page, PageSize: pick.pageSize });
      } catch (e) {
        return { bodies, error: e instanceof ApiError ? e : toApiError(e, action, this.scrubber) };
      }
      const items = pick.items(body) ?? [];
      // An empty page after the first only says "no more"; it is not worth a document.
      if (items.length === 0 && page > 1) break;
      bodies.push(body);
      seen += items.length;
      // A count field may be the total or (DescribeVpnConnectionLogs' `Count`) this page's size, so
      // a full page always asks for the next one, and a short page ends unless the total says otherwise.
      const total = pick.total(body);
      if (items.length === 0 || (items.length < pick.pageSize && !(total !== undefined && seen < total))) break;
    }
    return { bodies };
  }
}
