// The ipsec.conf device fix, in each daemon's spelling (strongSwan `ike=aes256-sha256-modp2048`,
// Libreswan `ike=aes256-sha2_256;modp2048`), the `conn` lines a user pastes (each noting the line
// it replaces), and the pure text edit of ipsec.conf or ipsec.secrets that check re-parses.
import type { DeviceChange, DeviceConnection, DeviceEdit, DeviceSetting } from '../../../src/check/device-model.js';
import { deviceSpelling, type SpellingDialect } from '../../../src/vocabulary/spellings.js';
import { rawKey } from '../common/dialect.js';
import { sniffIpsecSecrets } from './sniff.js';

const SECRETS = 'ipsec.secrets';

function proposal(d: SpellingDialect, enc: string, auth: string, dh: string): string {
  const s = (k: 'enc' | 'hash' | 'dh', v: string): string => deviceSpelling(d, k, v) ?? v;
  const head = `${s('enc', enc)}-${s('hash', auth)}`;
  if (!dh || dh === 'disabled') return head;
  return d === 'libreswan' ? `${head};${s('dh', dh)}` : `${head}-${s('dh', dh)}`;
}

const quoted = (v: string): string => (/[\s"#]/.test(v) ? `"${v.replace(/"/g, '\\"')}"` : v);
const keyOr = (s: DeviceSetting<unknown> | undefined, fallback: string): string => (s && !s.defaulted ? (rawKey(s.raw) ?? fallback) : fallback);

/** The ipsec.conf (and ipsec.secrets) edits for one change. */
export function ipsecConfEdits(conn: DeviceConnection, change: DeviceChange): DeviceEdit[] {
  const lw = conn.dialect === 'libreswan';
  const block = [`conn ${conn.name}`];
  const e = (key: string, value: string, now?: DeviceSetting<unknown>): DeviceEdit => ({ block, key, value, ...(now && !now.defaulted ? { replaces: { ...now.at } } : {}) });
  const child = 'child' in change ? conn.children.find((c) => c.name === change.child) : undefined;
  switch (change.field) {
    case 'ikeProposal':
      return [e('ike', proposal(lw ? 'libreswan' : 'strongswan', change.enc, change.auth, change.dh), conn.ikeProposals)];
    case 'childProposal': {
      const now = child?.proposals;
      const key = lw ? keyOr(now, 'phase2alg') : 'esp';
      const out = [e(key, proposal(lw ? 'libreswan' : 'strongswan', change.enc, change.auth, change.pfs), now)];
      if (lw) out.push(e('pfs', change.pfs === 'disabled' ? 'no' : 'yes'));
      return out;
    }
    case 'ikeVersion':
      if (lw) return [e(keyOr(conn.ikeVersion, 'ikev2'), keyOr(conn.ikeVersion, 'ikev2') === 'keyexchange' ? change.value : change.value === 'ikev2' ? 'insist' : 'no', conn.ikeVersion)];
      return [e('keyexchange', change.value, conn.ikeVersion)];
    case 'ikeMode':
      return [e(lw ? keyOr(conn.ikeMode, 'aggrmode') : 'aggressive', change.value === 'aggressive' ? 'yes' : 'no', conn.ikeMode)];
    case 'ikeLifetime':
      return [e('ikelifetime', `${change.seconds}s`, conn.ikeLifetime)];
    case 'childLifetime':
      return [e(keyOr(child?.lifetime, lw ? 'salifetime' : 'lifetime'), `${change.seconds}s`, child?.lifetime)];
    case 'localId':
      return [e('leftid', quoted(change.value), conn.localId)];
    case 'remoteId':
      return [e('rightid', quoted(change.value), conn.remoteId)];
    case 'psk': {
      const now = conn.psk?.value.kind === 'clear' ? conn.psk : undefined;
      const selectors = [conn.localId?.value ?? conn.localAddress?.value, conn.remoteId?.value ?? conn.remoteAddress?.value].filter((x): x is string => !!x).join(' ');
      return [{ block: [SECRETS, now?.raw.replace(/\s*:\s*PSK.*$/, '') ?? selectors], key: 'PSK', value: `"${change.placeholder}"`, ...(now ? { replaces: { ...now.at } } : {}) }];
    }
    case 'localSubnets':
    case 'remoteSubnets': {
      const side = change.field === 'localSubnets' ? 'left' : 'right';
      const now = change.field === 'localSubnets' ? child?.localSubnets : child?.remoteSubnets;
      if (lw && change.value.length > 1) return [e(`${side}subnets`, `{${change.value.join(' ')}}`, now)];
      return [e(`${side}subnet`, change.value.join(','), now)];
    }
    case 'dpd':
      if (lw) return [e('dpddelay', change.value ? '30' : '0', conn.dpd)];
      return [e('dpdaction', change.value ? 'restart' : 'none', conn.dpd)];
    case 'natTraversal':
      if (lw) return [e('encapsulation', change.value ? 'auto' : 'no', conn.natTraversal)];
      // charon always detects NAT; forceencaps only forces encapsulation.
      return change.value ? [e('forceencaps', 'yes', conn.natTraversal)] : [];
  }
}

/** The `conn` lines to paste, each noting the line it replaces; PSK lines for ipsec.secrets. */
export function renderIpsecConfEdits(edits: DeviceEdit[]): string[] {
  const out: string[] = [];
  const blocks = [...new Set(edits.map((x) => x.block.join('\u0000')))];
  for (const b of blocks) {
    const group = edits.filter((x) => x.block.join('\u0000') === b);
    const first = group[0]!;
    if (first.block[0] === SECRETS) {
      for (const x of group) out.push(`${x.block[1] ?? ''} : PSK ${x.value}${x.replaces ? `    # in ${x.replaces.file}, replaces line ${x.replaces.line}` : `    # add to ${SECRETS}`}`);
      continue;
    }
    out.push(first.block[0]!);
    for (const x of group) out.push(`    ${x.key}=${x.value}${x.replaces ? `    # replaces ${x.replaces.file}:${x.replaces.line}` : '    # new line'}`);
  }
  return out;
}

/** The first and last line index (0-based, inclusive) of `conn name` in `lines`. */
function connSpan(lines: string[], header: string): [number, number] | undefined {
  const start = lines.findIndex((l) => l.replace(/\s+#.*$/, '').trimEnd() === header);
  if (start < 0) return undefined;
  let end = start;
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (/^\S/.test(l) && !l.startsWith('#')) break;
    if (l.trim() !== '' && !l.trim().startsWith('#')) end = i;
  }
  return [start, end];
}

/** `text` with the edits that belong to it applied (ipsec.secrets edits to a secrets file, the rest to ipsec.conf). */
/** The index of the line inside `span` that sets `key`, if any. */
function sameKeyLine(lines: readonly string[], span: readonly [number, number], key: string): number | undefined {
  for (let i = span[0] + 1; i <= span[1]; i++) if (new RegExp(`^\\s+${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=`).test(lines[i]!)) return i;
  return undefined;
}

export function applyIpsecConfEdits(text: string, file: string, edits: DeviceEdit[]): string {
  const lines = text.split('\n');
  const secretsFile = file.endsWith('.secrets') || sniffIpsecSecrets(text);
  // Replacements first, while every line number still means what it meant when the edits were made.
  const ordered = [...edits.filter((x) => x.replaces), ...edits.filter((x) => !x.replaces)];
  for (const x of ordered) {
    if ((x.block[0] === SECRETS) !== secretsFile) continue;
    if (x.replaces && x.replaces.file !== file) continue;
    if (secretsFile) {
      const line = `${x.block[1] ?? ''} : PSK ${x.value}`;
      if (x.replaces && lines[x.replaces.line - 1] !== undefined) lines[x.replaces.line - 1] = line;
      else lines.splice(lines.length && lines[lines.length - 1] === '' ? lines.length - 1 : lines.length, 0, line);
      continue;
    }
    const span = connSpan(lines, x.block[0]!);
    const inside = x.replaces && span && x.replaces.line - 1 > span[0] && x.replaces.line - 1 <= span[1];
    if (inside) {
      const old = lines[x.replaces!.line - 1]!;
      lines[x.replaces!.line - 1] = `${/^\s*/.exec(old)![0]}${x.key}=${x.value}`;
    } else if (span && sameKeyLine(lines, span, x.key) !== undefined) {
      // The key is already written in this conn (a setting the model has no location for, e.g. pfs=).
      const at = sameKeyLine(lines, span, x.key)!;
      lines[at] = `${/^\s*/.exec(lines[at]!)![0]}${x.key}=${x.value}`;
    } else if (span) {
      const indent = span[1] > span[0] ? /^\s*/.exec(lines[span[0] + 1]!)![0] || '    ' : '    ';
      lines.splice(span[1] + 1, 0, `${indent}${x.key}=${x.value}`);
    } else {
      while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
      lines.push('', x.block[0]!, `    ${x.key}=${x.value}`, '');
    }
  }
  return lines.join('\n');
}
