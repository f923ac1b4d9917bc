// Owns the block structure of a running-config: a line opens a block and every following line
// indented deeper belongs to it (`crypto map CMAP 10 ipsec-isakmp` / ` set peer …`;
// `crypto ikev2 keyring K` / ` peer X` / `  address …`). Indentation alone decides, as IOS prints it.
import type { ConfigLocation } from '../../../src/check/device-model.js';
import type { CiscoLine } from './tokens.js';

export interface CiscoNode {
  cmd: CiscoLine;
  children: CiscoNode[];
}

/** The top-level nodes of the lines of one file. */
export function parseCiscoBlocks(lines: CiscoLine[]): CiscoNode[] {
  const roots: CiscoNode[] = [];
  const stack: CiscoNode[] = [];
  for (const cmd of lines) {
    const node: CiscoNode = { cmd, children: [] };
    while (stack.length > 0 && stack[stack.length - 1]!.cmd.depth >= cmd.depth) stack.pop();
    if (stack.length === 0) roots.push(node);
    else stack[stack.length - 1]!.children.push(node);
    stack.push(node);
  }
  return roots;
}

/** Lower-cased words of a node's command. */
export const lw = (n: CiscoNode): string[] => n.cmd.words.map((w) => w.toLowerCase());

/** Whether the command starts with the given words (case-insensitive). */
export function startsWith(n: CiscoNode, ...words: string[]): boolean {
  const w = lw(n);
  return words.every((x, i) => w[i] === x);
}

/** The first child whose command starts with `words`. */
export function child(n: CiscoNode | undefined, ...words: string[]): CiscoNode | undefined {
  return n?.children.find((c) => startsWith(c, ...words));
}

export const at = (n: CiscoNode): ConfigLocation => ({ file: n.cmd.file, line: n.cmd.line });
