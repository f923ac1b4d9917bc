// FortiOS defaults of `config vpn ipsec phase1-interface` / `phase2-interface` (FortiOS 7.x CLI
// reference: `ike-version 1`, `mode main`, `keylife 86400`, `dhgrp 14 5` in both phases, `dpd
// on-demand`, `nattraversal enable`; phase 2 `pfs enable`, `keylifeseconds 43200`,
// `src-subnet`/`dst-subnet 0.0.0.0 0.0.0.0`). The default proposals are those of FortiOS 7.0–7.4:
// phase 1 `aes128-sha256 aes256-sha256 aes128-sha1 aes256-sha1`, phase 2 the same four plus
// `aes128gcm aes256gcm chacha20poly1305` (older releases differ; the raw text says which was assumed).
export const FORTI_P1_PROPOSAL = ['aes128-sha256', 'aes256-sha256', 'aes128-sha1', 'aes256-sha1'];
export const FORTI_P2_PROPOSAL = ['aes128-sha1', 'aes256-sha1', 'aes128-sha256', 'aes256-sha256', 'aes128gcm', 'aes256gcm', 'chacha20poly1305'];
export const FORTI_DHGRP = ['14', '5'];
export const FORTI_KEYLIFE = 86400;
export const FORTI_KEYLIFESECONDS = 43200;
