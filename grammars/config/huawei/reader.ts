// Owns the connections of a VRP / Comware configuration: one per `ipsec policy NAME SEQ isakmp`
// entry (`NAME SEQ`) and one per tunnel interface protected by an `ipsec profile` (named after the
// interface, selectors 0.0.0.0/0). The IKE half comes from peer.ts; here the local address (the
// interface the policy is applied to), the child (proposals, PFS, lifetime, ACL subnets).
import type { DeviceChild, DeviceConnection } from '../../../src/check/device-model.js';
import type { Problem } from '../../../src/types.js';
import { defaultSetting, readSetting } from '../common/setting.js';
import { isIpv4 } from '../common/values.js';
import { aclRules } from './acl.js';
import { H3C, IPSEC_LIFE, VRP } from './defaults.js';
import { child, type HwNode } from './parser.js';
import { rd, readH3cProfile, readVrpPeer, unresolvedRef, type PeerContext } from './peer.js';
import { espProposal } from './proposals.js';
import { recordRefs, type HwRefs } from './refs.js';
import { ref, type HwSections } from './sections.js';

const uniq = (xs: string[]): string[] => [...new Set(xs)];

/** The `ip address A M` of the interface applying `policy` (`ipsec policy NAME` / `ipsec profile NAME`). */
function interfaceAddress(sec: HwSections, kind: 'policy' | 'profile', name: string): { iface: HwNode; addr?: string } | undefined {
  for (const i of sec.interfaces) {
    const applied = i.children.some((c) => (c.head.lower[0] === 'ipsec' || c.head.lower[2] === 'ipsec') && c.head.lower.includes(kind) && c.head.words[c.head.words.length - 1] === name);
    if (!applied) continue;
    const ip = child(i, 'ip address');
    return { iface: i, ...(ip?.words[2] && isIpv4(ip.words[2]) ? { addr: ip.words[2] } : {}) };
  }
  return undefined;
}

/** A tunnel interface's outer address: its `source` (an address, or an interface's `ip address`). */
function tunnelSource(sec: HwSections, iface: HwNode): { iface: HwNode; addr?: string } | undefined {
  const src = child(iface, 'source') ?? child(iface, 'tunnel source');
  const word = src?.words[src.words.length - 1];
  if (!src || !word) return undefined;
  if (isIpv4(word)) return { iface: { head: iface.head, children: [{ head: { ...src, words: ['ip', 'address', word], lower: ['ip', 'address', word] }, children: [] }] }, addr: word };
  const out = sec.interfaces.find((i) => i.head.words[1]?.toLowerCase() === word.toLowerCase());
  const ip = child(out, 'ip address');
  return out ? { iface: out, ...(ip?.words[2] && isIpv4(ip.words[2]) ? { addr: ip.words[2] } : {}) } : undefined;
}

function readChild(x: PeerContext, policy: HwNode, routeBased: boolean): DeviceChild {
  const { c, sec, refs, problems } = x;
  const ch: DeviceChild = { name: c.name, at: c.at };
  const label = refs.flavour === 'vrp' ? VRP : H3C;
  const propRef = ref(policy, refs.flavour === 'vrp' ? 'proposal' : 'transform-set');
  const names = propRef ? propRef.line.words.slice(1) : [];
  const table = refs.flavour === 'vrp' ? sec.ipsecProposals : sec.transformSets;
  const nodes = names.map((n) => table.get(n)).filter((n): n is HwNode => n !== undefined);
  if (propRef && nodes.length < names.length) unresolvedRef(propRef.line, refs.flavour === 'vrp' ? 'IPsec proposal' : 'transform set', problems);
  refs.espProposal = nodes[0];
  if (nodes.length > 0) {
    const read = nodes.map((n) => espProposal(n, refs.flavour, refs.flavour === 'vrp' ? child(policy, 'pfs') : child(n, 'pfs'), problems));
    ch.proposals = readSetting(read.map((r) => r.proposal), read.map((r) => r.proposal.raw).join(' | '), { file: propRef!.line.file, line: propRef!.line.line });
  }
  const life = child(policy, 'sa duration time-based');
  const g = sec.globalLife;
  const seconds = (l: typeof life): number => Number(l?.words[l.words.length - 1]);
  if (life && Number.isInteger(seconds(life))) ch.lifetime = rd(seconds(life), life);
  else if (g && Number.isInteger(seconds(g))) ch.lifetime = rd(seconds(g), g);
  else ch.lifetime = defaultSetting(IPSEC_LIFE, `${label}: ipsec sa global-duration time-based ${IPSEC_LIFE}`, c.at);
  if (routeBased) {
    ch.localSubnets = defaultSetting(['0.0.0.0/0'], 'route-based (ipsec profile): any to any', c.at);
    ch.remoteSubnets = defaultSetting(['0.0.0.0/0'], 'route-based (ipsec profile): any to any', c.at);
    return ch;
  }
  const aclRef = ref(policy, 'security acl');
  const acl = aclRef ? sec.acls.get(aclRef.name) : undefined;
  if (aclRef && !acl) unresolvedRef(aclRef.line, 'ACL', problems);
  if (acl && aclRef) {
    refs.acl = acl;
    const rules = aclRules(acl, problems);
    if (rules.length > 0) {
      ch.localSubnets = readSetting(uniq(rules.map((r) => r.source)), rules.map((r) => r.line.raw).join('; '), { file: rules[0]!.line.file, line: rules[0]!.line.line });
      ch.remoteSubnets = readSetting(uniq(rules.map((r) => r.destination)), ch.localSubnets.raw, ch.localSubnets.at);
    }
  }
  return ch;
}

