// Operators rule authors may use beyond json-rules-engine's built-ins: message match, CIDR
// containment/overlap and numeric ranges. Rule values are data: a pattern is compiled as a
// RegExp with a length cap, never evaluated as code.
import { Operator } from 'json-rules-engine';

export const BUILTIN_OPERATORS = ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn', 'contains', 'doesNotContain'];

const MAX_PATTERN = 200;
const patternCache = new Map<string, RegExp | null>();

/** A quantified group that itself holds a quantifier (`(a+)+`, `(\w*)*`): the classic ReDoS shape. */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{]/;

/** Why a rule's pattern is refused, or undefined when it is usable. */
export function patternProblem(value: string): string | undefined {
  if (value.length > MAX_PATTERN) return `longer than ${MAX_PATTERN} characters`;
  const m = /^\/(.+)\/([imsu]*)$/.exec(value);
  if (!m) return undefined;
  if (NESTED_QUANTIFIER.test(m[1]!)) return 'nested quantifiers can make matching take forever';
  try {
    new RegExp(m[1]!, m[2]);
  } catch (e) {
    return (e as Error).message;
  }
  return undefined;
}

/** `/re/flags` is a RegExp; anything else is a case-insensitive substring. */
export function compilePattern(value: unknown): RegExp | null {
  if (typeof value !== 'string' || value.length === 0 || patternProblem(value) !== undefined) return null;
  const hit = patternCache.get(value);
  if (hit !== undefined) return hit;
  let re: RegExp | null;
  const m = /^\/(.+)\/([imsu]*)$/.exec(value);
  try {
    re = m ? new RegExp(m[1]!, m[2]) : new RegExp(value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  } catch {
    re = null;
  }
  patternCache.set(value, re);
  return re;
}

function matchesAny(factValue: unknown, value: unknown): boolean {
  const re = compilePattern(value);
  if (!re) return false;
  const list = Array.isArray(factValue) ? factValue : [factValue];
  return list.some((v) => typeof v === 'string' && re.test(v));
}

function ipv4ToInt(ip: string): number | null {
  const p = ip.split('.');
  if (p.length !== 4) return null;
  let n = 0;
  for (const x of p) {
    const v = Number(x);
    if (!/^\d{1,3}$/.test(x) || v > 255) return null;
    n = n * 256 + v;
  }
  return n;
}

/** `a.b.c.d/len` (or a bare address = /32) → [first, last] as integers. */
export function cidrRange(text: string): [number, number] | null {
  const [ip, lenText] = text.trim().split('/');
  const base = ipv4ToInt(ip ?? '');
  const len = lenText === undefined ? 32 : Number(lenText);
  if (base === null || !Number.isInteger(len) || len < 0 || len > 32) return null;
  const size = 2 ** (32 - len);
  const first = Math.floor(base / size) * size;
  return [first, first + size - 1];
}

function cidrs(v: unknown): [number, number][] {
  const list = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : [];
  return list.map((x) => (typeof x === 'string' ? cidrRange(x) : null)).filter((r): r is [number, number] => r !== null);
}

/** Does any CIDR of the fact contain every address/CIDR of the value? */
function cidrContains(factValue: unknown, value: unknown): boolean {
  const outer = cidrs(factValue);
  const inner = cidrs(value);
  return inner.length > 0 && inner.every(([a, b]) => outer.some(([x, y]) => x <= a && b <= y));
}

function cidrOverlaps(factValue: unknown, value: unknown): boolean {
  const a = cidrs(factValue);
  const b = cidrs(value);
  return a.some(([x, y]) => b.some(([p, q]) => x <= q && p <= y));
}

/** value `[min, max]`: min ≤ fact ≤ max (numbers; null or missing bounds are open). */
function withinRange(factValue: unknown, value: unknown): boolean {
  if (typeof factValue !== 'number' || !Array.isArray(value)) return false;
  const [min, max] = value as [unknown, unknown];
  return (typeof min !== 'number' || factValue >= min) && (typeof max !== 'number' || factValue <= max);
}

export const CUSTOM_OPERATORS: Operator[] = [
  new Operator('matches', matchesAny),
  new Operator('notMatches', (f: unknown, v: unknown) => !matchesAny(f, v)),
  new Operator('cidrContains', cidrContains),
  new Operator('cidrOverlaps', cidrOverlaps),
  new Operator('withinRange', withinRange),
];

export const ALL_OPERATORS = new Set([...BUILTIN_OPERATORS, ...CUSTOM_OPERATORS.map((o) => o.name)]);
