// The one algorithm table of the project: any spelling of an algorithm — the device daemons'
// (`AES_CBC_256`, `HMAC_SHA2_256_128`, `PRF_HMAC_SHA2_256`, `MODP_2048`, `ECP_256`, `OAKLEY_SHA1`,
// `aes256`, `sha2_256`, `modp2048`, `dh14`, `AES_CBC (256)`; FortiGate's IANA transform names
// `AUTH_HMAC_SHA2_256_128`, `ESP_AES_CBC`) and the gateway's (`sha1`, `group14`,
// `19`) — → its transform kind and, when Alibaba has one, the Alibaba config value. The grammars'
// proposal parsing and the facts' normalisation (facts/normalize.ts) both read it.

/** Transform kinds. `hash` = an auth name without prefix/truncation (IKEv1 hash, config shorthand). */
export type AlgKind = 'enc' | 'integ' | 'hash' | 'prf' | 'dh' | 'esn' | 'none' | 'unknown';

export interface AlgInfo {
  kind: AlgKind;
  /** Alibaba value (`aes256`, `sha1`, `group14`, `disabled`); absent when Alibaba has none. */
  value?: string;
  /**
   * The one spelling of an algorithm Alibaba does not offer, whatever the daemon wrote
   * (`AES_GCM_16_256`, `aes_gcm256`, `aes256gcm` → `aes256gcm16`): what a diff shows for the device.
   */
  name?: string;
}

/** Upper-case alphanumerics only, `OAKLEY_` dropped: `AES_CBC (256)` → `AESCBC256`. */
export function canonicalAlg(token: string): string {
  return token
    .toUpperCase()
    .replace(/^OAKLEY_?/, '')
    .replace(/[^A-Z0-9]/g, '');
}

const ENC: Readonly<Record<string, string>> = {
  AES: 'aes',
  AESCBC: 'aes',
  AES128: 'aes',
  AESCBC128: 'aes',
  AES192: 'aes192',
  AESCBC192: 'aes192',
  AES256: 'aes256',
  AESCBC256: 'aes256',
  '3DES': '3des',
  '3DESCBC': '3des',
  DES3CBC: '3des',
  TRIPLEDES: '3des',
  DES: 'des',
  DESCBC: 'des',
  SM4: 'sm4',
  SM4CBC: 'sm4',
};

/** Auth families in match order (longer spellings first). */
const AUTH_FAMILY = /^(MD5|SHA1|SHA256|SHA384|SHA512|SHA2256|SHA2384|SHA2512|SHA2|SHA|SM3)(\d*)$/;
const AUTH_VALUE: Readonly<Record<string, string>> = {
  MD5: 'md5',
  SHA: 'sha1',
  SHA1: 'sha1',
  SHA2: 'sha256',
  SHA256: 'sha256',
  SHA2256: 'sha256',
  SHA384: 'sha384',
  SHA2384: 'sha384',
  SHA512: 'sha512',
  SHA2512: 'sha512',
  SM3: 'sm3',
};
/** Truncation suffixes that make an auth name an ESP/IKEv2 integrity transform. */
const TRUNCATION = new Set(['96', '128', '160', '192', '256']);

/** MODP bit sizes (and DH group numbers) Alibaba supports. */
/**
 * DH groups by their IANA number (`groupN`): Alibaba accepts group1/2/5/14; the others are named
 * the same way so a diff says which group the device uses (the fix is then on the device).
 */
const MODP_BITS: Readonly<Record<string, string>> = { '768': 'group1', '1024': 'group2', '1536': 'group5', '2048': 'group14', '3072': 'group15', '4096': 'group16', '6144': 'group17', '8192': 'group18' };
const ECP_BITS: Readonly<Record<string, string>> = { '256': 'group19', '384': 'group20', '521': 'group21', '192': 'group25', '224': 'group26' };
const DH_GROUP: Readonly<Record<string, string>> = { '1': 'group1', '2': 'group2', '5': 'group5', '14': 'group14', '15': 'group15', '16': 'group16', '19': 'group19', '20': 'group20', '21': 'group21', '31': 'group31' };

const ESN = new Set(['NOEXTSEQ', 'EXTSEQ', 'ESN', 'NOESN', 'ENABLED', 'DISABLED']);
const NONE = new Set(['NONE', 'NULL', 'DH0', 'MODPNONE']);

const ENC_LIKE = /^(AES|CAMELLIA|CHACHA|3DES|DES|BLOWFISH|CAST|SERPENT|TWOFISH|IDEA|SM4|ENCR|NULLAUTH)/;
const AES_MAC = /^(AESXCBC|AES128XCBC|AESCMAC|AESGMAC)/;
const INTEG_LIKE = /^(HMAC|INTEG|SHA|MD5|SM3)/;
const DH_LIKE = /^(MODP|ECP|CURVE|X25519|X448|DH|GROUP|BRAINPOOL|MLKEM|KE\d|NTRU|NEWHOPE|FRODO|KYBER)/;

/** ICV lengths in bits (strongSwan's `aes256gcm128`) → bytes. */
const ICV_BYTES: Readonly<Record<string, string>> = { '64': '8', '96': '12', '128': '16' };

