// Owns the device fix in VRP / Comware syntax: which section each change edits (the peer or
// profile, the proposal it names, the policy, the ACL, the keychain) and the command that sets
// it, replacing the command that sets it today. A change the device cannot express gives [].
import type { DeviceChange, DeviceConnection, DeviceEdit } from '../../../src/check/device-model.js';
import { isIpv4 } from '../common/values.js';
import { aclRules, ruleBody } from './acl.js';
import { NEW_PROPOSAL } from './defaults.js';
import type { HwNode } from './parser.js';
import { headText, refsOf, type HwRefs } from './refs.js';
import { huaweiSpelling } from './spelling.js';

const strip = (words: string[]): string[] => (words[0] === 'undo' ? words.slice(1) : words);

/** Whether a command line (`undo` aside) is the one `key` sets: `undo pfs` sets what `pfs dh-group14` set. */
export function sameCommand(line: string[], key: string): boolean {
  const k = strip(key.toLowerCase().split(/\s+/));
  const l = strip(line.map((w) => w.toLowerCase()));
  return k.every((w, i) => l[i] === w);
}

function edit(node: HwNode | undefined, block: string[], key: string, value: string): DeviceEdit {
  const now = node?.children.map((c) => c.head).filter((l) => sameCommand(l.words, key)).pop();
  return { block, key, value, ...(now ? { replaces: { file: now.file, line: now.line } } : {}) };
}

/** VRP IKEv2 integrity spellings (`hmac-sha1-96`, `hmac-sha2-256`). */
const integrity = (hash: string): string | undefined => (hash === 'sha1' || hash === 'md5' ? `hmac-${hash}-96` : huaweiSpelling('vrp', 'hash', hash)?.replace(/^/, 'hmac-'));
const idType = (v: string): string => (isIpv4(v) ? 'ip' : 'fqdn');
const h3cId = (v: string): string => `${isIpv4(v) ? 'address' : 'fqdn'} ${v}`;

function ikeProposal(r: HwRefs, c: Extract<DeviceChange, { field: 'ikeProposal' }>): DeviceEdit[] {
  const s = (k: 'enc' | 'hash' | 'dh', v: string): string | undefined => huaweiSpelling(r.flavour, k, v);
  const [enc, hash, dh] = [s('enc', c.enc), s('hash', c.auth), s('dh', c.dh)];
  if (!enc || !hash || !dh || !r.peer) return [];
  const node = r.ikeProposal;
  if (r.flavour === 'h3c' && r.v2) {
    if (!node) return [];
    const b = [headText(node)];
    return [edit(node, b, 'encryption', enc), edit(node, b, 'integrity', hash), edit(node, b, 'prf', hash), edit(node, b, 'dh', dh)];
  }
  const b = [node ? headText(node) : `ike proposal ${NEW_PROPOSAL}`];
  // Comware names SHA-1 `sha` in an IKEv1 proposal (but `sha1` in transform sets and IKEv2).
  const out = [edit(node, b, 'encryption-algorithm', enc), edit(node, b, 'authentication-algorithm', r.flavour === 'h3c' && hash === 'sha1' ? 'sha' : hash)];
  const integ = integrity(c.auth);
  if (r.flavour === 'vrp' && integ) out.push(edit(node, b, 'integrity-algorithm', integ));
  out.push(edit(node, b, 'dh', dh));
  if (!node) out.push(edit(r.peer, [headText(r.peer)], r.flavour === 'vrp' ? 'ike-proposal' : 'proposal', NEW_PROPOSAL));
  return out;
}

function subnets(r: HwRefs, conn: DeviceConnection, c: Extract<DeviceChange, { field: 'localSubnets' | 'remoteSubnets' }>): DeviceEdit[] {
  const ch = conn.children.find((x) => x.name === c.child);
  if (!r.acl || !ch || c.value.length === 0) return [];
  const other = (c.field === 'localSubnets' ? ch.remoteSubnets?.value : ch.localSubnets?.value) ?? ['0.0.0.0/0'];
  const bodies = c.value.flatMap((v) => other.map((o) => (c.field === 'localSubnets' ? ruleBody(v, o) : ruleBody(o, v))));
  if (bodies.some((b) => b === undefined)) return [];
  const rules = aclRules(r.acl, []);
  const b = [headText(r.acl)];
  let next = Math.max(0, ...rules.map((x) => Number(x.number ?? 0)));
  const out: DeviceEdit[] = bodies.map((body, i) => {
    const old = rules[i];
    const num = old?.number ?? String((next += 5));
    return { block: b, key: `rule ${num}`, value: body!, ...(old ? { replaces: { file: old.line.file, line: old.line.line } } : {}) };
  });
  for (const old of rules.slice(bodies.length)) if (old.number) out.push({ block: b, key: `undo rule ${old.number}`, value: '', replaces: { file: old.line.file, line: old.line.line } });
  return out;
}

