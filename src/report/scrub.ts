// The last step of every report, with or without --redact: no secret an input holds reaches any
// format. Text quoted from inputs (evidence, timeline, problems, diff values) is scrubbed by
// pattern (`psk=…`, PEM blocks, AccessKeys, hex dumps); every string of the report is scrubbed of
// the literal secret values the inputs carried (a `Psk` of a DescribeVpnConnections export that
// a device log also prints). In place: the report is the pipeline's own, not yet handed out.
import type { Report, Subject } from '../types.js';
import { removeSecretValues, scrubQuoted } from '../secrets.js';

const quoted = (t: string, values: readonly string[]): string => removeSecretValues(scrubQuoted(t), values);

/** Every string inside a plain value scrubbed (API parameters, --explain fact values). */
function deep(v: unknown, fn: (t: string) => string, depth = 0): unknown {
  if (typeof v === 'string') return fn(v);
  if (!v || typeof v !== 'object' || depth > 16) return v;
  if (Array.isArray(v)) return v.map((x) => deep(x, fn, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = deep(x, fn, depth + 1);
  return out;
}

/** The secret values to remove, longest first (a value inside another goes after it). */
export function secretList(secretValues: ReadonlySet<string>): string[] {
  return [...secretValues].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

/** One subject scrubbed in place (`values` from secretList): what scrubReport does to each. */
export function scrubSubject(s: Subject, values: readonly string[]): void {
  const literal = (t: string): string => (values.length > 0 ? removeSecretValues(t, values) : t);
  for (const t of s.timeline) t.text = quoted(t.text, values);
  for (const f of [...s.findings, ...(s.episodes ?? []).flatMap((e) => e.findings)]) {
    f.title = literal(f.title);
    f.summary = literal(f.summary);
    for (const e of f.evidence) e.text = quoted(e.text, values);
    for (const d of f.diff) {
      if (typeof d.cloud === 'string') d.cloud = quoted(d.cloud, values);
      if (typeof d.peer === 'string') d.peer = quoted(d.peer, values);
      if (d.note !== undefined) d.note = literal(d.note);
    }
    // Remediation is written by the rules and `check`, not quoted from an input: only literal
    // secrets can be in it (none to look for is the usual case, and no copy of its parameters then).
    if (values.length > 0) {
      for (const r of f.remediation) {
        r.step = literal(r.step);
        if (r.lines) r.lines = r.lines.map(literal);
        if (r.action) {
          r.action.parameters = deep(r.action.parameters, literal) as Record<string, unknown>;
          if (r.action.cli !== undefined) r.action.cli = literal(r.action.cli);
        }
      }
    }
    if (f.alternatives) for (const a of f.alternatives) a.why = literal(a.why);
    if (f.explain) for (const x of f.explain) x.factValue = deep(x.factValue, (t) => quoted(t, values));
  }
  for (const e of s.comparison?.entries ?? []) {
    if (e.cloud !== null) e.cloud = literal(e.cloud);
    if (e.device !== null) e.device = literal(e.device);
    if (e.note !== undefined) e.note = literal(e.note);
  }
}

export function scrubReport(report: Report, secretValues: ReadonlySet<string>): Report {
  const values = secretList(secretValues);
  for (const s of report.subjects) scrubSubject(s, values);
  return scrubReportRest(report, values);
}

/** What scrubReport does besides the subjects (the run scrubs each subject as it is judged). */
export function scrubReportRest(report: Report, values: readonly string[]): Report {
  const literal = (t: string): string => (values.length > 0 ? removeSecretValues(t, values) : t);
  for (const p of report.problems) p.message = quoted(p.message, values);
  if (report.assumptions) report.assumptions = report.assumptions.map(literal);
  return report;
}
