// Token types of ipsec.conf (strongSwan starter and Libreswan share the syntax) and the hand
// tokenizer: a section header starts in column one (`conn <name>`, `config setup`, `ca <name>`),
// its settings are indented `key=value` lines, `include` and `version` stand alone. A line that
// fits none is a located problem and is skipped.
import { createToken, type IToken, type TokenType } from '../../chevrotain.js';
import { newToken } from '../../peer-common/syslog-program.js';
import type { Problem } from '../../../src/types.js';
import type { SourceLine } from '../common/lines.js';
import { CONFIG_CODES, configProblem } from '../common/problems.js';
import { unquote } from '../common/values.js';

export const Header = createToken({ name: 'Header', pattern: /(?:conn|config|ca) [^\n]*/ });
export const Setting = createToken({ name: 'Setting', pattern: /\s+[^=]+=[^\n]*/ });
export const Include = createToken({ name: 'Include', pattern: /include [^\n]*/ });
export const Version = createToken({ name: 'Version', pattern: /version [^\n]*/ });

export const allTokens: TokenType[] = [Header, Setting, Include, Version];

export interface HeaderPayload {
  kind: 'conn' | 'config' | 'ca';
  name: string;
  file: string;
  line: number;
}
export interface SettingPayload {
  key: string;
  value: string;
  raw: string;
  file: string;
  line: number;
}
export interface IncludePayload {
  pattern: string;
  file: string;
  line: number;
}

/** Drops a `#` comment outside quotes. */
export function stripComment(s: string): string {
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') return s.slice(0, i);
  }
  return s;
}

/** Tokens of one ipsec.conf file. */
export function tokenizeIpsecConf(file: string, lines: SourceLine[], problems: Problem[]): IToken[] {
  const out: IToken[] = [];
  let inSection = false;
  const bad = (line: number, what: string): void => {
    problems.push(configProblem(file, line, CONFIG_CODES.syntax, what, 'Write `conn <name>` in column one and indented `key=value` lines under it'));
  };
  for (const { line, text } of lines) {
    const s = stripComment(text).replace(/\s+$/, '');
    if (s.trim() === '') continue;
    if (/^\S/.test(s)) {
      const h = /^(conn|config|ca)\s+(\S+)$/.exec(s);
      if (h) {
        out.push(newToken(Header, s, 0, { kind: h[1] as HeaderPayload['kind'], name: h[2]!, file, line } satisfies HeaderPayload));
        inSection = true;
      } else if (/^include\s+\S/.test(s)) out.push(newToken(Include, s, 0, { pattern: unquote(s.slice(8).trim()), file, line } satisfies IncludePayload));
      else if (/^version\s+[\d.]+$/.test(s)) out.push(newToken(Version, s, 0));
      else bad(line, 'a line in column one is not `conn`, `config setup`, `ca`, `include` or `version`');
      continue;
    }
    const m = /^\s+([A-Za-z][\w.-]*)\s*=\s*(.*)$/.exec(s);
    if (!m) {
      bad(line, 'an indented line is not `key=value`');
      continue;
    }
    if (!inSection) {
      bad(line, 'a setting stands before any `conn` section');
      continue;
    }
    const key = m[1]!;
    const value = unquote(m[2]!);
    out.push(newToken(Setting, s, 0, { key, value, raw: `${key}=${m[2]!.trim()}`, file, line } satisfies SettingPayload));
  }
  return out;
}
