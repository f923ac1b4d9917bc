// Runs the loaded rules over one subject's facts with json-rules-engine: static facts from
// facts.ts, dynamic (parameterised) facts computed on demand (facts/dynamic.ts), custom operators.
// Rules whose gate the subject fails are not sent to the engine (gate.ts). Returns which rules
// matched and, for --explain, the condition values that decided them.
import { Engine, type Almanac, type RuleResult } from 'json-rules-engine';
import type { SubjectFacts } from '../facts/facts.js';
import type { LoadedRule } from './load.js';
import { CUSTOM_OPERATORS } from './operators.js';
import { ruleGate, SharedChecks } from './gate.js';
import { DYNAMIC_FACTS } from '../facts/catalog.js';

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

async function subjectOf(almanac: Almanac): Promise<SubjectFacts> {
  return (await almanac.factValue(SUBJECT)) as SubjectFacts;
}

// Each is a lookup in the subject's tallies: cheaper than the engine's cache key (a hash of the
// parameters per condition, 7 % of a 200-subject analysis).
const NO_CACHE = { cache: false };

/** Adds the parameterised facts (facts/dynamic.ts). */
function addDynamicFacts(engine: Engine): void {
  for (const [name, compute] of Object.entries(DYNAMIC_FACTS)) {
    engine.addFact(name, (async (params: Record<string, unknown>, almanac: Almanac) => compute(await subjectOf(almanac), params)) as never, NO_CACHE);
  }
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

/** Engines kept, one per distinct set of rules a subject's gates let through. */
const ENGINES_KEPT = 64;
/** Answers kept for subjects whose facts read the same (a fleet's healthy connections, repeated failures). */
const ANSWERS_KEPT = 4096;

/** A fact a condition reads: its name and, for a parameterised fact, its parameters. */
interface FactRef {
  fact: string;
  params?: Record<string, unknown>;
}

/** Every fact the conditions read, `value: { fact }` comparisons included. */
function factRefs(node: unknown, out: FactRef[]): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const c of node) factRefs(c, out);
    return;
  }
  const n = node as Record<string, unknown>;
  if (typeof n['fact'] === 'string') out.push({ fact: n['fact'], ...(n['params'] && typeof n['params'] === 'object' ? { params: n['params'] as Record<string, unknown> } : {}) });
  for (const v of Object.values(n)) if (v && typeof v === 'object') factRefs(v, out);
}

export class RuleEvaluator {
  private readonly rules: readonly LoadedRule[];
  private readonly byId = new Map<string, LoadedRule>();
  private readonly gates: (((facts: SubjectFacts) => boolean) | undefined)[];
  private readonly engines = new Map<string, Engine>();
  /** Per set of open rules: the facts their conditions read (what an answer depends on). */
  private readonly reads = new Map<string, FactRef[]>();
  private readonly answers = new Map<string, RuleMatch[]>();
  /** The gates' conditions, each decided once per subject. */
  private readonly checks = new SharedChecks();

  /** `gates: false` sends every rule to the engine (tests compare the two). */
  constructor(rules: readonly LoadedRule[], opts: { gates?: boolean } = {}) {
    this.rules = rules;
    for (const r of rules) this.byId.set(r.rule.id, r);
    this.gates = rules.map((r) => (opts.gates === false ? undefined : ruleGate(r.rule.conditions, this.checks)));
  }

  /** Rules that failed to run (a custom rule the engine refuses), by id, with the engine's reason. */
  readonly failed = new Map<string, string>();

