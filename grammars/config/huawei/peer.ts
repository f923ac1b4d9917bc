// Owns the IKE half of a connection: a VRP `ike peer` or a Comware `ike profile` / `ikev2 profile`
// with its keychain → version, mode, proposals, lifetime, identities, key, DPD and NAT traversal,
// each from its line or from the vendor default (defaults.ts says which and where from).
import type { DeviceConnection, DeviceProposal, DeviceSecret, DeviceSetting } from '../../../src/check/device-model.js';
import { digestSecret } from '../../../src/check/secret-digest.js';
import type { Problem } from '../../../src/types.js';
import { CONFIG_CODES, configProblem } from '../common/problems.js';
import { defaultSetting, readSetting } from '../common/setting.js';
import { H3C, H3C_IKE, VRP, VRP_IKE } from './defaults.js';
import { child, children, type HwNode } from './parser.js';
import { builtinIkeProposal, ikeProposal } from './proposals.js';
import type { HwRefs } from './refs.js';
import type { HwSections } from './sections.js';
import { secretOf, type HwLine } from './tokens.js';

export const rd = <T>(value: T, l: HwLine): DeviceSetting<T> => readSetting(value, l.raw, { file: l.file, line: l.line });
const unresolved = (l: HwLine, what: string, problems: Problem[]): void => {
  problems.push(configProblem(l.file, l.line, CONFIG_CODES.unresolved, `the ${what} named here is not defined in the files given`, 'Give the whole `display current-configuration` output'));
};

/** The last child whose words, `undo` stripped, start with `prefix`; `undo` tells whether it was negated. */
function setting(n: HwNode | undefined, prefix: string): { line: HwLine; undo: boolean; words: string[] } | undefined {
  const p = prefix.split(' ');
  const all = (n?.children ?? []).map((c) => c.head).map((line) => {
    const undo = line.lower[0] === 'undo';
    return { line, undo, words: undo ? line.lower.slice(1) : line.lower };
  });
  return all.filter((x) => p.every((w, i) => x.words[i] === w)).pop();
}

interface Ctx {
  c: DeviceConnection;
  sec: HwSections;
  refs: HwRefs;
  problems: Problem[];
  secrets: string[];
}

/** Proposals named on `line` (several allowed), or every configured one, or the built-in one. */
function proposals(x: Ctx, names: { line: HwLine; names: string[] } | undefined, table: Map<string, HwNode>, v2: boolean, label: string): void {
  const { c, refs, problems } = x;
  const chosen: HwNode[] = [];
  if (names) {
    for (const nm of names.names) {
      const n = table.get(nm);
      if (n) chosen.push(n);
      else unresolved(names.line, 'IKE proposal', problems);
    }
    if (chosen.length === 0) return;
  } else chosen.push(...[...table.entries()].sort((a, b) => Number(a[0]) - Number(b[0]) || a[0].localeCompare(b[0])).map((e) => e[1]));
  // A fix edits the proposal the peer names; with none named it adds one (edits.ts), since the
  // configured proposals are shared by every peer. The lifetime is read from (and fixed in) the first.
  if (names) refs.ikeProposal = chosen[0];
  refs.lifeProposal = chosen[0];
  const read = chosen.map((n) => ikeProposal(n, refs.flavour, v2, problems));
  const value: DeviceProposal[] = read.length > 0 ? read.map((r) => r.proposal) : [builtinIkeProposal(refs.flavour)];
  const raw = value.map((p) => p.raw).join(' | ');
  c.ikeProposals = names ? readSetting(value, raw, { file: names.line.file, line: names.line.line }) : defaultSetting(value, `${label}: every configured IKE proposal, in number order — ${raw}`, c.at);
  const life = read[0]?.life;
  const dflt = refs.flavour === 'vrp' ? VRP_IKE.life : H3C_IKE.life;
  if (life) c.ikeLifetime = rd(life.seconds, life.line);
  else if (!(refs.flavour === 'h3c' && v2)) c.ikeLifetime = defaultSetting(dflt, `${label}: sa duration ${dflt}`, c.at);
}

function psk(x: Ctx, l: HwLine | undefined, encrypted: boolean): void {
  const text = l ? secretOf(l) : undefined;
  if (!l || text === undefined) {
    x.c.psk = defaultSetting<DeviceSecret>({ kind: 'none' }, 'no pre-shared-key', x.c.at);
    return;
  }
  x.secrets.push(text);
  x.c.psk = rd<DeviceSecret>(encrypted ? { kind: 'encrypted' } : { kind: 'clear', digest: digestSecret(text) }, l);
}

function identities(x: Ctx, local: HwLine | undefined, localAt: number, remote: HwLine | undefined, remoteAt: number, label: string): void {
  const { c } = x;
  if (local?.words[localAt]) c.localId = rd(local.words[localAt]!, local);
  else if (c.localAddress) c.localId = defaultSetting(c.localAddress.value, `${label}: the local address identifies the device`, c.at);
  if (remote?.words[remoteAt]) c.remoteId = rd(remote.words[remoteAt]!, remote);
  else if (c.remoteAddress) c.remoteId = defaultSetting(c.remoteAddress.value, `${label}: the peer is identified by its address`, c.at);
}

