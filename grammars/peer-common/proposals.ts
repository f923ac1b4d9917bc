// Proposal lists as the peer daemons print or configure them → Alibaba config values, one object
// per alternative the list allows. Pure: no I/O, no state. Formats understood:
//   strongSwan  `IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048, ESP:…/NO_EXT_SEQ`
//   Libreswan   `1:IKE=AES_CBC_256-HMAC_SHA2_256-HMAC_SHA2_256_128-MODP2048` (local, positional)
//               `1:IKE:ENCR=AES_CBC_256;INTEG=…;PRF=…;DH=MODP2048[first-match]` (remote)
//               `[AES_CBC (256), HMAC_SHA2_256, MODP2048]` (IKEv1 Oakley transform)
//               `{cipher=AES_CBC_256 integ=… prf=… group=MODP2048}`, `xfrm=AES_CBC_256-HMAC_SHA1_96`
//   config      `aes256-sha1;modp2048,aes128-sha1-modp1024`, `aes256-sha256-modp2048!`
// Algorithms with no Alibaba value are listed in `unknown`; the value is the table's name for
// them (`aes256gcm16`) or, failing that, their spelling.
import { classifyAlg, type AlgKind } from '../../src/vocabulary/algorithms.js';
import { ALGORITHM_PARAMETERS } from '../../src/vocabulary/parameters.js';

export type ProposalProtocol = 'IKE' | 'ESP' | 'AH';
export type ProposalParam = 'IkeEncAlg' | 'IkeAuthAlg' | 'IkePfs' | 'IpsecEncAlg' | 'IpsecAuthAlg' | 'IpsecPfs';
export const PROPOSAL_PARAMS = ALGORITHM_PARAMETERS as readonly ProposalParam[];

/** One concrete alternative of a proposal list, in Alibaba terms. */
export type NormalizedProposal = { [K in ProposalParam]?: string } & {
  /** Tokens with no Alibaba value, as written (the alternative's values name them as the table does). */
  unknown?: string[];
};

/** Alternatives produced per proposal at most (a proposal listing many algorithms multiplies out). */
export const MAX_ALTERNATIVES = 64;

interface Item {
  value: string;
  known: boolean;
}

interface Slots {
  protocol: ProposalProtocol;
  enc: Item[];
  integ: Item[];
  hash: Item[];
  prf: Item[];
  dh: Item[];
  none: boolean;
  unknown: string[];
}

const newSlots = (protocol: ProposalProtocol): Slots => ({ protocol, enc: [], integ: [], hash: [], prf: [], dh: [], none: false, unknown: [] });

/** Adds one token; `forced` is the kind its position or key says it has. */
function add(slots: Slots, raw: string, forced?: AlgKind): void {
  const token = raw.trim().replace(/!$/, '');
  if (token === '') return;
  const info = classifyAlg(token);
  if (info.kind === 'none' && forced !== 'enc') {
    // `NONE` in the DH position means no PFS; in the integrity position (AEAD) it means nothing.
    if (forced === 'dh') slots.none = true;
    return;
  }
  let kind: AlgKind = forced ?? info.kind;
  if (forced === 'integ' && info.kind === 'hash') kind = 'integ';
  switch (kind) {
    case 'esn':
      return;
    case 'enc':
    case 'integ':
    case 'hash':
    case 'prf':
    case 'dh': {
      const known = info.value !== undefined && (info.kind === kind || forced !== undefined);
      // With no Alibaba value, an algorithm the table names (AES-GCM) is given that name, so two
      // spellings of it compare equal and a diff reads the same whichever daemon wrote it.
      slots[kind].push({ value: known ? info.value! : (info.kind === kind ? (info.name ?? token) : token), known });
      if (!known) slots.unknown.push(token);
      return;
    }
    default:
      slots.unknown.push(token);
  }
}

function values(items: Item[]): string[] {
  return [...new Set(items.map((i) => i.value))];
}

