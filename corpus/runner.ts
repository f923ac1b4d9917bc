// The corpus runner: derives the views of every recorded lab run (corpus/runs/), analyses each
// with the library, and scores the answers against the truth of the scenario that made the run
// (corpus/scenarios/, with corrections from corpus/review.json): cause first, parameter named,
// values right, healthy quiet — per family, view, IKE version, initiator and device.
// Pure apart from reading the corpus files; `analyze` is passed in (the built library for
// `npm run corpus`, the sources for the test).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AnalyzeInput, AnalyzeOptions } from '../src/index.js';
import type { Report } from '../src/types.js';

/** The corpus folder in the repository (this file runs from corpus/ in tests, dist/corpus/ built). */
export const CORPUS_DIR = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../../corpus/' : './', import.meta.url));

export type View = 'L' | 'A' | 'B' | 'P' | 'F' | 'D';

/** What a scenario says was misconfigured, as the answer a view should give. */
export interface Truth {
  healthy?: boolean;
  cause?: string;
  params?: string[];
  values?: Record<string, { cloud: string; peer: string }>;
  /** Sibling causes a view cannot tell apart: a list for every view, or per view side / view. */
  alsoAccept?: string[] | Partial<Record<'gateway' | 'device' | 'all' | View, string[]>>;
  why?: string;
}

export interface Scenario {
  family: string;
  variant: string;
  cloud: string;
  device: string;
  ike_version: number;
  initiator: 'A' | 'B';
  description?: string;
  truth: Truth;
}

export interface CorpusRun {
  name: string;
  dir: string;
  scenario: Scenario;
  meta: Record<string, unknown>;
  truth: Truth;
  /** Corrections read off the run's logs: another truth, the run or some views left out (with why). */
  review: { truth?: Truth; exclude?: boolean; skipViews?: View[]; why?: string };
}

export interface CaseResult {
  name: string;
  view: View;
  family: string;
  variant: string;
  version: string;
  initiator: 'gateway' | 'device';
  device: string;
  expected: string;
  given: string;
  unparsed: number;
  causeOk: boolean;
  paramOk?: boolean;
  valuesOk?: boolean;
  valuesBoth?: boolean;
  valuesGiven?: string;
}

type Analyze = (inputs: readonly AnalyzeInput[], options?: AnalyzeOptions) => Promise<Report>;

/** The views a user may have of one run, and the inputs each one holds. */
export const VIEWS: Record<View, string> = {
  L: 'gateway log only',
  A: 'API export (DiagnoseVpnConnections + DescribeVpnConnectionLogs)',
  B: 'gateway log + device log',
  P: 'device log only',
  F: 'everything: API export, gateway log and device log',
  D: "the API's diagnosis (DiagnoseVpnConnections) and the device log",
};

/** Which views a view group covers (the "gateway side" and "device side"). */
export const VIEW_SIDE: Record<View, 'gateway' | 'device'> = { L: 'gateway', A: 'gateway', B: 'device', P: 'device', F: 'device', D: 'device' };

const readJson = <T>(p: string): T => JSON.parse(readFileSync(p, 'utf8')) as T;

/** Loads every recorded run with its scenario and truth. */
export function loadCorpus(dir = CORPUS_DIR): CorpusRun[] {
  const review = existsSync(join(dir, 'review.json')) ? readJson<Record<string, CorpusRun['review']>>(join(dir, 'review.json')) : {};
  const runs: CorpusRun[] = [];
  for (const name of readdirSync(join(dir, 'runs')).sort()) {
    const runDir = join(dir, 'runs', name);
    if (!existsSync(join(runDir, 'meta.json'))) continue;
    const scenario = readJson<Scenario>(join(dir, 'scenarios', `${name}.json`));
    const meta = readJson<Record<string, unknown>>(join(runDir, 'meta.json'));
    const fix = review[name] ?? {};
    if (fix.exclude) continue;
    const truth = fix.truth ?? scenario.truth;
    runs.push({ name, dir: runDir, scenario, meta, truth, review: fix });
  }
  return runs;
}

function gunzipText(path: string): string {
  return gunzipSync(readFileSync(path)).toString('utf8');
}

