// Parses and validates rule files: YAML → zod schema → semantic checks (known facts, operators,
// events, causes, parameters, safe paths). Every problem of a file is reported at once, each as
// `file:line:col: problem at <path>. hint` with a stable code.
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import type { RuleText } from '../sources/files/rule-files.js';
import { FACT_CATALOG } from '../facts/catalog.js';
import { EVENT_TYPES } from '../parse/events.js';
import { RuleFileSchema, type RuleFile } from './schema.js';
import { ALL_OPERATORS, patternProblem } from './operators.js';
import { isValidCause } from '../vocabulary/causes.js';
import { PARAMETERS } from '../vocabulary/parameters.js';
import { oneLine } from '../errors.js';
import { PLACEHOLDER, SUBJECT_PLACEHOLDER_FIELDS } from '../report/template.js';
import { MAX_RULE_DEPTH, MAX_RULE_FILE_BYTES, MAX_RULE_PROBLEMS } from './limits.js';

export interface RuleProblem {
  file: string;
  line: number;
  col: number;
  path: string;
  code: 'E_RULE_INVALID' | 'E_RULE_DUPLICATE' | 'E_RULE_TOO_LARGE' | 'E_RULES_PATH';
  message: string;
}

export interface LoadedRule {
  rule: RuleFile;
  file: string;
  builtin: boolean;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Extra event ids known to the loader (peer-dialect catalogues register theirs). */
export const extraEventTypes = new Set<string>();

type Path = (string | number)[];
const MAX_PROBLEM_CHARS = 300;
const fmtPath = (p: Path): string => (p.length === 0 ? '(root)' : p.map((x) => (typeof x === 'number' ? `[${x}]` : `.${x}`)).join('').replace(/^\./, ''));

class FileChecker {
  readonly problems: RuleProblem[] = [];
  private readonly lc = new LineCounter();
  private readonly doc;

  constructor(private readonly file: string, text: string) {
    this.doc = parseDocument(text, { lineCounter: this.lc, uniqueKeys: true });
    for (const e of this.doc.errors) {
      const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
      this.add(pos.line, pos.col, [], `YAML: ${e.message.split('\n')[0]}`, 'Fix the YAML syntax.');
    }
  }

  get ok(): boolean {
    return this.doc.errors.length === 0;
  }

  /** The document as plain data, or undefined (with a problem) when aliases expand too far. */
  value(): unknown {
    try {
      return this.doc.toJS({ maxAliasCount: 50 });
    } catch (e) {
      this.add(1, 1, [], `YAML: ${(e as Error).message.split('\n')[0]}`, 'Rule files are data: use few aliases, or none.');
      return undefined;
    }
  }

  /** Problems seen, listed or not. */
  private seen = 0;

  private add(line: number, col: number, path: Path, problem: string, hint: string, code: RuleProblem['code'] = 'E_RULE_INVALID'): void {
    if (++this.seen > MAX_RULE_PROBLEMS) return;
    const p = fmtPath(path);
    // A message names the problem, not all of it (zod lists every unknown key: 25 000 of them).
    const what = problem.length > MAX_PROBLEM_CHARS ? `${problem.slice(0, MAX_PROBLEM_CHARS)}…` : problem;
    this.problems.push({ file: this.file, line, col, path: p, code, message: oneLine(`${this.file}:${line}:${col}: ${what} at ${p}. ${hint}`) });
  }

  /** Whether more problems would be dropped: checks stop early (50 000 unknown keys took 58 s). */
  get full(): boolean {
    return this.seen >= MAX_RULE_PROBLEMS;
  }

  /** The closing problem that counts those not listed. */
  closeCount(): void {
    const more = this.seen - MAX_RULE_PROBLEMS;
    if (more <= 0) return;
    this.problems.push({ file: this.file, line: 1, col: 1, path: '(root)', code: 'E_RULE_INVALID', message: `${this.file}:1:1: ${more}+ more problems not listed at (root). The first ${MAX_RULE_PROBLEMS} are; fix those first.` });
  }

