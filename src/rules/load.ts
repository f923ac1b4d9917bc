// Parses and validates rule files: YAML → zod schema → semantic checks (known facts, operators,
// events, causes, parameters, safe paths). Every problem of a file is reported at once, each as
// `file:line:col: problem at <path>. hint` with a stable code.
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import type { RuleText } from '../sources/files/rule-files.js';
import { FACT_CATALOG } from '../facts/catalog.js';
import { EVENT_TYPES } from '../parse/events.js';
import { RuleFileSchema, type ConditionNode, type RuleFile } from './schema.js';
import { ALL_OPERATORS } from './operators.js';
import { isValidCause, PARAMETERS } from './causes.js';

export interface RuleProblem {
  file: string;
  line: number;
  col: number;
  path: string;
  code: 'E_RULE_INVALID' | 'E_RULE_DUPLICATE';
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

  value(): unknown {
    return this.doc.toJS({ maxAliasCount: 50 });
  }

  private add(line: number, col: number, path: Path, problem: string, hint: string, code: RuleProblem['code'] = 'E_RULE_INVALID'): void {
    const p = fmtPath(path);
    this.problems.push({ file: this.file, line, col, path: p, code, message: `${this.file}:${line}:${col}: ${problem} at ${p}. ${hint}` });
  }

  /** Reports at the YAML node of `path`, or at its nearest existing parent. */
  at(path: Path, problem: string, hint: string, code?: RuleProblem['code']): void {
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
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
        if (FORBIDDEN_KEYS.has(key)) this.at(path, `forbidden key "${key}"`, 'Rule files are data; prototype keys are refused.');
        else this.forbiddenKeys(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) node.items.forEach((it, i) => this.forbiddenKeys(it, [...path, i]));
  }
}

function checkCondition(c: ConditionNode, path: Path, ck: FileChecker): void {
  if ('all' in c) return c.all.forEach((x, i) => checkCondition(x, [...path, 'all', i], ck));
  if ('any' in c) return c.any.forEach((x, i) => checkCondition(x, [...path, 'any', i], ck));
  if ('not' in c) return checkCondition(c.not, [...path, 'not'], ck);
  const spec = FACT_CATALOG[c.fact];
  if (!spec) ck.at([...path, 'fact'], `unknown fact "${c.fact}"`, `Known facts: ${Object.keys(FACT_CATALOG).join(', ')}.`);
  if (!ALL_OPERATORS.has(c.operator)) ck.at([...path, 'operator'], `unknown operator "${c.operator}"`, `Known operators: ${[...ALL_OPERATORS].join(', ')}.`);
  if (c.path !== undefined && (!/^\$[\w.[\]'"-]*$/.test(c.path) || /__proto__|constructor|prototype/.test(c.path))) {
    ck.at([...path, 'path'], `unsafe or invalid path "${c.path}"`, 'Use a plain JSONPath like $.cloud; prototype names are refused.');
  }
  if (c.params) {
    for (const k of Object.keys(c.params)) {
      if (!spec?.params || !(k in spec.params)) ck.at([...path, 'params', k], `fact "${c.fact}" takes no parameter "${k}"`, spec?.params ? `It takes: ${Object.keys(spec.params).join(', ')}.` : 'It takes no parameters.');
    }
    const t = c.params['type'];
    if (typeof t === 'string' && !(t in EVENT_TYPES) && !extraEventTypes.has(t)) ck.at([...path, 'params', 'type'], `unknown event "${t}"`, 'See src/parse/events.ts for event ids.');
  } else if (spec?.params && ['eventCount', 'eventVar', 'diagnoseLevel', 'diagnoseValue', 'diff', 'secondsBetween'].includes(c.fact)) {
    ck.at(path, `fact "${c.fact}" needs params`, `It takes: ${Object.keys(spec.params).join(', ')}.`);
  }
}

function checkSemantics(rule: RuleFile, ck: FileChecker): void {
  if (!isValidCause(rule.cause)) ck.at(['cause'], `unknown cause "${rule.cause}"`, 'Use an id from spec/causes.md, or prefix your own with x-.');
  checkCondition(rule.conditions, ['conditions'], ck);
  rule.evidence.events.forEach((e, i) => {
    if (!(e in EVENT_TYPES) && !extraEventTypes.has(e)) ck.at(['evidence', 'events', i], `unknown event "${e}"`, 'See src/parse/events.ts for event ids.');
  });
  const params = new Set<string>(PARAMETERS);
  rule.diff.forEach((p, i) => {
    if (!params.has(p)) ck.at(['diff', i], `unknown parameter "${p}"`, `Known: ${PARAMETERS.join(', ')}.`);
  });
  rule.remediation.forEach((r, i) =>
    r.action?.set?.forEach((p, j) => {
      if (!params.has(p)) ck.at(['remediation', i, 'action', 'set', j], `unknown parameter "${p}"`, `Known: ${PARAMETERS.join(', ')}.`);
      if (p === 'Psk') ck.at(['remediation', i, 'action', 'set', j], 'an action may not set Psk', 'Describe the key change in the step; keys are never printed.');
    }),
  );
  const hasMatch = rule.cases.some((c) => c.expect === 'match');
  const hasNoMatch = rule.cases.some((c) => c.expect === 'no-match');
  if (!hasMatch || !hasNoMatch) ck.at(['cases'], 'cases need at least one `match` and one `no-match`', 'Add the missing kind.');
}

/** Parses one rule file; returns the rule (when valid) and every problem found. */
export function parseRuleFile(file: string, text: string): { rule?: RuleFile; problems: RuleProblem[] } {
  const ck = new FileChecker(file, text);
  if (!ck.ok) return { problems: ck.problems };
  ck.forbiddenKeys();
  const parsed = RuleFileSchema.safeParse(ck.value());
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ck.at(issue.path as Path, issue.message, 'See schema/rule.schema.json.');
    return { problems: ck.problems };
  }
  checkSemantics(parsed.data, ck);
  return ck.problems.length > 0 ? { problems: ck.problems } : { rule: parsed.data, problems: [] };
}

/** Loads many files; duplicate ids are reported naming both files (the later file loses). */
export function loadRuleTexts(files: readonly RuleText[], builtinPrefix?: string): { rules: LoadedRule[]; problems: RuleProblem[] } {
  const rules: LoadedRule[] = [];
  const problems: RuleProblem[] = [];
  const byId = new Map<string, string>();
  for (const f of files) {
    const r = parseRuleFile(f.path, f.text);
    problems.push(...r.problems);
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
