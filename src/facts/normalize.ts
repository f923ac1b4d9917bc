// Daemon spellings → Alibaba `ModifyVpnConnectionAttribute` config values (kb §4, §5.4): `SHA` →
// `sha1`, `2048-bit MODP group` → `group14`, `AES-CBC`+256 → `aes256`. Unknown tokens pass through
// untouched so a reader still sees what the daemon said.

export type ParamFamily = 'auth' | 'enc' | 'dh' | 'pfs' | 'mode' | 'version' | 'lifetime' | 'protocol' | 'encap';

const AUTH: Record<string, string> = {
  md5: 'md5',
  'hmac-md5': 'md5',
  hmac_md5: 'md5',
  hmac_md5_96: 'md5',
  sha: 'sha1',
  sha1: 'sha1',
  'hmac-sha': 'sha1',
  'hmac-sha1': 'sha1',
  hmac_sha1: 'sha1',
  hmac_sha1_96: 'sha1',
  sha256: 'sha256',
  sha2_256: 'sha256',
  'sha2-256': 'sha256',
  'hmac-sha256': 'sha256',
  'hmac-sha2-256': 'sha256',
  hmac_sha2_256: 'sha256',
  hmac_sha2_256_128: 'sha256',
  prf_hmac_sha2_256: 'sha256',
  sha384: 'sha384',
  sha2_384: 'sha384',
  'hmac-sha384': 'sha384',
  hmac_sha2_384_192: 'sha384',
  sha512: 'sha512',
  sha2_512: 'sha512',
  'hmac-sha512': 'sha512',
  hmac_sha2_512_256: 'sha512',
  sm3: 'sm3',
};

const DH_BITS: Record<string, string> = { '768': 'group1', '1024': 'group2', '1536': 'group5', '2048': 'group14', '3072': 'group15', '4096': 'group16' };
const ECP_BITS: Record<string, string> = { '256': 'group19', '384': 'group20', '521': 'group21' };
const DH_NUM: Record<string, string> = { '1': 'group1', '2': 'group2', '5': 'group5', '14': 'group14', '15': 'group15', '16': 'group16', '19': 'group19', '20': 'group20', '21': 'group21' };

function normEnc(raw: string, keyLength?: string | number): string | undefined {
  const v = raw.toLowerCase().replace(/_/g, '-');
  const m = /^(aes|3des|des|sm4)(?:-cbc)?(?:-?(128|192|256))?$/.exec(v);
  if (!m) return undefined;
  const alg = m[1]!;
  if (alg !== 'aes') return alg;
  const len = String(m[2] ?? keyLength ?? '128');
  return len === '256' ? 'aes256' : len === '192' ? 'aes192' : 'aes';
}

function normDh(raw: string, family: 'dh' | 'pfs'): string | undefined {
  const v = raw.trim().toLowerCase();
  const bits = /(\d+)-bit modp/.exec(v) ?? /^modp_?(\d+)$/.exec(v);
  if (bits && DH_BITS[bits[1]!]) return DH_BITS[bits[1]!];
  const ecp = /^ecp_?(\d+)$/.exec(v) ?? /(\d+)-bit (?:random )?ecp/.exec(v);
  if (ecp && ECP_BITS[ecp[1]!]) return ECP_BITS[ecp[1]!];
  const num = /^(?:group|dh)?\s*(\d+)$/.exec(v);
  if (num) {
    if (num[1] === '0') return family === 'pfs' ? 'disabled' : undefined;
    return DH_NUM[num[1]!];
  }
  if (v === 'none' || v === 'disabled' || v === 'no pfs') return family === 'pfs' ? 'disabled' : undefined;
  if (v === 'enabled') return family === 'pfs' ? 'enabled (group not logged)' : undefined;
  return undefined;
}

