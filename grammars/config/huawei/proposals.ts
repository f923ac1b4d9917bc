// Owns the reading of VRP and Comware proposal sections into DeviceProposal through the one
// algorithm table: `ike proposal N` (IKEv1 `authentication-algorithm`, IKEv2 `integrity-algorithm`),
// Comware `ikev2 proposal NAME` (`encryption`/`integrity`/`dh`, several each), VRP
// `ipsec proposal P` and Comware `ipsec transform-set TS` (`esp …`, the latter with `pfs`).
import type { DeviceAlgorithm, DeviceProposal } from '../../../src/check/device-model.js';
import type { Problem } from '../../../src/types.js';
import { CONFIG_CODES, configProblem } from '../common/problems.js';
import { deviceAlgorithm } from '../common/proposals.js';
import { parseDuration } from '../common/values.js';
import { H3C, H3C_IKE, VRP, VRP_ESP, VRP_IKE } from './defaults.js';
import { child, type HwNode } from './parser.js';
import type { HwFlavour } from './refs.js';
import type { HwLine } from './tokens.js';

export interface ReadProposal {
  proposal: DeviceProposal;
  /** Whether any algorithm came from the vendor default. */
  defaulted: boolean;
  /** `sa duration N` of an IKE proposal, read or undefined. */
  life?: { seconds: number; line: HwLine };
}

/** `aes 256` (older VRP) and `aes-256` read alike. */
const algWords = (l: HwLine, from: number): string[] => (l.words.length === from + 2 && /^\d+$/.test(l.words[from + 1]!) ? [`${l.words[from]}-${l.words[from + 1]}`] : l.words.slice(from));

function pick(n: HwNode | undefined, key: string, from: number, dflt: string | undefined, parts: string[], label: string): { algs: DeviceAlgorithm[]; defaulted: boolean } {
  const l = child(n, key);
  if (l) {
    parts.push(l.raw);
    return { algs: algWords(l, from).map((w) => deviceAlgorithm(w)), defaulted: false };
  }
  if (dflt === undefined) return { algs: [], defaulted: false };
  parts.push(`${label}: ${key} ${dflt}`);
  return { algs: [deviceAlgorithm(dflt)], defaulted: true };
}

function lifeOf(n: HwNode | undefined, problems: Problem[]): ReadProposal['life'] {
  const l = child(n, 'sa duration');
  if (!l) return undefined;
  const seconds = parseDuration(l.words[l.words.length - 1] ?? '');
  if (seconds === undefined) {
    problems.push(configProblem(l.file, l.line, CONFIG_CODES.value, "'sa duration' is not a number of seconds", 'Write seconds, as in `sa duration 86400`'));
    return undefined;
  }
  return { seconds, line: l };
}

/** An `ike proposal N` (VRP or Comware, IKEv1 or IKEv2) or a Comware `ikev2 proposal NAME`. */
export function ikeProposal(n: HwNode, flavour: HwFlavour, v2: boolean, problems: Problem[]): ReadProposal {
  const parts: string[] = [n.head.raw];
  const isV2Section = n.head.lower[0] === 'ikev2';
  let enc;
  let auth;
  let dh;
  if (isV2Section) {
    enc = pick(n, 'encryption', 1, undefined, parts, H3C);
    auth = pick(n, 'integrity', 1, undefined, parts, H3C);
    dh = pick(n, 'dh', 1, undefined, parts, H3C);
  } else {
    const d = flavour === 'vrp' ? { ...VRP_IKE, label: VRP } : { ...H3C_IKE, label: H3C };
    enc = pick(n, 'encryption-algorithm', 1, d.enc, parts, d.label);
    auth = flavour === 'vrp' && v2 ? pick(n, 'integrity-algorithm', 1, `hmac-${VRP_IKE.auth}`, parts, VRP) : pick(n, 'authentication-algorithm', 1, d.auth, parts, d.label);
    dh = pick(n, 'dh', 1, d.dh, parts, d.label);
  }
  const proposal: DeviceProposal = { enc: enc.algs, auth: auth.algs, dh: dh.algs, raw: parts.join('; ') };
  const life = lifeOf(n, problems);
  return { proposal, defaulted: enc.defaulted || auth.defaulted || dh.defaulted, ...(life ? { life } : {}) };
}

/** The built-in proposal a VRP or Comware peer uses when no proposal is configured. */
export function builtinIkeProposal(flavour: HwFlavour): DeviceProposal {
  const d = flavour === 'vrp' ? VRP_IKE : H3C_IKE;
  return { enc: [deviceAlgorithm(d.enc)], auth: [deviceAlgorithm(d.auth)], dh: [deviceAlgorithm(d.dh)], raw: `${flavour === 'vrp' ? VRP : H3C}: encryption-algorithm ${d.enc}; authentication-algorithm ${d.auth}; dh ${d.dh}` };
}

/** A VRP `ipsec proposal` or Comware `ipsec transform-set`, with the PFS group given (VRP keeps it in the policy). */
export function espProposal(n: HwNode, flavour: HwFlavour, pfs: HwLine | undefined, problems: Problem[]): ReadProposal {
  const parts: string[] = [n.head.raw];
  const transform = child(n, 'transform');
  if (transform && transform.lower[1] !== 'esp') problems.push(configProblem(transform.file, transform.line, CONFIG_CODES.value, 'the proposal does not use ESP, which the Alibaba Cloud VPN gateway requires', 'Write `transform esp`'));
  const enc = pick(n, 'esp encryption-algorithm', 2, flavour === 'vrp' ? VRP_ESP.enc : undefined, parts, VRP);
  const auth = pick(n, 'esp authentication-algorithm', 2, flavour === 'vrp' ? VRP_ESP.auth : undefined, parts, VRP);
  const dh: DeviceAlgorithm[] = [];
  if (pfs && pfs.lower[0] === 'pfs' && pfs.words[1]) {
    parts.push(pfs.raw);
    dh.push(...pfs.words.slice(1).map((w) => deviceAlgorithm(w)));
  } else parts.push(pfs ? pfs.raw : `${flavour === 'vrp' ? VRP : H3C}: no pfs`);
  return { proposal: { enc: enc.algs, auth: auth.algs, dh, raw: parts.join('; ') }, defaulted: enc.defaulted || auth.defaulted };
}
