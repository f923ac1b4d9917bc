// Owns what the fix writer needs beyond DeviceConnection: which sections a connection was read
// from (its peer or profile, proposals, ACL, keychain). The reader records them by the
// connection's name and opening line, so a copy of the connection still finds them.
import type { DeviceConnection } from '../../../src/check/device-model.js';
import type { HwNode } from './parser.js';

export type HwFlavour = 'vrp' | 'h3c';

export interface HwRefs {
  flavour: HwFlavour;
  /** Comware: the policy names an `ikev2-profile` (IKEv2 sections); VRP: the peer runs IKEv2. */
  v2: boolean;
  /** The `ipsec policy … isakmp` or `ipsec profile` section. */
  policy: HwNode;
  /** VRP `ike peer`, Comware `ike profile` / `ikev2 profile`: the head text when the section is missing. */
  peer?: HwNode;
  peerHead?: string;
  /** The proposal the peer or profile names first (edited by an ikeProposal change). */
  ikeProposal?: HwNode;
  /** The proposal the IKE lifetime was read from (the named one, else the first configured). */
  lifeProposal?: HwNode;
  /** The ESP proposal / transform set the policy names first. */
  espProposal?: HwNode;
  acl?: HwNode;
  /** Comware `ike keychain` / `ikev2 keychain` and, for IKEv2, its `peer` sub-section. */
  keychain?: HwNode;
  keychainPeer?: HwNode;
  /** The peer's address (a Comware keychain names the key by it). */
  remote?: string;
}

const registry = new Map<string, HwRefs>();
const keyOf = (c: Pick<DeviceConnection, 'name' | 'at'>): string => `${c.at.file}\u0000${c.at.line}\u0000${c.name}`;

export function recordRefs(c: DeviceConnection, r: HwRefs): void {
  registry.set(keyOf(c), r);
}

export function refsOf(c: DeviceConnection): HwRefs | undefined {
  return registry.get(keyOf(c));
}

/** A section's head as a block path element (`ike proposal 10`). */
export const headText = (n: HwNode): string => n.head.words.join(' ');
