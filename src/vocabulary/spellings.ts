// The reverse of the algorithm table (algorithms.ts): an Alibaba value → how each device dialect
// writes it in a configuration line. Only the device-fix writers (grammars/config/*/edits.ts) read
// it; the tests check that classifyAlg reads every spelling back to the value it stands for.
import type { AlgKind } from './algorithms.js';

/** Spelling families: strongSwan (swanctl.conf and ipsec.conf), Libreswan, FortiOS, Huawei VRP, H3C Comware, Cisco IOS (ISAKMP policy words; its ESP transform and IKEv2 proposal words are the dialect's syntax, grammars/config/cisco-ios/spelling.ts). */
export type SpellingDialect = 'strongswan' | 'libreswan' | 'fortios' | 'huawei' | 'h3c' | 'cisco';
export type SpelledKind = Extract<AlgKind, 'enc' | 'hash' | 'dh'>;

/** The Alibaba values of each kind that a fix may have to write. */
export const ALIBABA_ALGORITHMS: Readonly<Record<SpelledKind, readonly string[]>> = {
  enc: ['aes', 'aes192', 'aes256', '3des', 'des', 'sm4'],
  hash: ['md5', 'sha1', 'sha256', 'sha384', 'sha512', 'sm3'],
  dh: ['group1', 'group2', 'group5', 'group14', 'group15', 'group16', 'group17', 'group18', 'group19', 'group20', 'group21', 'group25', 'group26', 'group31', 'group32'],
};

/** `aes` is AES-128 on Alibaba; the daemons want the key length written. */
const ENC: Readonly<Record<string, string>> = { aes: 'aes128', aes192: 'aes192', aes256: 'aes256', '3des': '3des', des: 'des', sm4: 'sm4' };
const HASH: Readonly<Record<string, string>> = { md5: 'md5', sha1: 'sha1', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512', sm3: 'sm3' };
const HASH_LIBRESWAN: Readonly<Record<string, string>> = { ...HASH, sha256: 'sha2_256', sha384: 'sha2_384', sha512: 'sha2_512' };
const DH_STRONGSWAN: Readonly<Record<string, string>> = {
  group1: 'modp768',
  group2: 'modp1024',
  group5: 'modp1536',
  group14: 'modp2048',
  group15: 'modp3072',
  group16: 'modp4096',
  group17: 'modp6144',
  group18: 'modp8192',
  group19: 'ecp256',
  group20: 'ecp384',
  group21: 'ecp521',
  group25: 'ecp192',
  group26: 'ecp224',
  group31: 'curve25519',
  group32: 'curve448',
};
/** Libreswan names the elliptic groups by number (`dh19`), the MODP ones by size. */
const DH_LIBRESWAN: Readonly<Record<string, string>> = { ...DH_STRONGSWAN, group19: 'dh19', group20: 'dh20', group21: 'dh21', group31: 'dh31' };
/** FortiOS `set dhgrp` takes the IANA number; only groups the table reads back by number are listed. */
const DH_FORTIOS: Readonly<Record<string, string>> = { group1: '1', group2: '2', group5: '5', group14: '14', group15: '15', group16: '16', group19: '19', group20: '20', group21: '21', group31: '31' };

/** Huawei VRP `ike proposal` / `ipsec proposal` (`aes-256`, `sha2-256`, `group14`). */
const DH_HUAWEI: Readonly<Record<string, string>> = { group1: 'group1', group2: 'group2', group5: 'group5', group14: 'group14', group15: 'group15', group16: 'group16', group19: 'group19', group20: 'group20', group21: 'group21' };
const HUAWEI = {
  enc: { aes: 'aes-128', aes192: 'aes-192', aes256: 'aes-256', '3des': '3des', des: 'des', sm4: 'sm4' },
  hash: { md5: 'md5', sha1: 'sha1', sha256: 'sha2-256', sha384: 'sha2-384', sha512: 'sha2-512', sm3: 'sm3' },
  dh: DH_HUAWEI,
};
/** H3C Comware `ike proposal` / `ipsec transform-set` (`aes-cbc-256`, `sha256`, `group14`). */
const H3C = {
  enc: { aes: 'aes-cbc-128', aes192: 'aes-cbc-192', aes256: 'aes-cbc-256', '3des': '3des-cbc', des: 'des-cbc', sm4: 'sm4-cbc' },
  hash: HASH,
  dh: DH_HUAWEI,
};

/** Cisco IOS `crypto isakmp policy` words (`encr aes 256`, `hash sha`, `set pfs group14`). */
const CISCO = {
  enc: { aes: 'aes', aes192: 'aes 192', aes256: 'aes 256', '3des': '3des', des: 'des' },
  hash: { md5: 'md5', sha1: 'sha', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512' },
  dh: DH_HUAWEI,
};

const TABLES: Readonly<Record<SpellingDialect, Readonly<Record<SpelledKind, Readonly<Record<string, string>>>>>> = {
  strongswan: { enc: ENC, hash: HASH, dh: DH_STRONGSWAN },
  libreswan: { enc: ENC, hash: HASH_LIBRESWAN, dh: DH_LIBRESWAN },
  fortios: { enc: ENC, hash: HASH, dh: DH_FORTIOS },
  huawei: HUAWEI,
  h3c: H3C,
  cisco: CISCO,
};

/** How `dialect` writes the Alibaba value `value` of `kind`; undefined when it has no spelling the table reads back. */
export function deviceSpelling(dialect: SpellingDialect, kind: SpelledKind, value: string): string | undefined {
  return TABLES[dialect][kind][value.toLowerCase()];
}

/** FortiOS writes a DH group as a bare number; the algorithm table reads it with a `dh` prefix. */
export function fortiosGroupToken(spelling: string): string {
  return `dh${spelling}`;
}
