// Owns the text side of the Cisco fix: the `configure terminal` lines a user pastes (renderEdits)
// and the pure edit of a running-config (applyEdits): replacements of known lines first (a
// removal blanks its line, so no line number moves), then insertions into the sub-mode block, a new
// block, or the global lines. A numbered ACL is rendered through `ip access-list extended N`,
// where single entries can be removed (`no access-list N …` would delete the whole list).
import type { DeviceEdit } from '../../../src/check/device-model.js';
import { sniffCiscoIos } from './sniff.js';

/** `no` lines IOS prints in running-config (a default-on feature switched off). */
const SHOWN_NEGATED = ['no crypto ipsec nat-transparency'];

const norm = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();
const text = (x: DeviceEdit): string => (x.key === 'no' ? `no ${x.value}` : `${x.key} ${x.value}`.trim());
const numbered = (x: DeviceEdit): string | undefined => (x.block.length === 0 ? /^(?:no )?access-list (\d+) /.exec(text(x))?.[1] : undefined);

export function renderCiscoEdits(edits: DeviceEdit[]): string[] {
  const out: string[] = [];
  const blocks = new Map<string, DeviceEdit[]>();
  for (const x of edits) {
    const n = numbered(x);
    const path = n ? `ip access-list extended ${n}` : x.block.join('\n');
    blocks.set(path, [...(blocks.get(path) ?? []), x]);
  }
  for (const [path, mine] of blocks) {
    if (path === '') {
      out.push(...mine.map(text));
      continue;
    }
    const heads = path.split('\n');
    heads.forEach((h, i) => out.push(`${' '.repeat(i)}${h}`));
    for (const x of mine) out.push(`${' '.repeat(heads.length)}${text(x).replace(/^(no )?access-list \d+ /, '$1')}`);
    out.push('exit');
  }
  return out;
}

type Lines = (string | null)[];
const depth = (l: string): number => l.length - l.trimStart().length;

/** The index just past the block opened at `i` (its deeper lines), skipping removed lines. */
function blockEnd(lines: Lines, i: number): number {
  const d = depth(lines[i]!);
  let j = i + 1;
  while (j < lines.length && (lines[j] === null || lines[j]!.trim() === '' || depth(lines[j]!) > d)) j++;
  while (j > i + 1 && (lines[j - 1] === null || lines[j - 1]!.trim() === '')) j--;
  return j;
}

/** The header `path` in the top level (then inside each found block); -1 when missing. */
function findBlock(lines: Lines, path: string[], from = 0, to = lines.length, d = 0): number {
  if (path.length === 0) return -1;
  for (let i = from; i < to; i++) {
    const l = lines[i];
    if (l === null || l === undefined || depth(l) !== d || norm(l) !== norm(path[0]!)) continue;
    if (path.length === 1) return i;
    const inner = findBlock(lines, path.slice(1), i + 1, blockEnd(lines, i), d + 1);
    if (inner >= 0) return inner;
  }
  return -1;
}

const starts = (l: string, key: string): boolean => norm(l) === norm(key) || norm(l).startsWith(`${norm(key)} `);

function replaceAt(lines: Lines, i: number, x: DeviceEdit): void {
  const pad = ' '.repeat(depth(lines[i]!));
  const removes = x.key === 'no' || (x.key.startsWith('no ') && !SHOWN_NEGATED.includes(x.key));
  lines[i] = removes ? null : `${pad}${text(x)}`;
}

/** Lines in [from, to) at depth `d` matching the edit (by key; `no X` by X; `no` by its text). */
function findLine(lines: Lines, x: DeviceEdit, from: number, to: number, d: number): number {
  for (let i = from; i < to; i++) {
    const l = lines[i];
    if (l === null || l === undefined || depth(l) !== d) continue;
    if (x.key === 'no' ? norm(l) === norm(x.value) : x.key.startsWith('no ') ? starts(l, x.key.slice(3)) || starts(l, x.key) : starts(l, x.key)) return i;
  }
  return -1;
}

function insert(lines: Lines, x: DeviceEdit, primary: boolean): void {
  const head = findBlock(lines, x.block);
  const d = x.block.length === 0 ? 0 : head >= 0 ? depth(lines[head]!) + 1 : -1;
  const from = x.block.length === 0 ? 0 : head + 1;
  const to = x.block.length === 0 ? lines.length : head >= 0 ? blockEnd(lines, head) : -1;
  // An ACL holds many permit lines: those are always added, never matched by key.
  if (d >= 0 && !/(?:^|\s)permit /.test(x.key)) {
    const i = findLine(lines, x, from, to, d);
    if (i >= 0) return replaceAt(lines, i, x);
    if (x.key === 'no' || (x.key.startsWith('no ') && !SHOWN_NEGATED.includes(x.key))) return; // nothing to remove
  }
  if (head >= 0) return void lines.splice(to, 0, `${' '.repeat(d)}${text(x)}`);
  if (!primary || x.key === 'no' || (x.key.startsWith('no ') && x.block.length > 0)) return;
  // A global line: after the last one that shares its first two words, else before the final `end`.
  let at = -1;
  if (x.block.length === 0) {
    const two = text(x).split(' ').slice(0, 2).join(' ');
    for (let i = 0; i < lines.length; i++) if (lines[i] !== null && depth(lines[i]!) === 0 && starts(lines[i]!, two)) at = blockEnd(lines, i);
  }
  if (at < 0) {
    at = lines.length;
    while (at > 0 && (lines[at - 1] === null || lines[at - 1]!.trim() === '' || norm(lines[at - 1]!) === 'end')) at--;
  }
  // Create the missing levels of the block path under the deepest one that exists.
  let k = x.block.length;
  while (k > 0 && findBlock(lines, x.block.slice(0, k)) < 0) k--;
  if (k > 0) at = blockEnd(lines, findBlock(lines, x.block.slice(0, k)));
  const add = x.block.slice(k).map((h, j) => `${' '.repeat(k + j)}${h}`);
  lines.splice(at, 0, ...(k === 0 && add.length > 0 ? ['!'] : []), ...add, `${' '.repeat(x.block.length)}${text(x)}`);
}

/** `text` (the file `file`) with the edits that belong to it applied. Pure. */
export function applyCiscoEdits(source: string, file: string, edits: DeviceEdit[]): string {
  const lines: Lines = source.split('\n');
  const later: DeviceEdit[] = [];
  for (const x of edits) {
    if (x.replaces && x.replaces.file !== file) continue;
    const i = x.replaces ? x.replaces.line - 1 : -1;
    if (i >= 0 && lines[i] != null && lines[i]!.trim() !== '') replaceAt(lines, i, x);
    else later.push(x);
  }
  const primary = sniffCiscoIos(source);
  for (const x of later) insert(lines, x, primary);
  return lines.filter((l): l is string => l !== null).join('\n');
}