  /** Reports at the YAML node of `path`, or at its nearest existing parent. */
  at(path: Path, problem: string, hint: string, code?: RuleProblem['code']): void {
    if (this.full) {
      this.seen++;
      return;
    }
    for (let n = path.length; n >= 0; n--) {
      const node = this.doc.getIn(path.slice(0, n), true) as Node | undefined;
      if (node && typeof node === 'object' && 'range' in node && node.range) {
        const pos = this.lc.linePos(node.range[0]);
        return this.add(pos.line, pos.col, path, problem, hint, code);
      }
    }
    this.add(1, 1, path, problem, hint, code);
  }

  forbiddenKeys(node: unknown = this.doc.contents, path: Path = []): void {
    if (path.length > MAX_RULE_DEPTH) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
        if (FORBIDDEN_KEYS.has(key)) this.at(path, `forbidden key "${key}"`, 'Rule files are data; prototype keys are refused.');
        else this.forbiddenKeys(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) node.items.forEach((it, i) => this.forbiddenKeys(it, [...path, i]));
  }
}

type Raw = Record<string, unknown>;
const isEventType = (t: string): boolean => t in EVENT_TYPES || extraEventTypes.has(t);
const SUBJECT_FIELDS = new Set<string>(SUBJECT_PLACEHOLDER_FIELDS);

/** Why a `{{…}}` placeholder names nothing the report can fill, or undefined when it does. */
function placeholderProblem(name: string, params: ReadonlySet<string>): string | undefined {
  const [head, ...rest] = name.split('.');
  if (head === 'fact') return rest.length === 1 && FACT_CATALOG[rest[0]!] ? undefined : `no fact "${rest.join('.')}"`;
  if (head === 'diff') return rest.length === 2 && params.has(rest[0]!) && (rest[1] === 'cloud' || rest[1] === 'peer') ? undefined : `"${name}" is not diff.<parameter>.cloud|peer with a known parameter`;
  if (head === 'event') return rest.length >= 2 && isEventType(rest.slice(0, -1).join('.')) ? undefined : `no event "${rest.slice(0, -1).join('.')}"`;
  if (head === 'subject') return rest.length === 1 && SUBJECT_FIELDS.has(rest[0]!) ? undefined : `the subject has no "${rest.join('.')}"`;
  return `"${name}" is not a fact., diff., event. or subject. placeholder`;
}

/** Checks the placeholders of a text (a string or {en, zh}). */
function checkPlaceholders(text: unknown, path: Path, params: ReadonlySet<string>, ck: FileChecker): void {
  const parts: [unknown, Path][] = isRaw(text) ? Object.entries(text).map(([k, v]) => [v, [...path, k]]) : [[text, path]];
  for (const [t, at] of parts) {
    if (typeof t !== 'string') continue;
    for (const m of t.matchAll(PLACEHOLDER)) {
      const why = placeholderProblem(m[1]!, params);
      if (why) ck.at(at, `placeholder {{${m[1]}}} names nothing: ${why}`, 'Placeholders are {{fact.NAME}}, {{diff.PARAMETER.cloud|peer}}, {{event.TYPE.VAR}} or {{subject.id}}, with an optional |fallback.');
    }
  }
}
const isRaw = (v: unknown): v is Raw => !!v && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Checks a condition tree as written (also when the schema already failed elsewhere). */
function checkCondition(c: unknown, path: Path, ck: FileChecker): void {
  if (!isRaw(c) || path.length > MAX_RULE_DEPTH) return;
  if (Array.isArray(c['all'])) return c['all'].forEach((x, i) => checkCondition(x, [...path, 'all', i], ck));
  if (Array.isArray(c['any'])) return c['any'].forEach((x, i) => checkCondition(x, [...path, 'any', i], ck));
  if (c['not'] !== undefined) return checkCondition(c['not'], [...path, 'not'], ck);
  const fact = typeof c['fact'] === 'string' ? c['fact'] : undefined;
  const operator = typeof c['operator'] === 'string' ? c['operator'] : undefined;
  const spec = fact ? FACT_CATALOG[fact] : undefined;
  if (fact && !spec) ck.at([...path, 'fact'], `unknown fact "${fact}"`, `Known facts: ${Object.keys(FACT_CATALOG).join(', ')}.`);
  if (operator && !ALL_OPERATORS.has(operator)) ck.at([...path, 'operator'], `unknown operator "${operator}"`, `Known operators: ${[...ALL_OPERATORS].join(', ')}.`);
  if ((operator === 'matches' || operator === 'notMatches') && typeof c['value'] === 'string') {
    const why = patternProblem(c['value']);
    if (why) ck.at([...path, 'value'], `unusable pattern: ${why}`, 'Rule patterns are plain substrings or /regex/ in RE2 syntax (no look-around, no back-references).');
  }
  const p = c['path'];
  if (typeof p === 'string' && (!/^\$[\w.[\]'"-]*$/.test(p) || /__proto__|constructor|prototype/.test(p))) {
    ck.at([...path, 'path'], `unsafe or invalid path "${p}"`, 'Use a plain JSONPath like $.cloud; prototype names are refused.');
  }
  const params = c['params'];
  if (isRaw(params)) {
    for (const k of Object.keys(params)) {
      if (spec && (!spec.params || !(k in spec.params))) ck.at([...path, 'params', k], `fact "${fact}" takes no parameter "${k}"`, spec.params ? `It takes: ${Object.keys(spec.params).join(', ')}.` : 'It takes no parameters.');
    }
    const t = params['type'];
    if (typeof t === 'string' && (fact === 'eventCount' || fact === 'eventVar') && !isEventType(t)) {
      ck.at([...path, 'params', 'type'], `unknown event "${t}"`, 'See src/parse/events.ts for event ids.');
    }
    // The time-window fact names two events, each as {type, side?}.
    for (const end of ['from', 'to']) {
      const ref = params[end];
      const et = isRaw(ref) ? ref['type'] : undefined;
      if (fact === 'secondsBetween' && typeof et === 'string' && !isEventType(et)) ck.at([...path, 'params', end, 'type'], `unknown event "${et}"`, 'See src/parse/events.ts for event ids.');
    }
  } else if (fact && spec?.params && ['eventCount', 'eventVar', 'diagnoseLevel', 'diagnoseValue', 'diff', 'secondsBetween'].includes(fact)) {
    ck.at(path, `fact "${fact}" needs params`, `It takes: ${Object.keys(spec.params).join(', ')}.`);
  }
}

function checkSemantics(raw: unknown, ck: FileChecker): void {
  if (!isRaw(raw)) return;
  if (typeof raw['cause'] === 'string' && !isValidCause(raw['cause'])) ck.at(['cause'], `unknown cause "${raw['cause']}"`, 'Use an id from spec/causes.md, or prefix your own with x-.');
  checkCondition(raw['conditions'], ['conditions'], ck);
  const evidence = isRaw(raw['evidence']) ? raw['evidence'] : {};
  list(evidence['messages']).forEach((m, i) => {
    const why = typeof m === 'string' ? patternProblem(m) : undefined;
    if (why) ck.at(['evidence', 'messages', i], `unusable pattern: ${why}`, 'Use a substring or a /regex/ in RE2 syntax (no look-around, no back-references).');
  });
  list(evidence['events']).forEach((e, i) => {
    if (typeof e === 'string' && !isEventType(e)) ck.at(['evidence', 'events', i], `unknown event "${e}"`, 'See src/parse/events.ts for event ids.');
  });
  const params = new Set<string>(PARAMETERS);
  for (const key of ['diff', 'candidates']) {
    list(raw[key]).forEach((p, i) => {
      if (typeof p === 'string' && !params.has(p)) ck.at([key, i], `unknown parameter "${p}"`, `Known: ${PARAMETERS.join(', ')}.`);
    });
  }
  for (const key of ['title', 'summary']) checkPlaceholders(raw[key], [key], params, ck);
  list(raw['alternatives']).forEach((a, i) => isRaw(a) && checkPlaceholders(a['why'], ['alternatives', i, 'why'], params, ck));
  list(raw['remediation']).forEach((r, i) => isRaw(r) && checkPlaceholders(r['step'], ['remediation', i, 'step'], params, ck));
  list(raw['remediation']).forEach((r, i) => {
    const action = isRaw(r) && isRaw(r['action']) ? r['action'] : {};
    list(action['set']).forEach((p, j) => {
      if (typeof p !== 'string') return;
      if (!params.has(p)) ck.at(['remediation', i, 'action', 'set', j], `unknown parameter "${p}"`, `Known: ${PARAMETERS.join(', ')}.`);
      if (p === 'Psk') ck.at(['remediation', i, 'action', 'set', j], 'an action may not set Psk', 'Describe the key change in the step; keys are never printed.');
    });
  });
  const cases = list(raw['cases']).filter(isRaw);
  if (cases.length > 0 && (!cases.some((c) => c['expect'] === 'match') || !cases.some((c) => c['expect'] === 'no-match'))) {
    ck.at(['cases'], 'cases need at least one `match` and one `no-match`', 'Add the missing kind.');
  }
}

/** How deep a plain value nests (iterative: a hostile depth cannot overflow the stack here). */
function depthOf(v: unknown, cap: number): number {
  let max = 0;
  const stack: [unknown, number][] = [[v, 0]];
  while (stack.length > 0) {
    const [x, d] = stack.pop()!;
    if (d > max) max = d;
    if (max > cap) return max;
    if (x && typeof x === 'object') for (const y of Object.values(x)) stack.push([y, d + 1]);
  }
  return max;
}

const tooLarge = (file: string, bytes: number): RuleProblem => ({
  file,
  line: 1,
  col: 1,
  path: '(root)',
  code: 'E_RULE_TOO_LARGE',
  message: `${file}:1:1: rule file of ${bytes} bytes is over the ${MAX_RULE_FILE_BYTES}-byte limit at (root). One rule per file: split it.`,
});

/** Parses one rule file; returns the rule (when valid) and every problem found (at most MAX_RULE_PROBLEMS and a count). */
export function parseRuleFile(file: string, text: string): { rule?: RuleFile; problems: RuleProblem[] } {
  if (text.length > MAX_RULE_FILE_BYTES) return { problems: [tooLarge(file, Buffer.byteLength(text))] };
  const ck = new FileChecker(file, text);
  if (!ck.ok) return { problems: ck.problems };
  try {
    ck.forbiddenKeys();
    const raw = ck.value();
    if (raw === undefined) return { problems: ck.problems };
    if (depthOf(raw, MAX_RULE_DEPTH) > MAX_RULE_DEPTH) {
      ck.at([], `nested more than ${MAX_RULE_DEPTH} levels deep`, 'Flatten the conditions: no rule needs this depth.');
      return { problems: ck.problems };
    }
    const parsed = RuleFileSchema.safeParse(raw);
    if (!parsed.success) for (const issue of parsed.error.issues) ck.at(issue.path as Path, issue.message, 'See schema/rule.schema.json.');
    checkSemantics(raw, ck);
    ck.closeCount();
    const problems = ck.problems.sort((a, b) => a.line - b.line || a.col - b.col);
    return problems.length > 0 || !parsed.success ? { problems } : { rule: parsed.data, problems: [] };
  } catch (e) {
    // Bounded above; a limit missed is still a problem of this file, never a crash.
    ck.at([], `rule file could not be checked (${(e as Error).message})`, 'Simplify the file.');
    return { problems: ck.problems };
  }
}

/** Loads many files; duplicate ids are reported naming both files (the later file loses). */
export function loadRuleTexts(files: readonly RuleText[], builtinPrefix?: string): { rules: LoadedRule[]; problems: RuleProblem[] } {
  const rules: LoadedRule[] = [];
  const problems: RuleProblem[] = [];
  const byId = new Map<string, string>();
  for (const f of files) {
    const r = parseRuleFile(f.path, f.text);
    for (const p of r.problems) problems.push(p);
    if (!r.rule) continue;
    const prev = byId.get(r.rule.id);
    if (prev) {
      problems.push({ file: f.path, line: 1, col: 1, path: 'id', code: 'E_RULE_DUPLICATE', message: `${f.path}:1:1: rule id "${r.rule.id}" is already defined in ${prev}. Give one of them another id.` });
      continue;
    }
    byId.set(r.rule.id, f.path);
    rules.push({ rule: r.rule, file: f.path, builtin: builtinPrefix !== undefined && f.path.startsWith(builtinPrefix) });
  }
  return { rules, problems };
}
