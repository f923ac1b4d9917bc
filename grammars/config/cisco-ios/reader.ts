// Owns the turning of the indexed sections into DeviceConnections: one per crypto map ISAKMP
// entry (`CMAP 10`: peer, transform sets, PFS, lifetime, ACL subnets) and one per IPsec-protected
// tunnel interface (`Tunnel1`: a VTI, whose selectors are any ↔ any), with the phase-1 fields
// from ike.ts. A reference to a section the files do not hold is a located problem.
import type { DeviceChild, DeviceConnection } from '../../../src/check/device-model.js';
import type { Problem } from '../../../src/types.js';
import { CONFIG_CODES, configProblem } from '../common/problems.js';
import { readSetting } from '../common/setting.js';
import { isIpv4, normalizeSubnet } from '../common/values.js';
import { aclEntries } from './acl.js';
import { setting, unknownChildren, unknownKey } from './common.js';
import { readIkev1, readIkev2 } from './ike.js';
import { readIsakmpPolicies } from './ikev1.js';
import { readIkev2Proposals } from './ikev2.js';
import { readChildLifetime, readChildProposals } from './ipsec.js';
import { at, child, lw, type CiscoNode } from './parser.js';
import type { CiscoSections } from './sections.js';

const MAP_KEYS = ['set', 'match', 'description', 'reverse-route', 'qos'];
const SET_KEYS = ['peer', 'transform-set', 'pfs', 'security-association', 'ikev2-profile', 'isakmp-profile', 'reverse-route', 'nat', 'ip'];

const unresolved = (n: CiscoNode, problems: Problem[], what: string, hint: string): void => {
  problems.push(configProblem(n.cmd.file, n.cmd.line, CONFIG_CODES.unresolved, what, hint));
};

/** `ip address A M` of an interface → A. */
function interfaceAddress(iface: CiscoNode | undefined): CiscoNode | undefined {
  const line = child(iface, 'ip', 'address');
  return line && isIpv4(line.cmd.words[2] ?? '') ? line : undefined;
}

function phase2(s: CiscoSections, c: DeviceConnection, entry: CiscoNode, problems: Problem[]): DeviceChild {
  const ch: DeviceChild = { name: c.name, at: c.at };
  const p = readChildProposals(s, entry, problems);
  if (p) ch.proposals = p;
  const l = readChildLifetime(s, entry, problems, c.at);
  if (l) ch.lifetime = l;
  return ch;
}

function mapEntry(s: CiscoSections, m: CiscoNode, problems: Problem[]): DeviceConnection {
  const w = m.cmd.words;
  const c: DeviceConnection = { dialect: 'cisco-ios', name: `${w[2]} ${w[3]}`, at: at(m), children: [] };
  unknownChildren(m, MAP_KEYS, problems);
  for (const x of m.children.filter((n) => lw(n)[0] === 'set' && !SET_KEYS.includes(lw(n)[1] ?? ''))) unknownKey(x, lw(x)[1] ?? 'set', 'crypto map', problems);
  const peer = child(m, 'set', 'peer');
  if (peer && isIpv4(peer.cmd.words[2] ?? '')) c.remoteAddress = setting(peer.cmd.words[2]!, peer);
  else unresolved(peer ?? m, problems, 'the crypto map entry has no `set peer` address', 'Add `set peer <Alibaba gateway IP>`');
  const iface = [...s.interfaces.values()].find((i) => i.children.some((x) => lw(x)[0] === 'crypto' && lw(x)[1] === 'map' && x.cmd.words[2] === w[2]));
  const addr = interfaceAddress(iface);
  if (addr) c.localAddress = setting(addr.cmd.words[2]!, addr);
  const v2 = child(m, 'set', 'ikev2-profile');
  if (v2) readIkev2(s, c, v2, problems);
  else readIkev1(s, c, m, problems);
  const ch = phase2(s, c, m, problems);
  const match = child(m, 'match', 'address');
  const acl = match ? s.acls.get(match.cmd.words[2] ?? '') : undefined;
  if (!match) unresolved(m, problems, 'the crypto map entry has no `match address`, so it protects no traffic', 'Add `match address <ACL>` naming the crypto ACL');
  else if (!acl) unresolved(match, problems, 'the access list is not defined in the files given, so its subnets cannot be checked', 'Give the `access-list` / `ip access-list extended` lines too');
  else {
    const entries = aclEntries(acl.entries, problems);
    if (entries.length > 0) {
      // The raw names the ACL (`match address 101: …`) so a fix can address it.
      const raw = `${match.cmd.raw}: ${entries.map((e) => e.node.cmd.raw).join('; ')}`;
      ch.localSubnets = readSetting([...new Set(entries.map((e) => e.src))], raw, at(entries[0]!.node));
      ch.remoteSubnets = readSetting([...new Set(entries.map((e) => e.dst))], raw, at(entries[0]!.node));
    }
  }
  c.children.push(ch);
  return c;
}

function tunnel(s: CiscoSections, name: string, t: CiscoNode, prot: CiscoNode, problems: Problem[]): DeviceConnection {
  const c: DeviceConnection = { dialect: 'cisco-ios', name, at: at(t), children: [] };
  const dest = child(t, 'tunnel', 'destination');
  if (dest && isIpv4(dest.cmd.words[2] ?? '')) c.remoteAddress = setting(dest.cmd.words[2]!, dest);
  else unresolved(dest ?? t, problems, 'the tunnel interface has no `tunnel destination` address', 'Add `tunnel destination <Alibaba gateway IP>`');
  const src = child(t, 'tunnel', 'source');
  const srcWord = src?.cmd.words[2] ?? '';
  const srcAddr = isIpv4(srcWord) ? src : interfaceAddress(s.interfaces.get(srcWord));
  if (srcAddr) c.localAddress = setting(isIpv4(srcWord) ? srcWord : srcAddr.cmd.words[2]!, srcAddr);
  const profile = s.ipsecProfiles.get(prot.cmd.words[4] ?? '');
  if (!profile) {
    unresolved(prot, problems, 'the IPsec profile is not defined in the files given', 'Give the `crypto ipsec profile` section too');
    c.children.push({ name, at: c.at });
    return c;
  }
  unknownChildren(profile, ['set', 'description', 'responder-only'], problems);
  const v2 = child(profile, 'set', 'ikev2-profile');
  if (v2) readIkev2(s, c, v2, problems);
  else readIkev1(s, c, profile, problems);
  const ch = phase2(s, c, profile, problems);
  const any = normalizeSubnet('0.0.0.0/0')!;
  ch.localSubnets = readSetting([any], `${prot.cmd.raw} (a VTI protects any ↔ any)`, at(prot));
  ch.remoteSubnets = readSetting([any], `${prot.cmd.raw} (a VTI protects any ↔ any)`, at(prot));
  c.children.push(ch);
  return c;
}

/** Every connection of the indexed configuration, crypto map entries first. */
export function readCisco(s: CiscoSections, problems: Problem[]): DeviceConnection[] {
  // The global phase-1 sections are checked even when no connection uses them.
  const first = s.isakmpPolicies[0]?.node ?? [...s.ikev2Proposals.values()][0];
  if (first) {
    readIsakmpPolicies(s, problems, at(first));
    readIkev2Proposals(s, problems, at(first));
  }
  const out = s.maps.map((m) => mapEntry(s, m, problems));
  for (const [name, t] of s.interfaces) {
    const prot = child(t, 'tunnel', 'protection', 'ipsec', 'profile');
    if (prot) out.push(tunnel(s, name, t, prot, problems));
  }
  return out;
}
