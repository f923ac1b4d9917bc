// Owns the IKEv2 side of a Cisco configuration: the proposals the policies offer (or the smart
// default), an IKEv2 profile's identities, lifetime and DPD, and the keyring key for a peer
// (`peer X` / `address A [M]` / `pre-shared-key [local|remote] [type] KEY`).
import type { ConfigLocation, DeviceProposal, DeviceSetting } from '../../../src/check/device-model.js';
import type { Problem } from '../../../src/types.js';
import { defaultSetting } from '../common/setting.js';
import { normalizeSubnet } from '../common/values.js';
import { IKEV2_DEFAULT_PROPOSAL } from './defaults.js';
import { addressMatches, badValue, keyAt, unknownChildren, type KeyWords } from './common.js';
import { at, child, lw, type CiscoNode } from './parser.js';
import { groupAlg, ikev2Alg } from './proposals.js';
import type { CiscoSections } from './sections.js';

const PROPOSAL_KEYS = ['encryption', 'integrity', 'group', 'prf'];
const POLICY_KEYS = ['proposal', 'match'];
export const PROFILE_KEYS = ['match', 'identity', 'authentication', 'keyring', 'lifetime', 'dpd', 'description', 'nat', 'ivrf', 'virtual-template', 'aaa', 'pki', 'config-exchange'];

function proposal(n: CiscoNode, problems: Problem[]): DeviceProposal {
  const words = (k: string): string[] => child(n, k)?.cmd.words.slice(1) ?? [];
  const p: DeviceProposal = { enc: words('encryption').map(ikev2Alg), auth: words('integrity').map(ikev2Alg), dh: words('group').map(groupAlg), raw: [n.cmd.raw, ...n.children.map((c) => c.cmd.raw)].join('; ') };
  if (p.enc.length === 0) badValue(n, problems, 'the IKEv2 proposal has no `encryption` line', 'Add `encryption aes-cbc-256` (a proposal without one is incomplete)');
  return p;
}

export interface Ikev2Read {
  proposals: DeviceSetting<DeviceProposal[]>;
  /** The proposal a fix edits. */
  first?: CiscoNode;
}

/** What the IKEv2 policies offer in order; the default policy's default proposal when none is configured. */
export function readIkev2Proposals(s: CiscoSections, problems: Problem[], opened: ConfigLocation): Ikev2Read {
  for (const n of s.ikev2Proposals.values()) unknownChildren(n, PROPOSAL_KEYS, problems);
  for (const n of s.ikev2Policies) unknownChildren(n, POLICY_KEYS, problems);
  const used: CiscoNode[] = [];
  for (const pol of s.ikev2Policies) {
    for (const line of pol.children.filter((c) => lw(c)[0] === 'proposal')) {
      for (const name of line.cmd.words.slice(1)) {
        const prop = s.ikev2Proposals.get(name);
        if (prop) used.push(prop);
        else badValue(line, problems, 'the IKEv2 policy names a proposal not defined in the files given', 'Give the `crypto ikev2 proposal` section too');
      }
    }
  }
  if (used.length === 0) {
    const d = IKEV2_DEFAULT_PROPOSAL;
    const value = [{ enc: d.enc.map(ikev2Alg), auth: d.integ.map(ikev2Alg), dh: d.groups.map(groupAlg), raw: 'crypto ikev2 proposal default' }];
    return { proposals: defaultSetting(value, `IOS default: no \`crypto ikev2 policy\`, so the default proposal (${d.enc.join(' ')}; ${d.integ.join(' ')}; group ${d.groups.join(' ')})`, opened) };
  }
  const value = used.map((n) => proposal(n, problems));
  return { proposals: { value, raw: value.map((p) => p.raw).join(' | '), at: at(used[0]!) }, first: used[0] };
}

/** `address A [M]`, `fqdn [domain] X`, `email X`, `key-id X` → the identity value. */
export function identityValue(words: string[]): string | undefined {
  const kind = words[0]?.toLowerCase();
  if (kind === 'address' && words[1] === '0.0.0.0') return undefined; // matches any peer
  if (kind === 'address') return words[2] && words[2] !== '255.255.255.255' ? normalizeSubnet(`${words[1]} ${words[2]}`) : words[1];
  if (kind === 'fqdn') return words[1]?.toLowerCase() === 'domain' ? words[2] : words[1];
  if (kind === 'email' || kind === 'key-id') return words[1];
  return undefined;
}

/** The remote identity an IKEv2 profile matches (`match identity remote …`). */
export const remoteIdLine = (p: CiscoNode): CiscoNode | undefined => child(p, 'match', 'identity', 'remote');
/** `identity local …`. */
export const localIdLine = (p: CiscoNode): CiscoNode | undefined => child(p, 'identity', 'local');

export interface Ikev2Key extends KeyWords {
  node: CiscoNode;
  /** `crypto ikev2 keyring K`, `peer P`. */
  path: string[];
}

function peerKey(ring: CiscoNode, peer: CiscoNode): Ikev2Key | undefined {
  const lines = peer.children.filter((c) => lw(c)[0] === 'pre-shared-key');
  const pick = lines.find((c) => !/^(?:local|remote)$/.test(lw(c)[1] ?? '')) ?? lines.find((c) => lw(c)[1] === 'local');
  if (!pick) return undefined;
  const k = keyAt(pick.cmd.words, /^(?:local|remote)$/.test(lw(pick)[1] ?? '') ? 2 : 1);
  return k ? { ...k, node: pick, path: [ring.cmd.raw, peer.cmd.raw] } : undefined;
}

/** The key the profile's `keyring local K` holds for `peer` (the most specific address match). */
export function ikev2Key(s: CiscoSections, profile: CiscoNode, peer: string): Ikev2Key | undefined {
  const ring = s.ikev2Keyrings.get(child(profile, 'keyring', 'local')?.cmd.words[2] ?? child(profile, 'keyring')?.cmd.words[1] ?? '');
  let best: { len: number; key: Ikev2Key } | undefined;
  for (const p of ring?.children.filter((c) => lw(c)[0] === 'peer') ?? []) {
    const addr = child(p, 'address');
    const len = addr ? addressMatches(peer, addr.cmd.words[1], addr.cmd.words[2]) : -1;
    const key = peerKey(ring!, p);
    if (key && len >= 0 && (!best || len > best.len)) best = { len, key };
  }
  if (best) return best.key;
  // Without a keyring entry, a key may be written inline: `authentication local pre-share key K`.
  const inline = child(profile, 'authentication', 'local', 'pre-share', 'key');
  const k = inline ? keyAt(inline.cmd.words, 4) : undefined;
  return inline && k ? { ...k, node: inline, path: [profile.cmd.raw] } : undefined;
}

/** Every clear key of the IKEv2 keyrings and profiles. */
export function ikev2Secrets(s: CiscoSections): string[] {
  const out: string[] = [];
  for (const ring of s.ikev2Keyrings.values())
    for (const p of ring.children)
      for (const c of p.children.filter((x) => lw(x)[0] === 'pre-shared-key')) {
        const k = keyAt(c.cmd.words, /^(?:local|remote)$/.test(lw(c)[1] ?? '') ? 2 : 1);
        if (k?.clear !== undefined) out.push(k.clear);
      }
  for (const p of s.ikev2Profiles.values()) {
    const inline = child(p, 'authentication', 'local', 'pre-share', 'key');
    const k = inline ? keyAt(inline.cmd.words, 4) : undefined;
    if (k?.clear !== undefined) out.push(k.clear);
  }
  return out;
}
