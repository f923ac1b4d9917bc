// Operators rule authors may use beyond json-rules-engine's built-ins: message match, CIDR
// containment/overlap and numeric ranges. Rule values are data: a `/pattern/` runs on RE2 (re2js),
// a linear-time engine, so no pattern and no log line can make matching take longer than the line
// is long — a shape test (nested quantifiers, alternations that overlap) could never catch them all.
import { createRequire } from 'node:module';
import { Operator } from 'json-rules-engine';
import type { RE2JS } from 're2js';

export const BUILTIN_OPERATORS = ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn', 'contains', 'doesNotContain'];

/** Longest pattern a rule may hold. */
export const MAX_PATTERN = 200;

/** A compiled rule pattern: tests a string in time linear in its length. */
export interface RulePattern {
  test(text: string): boolean;
}

const patternCache = new Map<string, RulePattern | null>();
const REGEX_LITERAL = /^\/(.+)\/([imsu]*)$/;

/**
 * RE2, loaded the first time a pattern is compiled: no built-in rule holds one, and its 260 KB of
 * code cost every run ~15 ms of start-up to compile (a one-file analysis starts in ~0.3 s).
 * Required, not imported: compiling a pattern is synchronous (a custom rule's operator).
 */
let re2: typeof RE2JS | undefined;
function re2js(): typeof RE2JS {
  re2 ??= (createRequire(import.meta.url)('re2js') as { RE2JS: typeof RE2JS }).RE2JS;
  return re2;
}

function re2Flags(engine: typeof RE2JS, flags: string): number {
  let f = 0;
  if (flags.includes('i')) f |= engine.CASE_INSENSITIVE;
  if (flags.includes('m')) f |= engine.MULTILINE;
  if (flags.includes('s')) f |= engine.DOTALL;
  return f;
}

function compileRe2(source: string, flags: string): RulePattern {
  const engine = re2js();
  const p = engine.compile(source, re2Flags(engine, flags));
  return { test: (text) => p.matcher(text).find() };
}

/** Why a rule's pattern is refused, or undefined when it is usable. */
export function patternProblem(value: string): string | undefined {
  if (value.length > MAX_PATTERN) return `longer than ${MAX_PATTERN} characters`;
  const m = REGEX_LITERAL.exec(value);
  if (!m) return undefined;
  try {
    compileRe2(m[1]!, m[2]!);
  } catch (e) {
    // RE2 has no look-around or back-references: its message names the construct.
    return `not an RE2 pattern (${String((e as Error).message).split('\n')[0]})`;
  }
  return undefined;
}

/** `/re/flags` is an RE2 pattern; anything else is a case-insensitive substring. */
export function compilePattern(value: unknown): RulePattern | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_PATTERN) return null;
  const hit = patternCache.get(value);
  if (hit !== undefined) return hit;
  let re: RulePattern | null;
  const m = REGEX_LITERAL.exec(value);
  if (m) {
    try {
      re = compileRe2(m[1]!, m[2]!);
    } catch {
      re = null;
    }
  } else {
    const needle = value.toLowerCase();
    re = { test: (text) => text.toLowerCase().includes(needle) };
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