function connection(sec: HwSections, policy: HwNode, name: string, routeBased: boolean, problems: Problem[], secrets: string[], iface?: HwNode): DeviceConnection {
  const at = { file: (iface ?? policy).head.file, line: (iface ?? policy).head.line };
  const c: DeviceConnection = { dialect: 'huawei', name, at, children: [] };
  const h3c = ['ike-profile', 'ikev2-profile', 'transform-set'].some((k) => child(policy, k));
  const refs: HwRefs = { flavour: h3c ? 'h3c' : 'vrp', v2: false, policy };
  const x: PeerContext = { c, sec, refs, problems, secrets };
  const applied = iface ? tunnelSource(sec, iface) : interfaceAddress(sec, routeBased ? 'profile' : 'policy', policy.head.words[2]!);
  const ipLine = applied ? child(applied.iface, 'ip address') : undefined;
  if (applied?.addr && ipLine && isIpv4(applied.addr)) c.localAddress = rd(applied.addr, ipLine);
  const la = child(policy, 'local-address');
  if (la?.words[1] && isIpv4(la.words[1])) c.localAddress = rd(la.words[1], la);
  const dest = iface ? child(iface, 'destination') ?? child(iface, 'tunnel destination') : undefined;
  const ra = dest ?? child(policy, 'remote-address');
  const raw = ra?.words[ra.words.length - 1];
  if (ra && raw) c.remoteAddress = rd(raw, ra);
  refs.remote = c.remoteAddress?.value;
  if (refs.flavour === 'vrp') {
    const p = ref(policy, 'ike-peer');
    const peer = p ? sec.peers.get(p.name) : undefined;
    if (p && !peer) unresolvedRef(p.line, 'IKE peer', problems);
    if (peer) {
      refs.peer = peer;
      readVrpPeer(x, peer);
    }
  } else {
    const p = ref(policy, 'ikev2-profile') ?? ref(policy, 'ike-profile');
    refs.v2 = p?.line.lower[0] === 'ikev2-profile';
    const prof = p ? (refs.v2 ? sec.ikev2Profiles : sec.ikeProfiles).get(p.name) : undefined;
    if (p && !prof) unresolvedRef(p.line, 'IKE profile', problems);
    refs.peer = prof;
    if (prof) readH3cProfile(x, prof, p?.line);
  }
  c.children.push(readChild(x, policy, routeBased));
  recordRefs(c, refs);
  return c;
}

/** Connections (with their one child) of the indexed sections; clear keys go to `secrets`. */
export function readHuawei(sec: HwSections, problems: Problem[], secrets: string[]): DeviceConnection[] {
  const out: DeviceConnection[] = [];
  for (const p of sec.policies) out.push(connection(sec, p, `${p.head.words[2]} ${p.head.words[3]}`, false, problems, secrets));
  for (const i of sec.interfaces) {
    const prot = i.children.find((c) => /^(?:ipsec profile|tunnel protection ipsec profile)\s/.test(c.head.lower.join(' ')));
    if (!prot) continue;
    const name = prot.head.words[prot.head.words.length - 1]!;
    const profile = sec.profiles.get(name);
    if (!profile) {
      unresolvedRef(prot.head, 'IPsec profile', problems);
      continue;
    }
    out.push(connection(sec, profile, i.head.words[1]!, true, problems, secrets, i));
  }
  return out;
}