  async evaluate(facts: SubjectFacts): Promise<RuleMatch[]> {
    // Rules in their loaded order, minus those whose gate the subject fails (gate.ts).
    this.checks.begin();
    const open: number[] = [];
    for (let i = 0; i < this.rules.length; i++) if (this.gates[i]?.(facts) ?? true) open.push(i);
    if (open.length === 0) return [];
    // Subjects whose facts read the same get the same answer: the engine runs once for them.
    const key = this.answerKey(open, facts);
    const known = key === undefined ? undefined : this.answers.get(key);
    if (known) return known.map((m) => ({ loaded: m.loaded, explain: m.explain.map((e) => ({ ...e })) }));
    const matches = await this.run(open, facts);
    if (key !== undefined && this.failed.size === 0) {
      if (this.answers.size >= ANSWERS_KEPT) this.answers.delete(this.answers.keys().next().value!);
      this.answers.set(key, matches.map((m) => ({ loaded: m.loaded, explain: m.explain.map((e) => ({ ...e })) })));
    }
    return matches;
  }

  /**
   * The values of every fact the open rules read, as one string; undefined when one cannot be
   * written down (then the engine runs). Facts no condition reads (the subject id) do not count.
   */
  private answerKey(open: number[], facts: SubjectFacts): string | undefined {
    const set = open.join(',');
    let refs = this.reads.get(set);
    if (!refs) {
      const all: FactRef[] = [];
      for (const i of open) factRefs(this.rules[i]!.rule.conditions, all);
      const seen = new Set<string>();
      refs = all.filter((r) => {
        const k = JSON.stringify(r);
        return seen.has(k) ? false : (seen.add(k), true);
      });
      if (this.reads.size >= ENGINES_KEPT) this.reads.delete(this.reads.keys().next().value!);
      this.reads.set(set, refs);
    }
    const values: unknown[] = [set];
    for (const r of refs) {
      const compute = DYNAMIC_FACTS[r.fact];
      values.push(compute && !Object.prototype.hasOwnProperty.call(facts.values, r.fact) ? compute(facts, r.params ?? {}) : facts.values[r.fact]);
    }
    try {
      return JSON.stringify(values);
    } catch {
      return undefined;
    }
  }

  private async run(open: number[], facts: SubjectFacts): Promise<RuleMatch[]> {
    let results: RuleResult[];
    try {
      results = (await this.engineFor(open).run({ ...facts.values, [SUBJECT]: facts })).results;
    } catch {
      results = await this.evaluateOneByOne(open, facts);
    }
    return results.map((r) => {
      const explain: ExplainEntry[] = [];
      collectExplain((r as unknown as { conditions: unknown }).conditions, explain);
      return { loaded: this.byId.get(String(r.name))!, explain };
    });
  }

  /**
   * A rule file is data, but the engine may still refuse what the schema let through: then each
   * rule runs alone, the failing ones are set aside (and reported), the others still match.
   */
  private async evaluateOneByOne(open: number[], facts: SubjectFacts): Promise<RuleResult[]> {
    const out: RuleResult[] = [];
    for (const i of open) {
      const id = this.rules[i]!.rule.id;
      if (this.failed.has(id)) continue;
      try {
        out.push(...(await this.engineFor([i]).run({ ...facts.values, [SUBJECT]: facts })).results);
      } catch (e) {
        this.failed.set(id, (e as Error).message);
      }
    }
    // Later subjects skip the failed rules from the start.
    const failed = new Set(this.failed.keys());
    this.rules.forEach((r, i) => {
      if (failed.has(r.rule.id)) this.gates[i] = () => false;
    });
    return out;
  }

  private engineFor(open: number[]): Engine {
    const key = open.join(',');
    let engine = this.engines.get(key);
    if (!engine) {
      if (this.engines.size >= ENGINES_KEPT) this.engines.delete(this.engines.keys().next().value!);
      engine = newEngine(open.map((i) => this.rules[i]!));
      this.engines.set(key, engine);
    }
    return engine;
  }
}

function newEngine(rules: readonly LoadedRule[]): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const op of CUSTOM_OPERATORS) engine.addOperator(op);
  addDynamicFacts(engine);
  for (const r of rules) engine.addRule({ name: r.rule.id, conditions: r.rule.conditions as never, event: { type: r.rule.id } });
  return engine;
}
