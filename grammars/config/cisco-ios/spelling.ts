// How Cisco IOS writes an Alibaba algorithm value: the ISAKMP policy words come from the one
// spelling table (src/vocabulary/spellings.ts, `cisco`); the IKEv2 proposal and ESP transform
// keywords are this dialect's own command syntax, kept here.
import { deviceSpelling } from '../../../src/vocabulary/spellings.js';

/** `crypto ikev2 proposal` / ` encryption …`. */
export const IKEV2_ENC: Readonly<Record<string, string>> = { aes: 'aes-cbc-128', aes192: 'aes-cbc-192', aes256: 'aes-cbc-256', '3des': '3des', des: 'des' };
/** ESP transforms of `crypto ipsec transform-set`. */
export const ESP_ENC: Readonly<Record<string, string>> = { aes: 'esp-aes', aes192: 'esp-aes 192', aes256: 'esp-aes 256', '3des': 'esp-3des', des: 'esp-des' };
export const ESP_HASH: Readonly<Record<string, string>> = { md5: 'esp-md5-hmac', sha1: 'esp-sha-hmac', sha256: 'esp-sha256-hmac', sha384: 'esp-sha384-hmac', sha512: 'esp-sha512-hmac' };

/** The ISAKMP-policy spelling of an Alibaba value (the one spelling table), or undefined. */
export function ciscoSpelling(kind: 'enc' | 'hash' | 'dh', value: string): string | undefined {
  return deviceSpelling('cisco', kind, value);
}
/** The group number of an Alibaba DH value (`group14` → `14`). */
export const groupNumber = (dh: string): string | undefined => ciscoSpelling('dh', dh)?.replace(/^group/, '');