/** The inputs of one view of a run, in memory (`{ source, content }`). */
export function viewInputs(run: CorpusRun, view: View): AnalyzeInput[] | null {
  const has = (f: string): boolean => existsSync(join(run.dir, f));
  const gateway = (): AnalyzeInput => ({ source: `${run.name}/gateway.log`, content: gunzipText(join(run.dir, 'gateway.log.gz')) });
  const peer = (): AnalyzeInput => ({ source: `${run.name}/peer.log`, content: gunzipText(join(run.dir, 'peer.log.gz')) });
  switch (view) {
    case 'L':
      return has('gateway.log.gz') ? [gateway()] : null;
    case 'B':
      return has('gateway.log.gz') ? [gateway(), peer()] : null;
    case 'P':
      return [peer()];
    case 'F': {
      const api = viewInputs(run, 'A');
      return api && has('gateway.log.gz') ? [...api, gateway(), peer()] : null;
    }
    case 'D': {
      // No gateway line but the one the diagnosis quotes: the device log must join the diagnosis's subject on its own.
      const api = viewInputs(run, 'A');
      return api ? [api[0]!, peer()] : null;
    }
    case 'A': {
      if (!has('diagnose.json')) return null;
      // DescribeVpnConnectionLogs as the API pages it: the gateway lines in Data.Logs.
      const lines = gunzipText(join(run.dir, 'gateway.log.gz')).replace(/\n$/, '').split('\n');
      const logs = { Count: lines.length, Data: { Logs: lines }, IsCompleted: true, PageNumber: 1, PageSize: 50, RequestId: 'corpus' };
      return [
        { source: `${run.name}/diagnose-vpn-connections.json`, content: readFileSync(join(run.dir, 'diagnose.json'), 'utf8') },
        { source: `${run.name}/describe-vpn-connection-logs.json`, content: JSON.stringify(logs) },
      ];
    }
    default:
      return null;
  }
}

/** The views a run has. strongSwan-"cloud" runs have only the device's log. */
export function runViews(run: CorpusRun): View[] {
  // Everything holds what B holds and the API's export of the same gateway lines: it has evidence when B does.
  // The diagnosis beside the device log quotes one gateway line: where the device log shows nothing, neither does it.
  const skipped = (v: View): boolean =>
    !!run.review.skipViews?.includes(v) || (v === 'F' && !!run.review.skipViews?.includes('B')) || (v === 'D' && !!run.review.skipViews?.includes('P'));
  return (Object.keys(VIEWS) as View[]).filter((v) => viewInputs(run, v) !== null && (run.scenario.cloud === 'racoon2' || v === 'P') && !skipped(v));
}

/** The causes a view may rank first: the truth's, plus the siblings that view cannot tell apart. */
export function acceptedCauses(truth: Truth, view: View): string[] {
  const side = VIEW_SIDE[view];
  const a = truth.alsoAccept;
  // Everything (F) tells apart at least what the gateway and device logs (B) tell apart; the
  // diagnosis beside the device log (D), what the device log (P) does.
  const also = Array.isArray(a) ? a : [...(a?.[side] ?? []), ...(a?.[view === 'F' ? 'B' : view === 'D' ? 'P' : view] ?? []), ...(view === 'F' ? (a?.F ?? []) : []), ...(a?.all ?? [])];
  return [truth.cause ?? 'healthy', ...also];
}

function pickSubject(report: Report): Report['subjects'][number] | undefined {
  const vco = report.subjects.find((s) => s.vpnConnectionId?.startsWith('vco-'));
  return vco ?? report.subjects[0];
}

/** Scores one analysed view. */
export function scoreCase(run: CorpusRun, view: View, report: Report): CaseResult {
  const truth = run.truth;
  const subject = pickSubject(report);
  const loud = report.subjects.flatMap((s) => s.findings.filter((f) => f.severity !== 'info'));
  const top = subject?.findings.find((f) => f.severity !== 'info');
  const result: CaseResult = {
    name: run.name,
    view,
    family: run.scenario.family,
    variant: run.scenario.variant,
    version: `v${run.scenario.ike_version}`,
    initiator: run.scenario.initiator === 'A' ? 'gateway' : 'device',
    device: run.scenario.cloud === 'racoon2' ? run.scenario.device : `${run.scenario.device} (sw cloud)`,
    expected: truth.healthy ? 'healthy' : (truth.cause ?? 'unknown'),
    given: top?.cause ?? loud[0]?.cause ?? 'healthy',
    unparsed: report.stats.unparsed,
    causeOk: false,
  };
  if (truth.healthy) {
    result.causeOk = loud.length === 0;
    return result;
  }
  result.causeOk = !!top && acceptedCauses(truth, view).includes(top.cause);
  const params = truth.params ?? [];
  if (top && params.length > 0 && result.causeOk && top.cause === truth.cause) {
    const named = top.diff.filter((d) => params.includes(d.parameter));
    result.paramOk = named.length > 0;
    for (const [param, v] of Object.entries(truth.values ?? {})) {
      const d = top.diff.find((x) => x.parameter === param);
      if (!d) continue;
      const given = [d.cloud, d.peer].filter((x) => x !== null && x !== undefined);
      if (given.length === 0) continue;
      const ok = (d.cloud === null || d.cloud === undefined || same(d.cloud, v.cloud)) && (d.peer === null || d.peer === undefined || same(d.peer, v.peer));
      result.valuesOk = (result.valuesOk ?? true) && ok;
      result.valuesBoth = d.cloud != null && d.peer != null;
      if (!ok) result.valuesGiven = `${d.cloud} / ${d.peer}`;
    }
  } else if (params.length > 0 && !result.causeOk) {
    result.paramOk = false;
  }
  return result;
}

