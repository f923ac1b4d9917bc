// Token types of the Huawei / H3C line grammar and the hand tokenizer that produces them. Shapes:
//   message  [<pri>][stamp [host]] [%%vv]MODULE/sev/MNEMONIC[(l)][[seq]]: text      (frame.ts)
//            VRP:     Dec  4 2026 10:00:00 USG6000 %%01IPSEC/4/IPSECNEGOFAIL(l)[12]:IPSec tunnel …
//            Comware: %Dec  4 10:00:00:123 2026 H3C IKE/6/IKE_P1_SA_ESTABLISH_FAIL: Failed to …
//   row      198.51.100.1   500   phase1 proposal mismatch   v2   2026-12-04 10:00:00  (table.ts)
//   noise    table headers and separators, `current info Num :1`, prompts and commands, banners
import { createToken, type IToken, type TokenType } from '../chevrotain.js';
import { newToken } from '../peer-common/syslog-program.js';
import { readFrame } from './frame.js';
import { isNoise, readRow } from './table.js';

export const Tag = createToken({ name: 'Tag', pattern: /[^\n]+/ });
export const Body = createToken({ name: 'Body', pattern: /[^\n]+/ });
export const Row = createToken({ name: 'Row', pattern: /[^\n]+/ });
export const Noise = createToken({ name: 'Noise', pattern: /[^\n]+/ });
export const LineEnd = createToken({ name: 'LineEnd', pattern: /\n/ });

export const allTokens: TokenType[] = [Tag, Body, Row, Noise, LineEnd];

/** Cheap reasons to look closer: a tag has `/digit/`, a row starts with an address, the rest is table or CLI text. */
function mayBeMessage(s: string): boolean {
  return ((s.indexOf('IKE') >= 0 || s.indexOf('IPSEC') >= 0 || s.indexOf('%%') >= 0 || s.charCodeAt(0) === 37) && /\/[0-7]\//.test(s)) || s.indexOf(' ipsec_ike[') > 0;
}

/** The sniff: one of the shapes above, and nothing another dialect writes. */
export function sniffLine(s: string): boolean {
  if (mayBeMessage(s) && readFrame(s)) return true;
  const c = s.charCodeAt(0);
  if ((c === 32 || c === 9 || (c >= 48 && c <= 57)) && readRow(s)) return true;
  return isNoise(s);
}

/** Appends the tokens of one line to `out`; returns why the line does not fit (appending nothing), or null. */
export function tokenizeLine(s: string, base: number, out: IToken[]): string | null {
  const frame = mayBeMessage(s) ? readFrame(s) : undefined;
  if (frame) {
    out.push(newToken(Tag, s.slice(0, frame.bodyAt), base, frame));
    if (frame.bodyAt < s.length) out.push(newToken(Body, s.slice(frame.bodyAt), base + frame.bodyAt));
  } else {
    const row = readRow(s);
    if (row) out.push(newToken(Row, s, base, row));
    else if (isNoise(s)) out.push(newToken(Noise, s, base));
    else return 'not a Huawei/H3C information-center message, display table row or CLI line';
  }
  out.push(newToken(LineEnd, '\n', base + s.length));
  return null;
}
