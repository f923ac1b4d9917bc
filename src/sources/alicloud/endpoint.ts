// Which host serves the VPC API of a region (the official SDK's endpoint map, kb §5.1), and how a
// user-given `--endpoint` (scheme optional) overrides it.

export interface Endpoint {
  /** `host[:port]`, exactly what goes into the Host header. */
  host: string;
  protocol: 'http' | 'https';
}

// Regions the SDK sends to the central endpoint instead of `vpc.<region>.aliyuncs.com` (public and
// finance/gov regions of the SDK's endpoint map; its internal test regions are left out).
const CENTRAL = new Set([
  'cn-hangzhou', 'cn-shanghai-finance-1', 'cn-shenzhen-finance-1', 'cn-north-2-gov-1',
  'ap-northeast-2-pop', 'cn-beijing-finance-pop', 'cn-beijing-gov-1', 'cn-beijing-nu16-b01',
  'cn-fujian', 'cn-haidian-cm12-c01', 'cn-hangzhou-bj-b01', 'cn-hangzhou-finance',
  'cn-hangzhou-internal-prod-1', 'cn-hongkong-finance-pop', 'cn-shanghai-et2-b01',
  'cn-shanghai-inner', 'cn-shenzhen-inner', 'cn-shenzhen-st4-d01', 'cn-shenzhen-su18-b01',
  'cn-wuhan', 'cn-yushanfang', 'cn-zhangbei', 'cn-zhangbei-na61-b01', 'cn-zhangjiakou-na62-a01',
  'rus-west-1-pop',
]);
const SPECIAL: Record<string, string> = {
  'cn-edge-1': 'vpc-nebula.cn-qingdao-nebula.aliyuncs.com',
  'cn-qingdao-nebula': 'vpc-nebula.cn-qingdao-nebula.aliyuncs.com',
  'cn-huhehaote-nebula-1': 'vpc-nebula.cn-qingdao-nebula.aliyuncs.com',
  'cn-zhengzhou-nebula-1': 'vpc-nebula.cn-qingdao-nebula.aliyuncs.com',
  'eu-west-1-oxs': 'vpc-nebula.cn-shenzhen-cloudstone.aliyuncs.com',
};

const REGION_RE = /^[a-z]{2,}(-[a-z0-9]+)+$/;

export function isRegionId(region: string): boolean {
  return REGION_RE.test(region);
}

/** The endpoint the official SDK would use for `region`. */
export function regionEndpoint(region: string): Endpoint {
  const special = SPECIAL[region];
  if (special) return { host: special, protocol: 'https' };
  if (CENTRAL.has(region)) return { host: 'vpc.aliyuncs.com', protocol: 'https' };
  return { host: `vpc.${region}.aliyuncs.com`, protocol: 'https' };
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?$/i;

/**
 * Parses `--endpoint`: `https://vpc.example.com`, `vpc.example.com` (HTTPS), `http://127.0.0.1:8080`,
 * or `127.0.0.1:8080` (a loopback address without a scheme means plain HTTP: a local simulator).
 * Returns an error message instead of throwing.
 */
export function parseEndpoint(text: string): Endpoint | { error: string } {
  const raw = text.trim();
  const m = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(raw);
  const scheme = m ? m[1]!.toLowerCase() : undefined;
  if (scheme && scheme !== 'http' && scheme !== 'https') return { error: `unsupported scheme "${scheme}" in --endpoint ${raw}; use http:// or https://` };
  const rest = m ? m[2]! : raw;
  const host = rest.replace(/\/.*$/, '');
  if (!/^(\[[0-9a-f:]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i.test(host)) return { error: `--endpoint ${raw} is not a host name or URL` };
  const port = /:(\d+)$/.exec(host)?.[1];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return { error: `--endpoint ${raw} has an invalid port` };
  const protocol = (scheme as 'http' | 'https' | undefined) ?? (LOOPBACK.test(host) ? 'http' : 'https');
  return { host, protocol };
}
