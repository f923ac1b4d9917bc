// `--redact`: a copy of the report that is safe to share. Every string of the report goes through
// the same keyed pseudonymiser (redact/text.ts), so one address, id or identity reads the same in
// the cloud log, the peer log, the diff and the remediation, and correlation survives; secrets are
// removed outright. Pure and deterministic: the same report and key give the same output.

import { createHash } from 'node:crypto';
import type { Report } from '../types.js';
import { Keyed } from './redact/keyed.js';
import { REMOVED, SECRET_KEY } from '../secrets.js';
import { TextRedactor } from './redact/text.js';

export interface RedactOptions {
  /**
   * Key of the HMAC behind every pseudonym. The CLI passes a random one per run unless the user
   * gives `--redact-key` (to correlate several reports). Without it the key is derived from the
   * report itself: still deterministic, and not reversible by someone holding only the output.
   */
  key?: string;
}

const IDENTITY_KEYS = new Set(['LocalId', 'RemoteId']);
const SECRET_PARAMETER = /^(?:.*\.)?(psk|pre_?shared_?key)$/i;

/** A redacted deep copy of `report`; the input is not modified. */
export function redactReport(report: Report, opts: RedactOptions = {}): Report {
  const key = opts.key ?? createHash('sha256').update(JSON.stringify(report)).digest('hex');
  const text = new TextRedactor(new Keyed(key));
  visitStrings(report, (s) => text.observe(s));
  const out = transform(report, text, '') as Report;
  // The tool block is a contract constant, not user data.
  out.tool = { ...report.tool };
  return out;
}

function visitStrings(value: unknown, fn: (s: string) => void): void {
  if (typeof value === 'string') fn(value);
  else if (Array.isArray(value)) for (const v of value) visitStrings(v, fn);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      fn(k);
      visitStrings(v, fn);
    }
  }
}

function transform(value: unknown, text: TextRedactor, key: string): unknown {
  if (typeof value === 'string') return redactString(value, text, key);
  if (Array.isArray(value)) return value.map((v) => transform(v, text, key));
  if (!value || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  // A diff entry: {parameter, cloud, peer}. Its values are judged by the parameter's name.
  const parameter = typeof obj['parameter'] === 'string' ? (obj['parameter'] as string) : undefined;
  for (const [k, v] of Object.entries(obj)) {
    if (SECRET_KEY.test(k)) continue; // removed outright
    if (parameter !== undefined && (k === 'cloud' || k === 'peer')) {
      out[k] = diffValue(parameter, v, text);
      continue;
    }
    out[k] = transform(v, text, k);
  }
  return out;
}

function diffValue(parameter: string, value: unknown, text: TextRedactor): unknown {
  if (typeof value !== 'string' || value === '') return value;
  if (SECRET_PARAMETER.test(parameter)) return REMOVED;
  const name = parameter.slice(parameter.lastIndexOf('.') + 1);
  if (IDENTITY_KEYS.has(name)) return text.identity(value);
  return text.redact(value);
}

function redactString(value: string, text: TextRedactor, key: string): string {
  if (IDENTITY_KEYS.has(key)) return text.identity(value);
  // JSON-string API parameters (IkeConfig, IpsecConfig …): redact them as the objects they are.
  const trimmed = value.trim();
  if (trimmed.startsWith('{') && trimmed.endsWith('}')) {
    try {
      return JSON.stringify(transform(JSON.parse(trimmed), text, ''));
    } catch {
      // not JSON after all: plain text below
    }
  }
  return text.redact(value);
}
