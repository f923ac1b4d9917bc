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
  // Derived from what the inputs gave, not from when or how fast: the same inputs give the same
  // pseudonyms on every run and machine.
  const key = opts.key ?? createHash('sha256').update(JSON.stringify({ ...report, generatedAt: '', stats: { ...report.stats, durationMs: 0 } })).digest('hex');
  const text = new TextRedactor(new Keyed(key));
  visitStrings(report, (s) => text.observe(s));
  const paths = baseNames(report);
  const out = transform(report, text, '', paths) as Report;
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

/**
 * Input paths as base names (a directory names a customer as often as a host does); two inputs
 * with the same base name keep apart as `peer.log`, `peer.log (2)`.
 */
function baseNames(report: Report): Map<string, string> {
  const sources = new Set<string>();
  visitKeyed(report, 'source', (s) => sources.add(s));
  const out = new Map<string, string>();
  const used = new Map<string, number>();
  for (const src of [...sources].sort()) {
    const base = src.slice(Math.max(src.lastIndexOf('/'), src.lastIndexOf('\\')) + 1) || src;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    out.set(src, n === 1 ? base : `${base} (${n})`);
  }
  return out;
}

function visitKeyed(value: unknown, key: string, fn: (s: string) => void): void {
  if (Array.isArray(value)) for (const v of value) visitKeyed(v, key, fn);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (k === key && typeof v === 'string') fn(v);
      else visitKeyed(v, key, fn);
    }
  }
}

/** Full input paths inside a text (a problem's `file:line:` prefix) as their base names, longest first. */
function shortenPaths(value: string, paths: Map<string, string>): string {
  let out = value;
  for (const [full, base] of [...paths].sort((a, b) => b[0].length - a[0].length)) if (full !== base && out.includes(full)) out = out.split(full).join(base);
  return out;
}

function transform(value: unknown, text: TextRedactor, key: string, paths: Map<string, string>): unknown {
  if (typeof value === 'string') {
    if (key === 'source') return text.redact(paths.get(value) ?? value);
    // A peer subject is named after its connection: the same pseudonym as in its lines.
    if (key === 'id' && value.startsWith('peer:')) return `peer:${text.connection(value.slice(5))}`;
    return redactString(shortenPaths(value, paths), text, key);
  }
  if (Array.isArray(value)) return value.map((v) => transform(v, text, key, paths));
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
    out[k] = transform(v, text, k, paths);
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
      return JSON.stringify(transform(JSON.parse(trimmed), text, '', new Map()));
    } catch {
      // not JSON after all: plain text below
    }
  }
  return text.redact(value);
}
