// The device half of a fix when the device is a FortiGate (its IKE debug or event log was read,
// or its FortiOS configuration given): the FortiOS CLI lines that set the device to the cloud's
// value of each parameter in the diff. Derived from the parameter table's meaning and the one
// spelling table; other devices' findings are untouched.
import type { DiffEntry, RemediationStep } from '../types.js';
import type { SubjectFacts } from '../facts/facts.js';
import { deviceSpelling } from '../vocabulary/spellings.js';
import { PSK_PLACEHOLDER } from '../check/fix.js';

const FORTIOS = new Set(['fortigate', 'fortios']);

/** `10.0.0.0/8` → `10.0.0.0 255.0.0.0`, as FortiOS writes a subnet. */
function subnetWords(cidr: string): string | undefined {
  const m = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(cidr.trim());
  if (!m) return undefined;
  const bits = Number(m[2]);
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return `${m[1]} ${[24, 16, 8, 0].map((s) => (mask >>> s) & 255).join('.')}`;
}

/** The cloud's value of a parameter: the diff's, else its exported configuration's. */
function cloudValue(p: string, diff: readonly DiffEntry[], s: SubjectFacts): string | undefined {
  return diff.find((d) => d.parameter === p)?.cloud ?? s.cloudConfig?.[p] ?? undefined;
}

/** `aes256-sha256`; a half the inputs do not show is named for the user to fill in from the connection. */
function pair(enc: string | undefined, auth: string | undefined, phase: 'Ike' | 'Ipsec'): string | undefined {
  const e = enc && deviceSpelling('fortios', 'enc', enc);
  const a = auth && deviceSpelling('fortios', 'hash', auth);
  if (!e && !a) return undefined;
  return `${e ?? `<the connection's ${phase}EncAlg>`}-${a ?? `<the connection's ${phase}AuthAlg>`}`;
}

/** `set …` lines of phase 1 and phase 2 that make the FortiGate match the cloud, per the diff. */
function settings(diff: readonly DiffEntry[], s: SubjectFacts): { p1: string[]; p2: string[] } {
  const p1: string[] = [];
  const p2: string[] = [];
  const has = (p: string): boolean => diff.some((d) => d.parameter === p);
  const v = (p: string): string | undefined => cloudValue(p, diff, s);
  if (has('IkeVersion') && v('IkeVersion')) p1.push(`set ike-version ${v('IkeVersion') === 'ikev2' ? 2 : 1}`);
  if (has('IkeMode') && v('IkeMode')) p1.push(`set mode ${v('IkeMode')}`);
  if (has('IkeEncAlg') || has('IkeAuthAlg')) {
    const prop = pair(v('IkeEncAlg'), v('IkeAuthAlg'), 'Ike');
    if (prop) p1.push(`set proposal ${prop}`);
  }
  if (has('IkePfs')) {
    const g = v('IkePfs') && deviceSpelling('fortios', 'dh', v('IkePfs')!);
    if (g) p1.push(`set dhgrp ${g}`);
  }
  if (has('IkeLifetime') && v('IkeLifetime')) p1.push(`set keylife ${v('IkeLifetime')}`);
  if (has('LocalId') && v('LocalId')) p1.push(`set peerid "${v('LocalId')}"`);
  if (has('RemoteId') && v('RemoteId')) p1.push(`set localid "${v('RemoteId')}"`);
  if (has('Psk')) p1.push(`set psksecret ${PSK_PLACEHOLDER}`);
  if (has('EnableNatTraversal') && v('EnableNatTraversal')) p1.push(`set nattraversal ${v('EnableNatTraversal') === 'true' ? 'enable' : 'disable'}`);
  if (has('EnableDpd') && v('EnableDpd')) p1.push(`set dpd ${v('EnableDpd') === 'true' ? 'on-idle' : 'disable'}`);
  if (has('IpsecEncAlg') || has('IpsecAuthAlg')) {
    const prop = pair(v('IpsecEncAlg'), v('IpsecAuthAlg'), 'Ipsec');
    if (prop) p2.push(`set proposal ${prop}`);
  }
  if (has('IpsecPfs') && v('IpsecPfs')) {
    const pfs = v('IpsecPfs')!;
    if (pfs === 'disabled') p2.push('set pfs disable');
    else {
      const g = deviceSpelling('fortios', 'dh', pfs);
      if (g) p2.push('set pfs enable', `set dhgrp ${g}`);
    }
  }
  if (has('IpsecLifetime') && v('IpsecLifetime')) p2.push(`set keylifeseconds ${v('IpsecLifetime')}`);
  // The cloud's local side is the FortiGate's destination, its remote side the FortiGate's source.
  const dst = has('LocalSubnet') && v('LocalSubnet') && !v('LocalSubnet')!.includes(',') ? subnetWords(v('LocalSubnet')!) : undefined;
  const src = has('RemoteSubnet') && v('RemoteSubnet') && !v('RemoteSubnet')!.includes(',') ? subnetWords(v('RemoteSubnet')!) : undefined;
  if (src) p2.push(`set src-subnet ${src}`);
  if (dst) p2.push(`set dst-subnet ${dst}`);
  return { p1, p2 };
}

/** The FortiOS CLI step of a finding about a FortiGate, when the diff says what to set. */
export function fortiosStep(diff: readonly DiffEntry[], s: SubjectFacts): RemediationStep | undefined {
  if (!s.peerDevice || !FORTIOS.has(s.peerDevice.dialect)) return undefined;
  const { p1, p2 } = settings(diff, s);
  if (p1.length === 0 && p2.length === 0) return undefined;
  const name = s.peerDevice.connName ?? '<phase1 name>';
  const lines: string[] = [];
  if (p1.length > 0) lines.push('config vpn ipsec phase1-interface', `    edit "${name}"`, ...p1.map((l) => `        ${l}`), '    next', 'end');
  if (p2.length > 0) lines.push('config vpn ipsec phase2-interface', '    edit "<phase2 name of ' + name + '>"', ...p2.map((l) => `        ${l}`), '    next', 'end');
  const params = diff.map((d) => d.parameter).join(', ');
  return { side: 'peer', step: `On the FortiGate, set ${params} to the cloud's values (FortiOS CLI; or change the connection with ModifyVpnConnectionAttribute instead):`, lines };
}