/**
 * AEAD ciphers: AES-GCM as strongSwan (`AES_GCM_16_256`, `aes256gcm16`), Libreswan (`aes_gcm256`),
 * FortiGate (`aes256gcm`) and Cisco (`AES_GCM-256`) write it, named strongSwan's way (key bits,
 * ICV bytes; 128 and 16 when unsaid); ChaCha20-Poly1305.
 */
function aead(key: string): AlgInfo | undefined {
  let m = /^AESGCM(8|12|16)?(128|192|256)?$/.exec(key);
  if (m) return { kind: 'enc', name: `aes${m[2] ?? '128'}gcm${m[1] ?? '16'}` };
  m = /^AES(128|192|256)GCM(8|12|16|64|96|128)?$/.exec(key);
  if (m) return { kind: 'enc', name: `aes${m[1]!}gcm${ICV_BYTES[m[2] ?? ''] ?? m[2] ?? '16'}` };
  if (key === 'CHACHA20POLY1305') return { kind: 'enc', name: 'chacha20poly1305' };
  return undefined;
}

function auth(rest: string, prefixed: 'HMAC' | 'PRF' | ''): AlgInfo | undefined {
  const m = AUTH_FAMILY.exec(rest);
  if (!m) return undefined;
  const value = AUTH_VALUE[m[1]!];
  const trunc = m[2] ?? '';
  if (trunc !== '' && !TRUNCATION.has(trunc)) return undefined;
  if (prefixed === 'PRF') return { kind: 'prf', ...(value ? { value } : {}) };
  return { kind: trunc !== '' ? 'integ' : 'hash', ...(value ? { value } : {}) };
}

function dh(key: string): AlgInfo | undefined {
  let m = /^(?:GROUP)?MODP(\d+)$/.exec(key);
  if (m) return { kind: 'dh', ...(MODP_BITS[m[1]!] ? { value: MODP_BITS[m[1]!]! } : {}) };
  m = /^ECP(\d+)(?:BP)?$/.exec(key);
  if (m) return { kind: 'dh', ...(ECP_BITS[m[1]!] ? { value: ECP_BITS[m[1]!]! } : {}) };
  if (key === 'CURVE25519' || key === 'X25519') return { kind: 'dh', value: 'group31' };
  if (key === 'CURVE448' || key === 'X448') return { kind: 'dh', value: 'group32' };
  m = /^(?:DH|GROUP|DHGROUP)(\d+)$/.exec(key);
  if (m) return { kind: 'dh', ...(DH_GROUP[m[1]!] ? { value: DH_GROUP[m[1]!]! } : {}) };
  return DH_LIKE.test(key) ? { kind: 'dh' } : undefined;
}

/**
 * IKEv1 ESP transform ids (IANA "IPsec ESP Transform Identifiers", RFC 2407/4106/4309), for daemons
 * that log the number (racoon2: `invalid transform-id=20 in ESP.`). Names as classifyAlg reads them.
 */
const ESP_TRANSFORM_IDS: Readonly<Record<string, string>> = {
  '2': 'DES', '3': '3DES', '6': 'CAST', '7': 'BLOWFISH', '11': 'NULL', '12': 'AES_CBC', '13': 'AES_CTR',
  '14': 'AES_CCM_8', '15': 'AES_CCM_12', '16': 'AES_CCM_16', '18': 'AES_GCM_8', '19': 'AES_GCM_12', '20': 'AES_GCM_16',
  '21': 'NULL_AUTH_AES_GMAC', '22': 'CAMELLIA_CBC',
};

/** The name of an IKEv1 ESP transform id (`20` → `AES_GCM_16`), or the token itself. */
export function espTransformName(token: string): string {
  return ESP_TRANSFORM_IDS[token.trim()] ?? token;
}

/** Classifies one algorithm token. Unknown spellings keep a kind guessed from their prefix. */
export function classifyAlg(token: string): AlgInfo {
  let key = canonicalAlg(token);
  // IANA transform names as FortiGate prints them: `AUTH_HMAC_SHA2_256_128` (IKEv2 integrity),
  // `ESP_AES_CBC` / `ESP_3DES` (IKEv1 ESP transform ids). The prefix only names the registry.
  if (key.startsWith('AUTHHMAC') || key.startsWith('AUTHAES')) key = key.slice(4);
  else if (key.startsWith('ESP') && (ENC[key.slice(3)] || aead(key.slice(3)))) key = key.slice(3);
  if (key === '') return { kind: 'unknown' };
  const enc = ENC[key];
  if (enc) return { kind: 'enc', value: enc };
  const sealed = aead(key);
  if (sealed) return sealed;
  if (NONE.has(key)) return { kind: 'none' };
  if (ESN.has(key)) return { kind: 'esn' };
  if (key.startsWith('PRF')) {
    const rest = key.slice(3).replace(/^HMAC/, '');
    return auth(rest, 'PRF') ?? { kind: 'prf' };
  }
  if (key.startsWith('HMAC')) {
    const a = auth(key.slice(4), 'HMAC');
    if (a) return a;
  } else {
    const a = auth(key, '');
    if (a) return a;
  }
  const d = dh(key);
  if (d) return d;
  if (AES_MAC.test(key)) return { kind: 'integ' };
  if (ENC_LIKE.test(key)) return { kind: 'enc' };
  if (INTEG_LIKE.test(key)) return { kind: 'integ' };
  return { kind: 'unknown' };
}
