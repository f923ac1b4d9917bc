// Libreswan's documented defaults. Sources: ipsec.conf(5) of Libreswan (`ikelifetime` 8h,
// `salifetime` 8h, `pfs=yes`, `encapsulation=auto`, `aggrmode=no`, DPD off without `dpddelay`,
// `ikev2=yes` since 4.0) and lib/libswan ike_info.c / esp_info.c (the default proposal lists with
// FIPS off: IKEv2 AES-GCM-256/128, CHACHA20, AES-CBC-256/128 with SHA2-512/256 and the groups
// ECP-256/384/521, X25519, MODP-4096/3072/2048/8192; IKEv1 AES/3DES with SHA2-256/512, SHA1 and
// MODP-2048/1536, ECP-256, X25519; ESP the same ciphers with SHA2-512/256, or for IKEv1 SHA1 too).
import type { DeviceProposal } from '../../../src/check/device-model.js';
import { dashProposal } from '../common/proposals.js';

export const LIBRESWAN_IKE_LIFETIME = 8 * 3600;
export const LIBRESWAN_SA_LIFETIME = 8 * 3600;

const V2_GROUPS = 'dh19+dh20+dh21+dh31+modp4096+modp3072+modp2048+modp8192';
export const LIBRESWAN_IKEV2_DEFAULT = ['aes_gcm256', 'aes_gcm128', 'chacha20poly1305', 'aes256', 'aes128'].map((e) => `${e}-sha2_512+sha2_256-${V2_GROUPS}`);
export const LIBRESWAN_IKEV1_DEFAULT = ['aes128', '3des'].map((e) => `${e}-sha2_256+sha2_512+sha1-modp2048+modp1536+dh19+dh31`);
export const LIBRESWAN_ESPV2_DEFAULT = ['aes_gcm256', 'aes_gcm128', 'chacha20poly1305', 'aes256-sha2_512+sha2_256', 'aes128-sha2_512+sha2_256'];
export const LIBRESWAN_ESPV1_DEFAULT = ['aes128-sha1+sha2_512+sha2_256', 'aes_gcm128', 'aes_gcm256', '3des-sha1+sha2_512+sha2_256'];

export const libreswanIkeDefault = (v1: boolean): DeviceProposal[] => (v1 ? LIBRESWAN_IKEV1_DEFAULT : LIBRESWAN_IKEV2_DEFAULT).map(dashProposal);
export const libreswanEspDefault = (v1: boolean): DeviceProposal[] => (v1 ? LIBRESWAN_ESPV1_DEFAULT : LIBRESWAN_ESPV2_DEFAULT).map(dashProposal);