/** The VRP / Comware edits for one change; [] when the configuration cannot express it. */
export function huaweiEdits(conn: DeviceConnection, change: DeviceChange): DeviceEdit[] {
  const r = refsOf(conn);
  if (!r) return [];
  const vrp = r.flavour === 'vrp';
  const peer = r.peer;
  const pb = peer ? [headText(peer)] : [];
  const pol = [headText(r.policy)];
  const onPeer = (key: string, value: string): DeviceEdit[] => (peer ? [edit(peer, pb, key, value)] : []);
  switch (change.field) {
    case 'ikeProposal':
      return ikeProposal(r, change);
    case 'childProposal': {
      const esp = r.espProposal;
      const enc = huaweiSpelling(r.flavour, 'enc', change.enc);
      const hash = huaweiSpelling(r.flavour, 'hash', change.auth);
      const dh = change.pfs === 'disabled' ? '' : huaweiSpelling(r.flavour, 'dh', change.pfs);
      if (!esp || !enc || !hash || dh === undefined) return [];
      const b = [headText(esp)];
      const pfsNode = vrp ? r.policy : esp;
      const pfsBlock = vrp ? pol : b;
      return [edit(esp, b, 'esp encryption-algorithm', enc), edit(esp, b, 'esp authentication-algorithm', hash), dh === '' ? edit(pfsNode, pfsBlock, 'undo pfs', '') : edit(pfsNode, pfsBlock, 'pfs', `dh-${dh}`)];
    }
    case 'ikeVersion':
      if (!vrp || !peer || /^v[12]$/.test(peer.head.lower[3] ?? '')) return [];
      return change.value === 'ikev2' ? onPeer('version', '2') : onPeer('undo version', '2');
    case 'ikeMode':
      return vrp || !r.v2 ? onPeer('exchange-mode', change.value) : [];
    case 'ikeLifetime':
      if (r.flavour === 'h3c' && r.v2) return onPeer('sa duration', String(change.seconds));
      return r.lifeProposal ? [edit(r.lifeProposal, [headText(r.lifeProposal)], 'sa duration', String(change.seconds))] : [];
    case 'childLifetime':
      return [edit(r.policy, pol, 'sa duration time-based', String(change.seconds))];
    case 'localId':
      if (vrp) return [...onPeer('local-id-type', idType(change.value)), ...onPeer('local-id', change.value)];
      return r.v2 ? onPeer('identity local', h3cId(change.value)) : onPeer('local-identity', h3cId(change.value));
    case 'remoteId':
      if (vrp) return [...onPeer('remote-id-type', idType(change.value)), ...onPeer('remote-id', change.value)];
      return onPeer('match remote identity', h3cId(change.value));
    case 'psk':
      if (vrp) return onPeer('pre-shared-key', `simple ${change.placeholder}`);
      if (!r.keychain || !conn.remoteAddress) return [];
      if (!r.v2) return [edit(r.keychain, [headText(r.keychain)], `pre-shared-key address ${conn.remoteAddress.value}`, `255.255.255.255 key simple ${change.placeholder}`)];
      return r.keychainPeer ? [edit(r.keychainPeer, [headText(r.keychain), headText(r.keychainPeer)], 'pre-shared-key', `plaintext ${change.placeholder}`)] : [];
    case 'localSubnets':
    case 'remoteSubnets':
      return subnets(r, conn, change);
    case 'dpd':
      if (vrp) return change.value ? onPeer('dpd type', 'periodic') : onPeer('undo dpd type', '');
      return change.value ? onPeer('dpd', 'interval 10 retry 3 on-demand') : onPeer('undo dpd', '');
    case 'natTraversal':
      // Comware detects NAT on its own and has no switch for it.
      if (!vrp) return [];
      return change.value ? onPeer('nat traversal', '') : onPeer('undo nat traversal', '');
  }
}
