// The device side of `check`: what a device configuration (swanctl.conf, ipsec.conf, FortiOS
// `config vpn ipsec …`) says about each connection, already in Alibaba's vocabulary, with the
// line each value was read from. The configuration dialects (grammars/config/*) write it;
// src/check/ reads it. A pre-shared key is kept only as a digest (check/secret-digest.ts).
import type { Problem } from '../types.js';

/** Where a value was read: a configuration file and its 1-based line. */
export interface ConfigLocation {
  file: string;
  line: number;
}

/** One value a device configuration sets — or the daemon's default when it sets none. */
export interface DeviceSetting<T> {
  value: T;
  /** As written (`aes256-sha256-modp2048`, `set dhgrp 14 5`), or the default's description (`strongSwan default`). */
  raw: string;
  /** The line that set it; for a default, the line that opens the connection's block. */
  at: ConfigLocation;
  /** True when the configuration does not set it and the daemon's documented default applies. */
  defaulted?: boolean;
}

/** An algorithm in Alibaba's vocabulary (`aes256`, `sha1`, `group14`), or the device's own spelling when Alibaba has none (`aes256gcm16`, `ecp384`). */
export interface DeviceAlgorithm {
  value: string;
  alibaba: boolean;
}

/**
 * One proposal the device offers, in its preference order. A strongSwan proposal may list several
 * algorithms of each kind (any combination of them is acceptable); a FortiOS `set proposal` gives
 * one encryption-integrity pair per word, with the DH groups of `set dhgrp` shared by all.
 * `dh` empty in a phase-2 proposal means no PFS (`disabled`); `auth` empty means an AEAD cipher.
 */
export interface DeviceProposal {
  enc: DeviceAlgorithm[];
  auth: DeviceAlgorithm[];
  dh: DeviceAlgorithm[];
  raw: string;
}

/** A pre-shared key: a digest of its text (never the text), or a key the configuration stores encrypted. */
export type DeviceSecret = { kind: 'clear'; digest: string } | { kind: 'encrypted' } | { kind: 'none' };

/** A phase-2 (child SA / phase2-interface) of a device connection. Subnets are the device's own view. */
export interface DeviceChild {
  name: string;
  at: ConfigLocation;
  /** The device's own protected networks (= the cloud's RemoteSubnet). CIDRs, normalised (`10.0.0.0/8`). */
  localSubnets?: DeviceSetting<string[]>;
  /** The networks behind the cloud (= the cloud's LocalSubnet). */
  remoteSubnets?: DeviceSetting<string[]>;
  proposals?: DeviceSetting<DeviceProposal[]>;
  /** Seconds. */
  lifetime?: DeviceSetting<number>;
}

export type ConfigDialectId = 'swanctl' | 'strongswan-ipsec-conf' | 'libreswan' | 'fortios' | 'cisco-ios' | 'huawei';

/** One connection (swanctl `connections.<name>`, ipsec.conf `conn <name>`, FortiOS phase1-interface `edit "<name>"`). */
export interface DeviceConnection {
  dialect: ConfigDialectId;
  name: string;
  /** The file and line that open the connection's block. */
  at: ConfigLocation;
  /** The device's own address (swanctl local_addrs, ipsec.conf left, FortiOS interface when an address). */
  localAddress?: DeviceSetting<string>;
  /** The peer's address: the Alibaba VPN gateway's (tunnel) IP. Used to pair the connection with a cloud tunnel. */
  remoteAddress?: DeviceSetting<string>;
  ikeVersion?: DeviceSetting<'ikev1' | 'ikev2'>;
  ikeMode?: DeviceSetting<'main' | 'aggressive'>;
  ikeProposals?: DeviceSetting<DeviceProposal[]>;
  /** Seconds. */
  ikeLifetime?: DeviceSetting<number>;
  /** The identity the device sends (= the cloud's RemoteId). */
  localId?: DeviceSetting<string>;
  /** The identity the device expects from the cloud (= the cloud's LocalId). */
  remoteId?: DeviceSetting<string>;
  psk?: DeviceSetting<DeviceSecret>;
  dpd?: DeviceSetting<boolean>;
  natTraversal?: DeviceSetting<boolean>;
  children: DeviceChild[];
}

/** One configuration file handed to the dialects (the caller reads it; the dialects never touch the disk). */
export interface ConfigFile {
  name: string;
  text: string;
}

/** What the dialects make of the files given: connections, located problems, and the secret texts to scrub from every output. */
export interface DeviceConfigParse {
  connections: DeviceConnection[];
  problems: Problem[];
  /** Clear-text secrets seen (pre-shared keys): the report scrubs each of them; never rendered. */
  secrets: string[];
}

/**
 * A change that makes one device setting equal to the cloud's, in Alibaba's vocabulary. Proposal
 * changes carry the whole combination because the device writes it as one setting. The key of a
 * `psk` change is never given: the device line carries `placeholder` instead.
 */
export type DeviceChange =
  | { field: 'ikeProposal'; enc: string; auth: string; dh: string }
  | { field: 'childProposal'; child: string; enc: string; auth: string; pfs: string }
  | { field: 'ikeVersion'; value: 'ikev1' | 'ikev2' }
  | { field: 'ikeMode'; value: 'main' | 'aggressive' }
  | { field: 'ikeLifetime'; seconds: number }
  | { field: 'childLifetime'; child: string; seconds: number }
  | { field: 'localId' | 'remoteId'; value: string }
  | { field: 'psk'; placeholder: string }
  | { field: 'localSubnets' | 'remoteSubnets'; child: string; value: string[] }
  | { field: 'dpd' | 'natTraversal'; value: boolean };

/** One edit of a device configuration: set `key` to `value` inside a block, replacing the line that sets it today when there is one. */
export interface DeviceEdit {
  /** The block path as the dialect names it: `['connections', 'gw1', 'children', 'net']`, `['conn gw1']`, `['vpn ipsec phase1-interface', 'gw1']`. */
  block: string[];
  key: string;
  value: string;
  /** The line that sets `key` today (replaced by the edit); absent = the edit adds the setting. */
  replaces?: ConfigLocation;
}
