// Owns the IKEv1 (ISAKMP) side of a Cisco configuration: the policies in priority order (with the
// documented defaults for unset fields, or the default policies when none is configured), the
// pre-shared key for a peer (`crypto isakmp key`, `crypto keyring`, aggressive-mode password) and
// the ISAKMP profile lines that name identities.
import type { ConfigLocation, DeviceProposal, DeviceSetting } from '../../../src/check/device-model.js';
import type { Problem } from '../../../src/types.js';
import { defaultSetting } from '../common/setting.js';
import { ISAKMP_DEFAULT_POLICIES, ISAKMP_FIELD_DEFAULTS } from './defaults.js';
import { addressMatches, badValue, keyAt, setting, unknownChildren, type KeyWords } from './common.js';
import { at, child, lw, type CiscoNode } from './parser.js';
import { groupAlg, isakmpEnc, isakmpHash } from './proposals.js';
import type { CiscoSections } from './sections.js';

const POLICY_KEYS = ['encr', 'encryption', 'hash', 'authentication', 'group', 'lifetime'];

export interface IsakmpRead {
  proposals: DeviceSetting<DeviceProposal[]>;
  /** The policy a fix edits (the first pre-shared-key policy). */
  policy?: CiscoNode;
  lifetime?: DeviceSetting<number>;
}

function policyProposal(n: CiscoNode, problems: Problem[]): DeviceProposal {
  const enc = child(n, 'encr') ?? child(n, 'encryption');
  const hash = child(n, 'hash');
  const group = child(n, 'group');
  const p: DeviceProposal = {
    enc: [isakmpEnc(enc ? enc.cmd.words.slice(1) : [ISAKMP_FIELD_DEFAULTS.encr])],
    auth: [isakmpHash(hash?.cmd.words[1] ?? ISAKMP_FIELD_DEFAULTS.hash)],
    dh: [groupAlg(group?.cmd.words[1] ?? ISAKMP_FIELD_DEFAULTS.group)],
    raw: [n.cmd.raw, ...n.children.map((c) => c.cmd.raw)].join('; '),
  };
  for (const [node, list] of [[enc, p.enc], [hash, p.auth], [group, p.dh]] as const) {
    if (node && !list[0]!.alibaba) badValue(node, problems, 'the algorithm is not one this tool knows', 'Use one IOS offers (aes 256, sha256, group 14)');
  }
  return p;
}

/** The ISAKMP policies offered with a pre-shared key, in priority order. */
export function readIsakmpPolicies(s: CiscoSections, problems: Problem[], opened: ConfigLocation): IsakmpRead {
  for (const { node } of s.isakmpPolicies) unknownChildren(node, POLICY_KEYS, problems);
  if (s.isakmpPolicies.length === 0) {
    const value = ISAKMP_DEFAULT_POLICIES.map((d) => ({ enc: [isakmpEnc([d.encr])], auth: [isakmpHash(d.hash)], dh: [groupAlg(d.group)], raw: d.raw }));
    return { proposals: defaultSetting(value, `IOS default ISAKMP policies: ${ISAKMP_DEFAULT_POLICIES.map((d) => d.raw).join(', ')}`, opened), lifetime: defaultSetting(ISAKMP_FIELD_DEFAULTS.lifetime, 'IOS default: lifetime 86400', opened) };
  }
  const psk = s.isakmpPolicies.filter(({ node }) => lw(child(node, 'authentication') ?? node)[1] === 'pre-share');
  const used = psk.length > 0 ? psk : s.isakmpPolicies;
  const first = used[0]!.node;
  const value = used.map(({ node }) => policyProposal(node, problems));
  const life = child(first, 'lifetime');
  let lifetime: DeviceSetting<number> | undefined = defaultSetting(ISAKMP_FIELD_DEFAULTS.lifetime, 'IOS default: lifetime 86400', at(first));
  if (life) {
    const v = Number(life.cmd.words[1]);
    if (Number.isInteger(v) && v > 0) lifetime = setting(v, life);
    else {
      badValue(life, problems, 'the lifetime is not a number of seconds', 'Write `lifetime <seconds>` (60–86400)');
      lifetime = undefined;
    }
  }
  return { proposals: { value, raw: value.map((p) => p.raw).join(' | '), at: at(first) }, policy: first, ...(lifetime ? { lifetime } : {}) };
}

export interface PeerKey extends KeyWords {
  node: CiscoNode;
  /** The block that holds the line (`crypto keyring K`), empty for a global line. */
  path: string[];
}

/** `crypto isakmp key K address A [M]` and `pre-shared-key address A [M] key K` (keyring) for `peer`: the most specific wins. */
export function isakmpKey(s: CiscoSections, peer: string, keyring?: string): PeerKey | undefined {
  let best: { len: number; key: PeerKey } | undefined;
  const consider = (n: CiscoNode, addrAt: number, key: KeyWords | undefined, path: string[]): void => {
    const len = addressMatches(peer, n.cmd.words[addrAt], n.cmd.words[addrAt + 1]);
    if (key && len >= 0 && (!best || len > best.len)) best = { len, key: { ...key, node: n, path } };
  };
  const rings = keyring ? [s.keyrings.get(keyring)].filter((k) => k !== undefined) : [...s.keyrings.values()];
  if (!keyring) {
    for (const n of s.isakmpKeys) {
      const w = lw(n);
      const a = w.indexOf('address');
      if (a > 3) consider(n, a + 1, keyAt(n.cmd.words, 3), []);
    }
  }
  for (const ring of rings) {
    for (const n of ring.children) {
      const w = lw(n);
      const k = w.indexOf('key');
      if (w[0] === 'pre-shared-key' && w[1] === 'address' && k > 2) consider(n, 2, keyAt(n.cmd.words, k + 1), [ring.cmd.raw]);
    }
  }
  const peerNode = s.isakmpPeers.get(peer);
  const pw = child(peerNode, 'set', 'aggressive-mode', 'password');
  if (pw) {
    const key = keyAt(pw.cmd.words, 3);
    if (key) return { ...key, node: pw, path: [peerNode!.cmd.raw] };
  }
  return best?.key;
}

/** Every clear key the ISAKMP sections hold (for the report to scrub). */
export function isakmpSecrets(s: CiscoSections): string[] {
  const out: string[] = [];
  const push = (k: KeyWords | undefined): void => void (k?.clear !== undefined && out.push(k.clear));
  for (const n of s.isakmpKeys) push(keyAt(n.cmd.words, 3));
  for (const ring of s.keyrings.values()) for (const n of ring.children) if (lw(n).indexOf('key') > 0) push(keyAt(n.cmd.words, lw(n).indexOf('key') + 1));
  for (const p of s.isakmpPeers.values()) for (const n of p.children) if (lw(n)[2] === 'password') push(keyAt(n.cmd.words, 3));
  return out;
}
