// Owns the text side of the VRP / Comware fix: the commands a user pastes in `system-view`
// (each section entered, its commands, then `quit`) and the pure edit of a configuration text
// (replace the command a `replaces` names, else insert into the section, else append the section).
import type { DeviceEdit } from '../../../src/check/device-model.js';
import type { SourceLine } from '../common/lines.js';
import { sameCommand } from './edits.js';
import { parseHuaweiTree, type HwNode } from './parser.js';

const command = (x: DeviceEdit): string => (x.value === '' ? x.key : `${x.key} ${x.value}`);
const norm = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** The commands to paste in `system-view`: each section, its commands, `quit` per level. */
export function renderHuaweiEdits(edits: DeviceEdit[]): string[] {
  const out: string[] = [];
  const paths = [...new Map(edits.map((x) => [x.block.join('\u0000'), x.block])).values()];
  for (const path of paths) {
    out.push(...path);
    for (const x of edits.filter((e) => e.block.join('\u0000') === path.join('\u0000'))) out.push(command(x));
    for (let i = 0; i < path.length; i++) out.push('quit');
  }
  return out;
}

/** Deleted lines are kept as this marker until the end, so line numbers never drift. */
const GONE = '\u0000gone';

function lastLine(n: HwNode): number {
  return Math.max(n.head.line, ...n.children.map(lastLine));
}

function findBlock(lines: string[], file: string, path: string[]): { node?: HwNode; parent?: HwNode } {
  const src: SourceLine[] = lines.map((text, i) => ({ line: i + 1, text: text === GONE ? '' : text }));
  const roots = parseHuaweiTree(file, src, []);
  const parent = roots.filter((n) => norm(n.head.words.join(' ')) === norm(path[0]!)).pop();
  if (path.length === 1) return parent ? { node: parent } : {};
  const node = parent?.children.filter((n) => norm(n.head.words.join(' ')) === norm(path[1]!)).pop();
  return { ...(node ? { node } : {}), ...(parent ? { parent } : {}) };
}

const indentOf = (s: string): string => /^\s*/.exec(s)![0];

function insert(lines: string[], file: string, x: DeviceEdit): void {
  const { node, parent } = findBlock(lines, file, x.block);
  if (node) {
    const first = node.children[0];
    const pad = first ? indentOf(lines[first.head.line - 1]!) : `${indentOf(lines[node.head.line - 1]!)} `;
    lines.splice(lastLine(node), 0, `${pad}${command(x)}`);
    return;
  }
  if (parent && x.block.length === 2) {
    const pad = `${indentOf(lines[parent.head.line - 1]!)} `;
    lines.splice(lastLine(parent), 0, `${pad}${x.block[1]}`, `${pad} ${command(x)}`);
    return;
  }
  // A new section: before the closing `return` of `display current-configuration`, else at the end.
  let end = lines.length;
  while (end > 0 && (lines[end - 1]!.trim() === '' || lines[end - 1] === GONE)) end--;
  const at = end > 0 && norm(lines[end - 1]!) === 'return' ? end - 1 : end;
  const sep = at > 0 && lines[at - 1]!.trim() === '#' ? [] : ['#'];
  const block = [...sep, x.block[0]!, ...x.block.slice(1).map((b) => ` ${b}`), `${' '.repeat(x.block.length)}${command(x)}`, ...(at < end ? ['#'] : [])];
  lines.splice(at, 0, ...block);
}

/** `text` (the file `file`) with the edits applied: replacements first (by their original line), then insertions. */
export function applyHuaweiEdits(text: string, file: string, edits: DeviceEdit[]): string {
  const lines = text.split('\n');
  const pending: DeviceEdit[] = [];
  for (const x of edits) {
    if (x.replaces && x.replaces.file !== file) continue;
    const i = x.replaces ? x.replaces.line - 1 : -1;
    const old = i >= 0 ? lines[i] : undefined;
    if (old === undefined || old === GONE || !sameCommand(old.trim().split(/\s+/), x.key)) {
      pending.push(x);
      continue;
    }
    const cr = old.endsWith('\r') ? '\r' : '';
    lines[i] = /^undo rule\s/i.test(x.key) ? GONE : `${indentOf(old)}${command(x)}${cr}`;
  }
  for (const x of pending) if (!/^undo rule\s/i.test(x.key)) insert(lines, file, x);
  return lines.filter((l) => l !== GONE).join('\n');
}
