// Owns the vendors' documented defaults the reader falls back on when a line is absent.
// Huawei VRP (AR V200R008 and later, USG6000E `ike proposal` / `ipsec proposal` command
// references): a created IKE proposal is pre-share, AES-256, SHA2-256 (IKEv2 integrity and PRF
// HMAC-SHA2-256), DH group14, 86400 s (AR V200R007 and earlier used group2 — the raw text says
// which was assumed); an IPsec proposal is ESP tunnel mode, AES-256 with SHA2-256; an IKE peer
// runs IKEv1 and IKEv2 (the initiator uses IKEv2), main mode, NAT traversal on, no DPD.
// H3C Comware 7 (IKE and IPsec configuration guides): an IKE proposal is pre-share, DES-CBC,
// HMAC-SHA1, DH group1, 86400 s (non-FIPS mode); an IKE profile uses main mode, DPD off, NAT
// traversal detected automatically; a transform set has no algorithm until one is configured.
// Both: IPsec SA lifetime `ipsec sa global-duration time-based 3600`, no PFS unless `pfs` is set.

export const VRP_IKE = { enc: 'aes-256', auth: 'sha2-256', dh: 'group14', life: 86400 } as const;
export const VRP_ESP = { enc: 'aes-256', auth: 'sha2-256' } as const;
export const H3C_IKE = { enc: 'des-cbc', auth: 'sha', dh: 'group1', life: 86400 } as const;
export const IPSEC_LIFE = 3600;

export const VRP = 'Huawei VRP default';
export const H3C = 'H3C Comware default';

/** The proposal number a fix creates when the peer names none (VRP accepts 1–99). */
export const NEW_PROPOSAL = '99';
