// Owns the reading of configured proposal strings into DeviceProposal, through the one algorithm
// table (classifyAlg). strongSwan (`aes256-sha256-modp2048`, several of a kind allowed) and
// Libreswan (`aes256-sha2_256;modp2048`, `aes128+aes256-sha1`) spellings share the dash form.
import type { DeviceAlgorithm, DeviceProposal } from '../../../src/check/device-model.js';
import { classifyAlg, type AlgKind } from '../../../src/vocabulary/algorithms.js';

/** One algorithm: its Alibaba value when the table has one, else the spelling as written (lower case). */
export function deviceAlgorithm(token: string, value?: string): DeviceAlgorithm {
  const v = value ?? classifyAlg(token).value;
  return v !== undefined ? { value: v, alibaba: true } : { value: token.toLowerCase(), alibaba: false };
}

/** A DH group number as FortiOS and IANA number it (`14`) → DeviceAlgorithm (`group14`). */
export function dhGroupNumber(n: string): DeviceAlgorithm {
  const info = classifyAlg(`dh${n}`);
  return info.value !== undefined ? { value: info.value, alibaba: true } : { value: `group${n}`, alibaba: false };
}

function push(list: DeviceAlgorithm[], a: DeviceAlgorithm): void {
  if (!list.some((x) => x.value === a.value)) list.push(a);
}

/**
 * One dash-separated proposal (`aes256-sha256-modp2048`, `aes_gcm256-null;dh19`, `aes128+aes256-sha1`).
 * PRFs are left out (Alibaba derives them); `none`/`null` in DH position means no PFS.
 */
export function dashProposal(raw: string): DeviceProposal {
  const p: DeviceProposal = { enc: [], auth: [], dh: [], raw: raw.trim() };
  const tokens = raw.trim().replace(/!$/, '').split(/[-;+]/);
  for (const tok of tokens) {
    const t = tok.trim();
    if (t === '') continue;
    const kind: AlgKind = classifyAlg(t).kind;
    if (kind === 'enc') push(p.enc, deviceAlgorithm(t));
    else if (kind === 'integ' || kind === 'hash') push(p.auth, deviceAlgorithm(t));
    else if (kind === 'dh') push(p.dh, deviceAlgorithm(t));
    else if (kind === 'unknown') push(p.enc, deviceAlgorithm(t));
    // prf, esn, none: nothing Alibaba configures.
  }
  return p;
}

/** A comma-separated list of dash proposals (the `default` keyword expands to `defaults`). */
export function dashProposals(text: string, defaults: () => DeviceProposal[]): DeviceProposal[] {
  const out: DeviceProposal[] = [];
  for (const part of text.split(',')) {
    const t = part.trim();
    if (t === '') continue;
    if (t.toLowerCase() === 'default') out.push(...defaults());
    else out.push(dashProposal(t));
  }
  return out;
}
