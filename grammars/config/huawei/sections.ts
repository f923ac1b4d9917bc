// Owns the index of the IPsec sections of a VRP / Comware configuration: the named sections a
// policy refers to (IKE proposals, peers, profiles, keychains, IPsec proposals, transform sets,
// ACLs), the policies and tunnel interfaces that each make a connection, and the global SA
// lifetime. Every other section is left out quietly.
import { child, type HwNode } from './parser.js';
import type { HwLine } from './tokens.js';

export interface HwSections {
  ikeProposals: Map<string, HwNode>;
  ikev2Proposals: Map<string, HwNode>;
  ikev2Policies: HwNode[];
  peers: Map<string, HwNode>;
  ikeProfiles: Map<string, HwNode>;
  ikev2Profiles: Map<string, HwNode>;
  keychains: Map<string, HwNode>;
  ikev2Keychains: Map<string, HwNode>;
  ipsecProposals: Map<string, HwNode>;
  transformSets: Map<string, HwNode>;
  /** `ipsec policy POL 10 isakmp` entries, in order. */
  policies: HwNode[];
  /** `ipsec profile PR` (route-based, applied to a tunnel interface). */
  profiles: Map<string, HwNode>;
  /** ACLs by number and by name. */
  acls: Map<string, HwNode>;
  interfaces: HwNode[];
  /** `ipsec sa global-duration time-based N`. */
  globalLife?: HwLine;
}

export function emptySections(): HwSections {
  return { ikeProposals: new Map(), ikev2Proposals: new Map(), ikev2Policies: [], peers: new Map(), ikeProfiles: new Map(), ikev2Profiles: new Map(), keychains: new Map(), ikev2Keychains: new Map(), ipsecProposals: new Map(), transformSets: new Map(), policies: [], profiles: new Map(), acls: new Map(), interfaces: [] };
}

/** Adds the sections among `roots` to `into` (files read in order; a later definition wins). */
export function indexSections(roots: HwNode[], into: HwSections): HwSections {
  for (const n of roots) {
    const w = n.head.lower;
    const name = n.head.words[2];
    const key = `${w[0]} ${w[1] ?? ''}`;
    if (key === 'ike proposal' && name) into.ikeProposals.set(name, n);
    else if (key === 'ikev2 proposal' && name) into.ikev2Proposals.set(name, n);
    else if (key === 'ikev2 policy') into.ikev2Policies.push(n);
    else if (key === 'ike peer' && name) into.peers.set(name, n);
    else if (key === 'ike profile' && name) into.ikeProfiles.set(name, n);
    else if (key === 'ikev2 profile' && name) into.ikev2Profiles.set(name, n);
    else if (key === 'ike keychain' && name) into.keychains.set(name, n);
    else if (key === 'ikev2 keychain' && name) into.ikev2Keychains.set(name, n);
    else if (key === 'ipsec proposal' && name) into.ipsecProposals.set(name, n);
    else if (key === 'ipsec transform-set' && name) into.transformSets.set(name, n);
    else if (key === 'ipsec policy' && name && /^\d+$/.test(w[3] ?? '') && (w[4] === undefined || w[4] === 'isakmp')) into.policies.push(n);
    else if (key === 'ipsec profile' && name) into.profiles.set(name, n);
    else if (w[0] === 'acl') indexAcl(n, into);
    else if (w[0] === 'interface' && n.head.words[1]) into.interfaces.push(n);
    else if (key === 'ipsec sa' && w[2] === 'global-duration' && w[3] === 'time-based') into.globalLife = n.head;
  }
  return into;
}

/** `acl 3000`, `acl number 3000`, `acl advanced 3000`, `acl name NAME [3000]`, `acl advanced name NAME`. */
function indexAcl(n: HwNode, into: HwSections): void {
  const w = n.head.words.slice(1);
  const ids: string[] = [];
  for (let i = 0; i < w.length; i++) {
    const x = w[i]!.toLowerCase();
    if (x === 'name' && w[i + 1]) ids.push(w[++i]!);
    else if (/^\d+$/.test(x)) ids.push(x);
  }
  for (const id of ids) into.acls.set(id, n);
}

/** The word after `prefix` in the last matching child (`ike-peer NAME` → NAME). */
export function ref(n: HwNode | undefined, prefix: string): { name: string; line: HwLine } | undefined {
  const l = child(n, prefix);
  const at = prefix.split(' ').length;
  return l?.words[at] ? { name: l.words[at]!, line: l } : undefined;
}