function build(s: Slots): NormalizedProposal[] {
  const ike = s.protocol === 'IKE';
  const names = ike ? (['IkeEncAlg', 'IkeAuthAlg', 'IkePfs'] as const) : (['IpsecEncAlg', 'IpsecAuthAlg', 'IpsecPfs'] as const);
  const enc = values(s.enc);
  const authItems = s.integ.length > 0 ? s.integ : s.hash.length > 0 ? s.hash : ike ? s.prf : [];
  const auth = values(authItems);
  let pfs = values(s.dh);
  if (!ike && s.none) pfs = ['disabled', ...pfs];
  if (!ike && pfs.length === 0) pfs = ['disabled'];
  const axes: [ProposalParam, string[]][] = [];
  if (enc.length) axes.push([names[0], enc]);
  if (auth.length) axes.push([names[1], auth]);
  if (pfs.length) axes.push([names[2], pfs]);
  let out: NormalizedProposal[] = [{}];
  for (const [param, opts] of axes) {
    const next: NormalizedProposal[] = [];
    for (const base of out) for (const v of opts) if (next.length < MAX_ALTERNATIVES) next.push({ ...base, [param]: v });
    out = next;
  }
  if (s.unknown.length) {
    const unknown = [...new Set(s.unknown)];
    for (const p of out) p.unknown = unknown;
  }
  return out;
}

const protocolOf = (p: string | undefined, fallback: ProposalProtocol): ProposalProtocol =>
  p === 'ESP' || p === 'AH' || p === 'IKE' ? p : fallback;

/** strongSwan: comma-separated `PROTO:alg/alg/…`. */
function parseStrongswan(text: string, hint: ProposalProtocol): Slots[] {
  return text
    .split(/,\s*/)
    .filter((p) => p.trim() !== '')
    .map((p) => {
      const m = /^\s*(IKE|ESP|AH):(.*)$/.exec(p);
      const slots = newSlots(protocolOf(m?.[1], hint));
      for (const t of (m ? m[2]! : p).split('/')) add(slots, t);
      return slots;
    });
}

const REMOTE_KEYS: Readonly<Record<string, AlgKind>> = { ENCR: 'enc', INTEG: 'integ', PRF: 'prf', DH: 'dh', KE: 'dh', ESN: 'esn' };

/** Libreswan remote proposals: `1:IKE:ENCR=…;INTEG=…;PRF=…;DH=…[first-match] 2:ESP:…`. */
function parseLibreswanRemote(text: string, hint: ProposalProtocol): Slots[] {
  return text
    .split(/\s+(?=\d+:(?:IKE|ESP|AH):)/)
    .map((p) => {
      const m = /^\s*\d+:(IKE|ESP|AH):(.*)$/.exec(p);
      const slots = newSlots(protocolOf(m?.[1], hint));
      for (const kv of (m ? m[2]! : p).replace(/\[[^\]]*\]/g, '').split(';')) {
        const eq = kv.indexOf('=');
        if (eq < 0) continue;
        const kind = REMOTE_KEYS[kv.slice(0, eq).trim().toUpperCase()];
        for (const v of kv.slice(eq + 1).split(',')) add(slots, v, kind);
      }
      return slots;
    });
}

const POSITIONS: Readonly<Record<ProposalProtocol, AlgKind[]>> = {
  IKE: ['enc', 'prf', 'integ', 'dh'],
  ESP: ['enc', 'integ', 'dh', 'esn'],
  AH: ['integ', 'dh', 'esn'],
};

/** Libreswan local proposals: `1:IKE=enc-prf-integ-dh`, `1:ESP=enc-integ-dh-esn` (`+` = alternatives). */
function parseLibreswanLocal(text: string, hint: ProposalProtocol): Slots[] {
  return text
    .trim()
    .split(/\s+/)
    .map((p) => {
      const m = /^\d+:(IKE|ESP|AH)=(.*)$/.exec(p);
      const slots = newSlots(protocolOf(m?.[1], hint));
      const positions = POSITIONS[slots.protocol];
      (m ? m[2]! : p).split('-').forEach((field, i) => {
        for (const alt of field.split('+')) add(slots, alt, positions[i]);
      });
      return slots;
    });
}

