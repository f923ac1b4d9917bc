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

function collect(node: unknown, out: Check[]): void {
  if (!node || typeof node !== 'object') return;
  const n = node as Record<string, unknown>;
  if (Array.isArray(n['all'])) {
    for (const member of n['all']) collect(member, out);
    return;
  }
  // `any`, `not` and condition references decide nothing alone.
  if (n['any'] !== undefined || n['not'] !== undefined || n['condition'] !== undefined) return;
  const check = checkOf(n);
  if (check) out.push(check);
}

/**
 * The gate of a rule's conditions, or undefined when none of its necessary conditions can be
 * decided here.
 */
export function ruleGate(conditions: unknown): Check | undefined {
  const checks: Check[] = [];
  collect(conditions, checks);
  if (checks.length === 0) return undefined;
  // A loop, not `every`: gates run for every subject and rule, and a callback is an object a call.
  return (f) => {
    for (const c of checks) if (!c(f)) return false;
    return true;
  };
}
