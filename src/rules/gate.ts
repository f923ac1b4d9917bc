// A rule's gate: the conditions every match needs (the members of its top-level `all`, and of
// `all`s nested there) that can be decided without the engine — a fact (static, or computed as
// the engine computes it: facts/dynamic.ts) against a literal with a built-in operator. A subject failing one cannot match,
// so the engine does not evaluate the rule for it: each evaluation deep-copies the rule's
// conditions and runs a promise chain, and most rules need events or API checks a subject lacks
// (on a 200-subject export: a fifth of what an analysis allocates, 80 ms). The gate only ever
// answers "cannot match"; anything it does not model is left to the engine.
import type { SubjectFacts } from '../facts/facts.js';
import { DYNAMIC_FACTS } from '../facts/catalog.js';

/** A necessary condition: false when the subject certainly fails it. */
type Check = (facts: SubjectFacts) => boolean;

/** json-rules-engine's built-in operators, validators included (engine-default-operators.js). */
const isNumber = (v: unknown): boolean => Number.parseFloat(v as string).toString() !== 'NaN';
const OPERATORS: Record<string, (a: unknown, b: unknown) => boolean> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => (b as unknown[]).indexOf(a) > -1,
  notIn: (a, b) => (b as unknown[]).indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => isNumber(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => isNumber(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => isNumber(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => isNumber(a) && (a as number) >= (b as number),
};

function checkOf(c: Record<string, unknown>): Check | undefined {
  const fact = c['fact'];
  const op = OPERATORS[String(c['operator'])];
  const value = c['value'];
  if (typeof fact !== 'string' || !op || c['path'] !== undefined) return undefined;
  // A value naming a fact is resolved by the engine.
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return undefined;
  // As the engine looks facts up: the subject's values (its run-time facts) first, then the
  // engine's own facts; an unknown fact is undefined.
  const own = (f: SubjectFacts): boolean => Object.prototype.hasOwnProperty.call(f.values, fact);
  const compute = Object.prototype.hasOwnProperty.call(DYNAMIC_FACTS, fact) ? DYNAMIC_FACTS[fact] : undefined;
  const params = (c['params'] ?? {}) as Record<string, unknown>;
  const read = (f: SubjectFacts): unknown => (own(f) ? f.values[fact] : compute ? compute(f, params) : undefined);
  return (f) => {
    try {
      return op(read(f), value);
    } catch {
      // The engine would fail the same way; leave it to say so.
      return true;
    }
  };
}

/**
 * The checks of every gate of one evaluator, each distinct condition once: the 97 built-in rules'
 * gates test 200 conditions, 114 of them distinct (30 rules test `phase1Established` is false), and
 * a subject's answer to each is kept from `begin` to the next `begin` (one subject's evaluation).
 */
export class SharedChecks {
  private readonly indexOf = new Map<string, number>();
  private readonly checks: Check[] = [];
  /** Per check, this subject's answer: 0 not asked yet, 1 passes, 2 fails. */
  private answers = new Int8Array(0);

  /** The shared check of condition `c` (made by `make` the first time it is seen). */
  add(c: Record<string, unknown>, make: () => Check | undefined): Check | undefined {
    let key: string;
    try {
      key = JSON.stringify([c['fact'], c['params'] ?? {}, c['operator'], c['value']]);
    } catch {
      return make();
    }
    let i = this.indexOf.get(key);
    if (i === undefined) {
      const check = make();
      if (!check) return undefined;
      i = this.checks.push(check) - 1;
      this.indexOf.set(key, i);
    }
    const at = i;
    return (f) => {
      let a = this.answers[at];
      if (a === 0) this.answers[at] = a = this.checks[at]!(f) ? 1 : 2;
      return a === 1;
    };
  }

  /** A new subject's facts are asked from now on: no answer carries over. */
  begin(): void {
    if (this.answers.length !== this.checks.length) this.answers = new Int8Array(this.checks.length);
    else this.answers.fill(0);
  }
}

function collect(node: unknown, out: Check[], shared: SharedChecks | undefined): void {
  if (!node || typeof node !== 'object') return;
  const n = node as Record<string, unknown>;
  if (Array.isArray(n['all'])) {
    for (const member of n['all']) collect(member, out, shared);
    return;
  }
  // `any`, `not` and condition references decide nothing alone.
  if (n['any'] !== undefined || n['not'] !== undefined || n['condition'] !== undefined) return;
  const check = shared ? shared.add(n, () => checkOf(n)) : checkOf(n);
  if (check) out.push(check);
}

/**
 * The gate of a rule's conditions, or undefined when none of its necessary conditions can be
 * decided here. With `shared`, its checks are shared with the other gates made with it, and
 * answer for the subject since `shared.begin()`.
 */
export function ruleGate(conditions: unknown, shared?: SharedChecks): Check | undefined {
  const checks: Check[] = [];
  collect(conditions, checks, shared);
  if (checks.length === 0) return undefined;
  // A loop, not `every`: gates run for every subject and rule, and a callback is an object a call.
  return (f) => {
    for (const c of checks) if (!c(f)) return false;
    return true;
  };
}
