// Runs the loaded rules over one subject's facts with json-rules-engine: static facts from
// facts.ts, dynamic (parameterised) facts computed on demand, custom operators. Returns which
// rules matched and, for --explain, the condition values that decided them.
import { Engine, type Almanac, type RuleResult } from 'json-rules-engine';
import type { Side } from '../types.js';
import type { SubjectFacts } from '../facts/facts.js';
import type { LoadedRule } from './load.js';
import { CUSTOM_OPERATORS } from './operators.js';

export interface ExplainEntry {
  fact: string;
  params?: Record<string, unknown>;
  operator: string;
  value: unknown;
  factValue: unknown;
}

export interface RuleMatch {
  loaded: LoadedRule;
  explain: ExplainEntry[];
}

const SUBJECT = '__subject';

const side = (v: unknown): Side | undefined => (v === 'cloud' || v === 'peer' ? v : undefined);

async function subjectOf(almanac: Almanac): Promise<SubjectFacts> {
  return (await almanac.factValue(SUBJECT)) as SubjectFacts;
}

// Each is a lookup in the subject's tallies: cheaper than the engine's cache key (a hash of the
// parameters per condition, 7 % of a 200-subject analysis).
const NO_CACHE = { cache: false };

function addDynamicFacts(engine: Engine): void {
  engine.addFact('eventCount', async (params: Record<string, unknown>, almanac: Almanac) => {
    const s = await subjectOf(almanac);
    const vars = params['vars'] && typeof params['vars'] === 'object' ? (params['vars'] as Record<string, string>) : undefined;
    return s.acc.store.count(String(params['type']), side(params['side']), vars);
  }, NO_CACHE);
  engine.addFact('eventVar', async (params: Record<string, unknown>, almanac: Almanac) => {
    const s = await subjectOf(almanac);
    const sides: Side[] = side(params['side']) ? [side(params['side'])!] : ['cloud', 'peer'];
    for (const sd of sides) {
      const v = s.acc.store.get(sd, String(params['type']))?.lastVars[String(params['var'])];
      if (v !== undefined) return v;
    }
    return null;
  }, NO_CACHE);
  engine.addFact('secondsBetween', async (params: Record<string, unknown>, almanac: Almanac) => {
    const s = await subjectOf(almanac);
    const ref = (x: unknown): { type: string; side?: Side } => (x && typeof x === 'object' ? { type: String((x as Record<string, unknown>)['type']), side: side((x as Record<string, unknown>)['side']) } : { type: String(x) });
    const from = ref(params['from']);
    const to = ref(params['to']);
    const pick = (r: { type: string; side?: Side }, which: 'firstMs' | 'lastMs'): number | undefined => {
      const vals = (r.side ? [r.side] : (['cloud', 'peer'] as Side[])).map((sd) => s.acc.store.get(sd, r.type)?.[which]).filter((x): x is number => x !== undefined);
      if (vals.length === 0) return undefined;
      return which === 'firstMs' ? Math.min(...vals) : Math.max(...vals);
    };
    const a = pick(from, 'firstMs');
    const b = pick(to, 'lastMs');
    return a === undefined || b === undefined ? -1 : Math.abs(b - a) / 1000;
  }, NO_CACHE);
  engine.addFact('diagnoseLevel', async (params: Record<string, unknown>, almanac: Almanac) => {
    const s = await subjectOf(almanac);
    return s.acc.checks.get(String(params['name']))?.level ?? null;
  }, NO_CACHE);
  engine.addFact('diagnoseValue', async (params: Record<string, unknown>, almanac: Almanac) => {
    const s = await subjectOf(almanac);
    const d = s.acc.checks.get(String(params['name']))?.description as Record<string, unknown> | undefined;
    const key = String(params['key']);
    if (!d || !Object.prototype.hasOwnProperty.call(d, key)) return null;
    return d[key] ?? null;
  }, NO_CACHE);
  engine.addFact('diff', async (params: Record<string, unknown>, almanac: Almanac) => {
    const s = await subjectOf(almanac);
    const d = s.diffs.find((x) => x.parameter === params['parameter']);
    return d ? { parameter: d.parameter, cloud: d.cloud, peer: d.peer } : null;
  }, NO_CACHE);
  engine.addFact('messages', async (params: Record<string, unknown>, almanac: Almanac) => {
    const s = await subjectOf(almanac);
    const sd = side(params['side']);
    return (sd ? [sd] : (['cloud', 'peer'] as Side[])).flatMap((x) => [...s.acc.messages[x].keys()]);
  }, NO_CACHE);
}

function collectExplain(node: unknown, out: ExplainEntry[]): void {
  if (!node || typeof node !== 'object') return;
  const n = node as Record<string, unknown>;
  for (const k of ['all', 'any']) if (Array.isArray(n[k])) (n[k] as unknown[]).forEach((c) => collectExplain(c, out));
  if (n['not']) collectExplain(n['not'], out);
  if (typeof n['fact'] === 'string' && n['result'] === true) {
    const e: ExplainEntry = { fact: n['fact'], operator: String(n['operator']), value: n['value'], factValue: n['factResult'] };
    if (n['params']) e.params = n['params'] as Record<string, unknown>;
    out.push(e);
  }
}

export class RuleEvaluator {
  private readonly engine: Engine;
  private readonly byId = new Map<string, LoadedRule>();

  constructor(rules: readonly LoadedRule[]) {
    this.engine = new Engine([], { allowUndefinedFacts: true });
    for (const op of CUSTOM_OPERATORS) this.engine.addOperator(op);
    addDynamicFacts(this.engine);
    for (const r of rules) {
      this.byId.set(r.rule.id, r);
      this.engine.addRule({ name: r.rule.id, conditions: r.rule.conditions as never, event: { type: r.rule.id } });
    }
  }

  async evaluate(facts: SubjectFacts): Promise<RuleMatch[]> {
    if (this.byId.size === 0) return [];
    const { results } = await this.engine.run({ ...facts.values, [SUBJECT]: facts });
    return (results as RuleResult[]).map((r) => {
      const explain: ExplainEntry[] = [];
      collectExplain((r as unknown as { conditions: unknown }).conditions, explain);
      return { loaded: this.byId.get(String(r.name))!, explain };
    });
  }
}
