// The computations of the parameterised facts rules may name (`eventCount`, `diff`, …): pure
// functions of a subject's facts and the condition's `params`, listed with their descriptions in
// catalog.ts. The rules engine computes them on demand (rules/engine.ts); rule gates compute the
// same values to skip rules a subject cannot match (rules/gate.ts).
import type { Side } from '../types.js';
import type { SubjectFacts } from './facts.js';

type Params = Record<string, unknown>;

const side = (v: unknown): Side | undefined => (v === 'cloud' || v === 'peer' ? v : undefined);
// Shared, never changed: gates read these facts for every subject.
const BOTH: readonly Side[] = ['cloud', 'peer'];
const ONLY: Readonly<Record<Side, readonly Side[]>> = { cloud: ['cloud'], peer: ['peer'] };
const sidesOf = (v: unknown): readonly Side[] => (v === 'cloud' || v === 'peer' ? ONLY[v] : BOTH);

function eventCount(s: SubjectFacts, params: Params): number {
  const vars = params['vars'] && typeof params['vars'] === 'object' ? (params['vars'] as Record<string, string>) : undefined;
  return s.acc.store.count(String(params['type']), side(params['side']), vars);
}

/** The latest value of an event's variable, the gateway's first; null when no record set it. */
export function eventVar(s: SubjectFacts, params: Params): unknown {
  for (const sd of sidesOf(params['side'])) {
    const v = s.acc.store.get(sd, String(params['type']))?.lastVars[String(params['var'])];
    if (v !== undefined) return v;
  }
  return null;
}

function secondsBetween(s: SubjectFacts, params: Params): number {
  const ref = (x: unknown): { type: string; side?: Side } => (x && typeof x === 'object' ? { type: String((x as Params)['type']), side: side((x as Params)['side']) } : { type: String(x) });
  const pick = (r: { type: string; side?: Side }, which: 'firstMs' | 'lastMs'): number | undefined => {
    const vals = sidesOf(r.side).map((sd) => s.acc.store.get(sd, r.type)?.[which]).filter((x): x is number => x !== undefined);
    if (vals.length === 0) return undefined;
    return which === 'firstMs' ? Math.min(...vals) : Math.max(...vals);
  };
  const a = pick(ref(params['from']), 'firstMs');
  const b = pick(ref(params['to']), 'lastMs');
  return a === undefined || b === undefined ? -1 : Math.abs(b - a) / 1000;
}

function diagnoseLevel(s: SubjectFacts, params: Params): unknown {
  return s.acc.checks.get(String(params['name']))?.level ?? null;
}

function diagnoseValue(s: SubjectFacts, params: Params): unknown {
  const d = s.acc.checks.get(String(params['name']))?.description as Params | undefined;
  const key = String(params['key']);
  if (!d || !Object.prototype.hasOwnProperty.call(d, key)) return null;
  return d[key] ?? null;
}

function diff(s: SubjectFacts, params: Params): unknown {
  const d = s.diffs.find((x) => x.parameter === params['parameter']);
  return d ? { parameter: d.parameter, cloud: d.cloud, peer: d.peer } : null;
}

function messages(s: SubjectFacts, params: Params): string[] {
  return sidesOf(params['side']).flatMap((x) => [...s.acc.messages[x].keys()]);
}

export type DynamicFact = (s: SubjectFacts, params: Params) => unknown;

export const DYNAMIC_FACT_COMPUTATIONS: Readonly<Record<string, DynamicFact>> = {
  eventCount,
  eventVar,
  secondsBetween,
  diagnoseLevel,
  diagnoseValue,
  diff,
  messages,
};
