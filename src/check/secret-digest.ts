// Owns the digest of a pre-shared key. The device side and the cloud side both keep only this
// digest, so two keys compare equal within one run without the text being kept anywhere. The HMAC
// key is random per process: a digest means nothing outside the run that made it (no offline guess).
import { createHmac, randomBytes } from 'node:crypto';

const KEY = randomBytes(32);

/** HMAC-SHA256 of `text` under this process's random key, hex. */
export function digestSecret(text: string): string {
  return createHmac('sha256', KEY).update(text, 'utf8').digest('hex');
}
