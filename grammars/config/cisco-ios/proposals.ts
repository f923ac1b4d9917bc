// Owns the reading of Cisco algorithm words into DeviceProposal through the one algorithm table:
// ISAKMP policy lines (`encr aes 256`, `hash sha`, `group 14`), IKEv2 proposal lines
// (`encryption aes-cbc-256 aes-cbc-128`, `integrity sha256`, `group 14 5`) and ESP transform
// sets (`esp-aes 256 esp-sha256-hmac`).
import type { DeviceAlgorithm, DeviceProposal } from '../../../src/check/device-model.js';
import { deviceAlgorithm, dhGroupNumber } from '../common/proposals.js';

/** `aes 256`, `aes`, `3des`, `des` (ISAKMP) → one algorithm; the key size is a separate word. */
export function isakmpEnc(words: string[]): DeviceAlgorithm {
  const [alg = '', bits] = words;
  return deviceAlgorithm(/^\d+$/.test(bits ?? '') ? `${alg}${bits}` : alg);
}

/** `sha` → sha1, `sha256`, `md5`. */
export const isakmpHash = (word: string): DeviceAlgorithm => deviceAlgorithm(word);

/** `14` → group14; `group14` (set pfs) as well. */
export const groupAlg = (word: string): DeviceAlgorithm => dhGroupNumber(word.replace(/^group/i, ''));

/** IKEv2 `aes-cbc-256` → aes256; `aes-gcm-256` stays as written (Alibaba has no GCM). */
export const ikev2Alg = (word: string): DeviceAlgorithm => deviceAlgorithm(word);

/** The ESP words of one transform set; null when a word is no ESP transform. */
export function espProposal(words: string[], raw: string): DeviceProposal | null {
  const p: DeviceProposal = { enc: [], auth: [], dh: [], raw };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.toLowerCase();
    const bits = /^\d+$/.test(words[i + 1] ?? '') ? words[++i]! : '';
    let m: RegExpExecArray | null;
    if ((m = /^esp-(aes|3des|des|gcm|gmac|seal|null)$/.exec(w))) {
      if (m[1] === 'null') continue;
      const name = m[1] === 'gcm' || m[1] === 'gmac' ? `aes-${m[1]}-${bits || '128'}` : `${m[1]}${bits}`;
      p.enc.push(deviceAlgorithm(name));
    } else if ((m = /^esp-(md5|sha|sha256|sha384|sha512)-hmac$/.exec(w))) p.auth.push(deviceAlgorithm(m[1]!));
    else if (/^(?:ah-|comp-)/.test(w)) continue; // AH and compression: nothing Alibaba configures
    else return null;
  }
  return p;
}
