// Token types of the FortiOS CLI configuration (`show` output, a `config` snippet) and the hand
// tokenizer: `config <path>`, `edit <name>`, `set <key> <words…>` (also `append`), `unset <key>`,
// `next`, `end`; `#` lines are comments (the `#config-version=` header). Words may be quoted with
// backslash escapes. The tokenizer balances `config`/`edit` against `end`/`next` (an unmatched one
// is dropped, an unclosed one is closed at the end, each a located problem) so the parser only
// sees well-nested input.
import { createToken, type IToken, type TokenType } from '../../chevrotain.js';
import { newToken } from '../../peer-common/syslog-program.js';
import type { Problem } from '../../../src/types.js';
import type { SourceLine } from '../common/lines.js';
import { CONFIG_CODES, configProblem } from '../common/problems.js';

export const Config = createToken({ name: 'Config', pattern: /config [^\n]+/ });
export const Edit = createToken({ name: 'Edit', pattern: /edit [^\n]+/ });
export const Set = createToken({ name: 'Set', pattern: /set [^\n]+/ });
export const Unset = createToken({ name: 'Unset', pattern: /unset [^\n]+/ });
export const Next = createToken({ name: 'Next', pattern: /next/ });
export const End = createToken({ name: 'End', pattern: /end/ });

export const allTokens: TokenType[] = [Config, Edit, Set, Unset, Next, End];

export interface FortiPayload {
  /** `config`: the path (`vpn ipsec phase1-interface`); `edit`: the name; `set`/`unset`: the key. */
  name: string;
  /** `set`: the words after the key, unquoted. */
  words: string[];
  /** The line as written (`set psksecret …` never keeps the key). */
  raw: string;
  file: string;
  line: number;
}

/** Splits a line into words, unquoting `"…"` (with `\"` escapes). */
export function splitWords(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    while (s[i] === ' ' || s[i] === '\t') i++;
    if (i >= s.length) break;
    if (s[i] === '"' || s[i] === "'") {
      const q = s[i]!;
      let j = i + 1;
      let w = '';
      while (j < s.length && s[j] !== q) {
        if (s[j] === '\\' && j + 1 < s.length) j++;
        w += s[j];
        j++;
      }
      out.push(w);
      i = j + 1;
    } else {
      let j = i;
      while (j < s.length && s[j] !== ' ' && s[j] !== '\t') j++;
      out.push(s.slice(i, j));
      i = j;
    }
  }
  return out;
}

/** Tokens of one FortiOS configuration file. */
export function tokenizeFortios(file: string, lines: SourceLine[], problems: Problem[]): IToken[] {
  const out: IToken[] = [];
  const stack: ('config' | 'edit')[] = [];
  const opened: number[] = [];
  const bad = (line: number, what: string, hint = 'Give the output of `show` (config / edit / set / next / end)'): void => {
    problems.push(configProblem(file, line, CONFIG_CODES.syntax, what, hint));
  };
  const tok = (type: TokenType, name: string, words: string[], raw: string, line: number): void => {
    out.push(newToken(type, raw, 0, { name, words, raw, file, line } satisfies FortiPayload));
  };
  for (const { line, text } of lines) {
    const s = text.trim();
    if (s === '' || s.startsWith('#')) continue;
    const w = splitWords(s);
    const verb = w[0]!.toLowerCase();
    if (verb === 'config' && w.length > 1) {
      stack.push('config');
      opened.push(line);
      tok(Config, w.slice(1).join(' '), [], s, line);
    } else if (verb === 'edit' && w.length > 1) {
      if (stack[stack.length - 1] !== 'config') bad(line, '`edit` outside a `config` block was ignored');
      else {
        stack.push('edit');
        opened.push(line);
        tok(Edit, w[1]!, [], s, line);
      }
    } else if ((verb === 'set' || verb === 'append') && w.length > 1) {
      if (stack.length === 0) bad(line, '`set` outside any `config` block was ignored');
      else tok(Set, w[1]!, w.slice(2), /psksecret|passw|secret|key$/i.test(w[1]!) ? `set ${w[1]} …` : s, line);
    } else if (verb === 'unset' && w.length > 1) {
      if (stack.length > 0) tok(Unset, w[1]!, [], s, line);
    } else if (verb === 'next' || verb === 'end') {
      const want = verb === 'next' ? 'edit' : 'config';
      // `end` also closes an `edit` whose `next` is missing.
      while (verb === 'end' && stack[stack.length - 1] === 'edit') {
        bad(opened[opened.length - 1]!, 'an `edit` block is closed by `end` without `next`', 'Add the missing `next`');
        stack.pop();
        opened.pop();
        tok(Next, 'next', [], 'next', line);
      }
      if (stack[stack.length - 1] !== want) bad(line, `\`${verb}\` closes no ${want === 'edit' ? '`edit`' : '`config`'} block and was ignored`);
      else {
        stack.pop();
        opened.pop();
        tok(verb === 'next' ? Next : End, verb, [], verb, line);
      }
    } else if (!/^(?:select|unselect|show|get|execute|diagnose|abort|delete|purge|clear|rename|move)\b/i.test(verb)) {
      bad(line, 'the line is not a FortiOS configuration command and was ignored');
    }
  }
  const last = lines.length > 0 ? lines[lines.length - 1]!.line : 1;
  while (stack.length > 0) {
    const kind = stack.pop()!;
    bad(opened.pop()!, `the \`${kind}\` block opened here is never closed`, `Add the missing \`${kind === 'edit' ? 'next' : 'end'}\``);
    tok(kind === 'edit' ? Next : End, kind === 'edit' ? 'next' : 'end', [], '', last);
  }
  return out;
}
