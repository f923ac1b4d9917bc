// Cisco's proposal shapes, gathered line by line into the `PROTO:alg/alg/…` text the shared
// proposal parser reads (src/vocabulary/algorithms.ts classifies every token): the IOS IKEv1
// attribute lists (`ISAKMP:      encryption AES-CBC`, `keylength of 256`, `transform 1, ESP_AES`,
// `authenticator is HMAC-SHA`, `group is 14`), the IKEv2 SA payload of a packet dump
// (`Proposal: 1, Protocol id: ESP`, `type: 4, reserved: 0x0, id: DH_GROUP_2048_MODP/Group 14`) and
// the configured side from `show` output (ISAKMP policies, transform sets). Only the spelling is
// rewritten here (a key length joined to its cipher); what a token means is the table's.
import { proposalVars } from '../peer-common/proposal-diff.js';
import type { SeenProposals } from '../peer-common/session-state.js';
import type { TransformBlock } from './state.js';

export function openBlock(kind: TransformBlock['kind'], phase: 1 | 2, pfsUnknown = false): TransformBlock {
  return { kind, phase, proposals: new Map(), current: '', ...(pfsUnknown ? { pfsUnknown } : {}) };
}

export function startProposal(b: TransformBlock, id: string): void {
  b.current = id;
  if (!b.proposals.has(id)) b.proposals.set(id, { tokens: [] });
  else b.proposals.set(id, { tokens: [] });
}

function cur(b: TransformBlock): { enc?: string; keyLen?: string; tokens: string[] } {
  if (!b.proposals.has(b.current)) b.proposals.set(b.current, { tokens: [] });
  return b.proposals.get(b.current)!;
}

/** `AES-CBC`, `AES-CBC-256`, `3DES-CBC`, `ESP_AES` → a cipher token, its key length kept apart. */
function setEnc(b: TransformBlock, name: string): void {
  const m = /^(?:ESP_)?(.*?)(?:[-_](\d{3}))?$/i.exec(name.trim())!;
  const p = cur(b);
  p.enc = m[1]!.replace(/-/g, '_');
  if (m[2]) p.keyLen = m[2];
}

/** One IOS IKEv1 attribute line (after `ISAKMP:`): 'transform' when it carried an algorithm, 'line' when it belongs to the list, undefined when not. */
export function feedAttribute(b: TransformBlock, msg: string): 'transform' | 'line' | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^transform (\d+), ESP_(\w+)/.exec(msg))) {
    startProposal(b, m[1]!);
    b.phase = 2;
    setEnc(b, m[2]!);
    return 'transform';
  }
  if ((m = /^encryption (\S+)/.exec(msg))) {
    setEnc(b, m[1]!);
    return 'transform';
  }
  if ((m = /^(?:keylength of|key length is) (\d+)/.exec(msg))) {
    cur(b).keyLen = m[1]!;
    return 'transform';
  }
  if ((m = /^hash (\S+)/.exec(msg))) {
    cur(b).tokens.push(m[1]!);
    return 'transform';
  }
  if ((m = /^authenticator is (HMAC-\S+)/.exec(msg))) {
    cur(b).tokens.push(m[1]!.replace(/-/g, '_'));
    return 'transform';
  }
  if ((m = /^(?:default )?group (?:is )?(\d+)$/.exec(msg))) {
    cur(b).tokens.push(`GROUP${m[1]}`);
    return 'transform';
  }
  if (/^(?:auth |life |SA life |encaps is |attributes in transform|AES-CBC|Checking )/.test(msg)) return 'line';
  return undefined;
}

/** One IKEv2 SA-payload dump line: `Proposal: N, Protocol id: X` or `type: T, reserved: 0x0, id: X`. */
export function feedDump(b: TransformBlock, line: string): 'transform' | 'line' | undefined {
  let m = /Proposal: (\d+), Protocol id: (\w+)/.exec(line);
  if (m) {
    startProposal(b, m[1]!);
    b.phase = m[2] === 'IKE' ? 1 : 2;
    return 'line';
  }
  m = /type: (\d+), reserved: 0x[0-9a-f]+, id: (.+?)\s*$/i.exec(line);
  if (!m) return undefined;
  const id = m[2]!;
  switch (m[1]) {
    case '1':
      setEnc(b, id);
      return 'transform';
    case '2':
      cur(b).tokens.push(`PRF_${id.replace(/-/g, '_')}`);
      return 'transform';
    case '3':
      cur(b).tokens.push(`HMAC_${id.replace(/-/g, '_')}`);
      return 'transform';
    case '4': {
      const g = /Group (\d+)/i.exec(id);
      cur(b).tokens.push(g ? `GROUP${g[1]}` : id);
      return 'transform';
    }
    default:
      return 'line';
  }
}

