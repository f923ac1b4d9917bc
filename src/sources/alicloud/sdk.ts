// The one place that loads `@alicloud/openapi-client` and `@alicloud/credentials`. Both are CommonJS
// with `exports.default`: Node's ESM loader hands back the whole `exports` object as the default
// import while vitest hands back `exports.default`, so the class is unwrapped once here. They are
// loaded lazily so that other commands never pay for them, and after `DEBUG=httpx:*` is stripped
// (the SDK's HTTP layer would otherwise print request headers, STS token included, to stderr).
import type { Endpoint } from './endpoint.js';

export interface StaticCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

export interface CredentialOptions {
  /** Named profile of the aliyun CLI config or `~/.alibabacloud/credentials`. */
  profile?: string;
  /** Explicit credentials (tests, embedding); otherwise the SDK's default chain. */
  credentials?: StaticCredentials;
  /** Receives every secret value the chain hands out, before the SDK uses it. */
  onSecret: (secret: string | undefined) => void;
}

export interface RpcRequestOptions {
  endpoint: Endpoint;
  credentials: CredentialOptions;
  readTimeoutMs: number;
  connectTimeoutMs: number;
  /** `ACS3-HMAC-SHA256` (default, what the SDK sends) or `v2` (HMAC-SHA1 `Signature` parameter). */
  signatureAlgorithm?: 'ACS3-HMAC-SHA256' | 'v2';
  userAgent?: string;
}

export interface RpcResponse {
  statusCode: number;
  body: Record<string, unknown>;
}

/** Sends one RPC call; parameters are already flattened (`TunnelIds.1=…`). */
export type RpcSender = (action: string, version: string, params: Record<string, string>) => Promise<RpcResponse>;

type Ctor<T = object> = new (...args: unknown[]) => T;
interface SdkClient {
  callApi(params: object, request: object, runtime: object): Promise<unknown>;
}
interface CredentialsProvider {
  getCredentials(): Promise<{ accessKeyId: string; accessKeySecret: string; securityToken?: string; providerName?: string }>;
  getProviderName(): string;
}
interface ProviderBuilder {
  withProfileName(name: string): ProviderBuilder;
  build(): CredentialsProvider;
}

function unwrapDefault<T>(mod: unknown): T {
  const m = mod as { default?: unknown };
  const d = m.default as { default?: unknown } | undefined;
  if (typeof d === 'function') return d as T;
  if (d && typeof d.default === 'function') return d.default as T;
  return mod as T;
}

function named<T>(mod: unknown, name: string): T {
  const m = mod as Record<string, unknown>;
  const d = m.default as Record<string, unknown> | undefined;
  return (m[name] ?? d?.[name]) as T;
}

function quietHttpDebug(): void {
  // `debug` honours exclusions, so whatever the user enabled, httpx stays silent.
  const dbg = process.env.DEBUG;
  if (dbg && !dbg.includes('-httpx:*')) process.env.DEBUG = `${dbg},-httpx:*`;
}

let loaded: Promise<{ Client: Ctor<SdkClient>; credMod: unknown }> | undefined;

function load(): Promise<{ Client: Ctor<SdkClient>; credMod: unknown }> {
  loaded ??= (async () => {
    quietHttpDebug();
    // Optional dependencies: an install without them (`--omit=optional`) analyses files, and
    // says what to add when the live API is asked for.
    const [api, credMod] = await Promise.all([import('@alicloud/openapi-client'), import('@alicloud/credentials')]).catch((e: unknown) => {
      throw new Error(`the live API needs the optional packages @alicloud/openapi-client and @alicloud/credentials (${(e as Error).message.split('\n')[0]}). Install them: npm install @alicloud/openapi-client @alicloud/credentials`);
    });
    return { Client: unwrapDefault<Ctor<SdkClient>>(api), credMod };
  })();
  return loaded;
}

/** A chain for `--profile NAME`: the aliyun CLI profile of that name, then the credentials-file section. */
function profileChain(credMod: unknown, profile: string): CredentialsProvider {
  const cli = named<{ builder(): ProviderBuilder }>(credMod, 'CLIProfileCredentialsProvider');
  const file = named<{ builder(): ProviderBuilder }>(credMod, 'ProfileCredentialsProvider');
  const providers = [cli.builder().withProfileName(profile).build(), file.builder().withProfileName(profile).build()];
  return {
    getProviderName: () => `profile:${profile}`,
    async getCredentials() {
      const reasons: string[] = [];
      for (const p of providers) {
        try {
          return await p.getCredentials();
        } catch (e) {
          reasons.push(e instanceof Error ? e.message : String(e));
        }
      }
      throw new Error(`no credentials for profile "${profile}" in ~/.aliyun/config.json or ~/.alibabacloud/credentials (${reasons.join('; ')})`);
    },
  };
}

async function makeCredential(opts: CredentialOptions): Promise<unknown> {
  const { credMod } = await load();
  const Credential = unwrapDefault<Ctor>(credMod);
  let inner: CredentialsProvider;
  if (opts.credentials) {
    const c = opts.credentials;
    inner = { getProviderName: () => 'static', getCredentials: async () => ({ ...c }) };
  } else if (opts.profile) {
    inner = profileChain(credMod, opts.profile);
  } else {
    const Default = named<{ builder(): { build(): CredentialsProvider } }>(credMod, 'DefaultCredentialsProvider');
    inner = Default.builder().build();
  }
  // Every credential passes through here first, so the scrubber knows it before anything can leak.
  const watched: CredentialsProvider = {
    getProviderName: () => inner.getProviderName(),
    async getCredentials() {
      const c = await inner.getCredentials();
      opts.onSecret(c.accessKeySecret);
      opts.onSecret(c.securityToken);
      return c;
    },
  };
  return new Credential(null, watched);
}

/** Builds the sender: a generic `callApi` for VPC RPC actions (POST, parameters in the query, JSON back). */
export async function createRpcSender(opts: RpcRequestOptions): Promise<RpcSender> {
  const { Client } = await load();
  const credential = await makeCredential(opts.credentials);
  const client = new Client({
    credential,
    endpoint: opts.endpoint.host,
    protocol: opts.endpoint.protocol,
    readTimeout: opts.readTimeoutMs,
    connectTimeout: opts.connectTimeoutMs,
    signatureAlgorithm: opts.signatureAlgorithm === 'v2' ? 'v2' : undefined,
    userAgent: opts.userAgent,
  });
  return async (action, version, params) => {
    const res = (await client.callApi(
      { action, version, protocol: opts.endpoint.protocol.toUpperCase(), pathname: '/', method: 'POST', authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json' },
      { query: params },
      { autoretry: false, readTimeout: opts.readTimeoutMs, connectTimeout: opts.connectTimeoutMs },
    )) as { statusCode: number; body: Record<string, unknown> };
    return { statusCode: res.statusCode, body: res.body };
  };
}