/** Normalises one value of a parameter family; returns the input when it is not recognised. */
export function normalizeValue(family: ParamFamily, raw: string | undefined | null, extra?: { keyLength?: string | number }): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  const v = String(raw).trim();
  if (v === '') return undefined;
  const lower = v.toLowerCase();
  switch (family) {
    case 'auth':
      return AUTH[lower] ?? AUTH[lower.replace(/-/g, '_')] ?? v;
    case 'enc':
      return normEnc(v, extra?.keyLength) ?? v;
    case 'dh':
    case 'pfs':
      return normDh(v, family) ?? v;
    case 'mode':
      if (lower.startsWith('identity') || lower === 'main') return 'main';
      if (lower.startsWith('aggressive')) return 'aggressive';
      return v;
    case 'version':
      if (/^(ikev)?1$/.test(lower)) return 'ikev1';
      if (/^(ikev)?2$/.test(lower)) return 'ikev2';
      return v;
    case 'lifetime':
      return /^\d+$/.test(v) ? String(Number(v)) : v;
    case 'protocol':
      return lower === 'esp' ? 'esp' : lower === 'ah' ? 'ah' : v;
    case 'encap':
      return lower.includes('transport') ? 'transport' : lower.includes('tunnel') ? 'tunnel' : v;
  }
}

/** The parameter family of each ModifyVpnConnectionAttribute parameter. */
export const PARAMETER_FAMILY: Record<string, ParamFamily> = {
  IkeAuthAlg: 'auth',
  IpsecAuthAlg: 'auth',
  IkeEncAlg: 'enc',
  IpsecEncAlg: 'enc',
  IkePfs: 'dh',
  IpsecPfs: 'pfs',
  IkeMode: 'mode',
  IkeVersion: 'version',
  IkeLifetime: 'lifetime',
  IpsecLifetime: 'lifetime',
};

/**
 * Which parameter a `MismatchLocalParam`/`MismatchRemoteParam` pair describes (kb §4): decided by
 * the FailedReasonCode first, then by the shape of the values.
 */
export function inferMismatchParameter(code: string | undefined, local: string, remote: string): string | undefined {
  const both = `${local} ${remote}`.toLowerCase();
  const looksHmac = /hmac/.test(both);
  const looksHash = /\b(md5|sha\d*|sha2_\d+)\b/.test(both);
  const looksEnc = /\b(aes|des|3des|sm4)/.test(both);
  const looksDh = /modp|group|^\d+$/.test(both.trim()) || /bit modp/.test(both);
  const looksLifetime = /^\d{2,6}$/.test(local.trim()) && /^\d{2,6}$/.test(remote.trim());
  const looksVersion = /ikev?[12]/.test(both);
  const looksMode = /main|aggressive|identity/.test(both);
  switch (code) {
    case 'AuthenticationAlgorithmMismatch':
    case 'AlgorithmCompatibility':
      return looksHmac ? 'IpsecAuthAlg' : 'IkeAuthAlg';
    case 'EncryptionAlgorithmMismatch':
      return /-cbc/.test(both) ? 'IkeEncAlg' : 'IpsecEncAlg';
    case 'DhGroupMismatch':
      return 'IkePfs';
    case 'PfsMismatch':
      return 'IpsecPfs';
    case 'LifetimeMismatch':
      return 'IpsecLifetime';
    case 'IkeVersionMismatch':
      return 'IkeVersion';
    case 'NegotiationModeMismatch':
      return 'IkeMode';
    case 'PeerIdMismatch':
      return 'RemoteId';
    case 'TrafficSelectorMismatch':
      return 'RemoteSubnet';
    case 'NatTMismatch':
      return 'EnableNatTraversal';
    default:
      break;
  }
  if (looksHmac) return 'IpsecAuthAlg';
  if (looksHash) return 'IkeAuthAlg';
  if (looksEnc) return /-cbc/.test(both) ? 'IkeEncAlg' : 'IpsecEncAlg';
  if (looksVersion) return 'IkeVersion';
  if (looksMode) return 'IkeMode';
  if (looksDh && !looksLifetime) return 'IkePfs';
  if (looksLifetime) return 'IkeLifetime';
  return undefined;
}

/** Normalises a value for a named parameter (unknown parameters pass through). */
export function normalizeParameter(parameter: string, raw: string | undefined | null, extra?: { keyLength?: string | number }): string | undefined {
  const fam = PARAMETER_FAMILY[parameter];
  if (!fam) return raw === null || raw === undefined ? undefined : String(raw);
  return normalizeValue(fam, raw, extra);
}
