// The FortiOS device fix: `set` lines in FortiOS spelling (`set proposal aes256-sha256` with
// `set dhgrp 14`), the complete `config … / edit "x" / set … / next / end` snippet a user pastes,
// and the pure text edit (replace the `set` line, or insert it before the entry's `next`).
import type { DeviceChange, DeviceConnection, DeviceEdit, DeviceSetting } from '../../../src/check/device-model.js';
import { deviceSpelling } from '../../../src/vocabulary/spellings.js';
import { subnetToMask } from '../common/values.js';

const P1 = 'vpn ipsec phase1-interface';
const P2 = 'vpn ipsec phase2-interface';
const s = (k: 'enc' | 'hash' | 'dh', v: string): string => deviceSpelling('fortios', k, v) ?? v.replace(/^group/, '');
const q = (v: string): string => `"${v.replace(/"/g, '\\"')}"`;

/** The FortiOS edits for one change; [] for several subnets (FortiOS needs an address group). */
export function fortiosEdits(conn: DeviceConnection, change: DeviceChange): DeviceEdit[] {
  const e = (block: string[], key: string, value: string, now?: DeviceSetting<unknown>): DeviceEdit => ({ block, key, value, ...(now && !now.defaulted && now.raw.startsWith(`set ${key} `) ? { replaces: { ...now.at } } : {}) });
  const p1 = [P1, conn.name];
  const child = 'child' in change ? conn.children.find((c) => c.name === change.child) : undefined;
  const p2 = (name: string): string[] => [P2, name];
  switch (change.field) {
    case 'ikeProposal':
      return [e(p1, 'proposal', `${s('enc', change.enc)}-${s('hash', change.auth)}`, conn.ikeProposals), e(p1, 'dhgrp', s('dh', change.dh))];
    case 'childProposal': {
      const out = [e(p2(change.child), 'proposal', `${s('enc', change.enc)}-${s('hash', change.auth)}`, child?.proposals)];
      if (change.pfs === 'disabled') out.push(e(p2(change.child), 'pfs', 'disable'));
      else out.push(e(p2(change.child), 'pfs', 'enable'), e(p2(change.child), 'dhgrp', s('dh', change.pfs)));
      return out;
    }
    case 'ikeVersion':
      return [e(p1, 'ike-version', change.value === 'ikev2' ? '2' : '1', conn.ikeVersion)];
    case 'ikeMode':
      return [e(p1, 'mode', change.value, conn.ikeMode)];
    case 'ikeLifetime':
      return [e(p1, 'keylife', String(change.seconds), conn.ikeLifetime)];
    case 'childLifetime':
      return [e(p2(change.child), 'keylifeseconds', String(change.seconds), child?.lifetime)];
    case 'localId':
      return [e(p1, 'localid', q(change.value), conn.localId)];
    case 'remoteId':
      return [e(p1, 'peertype', 'one'), e(p1, 'peerid', q(change.value), conn.remoteId)];
    case 'psk':
      return [e(p1, 'psksecret', change.placeholder, conn.psk)];
    case 'localSubnets':
    case 'remoteSubnets': {
      const side = change.field === 'localSubnets' ? 'src' : 'dst';
      const mask = change.value.length === 1 ? subnetToMask(change.value[0]!) : undefined;
      if (!mask) return [];
      const now = change.field === 'localSubnets' ? child?.localSubnets : child?.remoteSubnets;
      return [e(p2(change.child), `${side}-addr-type`, 'subnet'), e(p2(change.child), `${side}-subnet`, mask, now)];
    }
    case 'dpd':
      return [e(p1, 'dpd', change.value ? 'on-idle' : 'disable', conn.dpd)];
    case 'natTraversal':
      return [e(p1, 'nattraversal', change.value ? 'enable' : 'disable', conn.natTraversal)];
  }
}

/** A complete snippet per table: `config <path>` / `edit "<name>"` / `set …` / `next` / `end`. */
export function renderFortiosEdits(edits: DeviceEdit[]): string[] {
  const out: string[] = [];
  for (const path of [...new Set(edits.map((x) => x.block[0]!))]) {
    out.push(`config ${path}`);
    const mine = edits.filter((x) => x.block[0] === path);
    for (const name of [...new Set(mine.map((x) => x.block[1]!))]) {
      out.push(`    edit ${q(name)}`);
      for (const x of mine.filter((m) => m.block[1] === name)) out.push(`        set ${x.key} ${x.value}`);
      out.push('    next');
    }
    out.push('end');
  }
  return out;
}

const unq = (w: string): string => w.replace(/^"(.*)"$/, '$1');

/** `text` with the edits of `file` applied. */
export function applyFortiosEdits(text: string, file: string, edits: DeviceEdit[]): string {
  const lines = text.split('\n');
  for (const x of edits) {
    if (x.replaces && x.replaces.file !== file) continue;
    const old = x.replaces ? lines[x.replaces.line - 1] : undefined;
    if (old !== undefined && new RegExp(`^\\s*set\\s+${x.key}\\b`).test(old)) {
      lines[x.replaces!.line - 1] = `${/^\s*/.exec(old)![0]}set ${x.key} ${x.value}`;
      continue;
    }
    // Find `config <path>`, then `edit <name>` inside it, then its `next`.
    const cfg = lines.findIndex((l) => l.trim() === `config ${x.block[0]}`);
    let end = -1;
    let edit = -1;
    let next = -1;
    if (cfg >= 0) {
      let depth = 0;
      for (let i = cfg + 1; i < lines.length; i++) {
        const t = lines[i]!.trim();
        if (/^config\s/.test(t)) depth++;
        else if (t === 'end') {
          if (depth === 0) {
            end = i;
            break;
          }
          depth--;
        } else if (depth === 0 && edit < 0 && /^edit\s/.test(t) && unq(t.slice(5).trim()) === x.block[1]) edit = i;
        else if (depth === 0 && edit >= 0 && next < 0 && t === 'next') next = i;
      }
    }
    if (edit >= 0 && next >= 0) {
      lines.splice(next, 0, `${/^\s*/.exec(lines[next]!)![0]}    set ${x.key} ${x.value}`);
    } else if (end >= 0) {
      const pad = /^\s*/.exec(lines[end]!)![0];
      lines.splice(end, 0, `${pad}    edit ${q(x.block[1]!)}`, `${pad}        set ${x.key} ${x.value}`, `${pad}    next`);
    } else {
      while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
      lines.push(...renderFortiosEdits([x]), '');
    }
  }
  return lines.join('\n');
}
