// Owns telling strongSwan's ipsec.conf (the legacy starter) from Libreswan's, which share the
// syntax: keys only one daemon reads, and Libreswan's proposal spelling (`sha2_256`, `;modp`),
// are counted; the larger count wins. No marker at all is strongSwan with a problem saying so.
import type { ConfigDialectId } from '../../../src/check/device-model.js';

const STRONGSWAN = /^\s+(?:keyexchange|charondebug|forceencaps|aggressive|mobike|leftauth|rightauth|reauth|closeaction|keyingtries|leftfirewall|margintime|rekeyfuzz|eap_identity|leftsendcert|ikedscp)\s*=/gm;
const LIBRESWAN = /^\s+(?:ikev2|phase2alg|aggrmode|pfs|salifetime|encapsulation|protostack|plutodebug|virtual[_-]private|nat_traversal|logfile|leftrsasigkey|rightrsasigkey|ipsec-interface|phase2|nhelpers|leftsubnets|rightsubnets|dpdtimeout|ikepad|narrowing|sha2-truncbug)\s*=|sha2_\d+|;\s*(?:modp|dh)\d+/gm;

export interface Sniffed {
  dialect: Extract<ConfigDialectId, 'strongswan-ipsec-conf' | 'libreswan'>;
  /** True when nothing told the daemons apart. */
  guessed: boolean;
}

/** Which daemon an ipsec.conf text is for. */
export function sniffIpsecConfDialect(text: string): Sniffed {
  const s = text.match(STRONGSWAN)?.length ?? 0;
  const l = text.match(LIBRESWAN)?.length ?? 0;
  if (s === 0 && l === 0) return { dialect: 'strongswan-ipsec-conf', guessed: true };
  return { dialect: l > s ? 'libreswan' : 'strongswan-ipsec-conf', guessed: false };
}

/** An ipsec.conf: a `conn` or `config setup` header in column one. */
export function sniffIpsecConf(text: string): boolean {
  return /^(?:conn\s+\S+|config\s+setup)\s*$/m.test(text);
}

/** An ipsec.secrets: `selectors : PSK|RSA|… value` lines. */
export function sniffIpsecSecrets(text: string): boolean {
  return /^[^#\n=]*:\s*(?:PSK|RSA|ECDSA|EAP|XAUTH|P12|NTLM|PIN|BLISS|PKCS#?11)\b/m.test(text);
}
