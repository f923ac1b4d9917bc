// Renders a remediation action ({api, parameters}) as the equivalent `aliyun vpc …` command line,
// POSIX-shell-quoted so it can be pasted as is. A pre-shared key never appears in the line: a
// `Psk` value is replaced by a placeholder the engineer fills in, because a command line ends up
// in shell history, tickets and screenshots.

import type { RemediationAction } from '../types.js';

/** What replaces any `Psk` value in a rendered command line. */
export const PSK_PLACEHOLDER = '<new-pre-shared-key>';

/** Parameters that the VPC RPC API takes as JSON strings (kb §5.1). */
const JSON_STRING_PARAMS = new Set(['IkeConfig', 'IpsecConfig', 'HealthCheckConfig', 'BgpConfig', 'IPsecExtendInfo']);
/** Parameters that lead the command line, in this order; the rest keep their order. */
const LEADING = ['RegionId', 'VpnConnectionId', 'VpnGatewayId'];
const SECRET_KEY = /^(psk|pre_?shared_?key|access_?key_?secret|security_?token|password|secret)$/i;

export interface AliyunCliOptions {
  /** Used when the action carries no RegionId; otherwise a `<RegionId>` placeholder is printed. */
  regionId?: string;
}

/** Quotes one word for a POSIX shell; plain words stay bare so the line stays readable. */
export function shellQuote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `aliyun vpc <Api> --RegionId … --VpnConnectionId … --IkeConfig '{…}'` for an action. */
export function renderAliyunCli(action: RemediationAction, opts: AliyunCliOptions = {}): string {
  const params = maskActionParameters(action.parameters ?? {});
  const api = /^[A-Za-z][A-Za-z0-9]*$/.test(action.api) ? action.api : shellQuote(action.api);
  const words: string[] = ['aliyun', 'vpc', api];
  const region = params['RegionId'] ?? opts.regionId ?? '<RegionId>';
  const keys = [
    'RegionId',
    ...LEADING.filter((k) => k !== 'RegionId' && k in params),
    ...Object.keys(params).filter((k) => !LEADING.includes(k)),
  ];
  for (const key of keys) {
    const value = key === 'RegionId' ? region : params[key];
    for (const [flag, text] of flatten(key, value)) words.push(`--${flag}`, shellQuote(text));
  }
  return words.join(' ');
}

/** One `[flag, value]` pair per CLI option; arrays of objects use the RPC `Name.1.Field` form. */
function flatten(key: string, value: unknown): [string, string][] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [[key, value]];
  if (typeof value === 'number' || typeof value === 'boolean') return [[key, String(value)]];
  if (JSON_STRING_PARAMS.has(key)) return [[key, JSON.stringify(value)]];
  if (Array.isArray(value)) return value.flatMap((item, i) => flatten(`${key}.${i + 1}`, item));
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => flatten(`${key}.${k}`, v));
  }
  return [[key, String(value)]];
}

/** Action parameters with every secret-named value replaced by the placeholder (also inside JSON strings). */
export function maskActionParameters(parameters: Record<string, unknown>): Record<string, unknown> {
  return maskSecrets(parameters) as Record<string, unknown>;
}

function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = SECRET_KEY.test(k) ? PSK_PLACEHOLDER : maskSecrets(v);
    }
    return out;
  }
  if (typeof value === 'string' && value.trimStart().startsWith('{')) {
    try {
      return JSON.stringify(maskSecrets(JSON.parse(value)));
    } catch {
      return value.replace(/("(?:Psk|PreSharedKey)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi, `$1"${PSK_PLACEHOLDER}"`);
    }
  }
  return value;
}
