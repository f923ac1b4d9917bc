// Keeps the AccessKey secret, the STS token and any other credential material out of every string
// that leaves the Alibaba Cloud source: error messages, problems, --verbose traces. The SDK embeds
// request URLs (which carry `SecurityToken` in the v2 form) in its network errors, and a server's
// `SignatureDoesNotMatch` message may echo the string it signed, so everything is scrubbed.

/** The percent-encoding both signature forms use (RFC 3986, `*` `!` `'` `(` `)` encoded too). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/!/g, '%21')
    .replace(/'/g, '%27')
    .replace(/\(/g, '%28')
    .replace(/\)/g, '%29')
    .replace(/\*/g, '%2A');
}

const MASK = '***';
// Query/header forms that carry credential material whatever its value.
const PATTERNS: RegExp[] = [
  /(SecurityToken=)[^&\s"']+/gi,
  /(SecurityToken%3D)[^&\s"']+/gi,
  /(x-acs-security-token["']?\s*[:=]\s*["']?)[^\s"',}]+/gi,
  /(AccessKeySecret["']?\s*[:=]\s*["']?)[^\s"',}]+/gi,
  /(\bPsk["']?\s*[:=]\s*["']?)[^\s"',}]+/gi,
  /(Signature=)[^&\s"']+/g,
];

/** A registry of secret values plus the masking function that removes them from text. */
export class SecretScrubber {
  private readonly variants = new Set<string>();

  /** Registers a secret; short values are ignored so that masking never mangles ordinary words. */
  add(secret: string | undefined | null): void {
    if (!secret || secret.length < 6) return;
    const once = percentEncode(secret);
    for (const v of [secret, once, percentEncode(once), encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]) {
      this.variants.add(v);
    }
  }

  get size(): number {
    return this.variants.size;
  }

  scrub(text: string): string {
    let out = text;
    // Longest first, so that an encoded form is not half-masked by its raw prefix.
    for (const v of [...this.variants].sort((a, b) => b.length - a.length)) {
      if (out.includes(v)) out = out.split(v).join(MASK);
    }
    for (const re of PATTERNS) out = out.replace(re, `$1${MASK}`);
    return out;
  }
}

/** Keys whose values are secrets in API responses (the IPsec pre-shared key, the BGP auth key). */
const SECRET_KEYS = new Set(['psk', 'authkey']);

/** A deep copy of a response body without pre-shared keys or BGP auth keys. */
export function stripSecrets<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => stripSecrets(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (SECRET_KEYS.has(k.toLowerCase())) continue;
      out[k] = stripSecrets(v);
    }
    return out as T;
  }
  return value;
}
