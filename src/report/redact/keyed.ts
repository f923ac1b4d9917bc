// The keyed hash behind every pseudonym: HMAC-SHA256 over a label, so the same input and key
// always give the same pseudonym and nobody without the key can reverse a small input space
// (an IPv4 address has only 2^32 values).

import { createHmac } from 'node:crypto';

export class Keyed {
  constructor(private readonly key: string | Buffer) {}

  bytes(label: string): Buffer {
    return createHmac('sha256', this.key).update(label).digest();
  }

  /** Unsigned 32-bit integer. */
  int(label: string): number {
    return this.bytes(label).readUInt32BE(0);
  }

  /** `length` lower-case hex digits (up to 64). */
  hex(label: string, length: number): string {
    return this.bytes(label).toString('hex').slice(0, length);
  }

  /** `length` characters of [0-9a-z]. */
  alnum(label: string, length: number): string {
    const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
    let out = '';
    for (let round = 0; out.length < length; round++) {
      for (const byte of this.bytes(`${label}|${round}`)) {
        if (out.length >= length) break;
        if (byte < 252) out += alphabet[byte % 36];
      }
    }
    return out;
  }
}