/** A VRP `ike peer` (both the V200R008+ syntax and the older `ike peer NAME v1|v2`). */
export function readVrpPeer(x: Ctx, peer: HwNode): void {
  const { c } = x;
  const head = peer.head;
  const ra = child(peer, 'remote-address');
  if (ra?.words[1] && !c.remoteAddress) c.remoteAddress = rd(ra.words[ra.words.length - 1]!, ra);
  const la = child(peer, 'local-address');
  if (la?.words[1]) c.localAddress = rd(la.words[1], la);
  const ver = setting(peer, 'version');
  if (head.lower[3] === 'v1' || head.lower[3] === 'v2') c.ikeVersion = rd(head.lower[3] === 'v1' ? 'ikev1' : 'ikev2', head);
  else if (ver) c.ikeVersion = rd((ver.words[1] === '2') !== ver.undo ? 'ikev2' : 'ikev1', ver.line);
  else c.ikeVersion = defaultSetting('ikev2', `${VRP}: IKEv1 and IKEv2 both enabled, the initiator uses IKEv2`, c.at);
  x.refs.v2 = c.ikeVersion.value === 'ikev2';
  const mode = child(peer, 'exchange-mode');
  c.ikeMode = mode ? rd(mode.lower[1] === 'aggressive' ? 'aggressive' : 'main', mode) : defaultSetting('main', `${VRP}: exchange-mode main`, c.at);
  const p = child(peer, 'ike-proposal');
  proposals(x, p ? { line: p, names: p.words.slice(1) } : undefined, x.sec.ikeProposals, x.refs.v2, VRP);
  const k = child(peer, 'pre-shared-key');
  psk(x, k, k?.lower[1] === 'cipher');
  identities(x, child(peer, 'local-id'), 1, child(peer, 'remote-id'), 1, VRP);
  const dpd = setting(peer, 'dpd type');
  c.dpd = dpd ? rd(!dpd.undo && dpd.words[2] !== 'none', dpd.line) : defaultSetting(false, `${VRP}: no dpd type`, c.at);
  const nat = setting(peer, 'nat traversal');
  c.natTraversal = nat ? rd(!nat.undo, nat.line) : defaultSetting(true, `${VRP}: nat traversal`, c.at);
}

/** A Comware `ike profile` (IKEv1) or `ikev2 profile` with its keychain and, for IKEv2, the `ikev2 policy` proposals. */
export function readH3cProfile(x: Ctx, profile: HwNode, use: HwLine | undefined): void {
  const { c, sec, refs } = x;
  const v2 = refs.v2;
  c.ikeVersion = use ? rd(v2 ? 'ikev2' : 'ikev1', use) : defaultSetting('ikev1', `${H3C}: IKEv1 (no ikev2-profile)`, c.at);
  if (!v2) {
    const mode = setting(profile, 'exchange-mode');
    c.ikeMode = mode ? rd(mode.words[1] === 'aggressive' ? 'aggressive' : 'main', mode.line) : defaultSetting('main', `${H3C}: exchange-mode main`, c.at);
    const p = child(profile, 'proposal');
    proposals(x, p ? { line: p, names: p.words.slice(1) } : undefined, sec.ikeProposals, false, H3C);
    identities(x, child(profile, 'local-identity'), 2, child(profile, 'match remote identity'), 4, H3C);
  } else {
    const named = sec.ikev2Policies.flatMap((pol) => children(pol, 'proposal'));
    if (named.length > 0) proposals(x, { line: named[0]!, names: named.flatMap((l) => l.words.slice(1)) }, sec.ikev2Proposals, true, H3C);
    else if (sec.ikev2Proposals.size > 0) proposals(x, undefined, sec.ikev2Proposals, true, H3C);
    const life = child(profile, 'sa duration');
    const seconds = Number(life?.words[2]);
    c.ikeLifetime = life && Number.isInteger(seconds) ? rd(seconds, life) : defaultSetting(H3C_IKE.life, `${H3C}: sa duration ${H3C_IKE.life}`, c.at);
    identities(x, child(profile, 'identity local'), 3, child(profile, 'match remote identity'), 4, H3C);
  }
  const kc = child(profile, 'keychain');
  const chain = kc?.words[1] ? (v2 ? sec.ikev2Keychains : sec.keychains).get(kc.words[1]) : undefined;
  if (kc && !chain) unresolved(kc, 'keychain', x.problems);
  refs.keychain = chain;
  if (chain && !v2) {
    const keys = children(chain, 'pre-shared-key');
    const k = keys.find((l) => l.lower[1] === 'address' && l.words[2] === refs.remote) ?? keys[0];
    psk(x, k, k?.lower.includes('cipher') === true);
  } else if (chain) {
    const peers = chain.children.filter((n) => n.head.lower[0] === 'peer');
    const peer = peers.find((n) => child(n, 'address')?.words[1] === refs.remote) ?? peers[0];
    refs.keychainPeer = peer;
    const k = child(peer, 'pre-shared-key');
    psk(x, k, k?.lower.includes('ciphertext') === true);
  } else psk(x, undefined, false);
  const dpd = setting(profile, 'dpd');
  c.dpd = dpd ? rd(!dpd.undo, dpd.line) : defaultSetting(false, `${H3C}: DPD off`, c.at);
  c.natTraversal = defaultSetting(true, `${H3C}: NAT traversal detected automatically`, c.at);
}

export type { Ctx as PeerContext };
export const unresolvedRef = unresolved;