/** IKEv1 Oakley transform: `[AES_CBC (256), HMAC_SHA2_256, MODP2048]`. */
function parseOakley(text: string, hint: ProposalProtocol): Slots[] {
  const slots = newSlots(hint);
  const inner = text.replace(/^\s*\[/, '').replace(/\]\s*$/, '');
  for (const t of inner.split(/,\s*/)) add(slots, t.replace(/\s*\((\d+)\)/, '_$1'));
  return [slots];
}

const BRACE_KEYS: Readonly<Record<string, AlgKind | 'xfrm'>> = {
  cipher: 'enc',
  encr: 'enc',
  enc: 'enc',
  integ: 'integ',
  prf: 'prf',
  hash: 'hash',
  group: 'dh',
  dh: 'dh',
  pfsgroup: 'dh',
  xfrm: 'xfrm',
};

/** Libreswan brace summaries: `{auth=PRESHARED_KEY cipher=AES_CBC_256 integ=… group=MODP2048}`. */
function parseBrace(text: string, hint: ProposalProtocol): Slots[] {
  const inner = /\{([^}]*)\}/.exec(text)?.[1] ?? text;
  const hasXfrm = /\bxfrm=/.test(inner);
  const slots = newSlots(hasXfrm && hint === 'IKE' ? 'ESP' : hint);
  for (const kv of inner.split(/\s+/)) {
    const eq = kv.indexOf('=');
    if (eq < 0) continue;
    const kind = BRACE_KEYS[kv.slice(0, eq).toLowerCase()];
    if (!kind) continue;
    const v = kv.slice(eq + 1);
    if (kind === 'xfrm') for (const t of v.split('-')) add(slots, t);
    else add(slots, v, kind === 'hash' ? undefined : kind);
  }
  return [slots];
}

/** Configuration strings: proposals split by `,`, algorithms by `-`, `;`, `/` or spaces. */
function parseConfig(text: string, hint: ProposalProtocol): Slots[] {
  return text
    .split(',')
    .filter((p) => p.trim() !== '')
    .map((p) => {
      const slots = newSlots(hint);
      for (const t of p.split(/[-;/\s]+/)) add(slots, t);
      return slots;
    });
}

/**
 * Parses a proposal list into Alibaba values: `IkeEncAlg`/`IkeAuthAlg`/`IkePfs` for IKE proposals,
 * `IpsecEncAlg`/`IpsecAuthAlg`/`IpsecPfs` for ESP/AH (no DH group → `IpsecPfs: 'disabled'`).
 * `hint` is the protocol of lists that do not say it (IKE by default).
 */
export function parseProposalList(text: string, hint: ProposalProtocol = 'IKE'): NormalizedProposal[] {
  const t = text.trim();
  if (t === '') return [];
  let slots: Slots[];
  if (/\b\d+:(?:IKE|ESP|AH):/.test(t)) slots = parseLibreswanRemote(t, hint);
  else if (/\b\d+:(?:IKE|ESP|AH)=/.test(t)) slots = parseLibreswanLocal(t, hint);
  else if (/(?:^|[\s,])(?:IKE|ESP|AH):/.test(t)) slots = parseStrongswan(t, hint);
  else if (/\{[^}]*=/.test(t) || /^xfrm=/.test(t)) slots = parseBrace(t, hint);
  else if (t.startsWith('[') || /\(\d+\)/.test(t)) slots = parseOakley(t, hint);
  else if (t.includes('/') && !/\s/.test(t)) slots = parseStrongswan(t, hint);
  else slots = parseConfig(t, hint);
  return slots.flatMap(build);
}

/** Phase of a list: 2 when it proposes ESP/AH, else 1. */
export function proposalPhase(text: string): 1 | 2 {
  return /\b(?:ESP|AH)[:=]/.test(text) ? 2 : 1;
}
