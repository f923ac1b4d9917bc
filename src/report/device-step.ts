// The device half of a fix in the device's own syntax: the lines that set the device to the
// cloud's value of each parameter in the diff, written by the device configuration dialect's fix
// writer (grammars/config/<dialect>), the one `check` uses. With the device's configuration given
// beside the logs, the writer edits the real connection (the lines it replaces are known); with a
// FortiGate log alone, the FortiOS writer needs only the names the log gives. Other devices' logs
// alone (strongSwan, Libreswan, Cisco, Huawei) say too little of the configuration's layout: their
// findings keep the rule's own steps.
import type { DiffEntry, RemediationStep } from '../types.js';
import type { SubjectFacts } from '../facts/facts.js';
import type { ConfigDialectId, DeviceChange, DeviceConnection } from '../check/device-model.js';
import { configDialect } from '../../grammars/config/index.js';
import { PSK_PLACEHOLDER } from '../check/fix.js';

/** How a step names the device and the syntax of its lines. */
const DEVICE_WORDS: Record<ConfigDialectId, { device: string; syntax: string }> = {
  fortios: { device: 'the FortiGate', syntax: 'FortiOS CLI' },
  swanctl: { device: 'the device', syntax: 'swanctl.conf' },
  'strongswan-ipsec-conf': { device: 'the device', syntax: 'strongSwan ipsec.conf' },
  libreswan: { device: 'the device', syntax: 'Libreswan ipsec.conf' },
  'cisco-ios': { device: 'the Cisco router', syntax: 'IOS configuration mode' },
  huawei: { device: 'the Huawei/H3C device', syntax: 'system view' },
};

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

/** The connection the fix writer edits: the configuration given, else a FortiGate named by its log. */
function connectionOf(s: SubjectFacts): { conn: DeviceConnection; child: string } | undefined {
  if (s.deviceConnection) {
    const conn = s.deviceConnection;
    return { conn, child: conn.children[0]?.name ?? `<child of ${conn.name}>` };
  }
  if (!s.peerDevice || s.peerDevice.dialect !== 'fortigate') return undefined;
  const name = s.peerDevice.connName ?? '<phase1 name>';
  const child = `<phase2 name of ${name}>`;
  // The FortiGate as its log names it: the fix writer needs only the names (no line to replace).
  const at = { file: '', line: 1 };
  return { conn: { dialect: 'fortios', name, at, children: [{ name: child, at }] }, child };
}

/** The device step of a finding, when the diff says what to set and the device's syntax is known. */
export function deviceStep(diff: readonly DiffEntry[], s: SubjectFacts): RemediationStep | undefined {
  const target = connectionOf(s);
  if (!target) return undefined;
  const { conn, child } = target;
  const writer = configDialect(conn.dialect);
  // A proposal is one setting, so a change of one algorithm writes the whole line; a line made of
  // nothing but values the inputs do not show (the phase-2 proposal of a PFS change) says nothing.
  const edits = changesOf(diff, s, child)
    .flatMap((c) => writer.edits(conn, c))
    .filter((e) => !/^(?:<the connection's \w+>-?)+$/.test(e.value))
    // Whether PFS is on is the cloud's IpsecPfs: unknown, the line would guess.
    .filter((e) => e.key !== 'pfs' || (diff.find((d) => d.parameter === 'IpsecPfs')?.cloud ?? s.cloudConfig?.['IpsecPfs']) !== undefined);
  if (edits.length === 0) return undefined;
  const lines = writer.renderEdits(edits);
  if (lines.length === 0) return undefined;
  const params = diff.map((d) => d.parameter).join(', ');
  const words = DEVICE_WORDS[conn.dialect];
  const where = s.deviceConnection ? ` (${words.syntax}, connection ${conn.name} of ${conn.at.file}; or change the connection with ModifyVpnConnectionAttribute instead):` : ` (${words.syntax}; or change the connection with ModifyVpnConnectionAttribute instead):`;
  return { side: 'peer', step: `On ${words.device}, set ${params} to the cloud's values${where}`, lines };
}
