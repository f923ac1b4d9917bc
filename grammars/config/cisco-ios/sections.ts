// Owns the index of the crypto sections of a running-config (all files read as one
// configuration): ISAKMP policies, keys and profiles, IKEv2 proposals/policies/keyrings/profiles,
// transform sets, IPsec profiles, crypto maps, access lists, interfaces and the few global lines
// the reader needs. Every other top-level section is skipped quietly.
import type { Problem } from '../../../src/types.js';
import { CONFIG_CODES, configProblem } from '../common/problems.js';
import { lw, startsWith, type CiscoNode } from './parser.js';

export interface CiscoSections {
  isakmpPolicies: { prio: number; node: CiscoNode }[];
  isakmpKeys: CiscoNode[];
  keyrings: Map<string, CiscoNode>;
  isakmpProfiles: Map<string, CiscoNode>;
  isakmpPeers: Map<string, CiscoNode>;
  globals: Map<string, CiscoNode>;
  transformSets: Map<string, CiscoNode>;
  ipsecProfiles: Map<string, CiscoNode>;
  ikev2Proposals: Map<string, CiscoNode>;
  ikev2Policies: CiscoNode[];
  ikev2Keyrings: Map<string, CiscoNode>;
  ikev2Profiles: Map<string, CiscoNode>;
  maps: CiscoNode[];
  /** ACL name or number → its header (named) and its permit/deny lines. */
  acls: Map<string, { head?: CiscoNode; entries: CiscoNode[] }>;
  interfaces: Map<string, CiscoNode>;
}

/** Global one-line settings, by the key the reader asks for. */
const GLOBAL_KEYS: readonly [string, string[]][] = [
  ['keepalive', ['crypto', 'isakmp', 'keepalive']],
  ['identity', ['crypto', 'isakmp', 'identity']],
  ['aggressive-off', ['crypto', 'isakmp', 'aggressive-mode', 'disable']],
  ['natt-off', ['no', 'crypto', 'ipsec', 'nat-transparency', 'udp-encapsulation']],
  ['natt-on', ['crypto', 'ipsec', 'nat-transparency', 'udp-encapsulation']],
  ['sa-lifetime', ['crypto', 'ipsec', 'security-association', 'lifetime', 'seconds']],
  ['ikev2-dpd', ['crypto', 'ikev2', 'dpd']],
  ['hostname', ['hostname']],
  ['domain', ['ip', 'domain', 'name']],
  ['domain-name', ['ip', 'domain-name']],
];

export function emptySections(): CiscoSections {
  return { isakmpPolicies: [], isakmpKeys: [], keyrings: new Map(), isakmpProfiles: new Map(), isakmpPeers: new Map(), globals: new Map(), transformSets: new Map(), ipsecProfiles: new Map(), ikev2Proposals: new Map(), ikev2Policies: [], ikev2Keyrings: new Map(), ikev2Profiles: new Map(), maps: [], acls: new Map(), interfaces: new Map() };
}

function acl(s: CiscoSections, name: string): { head?: CiscoNode; entries: CiscoNode[] } {
  let a = s.acls.get(name);
  if (!a) s.acls.set(name, (a = { entries: [] }));
  return a;
}

/** Files the top-level nodes of one file into `s`; a crypto line missing its name is a located problem. */
export function indexSections(roots: CiscoNode[], s: CiscoSections, problems: Problem[]): void {
  for (const n of roots) {
    const w = lw(n);
    const word = n.cmd.words;
    const missing = (what: string): void => {
      problems.push(configProblem(n.cmd.file, n.cmd.line, CONFIG_CODES.syntax, `the \`${w.slice(0, 3).join(' ')}\` line has no ${what} and was ignored`, 'Give the line as `show running-config` prints it'));
    };
    const named = (map: Map<string, CiscoNode>, idx: number): void => {
      if (word[idx]) map.set(word[idx]!, n);
      else missing('name');
    };
    if (startsWith(n, 'crypto', 'isakmp', 'policy')) {
      const prio = Number(w[3]);
      if (Number.isInteger(prio) && prio > 0) s.isakmpPolicies.push({ prio, node: n });
      else missing('priority number');
    } else if (startsWith(n, 'crypto', 'isakmp', 'key')) s.isakmpKeys.push(n);
    else if (startsWith(n, 'crypto', 'keyring')) named(s.keyrings, 2);
    else if (startsWith(n, 'crypto', 'isakmp', 'profile')) named(s.isakmpProfiles, 3);
    else if (startsWith(n, 'crypto', 'isakmp', 'peer', 'address')) named(s.isakmpPeers, 4);
    else if (startsWith(n, 'crypto', 'ipsec', 'transform-set')) named(s.transformSets, 3);
    else if (startsWith(n, 'crypto', 'ipsec', 'profile')) named(s.ipsecProfiles, 3);
    else if (startsWith(n, 'crypto', 'ikev2', 'proposal')) named(s.ikev2Proposals, 3);
    else if (startsWith(n, 'crypto', 'ikev2', 'policy')) s.ikev2Policies.push(n);
    else if (startsWith(n, 'crypto', 'ikev2', 'keyring')) named(s.ikev2Keyrings, 3);
    else if (startsWith(n, 'crypto', 'ikev2', 'profile')) named(s.ikev2Profiles, 3);
    else if (startsWith(n, 'crypto', 'map')) {
      // Only ISAKMP entries are connections; `local-address`, dynamic and manual entries are not.
      if (w[4] === 'ipsec-isakmp' && w[5] !== 'dynamic') s.maps.push(n);
      else if (w.length < 4) missing('sequence number');
    } else if (startsWith(n, 'access-list') && word[1]) acl(s, word[1]).entries.push(n);
    else if (startsWith(n, 'ip', 'access-list', 'extended') && word[3]) acl(s, word[3]).head = n;
    else if (startsWith(n, 'interface') && word[1]) s.interfaces.set(word.slice(1).join(''), n);
    else {
      for (const [key, words] of GLOBAL_KEYS) if (words.every((x, i) => w[i] === x)) s.globals.set(key, n);
    }
  }
  for (const a of s.acls.values()) if (a.head) a.entries.push(...a.head.children);
  s.isakmpPolicies.sort((a, b) => a.prio - b.prio);
}
