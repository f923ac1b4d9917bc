// The syslog/journald prefix both peer daemons share — `[host ]name[[pid]]: ` — and the token
// builder their tokenizers use. Each dialect says which program names are its own.
import type { IToken, TokenType } from '../chevrotain.js';

export interface ProgramPayload {
  host?: string;
  name: string;
  pid?: string;
}

export function newToken(type: TokenType, image: string, offset: number, payload?: unknown): IToken {
  return { image, startOffset: offset, endOffset: offset + image.length - 1, tokenType: type, tokenTypeIdx: type.tokenTypeIdx!, payload } as IToken;
}

/** `[host ]name[[pid]]: ` at i → payload and the index after `: `, or undefined when `isOwn(name)` is false. */
export function readProgram(s: string, i: number, isOwn: (name: string) => boolean): { payload: ProgramPayload; end: number } | undefined {
  const colon = s.indexOf(': ', i);
  if (colon < 0 || colon - i > 120) return undefined;
  const head = s.slice(i, colon);
  const sp = head.indexOf(' ');
  if (sp >= 0 && head.indexOf(' ', sp + 1) >= 0) return undefined;
  const host = sp >= 0 ? head.slice(0, sp) : undefined;
  let name = sp >= 0 ? head.slice(sp + 1) : head;
  let pid: string | undefined;
  const br = name.indexOf('[');
  if (br > 0 && name.endsWith(']')) {
    pid = name.slice(br + 1, -1);
    if (!/^\d+$/.test(pid)) return undefined;
    name = name.slice(0, br);
  }
  if (!isOwn(name)) return undefined;
  return { payload: { ...(host ? { host } : {}), name, ...(pid ? { pid } : {}) }, end: colon + 2 };
}

/** A record's context from its syslog program: the name, and the host and pid when the line has them. */
export function programContext(p: ProgramPayload): Record<string, string> {
  const context: Record<string, string> = { program: p.name };
  if (p.host) context['host'] = p.host;
  if (p.pid) context['pid'] = p.pid;
  return context;
}
