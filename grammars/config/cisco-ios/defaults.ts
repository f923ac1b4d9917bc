// Cisco IOS 15.x / IOS-XE defaults where a running-config sets nothing, from Cisco's Security
// Command Reference and configuration guides (facts only):
// - `crypto isakmp policy`: an unset field takes encryption DES, hash SHA-1, authentication
//   rsa-sig, group 1 (768-bit), lifetime 86400 s.
// - with no user ISAKMP policy at all, IOS 12.4(20)T and later offer its default policies
//   65507–65514; the pre-shared-key ones are AES-128/SHA/group 5, AES-128/MD5/group 5,
//   3DES/SHA/group 2, 3DES/MD5/group 2 (`show crypto isakmp default policy`).
// - IKEv2 smart defaults (IOS 15.x): with no user `crypto ikev2 policy`, the default policy offers
//   the default proposal: AES-CBC-256/192/128, SHA-512/384/256/SHA-1/MD5, groups 5 and 2; an IKEv2
//   profile's SA lifetime is 86400 s; DPD is off unless configured.
// - IPsec SA lifetime 3600 s (`crypto ipsec security-association lifetime seconds`); PFS off unless
//   `set pfs`, and `set pfs` without a group means group 1; a map or profile with no transform set
//   uses the default transform sets esp-aes esp-sha-hmac and esp-3des esp-sha-hmac (IOS 15.2+).
// - ISAKMP keepalives (DPD) off unless `crypto isakmp keepalive`; NAT-T on (IOS 12.2(13)T+) unless
//   `no crypto ipsec nat-transparency udp-encapsulation`; ISAKMP identity `address`.
export const ISAKMP_FIELD_DEFAULTS = { encr: 'des', hash: 'sha', group: '1', lifetime: 86400, authentication: 'rsa-sig' } as const;
export const ISAKMP_DEFAULT_POLICIES = [
  { raw: '65508: aes sha pre-share group 5', encr: 'aes', hash: 'sha', group: '5' },
  { raw: '65510: aes md5 pre-share group 5', encr: 'aes', hash: 'md5', group: '5' },
  { raw: '65512: 3des sha pre-share group 2', encr: '3des', hash: 'sha', group: '2' },
  { raw: '65514: 3des md5 pre-share group 2', encr: '3des', hash: 'md5', group: '2' },
] as const;
export const IKEV2_DEFAULT_PROPOSAL = { enc: ['aes-cbc-256', 'aes-cbc-192', 'aes-cbc-128'], integ: ['sha512', 'sha384', 'sha256', 'sha1', 'md5'], groups: ['5', '2'] } as const;
export const IKEV2_LIFETIME = 86400;
export const ISAKMP_LIFETIME = 86400;
export const IPSEC_LIFETIME = 3600;
export const DEFAULT_TRANSFORM_SETS = [['esp-aes', 'esp-sha-hmac'], ['esp-3des', 'esp-sha-hmac']] as const;
