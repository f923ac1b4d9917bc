// Owns the section tree of a VRP / Comware configuration. `display current-configuration` indents
// a section's commands under its head; a pasted `system-view` script writes them flush and closes
// with `quit`. Both read the same: a command under a known section head belongs to it until a
// `#`, `quit`, `return` or the next section head. Nothing here knows IPsec beyond the heads.
import type { Problem } from '../../../src/types.js';
import type { SourceLine } from '../common/lines.js';
import { CONFIG_CODES, configProblem } from '../common/problems.js';
import { tokenizeLine, type HwLine } from './tokens.js';

export interface HwNode {
  head: HwLine;
  children: HwNode[];
}

/** Heads that open a top-level section (a flush line matching one closes the section before it). */
const TOP = /^(?:ike (?:proposal|peer|keychain|profile)|ikev2 (?:proposal|profile|keychain|policy)|ipsec (?:proposal|transform-set|policy(?:-template)? \S+ \d+|profile)|acl\b|interface\b|aaa\b|user-interface\b|ospf\b|bgp\b|vlan\b|sysname\b)/;
/** Commands that look like section heads but are settings inside an interface. */
const IN_INTERFACE = /^(?:ipsec (?:policy|profile)\s+\S+\s*$)/;
/** Sub-command words that only make sense inside an IPsec section: one found outside is broken. */
const IPSEC_ONLY = new Set(['encryption-algorithm', 'authentication-algorithm', 'integrity-algorithm', 'esp', 'pre-shared-key', 'ike-peer', 'remote-address', 'exchange-mode', 'transform-set', 'ike-profile', 'ikev2-profile']);

const text = (l: HwLine): string => l.lower.join(' ');

/** The section tree of one file; orphan IPsec sub-commands are located problems. */
export function parseHuaweiTree(file: string, lines: SourceLine[], problems: Problem[]): HwNode[] {
  const roots: HwNode[] = [];
  const stack: HwNode[] = [];
  // Sections a flush line may still belong to (a known head, or a keychain `peer` written flush).
  const flush = new Set<HwNode>();
  for (const src of lines) {
    const l = tokenizeLine(file, src);
    if (!l) {
      if (/^\s*#/.test(src.text)) stack.length = 0;
      continue;
    }
    const t = text(l);
    if (t === 'quit' || t === 'return') {
      if (t === 'return') stack.length = 0;
      else stack.pop();
      continue;
    }
    while (stack.length > 0) {
      const s = stack[stack.length - 1]!;
      if (s.head.indent > l.indent || (s.head.indent === l.indent && !flush.has(s))) stack.pop();
      else break;
    }
    const top = stack[stack.length - 1];
    const node: HwNode = { head: l, children: [] };
    if (top && top.head.indent < l.indent) {
      top.children.push(node);
      stack.push(node);
      continue;
    }
    // Same indentation as a known open section: a flush `system-view` script. A new head closes
    // it; `peer` opens a sub-section of an `ikev2 keychain`; anything else belongs to it.
    const root = stack[0];
    const isTop = TOP.test(t) && !(root && /^interface\b/.test(text(root.head)) && IN_INTERFACE.test(t));
    if (top && root && !isTop) {
      if (/^peer\s/.test(t) && /^ikev2 keychain\b/.test(text(root.head))) {
        stack.length = 1;
        root.children.push(node);
        stack.push(node);
        flush.add(node);
      } else top.children.push(node);
      continue;
    }
    stack.length = 0;
    if (l.indent > 0 && IPSEC_ONLY.has(l.lower[0]!)) {
      problems.push(configProblem(file, l.line, CONFIG_CODES.syntax, `'${l.lower[0]}' stands outside any section and was ignored`, 'Give the whole `display current-configuration` output'));
      continue;
    }
    roots.push(node);
    stack.push(node);
    if (isTop) flush.add(node);
  }
  return roots;
}

/** The last child of `n` starting with `prefix` (VRP and Comware keep the last setting). */
export function child(n: HwNode | undefined, prefix: string): HwLine | undefined {
  if (!n) return undefined;
  const p = prefix.toLowerCase().split(' ');
  for (let i = n.children.length - 1; i >= 0; i--) {
    const c = n.children[i]!.head;
    if (p.every((w, j) => c.lower[j] === w)) return c;
  }
  return undefined;
}

/** Every child of `n` starting with `prefix`, in order. */
export function children(n: HwNode | undefined, prefix: string): HwLine[] {
  if (!n) return [];
  const p = prefix.toLowerCase().split(' ');
  return n.children.map((c) => c.head).filter((c) => p.every((w, j) => c.lower[j] === w));
}
