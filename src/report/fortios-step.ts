// The device half of a fix when the device is a FortiGate (its IKE debug or event log was read,
// or its FortiOS configuration given): the FortiOS CLI lines that set the device to the cloud's
// value of each parameter in the diff — written by the FortiOS configuration dialect's own fix
// writer (grammars/config/fortios), the one that `check` uses. Other devices' findings are untouched.
import type { DiffEntry, RemediationStep } from '../types.js';
import type { SubjectFacts } from '../facts/facts.js';
import type { DeviceChange, DeviceConnection } from '../check/device-model.js';
import { fortiosEdits, renderFortiosEdits } from '../../grammars/config/fortios/edits.js';
import { PSK_PLACEHOLDER } from '../check/fix.js';

const FORTIOS = new Set(['fortigate', 'fortios']);

/** The changes that give the FortiGate the cloud's values; a value the inputs do not show is named for the user to fill in. */
function changesOf(diff: readonly DiffEntry[], s: SubjectFacts, child: string): DeviceChange[] {
  const has = (p: string): boolean => diff.some((d) => d.parameter === p);
  const known = (p: string): string | undefined => diff.find((d) => d.parameter === p)?.cloud ?? s.cloudConfig?.[p] ?? undefined;
  const v = (p: string): string => known(p) ?? `<the connection's ${p}>`;
  const out: DeviceChange[] = [];
  const kv = (p: string): string | undefined => (has(p) ? known(p) : undefined);
  if (kv('IkeVersion') === 'ikev1' || kv('IkeVersion') === 'ikev2') out.push({ field: 'ikeVersion', value: kv('IkeVersion') as 'ikev1' | 'ikev2' });
  if (kv('IkeMode') === 'main' || kv('IkeMode') === 'aggressive') out.push({ field: 'ikeMode', value: kv('IkeMode') as 'main' | 'aggressive' });
  if (['IkeEncAlg', 'IkeAuthAlg', 'IkePfs'].some((p) => kv(p))) out.push({ field: 'ikeProposal', enc: v('IkeEncAlg'), auth: v('IkeAuthAlg'), dh: v('IkePfs') });
  if (kv('IkeLifetime') && /^\d+$/.test(kv('IkeLifetime')!)) out.push({ field: 'ikeLifetime', seconds: Number(kv('IkeLifetime')) });
  if (kv('LocalId')) out.push({ field: 'remoteId', value: kv('LocalId')! });
  if (kv('RemoteId')) out.push({ field: 'localId', value: kv('RemoteId')! });
  if (has('Psk')) out.push({ field: 'psk', placeholder: PSK_PLACEHOLDER });
  if (kv('EnableNatTraversal')) out.push({ field: 'natTraversal', value: kv('EnableNatTraversal') === 'true' });
  if (kv('EnableDpd')) out.push({ field: 'dpd', value: kv('EnableDpd') === 'true' });
  if (['IpsecEncAlg', 'IpsecAuthAlg', 'IpsecPfs'].some((p) => kv(p))) out.push({ field: 'childProposal', child, enc: v('IpsecEncAlg'), auth: v('IpsecAuthAlg'), pfs: v('IpsecPfs') });
  if (kv('IpsecLifetime') && /^\d+$/.test(kv('IpsecLifetime')!)) out.push({ field: 'childLifetime', child, seconds: Number(kv('IpsecLifetime')) });
  // The cloud's local side is the FortiGate's destination, its remote side the FortiGate's source.
  if (kv('RemoteSubnet')) out.push({ field: 'localSubnets', child, value: kv('RemoteSubnet')!.split(',') });
  if (kv('LocalSubnet')) out.push({ field: 'remoteSubnets', child, value: kv('LocalSubnet')!.split(',') });
  return out;
}

/** The FortiOS CLI step of a finding about a FortiGate, when the diff says what to set. */
export function fortiosStep(diff: readonly DiffEntry[], s: SubjectFacts): RemediationStep | undefined {
  if (!s.peerDevice || !FORTIOS.has(s.peerDevice.dialect)) return undefined;
  const name = s.peerDevice.connName ?? '<phase1 name>';
  const child = `<phase2 name of ${name}>`;
  // The FortiGate as its log names it: the fix writer needs only the names (no line to replace).
  const at = { file: '', line: 1 };
  const conn: DeviceConnection = { dialect: 'fortios', name, at, children: [{ name: child, at }] };
  // A proposal is one setting, so a change of one algorithm writes the whole line; a line made of
  // nothing but values the inputs do not show (the phase-2 proposal of a PFS change) says nothing.
  const edits = changesOf(diff, s, child)
    .flatMap((c) => fortiosEdits(conn, c))
    .filter((e) => !/^(?:<the connection's \w+>-?)+$/.test(e.value))
    // Whether PFS is on is the cloud's IpsecPfs: unknown, the line would guess.
    .filter((e) => e.key !== 'pfs' || (diff.find((d) => d.parameter === 'IpsecPfs')?.cloud ?? s.cloudConfig?.['IpsecPfs']) !== undefined);
  if (edits.length === 0) return undefined;
  const params = diff.map((d) => d.parameter).join(', ');
  return { side: 'peer', step: `On the FortiGate, set ${params} to the cloud's values (FortiOS CLI; or change the connection with ModifyVpnConnectionAttribute instead):`, lines: renderFortiosEdits(edits) };
}
