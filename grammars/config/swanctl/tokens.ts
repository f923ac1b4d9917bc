// Token types of swanctl.conf (strongSwan's settings syntax) and the hand tokenizer that produces
// them line by line: `name {` (optionally `name : template {`), `}`, `key = value` (a value runs to
// the end of the line or an unquoted `}`), `include pattern`, `#` comments. The tokenizer is the
// validator: a line it cannot read becomes a located problem, an unmatched `}` is dropped, and an
// unclosed `{` is closed at the end, so the parser only ever sees balanced input.
import { createToken, type IToken, type TokenType } from '../../chevrotain.js';
import { newToken } from '../../peer-common/syslog-program.js';
import type { Problem } from '../../../src/types.js';
import type { SourceLine } from '../common/lines.js';
import { CONFIG_CODES, configProblem } from '../common/problems.js';
import { unquote } from '../common/values.js';

export const SectionOpen = createToken({ name: 'SectionOpen', pattern: /[^{]+\{/ });
export const SectionClose = createToken({ name: 'SectionClose', pattern: /\}/ });
export const Setting = createToken({ name: 'Setting', pattern: /[^=]+=[^\n]*/ });
export const Include = createToken({ name: 'Include', pattern: /include [^\n]*/ });

export const allTokens: TokenType[] = [SectionOpen, SectionClose, Setting, Include];

export interface OpenPayload {
  name: string;
  file: string;
  line: number;
  template?: string;
}
export interface SettingPayload {
  key: string;
  value: string;
  /** `key = value` as written (the value of a `secret` is never kept here). */
  raw: string;
  file: string;
  line: number;
}
export interface ClosePayload {
  file: string;
  line: number;
}
export interface IncludePayload {
  pattern: string;
  file: string;
  line: number;
}

const NAME = /^[A-Za-z0-9_.@%*-][A-Za-z0-9_.@%*+\-/]*/;

/** The index of the first `#` outside quotes, or the line's length. */
function commentStart(s: string): number {
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"') quote = c;
    else if (c === '#') return i;
  }
  return s.length;
}

/** A value from i: a quoted string, or text up to an unquoted `}`. Returns the value and where it ends. */
function readValue(s: string, i: number): { value: string; end: number } {
  while (s[i] === ' ' || s[i] === '\t') i++;
  if (s[i] === '"') {
    let j = i + 1;
    while (j < s.length && s[j] !== '"') j += s[j] === '\\' ? 2 : 1;
    return { value: unquote(s.slice(i, j + 1)), end: j + 1 };
  }
  const close = s.indexOf('}', i);
  const end = close < 0 ? s.length : close;
  return { value: s.slice(i, end).trim(), end };
}

/** Tokens of a whole file; problems for what does not read. */
export function tokenizeSwanctl(file: string, lines: SourceLine[], problems: Problem[]): IToken[] {
  const out: IToken[] = [];
  const open: number[] = [];
  const bad = (line: number, what: string): void => {
    problems.push(configProblem(file, line, CONFIG_CODES.syntax, what, 'Write `name {`, `key = value` or `}` (strongSwan settings syntax)'));
  };
  for (const { line, text } of lines) {
    const s = text.slice(0, commentStart(text));
    let i = 0;
    const m0 = /^\s*include\s+(\S.*)$/.exec(s);
    if (m0) {
      out.push(newToken(Include, s.trim(), 0, { pattern: unquote(m0[1]!.trim()), file, line } satisfies IncludePayload));
      continue;
    }
    while (i < s.length) {
      while (s[i] === ' ' || s[i] === '\t') i++;
      if (i >= s.length) break;
      if (s[i] === '}') {
        if (open.length === 0) bad(line, 'a `}` closes no section and was ignored');
        else {
          open.pop();
          out.push(newToken(SectionClose, '}', 0, { file, line } satisfies ClosePayload));
        }
        i++;
        continue;
      }
      const m = NAME.exec(s.slice(i));
      if (!m) {
        bad(line, 'the line does not read as a setting or a section');
        break;
      }
      const name = m[0];
      let j = i + name.length;
      while (s[j] === ' ' || s[j] === '\t') j++;
      let template: string | undefined;
      if (s[j] === ':') {
        const t = /^:\s*([A-Za-z0-9_.@%*+,\s-]+?)\s*(?=\{)/.exec(s.slice(j));
        if (t) {
          template = t[1]!;
          j += t[0].length;
        }
      }
      if (s[j] === '{') {
        open.push(line);
        out.push(newToken(SectionOpen, `${name} {`, 0, { name, file, line, ...(template ? { template } : {}) } satisfies OpenPayload));
        i = j + 1;
      } else if (s[j] === '=') {
        const v = readValue(s, j + 1);
        const secret = name === 'secret' || name.startsWith('secret');
        out.push(newToken(Setting, name, 0, { key: name, value: v.value, raw: secret ? `${name} = …` : `${name} = ${v.value}`, file, line } satisfies SettingPayload));
        i = v.end;
      } else {
        bad(line, `${/^[\w.-]{1,40}$/.test(name) ? `'${name}'` : 'a word'} is followed by neither \`=\` nor \`{\``);
        break;
      }
    }
  }
  for (let k = open.length - 1; k >= 0; k--) {
    problems.push(configProblem(file, open[k]!, CONFIG_CODES.syntax, 'the section opened here is never closed', 'Add the missing `}`'));
    out.push(newToken(SectionClose, '}', 0, { file, line: lines.length > 0 ? lines[lines.length - 1]!.line : 1 } satisfies ClosePayload));
  }
  return out;
}
