// strongSwan's documented defaults, shared by swanctl.conf and the legacy ipsec.conf starter
// (both hand charon the same `default` proposals). Sources: swanctl.conf(5) (`version [0]`,
// `rekey_time [4h]`, children `rekey_time [1h]`, `dpd_delay [0s]`, `aggressive [no]`); ipsec.conf(5)
// and starter/confread.c (`ikelifetime` 3h, `lifetime` 1h, `dpddelay` 30s with `dpdaction=none`,
// `keyexchange=ike` → IKEv2); libstrongswan proposal.c (`proposal_create_default`, with the
// default crypto plugins: AEAD first for ESP, classic first for IKE). 3DES, SHA-1 and MODP-2048 are
// in the IKE default as the weakest still offered.
import type { DeviceProposal } from '../../../src/check/device-model.js';
import { dashProposal } from '../common/proposals.js';

const IKE_GROUPS = 'ecp256-ecp384-ecp521-curve25519-curve448-modp3072-modp4096-modp6144-modp8192-modp2048';
export const STRONGSWAN_IKE_DEFAULT = [`aes128-aes192-aes256-3des-sha256-sha384-sha512-aesxcbc-sha1-${IKE_GROUPS}`, `aes128gcm16-aes192gcm16-aes256gcm16-chacha20poly1305-prfsha256-prfsha384-prfsha512-prfsha1-${IKE_GROUPS}`];
export const STRONGSWAN_ESP_DEFAULT = ['aes128gcm16-aes192gcm16-aes256gcm16', 'aes128-aes192-aes256-sha256-sha384-sha512-sha1-aesxcbc'];

export const strongswanIkeDefault = (): DeviceProposal[] => STRONGSWAN_IKE_DEFAULT.map(dashProposal);
export const strongswanEspDefault = (): DeviceProposal[] => STRONGSWAN_ESP_DEFAULT.map(dashProposal);

/** swanctl.conf: IKE SA `rekey_time` 4h; CHILD SA `rekey_time` 1h. */
export const SWANCTL_IKE_REKEY = 4 * 3600;
export const SWANCTL_CHILD_REKEY = 3600;
/** ipsec.conf (starter): `ikelifetime` 3h, `lifetime` 1h, `dpddelay` 30s. */
export const STARTER_IKE_LIFETIME = 3 * 3600;
export const STARTER_CHILD_LIFETIME = 3600;