/**
 * Values compare as sets of tokens; numbers (lifetimes) within 1 %: strongSwan proposes its IKEv1
 * lifetime as rekey time × 1.1, so a configured 86400 s is logged as 86399.
 */
function same(a: string, b: string): boolean {
  const norm = (x: string): string => String(x).toLowerCase().split(/[,\s]+/).filter(Boolean).sort().join(',');
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return Math.abs(Number(a) - Number(b)) <= Number(b) / 100;
  return norm(a) === norm(b);
}

/** Runs every view of every run through `analyze`. */
export async function runCorpus(analyze: Analyze, opts: { filter?: RegExp; views?: View[]; dir?: string; onCase?: (r: CaseResult, report: Report) => void } = {}): Promise<CaseResult[]> {
  const { filter = /./, views = Object.keys(VIEWS) as View[], onCase } = opts;
  const results: CaseResult[] = [];
  for (const run of loadCorpus(opts.dir)) {
    if (!filter.test(run.name)) continue;
    for (const view of runViews(run)) {
      if (!views.includes(view)) continue;
      const report = await analyze(viewInputs(run, view)!, { now: new Date('2026-12-01T00:00:00Z'), peerTz: 'UTC' });
      const r = scoreCase(run, view, report);
      results.push(r);
      onCase?.(r, report);
    }
  }
  return results;
}

const pct = (ok: number, n: number): string => (n === 0 ? '—' : `${((100 * ok) / n).toFixed(1)}%`);

/** Totals of a list of results: cause first, parameter named, values right, healthy quiet. */
export interface Tally {
  ok: number;
  n: number;
}

export function totals(results: readonly CaseResult[]): { cases: number; causeFirst: Tally; paramNamed: Tally; valuesRight: Tally; valuesBoth: Tally; healthyQuiet: Tally } {
  const failing = results.filter((r) => r.expected !== 'healthy');
  const healthy = results.filter((r) => r.expected === 'healthy');
  const withParam = failing.filter((r) => r.paramOk !== undefined);
  const withValues = failing.filter((r) => r.valuesOk !== undefined);
  return {
    cases: results.length,
    causeFirst: { ok: failing.filter((r) => r.causeOk).length, n: failing.length },
    paramNamed: { ok: withParam.filter((r) => r.paramOk).length, n: withParam.length },
    valuesRight: { ok: withValues.filter((r) => r.valuesOk).length, n: withValues.length },
    valuesBoth: { ok: withValues.filter((r) => r.valuesBoth).length, n: withValues.length },
    healthyQuiet: { ok: healthy.filter((r) => r.causeOk).length, n: healthy.length },
  };
}


/** A text table: one row per group, columns cause / param / values / healthy. */
export function table(results: readonly CaseResult[], key: keyof CaseResult | ((r: CaseResult) => string), title: string): string {
  const groups = new Map<string, CaseResult[]>();
  for (const r of results) {
    const k = typeof key === 'function' ? key(r) : String(r[key]);
    const g = groups.get(k) ?? [];
    g.push(r);
    groups.set(k, g);
  }
  const rows = [[title, 'cases', 'cause first', 'param named', 'values right', 'healthy quiet']];
  for (const [k, rs] of [...groups].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const t = totals(rs);
    rows.push([k, String(rs.length), pct(t.causeFirst.ok, t.causeFirst.n), pct(t.paramNamed.ok, t.paramNamed.n), pct(t.valuesRight.ok, t.valuesRight.n), pct(t.healthyQuiet.ok, t.healthyQuiet.n)]);
  }
  const w = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ')).join('\n');
}

/** Expected cause → given cause counts, for the misses only. */
export function confusion(results: readonly CaseResult[]): string {
  const m = new Map<string, number>();
  for (const r of results) {
    if (r.causeOk) continue;
    const k = `${r.expected} → ${r.given}`;
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return [...m].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${String(n).padStart(4)}  ${k}`).join('\n');
}

