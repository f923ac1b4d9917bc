// The swanctl.conf device fix: a DeviceChange → settings in strongSwan's spelling inside the
// connection's nested block, the block a user pastes, and the pure text edit that check re-parses
// to prove the fix (replace the setting's line, or insert it into its section, creating sections).
import type { DeviceChange, DeviceConnection, DeviceEdit, DeviceSetting } from '../../../src/check/device-model.js';
import { deviceSpelling } from '../../../src/vocabulary/spellings.js';
import { rawKey } from '../common/dialect.js';
import { configLines } from '../common/lines.js';
import { parseSwanctlTokens, subsection, type SwanSection } from './parser.js';
import { tokenizeSwanctl } from './tokens.js';

const sp = (kind: 'enc' | 'hash' | 'dh', v: string): string => deviceSpelling('strongswan', kind, v) ?? v;

/** `aes256-sha256-modp2048`, or without the group when `dh` is `disabled`/empty. */
export function strongswanProposal(enc: string, auth: string, dh: string): string {
  return [sp('enc', enc), sp('hash', auth), ...(dh && dh !== 'disabled' ? [sp('dh', dh)] : [])].join('-');
}

function edit(block: string[], key: string, value: string, now?: DeviceSetting<unknown>): DeviceEdit {
  return { block, key, value, ...(now && !now.defaulted ? { replaces: { ...now.at } } : {}) };
}

const keyOr = (s: DeviceSetting<unknown> | undefined, fallback: string): string => (s && !s.defaulted ? (rawKey(s.raw) ?? fallback) : fallback);

/** The swanctl.conf edits for one change. */
export function swanctlEdits(conn: DeviceConnection, change: DeviceChange): DeviceEdit[] {
  const base = ['connections', conn.name];
  const childBlock = (name: string): string[] => [...base, 'children', name];
  const child = 'child' in change ? conn.children.find((c) => c.name === change.child) : undefined;
  switch (change.field) {
    case 'ikeProposal':
      return [edit(base, 'proposals', strongswanProposal(change.enc, change.auth, change.dh), conn.ikeProposals)];
    case 'childProposal':
      return [edit(childBlock(change.child), 'esp_proposals', strongswanProposal(change.enc, change.auth, change.pfs), child?.proposals)];
    case 'ikeVersion':
      return [edit(base, 'version', change.value === 'ikev1' ? '1' : '2', conn.ikeVersion)];
    case 'ikeMode':
      return [edit(base, 'aggressive', change.value === 'aggressive' ? 'yes' : 'no', conn.ikeMode)];
    case 'ikeLifetime':
      return [edit(base, keyOr(conn.ikeLifetime, 'rekey_time'), `${change.seconds}s`, conn.ikeLifetime)];
    case 'childLifetime':
      return [edit(childBlock(change.child), keyOr(child?.lifetime, 'rekey_time'), `${change.seconds}s`, child?.lifetime)];
    case 'localId':
      return [edit([...base, 'local'], 'id', change.value, conn.localId)];
    case 'remoteId':
      return [edit([...base, 'remote'], 'id', change.value, conn.remoteId)];
    case 'psk': {
      const now = conn.psk?.value.kind === 'clear' ? conn.psk : undefined;
      const block = ['secrets', `ike-${conn.name}`];
      const out = [edit(block, 'secret', `"${change.placeholder}"`, now)];
      if (!now && conn.remoteId && !conn.remoteId.defaulted) out.unshift(edit(block, 'id', conn.remoteId.value));
      return out;
    }
    case 'localSubnets':
      return [edit(childBlock(change.child), 'local_ts', change.value.join(', '), child?.localSubnets)];
    case 'remoteSubnets':
      return [edit(childBlock(change.child), 'remote_ts', change.value.join(', '), child?.remoteSubnets)];
    case 'dpd':
      return [edit(base, 'dpd_delay', change.value ? '30s' : '0s', conn.dpd)];
    case 'natTraversal':
      // charon's NAT detection cannot be switched off; `encap = yes` only forces encapsulation.
      return change.value ? [edit(base, 'encap', 'yes', conn.natTraversal)] : [];
  }
}

interface Node {
  name: string;
  lines: string[];
  children: Node[];
}

/** The edits as one nested swanctl.conf block. */
export function renderSwanctlEdits(edits: DeviceEdit[]): string[] {
  const root: Node = { name: '', lines: [], children: [] };
  for (const e of edits) {
    let n = root;
    for (const b of e.block) {
      let c = n.children.find((x) => x.name === b);
      if (!c) n.children.push((c = { name: b, lines: [], children: [] }));
      n = c;
    }
    n.lines.push(`${e.key} = ${e.value}`);
  }
  const out: string[] = [];
  const print = (n: Node, depth: number): void => {
    const pad = '   '.repeat(depth);
    for (const l of n.lines) out.push(`${pad}${l}`);
    for (const c of n.children) {
      out.push(`${pad}${c.name} {`);
      print(c, depth + 1);
      out.push(`${pad}}`);
    }
  };
  print(root, 0);
  return out;
}

/** Replaces `key = value` on one line (the setting may share the line with braces). */
function replaceOnLine(line: string, key: string, value: string): string {
  const m = /([A-Za-z][\w.-]*)(\s*=\s*)("(?:[^"\\]|\\.)*"|[^}#]*?)(\s*(?:[}#].*)?)$/.exec(line);
  if (!m) return line;
  return `${line.slice(0, m.index)}${key}${m[2]}${value}${m[4]}`;
}

function tree(text: string, file: string): SwanSection | null {
  const lines = configLines(file, text, []);
  return parseSwanctlTokens(tokenizeSwanctl(file, lines, []));
}

/** Inserts one setting into its section, creating the missing sections. */
function insert(text: string, file: string, e: DeviceEdit): string {
  const lines = text.split('\n');
  let sec = tree(text, file);
  let depth = 0;
  let at: SwanSection | undefined;
  for (const b of e.block) {
    const next = subsection(sec ?? undefined, b);
    if (!next || !next.closes.some((c) => c.file === file)) break;
    at = next;
    sec = next;
    depth++;
  }
  const missing = e.block.slice(depth);
  const close = at ? [...at.closes].reverse().find((c) => c.file === file) : undefined;
  const indentOf = (s: string): string => /^\s*/.exec(s)![0];
  const baseIndent = close ? `${indentOf(lines[close.line - 1] ?? '')}   ` : '';
  const add: string[] = [];
  missing.forEach((b, i) => add.push(`${baseIndent}${'   '.repeat(i)}${b} {`));
  add.push(`${baseIndent}${'   '.repeat(missing.length)}${e.key} = ${e.value}`);
  for (let i = missing.length - 1; i >= 0; i--) add.push(`${baseIndent}${'   '.repeat(i)}}`);
  if (close) lines.splice(close.line - 1, 0, ...add);
  else {
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    lines.push(...add, '');
  }
  return lines.join('\n');
}

/** `text` with the edits of `file` applied: replacements in place, then insertions. */
export function applySwanctlEdits(text: string, file: string, edits: DeviceEdit[]): string {
  const lines = text.split('\n');
  for (const e of edits) {
    if (e.replaces && e.replaces.file === file && lines[e.replaces.line - 1] !== undefined) lines[e.replaces.line - 1] = replaceOnLine(lines[e.replaces.line - 1]!, e.key, e.value);
  }
  let out = lines.join('\n');
  for (const e of edits) if (!e.replaces) out = insert(out, file, e);
  return out;
}
