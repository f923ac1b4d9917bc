// Daemon spellings → Alibaba `ModifyVpnConnectionAttribute` config values (kb §4, §5.4): `SHA` →
// `sha1`, `2048-bit MODP group` → `group14`, `AES-CBC`+256 → `aes256`, through the one algorithm
// table (vocabulary/algorithms.ts); this module adds racoon2's phrasing and the parameter families.
// Unknown tokens pass through untouched so a reader still sees what the daemon said.
import { classifyAlg } from '../vocabulary/algorithms.js';
import { PARAMETER_FAMILY, type ParamFamily } from '../vocabulary/parameters.js';

export type { ParamFamily } from '../vocabulary/parameters.js';


/** An integrity/hash/PRF name → Alibaba's value (`HMAC_SHA2_256_128`, `hmac-sha1`, `SHA` → …). */
function normAuth(raw: string): string | undefined {
  const info = classifyAlg(raw);
  return info.kind === 'hash' || info.kind === 'integ' || info.kind === 'prf' ? info.value : undefined;
}

/** racoon2 writes a cipher and its key length apart (`AES-CBC` + 256): joined before the table is read. */
function normEnc(raw: string, keyLength?: string | number): string | undefined {
  const v = raw.toLowerCase().replace(/_/g, '-');
  const m = /^(aes|3des|des|sm4)(?:-cbc)?(?:-?(128|192|256))?$/.exec(v);
  if (m) return classifyAlg(m[1] === 'aes' ? `AES${m[2] ?? keyLength ?? '128'}` : m[1]!).value;
  const info = classifyAlg(raw);
  return info.kind === 'enc' ? (info.value ?? info.name) : undefined;
}

/** racoon2's `2048-bit MODP group` / `256-bit random ECP group`, the API's `14`, and every table spelling. */
function normDh(raw: string, family: 'dh' | 'pfs'): string | undefined {
  const v = raw.trim().toLowerCase();
  const phrase = /(\d+)-bit (?:random )?(modp|ecp)/.exec(v);
  const num = /^(?:group|dh)?\s*(\d+)$/.exec(v);
  if (num?.[1] === '0' || v === 'none' || v === 'disabled' || v === 'no pfs') return family === 'pfs' ? 'disabled' : undefined;
  if (v === 'enabled') return family === 'pfs' ? 'enabled (group not logged)' : undefined;
  const info = classifyAlg(phrase ? `${phrase[2]}${phrase[1]}` : num ? `GROUP${num[1]}` : raw);
  return info.kind === 'dh' ? info.value : undefined;
}

/** Normalises one value of a parameter family; returns the input when it is not recognised. */
export function normalizeValue(family: ParamFamily, raw: string | undefined | null, extra?: { keyLength?: string | number }): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  const v = String(raw).trim();
  if (v === '') return undefined;
  const lower = v.toLowerCase();
  switch (family) {
    case 'auth':
      return normAuth(v) ?? v;
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