/**
 * ASA IKEv2 `Proposal 1: AES-CBC-256 SHA256 SHA256 DH_GROUP_2048_MODP/Group 14`: encryption, PRF,
 * integrity (`SHA96` = HMAC-SHA1-96, as the IOS dump names it) and DH group of one IKE proposal.
 */
export function feedPolicy(b: TransformBlock, id: string, enc: string, prf: string, integ: string, dh: string): void {
  startProposal(b, id);
  setEnc(b, enc);
  cur(b).tokens.push(`PRF_${prf.replace(/-/g, '_')}`, `HMAC_${integ.replace(/-/g, '_')}`);
  const g = /Group (\d+)/i.exec(dh);
  if (g) cur(b).tokens.push(`GROUP${g[1]}`);
}

/** `show crypto isakmp policy`: one policy's continuation lines → one proposal. */
export function feedPolicyLine(b: TransformBlock, line: string): void {
  let m = /encryption algorithm:\s*(.+)$/.exec(line);
  if (m) {
    const t = m[1]!;
    const bits = /\((\d+) bit keys?\)/.exec(t)?.[1];
    if (/AES/.test(t)) setEnc(b, bits ? `AES-${bits}` : 'AES');
    else if (/triple DES|3DES/i.test(t)) setEnc(b, '3DES');
    else if (/^DES/.test(t)) setEnc(b, 'DES');
    return;
  }
  m = /hash algorithm:\s*(.+)$/.exec(line);
  if (m) {
    const t = m[1]!;
    const bits = /Secure Hash Standard 2 \((\d+) bit\)/.exec(t)?.[1];
    cur(b).tokens.push(bits ? `SHA${bits}` : /Secure Hash Standard/.test(t) ? 'SHA' : /Message Digest 5/.test(t) ? 'MD5' : t.trim());
    return;
  }
  m = /Diffie-Hellman group:\s*#(\d+)/.exec(line);
  if (m) cur(b).tokens.push(`GROUP${m[1]}`);
}

/** A transform set's words (`esp-aes 256 esp-sha-hmac`) → one ESP proposal. */
export function transformSetTokens(b: TransformBlock, words: string[]): void {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.toLowerCase();
    const bits = /^\d+$/.test(words[i + 1] ?? '') ? words[++i] : undefined;
    let m: RegExpExecArray | null;
    if ((m = /^esp-(aes|3des|des|gcm|gmac|null|seal)$/.exec(w))) setEnc(b, `${m[1] === 'gcm' || m[1] === 'gmac' ? `AES_${m[1]!.toUpperCase()}` : m[1]!.toUpperCase()}${bits ? `-${bits}` : ''}`);
    else if ((m = /^esp-(md5|sha|sha256|sha384|sha512)-hmac$/.exec(w))) cur(b).tokens.push(`HMAC_${m[1]!.toUpperCase()}`);
  }
}

/** The block as proposal text (`IKE:AES_CBC_256/SHA256/GROUP14, …`). */
export function blockText(b: TransformBlock, pfsToken?: string): string {
  const out: string[] = [];
  for (const p of b.proposals.values()) {
    const toks = [...(p.enc ? [`${p.enc}${p.keyLen ? `_${p.keyLen}` : ''}`] : []), ...p.tokens];
    if (pfsToken && b.phase === 2 && !toks.some((t) => /^GROUP/.test(t))) toks.push(pfsToken);
    if (toks.length > 0) out.push(`${b.phase === 2 ? 'ESP' : 'IKE'}:${toks.join('/')}`);
  }
  return out.join(', ');
}

/** The block as the session keeps it, and the event variables that carry it. */
export function blockSeen(b: TransformBlock, pfsToken?: string): { seen: SeenProposals & { pfsUnknown?: boolean }; vars: Record<string, string> } {
  const raw = blockText(b, pfsToken);
  const p = proposalVars(raw, b.phase === 2 ? 'ESP' : 'IKE');
  return { seen: { raw, phase: b.phase, list: p.list, ...(b.pfsUnknown && !pfsToken ? { pfsUnknown: true } : {}) }, vars: { ...p.vars, phase: String(b.phase) } };
}
